"""Big journals under resource limits (issue 15): the real `podium` command in a subprocess
with its address space and CPU time bounded by `resource.setrlimit`, never a timed assertion.

A journal of 200 MB (about two million lines, a meeting no host holds, or a file something
else filled) must be reported by streaming it (memory stays flat), and must not keep a
`podium run` of another agenda, or of its own, from starting: finding the newest unfinished
session reads only journals' headers and tails.
"""

from __future__ import annotations

import os
import resource
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from benchmarks.big_journal import write_big_journal

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[2]
PODIUM = Path(sys.executable).parent / "podium"
BIG_BYTES = 200 * 1024 * 1024
ADDRESS_SPACE = 600 * 1024 * 1024
"""Generous for Python with podium's modules (about 100 MB here); far below what reading a
200 MB file whole would take (its bytes, its text and its lines: over a gigabyte)."""
CPU_S = 10
"""`run` refuses before its screen in a fraction of a second of CPU; reading a 200 MB journal
through (instead of its header and tail) takes over 20 s here, and is stopped by this bound."""
REPORT_CPU_S = 120
"""The report replays every one of the two million events (about 25 s of CPU here)."""


def _limits(cpu_s: int) -> None:
    resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE, ADDRESS_SPACE))
    resource.setrlimit(resource.RLIMIT_CPU, (cpu_s, cpu_s))


def bounded(*args: str, state: Path, cpu_s: int = CPU_S) -> subprocess.CompletedProcess[str]:
    """`podium ARGS` with a bounded address space and CPU time (killed if it goes over)."""
    env = {**os.environ, "XDG_STATE_HOME": str(state), "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"}
    return subprocess.run(
        [str(PODIUM), *args],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        env=env,
        preexec_fn=lambda: _limits(cpu_s),
        check=False,
    )


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Two agendas, and a state folder holding a 200 MB unfinished journal of the first and
    a 50 MB finished one of it."""
    folder = tmp_path_factory.mktemp("big")
    a = folder / "a.yaml"
    b = folder / "b.yaml"
    shutil.copy(ROOT / "agendas/quick-demo.en.yaml", a)
    shutil.copy(ROOT / "agendas/awards-night.en.yaml", b)
    journals = folder / "state" / "podium" / "journals"
    unfinished = write_big_journal(journals / "a-20260312-090000.jsonl", a, size=BIG_BYTES)
    write_big_journal(journals / "a-20260311-090000.jsonl", a, size=BIG_BYTES // 4, ended=True)
    assert unfinished.stat().st_size >= BIG_BYTES
    return {"a": a, "b": b, "state": folder / "state", "journal": unfinished}


def test_report_of_a_200_mb_journal_streams_it(big: dict[str, Path]) -> None:
    result = bounded("report", str(big["journal"]), state=big["state"], cpu_s=REPORT_CPU_S)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "Podium quick demo: planned against actual" in result.stdout
    assert "Traceback" not in result.stderr and "MemoryError" not in result.stderr


def test_run_of_another_agenda_is_not_held_up_by_a_big_journal(big: dict[str, Path]) -> None:
    # --resume searches the state folder and, finding nothing of this agenda, says so: the
    # whole search, without opening a screen.
    result = bounded("run", str(big["b"]), "--resume", state=big["state"])
    assert result.returncode == 2, result.stderr
    assert "there is no unfinished session of" in result.stderr
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr


def test_run_of_its_own_agenda_finds_the_big_unfinished_session_from_its_tail(
    big: dict[str, Path],
) -> None:
    # Without a terminal to ask on, podium names the unfinished session (the 200 MB one, not
    # the finished one beside it, whose `end` is in its tail) and the two ways on.
    result = bounded("run", str(big["a"]), state=big["state"])
    assert result.returncode == 2, result.stderr
    assert "an unfinished session of this agenda exists" in result.stderr
    assert big["journal"].name in result.stderr and "--resume" in result.stderr


@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGHUP], ids=["SIGTERM", "SIGHUP"])
def test_a_signal_during_a_long_report_is_an_interruption(tmp_path: Path, sig: int) -> None:
    # Exit codes everywhere: 130 interrupted. SIGTERM (a service manager) and SIGHUP (the
    # terminal closing) end any command as Ctrl+C does, not by the signal's default death.
    agenda = tmp_path / "a.yaml"
    shutil.copy(ROOT / "agendas/quick-demo.en.yaml", agenda)
    journal = write_big_journal(tmp_path / "j.jsonl", agenda, size=40 * 1024 * 1024)
    env = {**os.environ, "XDG_STATE_HOME": str(tmp_path), "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"}
    proc = subprocess.Popen(
        [str(PODIUM), "report", str(journal)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    try:
        # Until the report has started reading (its interpreter is up and the handlers are
        # set): the report of 40 MB takes seconds more than that.
        deadline = time.monotonic() + 60
        while not _reading(proc.pid, journal):
            assert proc.poll() is None, proc.communicate()
            assert time.monotonic() < deadline, "the report never opened the journal"
            time.sleep(0.02)
        proc.send_signal(sig)
        stdout, stderr = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 130, stderr
    assert stderr.strip() == "podium: interrupted" and stdout == ""


def _reading(pid: int, path: Path) -> bool:
    """Whether process `pid` has `path` open."""
    try:
        return any(
            os.path.realpath(f"/proc/{pid}/fd/{fd}") == str(path.resolve())
            for fd in os.listdir(f"/proc/{pid}/fd")
        )
    except OSError:
        return False
