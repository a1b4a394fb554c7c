"""The podium app: runs a session on the main screen, one action per command of the table.

`make_app` builds it for `podium run` and for the tests alike, so tests run what users run.
"""

from __future__ import annotations

import asyncio
import gc
import signal
from collections.abc import Callable
from typing import Any, ClassVar

from textual.app import App
from textual.binding import Binding, BindingType
from textual.timer import Timer

from podium.agenda.model import Agenda
from podium.agenda.plan import make_plan
from podium.engine.clock import Clock, SystemClock
from podium.engine.session import Outcome, Session
from podium.engine.timefmt import rounded_text
from podium.tui.commands import GO_KEYS, command
from podium.tui.i18n import t, ui_language
from podium.tui.palette import PodiumCommands
from podium.tui.screens.main import MainScreen
from podium.tui.time_text import wall_clock_text
from podium.tui.tts_link import SpeakerLike, TtsStateChanged, tts_status

REFRESH_HZ = 4
NOTICE_S = 1.5
PREFETCH_CUES = 3
EXIT_INTERRUPTED = 130


class PodiumApp(App[int]):
    """The podium screen for one session."""

    CSS_PATH = "podium.tcss"
    TITLE = "podium"
    COMMANDS: ClassVar[set[Any]] = {PodiumCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        # Replace Textual's own ctrl+q (quit at once) and ctrl+c (copy / "press ctrl+q"):
        # here both ask first, on every screen.
        Binding("ctrl+q", "quit_request", show=False, priority=True),
        Binding("ctrl+c", "quit_request", show=False, priority=True),
    ]

    def __init__(
        self,
        session: Session,
        *,
        lang: str,
        journal: object | None = None,
        speaker: SpeakerLike | None = None,
        guard_s: float = 0.4,
        notice: str | None = None,
    ) -> None:
        super().__init__()
        self.session = session
        self.lang = lang
        if session.journal is not None and not hasattr(session.journal, "error"):
            session.journal = ShieldedJournal(session.journal)
        self.journal = session.journal if session.journal is not None else journal
        self.speaker = speaker
        self.guard_s = guard_s
        self.exit_on_signals = False
        """`podium run` sets this: SIGTERM and SIGINT end the app cleanly (exit 130).
        A hangup (SIGHUP) is `podium run`'s own: the terminal is gone, so it exits at once."""
        self._start_notice = notice
        self._main: MainScreen | None = None
        self._notice_timer: Timer | None = None
        self._sticky_notice = False
        self._unblank_press: float | None = None
        self._quit_asked = False
        self._finishing = False
        self._prefetch_due = False

    # --- life cycle --------------------------------------------------------------------
    def get_default_screen(self) -> MainScreen:
        """The main screen is the app's first screen (no blank default screen to replace)."""
        self._main = MainScreen(self.session, self.lang)
        return self._main

    def on_mount(self) -> None:
        self._update_status(rehearsal=self.session.rehearsal)
        self._update_tts_status()
        if self._start_notice:
            self._notice(self._start_notice, seconds=None)
        self.set_interval(1 / REFRESH_HZ, self._tick)
        if self.exit_on_signals:
            loop = asyncio.get_running_loop()
            for sig in (signal.SIGTERM, signal.SIGINT):
                loop.add_signal_handler(sig, self._on_signal)

    def _on_signal(self) -> None:
        self.exit(EXIT_INTERRUPTED)

    def on_ready(self) -> None:
        # What the first frame built (widgets, styles, the agenda) lives until exit: freeze it
        # out of the cyclic collector, whose full collections otherwise scan it all and made
        # the slowest GOs wait ~30 ms.
        gc.freeze()

    def on_unmount(self) -> None:
        gc.unfreeze()  # for callers that go on, e.g. tests running many apps in one process
        if self.speaker is not None:
            self.speaker.stop()
        close = getattr(self.journal, "close", None)
        if callable(close):
            close()

    def _tick(self) -> None:
        if self._main is not None and self._main.is_mounted:
            self._main.refresh_times()
            self._check_journal()
            if self.speaker is not None:
                # The speaker's callbacks make changes show at once; reading its state here
                # too means a change reported before the app ran is never missed.
                self._update_tts_status()

    @property
    def main(self) -> MainScreen:
        assert self._main is not None
        return self._main

    # --- the command table --------------------------------------------------------------
    def run_command(self, id: str) -> None:
        """Run a command of the table by id (the palette, and remote control later)."""
        getattr(self, f"action_{command(id).action}")()

    def action_nothing(self) -> None:
        """F5 and friends: deliberately harmless."""

    def action_go(self) -> None:
        if self.main.blanked:
            # GO returns from blank without advancing; its press still counts for the guard.
            self._unblank_press = self.session.clock.monotonic()
            self.main.set_blank(False)
            return
        if self._unblank_press is not None:
            now = self.session.clock.monotonic()
            if now - self._unblank_press < self.guard_s:
                self._unblank_press = now  # ignored or not, a press counts for the next one
                self._notice(t("status.ignored", self.lang))
                return
            self._unblank_press = None
        outcome = self._journaled(self.session.go)
        if outcome is Outcome.IGNORED_GUARD:
            self._notice(t("status.ignored", self.lang))
        elif outcome is Outcome.AT_END:
            self._ask_end()
        elif outcome is Outcome.DONE:
            self._cue_changed()

    def action_go_back(self) -> None:
        if self.main.blanked:
            self.main.set_blank(False)
            return
        outcome = self._journaled(self.session.back)
        if outcome is Outcome.DONE:
            self._cue_changed()
        elif outcome is Outcome.AT_START:
            self._notice(t("status.at_start", self.lang))

    def action_jump(self) -> None:
        if not self.session.started:
            self._notice(t("status.not_started", self.lang))
            return
        from podium.tui.screens.jump import JumpScreen

        items = []
        for item in self.session.items:
            if item.cues:
                start = self.session.planned_start(item.index)
                when = wall_clock_text(start, seconds=False) if start is not None else ""
                items.append((item.index, item.title, when, item.id))
        current = self.session.position.item if self.session.position else None

        def picked(index: int | None) -> None:
            if index is not None:
                self.jump_to(index)

        self.push_screen(JumpScreen(items, self.lang, current=current), picked)

    def jump_to(self, item_index: int) -> None:
        """Show the first cue of an item."""
        if self.main.blanked:
            self.main.set_blank(False)
        outcome = self._journaled(lambda: self.session.jump(item_index))
        if outcome is Outcome.DONE:
            self._cue_changed()
        elif outcome is Outcome.NOT_STARTED:
            self._notice(t("status.not_started", self.lang))

    def action_pause(self) -> None:
        outcome = self._journaled(self.session.toggle_pause)
        if outcome is Outcome.NOT_STARTED:
            self._notice(t("status.not_started", self.lang))
        self.main.refresh_times()

    def action_plus_minute(self) -> None:
        self._adjust(60)

    def action_minus_minute(self) -> None:
        self._adjust(-60)

    def _adjust(self, delta_s: int) -> None:
        outcome = self._journaled(lambda: self.session.adjust(delta_s))
        if outcome is Outcome.NOT_STARTED:
            self._notice(t("status.not_started", self.lang))
        self.main.refresh_times()

    def action_tts_toggle(self) -> None:
        if self.speaker is None:
            return
        on = not self.speaker.enabled
        if on:
            self.speaker.start()  # idempotent: without --tts the voice starts on the first `t`
        self.speaker.enable(on)
        self._update_tts_status()

    def action_tts_repeat(self) -> None:
        cue = self.session.cue
        if self.speaker is not None and self.speaker.enabled and cue is not None:
            self.speaker.say(cue.spoken)

    def action_tts_stop(self) -> None:
        if self.speaker is not None:
            self.speaker.stop()

    def action_blank(self) -> None:
        self.main.set_blank(not self.main.blanked)

    def action_help(self) -> None:
        from podium.tui.screens.help import HelpScreen

        self.push_screen(HelpScreen(self.lang))

    def action_quit_request(self) -> None:
        from podium.tui.screens.confirm import ConfirmScreen

        if self._quit_asked and isinstance(self.screen, ConfirmScreen):
            self.screen.dismiss(False)  # the question is open: any key but yes cancels it
            return
        if self._quit_asked or self._finishing:
            return
        self._quit_asked = True

        def answered(yes: bool | None) -> None:
            self._quit_asked = False
            if yes:
                self._finish()

        self.push_screen(ConfirmScreen(t("confirm.quit", self.lang), self.lang), answered)

    # --- ending ------------------------------------------------------------------------
    def _ask_end(self) -> None:
        from podium.tui.screens.confirm import ConfirmScreen

        def answered(yes: bool | None) -> None:
            if yes:
                self._journaled(self.session.end)
                self._finish()

        self.push_screen(
            ConfirmScreen(
                t("confirm.end", self.lang),
                self.lang,
                GO_KEYS,
                guard_s=self.guard_s,
                monotonic=self.session.clock.monotonic,
            ),
            answered,
        )

    def _finish(self) -> None:
        """The meeting ended (summary, then exit) or the host quit (summary in rehearsal)."""
        self._finishing = True
        if self.speaker is not None:
            self.speaker.stop()
        if not (self.session.ended or self.session.rehearsal) or not self.session.started:
            self.exit(0)
            return
        self.main.show_position()
        from podium.tui.screens.summary import SummaryScreen

        rows = [(r.item.title, r.planned_s, r.actual_s) for r in self.session.summary()]
        screen = SummaryScreen(
            rows,
            summary_hints(self.session, self.lang),
            self.lang,
            self.session.rehearsal,
            guard_s=self.guard_s,
            monotonic=self.session.clock.monotonic,
        )
        self.push_screen(screen, lambda _: self.exit(0))

    # --- keeping the screen and the speaker in step -------------------------------------
    def _cue_changed(self) -> None:
        self.main.show_position()
        if self._sticky_notice:
            self._sticky_notice = False
            self._update_status(notice="")
        speaker = self.speaker
        if speaker is None or not speaker.enabled:
            return
        cue = self.session.cue
        speaker.say(cue.spoken if cue is not None else "")
        if not self._prefetch_due:
            # After the repaint: queueing renders must not delay the new cue on screen.
            self._prefetch_due = True
            self.call_after_refresh(self._prefetch)

    def _prefetch(self) -> None:
        """Render the next few cues ahead of time (those after the cue shown now)."""
        self._prefetch_due = False
        speaker = self.speaker
        if speaker is not None and speaker.enabled:
            speaker.prefetch(self._upcoming_spoken())

    def _upcoming_spoken(self) -> list[str]:
        """The spoken texts of the next few cues, to render ahead of time."""
        session = self.session
        texts: list[str] = []
        pos = session.position
        if pos is None:
            return texts
        for item in session.items[pos.item :]:
            first = pos.cue + 1 if item.index == pos.item else 0
            for cue in item.cues[first:]:
                if cue.spoken:
                    texts.append(cue.spoken)
                if len(texts) >= PREFETCH_CUES:
                    return texts
        return texts

    def _journaled(self, action: Callable[[], Outcome]) -> Outcome:
        """Run a session action, then show the journal's health."""
        outcome = action()
        self._check_journal()
        return outcome

    def _check_journal(self) -> None:
        """Show the journal's health (a `JournalWriter` keeps its last write error)."""
        error = getattr(self.journal, "error", None)
        if self._main is None or not self._main.is_mounted:
            return
        state = self.main.status.state
        if state is None or state.journal_error != error:
            self._update_status(journal_error=error)

    def on_tts_state_changed(self, message: TtsStateChanged) -> None:
        self._update_tts_status(message.state, message.reason)

    def _update_tts_status(self, state: Any = None, reason: str | None = None) -> None:
        speaker = self.speaker
        if speaker is None:
            self._update_status(tts="off", tts_reason="")
            return
        if state is None:
            state, reason = speaker.state, speaker.reason
        self._update_status(tts=tts_status(speaker.enabled, state), tts_reason=reason or "")

    def _update_status(self, **fields: Any) -> None:
        if self._main is not None and self._main.is_mounted:
            self._main.status.change(**fields)
        else:
            self.call_after_refresh(self._update_status, **fields)

    def _notice(self, text: str, seconds: float | None = NOTICE_S) -> None:
        """Show a notice on the status line: brief, or (`seconds=None`) until the cue changes."""
        self._update_status(notice=text)
        self._sticky_notice = seconds is None
        if self._notice_timer is not None:
            self._notice_timer.stop()
            self._notice_timer = None
        if seconds is not None:
            self._notice_timer = self.set_timer(seconds, lambda: self._update_status(notice=""))


