"""What the screen shows instead of the meeting: the blank view (only the clock) and the notice
for a window smaller than 80×24 (the meeting keeps running behind both)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Center, Middle
from textual.widgets import Digits, Static

from podium.tui.i18n import t


class BlankView(Middle):
    """Only the wall clock, big, in the middle."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        # Kept, not queried: the time is shown as soon as the view is mounted, before it composes.
        self._clock = Digits(id="blank-clock")

    def compose(self) -> ComposeResult:
        with Center():
            yield self._clock

    def show_time(self, hhmmss: str) -> None:
        if self._clock.value != hhmmss:
            self._clock.update(hhmmss)


class SizeNotice(Static):
    """The window is too small to show the meeting: say so, with the clock."""

    def __init__(self, lang: str, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self.lang = lang
        self._shown = ""

    def show(self, width: int, height: int, hhmmss: str) -> None:
        text = f"{hhmmss}\n\n{t('small.notice', self.lang, w=width, h=height)}"
        if text != self._shown:
            self._shown = text
            self.update(text)
