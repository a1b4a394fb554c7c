"""A `Static` whose text is wrapped by podium's line breaker (避头尾), not by Textual's.

Textual folds Chinese text at whatever cell the line is full, so a line could begin with `。`
(the notes line at 80×24 did). This widget keeps the text it was given and lays it out with
`podium.agenda.linebreak` at the width it has, again whenever that width changes.
"""

from __future__ import annotations

from rich.cells import get_character_cell_size
from rich.text import Text
from textual.app import RenderResult
from textual.geometry import Size
from textual.widgets import Static

from podium.agenda.linebreak import line_spans


def broken_lines(text: Text, width: int, max_lines: int | None = None) -> Text:
    """`text` (styles kept) as lines of at most `width` cells, joined by newlines; past
    `max_lines` the last line shown ends in `…`, so a cut is never silent."""
    width = max(1, width)
    spans = line_spans(text.plain, width, get_character_cell_size)
    lines = [text[a:b] for a, b in spans]
    if max_lines is not None and len(lines) > max_lines:
        lines = lines[:max_lines]
        last = lines[-1]
        last.truncate(max(0, width - 1))
        last.append("…")
    return Text("\n").join(lines)


class BrokenText(Static):
    """Set its text with `show_text`; it is re-broken for every width it is laid out at
    (and cut with `…` after `max_lines` lines, when given)."""

    def __init__(self, *, id: str | None = None, max_lines: int | None = None) -> None:
        super().__init__(id=id, markup=False)
        self._source = Text()
        self.max_lines = max_lines

    def show_text(self, text: Text) -> None:
        self._source = text
        self.clear_cached_dimensions()
        self.refresh(layout=True)

    def render(self) -> RenderResult:
        return broken_lines(self._source, self.content_size.width, self.max_lines)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        if not width:
            return 0
        lines = len(line_spans(self._source.plain, width, get_character_cell_size))
        return lines if self.max_lines is None else min(lines, self.max_lines)
