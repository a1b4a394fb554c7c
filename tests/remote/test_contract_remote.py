"""Contract: the remote API as an outside client meets it, against the real `podium run
--serve … --osc …` in a terminal (tmux), on loopback: every route and its status codes, the
state's fields, the WebSocket, the OSC replies, and the journal lines remote commands leave."""

from __future__ import annotations

import asyncio
import contextlib
import json
import re
import shutil
import socket
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import aiohttp
import pytest

from ..e2e.tmux_session import Tmux
from .remote_helpers import http

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(shutil.which("tmux") is None, reason="needs tmux (installed by .ci/run)"),
]

AGENDA = """\
podium: 1
meeting:
  title: Remote contract
  language: en
items:
  - id: opening
    title: Opening
    duration: 1m
    script: [Good morning., Our agenda.]
  - id: awards
    kind: awards
    title: Awards
    batch: 1
    recipients: [Ana Lima, Zhou Min, Sam Okoro]
  - id: speech
    kind: speech
    title: Keynote
    speaker: Alex Morgan
    duration: 5m
    intro: Please welcome Alex Morgan.
"""

STATE_FIELDS = {
    "rev": int, "started": bool, "item_id": (str, type(None)), "item_title": str,
    "cue_kind": (str, type(None)), "cue_text": str, "next_text": str, "item_elapsed_s": int,
    "item_planned_s": int, "item_remaining_hms": str, "phase": str,
    "speech_remaining_hms": str, "behind_s": int, "behind_text": str,
    "projected_end": str, "batch": str, "names": list, "next_names": list, "paused": bool,
    "blank": bool, "message_host": str, "message_stage": str, "server_time_ms": int,
    "deadline_ms": (int, type(None)),
}  # fmt: skip
"""Every field remote.md names for GET /api/v1/state, with its JSON type."""


@dataclass
class Live:
    base: str
    osc_port: int
    journal: Path
    term: Tmux

    def get(self, path: str, **kw: Any) -> tuple[int, Any, dict[str, str]]:
        return http("GET", self.base + path, **kw)

    def post(self, path: str, **kw: Any) -> tuple[int, Any, dict[str, str]]:
        return http("POST", self.base + path, **kw)

    def state(self) -> dict[str, Any]:
        status, body, _ = self.get("/api/v1/state")
        assert status == 200
        return dict(body)

    def osc(self, address: str, *args: str) -> tuple[str, list[Any]]:
        from pythonosc.osc_message_builder import OscMessageBuilder
        from pythonosc.osc_packet import OscPacket

        builder = OscMessageBuilder(address=address)
        for arg in args:
            builder.add_arg(arg)
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
            sock.bind(("127.0.0.1", 0))
            sock.settimeout(10)
            sock.sendto(builder.build().dgram, ("127.0.0.1", self.osc_port))
            data, sender = sock.recvfrom(65536)
        assert sender == ("127.0.0.1", self.osc_port)  # answered from where it was sent
        message = OscPacket(data).messages[0].message
        return message.address, list(message.params)

    def events(self) -> list[dict[str, Any]]:
        lines = self.journal.read_text(encoding="utf-8").splitlines()
        return [json.loads(line) for line in lines[1:] if line.strip()]


GUARD_S = 5.0
"""The shared meeting's double-press guard."""


def _free_port(kind: int = socket.SOCK_STREAM) -> int:
    with socket.socket(socket.AF_INET, kind) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextlib.contextmanager
def _serve(folder: Path, guard_s: float) -> Iterator[Live]:
    agenda = folder / "remote.yaml"
    agenda.write_text(AGENDA, encoding="utf-8")
    port, osc_port = _free_port(), _free_port(socket.SOCK_DGRAM)
    journal = folder / "meeting.jsonl"
    with Tmux(folder, (100, 30)) as term:
        term.start(
            str(agenda), "--fresh", "--journal", str(journal), "--guard", str(guard_s),
            "--serve", f"127.0.0.1:{port}", "--osc", f"127.0.0.1:{osc_port}",
        )  # fmt: skip
        term.wait_for(lambda s: "Remote contract" in s, "the standby screen", timeout=25)
        yield Live(f"http://127.0.0.1:{port}", osc_port, journal, term)


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Live]:
    """One meeting, started, shared by the tests that leave it as they found it. A long guard,
    so that two GOs of the guard's test fall inside it however loaded the machine is."""
    with _serve(tmp_path_factory.mktemp("remote-contract"), GUARD_S) as server:
        assert server.post("/api/v1/commands/go")[1]["outcome"] == "done"
        yield server


@pytest.fixture
def fresh(tmp_path: Path) -> Iterator[Live]:
    """A meeting of its own, standing by, without a guard (GOs as fast as the test sends)."""
    with _serve(tmp_path, 0) as server:
        yield server


