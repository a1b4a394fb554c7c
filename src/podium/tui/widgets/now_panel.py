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
from textual.color import Color
from textual.containers import Vertical
from textual.css.types import EdgeType
from textual.geometry import Region
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
PHASE_CLASSES: dict[Phase | None, str] = {
    phase: f"-{phase.value}" for phase in Phase if phase is not Phase.NORMAL
}
"""Classes of the countdown and the phase line (their colours); on time has none."""
BORDERS: dict[str, tuple[EdgeType, str]] = {
    "-warning": ("heavy", "#ffaf00"),
    "-danger": ("heavy", "#ff0000"),
    "-overtime": ("heavy", "#ff0000"),
}
"""The panel's border in a phase (the colours of the 256-colour palette)."""
BORDER_ORDER = ("-overtime", "-danger", "-warning")
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
    """What the host reads now: standby, a script cue, a call-up, a speech or a break.

    A GO must repaint only what changed. Textual restyles a widget *and every descendant*
    when its classes change, and a restyled widget renders all of its lines again; so the
    panel has no classes of its own: its border (a phase, which changes a few times per
    speech) is set inline (`apply_classes`), and what a GO toggles is set on the widget
    concerned: the countdown's and the phase line's `display`, the meta line's `display`, the
    phase colours as classes of the countdown and the phase line (leaves, one node each).
    The countdown and the text share the stage below the title: the countdown's box is as
    tall as its digits need, centred in the stage while the text is short, so that the box
    does not move when the text changes (`BigDigits.get_content_height`).
    """

    def compose(self) -> ComposeResult:
        # Statics styled as labels in podium.tcss (no Label: its stylesheet is parsed at start-up)
        yield Static(id="now-title", markup=False)
        yield Static(id="now-meta", markup=False)
        # The countdown and the text share the stage (the countdown sizes itself from it).
        with Vertical(id="now-stage"):
            yield CueText(id="now-body")
        yield Static(id="now-more", markup=False)
        # The countdown (#now-timer, #now-phase, above the text) is mounted the first time
        # it is needed. The hold's banner is shown in the meta line (class -hold).

    def on_mount(self) -> None:
        self._timer_text: str | None = None
        self._phase_text: str | None = None
        self._phase: Phase | None = None
        self._timer: tuple[BigDigits, Static] | None = None
        self._hold_text: str | None = None
        self._meta_text = ""
        self._line_shown: tuple[str, bool] | None = None
        self._more_text: str | None = None
        self._title = self.query_one("#now-title", Static)
        self._meta = self.query_one("#now-meta", Static)
        self._shown: dict[Static, str] = {}
        self._body = self.query_one(CueText)
        self._body.on_layout = self._update_more
        self._stage = self.query_one("#now-stage", Vertical)
        self._more = self.query_one("#now-more", Static)
        self._more.display = False
        self.lang = "en"
        self._want: set[str] = set()
        self._border_state: str | None = None
        self._border: tuple[EdgeType, str] | None = None

    def _put(self, widget: Static, text: str) -> None:
        """Update a line only when its text changed; without a layout pass when it stays one
        row (both texts fit its width): a GO onto another item changes the title."""
        before = self._shown.get(widget)
        if before != text:
            self._shown[widget] = text
            widget.update(text, layout=not _one_row_both(widget, before, text))

    def _show_meta(self, meta: str) -> None:
        """The meta line; an empty one gives its row to the text."""
        self._meta_text = meta
        self._show_line()

    def _show_line(self) -> None:
        """The line under the title: the hold's banner while there is one, else the cue's
        meta (speaker, award, break). One widget for both: a GO from the intro in its hold
        onto the speech changes what the row says, not the layout (showing one line and
        hiding another is a layout pass of the whole screen, ~2 ms). Without either, the row
        goes to the text."""
        holding = self._hold_text is not None
        text = self._hold_text if self._hold_text is not None else self._meta_text
        if (text, holding) == self._line_shown:
            return
        before = self._line_shown
        self._line_shown = (text, holding)
        line = self._meta
        same_rows = before is not None and _one_row_both(line, before[0], text)
        line.set_class(holding, "-hold")
        if line.display != bool(text):
            line.display = bool(text)
        line.update(text, layout=not same_rows)

    # --- the cue (changes on GO, back, jump) -------------------------------------------
    def show_standby(self, meeting_title: str, lang: str, note: str | None = None) -> None:
        """Before the first GO: the meeting's title and how to start (and, when the meeting
        is not dated today, that timing counts from the first GO)."""
        self.lang = lang
        self._put(self._title, printable(meeting_title))
        self._show_meta(t("standby", lang))
        blocks: list[Block] = [para(t("standby.press_go", lang), BOLD)]
        if note:
            blocks += [para(""), para(note, SAY)]
        self._body.show(blocks)
        self._text_changed()
        self._update_more()

    def show_cue(self, item: Item, cue: Cue, lang: str) -> None:
        """A cue becomes current: its item's title above what the host reads."""
        self.lang = lang
        self._put(self._title, printable(item.title))
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
        self._show_meta(meta)
        # Every block carries its own weight (bold text, a call-up's dim numbers and plain
        # names): no class on the text to restyle it.
        self._body.show(blocks)
        self._text_changed()
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
            self._show(self._more, text is not None)
            self._more.update(text or "", layout=False)  # one row (its display lays out)

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
        """The hold before a fixed time: a banner over the cue, in the meta line's place
        (None: no hold)."""
        if banner == self._hold_text:
            return
        self._hold_text = banner
        self._show_line()
        # (The border stays as it is: a GO out of the hold would otherwise repaint the whole
        # panel; the banner and the big countdown say it plainly enough.)

    @property
    def holding(self) -> bool:
        """The hold's banner is shown."""
        return self._hold_text is not None

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
                timer.update(digits or "")
            self._phase_text = words
            # The phase line sits under the digits (or alone when there are none).
            timer.set_caption((words or "") if digits is not None else "")
            self._put(label, (words or "") if digits is None else "")
            self._show(timer, digits is not None)
            self._show(label, digits is None and words is not None)
        if phase is not self._phase:
            old, self._phase = self._phase, phase
            timer, label = self._timer_widgets()
            for name, on in ((PHASE_CLASSES.get(old), False), (PHASE_CLASSES.get(phase), True)):
                if name is not None:
                    timer.set_class(on, name)
                    label.set_class(on, name)
                    self._flag(on, name)

    @staticmethod
    def _show(widget: Static | BigDigits, on: bool) -> None:
        if widget.display != on:
            widget.display = on

    def _below(self, width: int, height: int) -> tuple[int, int]:
        """For the countdown's box: (rows between it and the text, rows the text needs)."""
        body = self._body
        if not body.display:
            return 0, 0
        gap = body.styles.margin.top
        return gap, body.needed_rows(width, max(0, height - gap))

    def _text_changed(self) -> None:
        """The text under a countdown changed: its box may too."""
        if self._timer is not None and self._timer[0].display:
            self._timer[0].text_changed()

    # --- the border: a phase, set on the panel alone -------------------------------------
    def _flag(self, on: bool, name: str) -> None:
        """Want this border state (a phase's class name) on or off."""
        if on:
            self._want.add(name)
        else:
            self._want.discard(name)

    @property
    def border_state(self) -> str | None:
        """What the border says now: `-warning`, `-danger`, `-overtime` or None."""
        return self._border_state

    def apply_classes(self, compact: bool = False) -> None:
        """Draw the border wanted since the last call (heavy and coloured in a phase; none in
        the compact layout). An inline style of the panel alone: a class here
        would restyle every widget in the panel and make each render all its lines again."""
        state = next((name for name in BORDER_ORDER if name in self._want), None)
        self._border_state = state
        border = None if compact or state is None else BORDERS[state]
        if border == self._border:
            return
        self._border = border
        if compact or not self.is_mounted:
            self.styles.border = None  # the stylesheet's (none in the compact layout)
        else:
            self._recolour_border(border)

    def _recolour_border(self, border: tuple[EdgeType, str] | None) -> None:
        """Swap the drawn border for another drawn one (the stylesheet's, or `border`) and
        repaint the border's cells alone. The `styles.border` setter would repaint the whole
        panel, and with it every widget inside (~5 ms at 200×60 on a GO out of the hold);
        both borders are one cell wide, so nothing moves."""
        inline = self.styles.inline
        value = None if border is None else (border[0], Color.parse(border[1]))
        for edge in ("border_top", "border_right", "border_bottom", "border_left"):
            inline.set_rule(edge, value)
        width, height = self.outer_size
        dx, dy = self.content_offset  # refresh() takes regions of the content area
        edges = (
            Region(0, 0, width, 1),
            Region(0, height - 1, width, 1),
            Region(0, 0, 1, height),
            Region(width - 1, 0, 1, height),
        )
        self.refresh(*(edge.translate((-dx, -dy)) for edge in edges))

    def _timer_widgets(self) -> tuple[BigDigits, Static]:
        """The countdown and its phase line, mounted above the text the first time either is
        shown: a meeting opened away from its day never builds them for its first frame."""
        if self._timer is None:
            self._timer = (BigDigits(id="now-timer"), Static(id="now-phase", markup=False))
            self._timer[0].display = False
            self._timer[0].below = self._below
            self._timer[1].display = False
            self._stage.mount(*self._timer, before=self._body)
        return self._timer


def _one_row_both(widget: Static, before: str | None, text: str) -> bool:
    """Both texts are one row of `widget` (shown, not empty, within its width): updating one
    to the other moves nothing."""
    width = widget.content_region.width
    return bool(before) and bool(text) and cell_len(before or "") <= width >= cell_len(text) > 0


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
        keep = [1]  # a name, its unit and how to say it never break across lines
        if has_unit:
            unit_text = printable(unit) if unit else ""
            runs.append((" " * (name_w - cell_len(name) + 2), None))
            runs.append((unit_text, ITALIC))
            keep.append(len(runs) - 1)
            trail = unit_w - cell_len(unit_text)
        else:
            trail = name_w - cell_len(name)
        if say and say != cue.names[k]:
            runs.append((" " * (trail + 2), None))
            runs.append((t("call.say", lang, say=printable(say)), SAY))
            keep.append(len(runs) - 1)
            trail = 0
        if note:
            runs.append((" " * (trail + 2) + printable(note), NOTE))
        entries.append(Para(tuple(runs), indent=len(head), keep=tuple(keep)))
    blocks.append(Columns(tuple(entries)))
    if count > shown:
        blocks.append(para(t("call.more", lang, n=f"{count - shown:,}"), ITALIC))
    return blocks
