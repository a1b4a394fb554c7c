"""The run sheet: every item with done (actual duration), current (marked) or upcoming (planned
start); a DataTable updated cell by cell so that it stays fast with big agendas."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import DataTable

from podium.engine.session import ItemStatus, Session
from podium.engine.timefmt import duration_text
from podium.tui.i18n import t
from podium.tui.time_text import clock_text

CURRENT_MARK = "▶"
DONE_MARK = "✓"
SKIPPED_MARK = "–"


class RunSheet(DataTable[str | Text], can_focus=False):
    """The agenda outline; never focusable, so it cannot swallow the host's keys."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(
            id=id, cursor_type="row", show_cursor=True, zebra_stripes=False, cell_padding=0
        )
        self._cells: dict[tuple[int, str], str] = {}
        self._status: list[ItemStatus] = []
        self._current: int | None = None

    def build(self, session: Session, lang: str) -> None:
        """Fill the table once: a row per item."""
        self.add_column(" ", key="mark", width=2)
        self.add_column(t("sheet.time", lang), key="time", width=9)
        self.add_column(t("sheet.item", lang), key="title")
        rows = []
        for item in session.items:
            mark, time, _ = self._row_values(session, item.index, lang)
            self._cells[(item.index, "mark")] = mark
            self._cells[(item.index, "time")] = time
            rows.append((mark, time, item.title))
            self._status.append(session.status(item.index))
        # add_rows keys the rows by position: keys are the item indexes as text.
        for index, row in enumerate(rows):
            self.add_row(*row, key=str(index))

    def sync(self, session: Session, lang: str, *, all_rows: bool = False) -> None:
        """Update the cells that changed (or all rows, e.g. when the meeting starts and planned
        starts move to the real clock). A move changes only the rows from the old current
        item to the new one, so a GO touches two rows however long the agenda is."""
        current = session.position.item if session.position is not None else None
        if all_rows or current is None or self._current is None:
            indexes: range = range(len(self._status))
        else:
            indexes = range(min(current, self._current), max(current, self._current) + 1)
        self._current = current
        for index in indexes:
            status = session.status(index)
            if not all_rows and status is self._status[index]:
                continue
            self._status[index] = status
            mark, time, _ = self._row_values(session, index, lang)
            for column, value in (("mark", mark), ("time", time)):
                if self._cells.get((index, column)) != value:
                    self._cells[(index, column)] = value
                    self.update_cell(str(index), column, value)
        if session.position is not None:
            row = session.position.item
            if self.cursor_row != row:
                self.move_cursor(row=row, animate=False)

    def _row_values(self, session: Session, index: int, lang: str) -> tuple[str, str, str]:
        status = session.status(index)
        if status is ItemStatus.DONE:
            actual = session.actual_s(index)
            return DONE_MARK, duration_text(actual or 0), ""
        if status is ItemStatus.SKIPPED:
            return SKIPPED_MARK, t("sheet.skipped", lang), ""
        start = session.planned_start(index)
        time = clock_text(start, seconds=False) if start is not None else _offset(session, index)
        return (CURRENT_MARK if status is ItemStatus.CURRENT else " "), time, ""


def _offset(session: Session, index: int) -> str:
    """Without a known start: the planned offset from the start, `+m:ss`."""
    return "+" + duration_text(session.plan.items[index].offset_s)