class ShieldedJournal:
    """A journal sink that never raises: the meeting goes on when the disk fails, and the
    status line says loudly that the journal is not being written (as `JournalWriter` does)."""

    def __init__(self, sink: Any) -> None:
        self.sink = sink
        self.error: str | None = None

    def record(self, event: str, **fields: Any) -> None:
        try:
            self.sink.record(event, **fields)
        except OSError as exc:
            self.error = (exc.strerror or str(exc)).lower()
        else:
            self.error = None

    def close(self) -> None:
        close = getattr(self.sink, "close", None)
        if callable(close):
            close()


def summary_hints(session: Session, lang: str) -> list[str]:
    """What to change: items that ran clearly long or short of their plan (by the same
    threshold as `podium report`'s hints, in the screen's language)."""
    from podium.engine.report import off_plan_threshold_s

    hints = []
    for row in session.summary():
        if row.delta_s is None:
            continue
        threshold = off_plan_threshold_s(row.planned_s)
        if row.delta_s >= threshold:
            hints.append(t("hint.long", lang, title=row.item.title, t=rounded_text(row.delta_s)))
        elif -row.delta_s >= threshold:
            hints.append(t("hint.short", lang, title=row.item.title, t=rounded_text(-row.delta_s)))
    return hints


def make_app(
    agenda: Agenda,
    *,
    clock: Clock | None = None,
    session: Session | None = None,
    journal: object | None = None,
    rehearsal: bool = False,
    ui_lang: str | None = None,
    speaker: SpeakerLike | None = None,
    guard_s: float = 0.4,
    notice: str | None = None,
) -> PodiumApp:
    """The podium app for an agenda: a new session (or a restored one), labels in the meeting's
    language unless `ui_lang` says otherwise."""
    if session is None:
        session = Session(
            make_plan(agenda),
            clock or SystemClock(),
            rehearsal=rehearsal,
            guard_s=guard_s,
            journal=journal,  # type: ignore[arg-type]
        )
    lang = ui_language(ui_lang or agenda.meeting.language)
    return PodiumApp(
        session, lang=lang, journal=journal, speaker=speaker, guard_s=guard_s, notice=notice
    )
