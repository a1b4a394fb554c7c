"""How the screen writes a wall-clock time (durations: `podium.engine.timefmt`)."""

from __future__ import annotations

import datetime as dt


def wall_clock_text(moment: dt.datetime, seconds: bool = True) -> str:
    """A wall-clock time, `HH:MM:SS` (or `HH:MM`)."""
    return moment.strftime("%H:%M:%S" if seconds else "%H:%M")


def projected_text(moment: dt.datetime, now: dt.datetime) -> str:
    """A projected time (`End 19:39`): `HH:MM` on today's date; with the date when it falls on
    another day (`12-15 19:39`, or `2027-01-04 19:39` in another year), so that an estimate
    of days never reads as a time today."""
    if moment.date() == now.date():
        return moment.strftime("%H:%M")
    if moment.year == now.year:
        return moment.strftime("%m-%d %H:%M")
    return moment.strftime("%Y-%m-%d %H:%M")
