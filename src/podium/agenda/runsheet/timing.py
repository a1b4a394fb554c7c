"""How the run sheet writes times, and the idle gaps and late starts that fixed `at` times cause."""

from __future__ import annotations

from podium.agenda.durations import format_duration
from podium.agenda.plan import Plan, PlannedItem, time_of_day_text


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
    previous_end = plan.items[index - 1].end_s if index else 0
    return max(0, plan.items[index].offset_s - previous_end)


def fixed_clock(planned: PlannedItem) -> str | None:
    """The item's fixed `at` time as `HH:MM:SS`, or None."""
    return None if planned.item.at_s is None else time_of_day_text(planned.item.at_s)


def late_by(plan: Plan, planned: PlannedItem) -> int:
    """Seconds an item with a fixed `at` time is planned to start after it (0 when on time)."""
    if planned.item.at_s is None or plan.start_s is None:
        return 0
    return max(0, plan.start_s + planned.offset_s - planned.item.at_s)
