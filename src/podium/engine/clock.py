"""The one clock podium reads: monotonic seconds for timers, and wall time for display.

Everything the screen shows is computed from a `Clock` at display time, never by counting
ticks. A `ManualClock` moves only when told to: `podium report` replays a journal on one, and
tests inject one to drive hours of meeting in milliseconds.
"""

from __future__ import annotations

import datetime as dt
import time
from typing import Protocol


class Clock(Protocol):
    def monotonic(self) -> float:
        """Seconds on a clock that never jumps; only differences mean anything."""
        ...

    def now(self) -> dt.datetime:
        """The local wall time, timezone-aware."""
        ...


class SystemClock:
    def monotonic(self) -> float:
        return time.monotonic()

    def now(self) -> dt.datetime:
        return dt.datetime.now().astimezone()


class ManualClock:
    """A clock that only moves when told to, `advance(seconds)`: replaying a journal's events
    at their recorded times, and tests."""

    def __init__(self, wall: dt.datetime | None = None, monotonic: float = 1000.0) -> None:
        if wall is None:
            wall = dt.datetime(2026, 3, 12, 8, 55, 0, tzinfo=dt.timezone(dt.timedelta(hours=8)))
        self._wall0 = wall
        self._mono0 = monotonic
        self._mono = monotonic

    def advance(self, seconds: float) -> None:
        if seconds < 0:
            raise ValueError("a clock never goes back")
        self._mono += seconds

    def monotonic(self) -> float:
        return self._mono

    def now(self) -> dt.datetime:
        return self._wall0 + dt.timedelta(seconds=self._mono - self._mono0)
