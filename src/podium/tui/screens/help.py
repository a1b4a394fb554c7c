"""The help screen: every host command with its keys, in the screen's language."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar

from rich.console import RenderableType
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from podium.tui.i18n import t, ui_language

if TYPE_CHECKING:
    from podium.tui.commands import Command


class HelpScreen(ModalScreen[None]):
    """Lists the command table (keys and what they do); Esc, ?, F1 or q closes it."""

    DEFAULT_CSS = """
    HelpScreen {
        align: center middle;
        background: $background 70%;
    }
    HelpScreen > #help-box {
        width: 76;
        max-width: 100%;
        height: auto;
        max-height: 100%;
        border: heavy $accent;
        background: $surface;
        padding: 0 2;
        overflow-y: auto;
        align-horizontal: center;
    }
    HelpScreen #help-title {
        width: 100%;
        text-align: center;
        text-style: bold;
        color: $accent;
        padding: 0 0 1 0;
    }
    HelpScreen #help-table {
        width: 100%;
        padding: 0 1;
    }
    HelpScreen #help-remote {
        width: 100%;
        padding: 1 1 0 1;
    }
    HelpScreen #help-close {
        width: 100%;
        text-align: center;
        color: $text-muted;
        padding: 1 0 0 0;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", show=False),
        Binding("question_mark", "close", show=False),
        Binding("f1", "close", show=False),
        Binding("q", "close", show=False),
    ]

    def __init__(
        self,
        lang: str,
        commands: Sequence[Command] | None = None,
        *,
        extra: RenderableType | None = None,
    ) -> None:
        """`extra`: more to show under the keys (the remote views' addresses, with --serve)."""
        super().__init__()
        self.extra = extra
        self.lang = ui_language(lang)
        if commands is None:
            from podium.tui.commands import COMMANDS

            commands = COMMANDS
        self.commands: tuple[Command, ...] = tuple(commands)

    def compose(self) -> ComposeResult:
        with Vertical(id="help-box"):
            yield Static(t("help.title", self.lang), id="help-title")
            yield Static(self._table(), id="help-table")
            if self.extra is not None:
                yield Static(self.extra, id="help-remote")
            yield Static(t("help.close", self.lang), id="help-close")

    def _table(self) -> Table:
        table = Table(box=None, show_header=True, header_style="bold", pad_edge=False)
        table.add_column(t("help.key", self.lang), style="bold", no_wrap=True)
        table.add_column(t("help.action", self.lang))
        for command in self.commands:
            label = command.label.get(self.lang) or command.label.get("en") or command.id
            table.add_row(Text(command.key_display), Text(label))
        return table

    def action_close(self) -> None:
        self.dismiss(None)
