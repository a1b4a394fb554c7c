"""A meeting in progress: the cue cursor, the timers, and the schedule read-outs.

API CONTRACT (shared by the engine and the screen).
All state is timestamps on the injected clock; every read-out is computed when called.
The rules it follows are written down in docs/engine.md.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, Protocol

from podium.agenda.defaults import DEFAULT_DANGER_S, DEFAULT_WARN_S
from podium.agenda.model import Cue, CueKind, Item
from podium.agenda.plan import Plan, schedule
from podium.engine.clock import Clock


class Phase(StrEnum):
    """A speech or break timer's phase (and the word the screen writes for it)."""

    NORMAL = "normal"
    WARNING = "warning"
    DANGER = "danger"
    OVERTIME = "overtime"


class Outcome(StrEnum):
    """What a host command did, by the names every front-end uses (keys, journal, remote)."""

    DONE = "done"
    IGNORED_GUARD = "ignored_guard"
    """A GO within the double-press guard of the previous GO press."""
    AT_END = "at_end"
    """GO on the last cue: the host asks to end the meeting, then calls `end()`."""
    AT_START = "at_start"
    """Back on the first cue (or before the first GO): nothing to go back to."""
    NOT_STARTED = "not_started"
    ENDED = "ended"
    """The meeting has ended (or, answering the end question, ends now)."""
    PAGED = "paged"
    """GO or back paged through a long cue instead of moving (not a cue move)."""
    UNBLANKED = "unblanked"
    """GO or back while blank: the meeting shows again, without advancing."""
    UNAVAILABLE = "unavailable"
    """A reading command without a speaker."""
    NOTHING = "nothing"
    """Nothing to do (no question to answer, no message to clear, nothing to read)."""


class ItemStatus(StrEnum):
    """Where an item stands in the run sheet."""

    DONE = "done"
    """Visited, and the position is elsewhere now."""
    CURRENT = "current"
    UPCOMING = "upcoming"
    """Never visited, after the current item (or everything, before the first GO)."""
    SKIPPED = "skipped"
    """Never visited, before the current item (jumped over)."""


@dataclass(frozen=True, slots=True)
class Position:
    item: int
    """0-based item index."""
    cue: int
    """0-based cue index within the item."""


class JournalSink(Protocol):
    """Where a session writes its events (`podium.engine.journal.JournalWriter`)."""

    def record(
        self, event: str, *, at: dt.datetime, item: str | None, cue: int | None, **fields: Any
    ) -> None: ...


@dataclass(frozen=True, slots=True)
class SummaryRow:
    """One item of the planned-against-actual summary."""

    item: Item
    planned_s: int
    """The plan's duration (adjustments are not plan)."""
    actual_s: float | None
    """All the time the position spent inside the item, pauses included; None if never reached."""

    @property
    def delta_s(self) -> float | None:
        return None if self.actual_s is None else self.actual_s - self.planned_s


@dataclass(slots=True)
class _ItemClock:
    """One item's timer as timestamps on the monotonic clock."""

    first_entered: float | None = None
    """When the position first entered the item (its actual start)."""
    entered: float | None = None
    """When the current visit began; None while the position is elsewhere."""
    spent: float = 0.0
    """Closed visits: all the time spent inside, pauses included."""
    paused: float = 0.0
    """Closed pauses inside this item."""
    added_s: int = 0
    """The host's adjustments to its planned time."""
    timer_marks: dict[int, float] = field(default_factory=dict)
    """Cue index -> the item's elapsed time when that speech/break cue was first shown."""


