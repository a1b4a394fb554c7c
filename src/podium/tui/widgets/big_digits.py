"""A countdown in block digits, as large as its box allows (Line API, cached glyph strips).

The digits are a 5×7 bitmap font drawn with full and half blocks (█ ▀ ▄), which every
terminal font has. Each pixel is `sx` cells wide and `sy` half-rows tall; the scale is chosen
from the widget's size and a template string (`+00:00`, or `+0:00:00` for hours), so the
digits keep their size while the time counts (and through `9:59` → `10:00`).

Once a second only the glyphs that changed are refreshed (`refresh(region)`): the terminal is
sent the cells of one or two digits, not the whole box, however large the box is.
"""

from __future__ import annotations

from functools import lru_cache

from rich.cells import cell_len
from rich.segment import Segment
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
        self._value = ""
        self._caption = ""
        self._scale: tuple[int, int] | None = None
        self._drawn_for: tuple[str, int, int, int] | None = None
        """(template, width, height, rows kept for the caption) the rows were drawn for."""
        self._reserved = 2
        self._rows: list[str] = []
        self._origin_xy = (0, 0)
        self._strips: dict[str, Strip] = {}
        """Rendered lines by their text (a row of digits, the caption, a blank line): rows
        that look the same are one strip, and a new time re-renders only new rows."""

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
    def caption(self) -> str:
        return self._caption

    def set_caption(self, caption: str) -> None:
        """A line under the digits (the phase word and time left), centred with them."""
        if caption == self._caption:
            return
        self._caption = caption
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

    def _ensure_drawn(self) -> bool:
        """Draw the rows for the size and the value's shape, if they were drawn for another;
        True when the geometry changed (everything moves: a full repaint).

        The caption's rows (a blank one, then the caption) are kept even without a caption
        (the hold has none) whenever that costs the digits no size: a GO from the hold onto
        a speech then repaints the glyphs that changed and the caption, instead of every row
        of digits moving. Where every row counts (40×12) the digits take them."""
        width, height = self.size
        template = template_for(self._value)
        roomy = best_scale(template, width, max(0, height - 2))
        if self._caption or (roomy is not None and roomy == best_scale(template, width, height)):
            reserved, scale = 2, roomy
        else:
            reserved, scale = 0, best_scale(template, width, height)
        key = (template, width, height, reserved)
        if key == self._drawn_for:
            return False
        self._drawn_for = key
        self._reserved = reserved
        self._scale = scale
        self._rows = self._draw()
        self._strips.clear()
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
        self._origin_xy = (max(0, (w - width) // 2), max(0, (h - height) // 2))
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
        regions = []
        for row, (a, b) in enumerate(zip(glyph(old, sx, sy), glyph(new, sx, sy), strict=True)):
            if a == b:
                continue
            differ = [i for i, (p, q) in enumerate(zip(a, b, strict=True)) if p != q]
            first, last = differ[0], differ[-1] + 1
            regions.append(Region(box.x + first, box.y + row, last - first, 1))
        return regions

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return max((len(r) for r in self._rows), default=0)

    def render_lines(self, crop: Region) -> list[Strip]:
        self._ensure_drawn()  # once per paint, not per line (`size` is not free)
        return super().render_lines(crop)

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
            strip = self._strips[key] = self._line(text, at)
        return strip

    def _line(self, text: str, x0: int | None) -> Strip:
        """One line of the box: `text` at `x0` (None: centred, for the caption)."""
        width = self.size.width
        style = self.base_style
        if not text:
            return Strip.blank(width, style)
        if x0 is None:
            x0 = max(0, (width - cell_len(text)) // 2)
        return (
            Strip([Segment(" " * x0 + text, style)]).extend_cell_length(width, style).crop(0, width)
        )
