"""The run sheet: every item with done (actual duration), current (marked) or upcoming (planned
start). A Line-API widget: each row is rendered once into a strip and kept until that row
changes, so a GO re-renders two rows however long the agenda is, and nothing piles up in
memory over an 8-hour meeting."""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len, set_cell_size
from rich.segment import Segment
from rich.style import Style
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from podium.engine.session import ItemStatus, Session
from podium.engine.timefmt import rounded_text
from podium.textsafe import printable
from podium.tui.i18n import t
from podium.tui.time_text import wall_clock_text
from podium.tui.widgets.base_style import CachedBaseStyle

CURRENT_MARK = "▶"
DONE_MARK = "✓"
SKIPPED_MARK = "–"
FIXED_MARK = "@"
"""An upcoming item with a fixed start (`at`): its time is the fixed time."""
EXPECTED_PREFIX = "~"
"""An upcoming start that is now expected a minute or more away from the plan."""
EXPECTED_MIN_S = 60
ELLIPSIS = "…"
MARK_WIDTH = 2
TIME_WIDTH = 9
# Rows kept visible around the current item when the sheet scrolls to it.
CONTEXT_ROWS = 2


class RunSheet(CachedBaseStyle, ScrollView, can_focus=False):
    """The agenda outline; never focusable, so it cannot swallow the host's keys."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "run-sheet--header",
        "run-sheet--current",
        "run-sheet--done",
        "run-sheet--skipped",
    }

    DEFAULT_CSS = """
    RunSheet {
        background: $surface;
        color: $foreground;
        & > .run-sheet--header {
            background: $panel;
            color: $foreground;
            text-style: bold;
        }
        & > .run-sheet--current {
            background: $block-cursor-background;
            color: $block-cursor-foreground;
            text-style: bold;
        }
        & > .run-sheet--done {
            color: $text-muted;
        }
        & > .run-sheet--skipped {
            color: $text-disabled;
        }
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._titles: list[str] = []
        self._marks: list[str] = []
        self._times: list[str] = []
        self._status: list[ItemStatus] = []
        self._current: int | None = None
        self._header: tuple[str, str, str] = (" ", "", "")
        # Rendered rows by index, for one width; a row leaves when its values change.
        self._strips: dict[int, Strip] = {}
        self._strips_width = 0
        self._expected: dict[int, str] = {}
        """Row index -> the expected start shown instead of the planned one."""
        self._lang = "en"

    # --- content -------------------------------------------------------------------------
    def build(self, session: Session, lang: str) -> None:
        """Fill the sheet once: a row per item."""
        self._lang = lang
        self._header = (" ", t("sheet.time", lang), t("sheet.item", lang))
        self._titles = [printable(item.title) for item in session.items]
        self._status = [session.status(item.index) for item in session.items]
        self._marks, self._times = [], []
        for item in session.items:
            mark, time = self._row_values(session, item.index, lang)
            self._marks.append(mark)
            self._times.append(time)
        self._current = session.position.item if session.position is not None else None
        self._strips.clear()
        self.virtual_size = Size(0, len(self._titles) + 1)
        self.refresh()

    def sync(self, session: Session, lang: str, *, all_rows: bool = False) -> None:
        """Update the rows that changed (or all rows, e.g. when the meeting starts and planned
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
            self._set_row(index, *self._row_values(session, index, lang))
        if current is not None:
            self._scroll_to_row(current)

    def _set_row(self, index: int, mark: str, time: str) -> None:
        """Change one row's values and repaint that row only."""
        self._marks[index] = mark
        self._times[index] = time
        self._strips.pop(index, None)
        self.refresh_line(index + 1)  # line 0 is the header

    def _row_values(self, session: Session, index: int, lang: str) -> tuple[str, str]:
        status = session.status(index)
        if status is ItemStatus.DONE:
            return DONE_MARK, rounded_text(session.actual_s(index) or 0)
        if status is ItemStatus.SKIPPED:
            return SKIPPED_MARK, t("sheet.skipped", lang)
        if status is ItemStatus.CURRENT:
            actual = session.actual_start(index)
            if actual is not None:  # the current row: when it really started
                return CURRENT_MARK, wall_clock_text(actual, seconds=False)
        start = session.planned_start(index)
        time = (
            wall_clock_text(start, seconds=False) if start is not None else _offset(session, index)
        )
        fixed = session.items[index].at_s is not None and status is ItemStatus.UPCOMING
        mark = CURRENT_MARK if status is ItemStatus.CURRENT else FIXED_MARK if fixed else " "
        expected = self._expected.get(index)
        if expected is not None and status is ItemStatus.UPCOMING:
            time = expected
        return mark, time

    def refresh_expected(self, session: Session) -> None:
        """Upcoming rows show when they are now expected to start, where that is a minute or
        more from the plan (called with the clock; only rows up to the last in view)."""
        if not session.started or session.ended or self._current is None:
            if self._expected:
                changed, self._expected = self._expected, {}
                for index in changed:
                    self._set_row(index, *self._row_values(session, index, self._lang))
            return
        last = round(self.scroll_y) + max(0, self.scrollable_content_region.height - 1)
        offsets = session.expected_offsets(upto=last)
        expected: dict[int, str] = {}
        for index in range(self._current + 1, len(offsets)):
            offset = offsets[index]
            planned = session.planned_start(index)
            if offset is None or planned is None:
                continue
            when = session.expected_start(offset)
            if abs((when - planned).total_seconds()) >= EXPECTED_MIN_S:
                expected[index] = EXPECTED_PREFIX + wall_clock_text(when, seconds=False)
        if expected != self._expected:
            changed_rows = set(expected) ^ set(self._expected)
            changed_rows |= {k for k in expected if self._expected.get(k) != expected[k]}
            self._expected = expected
            for index in changed_rows:
                self._set_row(index, *self._row_values(session, index, self._lang))

    # --- what tests and the screen read ----------------------------------------------------
    @property
    def row_count(self) -> int:
        return len(self._titles)

    @property
    def current_row(self) -> int | None:
        """The highlighted row: the current item's."""
        return self._current

    def row(self, index: int) -> tuple[str, str, str]:
        """One row's cells as shown, before fitting to the width: mark, time, title."""
        return self._marks[index], self._times[index], self._titles[index]

    # --- scrolling -----------------------------------------------------------------------
    def _scroll_to_row(self, index: int) -> None:
        """Keep the current row in view with a little context above and below."""
        visible = self.scrollable_content_region.height - 1  # minus the header
        if visible <= 0:
            return
        context = min(CONTEXT_ROWS, max(0, (visible - 1) // 2))
        top = round(self.scroll_y)
        if index - context < top:
            top = index - context
        elif index + context >= top + visible:
            top = index + context - visible + 1
        top = max(0, min(top, self.row_count - visible))
        if top != round(self.scroll_y):
            self.scroll_to(y=top, animate=False, immediate=True)

    def on_resize(self) -> None:
        if self._current is not None:
            self._scroll_to_row(self._current)

    # --- rendering -----------------------------------------------------------------------
    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._strips.clear()

    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        if width != self._strips_width:
            self._strips.clear()
            self._strips_width = width
        if y == 0:
            style = self.get_component_rich_style("run-sheet--header")
            return self._strip(self._header, width, style)
        index = round(self.scroll_y) + y - 1
        if index >= len(self._titles):
            return Strip.blank(width, self.base_style)
        strip = self._strips.get(index)
        if strip is None:
            if len(self._strips) > 2 * self.size.height:
                self._strips.clear()  # rows scrolled away: keep only what is on screen
            strip = self._strip(self.row(index), width, self._row_style(index))
            self._strips[index] = strip
        return strip

    def _row_style(self, index: int) -> Style:
        base = self.base_style
        if index == self._current:
            return base + self.get_component_rich_style("run-sheet--current")
        status = self._status[index]
        if status is ItemStatus.DONE:
            return base + self.get_component_rich_style("run-sheet--done")
        if status is ItemStatus.SKIPPED:
            return base + self.get_component_rich_style("run-sheet--skipped")
        return base

    @staticmethod
    def _strip(cells: tuple[str, str, str], width: int, style: Style) -> Strip:
        mark, time, title = cells
        mark_width = min(MARK_WIDTH, width)
        time_width = min(TIME_WIDTH, width - mark_width)
        title_width = width - mark_width - time_width
        segments = [
            Segment(_fit(mark, mark_width), style),
            Segment(_fit(time, time_width), style),
            Segment(_fit(title, title_width), style),
        ]
        return Strip(segments, width)


def _fit(text: str, width: int) -> str:
    """`text` in exactly `width` cells: padded, or cut with an ellipsis (double-width safe)."""
    if width <= 0:
        return ""
    length = cell_len(text)
    if length <= width:
        return text + " " * (width - length)
    # A double-width character that does not fit leaves a pad space: keep the ellipsis close.
    cut = set_cell_size(text, width - 1).rstrip(" ") + ELLIPSIS
    return cut + " " * (width - cell_len(cut))


def _offset(session: Session, index: int) -> str:
    """Without a known start: the planned offset from the start, `+m:ss`."""
    return "+" + rounded_text(session.plan.items[index].offset_s)