class Session:
    """One run of a plan.

    Before the first GO the session stands by (`position is None`, `started is False`); the
    first GO starts the meeting on the first cue. `rehearsal` changes where planned starts
    count from (see docs/engine.md). `journal` receives every event before the action
    returns, so the screen never shows what is not on disk.
    """

    def __init__(
        self,
        plan: Plan,
        clock: Clock,
        *,
        rehearsal: bool = False,
        guard_s: float = 0.4,
        journal: JournalSink | None = None,
    ) -> None:
        self.plan = plan
        self.clock = clock
        self.rehearsal = rehearsal
        self.guard_s = guard_s
        self.journal = journal
        self.position: Position | None = None
        self.started = False
        self.ended = False
        self.paused = False
        self._order = [
            Position(i, c) for i, item in enumerate(self.items) for c in range(len(item.cues))
        ]
        self._rank = {pos: k for k, pos in enumerate(self._order)}
        self._clocks = [_ItemClock() for _ in self.items]
        self._last_go_press: float | None = None
        self._started_mono: float | None = None
        self.started_wall: dt.datetime | None = None
        """Wall time of the first GO."""
        self._ended_mono: float | None = None
        self.ended_wall: dt.datetime | None = None
        self._paused_at: float | None = None
        self._anchor_mono: float | None = None
        """Monotonic time of planned offset 0 (set by the first GO)."""
        self._live_anchor_set = False
        """The first GO fell on the meeting's day: planned times are wall-clock times."""

    # --- state --------------------------------------------------------------------------
    @property
    def items(self) -> tuple[Item, ...]:
        return self.plan.agenda.items

    @property
    def item(self) -> Item | None:
        """The current item (None before the first GO)."""
        return None if self.position is None else self.items[self.position.item]

    @property
    def cue(self) -> Cue | None:
        """The current cue (None before the first GO)."""
        if self.position is None:
            return None
        return self.items[self.position.item].cues[self.position.cue]

    def next_cue(self) -> tuple[Item, Cue] | None:
        """What GO would show next: the first cue before the start, None on the last cue."""
        nxt = self._next_position()
        if nxt is None:
            return None
        item = self.items[nxt.item]
        return item, item.cues[nxt.cue]

    def status(self, item_index: int) -> ItemStatus:
        """The item's place in the run sheet: done, current, upcoming or skipped."""
        if self.position is not None and item_index == self.position.item and not self.ended:
            return ItemStatus.CURRENT
        if self._clocks[item_index].first_entered is not None:
            return ItemStatus.DONE
        if self.position is not None and item_index < self.position.item:
            return ItemStatus.SKIPPED
        return ItemStatus.UPCOMING

    # --- host actions (each journaled) --------------------------------------------------
    def go(self) -> Outcome:
        """Show the next cue (the first GO starts the meeting)."""
        t = self.clock.monotonic()
        if self.ended:
            return Outcome.ENDED
        last, self._last_go_press = self._last_go_press, t
        # (a nanosecond of slack so that a press exactly `guard_s` later is never refused)
        if last is not None and t - last < self.guard_s - 1e-9:
            return Outcome.IGNORED_GUARD
        target = self._next_position()
        if target is None:
            return Outcome.AT_END
        self._act("go", target, t)
        return Outcome.DONE

    def back(self) -> Outcome:
        """Show the previous cue (into the previous item from an item's first cue)."""
        if self.ended:
            return Outcome.ENDED
        if self.position is None:
            return Outcome.AT_START
        k = self._rank[self.position]
        if k == 0:
            return Outcome.AT_START
        self._act("back", self._order[k - 1], self.clock.monotonic())
        return Outcome.DONE

    def jump(self, item_index: int) -> Outcome:
        """Show the first cue of item `item_index` (0-based)."""
        if not 0 <= item_index < len(self.items):
            raise IndexError(f"no item {item_index}")
        if self.ended:
            return Outcome.ENDED
        if not self.started:
            return Outcome.NOT_STARTED
        if not self.items[item_index].cues:
            raise IndexError(f"item {item_index} has no cues")
        self._act("jump", Position(item_index, 0), self.clock.monotonic())
        return Outcome.DONE

    def toggle_pause(self) -> Outcome:
        """Pause the item's (and the speech's) timer, or resume it."""
        if self.ended:
            return Outcome.ENDED
        if not self.started:
            return Outcome.NOT_STARTED
        t = self.clock.monotonic()
        event = "resume" if self.paused else "pause"
        self._record(event, self.position, t)
        self._apply_pause(not self.paused, t)
        return Outcome.DONE

    def adjust(self, delta_s: int) -> Outcome:
        """Give the current item more (or less) planned time; the plan itself is unchanged.

        The item's planned time never goes below zero: a larger cut is clamped.
        """
        if self.ended:
            return Outcome.ENDED
        if self.position is None:
            return Outcome.NOT_STARTED
        applied = max(int(delta_s), -self.item_planned_s())
        if applied == 0:
            return Outcome.DONE
        self._record("adjust", self.position, self.clock.monotonic(), delta_s=applied)
        self._clocks[self.position.item].added_s += applied
        return Outcome.DONE

    def end(self) -> Outcome:
        """End the meeting: every timer stops where it is."""
        if self.ended:
            return Outcome.ENDED
        if not self.started:
            return Outcome.NOT_STARTED
        t = self.clock.monotonic()
        self._record("end", self.position, t)
        self._apply_end(t)
        return Outcome.DONE

    # --- read-outs (computed from the clock now) ----------------------------------------
    def item_elapsed_s(self) -> float:
        """The current item's timer: time since its first cue was shown, less paused time."""
        if self.position is None:
            return 0.0
        return self._elapsed(self.position.item, self._now())

    def item_planned_s(self) -> int:
        """The current item's planned duration with the host's adjustments."""
        if self.position is None:
            return 0
        return self.planned_with_adjustments_s(self.position.item)

    def planned_with_adjustments_s(self, item_index: int) -> int:
        """An item's planned duration plus the host's adjustments to it."""
        return max(0, self.items[item_index].duration_s + self._clocks[item_index].added_s)

    def added_s(self, item_index: int) -> int:
        """The host's total adjustment to an item's plan, in seconds."""
        return self._clocks[item_index].added_s

    def timer_allotted_s(self) -> int | None:
        """Speech or break cue: its allotted time with the host's adjustments; else None."""
        cue = self.cue
        if cue is None or cue.kind not in (CueKind.SPEECH, CueKind.BREAK):
            return None
        assert self.position is not None
        return max(0, (cue.duration_s or 0) + self._clocks[self.position.item].added_s)

    def timer_elapsed_s(self) -> float | None:
        """Speech or break cue: time since that cue was first shown, less pauses; else None."""
        if self.timer_allotted_s() is None:
            return None
        assert self.position is not None
        i, c = self.position.item, self.position.cue
        return self._elapsed(i, self._now()) - self._clocks[i].timer_marks.get(c, 0.0)

    def timer_remaining_s(self) -> float | None:
        """Speech cue: allotted minus elapsed speech time; break: break remaining; else None.
        Negative once over time (the screen shows `+m:ss`)."""
        allotted = self.timer_allotted_s()
        elapsed = self.timer_elapsed_s()
        if allotted is None or elapsed is None:
            return None
        return allotted - elapsed

    def timer_phase(self) -> Phase | None:
        """The timer's phase: WARNING at `remaining <= warn`, DANGER at `<= danger`, OVERTIME at
        `<= 0`, NORMAL before."""
        remaining = self.timer_remaining_s()
        if remaining is None:
            return None
        item = self.item
        assert item is not None
        allotted = self.timer_allotted_s() or 0
        warn, danger = self.thresholds(item, allotted)
        return phase_for(remaining, warn, danger)

    @staticmethod
    def thresholds(item: Item, allotted_s: int) -> tuple[int, int]:
        """The (warn, danger) remaining times for an item's timer: its own, or 2m/1m clamped."""
        warn = item.warn_s if item.warn_s is not None else min(DEFAULT_WARN_S, allotted_s)
        danger = item.danger_s if item.danger_s is not None else min(DEFAULT_DANGER_S, allotted_s)
        return warn, danger

    def behind_s(self) -> float:
        """Positive: behind plan; negative: ahead. 0 before the first GO."""
        if self.position is None or self._anchor_mono is None:
            return 0.0
        i = self.position.item
        t = self._now()
        first = self._clocks[i].first_entered
        assert first is not None
        late_start = first - (self._anchor_mono + self.plan.items[i].offset_s)
        overrun = max(0.0, self._elapsed(i, t) - self.planned_with_adjustments_s(i))
        return late_start + overrun

    def projected_end(self) -> dt.datetime:
        """When the meeting will end: now + what is left of the current item + the plan after it."""
        t = self._now()
        if self.ended:
            return self._wall(t)
        if self.position is None:
            return self._standby_projected_end()
        i = self.position.item
        remaining = self._left_of_current(i, t)
        rest = range(i + 1, len(self.items))
        durations = [remaining, *(self.planned_with_adjustments_s(j) for j in rest)]
        ats = [None, *(self._fixed_offset_from(j, t) for j in rest)]
        return self._wall(t + _span(durations, ats))

    def planned_start(self, item_index: int) -> dt.datetime | None:
        """When the item is planned to start, on the wall clock (None when it cannot be known)."""
        offset = self.plan.items[item_index].offset_s
        if self._anchor_mono is not None:
            return self._wall(self._anchor_mono + offset)
        anchor = self._standby_anchor()
        return None if anchor is None else anchor + dt.timedelta(seconds=offset)

    def until_start_s(self) -> float | None:
        """Standby: seconds until the meeting's planned start (negative once past), or None.

        None once started, and whenever the plan would count from the first GO instead
        (rehearsal, no `start`, or a `date` that is not today).
        """
        if self.started:
            return None
        anchor = self._standby_anchor()
        if anchor is None:
            return None
        return (anchor - self.clock.now()).total_seconds()

    def actual_s(self, item_index: int, *, include_pauses: bool = True) -> float | None:
        """All the time the position spent inside the item so far (None if never reached)."""
        ic = self._clocks[item_index]
        if ic.first_entered is None:
            return None
        t = self._now()
        total = self._spent(item_index, t)
        if not include_pauses:
            total -= self._paused(item_index, t)
        return total

    def actual_start(self, item_index: int) -> dt.datetime | None:
        """When the position first entered the item, on the wall clock."""
        first = self._clocks[item_index].first_entered
        return None if first is None else self._wall(first)

    def meeting_elapsed_s(self) -> float:
        """From the first GO to now (or to the end)."""
        if self._started_mono is None:
            return 0.0
        return self._now() - self._started_mono

    def paused_for_s(self) -> float:
        """How long the current pause has lasted (0 when not paused)."""
        if self._paused_at is None:
            return 0.0
        return self._now() - self._paused_at

    # --- read-outs for the screen at arm's length ---------------------------------------
    @property
    def counts_from_planned_start(self) -> bool:
        """Planned times are wall-clock times: a live meeting whose first GO fell on its date
        (or, before the first GO, one that would start counting from its planned start now)."""
        if self.started:
            return self._live_anchor_set
        return self._standby_anchor() is not None

    def dated_another_day(self) -> bool:
        """Standby of a live meeting whose `date` is not today: timing will count from the
        first GO, not from its planned start."""
        date = self.plan.agenda.meeting.date
        return (
            not self.started
            and not self.rehearsal
            and date is not None
            and self.clock.now().date() != date
        )

    def fixed_start(self, item_index: int) -> dt.datetime | None:
        """When an item with a fixed `at` must start, on the wall clock, in a live meeting
        counting from its planned start; None otherwise (no `at`, rehearsal, another day)."""
        at_s = self.items[item_index].at_s
        start_s = self.plan.start_s
        if at_s is None or start_s is None or self.rehearsal or not self.counts_from_planned_start:
            return None
        if self._anchor_mono is not None:
            return self._wall(self._anchor_mono + (at_s - start_s))
        anchor = self._standby_anchor()
        return None if anchor is None else anchor + dt.timedelta(seconds=at_s - start_s)

    def hold_s(self) -> float | None:
        """Seconds until the current item's fixed start while it is still ahead (the host
        must wait: e.g. a leader fixed at 09:20 reached at 09:14); None when there is no hold."""
        if self.position is None or self.ended:
            return None
        fixed = self.fixed_start(self.position.item)
        if fixed is None:
            return None
        left = (fixed - self.clock.now()).total_seconds()
        return left if left > 0 else None

    def expected_offsets(self, upto: int | None = None) -> list[float | None]:
        """Per item up to `upto` (inclusive; default all): seconds from now until it is
        expected to start: what is left of the current item, then the plan (with the host's
        adjustments) of the items between, honouring fixed times. None for the current item,
        the items before it, and before the first GO or after the end."""
        last = len(self.items) - 1 if upto is None else min(upto, len(self.items) - 1)
        out: list[float | None] = [None] * (last + 1)
        if self.position is None or self.ended:
            return out
        i = self.position.item
        t = self._now()
        ahead = self._left_of_current(i, t)
        for j in range(i + 1, last + 1):
            fixed = self._fixed_offset_from(j, t)
            if fixed is not None and fixed > ahead:
                ahead = fixed
            out[j] = ahead
            ahead += self.planned_with_adjustments_s(j)
        return out

    def expected_start(self, offset_s: float) -> dt.datetime:
        """The wall-clock time `offset_s` seconds from now (for `expected_offsets`)."""
        return self.clock.now() + dt.timedelta(seconds=offset_s)

    def summary(self) -> list[SummaryRow]:
        """Planned against actual per item, for the summary screen."""
        return [SummaryRow(item, item.duration_s, self.actual_s(item.index)) for item in self.items]

    # --- replay (used by podium.engine.restore and the report) -------------------------
    def replay(
        self,
        event: str,
        position: Position | None,
        t: float,
        wall: dt.datetime,
        *,
        delta_s: int = 0,
        item_index: int | None = None,
    ) -> bool:
        """Apply one journaled event at monotonic time `t`, without writing it or guarding it.

        Returns False when the event does not apply (unknown kind, or nothing to act on).
        `wall` is the event's wall time (the first GO's date decides the planned starts).
        """
        if self.ended:
            return False
        if event in ("go", "back", "jump"):
            if position is None:
                return False
            if self.paused:  # a move ends a pause, as it does live
                self._apply_pause(False, t)
            if not self.started:
                self._start(t, wall)
            self._move(position, t)
            return True
        if not self.started:
            return False
        if event in ("pause", "resume"):
            if (event == "pause") == self.paused:
                return False
            self._apply_pause(event == "pause", t)
            return True
        if event == "adjust":
            target = item_index if item_index is not None else self.position
            index = target.item if isinstance(target, Position) else target
            if index is None:
                return False
            self._clocks[index].added_s += int(delta_s)
            return True
        if event == "end":
            self._apply_end(t)
            return True
        return False

    # --- internals ------------------------------------------------------------------------
    def _now(self) -> float:
        return self._ended_mono if self._ended_mono is not None else self.clock.monotonic()

    def _wall(self, t: float) -> dt.datetime:
        return self.clock.now() - dt.timedelta(seconds=self.clock.monotonic() - t)

    def _next_position(self) -> Position | None:
        if not self._order:
            return None
        if self.position is None:
            return self._order[0]
        k = self._rank[self.position]
        return self._order[k + 1] if k + 1 < len(self._order) else None

    def _record(self, event: str, pos: Position | None, t: float, **fields: Any) -> None:
        if self.journal is None:
            return
        item_id = None if pos is None else self.items[pos.item].id
        cue = None if pos is None else pos.cue
        self.journal.record(event, at=self._wall(t), item=item_id, cue=cue, **fields)

    def _act(self, event: str, target: Position, t: float) -> None:
        """Journal a move (ending a pause first), then make it."""
        if self.paused:
            self._record("resume", self.position, t)
            self._apply_pause(False, t)
        self._record(event, target, t)
        if not self.started:
            self._start(t, self._wall(t))
        self._move(target, t)

    def _start(self, t: float, wall: dt.datetime) -> None:
        self.started = True
        self._started_mono = t
        self.started_wall = wall
        anchor_wall = self._live_anchor(wall)
        self._live_anchor_set = anchor_wall is not None
        if anchor_wall is None:
            self._anchor_mono = t
        else:
            self._anchor_mono = t - (wall - anchor_wall).total_seconds()

    def _live_anchor(self, first_go: dt.datetime) -> dt.datetime | None:
        """The planned start on the wall clock, if planned starts count from it (else None)."""
        meeting = self.plan.agenda.meeting
        if self.rehearsal or self.plan.start_s is None:
            return None
        if meeting.date is not None and first_go.date() != meeting.date:
            return None
        return _at_time(first_go, first_go.date(), self.plan.start_s)

    def _standby_anchor(self) -> dt.datetime | None:
        """Standby: the planned start on the wall clock, if a GO now would count from it."""
        return self._live_anchor(self.clock.now())

    def _standby_projected_end(self) -> dt.datetime:
        now = self.clock.now()
        anchor = self._standby_anchor()
        if anchor is None or anchor >= now:
            base = now if anchor is None else anchor
            return base + dt.timedelta(seconds=self.plan.total_s)
        # The planned start is past: start now, still honouring the fixed `at` times.
        late = (now - anchor).total_seconds()
        start_s = self.plan.start_s
        assert start_s is not None
        ats = [None if it.at_s is None else it.at_s - start_s - late for it in self.items]
        durations = [it.duration_s for it in self.items]
        return now + dt.timedelta(seconds=_span(durations, ats))

    def _left_of_current(self, i: int, t: float) -> float:
        """Seconds from `t` until the current item `i` is expected to end: its plan (with the
        host's adjustments) less what it has run, but never before its running speech or break
        timer is out, and, on a cue without one, never before its fixed `at` plus its plan
        (the 区长's intro reached at 09:14 for 09:20: the speech ends 30 minutes after 09:20,
        whenever the host got there; once it starts late, 30 minutes after it starts)."""
        planned = self.planned_with_adjustments_s(i)
        left = max(0.0, planned - self._elapsed(i, t))
        timer = self.timer_remaining_s()
        if timer is not None:
            return max(left, timer)
        fixed = self._fixed_offset_from(i, t)
        return left if fixed is None else max(left, fixed + planned)

    def _fixed_offset_from(self, item_index: int, t: float) -> float | None:
        """Seconds from `t` to the item's fixed `at` time (None when it has none)."""
        at_s = self.items[item_index].at_s
        if at_s is None or self.plan.start_s is None or self._anchor_mono is None:
            return None
        return self._anchor_mono + (at_s - self.plan.start_s) - t

    def _move(self, target: Position, t: float) -> None:
        if self.position is not None and self.position.item != target.item:
            self._leave(self.position.item, t)
        ic = self._clocks[target.item]
        if self.position is None or self.position.item != target.item:
            ic.entered = t
            if ic.first_entered is None:
                ic.first_entered = t
        self.position = target
        cue = self.items[target.item].cues[target.cue]
        if cue.kind in (CueKind.SPEECH, CueKind.BREAK) and target.cue not in ic.timer_marks:
            ic.timer_marks[target.cue] = self._elapsed(target.item, t)

    def _leave(self, item_index: int, t: float) -> None:
        ic = self._clocks[item_index]
        if ic.entered is not None:
            ic.spent += t - ic.entered
            ic.entered = None

    def _apply_pause(self, pause: bool, t: float) -> None:
        if pause:
            self._paused_at = t
        elif self._paused_at is not None:
            assert self.position is not None
            self._clocks[self.position.item].paused += t - self._paused_at
            self._paused_at = None
        self.paused = pause

    def _apply_end(self, t: float) -> None:
        if self.paused:
            self._apply_pause(False, t)
        if self.position is not None:
            self._leave(self.position.item, t)
        self.ended = True
        self._ended_mono = t
        self.ended_wall = self._wall(t)

    def _spent(self, i: int, t: float) -> float:
        ic = self._clocks[i]
        return ic.spent + (t - ic.entered if ic.entered is not None else 0.0)

    def _paused(self, i: int, t: float) -> float:
        extra = 0.0
        if self._paused_at is not None and self.position is not None and self.position.item == i:
            extra = t - self._paused_at
        return self._clocks[i].paused + extra

    def _elapsed(self, i: int, t: float) -> float:
        return self._spent(i, t) - self._paused(i, t)


def phase_for(remaining_s: float, warn_s: int, danger_s: int) -> Phase:
    """The phase of a countdown: each boundary belongs to the later phase (`<=`)."""
    if remaining_s <= 0:
        return Phase.OVERTIME
    if remaining_s <= danger_s:
        return Phase.DANGER
    if remaining_s <= warn_s:
        return Phase.WARNING
    return Phase.NORMAL


def _span(durations: Sequence[float], ats: Sequence[float | None]) -> float:
    """How long items run back to back take, honouring fixed starts (offsets from now)."""
    if not durations:
        return 0.0
    # `schedule` is typed for whole seconds but computes exactly with fractional ones.
    offsets = schedule(durations, ats)  # type: ignore[arg-type]
    return offsets[-1] + durations[-1]


def _at_time(ref: dt.datetime, day: dt.date, seconds_after_midnight: int) -> dt.datetime:
    """`day` at a time of day, in `ref`'s timezone."""
    midnight = dt.datetime.combine(day, dt.time(0), tzinfo=ref.tzinfo)
    return midnight + dt.timedelta(seconds=seconds_after_midnight)
