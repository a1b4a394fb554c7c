"""A countdown in block digits, as large as its box allows (Line API, cached glyph strips).

The digits are a 5×7 bitmap font drawn with full and half blocks (█ ▀ ▄), which every
terminal font has. Each pixel is `sx` cells wide and `sy` half-rows tall; the scale is chosen
from the widget's size and a template string (`+00:00`, or `+0:00:00` for hours), so the
digits keep their size while the time counts (and through `9:59` → `10:00`).

Once a second only the glyphs that changed are refreshed (`refresh(region)`): the terminal is
sent the cells of one or two digits, not the whole box, however large the box is.

The box is as tall as the digits and their caption need, plus half of what the text under it
leaves (`get_content_height`, with `height: auto`): the digits sit centred above the text,
and the box keeps its place and size whatever short text is under it. A GO from the hold
before a fixed time (the intro's text under the hold's countdown) onto the speech (no text,
its own countdown) then moves nothing: Textual repaints a whole widget whose box changed, and
the digits' rows would all be drawn and composited again for a move of one row.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from os.path import commonprefix

from rich.cells import cell_len
from rich.segment import Segment
from textual.filter import LineFilter
from textual.geometry import Region, Size
from textual.strip import Strip
from textual.widget import Widget

from podium.tui.widgets.base_style import CachedBaseStyle

_FONT_ROWS: dict[str, tuple[str, ...]] = {
    "0": ("01110", "10001", "10001", "10001", "10001", "10001", "01110"),
    "1": ("00100", "01100", "00100", "00100", "00100", "00100", "01110"),
    "2": ("01110", "10001", "00001", "00010", "00100", "01000", "11111"),
    "3": ("11110", "00001", "00001", "01110", "00001", "00001", "11110"),
    "4": ("00010", "00110", "01010", "10010", "11111", "00010", "00010"),
    "5": ("11111", "10000", "11110", "00001", "00001", "10001", "01110"),
    "6": ("00110", "01000", "10000", "11110", "10001", "10001", "01110"),
    "7": ("11111", "00001", "00010", "00100", "01000", "01000", "01000"),
    "8": ("01110", "10001", "10001", "01110", "10001", "10001", "01110"),
    "9": ("01110", "10001", "10001", "01111", "00001", "00010", "01100"),
    ":": ("0", "0", "1", "0", "1", "0", "0"),
    "+": ("00000", "00100", "00100", "11111", "00100", "00100", "00000"),
    "-": ("00000", "00000", "00000", "11111", "00000", "00000", "00000"),
    " ": ("000", "000", "000", "000", "000", "000", "000"),
}
FONT_HEIGHT = 7
GAP_PX = 1
"""Pixels between glyphs."""
HALF_BLOCKS = {(False, False): " ", (True, False): "▀", (False, True): "▄", (True, True): "█"}
MAX_SX = 12
MAX_SY = 24
MAX_KEPT_STRIPS = 512
"""Rendered rows kept (a few seconds' worth of glyph rows at the largest size)."""


def glyph_px(char: str) -> int:
    return len(_FONT_ROWS.get(char, _FONT_ROWS[" "])[0])


def text_px(text: str) -> int:
    """The width of `text` in font pixels, gaps included."""
    if not text:
        return 0
    return sum(glyph_px(c) for c in text) + GAP_PX * (len(text) - 1)


def rows_for(sy: int) -> int:
    """Terminal rows the font takes at `sy` half-rows per pixel."""
    return (FONT_HEIGHT * sy + 1) // 2


@lru_cache(maxsize=256)
def glyph(char: str, sx: int, sy: int) -> tuple[str, ...]:
    """One glyph drawn at a scale: its rows of block characters (all the same width)."""
    bitmap = _FONT_ROWS.get(char, _FONT_ROWS[" "])
    halves = [row for row in bitmap for _ in range(sy)]
    if len(halves) % 2:
        halves.append("0" * len(bitmap[0]))
    rows = []
    for top, bottom in zip(halves[::2], halves[1::2], strict=True):
        rows.append(
            "".join(
                HALF_BLOCKS[(a == "1", b == "1")] * sx for a, b in zip(top, bottom, strict=True)
            )
        )
    return tuple(rows)


@lru_cache(maxsize=1024)
def _changed_spans(old: str, new: str, sx: int, sy: int) -> tuple[tuple[int, int, int], ...]:
    """(row, first, last + 1) of the cells that differ between two glyphs of one width, per
    row that differs (the prefix and suffix they share found by `os.path.commonprefix`, in C:
    a GO onto a new countdown changes every glyph, ~30 rows each at 200×60)."""
    spans = []
    for row, (a, b) in enumerate(zip(glyph(old, sx, sy), glyph(new, sx, sy), strict=True)):
        if a == b:
            continue
        # (Character by character is what is wanted here: these are rows of cells.)
        first = len(commonprefix((a, b)))  # noqa: RUF071
        last = len(a) - len(commonprefix((a[::-1], b[::-1])))  # noqa: RUF071
        spans.append((row, first, last))
    return tuple(spans)


def template_for(text: str) -> str:
    """The widest text of the same shape, so the scale holds while the time counts."""
    return "+0:00:00" if text.count(":") >= 2 else "+00:00"


def best_scale(template: str, width: int, height: int) -> tuple[int, int] | None:
    """The largest (sx, sy) at which `template` fits `width` × `height` cells; pixels are kept
    roughly square (a cell is about half as wide as tall: sy half-rows ≈ sx cells), never more
    than twice as tall as wide. None when even 1×1 does not fit."""
    px = text_px(template)
    if px == 0 or width < px or height < rows_for(1):
        return None
    sx = min(MAX_SX, width // px)
    sy = 1
    while sy < MAX_SY and rows_for(sy + 1) <= height:
        sy += 1
    sy = min(sy, 2 * sx)
    sx = min(sx, max(1, sy))
    return sx, sy


_Plan = tuple[int, int, str, bool | None, tuple[int, int] | None, int, int, int]
"""(width, box height, template, with a caption (None: either way), scale, rows kept for the
caption, top row, height shared with the text)."""


class BigDigits(CachedBaseStyle, Widget, can_focus=False):
    """A time like `12:34` or `+1:12` in block digits, centred, filling its box."""

    DEFAULT_CSS = """
    BigDigits {
        width: 1fr;
        height: 1fr;
        min-height: 1;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.below: Callable[[int, int], tuple[int, int]] | None = None
        """(rows kept between box and text, rows the text needs) for a width and the height
        box and text share; set by the panel that lays them out together. None: nothing
        below, the digits centred in whatever box they are given."""
        self._plan: _Plan | None = None
        """Worked out when the layout last asked for the box's height."""
        self._value = ""
        self._caption = ""
        self._scale: tuple[int, int] | None = None
        self._drawn_for: tuple[object, ...] | None = None
        """(template, width, height, rows kept for the caption, scale, top) the rows were
        drawn for."""
        self._reserved = 2
        self._top: int | None = None
        self._strips_width = 0
        self._rows: list[str] = []
        self._origin_xy = (0, 0)
        self._strips: dict[str, Strip] = {}
        """Rendered lines by their text (a row of digits, the caption, a blank line), line
        filters applied: rows that look the same are one strip, and a new time renders only
        new rows."""
        self._filters: tuple[LineFilter, ...] = ()

    @property
    def value(self) -> str:
        return self._value

    @property
    def scale(self) -> tuple[int, int] | None:
        """(cells per pixel across, half-rows per pixel down); None: shown as plain text."""
        self._ensure_drawn()
        return self._scale

    @property
    def glyph_rows(self) -> int:
        """How many rows the digits take now (1 when shown as plain text)."""
        self._ensure_drawn()
        return rows_for(self._scale[1]) if self._scale else (1 if self._value else 0)

    @property
    def drawn_region(self) -> Region:
        """Where the digits and the caption's rows are, in the box (for tests)."""
        self._ensure_drawn()
        x, y = self._origin_xy
        width = len(self._rows[0]) if self._rows else 0
        return Region(x, y, width, len(self._rows) + self._reserved)

    @property
    def caption(self) -> str:
        return self._caption

    def set_caption(self, caption: str) -> None:
        """A line under the digits (the phase word and time left), centred with them."""
        if caption == self._caption:
            return
        captioned = bool(caption) != bool(self._caption)
        self._caption = caption
        plan = self._plan
        if captioned and self.below is not None and plan is not None and plan[3] is not None:
            # Whether the caption's rows are kept may change the box: ask the layout (which
            # moves nothing when the box stays as it is).
            self.refresh(repaint=False, layout=True)
        if self._ensure_drawn():
            self.refresh()
        elif self.is_mounted:
            # Its row is kept with or without a caption: the digits never move for it.
            self.refresh(Region(0, self._caption_y(), self.size.width, 1))

    def update(self, value: str) -> None:
        """Show `value`; only the cells of the glyphs that changed are repainted."""
        if value == self._value:
            return
        old = self._value
        self._value = value
        if template_for(old) != template_for(value) and self.below is not None:
            self.refresh(repaint=False, layout=True)  # (an hour more or less: a new box)
        moved = self._ensure_drawn()  # a new size or shape: drawn anew, everything moves
        if not moved:
            self._rows = self._draw()
        if moved or len(old) != len(value) or self._scale is None:
            self.refresh()  # (a new length is centred anew)
            return
        regions = [
            region
            for n, (a, b) in enumerate(zip(old, value, strict=True))
            if a != b
            for region in self._changed_cells(n, a, b)
        ]
        if regions and self.is_mounted:
            self.refresh(*regions)

    # --- layout --------------------------------------------------------------------------
    def _caption_rows(self) -> int:
        return self._reserved

    def _choose(
        self, template: str, width: int, height: int
    ) -> tuple[tuple[int, int] | None, int, bool]:
        """(scale, rows kept for the caption, whether that holds with or without a caption)
        for a box of `width` × `height`.

        The caption's rows (a blank one, then the caption) are kept even without a caption
        (the hold has none) whenever that costs the digits no size: a GO from the hold onto
        a speech then repaints the glyphs that changed and the caption, instead of every row
        of digits moving. Where every row counts (40×12) the digits take them."""
        roomy = best_scale(template, width, max(0, height - 2))
        if roomy is not None and roomy == best_scale(template, width, height):
            return roomy, 2, True
        if self._caption:
            return roomy, 2, False
        return best_scale(template, width, height), 0, False

    def _need(self, scale: tuple[int, int] | None, reserved: int) -> int:
        return (rows_for(scale[1]) if scale else (1 if self._value else 0)) + reserved

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """The box: the digits and their caption, centred in what box and text share when
        the text under them is short (so the box does not change with it); above the text,
        as large as half of that height allows, when the text is long."""
        if self.below is None:
            return max(1, container.height)
        self._plan = self._planned(width, container.height)
        return max(1, self._plan[1])

    def _planned(self, width: int, shared_height: int) -> _Plan:
        assert self.below is not None
        gap, text = self.below(width, shared_height)
        shared = max(0, shared_height - gap)
        template = template_for(self._value)
        scale, reserved, either = self._choose(template, width, shared)
        need = self._need(scale, reserved)
        slack = shared - need
        if slack < 0:
            box, top = shared, 0
        elif text <= slack - slack // 2:
            box, top = need + slack // 2, slack // 2
        else:
            if text > slack:  # the text takes at most half
                box = max(shared - text, shared - shared // 2)
                scale, reserved, either = self._choose(template, width, box)
                need = self._need(scale, reserved)
            else:
                box = shared - text
            # The digits centred in what the text leaves (an odd row goes under a caption,
            # over the blank caption rows of the hold).
            top = (max(0, box - need) + (0 if self._caption else 1)) // 2
            either = False
        captioned = None if either else bool(self._caption)
        return (width, box, template, captioned, scale, reserved, top, shared_height)

    def text_changed(self) -> None:
        """The text under the box changed: lay out again only if that changes the box (a
        layout pass costs the whole screen's arrangement, ~2 ms)."""
        plan = self._plan
        if self.below is None or plan is None or not self.is_mounted:
            return
        new = self._planned(plan[0], plan[7])
        if new[1:] != plan[1:]:
            self.refresh(repaint=False, layout=True)

    def _ensure_drawn(self) -> bool:
        """Draw the rows for the size and the value's shape, if they were drawn for another;
        True when the geometry changed (everything moves: a full repaint)."""
        width, height = self.size
        template = template_for(self._value)
        plan = self._plan
        top: int | None
        if (
            plan is not None
            and plan[:3] == (width, height, template)
            and plan[3] in (None, bool(self._caption))
        ):
            scale, reserved, top = plan[4:7]
        else:  # (a box not laid out by the panel, or not yet: centred in it)
            scale, reserved, _ = self._choose(template, width, height)
            top = None
        key = (template, width, height, reserved, scale, top)
        if key == self._drawn_for:
            return False
        self._drawn_for = key
        self._reserved = reserved
        self._scale = scale
        self._top = top
        self._rows = self._draw()
        if width != self._strips_width:
            self._strips_width = width
            self._strips.clear()  # (rows are kept by their text: at the same width they hold)
        return True

    def on_resize(self) -> None:
        # The first frame at a new size has usually drawn for it already: nothing to redo.
        if self._ensure_drawn():
            self.refresh()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._strips.clear()

    def _draw(self) -> list[str]:
        if self._scale is None:
            rows = [self._value] if self._value else []
        else:
            sx, sy = self._scale
            gap = " " * (GAP_PX * sx)
            glyphs = [glyph(c, sx, sy) for c in self._value]
            rows = [gap.join(g[r] for g in glyphs) for r in range(rows_for(sy))] if glyphs else []
        # Top-left cell of the digits: centred in the box, with the caption under them.
        width = len(rows[0]) if rows else 0
        height = len(rows) + self._caption_rows()
        w, h = self.size
        top = self._top if self._top is not None else max(0, (h - height) // 2)
        self._origin_xy = (max(0, (w - width) // 2), top)
        return rows

    def _origin(self) -> tuple[int, int]:
        return self._origin_xy

    def _caption_y(self) -> int:
        return self._origin_xy[1] + len(self._rows) + 1

    def _glyph_region(self, index: int) -> Region:
        assert self._scale is not None
        sx = self._scale[0]
        x0, y0 = self._origin()
        x = x0 + sum((glyph_px(c) + GAP_PX) * sx for c in self._value[:index])
        return Region(x, y0, glyph_px(self._value[index]) * sx, len(self._rows))

    def _changed_cells(self, index: int, old: str, new: str) -> list[Region]:
        """The cells where glyph `index` changed from `old` to `new`: per row, the span from
        the first to the last cell that differs (rows that did not change send nothing)."""
        assert self._scale is not None
        sx, sy = self._scale
        box = self._glyph_region(index)
        if glyph_px(old) != glyph_px(new):
            return [box]
        return [
            Region(box.x + first, box.y + row, last - first, 1)
            for row, first, last in _changed_spans(old, new, sx, sy)
        ]

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return max((len(r) for r in self._rows), default=0)

    def render_lines(self, crop: Region) -> list[Strip]:
        """The rows in `crop`, from the strips kept by their text.

        Textual's own path (`Widget.render_lines`) renders each row again through its styles
        cache (border, padding, tint, opacity: ~70 µs a row) whenever the box was resized or
        marked dirty, and makes a new strip for every row, blank or not; a GO onto a new
        countdown paid that for every row of the box. The box has none of those decorations
        (checked once per restyle; with any of them, Textual's path is used), so its rows are
        the strips kept here, line filters applied once each: rows that look the same (the
        blank ones) are one strip, and a repaint sends Textual strips it has already divided."""
        self._ensure_drawn()  # once per paint, not per line (`size` is not free)
        if not self.plain_box:
            return super().render_lines(crop)
        return self.kept_lines(crop, self.size.width)

    def render_line(self, y: int) -> Strip:
        x0, y0 = self._origin_xy
        at: int | None = x0
        row = y - y0
        if 0 <= row < len(self._rows):
            key = text = self._rows[row]
        elif self._caption and y == self._caption_y():
            text = self._caption
            key, at = "\0" + text, None
        else:
            key = text = ""
        strip = self._strips.get(key)
        if strip is None:
            if len(self._strips) > MAX_KEPT_STRIPS:
                self._strips.clear()
            strip = self._line(text, at)
            background = self.background_colors[1]
            for line_filter in self._filters:
                strip = strip.apply_filter(line_filter, background)
            self._strips[key] = strip
        return strip

    def _line(self, text: str, x0: int | None) -> Strip:
        """One line of the box: `text` at `x0` (None: centred, for the caption)."""
        width = self.size.width
        style = self.base_style
        if not text:
            return Strip.blank(width, style)
        used = cell_len(text)
        if x0 is None:
            x0 = max(0, (width - used) // 2)
        if x0 + used <= width:  # one segment, its length known: nothing to measure again
            return Strip([Segment(" " * x0 + text + " " * (width - x0 - used), style)], width)
        return Strip([Segment(" " * x0 + text, style)]).crop(0, width)
