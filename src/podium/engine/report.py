"""Planned against actual: one or several sessions of an agenda, from their journals.

An item's actual time is all the time the position spent inside it (going back into an item
adds to it); the last item ends at `end`, or at the journal's last event when the session
never ended; paused time counts unless excluded. The arithmetic is the Session's own,
replayed on a clock that jumps from event to event.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from podium.agenda.model import Agenda
from podium.agenda.plan import Plan, PlannedTotal, make_plan, planned_total
from podium.engine.clock import ManualClock
from podium.engine.journal import JournalEvent, JournalFile, same_agenda, shown
from podium.engine.replay import Locator, replay
from podium.engine.session import Session
from podium.engine.timefmt import rounded_text
from podium.i18n import NP_, Translations, _, for_language

REPORT_FORMAT = "podium-report/1"


class DifferentAgendasError(Exception):
    """Journals of different agendas cannot be compared (exit 1)."""


@dataclass(frozen=True, slots=True)
class SessionTimes:
    """One session's actual times, per agenda item."""

    journal: str
    """The journal's path as given."""
    rehearsal: bool
    started_at: str | None
    """The header's `started_at`, as written."""
    ended_at: str | None
    """The `end` event's time, as written; None for an unfinished session."""
    actual_s: tuple[float | None, ...]
    """Parallel to the agenda's items; None for an item never reached."""
    total_s: float | None
    """From the first GO to `end` (or the last event); None if the meeting never started."""


@dataclass(frozen=True, slots=True)
class ItemTiming:
    """One item, planned against the actual time of each session."""

    number: int
    """1-based, as the run sheet numbers items."""
    id: str
    title: str
    planned_s: int
    actual_s: tuple[float | None, ...]

    @property
    def delta_s(self) -> tuple[float | None, ...]:
        return tuple(None if a is None else a - self.planned_s for a in self.actual_s)


@dataclass(frozen=True, slots=True)
class Report:
    agenda: Agenda
    plan: Plan
    sessions: tuple[SessionTimes, ...]
    warnings: tuple[str, ...]
    """About the journals as compared (an agenda changed since a session, a gone item)."""

    @property
    def items(self) -> tuple[ItemTiming, ...]:
        return tuple(
            ItemTiming(
                n + 1,
                p.item.id,
                p.item.title,
                p.item.duration_s,
                tuple(s.actual_s[n] for s in self.sessions),
            )
            for n, p in enumerate(self.plan.items)
        )

    @property
    def planned(self) -> PlannedTotal:
        """The planned total, the waits before fixed `at` times told apart."""
        return planned_total(self.plan)

    @property
    def planned_total_s(self) -> int:
        return self.planned.total_s

    @property
    def noun(self) -> str:
        """What the sessions are called in hints: rehearsals, meetings, or sessions."""
        if all(s.rehearsal for s in self.sessions):
            return "rehearsal"
        if not any(s.rehearsal for s in self.sessions):
            return "meeting"
        return "session"

    def hints(self) -> list[str]:
        """What to change, biggest first (see `timing_hints`)."""
        return timing_hints(
            self.items,
            noun=self.noun,
            planned_total_s=self.planned_total_s,
            # an unfinished session says nothing about the length of the whole meeting
            actual_total_s=[s.total_s if s.ended_at is not None else None for s in self.sessions],
            language=self.agenda.meeting.language,
        )

    def to_json(self) -> dict[str, Any]:
        """The `podium-report/1` document (durations in whole seconds)."""
        return {
            "format": REPORT_FORMAT,
            "meeting": {"title": self.agenda.meeting.title},
            "sessions": [
                {
                    "journal": s.journal,
                    "rehearsal": s.rehearsal,
                    "started_at": s.started_at,
                    "ended_at": s.ended_at,
                }
                for s in self.sessions
            ],
            "items": [
                {
                    "id": it.id,
                    "title": it.title,
                    "planned_s": it.planned_s,
                    "actual_s": [whole(a) for a in it.actual_s],
                    "delta_s": [whole(d) for d in it.delta_s],
                }
                for it in self.items
            ],
            "planned_total_s": self.planned_total_s,
            "actual_total_s": [whole(s.total_s) for s in self.sessions],
            "delta_total_s": [
                whole(None if s.total_s is None else s.total_s - self.planned_total_s)
                for s in self.sessions
            ],
        }


def whole(seconds: float | None) -> int | None:
    """Whole seconds, half a second rounding up (None stays None)."""
    return None if seconds is None else math.floor(seconds + 0.5)


