"""`podium run AGENDA`: check the agenda, open (or resume) the journal, then the podium screen.

Everything that can be refused is refused before the screen opens, on stderr, with the exit
codes of the CLI: an invalid agenda (1, with `validate`'s messages), an unreadable file, a bad
option or a journal that cannot be used (2).
"""

from __future__ import annotations

import argparse
import gc
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from podium.cli import EXIT_INTERRUPTED, EXIT_INVALID, EXIT_OK, UsageError
from podium.i18n import _, ngettext
from podium.language import supported_language


def main(args: argparse.Namespace) -> int:
    """Run the podium screen for `args.agenda`; the exit code."""
    collecting = gc.isenabled()
    try:
        with _startup_without_gc():
            prepared = _prepare(args)
            if isinstance(prepared, int):
                return prepared
            # The collector stays off until the first frame is painted: the app freezes what
            # it built and turns collecting back on when it is ready (`PodiumApp.on_ready`).
            prepared[0].collect_when_ready = collecting
        return _run(*prepared)
    finally:
        gc.unfreeze()  # only matters to a caller that goes on (tests run podium in-process)
        if collecting:
            gc.enable()


@contextmanager
def _startup_without_gc() -> Iterator[None]:
    """Start-up without cyclic garbage collection, then what it built is frozen out of later
    collections: the modules, the agenda and the app live until exit, so collecting among them
    is only time the first frame waits for (and, later, time a GO would wait for). Collecting
    stays off when this ends: the caller turns it back on."""
    gc.disable()
    yield
    gc.freeze()


def _prepare(args: argparse.Namespace) -> int | tuple[Any, Any, Any]:
    """Everything before the screen: the app, its journal writer and its speaker; or
    the exit code when the agenda is invalid."""
    from podium.agenda.diagnostics import AgendaFileError
    from podium.agenda.loader import load_agenda

    if args.guard is not None and not 0 <= args.guard <= 10:
        guard = str(args.guard).removesuffix(".0")
        raise UsageError(
            _("--guard must be between 0 and 10 seconds, not {guard}").format(guard=guard)
        )
    if args.rate is not None:
        from podium.cli.speech import MAX_RATE, MIN_RATE

        if not MIN_RATE <= args.rate <= MAX_RATE:
            raise UsageError(
                _("--rate must be between {low} and {high} words per minute, not {rate}").format(
                    low=MIN_RATE, high=MAX_RATE, rate=args.rate
                )
            )
    if args.ui_lang is not None and supported_language(args.ui_lang) is None:
        raise UsageError(
            _("--ui-lang {lang} is not available (choose en or zh)").format(lang=repr(args.ui_lang))
        )
    try:
        result = load_agenda(args.agenda)
    except AgendaFileError as exc:
        raise UsageError(str(exc)) from None
    if result.agenda is None:
        for diagnostic in result.diagnostics:
            print(diagnostic, file=sys.stderr)
        errors = len(result.errors)
        refused = ngettext(
            "{path} has {n} error; fix it (see `podium validate`) before running it",
            "{path} has {n} errors; fix them (see `podium validate`) before running it",
            errors,
        )
        print(f"podium: {refused.format(path=args.agenda, n=errors)}", file=sys.stderr)
        return EXIT_INVALID
    agenda = result.agenda

    remote = None
    if args.serve or args.osc or args.osc_allow:
        from podium.cli import remote as remote_cli

        remote = remote_cli.bind(args)  # a port in use is refused before anything is written

    from podium.engine.clock import SystemClock

    clock = SystemClock()
    opened = _open_session(args, agenda, clock)
    session, writer = opened.session, opened.writer
    notice = opened.start.with_agenda_warnings(len(result.warnings))
    speaker, relay = _speaker(args, agenda)

    from podium.tui.app import make_app

    app = make_app(
        agenda,
        clock=clock,
        session=session,
        journal=writer,
        rehearsal=args.rehearse,
        ui_lang=args.ui_lang,
        speaker=speaker,
        guard_s=args.guard,
        notice=notice,
    )
    app.exit_on_signals = True
    if remote is not None:
        remote_cli.attach(remote, app)
    _exit_at_once_on_hangup(speaker)
    if relay is not None:
        relay.attach(app)
    return app, writer, speaker


def _run(app: Any, writer: Any, speaker: Any) -> int:
    """Run the screen until the meeting ends or the host quits; the exit code."""
    try:
        remote = getattr(app, "remote", None)
        if remote is None:
            code = app.run()
        else:
            from podium.cli import remote as remote_cli

            code = remote_cli.run_app(app, remote)
    finally:
        app.host.close()  # the host owns the journal and closes it once (a no-op if it did)
        if speaker is not None:
            speaker.close()
    if app.return_code == EXIT_INTERRUPTED or code == EXIT_INTERRUPTED:
        from podium.engine.journal import shown

        kept = _("interrupted; the journal {path} keeps everything").format(path=shown(writer.path))
        print(f"podium: {kept}", file=sys.stderr)
        return EXIT_INTERRUPTED
    return EXIT_OK if app.return_code in (None, 0) else int(app.return_code)


def _exit_at_once_on_hangup(speaker: Any) -> None:
    """A closed terminal ends podium at once, without a shutdown that talks to the terminal.

    On hangup the kernel sends SIGHUP and then SIGCONT. Textual's SIGCONT handler restarts its
    output writer, whose first write to the dead terminal fails; its full queue then blocks
    the shutdown forever (seen about once in ten closes). A plain handler runs before that
    (Python handles pending signals in number order) and can interrupt a blocked lock wait.
    Every event is already on disk (the journal fsyncs each one); the player and the speech
    renderer are killed without locks, so there is nothing left to save or restore.
    """
    import os
    import signal

    def hangup(signum: int, frame: object) -> None:
        abandon = getattr(speaker, "abandon", None)
        if callable(abandon):
            abandon()
        os._exit(EXIT_INTERRUPTED)

    signal.signal(signal.SIGHUP, hangup)


def _open_session(args: argparse.Namespace, agenda: Any, clock: Any) -> Any:
    """The journal to write and the session it continues (`podium.engine.resume`); a journal
    that cannot be used is a usage error (exit 2)."""
    from podium.engine.journal import JournalError
    from podium.engine.resume import open_for_run

    try:
        return open_for_run(
            agenda,
            clock,
            resume=args.resume,
            fresh=args.fresh,
            journal=args.journal,
            rehearsal=args.rehearse,
            guard_s=args.guard,
        )
    except JournalError as exc:
        raise UsageError(str(exc)) from None


def _speaker(args: argparse.Namespace, agenda: Any) -> tuple[Any, Any]:
    """The reading voice and the relay of its state to the screen. With --tts it starts now,
    before the screen opens; without, nothing of it is loaded until the first `t`."""
    from podium.tui.tts_link import LazySpeaker, TtsStateRelay

    relay = TtsStateRelay()

    def make() -> Any:
        from podium.tts import Speaker

        return Speaker(
            language=agenda.meeting.language,
            voice=args.voice or agenda.meeting.voice,
            rate=args.rate or 200,
            on_state=relay,
        )

    language = agenda.meeting.language
    if not args.tts:
        return LazySpeaker(make, language), relay
    try:
        speaker = make()
    except ImportError:
        lazy = LazySpeaker(make, language)
        lazy.start()  # fails again, keeping the reason for the status line
        return lazy, relay
    speaker.start()
    speaker.enable(True)
    return speaker, relay
