"""The real `podium run` in a real terminal: a private, detached tmux server per test.

Used by the end-to-end tests (`test_run_tmux.py`, `test_resume_tmux.py`). Every wait polls the
screen (`capture-pane`) with a timeout; nothing relies on a fixed sleep. The server is always
killed by `close()` (use it as a context manager).
"""

from __future__ import annotations

import itertools
import json
import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from podium.agenda.loader import load_agenda
from podium.agenda.model import Agenda

TMUX = shutil.which("tmux")
_SCRIPT = Path(sys.executable).with_name("podium")
PODIUM = [str(_SCRIPT)] if _SCRIPT.exists() else [sys.executable, "-m", "podium"]
"""The installed `podium` command beside this Python (else `python -m podium`)."""
ROOT = Path(__file__).resolve().parents[2]
ZH_AGENDA = ROOT / "agendas" / "district-conference.zh.yaml"

POLL_S = 0.03
START_TIMEOUT_S = 20.0
"""Generous: two shared cores, and the first start imports textual cold."""
STEP_TIMEOUT_S = 10.0

_sessions = itertools.count()
_BOX_LINE = re.compile(r"^[^│┃║]*[│┃║](?P<inside>.*?)[│┃║]")


class Tmux:
    """One private tmux server (`tmux -L podium-test-<pid>-<n>`) running one pane at a time."""

    def __init__(self, workdir: Path, size: tuple[int, int] = (100, 30)) -> None:
        assert TMUX is not None
        self.workdir = workdir
        self.size = size
        self.socket = f"podium-test-{os.getpid()}-{next(_sessions)}"
        self.state_home = workdir / "state"
        self.state_home.mkdir(parents=True, exist_ok=True)
        self.conf = workdir / "tmux.conf"
        # The pane stays after its process ends, so its exit status can be read; no status bar,
        # so the pane is exactly `size`.
        self.conf.write_text("set -g remain-on-exit on\nset -g status off\n")
        self.target = ""
        self.pid = 0
        self.rc_file = workdir / "none.rc"
        self._started: list[int] = []

    def __enter__(self) -> Tmux:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def tmux(self, *args: str, check: bool = True) -> str:
        result = subprocess.run(
            [TMUX or "tmux", "-u", "-L", self.socket, "-f", str(self.conf), *args],
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=15,
            env={
                **{k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")},
                "LC_ALL": "C.UTF-8",
                "LANG": "C.UTF-8",
            },
        )
        if check and result.returncode != 0:
            raise RuntimeError(f"tmux {' '.join(args)}: {result.stderr.strip()}")
        return result.stdout

    def start(
        self,
        *podium_args: str,
        size: tuple[int, int] | None = None,
        wrapper: tuple[str, ...] = (),
    ) -> int:
        """Run `podium run ARGS` in a new session (the previous one, if any, has ended).

        A shell in the pane runs podium and writes its exit status to a file (tmux's own
        `pane_dead_status` is sometimes empty when a process ends quickly). Returns podium's pid.
        `wrapper` runs podium through a command that then execs it (e.g. `setpriv` to run it
        as another user), with the environment already set; the shell that writes the status
        is not wrapped.
        """
        width, height = size or self.size
        name = f"podium{next(_sessions)}"
        self.rc_file = self.workdir / f"{name}.rc"
        command = [
            "sh",
            "-c",
            '"$@"; echo "$?" > "$0"',
            str(self.rc_file),
            "env",
            # Textual takes COLUMNS/LINES over the terminal's size (pytest-xdist workers have
            # them set): the pane's size must win.
            "-u",
            "COLUMNS",
            "-u",
            "LINES",
            f"XDG_STATE_HOME={self.state_home}",
            "LANG=C.UTF-8",
            "LC_ALL=C.UTF-8",
            *wrapper,
            *PODIUM,
            "run",
            *podium_args,
        ]
        self.tmux(
            "new-session", "-d", "-s", name, "-x", str(width), "-y", str(height),
            "exec " + shlex.join(command),
        )  # fmt: skip
        self.target = name
        shell = int(self.tmux("display-message", "-p", "-t", name, "#{pane_pid}").strip())
        deadline = time.monotonic() + START_TIMEOUT_S
        while not (children := list(descendants(shell))):
            if self.rc_file.exists() or time.monotonic() > deadline:
                self.pid = 0  # it has already ended (or never started)
                return 0
            time.sleep(0.005)
        self.pid = children[0]
        self._started.append(self.pid)
        return self.pid

    def screen(self, *, joined: bool = False) -> str:
        """The pane's text now; `joined`: with its scrollback, lines the terminal wrapped joined
        (for plain output such as error messages)."""
        extra = ["-J", "-S", "-"] if joined else []
        return self.tmux("capture-pane", "-p", *extra, "-t", self.target)

    def press(self, *keys: str) -> None:
        """tmux key names: PageDown, PageUp, Space, Enter, Escape, F5, q, y…"""
        self.tmux("send-keys", "-t", self.target, *keys)

    def wait_for(
        self, predicate: Callable[[str], bool], what: str, timeout: float = STEP_TIMEOUT_S
    ) -> str:
        """Poll the screen until `predicate(screen)`; fail with the last screen if it never is."""
        deadline = time.monotonic() + timeout
        while True:
            text = self.screen()
            if predicate(text):
                return text
            if self.dead() is not None and not predicate(text := self.screen()):
                raise AssertionError(f"podium exited while waiting for {what}:\n{text}")
            if time.monotonic() > deadline:
                raise AssertionError(f"timed out after {timeout:g} s waiting for {what}:\n{text}")
            time.sleep(POLL_S)

    def dead(self) -> int | None:
        """podium's exit status once it has ended (128 + N when killed by signal N), else None."""
        try:
            text = self.rc_file.read_text()
        except FileNotFoundError:
            return None
        return int(text) if text.strip() else None  # a half-written file: not yet

    def wait_dead(self, timeout: float = STEP_TIMEOUT_S) -> int:
        deadline = time.monotonic() + timeout
        while (result := self.dead()) is None:
            if time.monotonic() > deadline:
                raise AssertionError(f"podium did not exit within {timeout:g} s:\n{self.screen()}")
            time.sleep(POLL_S)
        return result

    def kill(self, sig: signal.Signals) -> None:
        os.kill(self.pid, sig)

    def close(self) -> None:
        """Kill the server (and with it any pane still running), and remove its socket.

        A podium that outlives its terminal (a bug the tests report) is killed too, with the
        processes it started, so no test leaves anything running.
        """
        ours = [p for pid in self._started if alive(pid) for p in (pid, *descendants(pid))]
        self.tmux("kill-server", check=False)
        deadline = time.monotonic() + 2
        while any(alive(pid) for pid in ours) and time.monotonic() < deadline:
            time.sleep(0.05)
        for pid in ours:
            if alive(pid) and b"podium" in _cmdline(pid):  # still ours, not a reused pid
                os.kill(pid, signal.SIGKILL)
        folder = Path(os.environ.get("TMUX_TMPDIR") or "/tmp") / f"tmux-{os.getuid()}"
        (folder / self.socket).unlink(missing_ok=True)


# --- reading the podium screen -----------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Step:
    """One cue of the agenda as the journal names it and the screen shows it."""

    item: str
    cue: int
    prefix: str
    """The start of the cue's text: how the Now panel's first text line begins."""


def agenda(path: Path = ZH_AGENDA) -> Agenda:
    result = load_agenda(str(path))
    assert result.agenda is not None, result.diagnostics
    return result.agenda


def steps(agenda: Agenda, prefix_len: int = 12) -> list[Step]:
    """Every cue in running order, each with a text prefix no other cue's text starts with."""
    cues = [
        Step(item.id, n, " ".join(cue.text.split())[:prefix_len])
        for item in agenda.items
        for n, cue in enumerate(item.cues)
    ]
    texts = [" ".join(c.text.split()) for item in agenda.items for c in item.cues]
    for cue in cues:
        clashes = [text for text in texts if text.startswith(cue.prefix)]
        assert len(clashes) == 1, f"cue prefix {cue.prefix!r} is not unique: {clashes}"
    return cues


def now_panel(screen: str) -> list[str]:
    """The text lines inside the first box on the screen (the Now panel), stripped."""
    lines = screen.splitlines()
    start = next((i for i, line in enumerate(lines) if re.search("[╭┌┏╔]", line)), None)
    if start is None:
        return []
    inside = []
    for line in lines[start + 1 :]:
        if re.search("[╰└┗╚]", line):
            break
        match = _BOX_LINE.match(line)
        if match:
            inside.append(match["inside"].strip())
    return inside


def shown_steps(screen: str, steps: list[Step]) -> set[int]:
    """Indexes in `steps` of the cues whose text begins a line of the Now panel."""
    lines = now_panel(screen)
    return {i for i, step in enumerate(steps) for line in lines if line.startswith(step.prefix)}


def shown_step(screen: str, steps: list[Step]) -> int | None:
    """The index in `steps` of the cue the Now panel shows (None: standby, or no cue)."""
    found = shown_steps(screen, steps)
    if len(found) > 1:
        raise AssertionError(f"the Now panel seems to show several cues {found}:\n{screen}")
    return found.pop() if found else None


# --- reading the journal -------------------------------------------------------------------


def read_journal(path: Path) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """(header, events), strictly: every line must be complete JSON ending in a newline."""
    raw = path.read_bytes()
    assert raw.endswith(b"\n"), f"{path} ends in a torn line: {raw[-80:]!r}"
    lines = [json.loads(line) for line in raw.decode("utf-8").splitlines()]
    return lines[0], lines[1:]


def moves(events: list[dict[str, Any]]) -> list[tuple[str, str, int]]:
    return [(e["event"], e["item"], e["cue"]) for e in events]


def descendants(pid: int) -> Iterator[int]:
    """Processes started by `pid` (to check that none outlives it)."""
    try:
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return
    for child in map(int, children):
        yield child
        yield from descendants(child)


def _cmdline(pid: int) -> bytes:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return b""


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"