def check_same_agenda(journals: Sequence[JournalFile]) -> None:
    """Raise DifferentAgendasError unless every journal is of the same agenda file.

    Same file means the same path (an edited agenda is still the same agenda), or the same
    content hash (a copied or moved file).
    """
    first = journals[0].header
    for other in journals[1:]:
        if not same_agenda(other.header, first.agenda, first.agenda_sha256):
            raise DifferentAgendasError(
                _(
                    "{path} and {other} are journals of different agendas "
                    "({agenda} and {other_agenda}), which cannot be compared"
                ).format(
                    path=journals[0].path,
                    other=other.path,
                    agenda=os.path.basename(first.agenda),
                    other_agenda=os.path.basename(other.header.agenda),
                )
            )


def build_report(
    journals: Sequence[JournalFile],
    agenda: Agenda,
    *,
    exclude_pauses: bool = False,
    names: Sequence[str] | None = None,
) -> Report:
    """Compare `journals` (in the order given) against `agenda`'s plan.

    `names` are the journals' paths as the user gave them (default: as read). Each journal is
    read once, streaming: memory does not grow with its length. Warnings about its lines come
    first in `Report.warnings`, then those about matching it to the agenda.
    """
    check_same_agenda(journals)
    plan = make_plan(agenda)
    sessions = []
    warnings: list[str] = []
    for n, journal in enumerate(journals):
        name = names[n] if names is not None else str(journal.path)
        times, notes = session_times(journal, plan, exclude_pauses=exclude_pauses, name=name)
        sessions.append(times)
        warnings += notes
    return Report(agenda, plan, tuple(sessions), tuple(warnings))


def session_times(
    journal: JournalFile, plan: Plan, *, exclude_pauses: bool = False, name: str | None = None
) -> tuple[SessionTimes, list[str]]:
    """Replay one journal against `plan`; returns its times and warnings: about its lines, then
    about the match. DifferentAgendasError when none of the items it names is in the agenda."""
    agenda = plan.agenda
    name = str(journal.path) if name is None else name
    shown_name = shown(name)
    read_notes: list[str] = []
    notes: list[str] = []
    if journal.header.agenda_sha256 and journal.header.agenda_sha256 != agenda.sha256:
        changed = _("the agenda has changed since this session; items are matched by id")
        notes.append(f"{shown_name}: warning: {changed}")
    ids = {item.id for item in agenda.items}
    named = matched = False
    end: JournalEvent | None = None
    started_by: JournalEvent | None = None
    events = journal.iter_events(read_notes.append)
    first = next(events, None)
    t0 = first.at if first is not None else dt.datetime.now().astimezone()
    clock = ManualClock(wall=t0, monotonic=0.0)
    session = Session(plan, clock, rehearsal=journal.header.rehearsal, guard_s=0)
    locator = Locator(agenda, journal.header.items)

    def watched() -> Iterator[JournalEvent]:
        nonlocal named, matched, end, started_by
        for event in itertools.chain([first] if first is not None else [], events):
            if event.item is not None:
                named = True
                matched = matched or event.item in ids
            if event.event == "go" and started_by is None:
                started_by = event
            elif event.event == "end" and started_by is not None and end is None:
                end = event
            yield event

    def mono_of(at: dt.datetime) -> float:
        return (at - t0).total_seconds()

    def catch_up(t: float) -> None:
        clock.advance(max(0.0, t - clock.monotonic()))

    def warn(event: JournalEvent, message: str) -> None:
        read_notes.append(f"{shown_name}:{event.line}: warning: {message}")

    replay(session, watched(), locator, mono_of, catch_up, warn=warn)
    if named and not matched:
        raise DifferentAgendasError(
            _("{path} is a journal of another agenda: none of its items are in {agenda}").format(
                path=shown_name, agenda=shown(agenda.path)
            )
        )
    for gone, stand_in in locator.stand_ins.items():
        gone_text = _("item '{item}' is not in the agenda; its time counts in '{other}'").format(
            item=shown(gone), other=stand_in
        )
        notes.append(f"{shown_name}: warning: {gone_text}")
    include = not exclude_pauses
    actual = tuple(session.actual_s(i, include_pauses=include) for i in range(len(agenda.items)))
    total: float | None = None
    if session.started:
        total = session.meeting_elapsed_s()
        if exclude_pauses:
            total = sum(a for a in actual if a is not None)
    ended_at = None if end is None else str(end.fields.get("at"))
    times = SessionTimes(
        journal=name,
        rehearsal=journal.header.rehearsal,
        started_at=journal.header.started_at_text,
        ended_at=ended_at,
        actual_s=actual,
        total_s=total,
    )
    return times, read_notes + notes


# --- what to change ------------------------------------------------------------------------


