"""The current cue, large and calm: item title, the text to read, call-up names, countdowns.

Countdowns (speech, break, the hold before a fixed time, the wait for the planned start) are
block digits filling what the panel has left (`BigDigits`); the cue's text is wrapped with
避头尾 rules and read page by page (`CueText`). Agenda text is never parsed as markup and
never reaches the terminal with its control characters.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.style import Style
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from podium.agenda.model import Cue, CueKind, Item
from podium.engine.session import Phase
from podium.engine.timefmt import countdown_text, rounded_text
from podium.textsafe import printable
from podium.tui.i18n import t
from podium.tui.widgets.big_digits import BigDigits
from podium.tui.widgets.cue_text import Block, Columns, CueText, Para, para

STANDBY_HORIZON_S = 12 * 3600
"""Standby counts down to (or past) the planned start only within this many seconds of it."""
PHASE_CLASSES = {phase: f"-{phase.value}" for phase in Phase}
MAX_NAMES_SHOWN = 400
"""A call-up shows at most this many names (and says how many more there are): a batch of
100,000 names must not stall the screen or its clock."""
MAX_TEXT_SHOWN = 30_000
"""Characters of one cue's text shown (far more than anyone reads aloud; the rest is named)."""

BOLD = Style(bold=True)
DIM = Style(dim=True)
ITALIC = Style(italic=True)
SAY = Style(bold=True, color="#ffaf00")
NOTE = Style(italic=True, color="#5fafff")


class NowPanel(Vertical):
    """What the host reads now: standby, a script cue, a call-up, a speech or a break."""

    DEFAULT_CLASSES = "-standby"
    """It opens in standby: a class given before mounting costs no second styling pass."""

    def compose(self) -> ComposeResult:
        # Statics styled as labels in podium.tcss (no Label: its stylesheet is parsed at start-up)
        yield Static(id="now-title", markup=False)
        yield Static(id="now-meta", markup=False)
        yield CueText(id="now-body")
        yield Static(id="now-more", markup=False)
        # The hold banner and the timer box (#now-timer-box: #now-timer, #now-phase) are
        # mounted above the text the first time they are needed.

    def on_mount(self) -> None:
        self._timer_text: str | None = None
        self._phase_text: str | None = None
        self._phase: Phase | None = None
        self._timer: tuple[BigDigits, Static] | None = None
        self._hold: Static | None = None
        self._hold_text: str | None = None
        self._more_text: str | None = None
        self._body = self.query_one(CueText)
        self._body.on_layout = self._update_more
        self._more = self.query_one("#now-more", Static)
        self._more.display = False
        self.lang = "en"
        self._want: set[str] = set(self.classes)

    # --- the cue (changes on GO, back, jump) -------------------------------------------
    def show_standby(self, meeting_title: str, lang: str, note: str | None = None) -> None:
        """Before the first GO: the meeting's title and how to start (and, when the meeting
        is not dated today, that timing counts from the first GO)."""
        self.lang = lang
        self.query_one("#now-title", Static).update(printable(meeting_title))
        self.query_one("#now-meta", Static).update(t("standby", lang))
        blocks: list[Block] = [para(t("standby.press_go", lang), BOLD)]
        if note:
            blocks += [para(""), para(note, SAY)]
        self._body.show(blocks)
        self.query_one("#now-meta", Static).set_class(False, "-empty")
        self._flag(True, "-standby")
        self._flag(False, "-call")
        self._update_more()

    def show_cue(self, item: Item, cue: Cue, lang: str) -> None:
        """A cue becomes current: its item's title above what the host reads."""
        self.lang = lang
        self._flag(False, "-standby")
        self.query_one("#now-title", Static).update(printable(item.title))
        meta = ""
        blocks: list[Block]
        if cue.kind is CueKind.CALL:
            meta = " · ".join(
                part
                for part in (
                    printable(cue.award) if cue.award else None,
                    t("call.batch", lang, n=cue.batch, m=cue.batches) if cue.batches else None,
                )
                if part
            )
            blocks = call_blocks(cue, lang)
        elif cue.kind is CueKind.SPEECH:
            meta = t("speech.speaker", lang) + t("colon", lang) + printable(cue.speaker or "")
            blocks = [] if cue.speaker else [para(cue.text, BOLD)]
        else:
            if cue.kind is CueKind.BREAK:
                meta = t("break", lang)
            blocks = [para(_capped(cue.text, lang), BOLD)] if cue.text else []
            if cue.who and cue.text:  # two hosts: who reads it, before the text
                who = printable(cue.who) + t("colon", lang)
                blocks = [Para(((who, SAY), (_capped(cue.text, lang), BOLD)))]
        self.query_one("#now-meta", Static).update(meta)
        # (an empty meta line gives its row to the text; a class on the Static alone)
        self.query_one("#now-meta", Static).set_class(not meta, "-empty")
        self._body.show(blocks)
        self._flag(cue.kind is CueKind.CALL, "-call")
        self._update_more()

    # --- pages ---------------------------------------------------------------------------
    def page(self, step: int) -> bool:
        """Show the next (+1) or previous (-1) page of the cue's text; False if none."""
        paged = self._body.page(step)
        if paged:
            self._update_more()
        return paged

    @property
    def body(self) -> CueText:
        return self._body

    def _update_more(self) -> None:
        """Say that more follows (and how much), or that this is the last page."""
        if not self.is_mounted:
            return
        page, pages = self._body.pages()
        if pages <= 1:
            text = None
        elif page < pages:
            left = pages - page
            text = t("more.follows", self.lang, count=left, left=left, n=page, m=pages)
            width = self._body.size.width
            if width and cell_len(text) > width:  # narrow: the pages count, GO goes without saying
                text = t("more.follows_short", self.lang, count=left, left=left, n=page, m=pages)
        else:
            text = t("more.last", self.lang, n=page, m=pages)
        if text != self._more_text:
            self._more_text = text
            self._more.display = text is not None
            self._more.update(text or "")

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

    def show_hold(self, banner: str | None) -> None:
        """The hold before a fixed time: a banner over the cue (None: no hold)."""
        if banner == self._hold_text:
            return
        self._hold_text = banner
        if banner is not None and self._hold is None:
            self._hold = Static(id="now-hold", markup=False)
            self.mount(self._hold, before=self._timer_box_or_body())
        if self._hold is not None:
            self._hold.display = banner is not None
            self._hold.update(banner or "")
        self._flag(banner is not None, "-hold")

    def show_hold_countdown(self, remaining_s: float) -> None:
        """The countdown to the fixed time, big (the cue has no timer of its own)."""
        self._set_timer(countdown_text(remaining_s), None, None)

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
        if digits != self._timer_text or words != self._phase_text:
            timer, label = self._timer_widgets()
            if digits != self._timer_text:
                self._timer_text = digits
                timer.display = digits is not None
                timer.update(digits or "")
            self._phase_text = words
            # The phase line sits under the digits (or alone when there are none).
            timer.set_caption((words or "") if digits is not None else "")
            label.display = digits is None and words is not None
            label.update((words or "") if digits is None else "")
        self._flag(digits is not None, "-timed")
        self._flag(digits is None and words is not None, "-worded")
        if phase is not self._phase:
            if self._phase is not None:
                self._flag(False, PHASE_CLASSES[self._phase])
            if phase is not None:
                self._flag(True, PHASE_CLASSES[phase])
            self._phase = phase

    # --- classes: changed together, restyled once ---------------------------------------
    def _flag(self, on: bool, *names: str) -> None:
        """Want these classes on (or off); `apply_classes` restyles once for all of them
        (each class change restyles the whole panel: a GO changes three or four)."""
        if on:
            self._want.update(names)
        else:
            self._want.difference_update(names)

    def apply_classes(self) -> None:
        """Give the panel the classes wanted since the last call, in one restyle."""
        if self._want != set(self.classes):
            self.set_classes(self._want)

    def _timer_box_or_body(self) -> Vertical | CueText:
        return self.query_one("#now-timer-box", Vertical) if self._timer else self._body

    def _timer_widgets(self) -> tuple[BigDigits, Static]:
        """The countdown and its phase line, mounted above the text the first time either is
        shown: a meeting opened away from its day never builds them for its first frame."""
        if self._timer is None:
            box = Vertical(id="now-timer-box")
            self.mount(box, before=self._body)
            self._timer = (BigDigits(id="now-timer"), Static(id="now-phase", markup=False))
            box.mount(*self._timer)
        return self._timer


