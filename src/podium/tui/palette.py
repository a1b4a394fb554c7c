"""The command palette's provider: every command of the table, and "jump to <item>", each run
through the command registry (journaled with `"via": "palette"`)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from textual.command import DiscoveryHit, Hit, Hits, Provider

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
            yield DiscoveryHit(text, callback, text=text, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for text, callback, help_text in self._entries():
            score = max(matcher.match(text), matcher.match(help_text))
            if score > 0:
                yield Hit(score, matcher.highlight(text), callback, text=text, help=help_text)
