"""The real server on loopback with real WebSocket and OSC clients: state pushed on connect and
on every revision, commands with replies, refusals, slow viewers dropped, hostile datagrams."""

from __future__ import annotations

import asyncio
import base64
import json
import os
import random
import socket
import time
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from pythonosc.osc_message_builder import OscMessageBuilder
from pythonosc.osc_packet import OscPacket

from podium.remote.osc import MAX_REPLY

from .remote_helpers import LiveServer, http, make_host

pytestmark = pytest.mark.e2e


def ws_url(live: LiveServer, query: str = "") -> str:
    return live.base.replace("http://", "ws://") + "/ws" + query


async def next_state(ws: aiohttp.ClientWebSocketResponse, timeout: float = 5) -> dict[str, Any]:
    while True:
        message = json.loads(await asyncio.wait_for(ws.receive_str(), timeout))
        if message.get("type") == "state":
            return message


def test_state_on_connect_and_on_every_revision(live: LiveServer) -> None:
    async def scenario() -> None:
        async with aiohttp.ClientSession() as client, client.ws_connect(ws_url(live)) as ws:
            first = await next_state(ws)
            assert first["started"] is False
            assert first["viewers"] == 1
            await asyncio.to_thread(http, "POST", live.base + "/api/v1/commands/go")
            moved = await next_state(ws)
            while moved["rev"] == first["rev"]:
                moved = await next_state(ws)
            assert moved["started"] is True
            assert moved["rev"] > first["rev"]
            # and again without any change, with the server's time for the clock offset
            again = await next_state(ws, timeout=3)
            assert again["rev"] == moved["rev"]
            assert again["server_time_ms"] >= moved["server_time_ms"]

    asyncio.run(scenario())


def test_commands_over_the_websocket(live: LiveServer) -> None:
    async def scenario() -> None:
        async with aiohttp.ClientSession() as client, client.ws_connect(ws_url(live)) as ws:
            await next_state(ws)
            await ws.send_str(json.dumps({"command": "go", "id": 1}))
            await ws.send_str(json.dumps({"command": "nope", "id": 2}))
            await ws.send_str("{broken")
            await ws.send_str(json.dumps({"command": "jump", "args": {"item": "x"}, "id": 3}))
            replies = {}
            while len(replies) < 4:
                message = json.loads(await asyncio.wait_for(ws.receive_str(), 5))
                if message["type"] == "reply":
                    replies[message.get("id", "broken")] = message
            assert replies[1]["ok"] is True and replies[1]["outcome"] == "done"
            assert replies[2]["status"] == 404
            assert replies["broken"]["status"] == 400
            assert replies[3]["status"] == 400
            await ws.send_str("[" * 15000)  # nested too deep for the JSON decoder
            while (message := json.loads(await asyncio.wait_for(ws.receive_str(), 5)))[
                "type"
            ] != "reply":
                pass
            assert message["status"] == 400

    asyncio.run(scenario())
    assert live.host.last_remote[1] == "ws 127.0.0.1"


def test_a_foreign_origin_is_refused(live: LiveServer) -> None:
    async def scenario() -> int:
        async with aiohttp.ClientSession() as client:
            try:
                await client.ws_connect(ws_url(live), headers={"Origin": "http://evil.example"})
            except aiohttp.WSServerHandshakeError as exc:
                return exc.status
        return 101

    assert asyncio.run(scenario()) == 403
    assert live.server.viewers == set()


def test_view_token_watches_but_may_not_command(live_factory: Any, host: Any) -> None:
    live = live_factory(host, tokens=True)
    gate = live.server.gate

    async def scenario() -> dict[str, Any]:
        async with aiohttp.ClientSession() as client:
            with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
                await client.ws_connect(ws_url(live))
            assert refused.value.status == 401
            async with client.ws_connect(ws_url(live, f"?token={gate.view}")) as ws:
                await next_state(ws)
                await ws.send_str(json.dumps({"command": "go"}))
                while True:
                    message = json.loads(await asyncio.wait_for(ws.receive_str(), 5))
                    if message["type"] == "reply":
                        return message

    reply = asyncio.run(scenario())
    assert reply["status"] == 403
    assert not host.session.started


