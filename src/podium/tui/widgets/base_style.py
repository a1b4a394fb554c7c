"""The widget's own rich style, worked out once per restyle instead of once per line.

`DOMNode.rich_style` walks every ancestor's styles each time it is read (~0.1 ms on this
screen); a Line-API widget reads it for every line it renders, so a 50-row countdown or page
of text paid ~5 ms for the same value. Textual calls `notify_style_update` on a widget and
all its descendants whenever CSS applies to them again (a class, a pseudo-class, the theme),
which is when the value can change: the cache is dropped there.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.style import Style

if TYPE_CHECKING:
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

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._base_style = None
        self._plain = None
