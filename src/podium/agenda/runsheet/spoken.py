"""Measured spoken durations of cues, keyed by position, as `podium plan --spoken` passes them."""

from __future__ import annotations

from collections.abc import Mapping

SpokenSeconds = Mapping[tuple[int, int], float]
"""(item index, cue index) → seconds the cue takes to speak; only cues read aloud are present."""


def spoken_value(seconds: float) -> float:
    """A measured duration as the run sheet prints it: seconds to two decimals."""
    return round(seconds, 2)
