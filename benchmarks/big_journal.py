"""A big journal: `podium report` of a journal of tens of megabytes (a host toggling pause for
days, or a file something else filled), its time and its peak memory, against the plainest
streaming reader of the same file (a fresh Python decoding every line with `json.loads`).

The report replays every event, so its time grows with the file; its memory must not (it
streams the file, as the reader does). `tests/e2e/test_big_journals.py` holds the same
journal to resource limits at 200 MB; this measures what it costs.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import time
from pathlib import Path

from benchmarks.harness import ROOT, Context, Figure, compared, interleaved, missing

SECTION = "A big journal: podium report, time and peak memory"
FULL_MB = 20
QUICK_MB = 1
PEAK = (
    "import re, sys\n"
    "hwm = re.search(r'VmHWM:\\s+(\\d+)', open('/proc/self/status').read()).group(1)\n"
    "sys.__stderr__.write(f'\\nVmHWM {hwm}\\n')\n"
)
"""Appended to both programs: the process's own peak resident memory, read as it ends (the
rusage of a child counts the memory of the process that forked it, before its exec)."""
SUBJECT = (
    "import sys\nfrom podium.cli import main\ncode = main(sys.argv[1:])\n"
    + PEAK
    + "sys.exit(code)\n"
)
BASELINE = "import json, sys\nfor line in open(sys.argv[2], 'rb'):\n    json.loads(line)\n" + PEAK


def write_big_journal(path: Path, agenda: Path, *, size: int, ended: bool = False) -> Path:
    """A journal of `agenda` of about `size` bytes: a header, a GO, then pause/resume pairs
    (as a host toggling pause for days would write), optionally ended."""
    header = {
        "format": "podium-journal/1",
        "agenda": str(agenda),
        "agenda_sha256": "",
        "rehearsal": False,
        "started_at": "2026-03-12T09:00:00.000+08:00",
    }

    def line(event: str, second: int) -> str:
        at = f"2026-03-12T09:00:{second:02d}.000+08:00"
        return json.dumps({"at": at, "event": event, "item": "welcome", "cue": 0}) + "\n"

    pair = line("pause", 2) + line("resume", 2)
    block = (pair * ((1 << 20) // len(pair))).encode()
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as f:
        f.write((json.dumps(header) + "\n" + line("go", 1)).encode())
        while f.tell() < size:
            f.write(block)
        if ended:
            f.write(line("end", 3).encode())
    return path


def _run(argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall time (ms) and peak resident memory (MiB) of one process run to its end."""
    start = time.perf_counter()
    done = subprocess.run(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = (time.perf_counter() - start) * 1000
    stderr = done.stderr.decode(errors="replace")
    peak = re.search(r"VmHWM (\d+)", stderr)
    if done.returncode != 0 or peak is None:
        raise RuntimeError(f"{argv[2:4]} exited {done.returncode}: {stderr.strip()[-300:]}")
    return elapsed, int(peak.group(1)) / 1024


def measure(ctx: Context) -> list[Figure]:
    folder = ctx.work / "big-journal"
    folder.mkdir(exist_ok=True)
    agenda = folder / "quick-demo.en.yaml"
    shutil.copy(ROOT / "agendas" / "quick-demo.en.yaml", agenda)
    env = ctx.child_env()
    sizes = (QUICK_MB,) if ctx.quick else (FULL_MB // 4, FULL_MB)
    figures: list[Figure] = []
    for mb in sizes:  # two sizes: the time grows, the memory must not
        journal = write_big_journal(folder / f"big-{mb}.jsonl", agenda, size=mb << 20)
        events = sum(1 for _ in journal.open("rb")) - 1
        peaks: dict[str, list[float]] = {"podium": [], "bare": []}

        def runner(name: str, argv: list[str], peaks: dict[str, list[float]] = peaks):  # type: ignore[no-untyped-def]
            def once() -> float:
                elapsed, peak = _run(argv, env)
                peaks[name].append(peak)
                return elapsed

            return once

        try:
            times = interleaved(
                {
                    "podium": runner("podium", [ctx.python, "-c", SUBJECT, "report", str(journal)]),
                    "bare": runner("bare", [ctx.python, "-c", BASELINE, "report", str(journal)]),
                },
                ctx.repeats(5),
                warmup=1,
            )
        except (OSError, RuntimeError) as exc:
            return [missing(SECTION, "report", str(exc)[:200])]
        size = journal.stat().st_size / (1 << 20)
        label = f"`podium report`, {size:.0f} MiB journal ({events:,} events)"
        bare = "a fresh Python decoding every line"
        figures += [
            compared(SECTION, f"{label}: wall time", "ms", times["podium"], bare, times["bare"]),
            compared(
                SECTION,
                f"{label}: peak memory (VmHWM)",
                "MiB",
                peaks["podium"][1:],  # the warm-up round's are thrown away, as its times
                bare,
                peaks["bare"][1:],
            ),
        ]
        journal.unlink()
    return figures
