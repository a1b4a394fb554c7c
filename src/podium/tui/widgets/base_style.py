"""The widget's own rich style, worked out once per restyle instead of once per line.

`DOMNode.rich_style` walks every ancestor's styles each time it is read (~0.1 ms on this
screen); a Line-API widget reads it for every line it renders, so a 50-row countdown or page
of text paid ~5 ms for the same value. Textual calls `notify_style_update` on a widget and
all its descendants whenever CSS applies to them again (a class, a pseudo-class, the theme),
which is when the value can change: the cache is dropped there.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.style import Style

if TYPE_CHECKING:
    from textual.geometry import Region
    from textual.strip import Strip
    from textual.widget import Widget

    _Base = Widget
else:
    _Base = object


class CachedBaseStyle(_Base):
    """A `base_style` read from `rich_style` once until the styles change.

    A plain mixin, listed first (`class CueText(CachedBaseStyle, ScrollView)`), so that its
    `notify_style_update` runs before Textual's (which does not call further up). Not a
    widget: Textual follows the first base that is a DOM node for a class's DEFAULT_CSS and
    CSS type names, which stays the Textual base; and a widget class of its own would cost
    another `DOMNode.__init_subclass__` at start-up."""

    _base_style: Style | None = None
    _plain: bool | None = None
    _strips: dict[Any, Strip]
    """The widget's kept rows (keyed as it likes), built with `_filters` applied."""
    _filters: tuple[Any, ...] | None

    @property
    def base_style(self) -> Style:
        style = self._base_style
        if style is None:
            style = self._base_style = self.rich_style
        return style

    @property
    def plain_box(self) -> bool:
        """No border, padding, outline, tint, hatch, opacity or border title: the widget's
        rows are its content lines as they are (worked out once per restyle). A Line-API
        widget whose box is plain can hand Textual its own kept strips (`render_lines`)
        instead of having each row built again by Textual's styles cache."""
        plain = self._plain
        if plain is None:
            styles = self.styles
            plain = self._plain = (
                not any(styles.gutter)
                and not any(edge for edge, _ in styles.outline)
                and not styles.tint.a
                and styles.text_opacity == 1.0
                and self.opacity == 1.0
                and not (styles.has_rule("hatch") and styles.hatch != "none")
                and self._border_title is None
                and self._border_subtitle is None
            )
        return plain

    def kept_lines(self, crop: Region, width: int) -> list[Strip]:
        """The rows of `crop` from the widget's own `render_line` (its kept strips), for a
        `render_lines` whose box is `plain_box`: the kept strips are dropped when Textual's line
        filters change (they are applied once, when a strip is made), and cropped to `crop`'s
        columns of a widget `width` wide."""
        filters = tuple(self.get_line_filters())
        if filters != self._filters:
            self._filters = filters
            self._strips.clear()
        lines = [self.render_line(y) for y in crop.line_range]
        x1, x2 = crop.column_span
        if (x1, x2) != (0, width):
            lines = [line.crop(x1, x2) for line in lines]
        return lines

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._base_style = None
        self._plain = None
