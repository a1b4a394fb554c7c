"""The message to the host (sent from the control page or by OSC): it stands out above
everything on the main screen until the host dismisses it (`m`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.widgets import Static

from podium.tui.i18n import t
from podium.tui.time_text import wall_clock_text

if TYPE_CHECKING:
    from podium.host import Message


class MessageBanner(Static):
    """One message, docked at the top, in the warning colour, with when it came and the key
    that takes it down. Hidden while blank and while there is no message."""

    DEFAULT_CSS = """
    MessageBanner {
        dock: top;
        width: 100%;
        height: auto;
        max-height: 6;
        padding: 0 1;
        background: $warning;
        color: $background;
        text-style: bold;
        display: none;
    }
    MessageBanner.-shown {
        display: block;
    }
    MainScreen.-blank MessageBanner, MainScreen.-small MessageBanner {
        display: none;
    }
    """

    def __init__(self, lang: str, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self.lang = lang
        self.message: Message | None = None

    def show_message(self, message: Message | None) -> None:
        if message is self.message:
            return
        self.message = message
        if message is not None:
            when = wall_clock_text(message.at, seconds=False)
            self.update(t("message.host", self.lang, t=when, text=message.text))
        self.set_class(message is not None, "-shown")
