"""How the run sheet writes times, and the idle gaps and late starts that fixed `at` times cause."""

from __future__ import annotations

from typing import Protocol

from podium.agenda.durations import format_duration
from podium.agenda.plan import Plan, PlannedItem, time_of_day_text


class SheetTimes(Protocol):
    """How a run sheet writes clock times, starts and durations: to the second on the
    terminal (`ExactTimes`), to the minute on paper (`printed.PrintedTimes`)."""

    def clock(self, seconds_after_midnight: int) -> str: ...

    def start(self, offset_s: int) -> str: ...

    def duration(self, seconds: int, estimated: bool = False) -> str: ...


class ExactTimes:
    """`HH:MM:SS` clock times and `m:ss` durations: the text sheet, csv and json."""

    def __init__(self, plan: Plan) -> None:
        self.plan = plan

    def clock(self, seconds_after_midnight: int) -> str:
        return time_of_day_text(seconds_after_midnight)

    def start(self, offset_s: int) -> str:
        return start_text(self.plan, offset_s)

    def duration(self, seconds: int, estimated: bool = False) -> str:
        return planned_text(seconds, estimated)


def planned_text(seconds: int, estimated: bool = False) -> str:
    """`m:ss`, or `h:mm:ss` from one hour on; `~` in front of an estimated duration."""
    text = format_duration(max(0, int(seconds)))
    return "~" + text if estimated else text


def start_text(plan: Plan, offset_s: int) -> str:
    """Clock time `HH:MM:SS` when the plan has a start, else the offset as `+h:mm:ss`."""
    clock = plan.start_clock(offset_s)
    if clock is not None:
        return clock
    h, rest = divmod(offset_s, 3600)
    return f"+{h}:{rest // 60:02d}:{rest % 60:02d}"


def gap_before(plan: Plan, index: int) -> int:
    """Idle seconds between the end of item `index - 1` (or the start) and item `index`."""
    return plan.waiting_before(index)


def gap_estimated(plan: Plan, index: int) -> bool:
    """Whether the idle gap before item `index` comes out of estimated durations."""
    return any(p.item.estimated for p in plan.items[:index])


def fixed_clock(planned: PlannedItem) -> str | None:
    """The item's fixed `at` time as `HH:MM:SS`, or None."""
    return None if planned.item.at_s is None else time_of_day_text(planned.item.at_s)


def late_by(plan: Plan, planned: PlannedItem) -> int:
    """Seconds an item with a fixed `at` time is planned to start after it (0 when on time)."""
    if planned.item.at_s is None or plan.start_s is None:
        return 0
    return max(0, plan.start_s + planned.offset_s - planned.item.at_s)
