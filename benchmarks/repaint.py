"""GO → repainted screen on each agenda (method: `app_driver`), with and without reading
aloud, against the same key on the hello-world app whose action changes its one line."""

from __future__ import annotations

import statistics

from benchmarks import agendas
from benchmarks.children import ChildFailed, run_child
from benchmarks.harness import Context, Figure, Target, compared, missing
from benchmarks.stats import Summary

SECTION = "GO → repainted screen (in-process, headless 120×40)"
SECTION_TTS = "GO → repainted screen while reading aloud (stand-in player)"
PLAYER = "Reading aloud: GO → player started (pre-rendering on)"
TARGETS = (
    Target("value", "median", 16.7, "median ≤ 16.7 ms"),
    Target("value", "p99", 50.0, "p99 ≤ 50 ms"),
)
PLAYER_TARGET = (Target("value", "p99", 100.0, "p99 ≤ 100 ms"),)
BASELINE = "hello-world, key → new text"


def _agendas(ctx: Context) -> tuple[list[agendas.BenchAgenda], list[Figure]]:
    found, gaps = [], []
    try:
        found.append(agendas.conference())
    except agendas.AgendaMissing as exc:
        gaps.append(missing(SECTION, "conference", str(exc)))
    for names in ctx.sizes:
        try:
            found.append(agendas.commencement(names, ctx.work / "agendas"))
        except agendas.AgendaMissing as exc:
            gaps.append(missing(SECTION, f"{names:,} names", str(exc)))
    return found, gaps


def measure(ctx: Context) -> list[Figure]:
    try:
        import podium.tui.app  # noqa: F401
    except ImportError as exc:
        return [missing(SECTION, "all agendas", f"the podium screen is not there yet ({exc})")]
    found, figures = _agendas(ctx)
    rounds = 1 if ctx.quick else 2
    presses = 5 if ctx.quick else 50
    figures += _series(ctx, SECTION, found, rounds, presses, tts=False)
    # Reading aloud renders with espeak-ng in the background: fewer presses, fewer agendas.
    spoken = [a for a in found if a.names in ((None,) if ctx.quick else (None, *ctx.sizes[1:]))]
    figures += _series(ctx, SECTION_TTS, spoken, 1, 3 if ctx.quick else 40, tts=True)
    figures += _arm(ctx, rounds, presses)
    return figures


SECTION_ARM = "At arm's length: big countdown and paging (in-process, headless)"
SECTION_TICK = "At arm's length: the countdown's once-a-second frame (terminal bytes)"
ARM_SIZES = ("120x40", "200x60")


