"""Choosing the journal of a `podium run`: a new one, or the unfinished session to continue,
and the question asked when both are possible.

Everything here runs before the screen opens and imports no textual. A journal that cannot
be used raises a `JournalError` whose message is one sentence for the user (the CLI prints it
and exits 2). What the screen should say at start (resumed, what changed in the agenda, lines
of the journal that were skipped) comes back as a `StartNotice`, in data: the screen words it
in its own language.
"""

from __future__ import annotations

import datetime as dt
import sys
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from podium.agenda.model import Agenda
from podium.engine.clock import Clock
from podium.engine.journal import (
    JournalBusyError,
    JournalError,
    JournalExistsError,
    JournalFile,
    JournalReadError,
    JournalWriter,
    default_journal_path,
    find_unfinished,
    in_use,
    read_journal,
    same_agenda,
    shown,
)
from podium.engine.session import Session
from podium.i18n import _

Ask = Callable[[Path, dt.datetime | None], bool]
"""Asks whether to resume the unfinished session in a journal (True) or start afresh."""
Warn = Callable[[str], None]


@dataclass(frozen=True, slots=True)
class StartNotice:
    """What the screen says when it opens, as data (the screen words it)."""

    resumed_at: dt.datetime | None = None
    """When the resumed session began (its journal's header); None for a new session."""
    resumed: bool = False
    changes: tuple[str, ...] = ()
    """What changed in the agenda since the resumed session began, one sentence each."""
    journal_warnings: tuple[str, ...] = ()
    """`PATH:LINE: warning: …` met reading the resumed journal (also printed on stderr)."""
    agenda_warnings: int = 0
    """How many warnings the agenda has (printed by `podium validate`)."""

    def __bool__(self) -> bool:
        return self.resumed or bool(self.journal_warnings) or self.agenda_warnings > 0

    def with_agenda_warnings(self, n: int) -> StartNotice:
        return replace(self, agenda_warnings=n)


@dataclass(frozen=True, slots=True)
class Opened:
    """The journal a run writes, and the session it continues (None: a new session)."""

    writer: JournalWriter
    session: Session | None
    start: StartNotice


def _stderr(line: str) -> None:
    print(line, file=sys.stderr)


def open_for_run(
    agenda: Agenda,
    clock: Clock,
    *,
    resume: bool = False,
    fresh: bool = False,
    journal: str | None = None,
    rehearsal: bool = False,
    guard_s: float = 0.4,
    ask: Ask | None = None,
    warn: Warn = _stderr,
    directory: Path | None = None,
) -> Opened:
    """The journal for `podium run AGENDA [--resume | --fresh] [--journal PATH]`.

    `--resume` continues the newest unfinished session of this agenda (or the one `journal`
    names); `--fresh` starts a new journal; neither asks (`ask`, default: on the terminal)
    when an unfinished session of this agenda exists. Warnings (journals skipped, lines
    skipped, what changed in the agenda) go to `warn` as they are found.
    """
    if journal is not None and not journal.strip():
        raise JournalReadError(_("--journal needs a file name"))
    if resume:
        if journal is not None:
            path = Path(journal)
        else:
            found = _find(agenda, directory, warn)
            if found is None:
                raise JournalError(
                    _(
                        "there is no unfinished session of {path} to resume; "
                        "start a new one with --fresh"
                    ).format(path=shown(agenda.path))
                )
            path = found
        return resume_journal(path, agenda, clock, guard_s=guard_s, warn=warn)
    if not fresh:
        candidate = _candidate(agenda, journal, directory, warn)
        if candidate is not None:
            if in_use(candidate):
                raise JournalBusyError(
                    _(
                        "the session in {path} is running in another podium now; "
                        "close that one first, or start a separate session with --fresh"
                    ).format(path=shown(candidate))
                )
            started = _started(candidate)
            if (ask or ask_on_terminal)(candidate, started):
                return resume_journal(candidate, agenda, clock, guard_s=guard_s, warn=warn)
    return new_journal(agenda, clock, journal=journal, rehearsal=rehearsal, directory=directory)


