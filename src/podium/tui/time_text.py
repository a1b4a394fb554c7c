"""How the screen writes a wall-clock time (durations: `podium.engine.timefmt`)."""

from __future__ import annotations

import datetime as dt

_HALF_SECOND = dt.timedelta(milliseconds=500)


def wall_clock_text(moment: dt.datetime, seconds: bool = True) -> str:
    """A wall-clock time, `HH:MM:SS` (the clock: as it ticks), or `HH:MM` for a computed time
    (a planned, fixed or expected start): rounded to the second first, so a fixed 09:20 that
    the clock's arithmetic puts at 09:19:59.99998 reads 09:20, not 09:19."""
    if seconds:
        return moment.strftime("%H:%M:%S")
    return (moment + _HALF_SECOND).strftime("%H:%M")
