"""A yes/no question that only a deliberate key answers yes (quit, end the meeting)."""

from __future__ import annotations

import time
from collections.abc import Callable

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from podium.tui.i18n import t, ui_language
from podium.tui.widgets.broken_text import BrokenText

YES_KEYS = ("y", "enter")


class ConfirmScreen(ModalScreen[bool]):
    """Dismisses True on y, Enter or one of `confirm_keys`; False on any other key.

    Esc, F5 and every other key answer no, so a clicker's F5/Esc button is never destructive.
    `guard_s` applies the double-press guard to `confirm_keys` (e.g. the GO keys when ending
    the meeting): such a key pressed within `guard_s` of the dialog opening, or of the previous
    press of one of them, is ignored (neither yes nor no), so a held or bouncing GO button that
    opened the dialog cannot also answer it. `y` is never guarded.
    """

    DEFAULT_CSS = """
    ConfirmScreen {
        align: center middle;
        background: $background 70%;
    }
    ConfirmScreen > #confirm-box {
        width: auto;
        min-width: 56;
        max-width: 90%;
        height: auto;
        border: heavy $warning;
        background: $surface;
        padding: 1 3;
    }
    ConfirmScreen #confirm-title {
        width: 100%;
        text-align: center;
        color: $warning;
        text-style: bold;
    }
    ConfirmScreen #confirm-message {
        width: 100%;
        text-align: center;
        text-style: bold;
        padding: 1 0;
    }
    ConfirmScreen #confirm-hint {
        width: 100%;
        text-align: center;
        color: $text-muted;
    }
    """

    def __init__(
        self,
        message: str,
        lang: str,
        confirm_keys: tuple[str, ...] = (),
        *,
        guard_s: float = 0.0,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__()
        self.message = message
        self.lang = ui_language(lang)
        self.confirm_keys = tuple(confirm_keys)
        self.guard_s = guard_s
        self._monotonic = monotonic
        self._last_confirm_press = monotonic()
        self._answered = False

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-box"):
            yield Static(t("confirm.title", self.lang), id="confirm-title")
            # Broken by podium's line breaker: at 40×12 Textual's left `Enter` on a line alone.
            message = BrokenText(id="confirm-message")
            message.show_text(Text(self.message))
            yield message
            yield Static(t("confirm.hint", self.lang), id="confirm-hint")

    def on_key(self, event: events.Key) -> None:
        event.stop()
        event.prevent_default()
        if self._answered:
            return
        if event.key in self.confirm_keys:
            now = self._monotonic()
            bounced = now - self._last_confirm_press < self.guard_s
            self._last_confirm_press = now
            if not bounced:
                self._answer(True)
        else:
            self._answer(event.key in YES_KEYS)

    def _answer(self, yes: bool) -> None:
        self._answered = True
        self.dismiss(yes)


class EndQuestion(ConfirmScreen):
    """The host's end-of-agenda question, painted: keys answer through the host.

    GO keys run `go` (the host applies the double-press guard: the GO that asked cannot also
    answer); y or Enter run `end-confirm`; any other key `end-cancel`. The app takes the
    dialog down when the host's question is no longer pending (answered here or remotely).
    """

    def __init__(
        self,
        message: str,
        lang: str,
        run: Callable[..., object],
        go_keys: tuple[str, ...],
    ) -> None:
        super().__init__(message, lang, go_keys)
        self._run = run

    def on_key(self, event: events.Key) -> None:
        event.stop()
        event.prevent_default()
        if event.key in self.confirm_keys:
            self._run("go")
        elif event.key in YES_KEYS:
            self._run("end-confirm")
        else:
            self._run("end-cancel")
