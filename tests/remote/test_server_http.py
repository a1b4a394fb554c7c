"""The real server on loopback, with real HTTP clients: the API, the status codes, tokens and
lockout, and hostile input that must be answered or dropped without affecting the meeting."""

from __future__ import annotations

import contextlib
import socket
import time
from typing import Any

import pytest

from .remote_helpers import LiveServer, http

pytestmark = pytest.mark.e2e


def test_state_and_commands_over_http(live: LiveServer) -> None:
    status, state, headers = http("GET", live.base + "/api/v1/state")
    assert status == 200
    assert headers["Content-Type"].startswith("application/json")
    assert state["started"] is False
    status, body, _ = http("POST", live.base + "/api/v1/commands/go")
    assert (status, body["ok"], body["outcome"]) == (200, True, "done")
    assert body["rev"] == live.host.revision
    # button hardware that can only GET, arguments in the query
    status, body, _ = http("GET", live.base + "/api/v1/commands/jump?item=talk")
    assert (status, body["outcome"]) == (200, "done")
    # arguments as a JSON body
    status, body, _ = http(
        "POST", live.base + "/api/v1/commands/message", body={"to": "stage", "text": "请控制时间"}
    )
    assert status == 200
    state = http("GET", live.base + "/api/v1/state")[1]
    assert state["item_id"] == "talk"
    assert state["message_stage"] == "请控制时间"
    assert state["rev"] == body["rev"]


def test_every_remote_command_is_journaled_with_where_it_came_from(live: LiveServer) -> None:
    http("POST", live.base + "/api/v1/commands/go")
    via = live.host.last_remote[1]
    assert via == "http 127.0.0.1"


def test_status_codes(live: LiveServer) -> None:
    assert http("POST", live.base + "/api/v1/commands/no-such")[0] == 404
    assert http("POST", live.base + "/api/v1/commands/help")[0] == 404
    assert http("POST", live.base + "/api/v1/commands/adjust?delta_s=x")[0] == 400
    assert http("POST", live.base + "/api/v1/commands/go", raw=b"{not json")[0] == 400
    assert http("POST", live.base + "/api/v1/commands/go", body=[1, 2])[0] == 400
    assert http("PUT", live.base + "/api/v1/commands/go")[0] == 405
    assert http("GET", live.base + "/nothing-here")[0] == 404
    listed = http("GET", live.base + "/api/v1/commands")[1]
    assert "go" in {c["id"] for c in listed["commands"]}


def test_no_cors_and_no_cross_site_commands(live: LiveServer) -> None:
    evil = {"Origin": "http://evil.example"}
    status, _, headers = http("POST", live.base + "/api/v1/commands/go", headers=evil)
    assert status == 403
    assert not live.host.session.started
    assert not [h for h in headers if h.lower().startswith("access-control")]
    status, _, headers = http("OPTIONS", live.base + "/api/v1/commands/go", headers=evil)
    assert not [h for h in headers if h.lower().startswith("access-control")]
    # an <img src> on another site sends no Origin, but the browser says where it came from
    site = {"Sec-Fetch-Site": "cross-site"}
    assert http("GET", live.base + "/api/v1/commands/go", headers=site)[0] == 403
    assert not live.host.session.started
    ours = {"Origin": live.base, "Sec-Fetch-Site": "same-origin"}
    assert http("POST", live.base + "/api/v1/commands/go", headers=ours)[0] == 200


def test_a_name_that_is_not_ours_is_refused_without_tokens(live: LiveServer) -> None:
    """DNS rebinding: a page whose name resolves to 127.0.0.1 must not drive the podium."""
    status, _, _ = http("GET", live.base + "/api/v1/state", headers={"Host": "evil.example"})
    assert status == 403


@pytest.fixture
def guarded(live_factory: Any, host: Any) -> LiveServer:
    return live_factory(host, tokens=True)


def test_tokens(guarded: LiveServer) -> None:
    gate = guarded.server.gate
    state_url = guarded.base + "/api/v1/state"
    go_url = guarded.base + "/api/v1/commands/go"
    assert http("GET", state_url)[0] == 401
    assert http("GET", state_url, headers={"Authorization": f"Bearer {gate.view}"})[0] == 200
    status, _body, _ = http("POST", go_url, headers={"Authorization": f"Bearer {gate.view}"})
    assert status == 403 and not guarded.host.session.started
    status, _body, _ = http("POST", go_url, headers={"Authorization": f"Bearer {gate.control}"})
    assert status == 200 and guarded.host.session.started
    assert http("GET", f"{guarded.base}/api/v1/commands/back?token={gate.control}")[0] == 200


def test_token_once_in_the_address_then_a_cookie(guarded: LiveServer) -> None:
    gate = guarded.server.gate
    status, page, _ = http("GET", f"{guarded.base}/stage")
    assert status == 401 and page.startswith("podium: a token is needed")
    status, _, headers = http("GET", f"{guarded.base}/control?token={gate.control}")
    assert status == 303
    assert headers["Location"] == "/control"  # the token leaves the address bar
    bearer = {"Authorization": f"Bearer {gate.control}"}
    _, _, other = http("GET", f"{guarded.base}/api/v1/state?token=wrong", headers=bearer)
    assert "Set-Cookie" not in other  # only the token that was checked is remembered
    cookie = headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie
    pair = cookie.split(";")[0]
    assert http("GET", guarded.base + "/control", headers={"Cookie": pair})[0] == 200
    same = {"Cookie": pair, "Origin": guarded.base}
    assert http("POST", guarded.base + "/api/v1/commands/go", headers=same)[0] == 200


