"""The podium's main screen: now, next, clock bar, run sheet, notes, status and the key footer.

It shows what the session says; the app's actions change the session and tell the screen.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingsMap
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widget import Widget

from podium.engine.session import Session
from podium.engine.timefmt import countdown_text
from podium.tui.commands import APP_KEYS, COMMANDS, footer_label
from podium.tui.i18n import t
from podium.tui.time_text import wall_clock_text
from podium.tui.widgets.clock_bar import ClockBar
from podium.tui.widgets.next_line import NextLine
from podium.tui.widgets.now_panel import NowPanel
from podium.tui.widgets.run_sheet import RunSheet
from podium.tui.widgets.status_line import NotesLine, StatusLine

if TYPE_CHECKING:
    from podium.host import Message
    from podium.tui.widgets.blank_view import BlankView, SizeNotice
    from podium.tui.widgets.message_banner import MessageBanner

FULL_WIDTH = 80
FULL_HEIGHT = 24
"""From this size on, the full layout; below it, the compact one."""
MIN_WIDTH = 40
MIN_HEIGHT = 12
"""Below this, a notice (the meeting keeps running behind it)."""
ROOMY_COMPACT_HEIGHT = 16
"""The compact layout shows the next line from this height on."""


def screen_bindings(lang: str) -> list[Binding]:
    """The command table as priority bindings on this screen (labels in `lang`).

    Priority: no widget can swallow Space, Enter or the arrows. On this screen only: a dialog
    on top gets its keys (typing in the jump search, `q` closing help).
    """
    bindings = []
    for cmd in COMMANDS:
        keys = [k for k in cmd.keys if k not in APP_KEYS]
        if not keys:
            continue
        # One binding per command, all its keys: `set_keymap({id: ...})` moves every one.
        bindings.append(
            Binding(
                ",".join(keys),
                f"app.{cmd.action}",
                footer_label(cmd, lang),
                show=cmd.footer,
                key_display=cmd.footer_keys or cmd.key_display,
                priority=True,
                id=cmd.id,
            )
        )
    # F5 (a clicker's "present" button) does nothing, on purpose.
    bindings.append(Binding("f5", "app.nothing", show=False, priority=True))
    return bindings


class MainScreen(Screen[None]):
    """Standby, then the meeting, cue by cue; blank and too-small views replace it in place."""

    AUTO_FOCUS = None

    def __init__(self, session: Session, lang: str) -> None:
        super().__init__(id="main")
        self.session = session
        self.lang = lang
        # The footer shows the screen's bindings, so they carry the meeting's language.
        self._bindings = BindingsMap(screen_bindings(lang))
        self._started_shown = False
        self._blank: BlankView | None = None
        self._size_notice: SizeNotice | None = None
        self._compact_line: ClockBar | None = None
        self._message: MessageBanner | None = None

    def compose(self) -> ComposeResult:
        yield ClockBar(id="clock-bar")
        with Horizontal(id="body"):
            with Vertical(id="left"):
                yield NowPanel(id="now")
                yield NextLine(id="next", markup=False)
                yield NotesLine(self.lang, id="notes")
            yield RunSheet(id="run-sheet")
        yield StatusLine(self.lang, id="status")
        # The key footer's row; Textual's Footer moves in after the first frame (below).
        yield Widget(id="footer")
        # The blank view and the too-small notice are mounted when first needed.

    def on_mount(self) -> None:
        # Kept, not queried: the 4 Hz refresh must not depend on the DOM (which empties on exit).
        self._now = self.query_one(NowPanel)
        self._clock_bar = self.query_one(ClockBar)
        self._run_sheet = self.query_one(RunSheet)
        self._status = self.query_one(StatusLine)
        self._run_sheet.build(self.session, self.lang)
        self.show_position()
        # GO and back page a long cue first, whoever presses them (keys, palette, remote):
        # the Host asks this screen's pager after its double-press guard.
        host = getattr(self.app, "host", None)
        set_pager = getattr(host, "set_pager", None)
        if callable(set_pager):
            set_pager(self.page)
        self.call_after_refresh(self._mount_footer)

    async def _mount_footer(self) -> None:
        """Textual's key footer, into its row once the first frame is painted: the first cue
        is readable without it (the Footer shows its keys only after a refresh anyway), and
        importing, styling and laying it out were the largest part of the screen before the
        first frame that the host does not read first."""
        from textual.widgets import Footer

        slot = self.query("#footer")
        if not self.is_attached or not slot:
            return  # the screen closed before its first frame was followed by another
        await slot.first().mount(Footer(show_command_palette=False))
        self.refresh_bindings()  # the Footer shows the keys once the bindings are announced

    def on_resize(self, event: events.Resize) -> None:
        self._fit(event.size.width, event.size.height)

    def _fit(self, width: int, height: int) -> None:
        small = width < MIN_WIDTH or height < MIN_HEIGHT
        compact = not small and (width < FULL_WIDTH or height < FULL_HEIGHT)
        if small and self._size_notice is None:
            from podium.tui.widgets.blank_view import SizeNotice

            self._size_notice = SizeNotice(self.lang, id="size-notice")
            self.mount(self._size_notice)
        if compact and self._compact_line is None:
            # The cue first, then one line with the item's time and behind/ahead.
            self._compact_line = ClockBar(id="compact-line", compact=True)
            self.mount(self._compact_line, before=self._status)
        self.set_class(small, "-small")
        self.set_class(compact, "-compact")
        self.set_class(compact and height < ROOMY_COMPACT_HEIGHT, "-tight")
        self.refresh_times()

    @property
    def compact(self) -> bool:
        return self.has_class("-compact")

    # --- what changes on GO, back and jump ---------------------------------------------
    def show_position(self) -> None:
        """The cue changed (or the meeting started or ended): update now, next, notes, sheet."""
        session = self.session
        now = self._now
        item, cue = session.item, session.cue
        if item is None or cue is None:
            meeting = session.plan.agenda.meeting
            note = None
            if session.dated_another_day() and meeting.date is not None:
                note = t("standby.not_today", self.lang, date=meeting.date.isoformat())
            now.show_standby(meeting.title, self.lang, note)
        else:
            now.show_cue(item, cue, self.lang)
        nxt = session.next_cue()
        new_item = nxt is not None and (item is None or nxt[0].index != item.index)
        self.query_one(NextLine).show_next(nxt, new_item, self.lang)
        self.query_one(NotesLine).show_notes(item.notes if item is not None else None)
        just_started = session.started and not self._started_shown
        self._started_shown = session.started
        self._run_sheet.sync(session, self.lang, all_rows=just_started or session.ended)
        self.refresh_times()

    # --- what changes with time (called four times a second) -------------------------
    def refresh_times(self) -> None:
        """Recompute every time shown from the clock now."""
        session = self.session
        if self.has_class("-small") and self._size_notice is not None:
            size = self.size
            self._size_notice.show(size.width, size.height, wall_clock_text(session.clock.now()))
            return
        if self.has_class("-blank") and self._blank is not None:
            self._blank.show_time(wall_clock_text(session.clock.now()))
            return
        if self.compact and self._compact_line is not None:
            self._compact_line.show(session, self.lang)
        else:
            self._clock_bar.show(session, self.lang)
        now = self._now
        if not session.started:
            now.show_standby_countdown(session.until_start_s(), self.lang)
            now.apply_classes(self.compact)
            return
        remaining = session.timer_remaining_s()
        # A speech or break under way means whoever was awaited is here: no hold on those.
        hold = session.hold_s() if remaining is None else None
        if hold is not None:
            now.show_hold_countdown(hold)  # a cue without its own timer: the wait is big
        else:
            now.show_timer(remaining, session.timer_phase(), self.lang, paused=session.paused)
        banner = None
        if hold is not None and session.item is not None:
            fixed = session.fixed_start(session.item.index)
            assert fixed is not None
            at = wall_clock_text(fixed, seconds=False)
            banner = t("hold.banner", self.lang, at=at, t=countdown_text(hold))
        now.show_hold(banner)
        now.apply_classes(self.compact)
        if not self.compact:
            self._run_sheet.refresh_expected(session)

    # --- long cues: GO pages first ---------------------------------------------------------
    def page(self, step: int) -> bool:
        """The pager GO and back ask first: True when the cue's text moved a page (+1 / -1).
        Not while blank or before the first GO (GO then starts the meeting)."""
        if self.blanked or self.has_class("-small"):
            return False  # the text is not on screen: GO advances as it always did
        if not self.session.started or self.session.cue is None:
            return False
        return self._now.page(step)

    # --- views ---------------------------------------------------------------------------
    @property
    def blanked(self) -> bool:
        return self.has_class("-blank")

    def set_blank(self, blank: bool) -> None:
        """Show only the clock (or the meeting again)."""
        if blank and self._blank is None:
            from podium.tui.widgets.blank_view import BlankView

            self._blank = BlankView(id="blank")
            self.mount(self._blank)
        self.set_class(blank, "-blank")
        self.refresh_times()

    def show_message(self, message: Message | None) -> None:
        """The message to the host (None: none), standing out until the host dismisses it."""
        if self._message is None:
            if message is None:
                return
            from podium.tui.widgets.message_banner import MessageBanner

            self._message = MessageBanner(self.lang, id="host-message")
            self.mount(self._message)
        self._message.show_message(message)

    @property
    def status(self) -> StatusLine:
        return self._status