def test_the_state_has_every_documented_field_before_and_after_the_start(fresh: Live) -> None:
    live = fresh
    for when in ("standby", "running"):
        state = live.state()
        for field, kind in STATE_FIELDS.items():
            assert field in state, (when, field)
            assert isinstance(state[field], kind), (when, field, state[field])
        assert state["phase"] in {"none", "normal", "warning", "danger", "overtime"}
        if when == "standby":
            assert state["started"] is False
            status, body, _ = live.post("/api/v1/commands/go")
            assert status == 200 and body["outcome"] == "done"
    assert state["started"] is True and state["item_id"] == "opening"
    assert state["cue_text"] == "Good morning." and state["next_text"] == "Our agenda."


def test_command_replies_and_status_codes(live: Live) -> None:
    status, body, head = live.post("/api/v1/commands/jump", body={"item": "awards"})
    assert status == 200 and head["Content-Type"].startswith("application/json")
    assert body["ok"] is True and body["outcome"] == "done" and isinstance(body["rev"], int)
    state = live.state()
    assert (state["item_id"], state["cue_kind"], state["batch"]) == ("awards", "call", "1/3")
    assert state["names"] == ["Ana Lima"] and state["next_names"] == ["Zhou Min"]
    # GET the same path does the same, for button hardware; arguments as query.
    status, body, _ = live.get("/api/v1/commands/jump?item=speech")
    assert status == 200 and body["outcome"] == "done"
    assert live.state()["item_id"] == "speech"
    for path, code in [
        ("/api/v1/commands/no-such-command", 404),
        ("/api/v1/commands/jump", 400),  # no item
        ("/api/v1/commands/jump?item=no-such-item", 400),
        ("/api/v1/commands/message?to=nobody&text=hi", 400),
        ("/api/v1/commands/message-clear", 400),
        ("/api/v1/commands/message?to=stage&text=" + "x" * 501, 400),  # at most 500 characters
    ]:
        status, body, _ = live.post(path)
        assert status == code, (path, status, body)
        assert body["ok"] is False
    status, _, _ = live.post("/api/v1/commands/message", raw=b"{" + b" " * 17 * 1024 + b"}")
    assert status == 413  # a request body is at most 16 KiB


def test_messages_reach_the_state_and_the_journal(live: Live) -> None:
    status, _, _ = live.post("/api/v1/commands/message", body={"to": "stage", "text": "Wrap up"})
    assert status == 200
    status, _, _ = live.get("/api/v1/commands/message?to=host&text=%E5%8C%BA%E9%95%BF%E5%88%B0")
    assert status == 200
    state = live.state()
    assert (state["message_stage"], state["message_host"]) == ("Wrap up", "区长到")
    live.term.wait_for(lambda s: "区长到" in s, "the message on the host's screen")
    status, _, _ = live.post("/api/v1/commands/message-clear?to=stage")
    assert status == 200 and live.state()["message_stage"] == ""
    messages = [e for e in live.events() if e["event"] == "message"]
    assert [(m["to"], m["via"]) for m in messages[-3:]] == [
        ("stage", "http 127.0.0.1"), ("host", "http 127.0.0.1"), ("stage", "http 127.0.0.1"),
    ]  # fmt: skip
    assert messages[-3]["text"] == "Wrap up"


def test_no_cors_headers(live: Live) -> None:
    for path in ("/api/v1/state", "/api/v1/commands/blank", "/stage"):
        _, _, head = live.get(path, headers={"Origin": "http://evil.example"})
        assert not [h for h in head if h.lower().startswith("access-control-")], (path, head)
    _, _, head = http(
        "OPTIONS", live.base + "/api/v1/commands/go",
        headers={"Origin": "http://evil.example", "Access-Control-Request-Method": "POST"},
    )  # fmt: skip
    assert not [h for h in head if h.lower().startswith("access-control-")]


def test_the_views_are_served_whole_without_a_cdn(live: Live) -> None:
    for path in ("/stage", "/backstage", "/control", "/"):
        status, page, head = live.get(path)
        assert status == 200 and head["Content-Type"].startswith("text/html"), path
        assert 'lang="en' in page
        for asset in re.findall(r'(?:src|href)="([^"]+)"', page):
            assert asset.startswith("/"), (path, asset)  # nothing from elsewhere
            status, _, _ = live.get(asset)
            assert status == 200, asset


def test_the_websocket_sends_on_connect_on_change_and_at_least_every_5_s(live: Live) -> None:
    async def scenario() -> None:
        async with aiohttp.ClientSession() as client:
            async with client.ws_connect(live.base.replace("http", "ws") + "/ws") as ws:

                async def state(timeout: float) -> dict[str, Any]:
                    while True:
                        message = json.loads(await asyncio.wait_for(ws.receive_str(), timeout))
                        if "rev" in message:
                            return dict(message)

                first = await state(5)
                assert set(STATE_FIELDS) <= set(first)
                again = await state(6)  # nothing changed: sent anyway within 5 s
                assert again["rev"] >= first["rev"]
                await asyncio.to_thread(live.post, "/api/v1/commands/blank")
                changed = await state(5)
                while changed["rev"] == again["rev"]:
                    changed = await state(5)
                assert changed["blank"] is not again["blank"]
            await asyncio.to_thread(live.post, "/api/v1/commands/blank")  # back
            with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
                await client.ws_connect(
                    live.base.replace("http", "ws") + "/ws",
                    headers={"Origin": "http://evil.example"},
                )
            assert refused.value.status == 403

    asyncio.run(scenario())


