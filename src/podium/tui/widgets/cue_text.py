"""The text of the current cue, wrapped by podium's own line breaker and read page by page.

A Line-API `ScrollView`: the content is a list of blocks (paragraphs of styled runs, or a list
of entries laid out in columns when there is width), wrapped to the width with 避头尾 rules
(`podium.agenda.linebreak`), every run made terminal-safe (`printable`) and drawn as plain
segments (nothing is ever parsed as markup). `page(+1)` / `page(-1)` scroll by a page and say
whether they did, which is how GO and back read a long cue with a clicker.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from rich.cells import cell_len, get_character_cell_size
from rich.segment import Segment
from rich.style import Style
from textual.filter import LineFilter
from textual.geometry import Region, Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from podium.agenda.linebreak import line_spans
from podium.textsafe import printable
from podium.tui.widgets.base_style import CachedBaseStyle

Run = tuple[str, Style | None]
COLUMN_GAP = 3


@dataclass(frozen=True, slots=True)
class Para:
    """A paragraph of styled runs; continuation lines are indented by `indent` cells."""

    runs: tuple[Run, ...]
    indent: int = 0
    keep: tuple[int, ...] = ()
    """Runs (by index) never broken across lines where they fit on one: a name, how to say
    it, a unit. A break that would fall inside one moves before it."""


@dataclass(frozen=True, slots=True)
class Columns:
    """Entries (each a paragraph) in stage order: one column, or several read down then
    across when they would not fit the height and there is width for them."""

    entries: tuple[Para, ...]


Block = Para | Columns


@dataclass(slots=True)
class _Layout:
    lines: list[list[Segment]] = field(default_factory=list)
    columns: int = 1


def para(text: str, style: Style | None = None, indent: int = 0) -> Para:
    return Para(((text, style),), indent)


class CueText(CachedBaseStyle, ScrollView, can_focus=False):
    """What the host reads, paged by GO; never focusable."""

    DEFAULT_CSS = """
    CueText {
        height: 1fr;
        overflow-x: hidden;
        /* No scrollbar: the more-indicator says where the reader is, and a scrollbar that
           appears once the text overflows would narrow the text and wrap it again under
           the reader's eyes (a page could be skipped). The mouse wheel still scrolls. */
        scrollbar-size-vertical: 0;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._blocks: tuple[Block, ...] = ()
        self._layout = _Layout()
        self._layout_for: tuple[int, int] | None = None
        self._strips: dict[int, Strip] = {}
        self._filters: tuple[LineFilter, ...] | None = None
        """The line filters the kept strips carry (None: Textual's own path, unfiltered)."""
        self._measured: tuple[tuple[int, int], int] | None = None
        self._painted = True
        """The text shown was on screen (a repaint since `show`): only then does GO page."""
        self._line_width = 0
        self.on_layout: Callable[[], None] | None = None
        """Called after the text was laid out again (a resize): pages may have changed."""

    # --- content -------------------------------------------------------------------------
    def show(self, blocks: tuple[Block, ...] | list[Block]) -> None:
        """New content, from its first page."""
        self._blocks = tuple(blocks)
        self._layout_for = None
        self._measured = None
        self._painted = False
        self._relayout()
        self.scroll_to(y=0, animate=False, immediate=True)
        if self.is_mounted:
            self.call_after_refresh(self._on_painted)

    def _on_painted(self) -> None:
        self._painted = True

    @property
    def line_count(self) -> int:
        return len(self._layout.lines)

    def needed_rows(self, width: int, height: int) -> int:
        """How many lines the text takes at `width` (and `height`, which only columns of
        names depend on): the layout shown when it is for that width, else measured once."""
        if not self._blocks:
            return 0
        columns = any(isinstance(block, Columns) for block in self._blocks)
        shown = self._layout_for
        if shown is not None and shown[0] == width and (not columns or shown[1] == height):
            return self.line_count
        key = (width, height if columns else 0)
        if self._measured is None or self._measured[0] != key:
            self._measured = (key, len(layout(self._blocks, width, height).lines))
        return self._measured[1]

    @property
    def columns(self) -> int:
        return self._layout.columns

    def plain_lines(self) -> list[str]:
        """The lines as shown (for tests)."""
        return ["".join(seg.text for seg in line) for line in self._layout.lines]

    # --- pages ---------------------------------------------------------------------------
    @property
    def visible_rows(self) -> int:
        return max(0, self.scrollable_content_region.height)

    def _step(self) -> int:
        visible = self.visible_rows
        return max(1, visible - 1 if visible >= 4 else visible)

    def _max_top(self) -> int:
        return max(0, self.line_count - self.visible_rows)

    def pages(self) -> tuple[int, int]:
        """(the page shown, how many pages): (1, 1) when everything fits."""
        top, last = round(self.scroll_y), self._max_top()
        if self.visible_rows <= 0 or last == 0:
            return 1, 1
        step = self._step()
        total = 1 + -(-last // step)
        page = total if top >= last else 1 + -(-top // step)
        return page, total

    def rows_below(self) -> int:
        """Lines after the last one in view."""
        return max(0, self.line_count - round(self.scroll_y) - self.visible_rows)

    def page(self, step: int) -> bool:
        """Scroll a page down (`step` > 0) or up; False when there is none that way."""
        top = round(self.scroll_y)
        if self.visible_rows <= 0 or not self.display:
            return False  # nothing of it is on screen (e.g. behind the too-small notice)
        if not self._painted:
            # A new cue before its first repaint: the box it will have is not known yet (a
            # GO in a burst would page a text the host has not seen); GO moves on.
            return False
        if step > 0:
            if top >= self._max_top():
                return False
            target = min(self._max_top(), top + self._step())
        else:
            if top <= 0:
                return False
            target = max(0, top - self._step())
        self.scroll_to(y=target, animate=False, immediate=True)
        return round(self.scroll_y) != top

    # --- layout --------------------------------------------------------------------------
    def on_resize(self) -> None:
        self._relayout()

    def _relayout(self) -> None:
        width = self.scrollable_content_region.width
        height = self.scrollable_content_region.height
        if width <= 0:
            width = max(1, self.size.width)
        key = (width, height)
        if key == self._layout_for:
            return
        old_total, old_top = self.line_count, round(self.scroll_y)
        old_lines = self._layout.lines
        self._layout_for = key
        self._layout = layout(self._blocks, width, height)
        self._strips.clear()
        lines = len(self._layout.lines)
        # A text that fits keeps the virtual height of the box (a text of 1 line after one of
        # 3 changes nothing of the layout): a new virtual size is a layout pass of the whole
        # screen and a repaint of every row of the box. (Not with `height: auto`, where the
        # virtual height is the box's.)
        fixed = self.styles.height is not None and not self.styles.height.is_auto
        virtual = Size(width, max(lines, height) if fixed else lines)
        same_box = virtual == self.virtual_size
        self.virtual_size = virtual
        if old_total and old_top:
            # Keep the reader's place after a resize (proportionally).
            top = round(old_top * lines / old_total)
            self.scroll_to(y=min(top, self._max_top()), animate=False, immediate=True)
        if same_box and round(self.scroll_y) == 0 == old_top:
            self._refresh_changed(old_lines, width, height)
        else:
            self.refresh()
        if self.on_layout is not None:
            self.on_layout()

    def _refresh_changed(self, old: list[list[Segment]], width: int, height: int) -> None:
        """Repaint only the rows in view whose text or style changed (from the first page)."""
        new = self._layout.lines
        span = min(height, max(len(old), len(new)))
        rows = [y for y in range(span) if _row(old, y) != _row(new, y)]
        if rows:
            self.refresh(*(Region(0, y, width, 1) for y in rows))

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._strips.clear()

    def render_lines(self, crop: Region) -> list[Strip]:
        """The rows in `crop`: the strips kept per line of the text (line filters applied),
        handed to Textual as they are when the box is plain; a page turned back, or a row
        that did not change, is not built again (Textual's styles cache would build every
        row anew after a scroll, ~70 µs each)."""
        # Once per paint, not per line: `scrollable_content_region` asks the screen.
        self._line_width = width = self.scrollable_content_region.width
        if not self.plain_box or width != self.size.width:
            if self._filters is not None:  # (the kept strips carry filters Textual adds)
                self._filters = None
                self._strips.clear()
            return super().render_lines(crop)
        return self.kept_lines(crop, width)

    def render_line(self, y: int) -> Strip:
        index = round(self.scroll_y) + y
        strip = self._strips.get(index)
        if strip is not None:
            return strip
        strip = self._content_line(index)
        if self._filters:
            background = self.background_colors[1]
            for line_filter in self._filters:
                strip = strip.apply_filter(line_filter, background)
        if len(self._strips) > 4 * max(1, self.size.height):
            self._strips.clear()
        self._strips[index] = strip
        return strip

    def _content_line(self, index: int) -> Strip:
        width = self._line_width
        base = self.base_style
        if index >= len(self._layout.lines):
            return Strip.blank(width, base)
        segments = [
            Segment(seg.text, base + seg.style if seg.style else base)
            for seg in self._layout.lines[index]
        ]
        used = sum(cell_len(seg.text) for seg in segments)
        if used < width:
            segments.append(Segment(" " * (width - used), base))
            return Strip(segments, width)
        # (lines are wrapped to the width: only a narrowing between layouts gets here)
        return Strip(segments).crop(0, width)


def _row(lines: list[list[Segment]], y: int) -> list[Segment] | None:
    return lines[y] if y < len(lines) else None


# --- laying out blocks (pure, rich only) -------------------------------------------------


def layout(blocks: tuple[Block, ...], width: int, height: int) -> _Layout:
    out = _Layout()
    for block in blocks:
        if isinstance(block, Para):
            out.lines.extend(wrap_para(block, width))
        else:
            lines, columns = _columns(block, width, height - len(out.lines))
            out.lines.extend(lines)
            out.columns = columns
    return out


def wrap_para(block: Para, width: int) -> list[list[Segment]]:
    """A paragraph as lines of segments, at most `width` cells (continuations indented)."""
    text = "".join(printable(t) for t, _ in block.runs)
    styles: list[tuple[int, Style | None]] = []
    pos = 0
    for t, style in block.runs:
        styles.append((pos, style))
        pos += len(printable(t))
    indent = min(block.indent, max(0, width - 8))
    if block.keep:
        spans = _kept_spans(text, [styles[i][0] for i in range(len(styles))], block, width, indent)
    else:
        spans = line_spans(text, width, get_character_cell_size)
    if not block.keep and indent and len(spans) > 1:
        # Continuations have `width - indent` cells: wrap what follows the first line again.
        rest = spans[1][0]
        spans = [
            spans[0],
            *(
                (rest + s, rest + e)
                for s, e in line_spans(text[rest:], width - indent, get_character_cell_size)
            ),
        ]
    lines: list[list[Segment]] = []
    first = True
    for start, end in spans:
        line = [] if first else ([Segment(" " * indent)] if indent else [])
        first = False
        line.extend(_slice(text, styles, start, end))
        lines.append(line)
    return lines


def _kept_spans(
    text: str, starts: list[int], block: Para, width: int, indent: int
) -> list[tuple[int, int]]:
    """Line spans of a short paragraph whose `keep` runs move whole to the next line rather
    than break (wrapped line by line: for call-up entries, not for long texts)."""
    ends = [*starts[1:], len(text)]
    keeps = [(starts[i], ends[i]) for i in block.keep if i < len(starts)]
    spans: list[tuple[int, int]] = []
    start, first = 0, True
    while True:
        room = width if first else max(1, width - indent)
        part = line_spans(text[start:], room, get_character_cell_size)
        s, e = start + part[0][0], start + part[0][1]
        if len(part) == 1:
            spans.append((s, e))
            return spans
        nxt = start + part[1][0]
        for a, b in keeps:
            if s < a < e < b and cell_len(text[a:b]) <= max(1, width - indent):
                e = s + len(text[s:a].rstrip(" "))
                nxt = a
                break
        spans.append((s, e))
        start, first = nxt, False


def _slice(
    text: str, styles: list[tuple[int, Style | None]], start: int, end: int
) -> list[Segment]:
    segments = []
    bounds = [*(s for s, _ in styles[1:]), len(text)]
    for (s, style), e in zip(styles, bounds, strict=True):
        a, b = max(s, start), min(e, end)
        if a < b:
            segments.append(Segment(text[a:b], style))
    return segments


def _columns(block: Columns, width: int, height: int) -> tuple[list[list[Segment]], int]:
    entries = block.entries
    rows_free = max(1, height)
    natural = [sum(cell_len(printable(t)) for t, _ in e.runs) for e in entries]
    widest = max(natural, default=0)
    fit = max(1, (width + COLUMN_GAP) // (widest + COLUMN_GAP)) if widest else 1
    columns = 1
    if len(entries) > rows_free and fit > 1:
        columns = min(fit, -(-len(entries) // rows_free))
    if columns == 1:
        lines = []
        for entry in entries:
            lines.extend(wrap_para(entry, width))
        return lines, 1
    rows = -(-len(entries) // columns)
    col_width = (width - COLUMN_GAP * (columns - 1)) // columns
    grid: list[list[Segment]] = []
    for r in range(rows):
        line: list[Segment] = []
        for c in range(columns):
            k = c * rows + r
            if k >= len(entries):
                break
            cells = wrap_para(entries[k], col_width)[0]  # fits: col_width >= widest
            if c:
                line.append(Segment(" " * COLUMN_GAP))
            line.extend(cells)
            used = sum(cell_len(s.text) for s in cells)
            if c < columns - 1:
                line.append(Segment(" " * (col_width - used)))
        grid.append(line)
    return grid, columns
