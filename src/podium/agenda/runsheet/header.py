"""The meeting-facts header every printed run sheet starts with (text, markdown and html):
what it says is decided here once; each format only lays it out."""

from __future__ import annotations

from dataclasses import dataclass

from podium.agenda.plan import Plan, planned_total, total_text
from podium.agenda.runsheet.labels import Labels
from podium.agenda.runsheet.timing import ExactTimes, SheetTimes
from podium.i18n import for_language


@dataclass(frozen=True, slots=True)
class MeetingFacts:
    title: str
    subtitle: str | None
    facts: tuple[tuple[str, str], ...]
    """(label, value) of the date, venue and host the meeting gives, in that order."""
    summary: str
    """Start, total, end, and how many items and cues (see `summary_line`)."""
    legend: str | None
    """What `~` means, when any duration is estimated."""


def meeting_facts(
    plan: Plan, labels: Labels, measured: bool = False, times: SheetTimes | None = None
) -> MeetingFacts:
    """The header of `plan`'s run sheet; `measured` when estimates come from `--spoken`;
    `times` writes the times (default: to the second)."""
    meeting = plan.agenda.meeting
    facts = tuple(
        (label, value)
        for label, value in (
            (labels.date, meeting.date.isoformat() if meeting.date else None),
            (labels.venue, meeting.venue),
            (labels.host, meeting.host),
        )
        if value
    )
    legend = None
    if any(p.item.estimated for p in plan.items):
        legend = labels.estimated_spoken if measured else labels.estimated
    return MeetingFacts(
        meeting.title,
        meeting.subtitle or None,
        facts,
        summary_line(plan, labels, times or ExactTimes(plan)),
        legend,
    )


def summary_line(plan: Plan, labels: Labels, times: SheetTimes) -> str:
    """Start, total, end, and how many items and cues, joined by ` · `."""
    estimated = any(p.item.estimated for p in plan.items)
    parts = []
    if plan.start_s is not None:
        parts.append(f"{labels.start} {times.start(0)}")
    tr = for_language(plan.agenda.meeting.language)
    total = total_text(planned_total(plan), tr, lambda s: times.duration(s, estimated))
    parts.append(f"{labels.total} {total}")
    if plan.start_s is not None:
        parts.append(f"{labels.ends} {times.start(plan.total_s)}")
    cues = sum(len(p.item.cues) for p in plan.items)
    parts.append(f"{len(plan.items)} {labels.items}")
    parts.append(f"{cues} {labels.cues}")
    return " · ".join(parts)
