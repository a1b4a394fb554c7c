"""`podium run` as a command: what it refuses before the screen opens, and how it ends on
signals (run in a pseudo-terminal, as a host's terminal runs it)."""

from __future__ import annotations

import fcntl
import json
import os
import pty
import signal
import struct
import subprocess
import sys
import termios
import threading
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[2]
PODIUM = [sys.executable, "-m", "podium"]

GOOD = """\
podium: 1
meeting:
  title: Test meeting
  language: en
items:
  - id: one
    title: First
    duration: 1m
    script: [Hello there., Second line.]
  - id: two
    title: Second
    duration: 1m
    script: Goodbye.
"""


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    """The environment of a user whose state folder is private to the test."""
    return {**os.environ, "XDG_STATE_HOME": str(tmp_path / "state"), "TERM": "xterm-256color"}


def podium(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*PODIUM, *args],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        env=env,
        timeout=60,
        cwd=ROOT,
    )


def test_a_bad_agenda_is_refused_before_the_screen_with_validates_messages(
    write_agenda, env: dict[str, str]
) -> None:
    bad = "podium: 1\nmeeting:\n  title: x\nitems:\n  - title: a\n    durration: 2m\n"
    path = write_agenda(bad)
    result = podium("run", path, "--fresh", env=env)
    assert result.returncode == 1
    validate = podium("validate", path, env=env)
    assert validate.stderr.strip() in result.stderr
    assert f"{path}:6:5: error: unknown key 'durration'" in result.stderr
    assert "Traceback" not in result.stderr
    assert "\x1b[" not in result.stdout  # the screen never opened
    assert not (Path(env["XDG_STATE_HOME"]) / "podium" / "journals").exists()


def test_a_missing_agenda_is_a_usage_error(tmp_path: Path, env: dict[str, str]) -> None:
    result = podium("run", str(tmp_path / "nope.yaml"), env=env)
    assert result.returncode == 2
    assert "cannot open" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize(
    ("option", "message"),
    [
        (["--ui-lang", "fr"], "--ui-lang 'fr' is not available"),
        (["--guard", "-1"], "--guard must be between"),
        (["--rate", "5"], "--rate must be between"),
        (["--resume"], "no unfinished session"),
    ],
)
def test_bad_options_are_refused(
    write_agenda, env: dict[str, str], option: list[str], message: str
) -> None:
    result = podium("run", write_agenda(GOOD), *option, env=env)
    assert result.returncode == 2
    assert message in result.stderr


def test_fresh_refuses_an_existing_journal_file(
    write_agenda, tmp_path: Path, env: dict[str, str]
) -> None:
    journal = tmp_path / "taken.jsonl"
    journal.write_text('{"format": "podium-journal/1"}\n')
    result = podium("run", write_agenda(GOOD), "--fresh", "--journal", str(journal), env=env)
    assert result.returncode == 2
    assert "already exists" in result.stderr


def _unfinished_journal(agenda_path: str, env: dict[str, str]) -> Path:
    from podium.agenda.loader import load_agenda
    from podium.engine.journal import JournalWriter

    agenda = load_agenda(agenda_path).agenda
    assert agenda is not None
    folder = Path(env["XDG_STATE_HOME"]) / "podium" / "journals"
    path = folder / "agenda-20260312-090000.jsonl"
    import datetime as dt

    now = dt.datetime.now().astimezone()
    writer = JournalWriter.create(path, agenda, rehearsal=False, now=now)
    writer.record("go", at=now, item="one", cue=0)
    writer.close()
    return path


def test_an_unfinished_session_without_a_terminal_asks_for_resume_or_fresh(
    write_agenda, env: dict[str, str]
) -> None:
    path = write_agenda(GOOD)
    _unfinished_journal(path, env)
    result = podium("run", path, env=env)
    assert result.returncode == 2
    assert "use --resume to continue it or --fresh to start a new one" in result.stderr


