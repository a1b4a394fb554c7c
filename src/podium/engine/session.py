"""A meeting in progress: the cue cursor, the timers, and the schedule read-outs.

API CONTRACT (shared by the engine and the screen; the engine helper implements the bodies).
All state is timestamps on the injected clock; every read-out is computed when called.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from podium.agenda.model import Cue, Item
from podium.agenda.plan import Plan
from podium.engine.clock import Clock


class Phase(StrEnum):
    """A speech or break timer's phase (and the word the screen writes for it)."""

    NORMAL = "normal"
    WARNING = "warning"
    DANGER = "danger"
    OVERTIME = "overtime"


class Outcome(StrEnum):
    """What a host action did, so the screen can say so."""

    DONE = "done"
    IGNORED_GUARD = "ignored-guard"
    """A GO within the double-press guard of the previous GO press."""
    AT_END = "at-end"
    """GO on the last cue: the screen asks to end the meeting, then calls `end()`."""
    AT_START = "at-start"
    """Back on the first cue (or before the first GO): nothing to go back to."""
    NOT_STARTED = "not-started"
    ENDED = "ended"


@dataclass(frozen=True, slots=True)
class Position:
    item: int
    """0-based item index."""
    cue: int
    """0-based cue index within the item."""


class Session:
    """One run of a plan.

    Before the first GO the session stands by (`position is None`, `started is False`); the
    first GO starts the meeting on the first cue. `rehearsal` changes where planned starts
    count from (see podium.md, Timing). `journal` receives every event before the action
    returns, so the screen never shows what is not on disk.
    """

    def __init__(
        self,
        plan: Plan,
        clock: Clock,
        *,
        rehearsal: bool = False,
        guard_s: float = 0.4,
        journal: object | None = None,
    ) -> None:
        raise NotImplementedError

    # --- state --------------------------------------------------------------------------
    plan: Plan
    clock: Clock
    rehearsal: bool
    position: Position | None
    started: bool
    ended: bool
    paused: bool

    @property
    def item(self) -> Item | None:
        """The current item (None before the first GO)."""
        raise NotImplementedError

    @property
    def cue(self) -> Cue | None:
        raise NotImplementedError

    def next_cue(self) -> tuple[Item, Cue] | None:
        """What GO would show next: the first cue before the start, None on the last cue."""
        raise NotImplementedError

    # --- host actions (each journaled) --------------------------------------------------
    def go(self) -> Outcome: ...
    def back(self) -> Outcome: ...
    def jump(self, item_index: int) -> Outcome: ...
    def toggle_pause(self) -> Outcome: ...
    def adjust(self, delta_s: int) -> Outcome:
        """Give the current item more (or less) planned time; the plan itself is unchanged."""
        ...

    def end(self) -> Outcome: ...

    # --- read-outs (computed from the clock now) ----------------------------------------
    def item_elapsed_s(self) -> float:
        """The current item's timer: time since its first cue was shown, less paused time."""
        raise NotImplementedError

    def item_planned_s(self) -> int:
        """The current item's planned duration with the host's adjustments."""
        raise NotImplementedError

    def timer_remaining_s(self) -> float | None:
        """Speech cue: allotted minus elapsed speech time; break: break remaining; else None.
        Negative once over time (the screen shows `+m:ss`)."""
        raise NotImplementedError

    def timer_phase(self) -> Phase | None:
        raise NotImplementedError

    def behind_s(self) -> float:
        """Positive: behind plan; negative: ahead. 0 before the first GO."""
        raise NotImplementedError

    def projected_end(self) -> dt.datetime:
        raise NotImplementedError

    def planned_start(self, item_index: int) -> dt.datetime | None:
        """When the item is planned to start, on the wall clock (None when it cannot be known)."""
        raise NotImplementedError

    def until_start_s(self) -> float | None:
        """Standby: seconds until the meeting's planned start (negative once past), or None."""
        raise NotImplementedError

    def actual_s(self, item_index: int) -> float | None:
        """All the time the position spent inside the item so far (None if never reached)."""
        raise NotImplementedError
