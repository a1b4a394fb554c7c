"""Start-up cost of podium's own imports, each in a fresh interpreter, against the library it
builds on: the agenda loader against PyYAML alone, the screen against textual alone."""

from __future__ import annotations

import functools
import subprocess
import time
from collections.abc import Callable

from benchmarks.harness import ROOT, Context, Figure, compared, interleaved, missing

SECTION = "Imports (fresh interpreter, wall time)"
PAIRS = (
    ("import podium.agenda.loader", "import yaml"),
    ("import podium.tui.app", "import textual.app"),
    # what the message catalogs add to a command: the helper and the Chinese catalog, loaded
    (
        "import argparse, podium.i18n as i; i.for_language('zh').gettext('commands')",
        "import argparse",
    ),
)


def _timed(ctx: Context, code: str) -> float:
    start = time.perf_counter()
    done = subprocess.run(
        [ctx.python, "-c", code], cwd=ROOT, env=ctx.child_env(), capture_output=True, check=False
    )
    if done.returncode != 0:
        last = (done.stderr.decode(errors="replace").strip().splitlines() or ["?"])[-1]
        raise ImportError(f"`{code}` failed: {last[:160]}")
    return (time.perf_counter() - start) * 1000


def measure(ctx: Context) -> list[Figure]:
    figures: list[Figure] = []
    for subject, baseline in PAIRS:
        runs: dict[str, Callable[[], float]] = {
            subject: functools.partial(_timed, ctx, subject),
            baseline: functools.partial(_timed, ctx, baseline),
        }
        try:
            samples = interleaved(runs, ctx.repeats(9))
        except ImportError as exc:
            figures.append(missing(SECTION, f"`{subject}`", str(exc)))
            continue
        figures.append(
            compared(
                SECTION,
                f"`{subject}`",
                "ms",
                samples[subject],
                f"`{baseline}`",
                samples[baseline],
            )
        )
    return figures