def test_osc_commands_are_answered_with_one_json_string(live: Live) -> None:
    address, params = live.osc("/podium/jump", "opening")
    assert address == "/podium/reply/jump" and len(params) == 1
    assert json.loads(params[0])["status"] == "ok" and json.loads(params[0])["outcome"] == "done"
    address, params = live.osc("/podium/message", "stage", "请控制时间")
    assert address == "/podium/reply/message" and json.loads(params[0])["status"] == "ok"
    assert live.state()["message_stage"] == "请控制时间"
    address, params = live.osc("/podium/jump", "no-such-item")
    assert address == "/podium/reply/jump" and json.loads(params[0])["status"] == "error"
    address, params = live.osc("/podium/state")
    state = json.loads(params[0])
    assert set(STATE_FIELDS) <= set(state) and state["item_id"] == "opening"
    jumps = [e for e in live.events() if e["event"] == "jump"]
    assert jumps[-1]["via"] == "osc 127.0.0.1" and jumps[-1]["item"] == "opening"


def test_the_guard_spans_every_source(live: Live) -> None:
    assert live.post("/api/v1/commands/jump?item=opening")[1]["outcome"] == "done"
    time.sleep(GUARD_S + 0.2)  # since the fixture's GO (jump is not guarded)
    before = live.state()
    _, first, _ = live.post("/api/v1/commands/go")
    _, params = live.osc("/podium/go")  # within the guard of the HTTP GO
    assert first["outcome"] == "done"
    assert json.loads(params[0])["outcome"] == "ignored_guard"
    after = live.state()
    assert (after["item_id"], after["cue_text"]) != (before["item_id"], before["cue_text"])
    assert after["cue_text"] == "Our agenda."  # one step, not two


def test_a_remote_blank_shows_only_the_clock_then_the_meeting_again(live: Live) -> None:
    """A remote `blank` changes the host's screen as `b` does (it once crashed the screen:
    the blank view was built outside the app's context)."""
    shown = live.state()["cue_text"]
    live.term.wait_for(lambda s: shown in s, "the cue before blanking")
    status, body, _ = live.post("/api/v1/commands/blank")
    assert status == 200 and body["outcome"] == "done"
    assert live.state()["blank"] is True
    live.term.wait_for(lambda s: shown not in s, "the blank screen")
    status, _, _ = live.get("/api/v1/commands/blank")
    assert status == 200 and live.state()["blank"] is False
    live.term.wait_for(lambda s: shown in s, "the meeting again")
    assert live.term.dead() is None


def test_the_end_is_asked_and_confirmed_remotely(fresh: Live) -> None:
    live = fresh
    assert live.post("/api/v1/commands/go")[1]["outcome"] == "done"  # the meeting starts
    status, _, _ = live.post("/api/v1/commands/jump?item=speech")
    assert status == 200
    # from the intro to the speech itself, the last cue
    assert live.post("/api/v1/commands/go")[1]["outcome"] == "done"
    _, body, _ = live.post("/api/v1/commands/go")  # GO on the last cue asks first
    assert body["ok"] is True and body["outcome"] == "at_end"
    live.term.wait_for(lambda s: "end the meeting" in s.lower(), "the end question")
    assert live.state()["ended"] is False
    _, body, _ = live.post("/api/v1/commands/end-confirm")
    assert body["ok"] is True and body["outcome"] == "ended"
    assert live.state()["ended"] is True
    live.term.wait_for(lambda s: "Keynote" in s and "Planned" in s, "the summary")
    assert live.events()[-1]["event"] == "end" and live.events()[-1]["via"] == "http 127.0.0.1"


def test_serve_alone_listens_on_127_0_0_1_port_8740(tmp_path: Path) -> None:
    """`--serve` with no address. The port is a fixed one on a shared machine: when something
    else holds it, podium must refuse it naming 8740 (and then the default is proven that way)."""
    agenda = tmp_path / "default-port.yaml"
    title = f"Default port {tmp_path.name}"
    agenda.write_text(AGENDA.replace("Remote contract", title), encoding="utf-8")
    with Tmux(tmp_path, (100, 30)) as term:
        term.start(str(agenda), "--fresh", "--journal", str(tmp_path / "j.jsonl"), "--serve")
        term.wait_for(lambda s: title in s or term.dead() is not None, "the screen", timeout=25)
        if term.dead() is not None:
            assert term.dead() == 2
            said = term.screen(joined=True)
            assert "8740" in said and "--serve" in said and "Traceback" not in said
            pytest.skip("127.0.0.1:8740 is taken on this machine; podium refused it by name")
        status, state, _ = http("GET", "http://127.0.0.1:8740/api/v1/state")
        assert status == 200 and state["meeting_title"] == title
