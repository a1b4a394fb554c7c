"""How the screen writes a wall-clock time (durations: `podium.engine.timefmt`)."""

from __future__ import annotations

import datetime as dt


def wall_clock_text(moment: dt.datetime, seconds: bool = True) -> str:
    """A wall-clock time, `HH:MM:SS` (or `HH:MM`)."""
    return moment.strftime("%H:%M:%S" if seconds else "%H:%M")
