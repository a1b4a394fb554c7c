"""The podium app: the main screen as a front-end of the meeting's `Host`.

`make_app` builds it for `podium run` and for the tests alike, so tests run what users run.
"""

from __future__ import annotations

import asyncio
import gc
import signal
from typing import Any, ClassVar

from textual.app import App
from textual.binding import BindingType
from textual.timer import Timer

from podium.agenda.model import Agenda
from podium.agenda.plan import make_plan
from podium.engine.clock import Clock, SystemClock
from podium.engine.resume import StartNotice
from podium.engine.session import Outcome, Session
from podium.engine.timefmt import rounded_text
from podium.host import COMMANDS as HOST_COMMANDS
from podium.host import KEY, Change, Host, Result, SpeakerLike, tts_status
from podium.tui.commands import app_bindings, command
from podium.tui.i18n import t, ui_language
from podium.tui.palette import PodiumCommands
from podium.tui.screens.main import MainScreen
from podium.tui.time_text import wall_clock_text
from podium.tui.tts_link import TtsStateChanged

REFRESH_HZ = 4
NOTICE_S = 1.5
EXIT_INTERRUPTED = 130

_NOTICES = {
    Outcome.IGNORED_GUARD: "status.ignored",
    Outcome.AT_START: "status.at_start",
    Outcome.NOT_STARTED: "status.not_started",
}
"""Outcomes the status line says briefly (the others show in what the screen shows)."""