class Terminal:
    """`podium run` in a pseudo-terminal of 80×24; collects what it draws."""

    def __init__(self, args: list[str], env: dict[str, str]) -> None:
        master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        self.master = master
        self.proc = subprocess.Popen(
            [*PODIUM, *args],
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=env,
            cwd=ROOT,
            start_new_session=True,
        )
        os.close(slave)
        self.output = b""
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        while True:
            try:
                data = os.read(self.master, 65536)
            except OSError:
                return
            if not data:
                return
            self.output += data

    def wait_for(self, needle: bytes, timeout: float = 20) -> None:
        deadline = time.monotonic() + timeout
        while needle not in self.output:
            if time.monotonic() > deadline or self.proc.poll() is not None:
                raise AssertionError(f"{needle!r} never shown; got {self.output[-2000:]!r}")
            time.sleep(0.05)

    def send(self, data: bytes) -> None:
        os.write(self.master, data)

    def finish(self, timeout: float = 20) -> int:
        try:
            return self.proc.wait(timeout)
        finally:
            self.proc.kill() if self.proc.poll() is None else None
            os.close(self.master)


def _events(journal: Path, count: int, timeout: float = 10) -> list[dict[str, object]]:
    deadline = time.monotonic() + timeout
    while True:
        lines = journal.read_text().splitlines()
        if len(lines) - 1 >= count or time.monotonic() > deadline:
            return [json.loads(line) for line in lines[1:]]
        time.sleep(0.05)


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGHUP, signal.SIGINT])
def test_signals_end_cleanly_with_a_complete_journal(
    write_agenda, tmp_path: Path, env: dict[str, str], sig: signal.Signals
) -> None:
    journal = tmp_path / "j.jsonl"
    term = Terminal(["run", write_agenda(GOOD), "--fresh", "--journal", str(journal)], env)
    term.wait_for(b"Standing")
    term.send(b"\x1b[6~")  # PageDown
    assert [e["event"] for e in _events(journal, 1)] == ["go"]
    term.proc.send_signal(sig)
    assert term.finish() == 130
    assert b"Traceback" not in term.output
    lines = journal.read_text().splitlines()
    assert json.loads(lines[0])["format"] == "podium-journal/1"
    assert [json.loads(line)["event"] for line in lines[1:]] == ["go"]


@pytest.mark.parametrize(("answer", "resumed"), [(b"r\r", True), (b"f\r", False)])
def test_an_unfinished_session_on_a_terminal_asks_which(
    write_agenda, env: dict[str, str], answer: bytes, resumed: bool
) -> None:
    path = write_agenda(GOOD)
    old = _unfinished_journal(path, env)
    term = Terminal(["run", path], env)
    term.wait_for(b"[R]esume / [f]resh: ")
    term.send(answer)
    term.wait_for(b"Resumed the session of" if resumed else b"Standing")
    term.send(b"q")
    term.wait_for(b"Quit podium?")
    term.send(b"y")
    assert term.finish() == 0
    journals = sorted(old.parent.glob("*.jsonl"))
    assert len(journals) == (1 if resumed else 2)


def test_rehearse_shows_the_banner_and_marks_the_journal(
    write_agenda, tmp_path: Path, env: dict[str, str]
) -> None:
    journal = tmp_path / "r.jsonl"
    args = ["run", write_agenda(GOOD), "--rehearse", "--journal", str(journal), "--ui-lang", "zh"]
    term = Terminal(args, env)
    term.wait_for("彩排".encode())
    term.send(b" ")
    assert [e["event"] for e in _events(journal, 1)] == ["go"]
    term.send(b"q")
    term.wait_for("退出 podium".encode())
    term.send(b"y")
    term.wait_for("彩排小结".encode())  # a rehearsal shows its summary on quit
    term.send(b"q")
    assert term.finish() == 0
    assert json.loads(journal.read_text().splitlines()[0])["rehearsal"] is True
