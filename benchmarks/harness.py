"""The measurement plumbing: figures with their baselines and targets, the run context, and
the interleaving that puts a subject and its baseline side by side in time."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.stats import Summary, ratio_summary

ROOT = Path(__file__).resolve().parent.parent
UNSET_IN_CHILDREN = ("PYTHONDONTWRITEBYTECODE",)


@dataclass(frozen=True, slots=True)
class Target:
    """A limit a figure must stay within: `stat` of the `of` series must be ≤ `limit`."""

    of: str
    """"value" (the figure itself) or "ratio" (the figure over its baseline)."""
    stat: str
    """"median", "p99" or "max"."""
    limit: float
    text: str
    """How the README states it, e.g. "≤ 1.5× hello-world"."""

    def holds(self, figure: Figure) -> bool | None:
        series = figure.ratio if self.of == "ratio" else figure.value
        if series is None:
            return None
        value = {"median": series.median, "p99": series.p99, "max": series.maximum}[self.stat]
        return value <= self.limit


@dataclass(slots=True)
class Figure:
    """One measured quantity (or the reason it was not measured), with its baseline."""

    section: str
    name: str
    unit: str
    value: Summary | None = None
    baseline_name: str = ""
    baseline: Summary | None = None
    ratio: Summary | None = None
    targets: tuple[Target, ...] = ()
    not_measured: str = ""
    names: int | None = None
    """Generated names in the agenda, for the growth table."""
    family: str = ""
    """Figures of one family at different sizes form a row of the growth table."""
    note: str = ""

    @property
    def status(self) -> str:
        if self.not_measured:
            return "not measured"
        if not self.targets:
            return ""
        results = [t.holds(self) for t in self.targets]
        if any(r is None for r in results):
            return "not measured"
        return "PASS" if all(results) else "MISS"

    def to_json(self) -> dict[str, object]:
        def series(s: Summary | None) -> dict[str, object] | None:
            if s is None:
                return None
            return {
                "median": s.median,
                "p10": s.low,
                "p90": s.high,
                "p99": s.p99,
                "max": s.maximum,
                "n": s.n,
                "samples": list(s.samples),
            }

        return {
            "section": self.section,
            "name": self.name,
            "unit": self.unit,
            "value": series(self.value),
            "baseline_name": self.baseline_name,
            "baseline": series(self.baseline),
            "ratio": series(self.ratio),
            "targets": [t.text for t in self.targets],
            "status": self.status,
            "not_measured": self.not_measured,
            "names": self.names,
            "family": self.family,
            "note": self.note,
        }


def compared(
    section: str,
    name: str,
    unit: str,
    values: Sequence[float],
    baseline_name: str,
    baseline: Sequence[float],
    targets: tuple[Target, ...] = (),
    ratios: Sequence[float] | None = None,
    **extra: object,
) -> Figure:
    """A figure against its baseline, the ratio taken pairwise over interleaved runs (or given:
    e.g. one ratio of medians per round when the samples themselves do not pair up)."""
    return Figure(
        section,
        name,
        unit,
        value=Summary.of(values),
        baseline_name=baseline_name,
        baseline=Summary.of(baseline),
        ratio=Summary.of(ratios) if ratios else ratio_summary(values, baseline),
        targets=targets,
        **extra,  # type: ignore[arg-type]
    )


def missing(section: str, name: str, why: str, **extra: object) -> Figure:
    return Figure(section, name, "", not_measured=why, **extra)  # type: ignore[arg-type]


@dataclass
class Context:
    """What every measurement needs: sizes, repeat counts, a scratch folder and a log."""

    quick: bool
    work: Path
    python: str = sys.executable
    started: float = field(default_factory=time.monotonic)

    @property
    def sizes(self) -> tuple[int, int, int]:
        """The names counts of the growth table (tiny ones for the test run)."""
        return (20, 50, 200) if self.quick else (1000, 5000, 20000)

    def repeats(self, full: int) -> int:
        return 2 if self.quick else full

    def child_env(self) -> dict[str, str]:
        """The environment of every measured process: a private state folder (journals), and
        bytecode caching on as on a user's machine (a `PYTHONDONTWRITEBYTECODE` in the caller's
        shell would make podium recompile its sources on every start, textual not)."""
        state = self.work / "state"
        state.mkdir(exist_ok=True)
        env = {k: v for k, v in os.environ.items() if k not in UNSET_IN_CHILDREN}
        env.update({"XDG_STATE_HOME": str(state), "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"})
        return env

    def log(self, message: str) -> None:
        elapsed = time.monotonic() - self.started
        print(f"[{elapsed:6.1f}s] {message}", file=sys.stderr, flush=True)


Measurement = Callable[[Context], list[Figure]]


def interleaved(
    runs: dict[str, Callable[[], float]], repeats: int, warmup: int = 1
) -> dict[str, list[float]]:
    """Call every runner once per round, rotating the order each round, `repeats` rounds (after
    `warmup` rounds that are thrown away); return each runner's samples in round order."""
    names = list(runs)
    samples: dict[str, list[float]] = {name: [] for name in names}
    for round_no in range(warmup + repeats):
        shift = round_no % len(names)
        for name in names[shift:] + names[:shift]:
            value = runs[name]()
            if round_no >= warmup:
                samples[name].append(value)
    return samples
