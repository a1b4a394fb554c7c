"""The jump dialog: type to filter the agenda's items, Enter jumps to the highlighted one."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from podium.tui.i18n import t, ui_language

JumpItem = tuple[int, str, str] | tuple[int, str, str, str]
"""(index, title, planned start text[, item id]): one row of the dialog."""


class _Entry:
    """One item as the dialog shows and searches it."""

    __slots__ = ("haystack", "index", "number", "option")

    def __init__(self, item: JumpItem, number_width: int, start_width: int) -> None:
        index, title, start = item[0], item[1], item[2]
        item_id = item[3] if len(item) > 3 else ""
        self.index = index
        self.number = str(index + 1)
        self.haystack = f"{title}\n{item_id}".casefold()
        text = Text(no_wrap=True, overflow="ellipsis")
        text.append(f"{self.number:>{number_width}}  ", style="dim")
        if start_width:
            text.append(f"{start:<{start_width}}  ", style="dim")
        text.append(title, style="bold")
        # One Option per item, reused by every filter: the list caches its rendering on it.
        self.option = Option(text, id=str(index))

    def matches(self, needle: str) -> bool:
        return not needle or needle in self.haystack or needle == self.number


class JumpScreen(ModalScreen[int | None]):
    """Pick an item by title; dismisses with its index, or None when cancelled (Esc)."""

    DEFAULT_CSS = """
    JumpScreen {
        align: center middle;
        background: $background 70%;
    }
    JumpScreen > #jump-box {
        width: 90%;
        max-width: 100;
        min-width: 60;
        height: 90%;
        max-height: 40;
        border: heavy $accent;
        background: $surface;
        padding: 0 1;
    }
    JumpScreen #jump-title {
        width: 100%;
        text-align: center;
        text-style: bold;
        color: $accent;
    }
    JumpScreen #jump-input {
        margin: 0 0 0 0;
    }
    JumpScreen #jump-options {
        height: 1fr;
        border: none;
        padding: 0;
    }
    JumpScreen #jump-status {
        width: 100%;
        color: $text-muted;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", show=False),
        Binding("down", "move('cursor_down')", show=False),
        Binding("up", "move('cursor_up')", show=False),
        Binding("pagedown", "move('page_down')", show=False),
        Binding("pageup", "move('page_up')", show=False),
    ]

    def __init__(self, items: Sequence[JumpItem], lang: str, *, current: int | None = None) -> None:
        super().__init__()
        self.lang = ui_language(lang)
        self.current = current
        number_width = len(str(len(items))) if items else 1
        start_width = max((len(item[2]) for item in items), default=0)
        self._entries = [_Entry(item, number_width, start_width) for item in items]
        self._shown: list[_Entry] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="jump-box"):
            yield Static(t("jump.title", self.lang), id="jump-title")
            yield Input(placeholder=t("jump.placeholder", self.lang), id="jump-input")
            yield OptionList(id="jump-options")
            yield Static(id="jump-status")

    def on_mount(self) -> None:
        self._filter("")
        if self.current is not None:
            for row, entry in enumerate(self._shown):
                if entry.index == self.current:
                    self.query_one(OptionList).highlighted = row
                    break
        self.query_one(Input).focus()

    @on(Input.Changed, "#jump-input")
    def _on_changed(self, event: Input.Changed) -> None:
        self._filter(event.value)

    def _filter(self, query: str) -> None:
        """Show only the items whose title (or id, or number) contains `query`."""
        needle = query.strip().casefold()
        self._shown = [entry for entry in self._entries if entry.matches(needle)]
        options = self.query_one(OptionList)
        options.set_options(entry.option for entry in self._shown)
        if self._shown:
            options.highlighted = 0
        status = self.query_one("#jump-status", Static)
        if self._shown:
            status.update(
                t("jump.count", self.lang).format(shown=len(self._shown), total=len(self._entries))
                + "   "
                + t("jump.hint", self.lang)
            )
        else:
            status.update(t("jump.none", self.lang) + "   " + t("jump.hint", self.lang))

    def action_move(self, action: str) -> None:
        getattr(self.query_one(OptionList), f"action_{action}")()

    @on(Input.Submitted, "#jump-input")
    def _on_submitted(self) -> None:
        self._pick(self.query_one(OptionList).highlighted)

    @on(OptionList.OptionSelected, "#jump-options")
    def _on_selected(self, event: OptionList.OptionSelected) -> None:
        self._pick(event.option_index)

    def _pick(self, row: int | None) -> None:
        if row is None or not 0 <= row < len(self._shown):
            return
        self.dismiss(self._shown[row].index)

    def action_cancel(self) -> None:
        self.dismiss(None)