def test_an_oversized_websocket_message_closes_only_that_viewer(live: LiveServer) -> None:
    async def scenario() -> None:
        async with (
            aiohttp.ClientSession() as client,
            client.ws_connect(ws_url(live)) as calm,
            client.ws_connect(ws_url(live)) as loud,
        ):
            await next_state(calm)
            await next_state(loud)
            await loud.send_str("x" * 70_000)
            closed = await asyncio.wait_for(loud.receive(), 5)
            while closed.type is aiohttp.WSMsgType.TEXT:
                closed = await asyncio.wait_for(loud.receive(), 5)
            assert closed.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED,
                                       aiohttp.WSMsgType.CLOSING)  # fmt: skip
            await asyncio.to_thread(http, "POST", live.base + "/api/v1/commands/go")
            state = await next_state(calm)
            while not state["started"]:
                state = await next_state(calm)

    asyncio.run(scenario())


def stalled_viewer(live: LiveServer) -> socket.socket:
    """A WebSocket client that connects and then reads nothing (a small receive buffer)."""
    stalled = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    stalled.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    stalled.connect(("127.0.0.1", live.port))
    key = base64.b64encode(os.urandom(16)).decode()
    stalled.sendall(
        (
            f"GET /ws HTTP/1.1\r\nHost: 127.0.0.1:{live.port}\r\nUpgrade: websocket\r\n"
            f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n"
        ).encode()
    )
    return stalled


def read_frames(sock: socket.socket, until_rev: int, timeout: float = 10) -> list[dict[str, Any]]:
    """Read the HTTP upgrade answer, then server text frames, until a state of `until_rev`."""
    sock.settimeout(timeout)
    data = b""
    while b"\r\n\r\n" not in data:
        data += sock.recv(65536)
    data = data.split(b"\r\n\r\n", 1)[1]
    messages: list[dict[str, Any]] = []
    while True:
        while len(data) < 10:
            data += sock.recv(65536)
        size, start = data[1] & 0x7F, 2
        if size == 126:
            size, start = int.from_bytes(data[2:4], "big"), 4
        elif size == 127:
            size, start = int.from_bytes(data[2:10], "big"), 10
        while len(data) < start + size:
            data += sock.recv(65536)
        assert data[0] == 0x81  # FIN, text: one unmasked frame per message
        messages.append(json.loads(data[start : start + size]))
        data = data[start + size :]
        if messages[-1].get("type") == "state" and messages[-1]["rev"] >= until_rev:
            return messages


def test_a_viewer_that_stops_reading_is_dropped(live: LiveServer) -> None:
    """Nobody waits for it: its buffer fills, it is cut (after DROP_AFTER_S behind), the others
    go on, up to the newest state."""
    from podium.remote.server import DROP_AFTER_S

    stalled = stalled_viewer(live)
    try:

        async def scenario() -> int:
            async with aiohttp.ClientSession() as client, client.ws_connect(ws_url(live)) as ws:
                await next_state(ws)
                assert len(live.server.viewers) == 2
                newest: list[int] = [0]

                async def keep_reading() -> None:
                    while True:
                        newest[0] = max(newest[0], (await next_state(ws))["rev"])

                reader = asyncio.create_task(keep_reading())
                text = "长" * 490
                deadline = time.monotonic() + DROP_AFTER_S + 20
                n = 0
                while len(live.server.viewers) > 1 and time.monotonic() < deadline:
                    live.call(lambda n=n: live.host.run("message", to="stage", text=f"{n}{text}"))
                    n += 1
                    if n % 20 == 0:
                        await asyncio.sleep(0.01)
                # the viewer that keeps reading is still served, up to the newest state
                rev = live.host.revision
                for _ in range(100):
                    if newest[0] >= rev:
                        break
                    await asyncio.sleep(0.05)
                reader.cancel()
                assert newest[0] >= rev
                assert len(live.server.viewers) == 1, n
                return n

        asyncio.run(scenario())
        assert live.server.dropped_viewers == 1
    finally:
        stalled.close()


def test_a_viewer_behind_gets_the_newest_state_not_every_stale_one(live: LiveServer) -> None:
    """States made while a viewer's socket is full are not queued: it keeps only the newest,
    which it gets as soon as it reads again (well before it would be dropped)."""
    stalled = stalled_viewer(live)
    try:
        for _ in range(100):
            if live.server.viewers:
                break
            time.sleep(0.02)
        (viewer,) = live.server.viewers
        text = "长" * 490
        made = 0
        while viewer.behind_since is None and made < 5000:
            live.call(lambda m=made: live.host.run("message", to="stage", text=f"{m}{text}"))
            made += 1
        assert viewer.behind_since is not None, "the socket never filled"
        first_behind = live.host.revision
        for n in range(30):  # thirty more states while it is behind
            live.call(lambda n=n: live.host.run("message", to="stage", text=f"late {n}{text}"))
        newest = live.host.revision
        assert newest == first_behind + 30
        messages = read_frames(stalled, newest)
        revs = [m["rev"] for m in messages if m.get("type") == "state"]
        assert revs[-1] == newest
        assert messages[-1]["message_stage"].startswith("late 29")
        # of the thirty states made while it was behind, it was sent the newest only
        assert len([r for r in revs if first_behind < r < newest]) <= 1
        assert viewer in live.server.viewers
        assert live.server.dropped_viewers == 0
    finally:
        stalled.close()


