"""`podium run … --serve/--osc` as users type it: refusals before the screen opens (one
sentence, exit 2, nothing written), and a real meeting in tmux driven over HTTP and OSC while
the screen follows."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
from pathlib import Path
from typing import Any

import pytest

from ..e2e.tmux_session import PODIUM, Tmux
from .remote_helpers import AGENDAS, http

pytestmark = pytest.mark.e2e


DEMO = str(AGENDAS / "quick-demo.en.yaml")


def podium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*PODIUM, "run", DEMO, "--fresh", "--journal", str(tmp_path / "j.jsonl"), *args],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "XDG_STATE_HOME": str(tmp_path / "state")},
        stdin=subprocess.DEVNULL,
    )


def test_a_port_in_use_is_refused_before_anything_is_written(tmp_path: Path) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        done = podium(tmp_path, "--serve", f"127.0.0.1:{port}")
    assert done.returncode == 2
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert str(port) in lines[0] and "--serve" in lines[0]
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "j.jsonl").exists()


def test_an_osc_port_in_use_is_refused(tmp_path: Path) -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as busy:
        busy.bind(("127.0.0.1", 0))
        port = busy.getsockname()[1]
        done = podium(tmp_path, "--osc", f"127.0.0.1:{port}")
    assert done.returncode == 2
    assert str(port) in done.stderr and "--osc" in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--serve", "127.0.0.1:99999"], "--serve"),
        (["--serve", "no.such.host.invalid:8740"], "--serve"),
        (["--osc-allow", "10.0.0.0/8"], "--osc-allow needs --osc"),
        (["--osc", "127.0.0.1:0", "--osc-allow", "everyone"], "--osc-allow"),
    ],
)
def test_bad_remote_options(tmp_path: Path, args: list[str], says: str) -> None:
    done = podium(tmp_path, *args)
    assert done.returncode == 2
    assert says in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1, done.stderr


def _free_port(kind: int = socket.SOCK_STREAM) -> int:
    with socket.socket(socket.AF_INET, kind) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.mark.skipif(shutil.which("tmux") is None, reason="needs tmux (installed by .ci/run)")
def test_a_meeting_driven_over_http_and_osc(tmp_path: Path) -> None:
    from pythonosc.osc_message_builder import OscMessageBuilder
    from pythonosc.osc_packet import OscPacket

    port, osc_port = _free_port(), _free_port(socket.SOCK_DGRAM)
    journal = tmp_path / "meeting.jsonl"
    with Tmux(tmp_path) as term:
        term.start(
            DEMO, "--fresh", "--journal", str(journal),
            "--serve", f"127.0.0.1:{port}", "--osc", f"127.0.0.1:{osc_port}",
        )  # fmt: skip
        term.wait_for(lambda s: "Podium quick demo" in s or "Standing by" in s, "standby")
        base = f"http://127.0.0.1:{port}"
        status, body, _ = http("POST", base + "/api/v1/commands/go")
        assert (status, body["outcome"]) == (200, "done")
        term.wait_for(lambda s: "Good morning, and welcome" in s, "the first cue")
        builder = OscMessageBuilder(address="/podium/jump")
        builder.add_arg("talk")
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
            sock.bind(("127.0.0.1", 0))
            sock.settimeout(10)
            sock.sendto(builder.build().dgram, ("127.0.0.1", osc_port))
            data, _ = sock.recvfrom(65536)
        reply = OscPacket(data).messages[0].message
        assert reply.address == "/podium/reply/jump"
        assert json.loads(reply.params[0])["status"] == "ok"
        term.wait_for(lambda s: "Please welcome Alex Morgan" in s, "the jump")
        status, _, _ = http(
            "POST", base + "/api/v1/commands/message", body={"to": "host", "text": "Mayor here"}
        )
        assert status == 200
        term.wait_for(lambda s: "Mayor here" in s, "the message")
        term.wait_for(
            lambda s: "viewing" in s or "http 127.0.0.1" in s or "osc" in s, "the remote status"
        )
    events = [json.loads(line) for line in journal.read_text().splitlines() if line.strip()]
    vias: dict[str, Any] = {e.get("event"): e.get("via") for e in events}
    assert vias.get("go") == "http 127.0.0.1"
    assert vias.get("jump") == "osc 127.0.0.1"
