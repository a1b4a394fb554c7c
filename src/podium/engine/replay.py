"""Replaying a journal's events into a Session: shared by resume and by `podium report`.

Events name items by id, so a journal still replays after the agenda was edited: an item
that is gone is stood in for by the next item that still exists (in the journal's recorded
order), and a cue index past an item's end lands on its last cue.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from podium.agenda.model import Agenda
from podium.engine.journal import JournalEvent
from podium.engine.session import Position, Session


class Locator:
    """Finds where a journal's (item id, cue) is in the agenda as it is now."""

    def __init__(self, agenda: Agenda, recorded_items: Sequence[dict[str, Any]] | None) -> None:
        self.agenda = agenda
        self._index = {item.id: item.index for item in agenda.items if item.cues}
        self._old_order = [str(d.get("id")) for d in recorded_items or ()]
        self.stand_ins: dict[str, str] = {}
        """Removed item id -> the id of the item that stood in for it."""
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
        if item_id in self._old_order:
            later = self._old_order[self._old_order.index(item_id) + 1 :]
            for other in later:
                if other in self._index:
                    return self._index[other]
            return max(self._index.values())
        after = 0 if self._last is None else self._last + 1
        candidates = [i for i in self._index.values() if i >= after]
        return min(candidates) if candidates else max(self._index.values())


def replay(
    session: Session,
    events: Sequence[JournalEvent],
    locator: Locator,
    mono_of: Callable[[dt.datetime], float],
    before_each: Callable[[float], None] | None = None,
) -> None:
    """Apply `events` in order; `mono_of` turns an event's wall time into session clock time.

    Times never go backwards: an event stamped before its predecessor (the wall clock was
    set back) counts as happening at the same moment. `before_each(t)` lets a replay clock
    catch up before each event.
    """
    last: float | None = None
    for event in events:
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