def off_plan_threshold_s(planned_s: float) -> float:
    """How far from plan an item must be to be worth a hint: 10 % of it, at least 15 s."""
    return max(15.0, 0.1 * planned_s)


def _of(tr: Translations, noun: str, runs: int) -> str:
    """`of 2 rehearsals`: how many sessions a hint counts in."""
    if noun == "rehearsal":
        text = tr.ngettext("of {n} rehearsal", "of {n} rehearsals", runs)
    elif noun == "meeting":
        text = tr.ngettext("of {n} meeting", "of {n} meetings", runs)
    else:
        text = tr.ngettext("of {n} session", "of {n} sessions", runs)
    return text.format(n=runs)


def timing_hints(
    items: Sequence[ItemTiming],
    *,
    noun: str = "session",
    planned_total_s: int | None = None,
    actual_total_s: Sequence[float | None] = (),
    language: str = "en",
) -> list[str]:
    """What to change, e.g. "item 4 (Keynote) runs 3:10 long in 2 of 2 rehearsals", in the
    meeting's `language`.

    An item is long (short) in a session when it ran at least `off_plan_threshold_s` over
    (under) its plan; the amount is the average over those sessions. The meeting as a whole
    comes first, then long items biggest first, then short ones, then items never reached.
    """
    tr = for_language(language)
    runs = max((len(it.actual_s) for it in items), default=len(actual_total_s))
    of = _of(tr, noun, runs)
    one = runs == 1

    def hint(
        templates: dict[bool, tuple[str, str]], what: str, k: int, seconds: float | None = None
    ) -> str:
        t = "" if seconds is None else rounded_text(seconds)
        return tr.pgettext(*templates[one]).format(what=what, t=t, k=k, of=of)

    out: list[str] = []
    if planned_total_s is not None:
        out += _side_hints(hint, tr.gettext("the meeting"), planned_total_s, actual_total_s)
    longs: list[tuple[float, str]] = []
    shorts: list[tuple[float, str]] = []
    unreached: list[str] = []
    for it in items:
        label = tr.gettext("item {n} ({title})").format(n=it.number, title=it.title)
        deltas = [d for d in it.delta_s if d is not None]
        threshold = off_plan_threshold_s(it.planned_s)
        over = [d for d in deltas if d >= threshold]
        under = [-d for d in deltas if d <= -threshold]
        if over:
            avg = sum(over) / len(over)
            longs.append((avg, hint(_LONG, label, len(over), avg)))
        if under:
            avg = sum(under) / len(under)
            shorts.append((avg, hint(_SHORT, label, len(under), avg)))
        missed = sum(1 for a in it.actual_s if a is None)
        if missed:
            unreached.append(hint(_UNREACHED, label, missed, None))
    out += [text for _, text in sorted(longs, key=lambda x: -x[0])]
    out += [text for _, text in sorted(shorts, key=lambda x: -x[0])]
    return out + unreached


# The hints' templates: {what} is "the meeting" or "item 4 (Keynote)", {t} a duration, {k} in
# how many sessions, {of} "of 2 rehearsals". After one session Chinese says it shorter (without
# "in 1 of 1 meeting"); English keeps one form for both.
_LONG = {
    # TRANSLATORS: after one session; may leave out {k} and {of} ("in 1 of 1 meeting")
    True: NP_("one session", "{what} runs {t} long in {k} {of}"),
    False: NP_("sessions", "{what} runs {t} long in {k} {of}"),
}
_SHORT = {
    # TRANSLATORS: after one session; may leave out {k} and {of} ("in 1 of 1 meeting")
    True: NP_("one session", "{what} runs {t} short in {k} {of}"),
    False: NP_("sessions", "{what} runs {t} short in {k} {of}"),
}
_UNREACHED = {
    # TRANSLATORS: after one session; may leave out {k} and {of} ("in 1 of 1 meeting")
    True: NP_("one session", "{what} was never reached in {k} {of}"),
    False: NP_("sessions", "{what} was never reached in {k} {of}"),
}


def _side_hints(
    hint: Callable[[dict[bool, tuple[str, str]], str, int, float | None], str],
    label: str,
    planned: int,
    actuals: Sequence[float | None],
) -> list[str]:
    deltas = [a - planned for a in actuals if a is not None]
    threshold = off_plan_threshold_s(planned) if planned else 15.0
    over = [d for d in deltas if d >= threshold]
    under = [-d for d in deltas if d <= -threshold]
    out = []
    if over:
        out.append(hint(_LONG, label, len(over), sum(over) / len(over)))
    if under:
        out.append(hint(_SHORT, label, len(under), sum(under) / len(under)))
    return out