def _capped(text: str, lang: str) -> str:
    if len(text) <= MAX_TEXT_SHOWN:
        return text
    return text[:MAX_TEXT_SHOWN] + "…\n" + t("text.more", lang, n=f"{len(text) - MAX_TEXT_SHOWN:,}")


def call_blocks(cue: Cue, lang: str) -> list[Block]:
    """A call-up as the host sees it: what to read, then the names numbered in stage order,
    each with its unit, how to say it (读作 …) and its private note."""
    blocks: list[Block] = []
    if cue.text:
        blocks.append(para(_capped(cue.text, lang)))
        blocks.append(para(""))
    count = len(cue.names)
    shown = min(count, MAX_NAMES_SHOWN)
    number_w = len(str(shown))
    name_w = max((cell_len(printable(n)) for n in cue.names[:shown]), default=0)
    has_unit = any(cue.units[:shown])
    unit_w = max((cell_len(printable(u)) for u in cue.units[:shown] if u), default=0)
    entries = []
    for k in range(shown):
        name = printable(cue.names[k])
        unit = cue.units[k] if k < len(cue.units) else None
        say = cue.say[k] if cue.say is not None and k < len(cue.say) else None
        note = cue.notes[k] if k < len(cue.notes) else None
        head = f"{k + 1:>{number_w}}. "
        runs: list[tuple[str, Style | None]] = [(head, DIM), (name, BOLD)]
        if has_unit:
            pad = " " * (name_w - cell_len(name) + 2)
            unit_text = printable(unit) if unit else ""
            runs.append((pad + unit_text, ITALIC))
            trail = unit_w - cell_len(unit_text)
        else:
            trail = name_w - cell_len(name)
        if say and say != cue.names[k]:
            runs.append((" " * (trail + 2) + t("call.say", lang, say=printable(say)), SAY))
            trail = 0
        if note:
            runs.append((" " * (trail + 2) + printable(note), NOTE))
        entries.append(Para(tuple(runs), indent=len(head)))
    blocks.append(Columns(tuple(entries)))
    if count > shown:
        blocks.append(para(t("call.more", lang, n=f"{count - shown:,}"), ITALIC))
    return blocks
