"""The clock and schedule line: wall clock, item elapsed/planned, behind/ahead, projected end."""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.widgets import Static

from podium.engine.session import Session
from podium.engine.timefmt import elapsed_text, projected_text, rounded_text
from podium.tui.i18n import t
from podium.tui.time_text import wall_clock_text

SEPARATOR = " │ "


class ClockBar(Static):
    """One line, recomputed from the session's clock every time it is shown."""

    def __init__(self, *, id: str | None = None, compact: bool = False) -> None:
        super().__init__(id=id, markup=False)
        self._line: Text | None = None
        self._shown: Text | None = None
        self.compact = compact
        """The compact layout's line: the item's time and behind/ahead first."""

    def show(self, session: Session, lang: str) -> None:
        """Recompute from the clock now; repaint only when the text changed."""
        text = compact_line(session, lang) if self.compact else clock_line(session, lang)
        if text != self._line:
            self._line = text
            self._paint()

    def on_resize(self, event: events.Resize) -> None:
        self._paint()  # what fits changed

    def _paint(self) -> None:
        if self._line is None:
            return
        fitted = fit_line(self._line, self.content_size.width)
        if fitted != self._shown:
            self._shown = fitted
            self.update(fitted, layout=False)  # one row, whatever it says: nothing moves


def fit_line(line: Text, width: int) -> Text:
    """The line's parts (between separators) that fit `width` cells, whole, first ones first:
    at 40 columns `Item 0:01/1:00 │ 0:50 ahead │ 09:03:10`, never `… │ 09:03:1…` or `End 0…`.
    The first part is always kept (cut with an ellipsis if even it is wider than the line);
    0 (not laid out yet) keeps the whole line."""
    if width <= 0 or line.cell_len <= width:
        return line
    first, *rest = line.split(SEPARATOR, allow_blank=True)
    fitted = first.copy()
    for part in rest:
        if fitted.cell_len + len(SEPARATOR) + part.cell_len > width:
            break
        fitted.append(SEPARATOR)
        fitted.append_text(part)
    return fitted


def schedule_text(behind_s: float, lang: str) -> tuple[str, str]:
    """(`+4:10 behind` | `1:05 ahead` | `on time`, its style), to the second as reports say it."""
    amount = rounded_text(abs(behind_s))
    if amount == "0:00":
        return t("clock.on_time", lang), "green"
    if behind_s > 0:
        return t("clock.behind", lang, t=amount), "bold red"
    return t("clock.ahead", lang, t=amount), "bold green"


def clock_line(session: Session, lang: str) -> Text:
    """The whole clock bar for this moment."""
    line = Text(wall_clock_text(session.clock.now()), style="bold")
    if session.ended:
        line.append(SEPARATOR)
        line.append(t("clock.ended", lang), style="bold")
        return line
    if not session.started:
        start = session.planned_start(0)
        if start is not None:
            line.append(SEPARATOR)
            line.append(t("clock.start", lang, t=wall_clock_text(start, seconds=False)))
    else:
        line.append(SEPARATOR)
        _item_and_schedule(line, session, lang, " / ")
    line.append(SEPARATOR)
    line.append(t("clock.end", lang, t=_end_text(session)))
    return line


def compact_line(session: Session, lang: str) -> Text:
    """The compact layout's one line: item time and behind/ahead first, then the clock."""
    if not session.started or session.ended:
        return clock_line(session, lang)
    line = Text()
    _item_and_schedule(line, session, lang, "/")
    line.append(SEPARATOR)
    line.append(wall_clock_text(session.clock.now()), style="bold")
    line.append(SEPARATOR)
    line.append(t("clock.end", lang, t=_end_text(session)))
    return line


def _item_and_schedule(line: Text, session: Session, lang: str, slash: str) -> None:
    """`Item 1:05 / 3:00 [paused] │ +0:40 behind`, appended to `line` (the compact line writes
    `1:05/3:00`)."""
    line.append(f"{t('clock.item', lang)} ")
    line.append(elapsed_text(session.item_elapsed_s()), style="bold")
    line.append(f"{slash}{rounded_text(session.item_planned_s())}")
    if session.paused:
        line.append(" ")
        line.append(f" {t('clock.paused', lang)} ", style="bold reverse yellow")
    words, style = schedule_text(session.behind_s(), lang)
    line.append(SEPARATOR)
    line.append(words, style=style)


def _end_text(session: Session) -> str:
    """The projected end, with its date when it is not today."""
    return projected_text(session.projected_end(), session.clock.now())
