"""Resume: rebuild a Session from a journal, with the time the program was down counted.

The journal holds wall times; each is turned into the session clock's time as
`clock.monotonic() - (clock.now() - at)`, so the item that was current when the program
died has run on ever since, as the meeting did.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from podium.agenda.model import Agenda
from podium.agenda.plan import Plan
from podium.engine.clock import Clock
from podium.engine.journal import JournalEvent, JournalFile, same_agenda_path, shown
from podium.engine.replay import Locator, replay
from podium.engine.session import JournalSink, Session
from podium.engine.timefmt import rounded_text
from podium.i18n import Phrase


@dataclass(frozen=True, slots=True)
class Restored:
    """A session rebuilt from a journal, and what the host should be told about it."""

    session: Session
    journal: JournalFile
    changes: tuple[str, ...]
    """What changed in the agenda since the journal began, one sentence each (empty if none)."""
    warnings: tuple[str, ...] = ()
    """Problems met reading the journal, `PATH:LINE: warning: MESSAGE`."""


def restore_session(
    plan: Plan,
    clock: Clock,
    journal_file: JournalFile,
    *,
    guard_s: float = 0.4,
    journal: JournalSink | None = None,
) -> Restored:
    """A session at the journal's last position, its timers counting real time since.

    `journal` (the reopened writer) is attached after the replay, so nothing is written twice.
    The journal's own `rehearsal` flag decides the mode.
    """
    session = Session(plan, clock, rehearsal=journal_file.header.rehearsal, guard_s=guard_s)
    locator = Locator(plan.agenda, journal_file.header.items)
    now_mono, now_wall = clock.monotonic(), clock.now()

    def mono_of(at: dt.datetime) -> float:
        return min(now_mono, now_mono - (now_wall - at).total_seconds())

    warnings: list[str] = []
    name = shown(journal_file.path)

    def warn(event: JournalEvent, message: str) -> None:
        warnings.append(f"{name}:{event.line}: warning: {message}")

    replay(session, journal_file.iter_events(warnings.append), locator, mono_of, warn=warn)
    session.journal = journal
    changes = agenda_changes(journal_file, plan.agenda)
    for gone, stand_in in locator.stand_ins.items():
        changes.append(
            Phrase(
                "item '{item}' is gone: its time counts in '{other}'",
                item=shown(gone),
                other=shown(stand_in),
            )
        )
    return Restored(session, journal_file, tuple(changes), tuple(warnings))


def agenda_changes(journal_file: JournalFile, agenda: Agenda) -> list[str]:
    """What changed in the agenda since the journal began (empty when the file is the same)."""
    header = journal_file.header
    moved: list[str] = (
        []
        if same_agenda_path(header.agenda, agenda.path)
        else [Phrase("the journal was written for {path}", path=shown(header.agenda))]
    )
    if not header.agenda_sha256 or header.agenda_sha256 == agenda.sha256:
        return moved
    return moved + _item_changes(journal_file, agenda)


def _item_changes(journal_file: JournalFile, agenda: Agenda) -> list[str]:
    """Removed, added, retitled, re-cued, re-timed and reordered items, one sentence each."""
    header = journal_file.header
    if header.items is None:
        return _changes_without_record(journal_file, agenda)
    old: dict[str, dict[str, Any]] = {str(d.get("id")): d for d in header.items}
    new = {item.id: item for item in agenda.items}
    changes: list[str] = []
    changes += [Phrase("item '{item}' was removed", item=shown(i)) for i in old if i not in new]
    changes += [Phrase("item '{item}' was added", item=shown(i)) for i in new if i not in old]
    for item_id, item in new.items():
        was = old.get(item_id)
        if was is None:
            continue
        if was.get("title") is not None and was["title"] != item.title:
            changes.append(
                Phrase(
                    "item '{item}' is now titled '{title}' (was '{was}')",
                    item=shown(item_id),
                    title=shown(item.title),
                    was=shown(str(was["title"])),
                )
            )
        if isinstance(was.get("cues"), int) and was["cues"] != len(item.cues):
            changes.append(
                Phrase(
                    "item '{item}' now has {n} cues (was {was})",
                    item=shown(item_id),
                    n=len(item.cues),
                    was=was["cues"],
                )
            )
        if isinstance(was.get("duration_s"), int) and was["duration_s"] != item.duration_s:
            changes.append(
                Phrase(
                    "item '{item}' is now planned for {planned} (was {was})",
                    item=shown(item_id),
                    planned=rounded_text(item.duration_s),
                    was=rounded_text(was["duration_s"]),
                )
            )
    common_old = [i for i in old if i in new]
    common_new = [i for i in new if i in old]
    if common_old != common_new:
        changes.append(Phrase("the items are in a different order"))
    if not changes:
        changes.append(
            Phrase("the agenda file changed since the journal began (the items are the same)")
        )
    return changes


def _changes_without_record(journal_file: JournalFile, agenda: Agenda) -> list[str]:
    """An older header without the item list: only what the events themselves name."""
    known = {item.id for item in agenda.items}
    seen: dict[str, None] = {}
    for event in journal_file.iter_events():
        if event.item is not None and event.item not in known and len(seen) < 20:
            seen[event.item] = None
    return [
        Phrase("the agenda file changed since the journal began"),
        *(Phrase("item '{item}' was removed", item=shown(i)) for i in seen),
    ]