def _arm(ctx: Context, rounds: int, presses: int) -> list[Figure]:
    """GO onto a speech (its block-digit countdown filling the panel) and a paging press on a
    300-sentence cue, at 120×40 and 200×60, against the hello-world key; and the bytes of the
    countdown's frame each second (they must not grow with the panel: only changed glyphs)."""
    try:
        conference = agendas.conference()
    except agendas.AgendaMissing as exc:
        return [missing(SECTION_ARM, "conference", str(exc))]
    figures: list[Figure] = []
    hello: list[list[float]] = []
    runs: dict[str, list[list[float]]] = {}
    ticks: dict[str, list[float]] = {}
    failed: dict[str, str] = {}
    for round_no in range(rounds):
        ctx.log(f"{SECTION_ARM}: round {round_no + 1} of {rounds}")
        hello.append(run_child(ctx, "repaint", "hello", presses=presses)["repaint_ms"])
        for size in ARM_SIZES:
            for what in ("countdown", "page", "tick"):
                label = f"{what} {size}"
                if label in failed:
                    continue
                try:
                    data = run_child(
                        ctx,
                        "arm",
                        "podium",
                        conference.path,
                        presses,
                        extra=("--what", what, "--size", size),
                    )
                except ChildFailed as exc:
                    failed[label] = str(exc)
                    continue
                if what == "tick":
                    ticks.setdefault(size, []).extend(data["frame_bytes"])
                else:
                    runs.setdefault(label, []).append(data["repaint_ms"])
    hello_all = [v for r in hello for v in r]
    names = {"countdown": "GO → speech with the big countdown", "page": "GO paging a long cue"}
    for size in ARM_SIZES:
        for what, title in names.items():
            label = f"{what} {size}"
            if label in failed or label not in runs:
                figures.append(missing(SECTION_ARM, f"{title}, {size}", failed.get(label, "?")))
                continue
            values = [v for r in runs[label] for v in r]
            ratios = [
                statistics.median(m) / statistics.median(h)
                for m, h in zip(runs[label], hello, strict=False)
            ]
            figures.append(
                compared(
                    SECTION_ARM,
                    f"{title}, {size}",
                    "ms",
                    values,
                    BASELINE,
                    hello_all,
                    TARGETS,
                    ratios=ratios,
                    family=f"{title}, median",
                    note=f"{len(values)} presses",
                )
            )
        label = f"tick {size}"
        if ticks.get(size):
            figures.append(
                Figure(
                    SECTION_TICK,
                    f"countdown frame, {size}",
                    "bytes",
                    value=Summary.of([float(b) for b in ticks[size]]),
                    note="the digits that changed and the phase line, not the whole panel",
                )
            )
        else:
            why = failed.get(label, "?")
            figures.append(missing(SECTION_TICK, f"countdown frame, {size}", why))
    return figures


def _series(
    ctx: Context,
    section: str,
    found: list[agendas.BenchAgenda],
    rounds: int,
    presses: int,
    tts: bool,
) -> list[Figure]:
    hello: list[list[float]] = []
    mine: dict[str, list[list[float]]] = {a.label: [] for a in found}
    starts: dict[str, list[float]] = {a.label: [] for a in found}
    actions: dict[str, list[float]] = {a.label: [] for a in found}
    failed: dict[str, str] = {}
    for round_no in range(rounds):
        ctx.log(f"{section}: round {round_no + 1} of {rounds}")
        hello.append(run_child(ctx, "repaint", "hello", presses=presses)["repaint_ms"])
        for a in found:
            if a.label in failed:
                continue
            try:
                data = run_child(ctx, "repaint", "podium", a.path, presses, tts=tts)
            except ChildFailed as exc:
                failed[a.label] = str(exc)
                continue
            mine[a.label].append(data["repaint_ms"])
            starts[a.label] += data["player_started_ms"]
            actions[a.label] += data["action_ms"]
    figures: list[Figure] = []
    hello_all = [v for r in hello for v in r]
    for a in found:
        if a.label in failed:
            figures.append(missing(section, a.label, failed[a.label], names=a.names))
            continue
        values = [v for r in mine[a.label] for v in r]
        ratios = [
            statistics.median(m) / statistics.median(h)
            for m, h in zip(mine[a.label], hello, strict=False)
        ]
        figures.append(
            compared(
                section,
                a.label,
                "ms",
                values,
                BASELINE,
                hello_all,
                TARGETS,
                ratios=ratios,
                names=a.names,
                family="GO → repaint, median" + (" (reading aloud)" if tts else ""),
                note=f"{len(values)} presses",
            )
        )
        if not tts:
            figures.append(
                Figure(
                    section,
                    f"{a.label}: of which the key's action",
                    "ms",
                    value=Summary.of(actions[a.label]),
                    names=a.names,
                    note="engine step, journal fsync, widget updates; the rest is layout and paint",
                )
            )
        if tts:
            figures.append(_player_figure(a, starts[a.label]))
    return figures


def _player_figure(a: agendas.BenchAgenda, starts: list[float]) -> Figure:
    if not starts:
        return missing(PLAYER, a.label, "no player was started (speech unavailable here?)")
    return Figure(
        PLAYER,
        a.label,
        "ms",
        value=Summary.of(starts),
        targets=PLAYER_TARGET,
        names=a.names,
        note=f"{len(starts)} spoken cues",
    )
