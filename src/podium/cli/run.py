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
from pathlib import Path
from typing import Any

from podium.cli import EXIT_INTERRUPTED, EXIT_INVALID, EXIT_OK, UsageError
from podium.language import supported_language


def main(args: argparse.Namespace) -> int:
    """Run the podium screen for `args.agenda`; the exit code."""
    try:
        with _startup_without_gc():
            prepared = _prepare(args)
        if isinstance(prepared, int):
            return prepared
        return _run(*prepared)
    finally:
        gc.unfreeze()  # only matters to a caller that goes on (tests run podium in-process)


@contextmanager
def _startup_without_gc() -> Iterator[None]:
    """Start-up without cyclic garbage collection, then what it built is frozen out of later
    collections: the modules, the agenda and the app live until exit, so collecting among them
    is only time the first frame waits for (and, later, time a GO would wait for)."""
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
        gc.freeze()
    finally:
        if collecting:
            gc.enable()


def _prepare(args: argparse.Namespace) -> int | tuple[Any, Any, Any]:
    """Everything before the screen: the app, its journal writer and its speaker; or
    the exit code when the agenda is invalid."""
    from podium.agenda.diagnostics import AgendaFileError
    from podium.agenda.loader import load_agenda

    if args.guard is not None and not 0 <= args.guard <= 10:
        raise UsageError(f"--guard must be between 0 and 10 seconds, not {args.guard:g}")
    if args.rate is not None and not 20 <= args.rate <= 1000:
        raise UsageError(f"--rate must be between 20 and 1000 words per minute, not {args.rate}")
    if args.ui_lang is not None and supported_language(args.ui_lang) is None:
        raise UsageError(f"--ui-lang {args.ui_lang!r} is not available (choose en or zh)")
    try:
        result = load_agenda(args.agenda)
    except AgendaFileError as exc:
        raise UsageError(str(exc)) from None
    if result.agenda is None:
        for diagnostic in result.diagnostics:
            print(diagnostic, file=sys.stderr)
        errors = len(result.errors)
        print(
            f"podium: {args.agenda} has {errors} error{'s' if errors != 1 else ''}; "
            "fix it (see `podium validate`) before running it",
            file=sys.stderr,
        )
        return EXIT_INVALID
    agenda = result.agenda

    remote = None
    if args.serve or args.osc or args.osc_allow:
        from podium.cli import remote as remote_cli

        remote = remote_cli.bind(args)  # a port in use is refused before anything is written

    from podium.engine.clock import SystemClock

    clock = SystemClock()
    session, writer, notice = _open_session(args, agenda, clock)
    if result.warnings:
        from podium.tui.i18n import t, ui_language

        lang = ui_language(args.ui_lang or agenda.meeting.language)
        warned = t("status.agenda_warnings", lang, n=len(result.warnings))
        notice = f"{notice} · {warned}" if notice else warned
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
        print(f"podium: interrupted; the journal {writer.path} keeps everything", file=sys.stderr)
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


def _open_session(args: argparse.Namespace, agenda: Any, clock: Any) -> tuple[Any, Any, str | None]:
    """(session or None for a new one, the journal writer, a notice for the status line)."""
    from podium.agenda.plan import make_plan
    from podium.engine.journal import (
        JournalError,
        JournalWriter,
        default_journal_path,
        find_unfinished,
        read_journal,
    )

    resume_path: Path | None = None
    if args.resume:
        resume_path = Path(args.journal) if args.journal else find_unfinished(agenda.path)
        if resume_path is None:
            raise UsageError(
                f"there is no unfinished session of {args.agenda} to resume; "
                "start a new one with --fresh"
            )
    elif not args.fresh:
        candidate = _unfinished_candidate(args, agenda)
        if candidate is not None and _ask_resume(candidate):
            resume_path = candidate

    if resume_path is None:
        path = (
            Path(args.journal) if args.journal else default_journal_path(agenda.path, clock.now())
        )
        try:
            writer = JournalWriter.create(path, agenda, rehearsal=args.rehearse, now=clock.now())
        except JournalError as exc:
            raise UsageError(str(exc)) from None
        return None, writer, None

    from podium.engine.restore import restore_session

    try:
        journal_file = read_journal(resume_path)
    except JournalError as exc:
        raise UsageError(str(exc)) from None
    if journal_file.finished:
        raise UsageError(
            f"the session in {resume_path} has ended; there is nothing to resume (use --fresh)"
        )
    for warning in journal_file.warnings:
        print(warning, file=sys.stderr)
    try:
        writer = JournalWriter.append_to(resume_path)
    except JournalError as exc:
        raise UsageError(str(exc)) from None
    restored = restore_session(
        make_plan(agenda), clock, journal_file, guard_s=args.guard, journal=writer
    )
    for change in restored.changes:
        print(f"podium: the agenda changed since the session began: {change}", file=sys.stderr)
    started = journal_file.header.started_at
    when = started.strftime("%H:%M") if started else "?"
    from podium.tui.i18n import t, ui_language

    lang = ui_language(args.ui_lang or agenda.meeting.language)
    notice = t("status.resumed", lang, t=when)
    if restored.changes:
        notice += " · " + t("status.agenda_changed", lang, changes="; ".join(restored.changes))
    return restored.session, writer, notice


def _unfinished_candidate(args: argparse.Namespace, agenda: Any) -> Path | None:
    """Without --resume/--fresh: the unfinished journal a new run might be meant to continue."""
    from podium.engine.journal import JournalError, find_unfinished, read_journal

    if args.journal:
        path = Path(args.journal)
        if not path.is_file() or path.stat().st_size == 0:
            return None
        try:
            return None if read_journal(path).finished else path
        except JournalError:
            return None  # JournalWriter.create refuses it with the reason
    return find_unfinished(agenda.path)


def _ask_resume(path: Path) -> bool:
    """Ask on the terminal whether to resume `path` (True) or start afresh (False)."""
    from podium.engine.journal import JournalError, read_journal

    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise UsageError(
            f"an unfinished session of this agenda exists ({path}); "
            "use --resume to continue it or --fresh to start a new one"
        )
    try:
        started = read_journal(path).header.started_at
    except JournalError:
        started = None
    when = started.strftime("%H:%M") if started else "?"
    while True:
        try:
            answer = input(f"Resume the unfinished session of {when}? [R]esume / [f]resh: ")
        except EOFError:
            raise UsageError("no answer; use --resume or --fresh") from None
        answer = answer.strip().lower()
        if answer in ("", "r", "resume"):
            return True
        if answer in ("f", "fresh"):
            return False


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

    if not args.tts:
        return LazySpeaker(make), relay
    try:
        speaker = make()
    except ImportError:
        lazy = LazySpeaker(make)
        lazy.start()  # fails again, keeping the reason for the status line
        return lazy, relay
    speaker.start()
    speaker.enable(True)
    return speaker, relay
