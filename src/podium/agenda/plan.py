"""The plan: when each item is meant to start, honouring fixed `at` times."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from podium.agenda.model import Agenda, Item
from podium.i18n import NP_, Translations


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
        return planned_total(self).total_s

    def waiting_before(self, index: int) -> int:
        """Idle seconds between the end of item `index - 1` (or the start) and item `index`:
        the wait for item `index`'s fixed `at` time (0 when there is none)."""
        previous_end = self.items[index - 1].end_s if index else 0
        return max(0, self.items[index].offset_s - previous_end)

    def start_clock(self, offset_s: float) -> str | None:
        """Clock time `HH:MM:SS` of an offset from the start, or None when the start is unknown."""
        return None if self.start_s is None else time_of_day_text(self.start_s + offset_s)


@dataclass(frozen=True, slots=True)
class PlannedTotal:
    """The meeting's planned length: its items back to back, plus the idle waits before fixed
    `at` times. `podium plan`, `podium report` and the summary screen all show this one."""

    items_s: int
    """The items' planned durations, added up."""
    waiting_s: int
    """Idle time before fixed `at` times, added up."""

    @property
    def total_s(self) -> int:
        return self.items_s + self.waiting_s


def planned_total(plan: Plan) -> PlannedTotal:
    """The planned total of `plan`, gaps before fixed `at` times included (and told apart)."""
    items_s = sum(p.item.duration_s for p in plan.items)
    waiting_s = sum(plan.waiting_before(i) for i in range(len(plan.items)))
    return PlannedTotal(items_s, waiting_s)


WAITING = NP_("plan", "Waiting for fixed times")
"""The row of a planned-against-actual table that holds the idle time before fixed `at` times."""
WITH_WAITING = NP_("plan", "{total} (including {waiting} waiting for fixed times)")
"""A total written with the idle time it contains."""


def waiting_label(tr: Translations) -> str:
    """The title of the waiting row, in `tr`'s language."""
    return tr.pgettext(*WAITING)


def total_text(total: PlannedTotal, tr: Translations, duration: Callable[[int], str]) -> str:
    """`total` written by `duration`, saying how much of it is waiting for fixed times."""
    if not total.waiting_s:
        return duration(total.total_s)
    return tr.pgettext(*WITH_WAITING).format(
        total=duration(total.total_s), waiting=duration(total.waiting_s)
    )


def make_plan(agenda: Agenda, start_s: int | None = None) -> Plan:
    """Plan `agenda` from `start_s` (default: the meeting's own `start`)."""
    if start_s is None:
        start_s = agenda.meeting.start_s
    offsets = schedule([item.duration_s for item in agenda.items], at_offsets(agenda, start_s))
    planned = tuple(
        PlannedItem(item, int(offset)) for item, offset in zip(agenda.items, offsets, strict=True)
    )
    return Plan(agenda, start_s, planned)