class PodiumApp(App[int]):
    """The podium screen: a front-end of one `Host`. Every command goes through the host;
    the screen repaints on the host's change events (the 4 Hz tick is for time only)."""

    CSS_PATH = "podium.tcss"
    TITLE = "podium"
    COMMANDS: ClassVar[set[Any]] = {PodiumCommands}
    BINDINGS: ClassVar[list[BindingType]] = [*app_bindings()]
    """Ctrl+Q and Ctrl+C from the command table: they replace Textual's own (quit at once,
    copy) and ask first, on every screen."""

    def __init__(self, host: Host, *, lang: str, notice: str | None = None) -> None:
        super().__init__()
        self.host = host
        self.lang = lang
        self.exit_on_signals = False
        """`podium run` sets this: SIGTERM and SIGINT end the app cleanly (exit 130).
        A hangup (SIGHUP) is `podium run`'s own: the terminal is gone, so it exits at once."""
        self._start_notice = notice
        self.remote: Any = None
        """`podium run --serve/--osc` sets this: the remote server (podium.remote.server)."""
        self._main: MainScreen | None = None
        self._notice_timer: Timer | None = None
        self._notice_text = ""
        self._notice_until = 0.0
        self._sticky_notice = False
        self._quit_asked = False
        self._finishing = False
        self._end_screen: Any = None
        self._shown: tuple[object, ...] | None = None
        self.collect_when_ready = False
        """`podium run` starts with the cyclic collector off; True: turn it on once ready."""
        self._unsubscribe = host.subscribe(self._on_change)
        # Rendering upcoming cues waits for the repaint: it must not delay the new cue.
        host.set_defer(self.call_after_refresh)

    @property
    def session(self) -> Session:
        return self.host.session

    @property
    def speaker(self) -> SpeakerLike | None:
        return self.host.speaker

    @property
    def journal(self) -> Any:
        return self.host.journal

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
        if self.collect_when_ready:
            gc.enable()

    def on_unmount(self) -> None:
        gc.unfreeze()  # for callers that go on, e.g. tests running many apps in one process
        self._unsubscribe()
        self.host.close()

    def _tick(self) -> None:
        if self._main is not None and self._main.is_mounted:
            self._main.refresh_times()
            self.host.check_journal()
            self._show_journal()
            if self.speaker is not None:
                # The speaker's callbacks make changes show at once; reading its state here
                # too means a change reported before the app ran is never missed.
                self._update_tts_status()
            if self.remote is not None:
                self._show_remote()

    @property
    def main(self) -> MainScreen:
        assert self._main is not None
        return self._main

    # --- the command table --------------------------------------------------------------
    def run_command(self, id: str, via: str = KEY, **args: Any) -> Result | None:
        """Run a command by id: the host's commands through the host (its Result), the
        screen's own (help, quit, the jump dialog) here (None)."""
        if id in HOST_COMMANDS and not (id == "jump" and not args):
            return self.host.run(id, via=via, **args)
        getattr(self, f"action_{command(id).action}")()
        return None

    def action_nothing(self) -> None:
        """F5 and friends: deliberately harmless."""

    def action_go(self) -> None:
        self.host.run("go")

    def action_go_back(self) -> None:
        self.host.run("back")

    def action_pause(self) -> None:
        self.host.run("pause")

    def action_plus_minute(self) -> None:
        self.host.run("plus-minute")

    def action_minus_minute(self) -> None:
        self.host.run("minus-minute")

    def action_tts_toggle(self) -> None:
        self.host.run("tts-toggle")

    def action_tts_repeat(self) -> None:
        self.host.run("tts-repeat")

    def action_tts_stop(self) -> None:
        self.host.run("tts-stop")

    def action_blank(self) -> None:
        self.host.run("blank")

    def action_dismiss_message(self) -> None:
        self.host.run("message-clear", to="host")

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

    def jump_to(self, item_index: int, via: str = KEY) -> Result:
        """Show the first cue of an item (by its index; the host takes its id)."""
        return self.host.run("jump", via=via, item=self.session.items[item_index].id)

    def action_help(self) -> None:
        from podium.tui.screens.help import HelpScreen

        extra = None
        if self.remote is not None:
            from podium.tui.remote_panel import help_panel

            extra = help_panel(self.remote, self.lang)
        self.push_screen(HelpScreen(self.lang, extra=extra))

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

    def keys_of(self, command_id: str) -> tuple[str, ...]:
        """The keys that run a command on the main screen now (after any keymap)."""
        bindings = self.main._bindings.copy()
        if self._keymap:
            bindings.apply_keymap(self._keymap)
        return tuple(
            key
            for key, found in bindings.key_to_bindings.items()
            if any(b.id == command_id for b in found)
        )

    # --- painting what the host says ----------------------------------------------------
    def _on_change(self, change: Change) -> None:
        """The host changed (or refused something): paint it."""
        if self._main is None or not self._main.is_mounted:
            return
        main = self._main
        session = self.session
        if main.blanked != self.host.blank:
            main.set_blank(self.host.blank)
        shown = (session.position, session.started, session.ended)
        if shown != self._shown:
            self._shown = shown
            main.show_position()
            if self._sticky_notice:
                self._sticky_notice = False
                self._update_status(notice="")
        else:
            main.refresh_times()
        main.show_message(self.host.messages["host"])
        self._show_journal()
        if change.command in ("tts-toggle", "tts-stop", "tts-repeat"):
            self._update_tts_status()
        notice = _NOTICES.get(Outcome(change.outcome)) if change.outcome else None
        if notice is not None:
            self._notice(t(notice, self.lang))
        elif change.command is not None and change.via not in (None, KEY, "palette"):
            self._remote_notice(change.command, change.via)
        self._show_end_question()
        if session.ended and not self._finishing and self._end_screen is None:
            self._finish()

    def _show_remote(self) -> None:
        """The remote part of the status line: viewers, or why the remote views are down."""
        from podium.tui.remote_panel import status_text

        text, down = status_text(self.remote, self.lang)
        self._update_status(remote=text, remote_down=down)

    def _remote_notice(self, command: str, via: str | None) -> None:
        """Name a remote command and where it came from on the status line, briefly (only a
        podium that serves gets remote commands, so this never loads for a plain run)."""
        from podium.tui.remote_panel import ACTIVITY_S, label

        self._notice(label("activity", self.lang, command=command, via=via), seconds=ACTIVITY_S)

    def _show_end_question(self) -> None:
        """Paint the host's end question: open while it is pending, gone once answered."""
        pending = self.host.end_pending and not self.session.ended
        if pending and self._end_screen is None:
            from podium.tui.screens.confirm import EndQuestion

            self._end_screen = EndQuestion(
                t("confirm.end", self.lang), self.lang, self.run_command, self.keys_of("go")
            )
            self.push_screen(self._end_screen, self._end_question_closed)
        elif not pending and self._end_screen is not None:
            self._end_screen.dismiss(self.session.ended)

    def _end_question_closed(self, ended: bool | None) -> None:
        """The end question is off the screen: the summary follows if the meeting ended."""
        self._end_screen = None
        if self.session.ended and not self._finishing:
            self._finish()

    def _show_journal(self) -> None:
        """Show the journal's health (only when the host has a journal)."""
        if self.host.journal is None or self._main is None or not self._main.is_mounted:
            return
        said = self.host.journal.take_notice()  # the journal file was written again
        if said:
            from podium.i18n import in_language

            self._notice(in_language(said, self.lang), seconds=None)
        error = self.host.journal_error
        state = self.main.status.state
        if state is None or state.journal_error != error:
            self._update_status(journal_error=error)

    # --- ending ------------------------------------------------------------------------
    def _finish(self) -> None:
        """The meeting ended (summary, then exit) or the host quit (summary in rehearsal)."""
        self._finishing = True
        if self.speaker is not None:
            self.speaker.stop()
        if not (self.session.ended or self.session.rehearsal) or not self.session.started:
            self.exit(0)
            return
        self.main.show_position()
        from podium.agenda.plan import planned_total
        from podium.tui.screens.summary import SummaryScreen

        rows = [(r.item.title, r.planned_s, r.actual_s) for r in self.session.summary()]
        screen = SummaryScreen(
            rows,
            summary_hints(self.host, self.lang),
            self.lang,
            self.session.rehearsal,
            planned=planned_total(self.session.plan),
            guard_s=self.host.guard_s,
            monotonic=self.session.clock.monotonic,
        )
        self.push_screen(screen, lambda _: self.exit(0))

    # --- the speaker's state and the status line ----------------------------------------
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
        """Show a notice on the status line: brief, or (`seconds=None`) until the cue changes.

        The same brief notice again while it is shown (a remote control sending the same
        command many times a second) only moves its end: no timer stopped and made anew."""
        self._update_status(notice=text)
        self._sticky_notice = seconds is None
        if seconds is not None and self._notice_timer is not None and text == self._notice_text:
            self._notice_until = asyncio.get_running_loop().time() + seconds
            return
        if self._notice_timer is not None:
            self._notice_timer.stop()
            self._notice_timer = None
        self._notice_text = text
        if seconds is not None:
            self._notice_until = asyncio.get_running_loop().time() + seconds
            self._notice_timer = self.set_timer(seconds, self._notice_ended)

    def _notice_ended(self) -> None:
        """A brief notice's time is up (or, repeated since, later: wait for that)."""
        left = self._notice_until - asyncio.get_running_loop().time()
        if left > 0.05:
            self._notice_timer = self.set_timer(left, self._notice_ended)
            return
        self._notice_timer = None
        self._notice_text = ""
        self._update_status(notice="")


def summary_hints(host: Host, lang: str) -> list[str]:
    """The host's summary hints (items that ran clearly long or short), in `lang`."""
    return [
        t(f"hint.{hint.kind}", lang, title=hint.title, t=rounded_text(hint.delta_s))
        for hint in host.summary_hints()
    ]


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
    notice: str | StartNotice | None = None,
) -> PodiumApp:
    """The podium app for an agenda: a new session (or a restored one), labels in the meeting's
    language unless `ui_lang` says otherwise. `notice`: what the screen opens with (a
    `StartNotice` from choosing the journal is worded here, in the screen's language)."""
    if session is None:
        session = Session(
            make_plan(agenda),
            clock or SystemClock(),
            rehearsal=rehearsal,
            guard_s=guard_s,
        )
    host = Host(session, journal=journal, speaker=speaker, guard_s=guard_s)
    lang = ui_language(ui_lang or agenda.meeting.language)
    if isinstance(notice, StartNotice):
        from podium.tui.start_notice import start_notice_text

        notice = start_notice_text(notice, lang)
    return PodiumApp(host, lang=lang, notice=notice)
