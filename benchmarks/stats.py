"""Summaries of repeated timings: median, spread and tail, so noise is visible, not hidden."""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass


def percentile(values: Sequence[float], q: float) -> float:
    """The q-th percentile (0–100) by linear interpolation between closest ranks."""
    if not values:
        raise ValueError("no values")
    ordered = sorted(values)
    if len(ordered) == 1:
        return ordered[0]
    rank = (len(ordered) - 1) * q / 100.0
    low = math.floor(rank)
    high = math.ceil(rank)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


@dataclass(frozen=True, slots=True)
class Summary:
    """Repeated samples of one figure, in the figure's unit."""

    samples: tuple[float, ...]

    @classmethod
    def of(cls, values: Sequence[float]) -> Summary:
        if not values:
            raise ValueError("a summary needs at least one sample")
        return cls(tuple(float(v) for v in values))

    @property
    def n(self) -> int:
        return len(self.samples)

    @property
    def median(self) -> float:
        return statistics.median(self.samples)

    @property
    def low(self) -> float:
        """The 10th percentile: the lower end of the spread we report."""
        return percentile(self.samples, 10)

    @property
    def high(self) -> float:
        """The 90th percentile: the upper end of the spread we report."""
        return percentile(self.samples, 90)

    @property
    def p99(self) -> float:
        return percentile(self.samples, 99)

    @property
    def maximum(self) -> float:
        return max(self.samples)


def ratio_summary(numerators: Sequence[float], denominators: Sequence[float]) -> Summary:
    """Pairwise ratios of interleaved runs (run i of the subject against run i of its baseline),
    so drift on a shared machine cancels out instead of landing on one side."""
    pairs = [(a, b) for a, b in zip(numerators, denominators, strict=False) if b > 0]
    if not pairs:
        raise ValueError("no comparable pairs")
    return Summary.of([a / b for a, b in pairs])
