"""First frame: from process start to the first painted screen, podium against a hello-world
Textual app, headless (paint hook in a fresh process) and in a real terminal (tmux)."""

from __future__ import annotations

import functools
import json
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from benchmarks import agendas
from benchmarks.harness import ROOT, Context, Figure, Target, compared, interleaved, missing
from benchmarks.hello_app import MARKER as HELLO_MARKER
from benchmarks.terminal import Tmux, TmuxMissing

HEADLESS = "First frame, headless (process start → first painted frame)"
TMUX = "First frame in a real terminal (tmux: spawn → title on screen)"
MEMORY = "Resident memory at the first frame (VmRSS)"
BASELINE = "hello-world"


class RunFailed(Exception):
    """The app did not reach its first frame; the message says what it printed."""


@dataclass
class Subject:
    """One app to start: hello-world or podium on an agenda."""

    label: str
    agenda: agendas.BenchAgenda | None
    targets: tuple[Target, ...] = ()

    @property
    def is_podium(self) -> bool:
        return self.agenda is not None


def subjects(ctx: Context) -> tuple[list[Subject], list[Figure]]:
    """The apps to compare, and a figure for each agenda that could not be had."""
    found: list[Subject] = []
    gaps: list[Figure] = []
    try:
        found.append(Subject("conference", agendas.conference(), (CONF_TARGET,)))
    except agendas.AgendaMissing as exc:
        gaps.append(missing(HEADLESS, "conference", str(exc)))
    for names in ctx.sizes:
        try:
            agenda = agendas.commencement(names, ctx.work / "agendas")
        except agendas.AgendaMissing as exc:
            gaps.append(missing(HEADLESS, f"{names:,} names", str(exc)))
            continue
        target = (LARGE_TARGET,) if names == max(ctx.sizes) else ()
        found.append(Subject(agenda.label, agenda, target))
    return found, gaps


CONF_TARGET = Target("ratio", "median", 1.5, "≤ 1.5× hello-world")
LARGE_TARGET = Target("ratio", "median", 2.0, "≤ 2× hello-world")
MEMORY_TARGET = Target("ratio", "median", 1.5, "≤ 1.5× hello-world")


def podium_argv(ctx: Context, agenda: Path) -> list[str]:
    journal = ctx.work / "journals" / f"{time.monotonic_ns()}.jsonl"
    journal.parent.mkdir(exist_ok=True)
    return ["run", str(agenda), "--fresh", "--journal", str(journal)]


def headless_once(ctx: Context, subject: Subject, memory: dict[str, list[float]]) -> float:
    """One fresh process to its first painted frame, headless; returns milliseconds."""
    import subprocess

    result = ctx.work / "first-frame.json"
    result.unlink(missing_ok=True)
    argv = [ctx.python, "-m", "benchmarks.child", "first-frame", "--result", str(result)]
    if subject.agenda is None:
        argv += ["--app", "hello"]
    else:
        argv += ["--app", "podium", "--", *podium_argv(ctx, subject.agenda.path)]
    env = ctx.child_env()
    start = time.monotonic()
    done = subprocess.run(argv, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    if not result.is_file():
        lines = done.stderr.strip() or done.stdout.strip() or f"exit {done.returncode}"
        raise RunFailed(lines.splitlines()[-1][:200])
    data = json.loads(result.read_text())
    memory.setdefault(subject.label, []).append(data["VmRSS"] / 1024)
    return (data["painted_monotonic"] - start) * 1000


def _podium_command(ctx: Context) -> list[str]:
    script = Path(ctx.python).with_name("podium")
    return [str(script)] if script.is_file() else [ctx.python, "-m", "podium"]


def _compare(
    ctx: Context,
    section: str,
    subjects_: list[Subject],
    once: Callable[[Subject], float],
    repeats: int,
) -> list[Figure]:
    """Hello-world and every subject, interleaved; subjects that fail are reported, not fatal."""
    hello = Subject(BASELINE, None)
    working: list[Subject] = []
    figures: list[Figure] = []
    for subject in subjects_:
        try:
            once(subject)  # also the warm-up: page cache, .pyc files
            working.append(subject)
        except (RunFailed, TimeoutError, ProcessLookupError) as exc:
            figures.append(missing(section, subject.label, str(exc), names=_names(subject)))
    if not working:
        return figures
    runs: dict[str, Callable[[], float]] = {
        s.label: functools.partial(once, s) for s in [hello, *working]
    }
    samples = interleaved(runs, repeats, warmup=1)
    for s in working:
        figures.append(
            compared(
                section,
                s.label,
                "ms",
                samples[s.label],
                BASELINE,
                samples[BASELINE],
                s.targets,
                names=_names(s),
                family=f"first frame, {'headless' if section == HEADLESS else 'tmux'}",
            )
        )
    return figures


def _names(subject: Subject) -> int | None:
    return subject.agenda.names if subject.agenda else None


def measure(ctx: Context) -> list[Figure]:
    found, gaps = subjects(ctx)
    figures: list[Figure] = list(gaps)
    memory: dict[str, list[float]] = {}
    ctx.log("first frame, headless")
    figures += _compare(
        ctx, HEADLESS, found, lambda s: headless_once(ctx, s, memory), ctx.repeats(9)
    )
    figures += _memory_figures(ctx, found, memory)
    figures += _tmux_figures(ctx, found)
    return figures


def _memory_figures(
    ctx: Context, found: list[Subject], memory: dict[str, list[float]]
) -> list[Figure]:
    hello = memory.get(BASELINE, [])
    figures = []
    for s in found:
        mine = memory.get(s.label, [])
        if not mine or not hello:
            continue
        # The first sample of each is the warm-up; pair the rest in run order.
        pairs = min(len(mine), len(hello))
        targets = (MEMORY_TARGET,) if s.agenda and s.agenda.names == ctx.sizes[1] else ()
        figures.append(
            compared(
                MEMORY,
                s.label,
                "MiB",
                mine[-pairs:],
                BASELINE,
                hello[-pairs:],
                targets,
                names=_names(s),
                family="memory at first frame",
            )
        )
    return figures


def _tmux_figures(ctx: Context, found: list[Subject]) -> list[Figure]:
    try:
        tmux = Tmux()
    except TmuxMissing as exc:
        return [missing(TMUX, "all agendas", str(exc))]
    ctx.log("first frame, tmux")
    env = ctx.child_env()
    env.update({"TERM": "tmux-256color", "COLORTERM": "truecolor"})

    def once(subject: Subject) -> float:
        if subject.agenda is None:
            argv = [ctx.python, "-m", "benchmarks.hello_app"]
            marker = HELLO_MARKER
        else:
            argv = [*_podium_command(ctx), *podium_argv(ctx, subject.agenda.path)]
            marker = subject.agenda.marker[:12]
        return tmux.time_to_marker(argv, env, ROOT, marker) * 1000

    try:
        return _compare(ctx, TMUX, found, once, ctx.repeats(7))
    finally:
        tmux.close()


if __name__ == "__main__":
    sys.exit("run `python -m benchmarks --only first_frame`")
