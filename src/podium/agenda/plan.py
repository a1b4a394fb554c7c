"""The plan: when each item is meant to start, honouring fixed `at` times."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from podium.agenda.model import Agenda, Item


def schedule(durations: Sequence[int | float], at_offsets: Sequence[int | None]) -> list[float]:
    """Start offsets of items run back to back, each fixed item starting no earlier than its `at`.

    `at_offsets[i]` is item i's fixed start in seconds from the meeting's start (None when it
    has none). An item whose predecessors overrun its `at` starts when they end. The engine
    calls this too, with actual and remaining durations, to project the end of the meeting.
    """
    offsets: list[float] = []
    t: float = 0
    for duration, at in zip(durations, at_offsets, strict=True):
        if at is not None and at > t:
            t = at
        offsets.append(t)
        t += duration
    return offsets


def at_offsets(agenda: Agenda, start_s: int | None) -> list[int | None]:
    """Each item's fixed `at` time as seconds from `start_s` (None without a start or an `at`)."""
    if start_s is None:
        return [None] * len(agenda.items)
    return [None if item.at_s is None else item.at_s - start_s for item in agenda.items]


def time_of_day_text(seconds_after_midnight: float) -> str:
    """`HH:MM:SS` of a time of day, wrapping past midnight."""
    s = int(seconds_after_midnight) % 86400
    return f"{s // 3600:02d}:{s % 3600 // 60:02d}:{s % 60:02d}"


@dataclass(frozen=True, slots=True)
class PlannedItem:
    item: Item
    offset_s: int
    """Planned start, seconds from the meeting's start (gaps before fixed `at` times included)."""

    @property
    def duration_s(self) -> int:
        return self.item.duration_s

    @property
    def end_s(self) -> int:
        return self.offset_s + self.item.duration_s


@dataclass(frozen=True, slots=True)
class Plan:
    agenda: Agenda
    start_s: int | None
    """The meeting's planned start (seconds after midnight), or None when unknown."""
    items: tuple[PlannedItem, ...]

    @property
    def total_s(self) -> int:
        """From the start to the planned end of the last item, gaps included."""
        return self.items[-1].end_s if self.items else 0

    def start_clock(self, offset_s: float) -> str | None:
        """Clock time `HH:MM:SS` of an offset from the start, or None when the start is unknown."""
        return None if self.start_s is None else time_of_day_text(self.start_s + offset_s)


def make_plan(agenda: Agenda, start_s: int | None = None) -> Plan:
    """Plan `agenda` from `start_s` (default: the meeting's own `start`)."""
    if start_s is None:
        start_s = agenda.meeting.start_s
    offsets = schedule([item.duration_s for item in agenda.items], at_offsets(agenda, start_s))
    planned = tuple(
        PlannedItem(item, int(offset)) for item, offset in zip(agenda.items, offsets, strict=True)
    )
    return Plan(agenda, start_s, planned)