def osc_exchange(port: int, address: str, *values: Any, timeout: float = 5) -> tuple[str, Any]:
    """Send one OSC message from a loopback UDP socket; the reply's address and JSON."""
    builder = OscMessageBuilder(address=address)
    for value in values:
        builder.add_arg(value)
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        sock.bind(("127.0.0.1", 0))
        sock.settimeout(timeout)
        sock.sendto(builder.build().dgram, ("127.0.0.1", port))
        data, _ = sock.recvfrom(65536)
    message = OscPacket(data).messages[0].message
    assert len(message.params) == 1
    return message.address, json.loads(message.params[0])


@pytest.fixture
def osc_live(live_factory: Any, host: Any) -> LiveServer:
    return live_factory(host, osc=("127.0.0.1", 0))


def test_osc_commands_are_answered_to_the_sender(osc_live: LiveServer) -> None:
    port = osc_live.server.osc_address[1]  # type: ignore[index]
    address, reply = osc_exchange(port, "/podium/go")
    assert address == "/podium/reply/go"
    assert reply["status"] == "ok" and reply["outcome"] == "done"
    address, reply = osc_exchange(port, "/podium/jump", "talk")
    assert (address, reply["status"], reply["outcome"]) == ("/podium/reply/jump", "ok", "done")
    address, reply = osc_exchange(port, "/podium/message", "stage", "请控制时间")
    assert reply["status"] == "ok"
    address, reply = osc_exchange(port, "/podium/adjust", 60)
    assert reply["status"] == "ok"
    address, reply = osc_exchange(port, "/podium/nope")
    assert (address, reply["status"]) == ("/podium/reply/nope", "error")
    address, reply = osc_exchange(port, "/podium/jump", "no-such-item")
    assert reply["status"] == "error" and "no-such-item" in reply["error"]
    address, state = osc_exchange(port, "/podium/state")
    assert address == "/podium/reply/state"
    assert state["item_id"] == "talk" and state["message_stage"] == "请控制时间"
    assert osc_live.host.last_remote[1] == "osc 127.0.0.1"


def test_osc_senders_outside_the_allowed_networks_are_denied(osc_live: LiveServer) -> None:
    reply = osc_live.server._osc_message("go", [], "192.168.1.20")
    assert reply is not None and reply["status"] == "denied"
    assert not osc_live.host.session.started


def test_denied_is_said_once_a_second_per_sender_and_to_few_senders_in_all(
    osc_live: LiveServer,
) -> None:
    """A sender's address can be forged: podium must not answer a flood aimed at someone else
    (the answers are only decided here; nothing is sent beyond loopback)."""
    from podium.remote.server import OSC_DENIED_TRACKED

    server = osc_live.server
    now = [1000.0]
    server.osc_clock = lambda: now[0]
    assert server._osc_message("go", [], "192.168.1.20") is not None
    for _ in range(50):
        assert server._osc_message("go", [], "192.168.1.20") is None
        assert server._osc_message("state", [], "192.168.1.20") is None
    now[0] += 1.01
    again = server._osc_message("go", [], "192.168.1.20")
    assert again is not None and again["status"] == "denied"
    answered = sum(
        server._osc_message("go", [], f"10.0.{n // 250}.{n % 250}") is not None for n in range(2000)
    )
    assert answered == OSC_DENIED_TRACKED - 1  # 192.168.1.20 holds one place this second
    now[0] += 1.01  # a second later, others are answered again
    assert server._osc_message("go", [], "10.9.9.9") is not None
    assert not osc_live.host.session.started
    # loopback senders are never rate-limited
    port = server.osc_address[1]  # type: ignore[index]
    for _ in range(3):
        assert osc_exchange(port, "/podium/state")[0] == "/podium/reply/state"