def test_a_view_link_does_not_take_control_away(guarded: LiveServer) -> None:
    """An operator holding the control cookie who opens a view link (`/control?token=VIEW`,
    sent round by mistake) keeps control; a control link upgrades a view cookie."""
    gate = guarded.server.gate
    name = guarded.server.cookie_name
    control = {"Cookie": f"{name}={gate.control}"}
    status, _, headers = http("GET", f"{guarded.base}/control?token={gate.view}", headers=control)
    assert status == 303 and headers["Location"] == "/control"
    assert "Set-Cookie" not in headers  # the control cookie stays as it was
    same = {**control, "Origin": guarded.base}
    assert http("POST", guarded.base + "/api/v1/commands/go", headers=same)[0] == 200
    _, _, polled = http("GET", f"{guarded.base}/api/v1/state?token={gate.view}", headers=control)
    assert "Set-Cookie" not in polled
    # a view cookie is replaced by the control token given in a link
    view = {"Cookie": f"{name}={gate.view}"}
    _, _, headers = http("GET", f"{guarded.base}/control?token={gate.control}", headers=view)
    assert headers["Set-Cookie"].startswith(f"{name}={gate.control};")
    # and a view link without a cookie (or with a stale or wrong one) gives the view cookie
    stale = {"Cookie": f"{name}=not-a-token"}
    _, _, headers = http("GET", f"{guarded.base}/stage?token={gate.view}", headers=stale)
    assert headers["Set-Cookie"].startswith(f"{name}={gate.view};")
    assert http("GET", guarded.base + "/api/v1/state", headers=stale)[0] == 401


def test_wrong_tokens_until_lockout(guarded: LiveServer) -> None:
    gate = guarded.server.gate
    url = guarded.base + "/api/v1/state"
    for n in range(10):
        assert http("GET", url, headers={"Authorization": f"Bearer wrong{n}"})[0] == 401
    right = {"Authorization": f"Bearer {gate.control}"}
    assert http("GET", url, headers=right)[0] == 429
    assert http("POST", guarded.base + "/api/v1/commands/go", headers=right)[0] == 429
    assert not guarded.host.session.started


def test_body_and_header_limits(live: LiveServer) -> None:
    big = {"to": "stage", "text": "x" * (20 * 1024)}
    status, _, _ = http("POST", live.base + "/api/v1/commands/message", body=big)
    assert status == 413
    status, _, _ = http(
        "POST", live.base + "/api/v1/commands/message", body={"to": "stage", "text": "x" * 501}
    )
    assert status == 400
    reply = raw_exchange(
        live.port,
        b"GET /api/v1/state HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + b"a" * 200_000 + b"\r\n\r\n",
    )
    assert reply.startswith((b"HTTP/1.0 4", b"HTTP/1.1 4")), reply[:80]
    assert b"Traceback" not in reply
    assert http("GET", live.base + "/api/v1/state")[0] == 200
    deep = http(
        "POST",
        live.base + "/api/v1/commands/go",
        raw=b"[" * 15000,
        headers={"Content-Type": "application/json"},
    )
    assert deep[0] == 400, deep


def test_garbage_bytes_are_answered_or_dropped(live: LiveServer) -> None:
    for junk in (b"\x00\xff\xfe" * 300, b"HELLO\r\n\r\n", b"GET / HTTP/9.9\r\n\r\n",
                 bytes(range(256)) * 40):  # fmt: skip
        reply = raw_exchange(live.port, junk)
        assert b"Traceback" not in reply
        assert reply == b"" or reply.startswith(b"HTTP/1.")
    assert http("POST", live.base + "/api/v1/commands/go")[0] == 200
    assert live.host.session.started


def test_sixty_idle_connections_do_not_stop_the_meeting(live: LiveServer) -> None:
    idle = [socket.create_connection(("127.0.0.1", live.port), timeout=5) for _ in range(60)]
    try:
        half = idle[:30]
        for sock in half:
            sock.sendall(b"GET /api/v1/state HTTP/1.1\r\nHost: 127.0.0.1\r\n")  # never finished
        started = time.monotonic()
        assert http("POST", live.base + "/api/v1/commands/go")[0] == 200
        assert http("GET", live.base + "/api/v1/state")[1]["started"] is True
        assert time.monotonic() - started < 10
    finally:
        for sock in idle:
            sock.close()


def test_a_failing_server_leaves_the_meeting_running(live: LiveServer) -> None:
    changed: list[str | None] = []
    live.server.on_status = lambda: changed.append(live.server.problem)
    live.call(lambda: live.server._site._server.close())  # type: ignore[union-attr]
    deadline = time.monotonic() + 5
    while live.server.problem is None and time.monotonic() < deadline:
        time.sleep(0.1)
    assert live.server.problem == "the web server stopped listening"
    assert changed and changed[-1] == live.server.problem
    assert live.call(lambda: live.host.run("go")).outcome in ("done", "DONE")


def raw_exchange(port: int, data: bytes) -> bytes:
    """Send raw bytes; what comes back before the server closes (or 2 s of silence)."""
    with socket.create_connection(("127.0.0.1", port), timeout=5) as sock:
        with contextlib.suppress(OSError):  # the server may close before reading everything
            sock.sendall(data)
        sock.settimeout(2)
        chunks = []
        try:
            while True:
                chunk = sock.recv(65536)
                if not chunk:
                    break
                chunks.append(chunk)
        except (TimeoutError, ConnectionResetError):
            pass
        return b"".join(chunks)
