"""The status line (rehearsal banner, read-aloud state, journal health, brief notices) and the
line of the current item's private notes."""

from __future__ import annotations

from dataclasses import dataclass, replace

from rich.text import Text
from textual.widgets import Static

from podium.i18n import in_language
from podium.textsafe import printable
from podium.tui.i18n import t
from podium.tui.widgets.broken_text import BrokenText

TTS_STATES = ("off", "on", "speaking", "unavailable")


@dataclass(frozen=True, slots=True)
class StatusState:
    """Everything the status line shows."""

    rehearsal: bool = False
    tts: str = "off"
    """One of TTS_STATES."""
    tts_reason: str = ""
    journal_error: str | None = None
    """None while every event reaches the disk; else why it does not."""
    notice: str = ""
    """A brief notice ("Ignored (double press)"), cleared by the app after a moment."""
    remote: str = ""
    """With --serve/--osc: how many are viewing, or why the remote views are down."""
    remote_down: bool = False


class StatusLine(Static):
    """One line; the journal's failure takes the whole line, loudly."""

    def __init__(self, lang: str, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self.lang = lang
        self.state: StatusState | None = None

    def change(self, **fields: object) -> None:
        """Update some fields and repaint if anything changed."""
        new = replace(self.state or StatusState(), **fields)  # type: ignore[arg-type]
        if new != self.state:
            self.state = new
            self.set_class(new.journal_error is not None, "-journal-error")
            self.set_class(bool(new.notice), "-notice")
            self.update(status_text(new, self.lang), layout=False)  # one row: nothing moves


def status_text(state: StatusState, lang: str) -> Text:
    """The status line's text for a state."""
    line = Text()
    if state.journal_error is not None:
        line.append(
            t("status.journal.error", lang, reason=in_language(state.journal_error, lang)),
            style="bold reverse red",
        )
        line.append("  ")
    if state.notice:
        # first, so that a long read-aloud reason can never push it off an 80-column line
        line.append(f" {printable(state.notice)} ", style="bold reverse yellow")
        line.append("  ")
    if state.rehearsal:
        line.append(f" {t('status.rehearsal', lang)} ", style="bold reverse magenta")
        line.append("  ")
    if state.tts == "unavailable":
        line.append(
            t("status.tts.unavailable", lang, reason=printable(state.tts_reason or "?")),
            style="yellow",
        )
    else:
        style = "bold" if state.tts == "speaking" else ""
        line.append(t(f"status.tts.{state.tts}", lang), style=style)
    if state.journal_error is None:
        line.append("  ·  ")
        line.append(t("status.journal.ok", lang), style="green")
    if state.remote:
        line.append("  ·  ")
        line.append(state.remote, style="bold reverse red" if state.remote_down else "")
    return line


NOTES_LINES = 3
"""The notes take at most this many lines (the cue comes first); a longer note ends in `…`."""


class NotesLine(BrokenText):
    """The current item's private notes (never spoken); hidden when it has none."""

    def __init__(self, lang: str, *, id: str | None = None) -> None:
        super().__init__(id=id, max_lines=NOTES_LINES)
        self.lang = lang
        self._notes: str | None = "\0"

    def show_notes(self, notes: str | None) -> None:
        if notes == self._notes:
            return
        self._notes = notes
        # A class, not `display`: the compact layout's stylesheet hides the notes regardless.
        self.set_class(not notes, "-empty")
        if notes:
            line = Text(t("status.notes", self.lang) + t("colon", self.lang), style="bold")
            line.append(printable(notes))
            self.show_text(line)  # broken by podium's 避头尾 rules, not Textual's
