"""The command palette's provider: every command of the table, and "jump to <item>", each run
through the command registry (journaled with `"via": "palette"`).

Titles are the agenda's text, never markup: `Q&A [/]` is shown as written."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Matcher, Provider
from textual.content import Content
from textual.markup import escape

from podium.tui.commands import COMMANDS, label
from podium.tui.i18n import t

if TYPE_CHECKING:
    from podium.tui.app import PodiumApp


class PodiumCommands(Provider):
    """Lists the host's commands (with their keys) and a jump entry per item."""

    def _entries(self) -> list[tuple[str, Callable[[], object], str]]:
        app: PodiumApp = self.app  # type: ignore[assignment]
        entries: list[tuple[str, Callable[[], object], str]] = [
            (label(cmd, app.lang), partial(app.run_command, cmd.id, "palette"), cmd.key_display)
            for cmd in COMMANDS
        ]
        for item in app.session.items:
            if item.cues:
                entries.append(
                    (
                        t("palette.jump", app.lang, title=item.title),
                        partial(app.run_command, "jump", "palette", item=item.id),
                        item.id,
                    )
                )
        return entries

    async def discover(self) -> Hits:
        for text, callback, help_text in self._entries():
            yield DiscoveryHit(Content(text), callback, text=text, help=escape(help_text))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for text, callback, help_text in self._entries():
            score = max(matcher.match(text), matcher.match(help_text))
            if score > 0:
                shown = _highlight(matcher, text)
                yield Hit(score, shown, callback, text=text, help=escape(help_text))


def _highlight(matcher: Matcher, text: str) -> Content:
    """`text` as plain content with the query's matches marked (Textual's own highlight
    would read the text as markup)."""
    content = Content(text)
    score, offsets = matcher.fuzzy_search.match(matcher.query, text)
    if not score:
        return content
    for offset in offsets:
        if not text[offset].isspace():
            content = content.stylize(matcher.match_style, offset, offset + 1)
    return content
