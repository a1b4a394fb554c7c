"""The current cue, large and calm: item title, the text to read, call-up names, speech timer."""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Digits, Static

from podium.agenda.model import Cue, CueKind, Item
from podium.engine.session import Phase
from podium.engine.timefmt import countdown_text, rounded_text
from podium.tui.i18n import t

STANDBY_HORIZON_S = 12 * 3600
"""Standby counts down to (or past) the planned start only within this many seconds of it."""
PHASE_CLASSES = {phase: f"-{phase.value}" for phase in Phase}


class CueBody(VerticalScroll, can_focus=False):
    """The scrolling area of the cue text; never takes focus, so keys stay with the host."""


class NowPanel(Vertical):
    """What the host reads now: standby, a script cue, a call-up, a speech or a break."""

    DEFAULT_CLASSES = "-standby"
    """It opens in standby: a class given before mounting costs no second styling pass."""

    def compose(self) -> ComposeResult:
        # Statics styled as labels in podium.tcss (no Label: its stylesheet is parsed at start-up)
        yield Static(id="now-title", markup=False)
        yield Static(id="now-meta", markup=False)
        with CueBody(id="now-body"):
            yield Static(id="now-text", markup=False)
        # The timer box (#now-timer-box: #now-timer, #now-phase) is mounted when first needed.

    def on_mount(self) -> None:
        self._timer_text: str | None = None
        self._phase_text: str | None = None
        self._phase: Phase | None = None
        self._timer: tuple[Digits, Static] | None = None

    # --- the cue (changes on GO, back, jump) -------------------------------------------
    def show_standby(self, meeting_title: str, lang: str) -> None:
        """Before the first GO: the meeting's title and how to start."""
        self.query_one("#now-title", Static).update(meeting_title)
        self.query_one("#now-meta", Static).update(t("standby", lang))
        self.query_one("#now-text", Static).update(t("standby.press_go", lang))
        self.set_class(True, "-standby")
        self.set_class(False, "-call", "-timed")

    def show_cue(self, item: Item, cue: Cue, lang: str) -> None:
        """A cue becomes current: its item's title above what the host reads."""
        self.set_class(False, "-standby")
        self.query_one("#now-title", Static).update(item.title)
        meta = ""
        body: str | Text = cue.text
        if cue.kind is CueKind.CALL:
            meta = " · ".join(
                part
                for part in (cue.award, t("call.batch", lang, n=cue.batch, m=cue.batches))
                if part
            )
            body = call_text(cue)
        elif cue.kind is CueKind.SPEECH:
            meta = t("speech.speaker", lang)
            body = Text(cue.speaker or cue.text, style="bold")
        elif cue.kind is CueKind.BREAK:
            meta = t("break", lang)
        elif cue.who:
            body = who_text(cue.who, cue.text, lang)
        self.query_one("#now-meta", Static).update(meta)
        self.query_one("#now-text", Static).update(body)
        self.query_one("#now-body", CueBody).scroll_home(animate=False)
        self.set_class(cue.kind is CueKind.CALL, "-call")

    # --- the timer (read from the clock on every refresh) ------------------------------
    def show_timer(
        self, remaining_s: float | None, phase: Phase | None, lang: str, *, paused: bool = False
    ) -> None:
        """A speech's or break's countdown with its phase as colour and as a word; or none."""
        if remaining_s is None:
            self._set_timer(None, None, None)
            return
        phase_word = t(f"phase.{(phase or Phase.NORMAL).value}", lang)
        countdown = countdown_text(remaining_s)
        if remaining_s > 0:
            words = f"{phase_word} · {t('timer.left', lang, t=countdown)}"
        else:
            words = f"{phase_word} · {t('timer.over', lang, t=countdown.lstrip('+'))}"
        if paused:
            words += f" · {t('clock.paused', lang)}"
        self._set_timer(countdown, words, phase)

    def show_standby_countdown(self, until_start_s: float | None, lang: str) -> None:
        """Standby: the countdown to the planned start, or how late it is once past (only on
        the meeting's day: an agenda opened days before or after shows no countdown)."""
        if until_start_s is None or abs(until_start_s) >= STANDBY_HORIZON_S:
            self._set_timer(None, None, None)
        elif until_start_s > 0:
            self._set_timer(countdown_text(until_start_s), t("standby.starts_in", lang), None)
        else:
            self._set_timer(None, t("standby.late", lang, t=rounded_text(-until_start_s)), None)

    def _set_timer(self, digits: str | None, words: str | None, phase: Phase | None) -> None:
        # Only touch what changed: this runs four times a second.
        if digits != self._timer_text:
            self._timer_text = digits
            timer = self._timer_widgets()[0]
            timer.display = digits is not None
            timer.update(digits or "")
        if words != self._phase_text:
            self._phase_text = words
            label = self._timer_widgets()[1]
            label.display = words is not None
            label.update(words or "")
        self.set_class(digits is not None or words is not None, "-timed")
        if phase is not self._phase:
            if self._phase is not None:
                self.remove_class(PHASE_CLASSES[self._phase])
            if phase is not None:
                self.add_class(PHASE_CLASSES[phase])
            self._phase = phase

    def _timer_widgets(self) -> tuple[Digits, Static]:
        """The countdown and its phase line, mounted (last in the panel) the first time either
        is shown: a meeting opened away from its day never builds them for its first frame."""
        if self._timer is None:
            box = Vertical(id="now-timer-box")
            self.mount(box)
            self._timer = (Digits(id="now-timer"), Static(id="now-phase", markup=False))
            box.mount(*self._timer)
        return self._timer


def who_text(who: str, text: str, lang: str) -> Text:
    """A cue of a two-host script: which host reads it, then the text (`女：…`)."""
    out = Text()
    out.append(who, style="bold reverse")
    out.append("：" if lang.startswith("zh") else ": ")
    out.append(text)
    return out


def call_text(cue: Cue) -> Text:
    """A call-up as the host sees it: what to read, then one name per line with its unit
    (units lined up in a column; names measured in terminal cells, so Chinese aligns too)."""
    text = Text()
    if cue.text:
        text.append(cue.text + "\n\n")
    units = [cue.units[n] if n < len(cue.units) else None for n in range(len(cue.names))]
    width = max((cell_len(name) for name, unit in zip(cue.names, units, strict=True) if unit),
                default=0)  # fmt: skip
    for n, (name, unit) in enumerate(zip(cue.names, units, strict=True)):
        if n:
            text.append("\n")
        text.append(name, style="bold")
        if unit:
            text.append(" " * (width - cell_len(name) + 2))
            text.append(unit, style="italic")
    return text
