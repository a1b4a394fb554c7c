"""The widget's own rich style, worked out once per restyle instead of once per line.

`DOMNode.rich_style` walks every ancestor's styles each time it is read (~0.1 ms on this
screen); a Line-API widget reads it for every line it renders, so a 50-row countdown or page
of text paid ~5 ms for the same value. Textual calls `notify_style_update` on a widget and
all its descendants whenever CSS applies to them again (a class, a pseudo-class, the theme),
which is when the value can change: the cache is dropped there.
"""

from __future__ import annotations

from rich.style import Style
from textual.widget import Widget


class CachedBaseStyle(Widget):
    """A `base_style` read from `rich_style` once until the styles change."""

    _base_style: Style | None = None

    @property
    def base_style(self) -> Style:
        style = self._base_style
        if style is None:
            style = self._base_style = self.rich_style
        return style

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._base_style = None


# Textual inherits DEFAULT_CSS and CSS type names along the *first* DOMNode base only: a
# widget that also derives from ScrollView lists this mixin after it
# (`class CueText(ScrollView, CachedBaseStyle)`), so it keeps ScrollView's styles.