def long_agenda(folder: Path, count: int) -> Path:
    """An agenda of `count` items whose first cue is a 20,000-character speech."""
    items = [f"  - id: item-{n}\n    title: Item {n} 第{n}项\n    script: [Cue {n}]\n"
             for n in range(count)]  # fmt: skip
    long_line = "各位来宾，" * 4000
    items[0] = f"  - id: item-0\n    title: Opening\n    script:\n      - {long_line}\n"
    agenda = folder / "long.zh.yaml"
    agenda.write_text(
        "podium: 1\nmeeting:\n  title: 长议程\n  language: zh\nitems:\n" + "".join(items),
        encoding="utf-8",
    )
    return agenda


def test_a_state_of_any_size_reaches_a_viewer_whole(live_factory: Any, tmp_path: Path) -> None:
    """The one frame written to every viewer: lengths under 126 bytes, under 64 KiB and over
    (900 items and a long speech), read by a real WebSocket client."""
    from podium.remote.server import text_frame

    for size in (0, 125, 126, 65535, 65536):
        frame = text_frame(b"x" * size)
        assert frame.endswith(b"x" * size) and frame[0] == 0x81
        assert len(frame) - size == (2 if size < 126 else 4 if size < 65536 else 10)
    live = live_factory(make_host(str(long_agenda(tmp_path, 900))))

    async def scenario() -> tuple[int, dict[str, Any]]:
        async with aiohttp.ClientSession() as client, client.ws_connect(ws_url(live)) as ws:
            await next_state(ws)
            live.call(lambda: live.host.run("go"))
            while True:
                raw = await asyncio.wait_for(ws.receive_str(), 5)
                state = json.loads(raw)
                if state.get("started"):
                    return len(raw.encode()), state

    size, state = asyncio.run(scenario())
    assert size > 65536
    assert len(state["sheet"]) == 900 and state["cue_text"].startswith("各位来宾，")


def test_osc_state_of_a_long_agenda_fits_one_datagram(live_factory: Any, tmp_path: Path) -> None:
    """300 items and a 20,000-character speech: the answer leaves the run sheet to HTTP and
    cuts the longest texts, so it is still one datagram a controller can read."""
    agenda = long_agenda(tmp_path, 300)
    live = live_factory(make_host(str(agenda)), osc=("127.0.0.1", 0))
    port = live.server.osc_address[1]
    osc_exchange(port, "/podium/go")
    assert len(json.loads(live.server.state_text())["sheet"]) == 300  # HTTP has it all
    builder = OscMessageBuilder(address="/podium/state")
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        sock.bind(("127.0.0.1", 0))
        sock.settimeout(5)
        sock.sendto(builder.build().dgram, ("127.0.0.1", port))
        data, _ = sock.recvfrom(65536)
    assert len(data) <= MAX_REPLY
    state = json.loads(OscPacket(data).messages[0].message.params[0])
    assert "sheet" not in state
    assert state["cut"] is True
    assert state["item_id"] == "item-0" and state["items_total"] == 300
    assert state["cue_text"].startswith("各位来宾，") and state["cue_text"].endswith("…")
    assert state["meeting_title"] == "长议程"


def test_a_button_release_does_nothing(osc_live: LiveServer) -> None:
    port = osc_live.server.osc_address[1]  # type: ignore[index]
    osc_exchange(port, "/podium/go", 1.0)
    rev = osc_live.host.revision
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        builder = OscMessageBuilder(address="/podium/go")
        builder.add_arg(0.0)
        sock.sendto(builder.build().dgram, ("127.0.0.1", port))
    osc_exchange(port, "/podium/state")
    assert osc_live.host.revision == rev


def test_five_hundred_random_datagrams(osc_live: LiveServer) -> None:
    port = osc_live.server.osc_address[1]  # type: ignore[index]
    rng = random.Random(14)
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
        for n in range(500):
            size = rng.choice([0, 1, 4, 17, 64, 300, 1500, 9000])
            junk = bytes(rng.getrandbits(8) for _ in range(size))
            if n % 5 == 0:
                junk = b"/podium/" + junk  # looks like ours, is not
            if n % 7 == 0:
                junk = b"#bundle\x00" + junk
            sock.sendto(junk, ("127.0.0.1", port))
            if n % 100 == 0:
                time.sleep(0.01)
    _address, reply = osc_exchange(port, "/podium/go")
    assert reply["status"] == "ok"
    assert osc_live.server.osc_endpoint.dropped > 300  # type: ignore[union-attr]
    assert http("GET", osc_live.base + "/api/v1/state")[1]["started"] is True