def new_journal(
    agenda: Agenda,
    clock: Clock,
    *,
    journal: str | None = None,
    rehearsal: bool = False,
    directory: Path | None = None,
) -> Opened:
    """A new journal at `journal`, or in the state folder."""
    now = clock.now()
    path = (
        Path(journal) if journal is not None else default_journal_path(agenda.path, now, directory)
    )
    try:
        writer = JournalWriter.create(path, agenda, rehearsal=rehearsal, now=now)
    except JournalExistsError:
        raise
    except JournalReadError as exc:
        if journal is None:  # the state folder itself is the problem: say how to avoid it
            raise JournalReadError(
                _("{reason}; name another place with --journal PATH").format(reason=exc)
            ) from None
        raise
    return Opened(writer, None, StartNotice())


def resume_journal(
    path: Path, agenda: Agenda, clock: Clock, *, guard_s: float = 0.4, warn: Warn = _stderr
) -> Opened:
    """Continue the session in `path`: refused when it is another agenda's, has ended, or is
    being written by another podium right now."""
    from podium.agenda.plan import make_plan
    from podium.engine.restore import restore_session

    journal_file = read_journal(path)
    _check_agenda(journal_file, agenda)
    if in_use(path):
        raise JournalBusyError(
            _(
                "the session in {path} is running in another podium now; "
                "close that one first (two podiums cannot continue one session)"
            ).format(path=shown(path))
        )
    restored = restore_session(make_plan(agenda), clock, journal_file, guard_s=guard_s)
    if restored.session.ended:
        raise JournalError(
            _(
                "the session in {path} has ended, so there is nothing to resume; "
                "to run the agenda again, leave out --resume (a new journal is made)"
            ).format(path=shown(path))
        )
    for line in restored.warnings:
        warn(line)
    for change in restored.changes:
        warn(
            _("podium: the agenda changed since the session began: {change}").format(
                change=shown(change)
            )
        )
    writer = JournalWriter.append_to(path)
    restored.session.journal = writer
    start = StartNotice(
        resumed_at=journal_file.header.started_at,
        resumed=True,
        changes=restored.changes,  # `Phrase`s: the screen words them in its language
        journal_warnings=restored.warnings,
    )
    return Opened(writer, restored.session, start)


def _check_agenda(journal_file: JournalFile, agenda: Agenda) -> None:
    """A journal continues only a session of this agenda: the same file (edited or not), or a
    copy of it elsewhere (the same content)."""
    header = journal_file.header
    if not same_agenda(header, agenda.path, agenda.sha256):
        raise JournalError(
            _(
                "the journal {path} is a session of the agenda "
                "{other}, not of {agenda}; it cannot be resumed with it"
            ).format(
                path=shown(journal_file.path), other=shown(header.agenda), agenda=shown(agenda.path)
            )
        )


def _find(agenda: Agenda, directory: Path | None, warn: Warn) -> Path | None:
    skipped: list[str] = []
    found = find_unfinished(agenda.path, directory, skipped)
    for line in skipped:
        warn(line)
    return found


def _candidate(
    agenda: Agenda, journal: str | None, directory: Path | None, warn: Warn
) -> Path | None:
    """Without --resume/--fresh: the unfinished session a new run might be meant to continue."""
    if journal is None:
        return _find(agenda, directory, warn)
    path = Path(journal)
    try:
        if not path.is_file() or path.stat().st_size == 0:
            return None
        journal_file = read_journal(path)
        _check_agenda(journal_file, agenda)
        return None if journal_file.finished else path
    except (JournalError, OSError):
        return None  # JournalWriter.create refuses it with the reason


def _started(path: Path) -> dt.datetime | None:
    try:
        return read_journal(path).header.started_at
    except JournalError:
        return None


def ask_on_terminal(path: Path, started: dt.datetime | None) -> bool:
    """Ask on the terminal whether to resume `path` (True) or start afresh (False); without a
    terminal to ask on, refuse with the two options."""
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise JournalError(
            _(
                "an unfinished session of this agenda exists ({path}); "
                "use --resume to continue it or --fresh to start a new one"
            ).format(path=shown(path))
        )
    when = started.strftime("%H:%M") if started else "?"
    while True:
        try:
            answer = input(
                _("Resume the unfinished session of {when}? [R]esume / [f]resh: ").format(when=when)
            )
        except EOFError:
            raise JournalError(_("no answer; use --resume or --fresh")) from None
        answer = answer.strip().lower()
        if answer in ("", "r", "resume", "恢复"):
            return True
        if answer in ("f", "fresh", "新建", "重新开始"):
            return False
