"""Replaying a journal's events into a Session: shared by resume and by `podium report`.

Events name items by id, so a journal still replays after the agenda was edited: an item
that is gone is stood in for by the next item that still exists (in the journal's recorded
order), and a cue index past an item's end lands on its last cue.
"""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from podium.agenda.model import Agenda
from podium.engine.journal import JournalEvent
from podium.engine.session import Position, Session
from podium.i18n import _

MAX_STAND_INS = 20
"""Gone items named in messages; a journal naming thousands is not worth more lines."""


class Locator:
    """Finds where a journal's (item id, cue) is in the agenda as it is now."""

    def __init__(self, agenda: Agenda, recorded_items: Sequence[dict[str, Any]] | None) -> None:
        self.agenda = agenda
        self._index = {item.id: item.index for item in agenda.items if item.cues}
        self._sorted = sorted(self._index.values())
        self._old_order = [str(d.get("id")) for d in recorded_items or ()]
        self._old_rank = {item_id: k for k, item_id in reversed(list(enumerate(self._old_order)))}
        self._next_existing: dict[int, int] = {}
        self.stand_ins: dict[str, str] = {}
        """Removed item id -> the id of the item that stood in for it (the first few)."""
        self._last: int | None = None

    def position(self, item_id: str | None, cue: int | None) -> Position | None:
        if item_id is None:
            return None
        index = self._index.get(item_id)
        if index is not None:
            self._last = index
            last = len(self.agenda.items[index].cues) - 1
            return Position(index, min(max(cue or 0, 0), last))
        stand_in = self._stand_in(item_id)
        if stand_in is None:
            return None
        if item_id in self.stand_ins or len(self.stand_ins) < MAX_STAND_INS:
            self.stand_ins[item_id] = self.agenda.items[stand_in].id
        self._last = stand_in
        return Position(stand_in, 0)

    def item_index(self, item_id: str | None) -> int | None:
        return None if item_id is None else self._index.get(item_id)

    def _stand_in(self, item_id: str) -> int | None:
        """The next item that still exists: by the journal's recorded order when it has one,
        else the item after the last one the journal was in."""
        if not self._index:
            return None
        rank = self._old_rank.get(item_id)
        if rank is not None:
            if rank not in self._next_existing:
                later = (self._index[o] for o in self._old_order[rank + 1 :] if o in self._index)
                self._next_existing[rank] = next(later, max(self._index.values()))
            return self._next_existing[rank]
        after = 0 if self._last is None else self._last + 1
        k = bisect.bisect_left(self._sorted, after)
        return self._sorted[k] if k < len(self._sorted) else self._sorted[-1]


def replay(
    session: Session,
    events: Iterable[JournalEvent],
    locator: Locator,
    mono_of: Callable[[dt.datetime], float],
    before_each: Callable[[float], None] | None = None,
    warn: Callable[[JournalEvent, str], None] | None = None,
) -> None:
    """Apply `events` in order; `mono_of` turns an event's wall time into session clock time.

    Times never go backwards: an event stamped before its predecessor (the wall clock was
    set back) counts as happening at the same moment. `before_each(t)` lets a replay clock
    catch up before each event. `warn(event, message)` hears of events that cannot apply: an
    `end` before the first GO, and anything after the end.
    """
    last: float | None = None
    after_end = 0
    for event in events:
        if session.ended:
            after_end += 1
            if after_end == 1 and warn is not None:
                warn(event, _("events after the session's end are ignored"))
            continue
        if event.event == "end" and not session.started:
            if warn is not None:
                warn(event, _("an end before the first GO is ignored"))
            continue
        t = mono_of(event.at)
        if last is not None and t < last:
            t = last
        last = t
        if before_each is not None:
            before_each(t)
        if event.event == "adjust":
            index = locator.item_index(event.item)
            if index is not None:
                session.replay("adjust", None, t, event.at, delta_s=event.delta_s, item_index=index)
            continue
        session.replay(event.event, locator.position(event.item, event.cue), t, event.at)
