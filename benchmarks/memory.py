"""Resident memory over eight simulated hours (ManualClock: GO once a simulated minute, the
display's clock tick four times per step), against the hello-world app pressed as often."""

from __future__ import annotations

from benchmarks import agendas
from benchmarks.children import ChildFailed, run_child
from benchmarks.harness import Context, Figure, Target, missing
from benchmarks.stats import Summary

SECTION = "Resident memory over 8 simulated hours (VmRSS)"
FLAT = Target("value", "median", 5.0, "flat: ≤ 5 % growth")
BASELINE = "hello-world"


def measure(ctx: Context) -> list[Figure]:
    try:
        import podium.tui.app  # noqa: F401
    except ImportError as exc:
        return [missing(SECTION, "all agendas", f"the podium screen is not there yet ({exc})")]
    subjects: list[agendas.BenchAgenda] = []
    figures: list[Figure] = []
    try:
        subjects.append(agendas.conference())
    except agendas.AgendaMissing as exc:
        figures.append(missing(SECTION, "conference", str(exc)))
    if not ctx.quick:
        for names in ctx.sizes[1:]:
            try:
                subjects.append(agendas.commencement(names, ctx.work / "agendas"))
            except agendas.AgendaMissing as exc:
                figures.append(missing(SECTION, f"{names:,} names", str(exc)))
    steps = 48 if ctx.quick else 480
    ctx.log(f"memory: hello-world, {steps} steps")
    hello = run_child(ctx, "eight-hours", "hello", presses=steps)["rss_mib_by_hour"]
    for a in subjects:
        ctx.log(f"memory: {a.label}, {steps} steps")
        try:
            rss = run_child(ctx, "eight-hours", "podium", a.path, presses=steps)["rss_mib_by_hour"]
        except ChildFailed as exc:
            figures.append(missing(SECTION, a.label, str(exc), names=a.names))
            continue
        by_hour = ", ".join(f"{v:.0f}" for v in rss)
        figures.append(
            Figure(
                SECTION,
                f"{a.label}: after 8 h",
                "MiB",
                value=Summary.of([rss[-1]]),
                baseline_name=BASELINE,
                baseline=Summary.of([hello[-1]]),
                ratio=Summary.of([rss[-1] / hello[-1]]),
                names=a.names,
                family="memory after 8 simulated hours",
                note=f"hour 0…8: {by_hour} MiB",
            )
        )
        figures.append(
            Figure(
                SECTION,
                f"{a.label}: growth, hour 1 → hour 8",
                "%",
                value=Summary.of([_growth(rss)]),
                baseline_name=BASELINE,
                baseline=Summary.of([_growth(hello)]),
                targets=(FLAT,),
                names=a.names,
            )
        )
    return figures


def _growth(rss: list[float]) -> float:
    """Percent growth from the first simulated hour to the last (hour 0 is start-up)."""
    first = rss[1] if len(rss) > 2 else rss[0]
    return (rss[-1] - first) / first * 100
