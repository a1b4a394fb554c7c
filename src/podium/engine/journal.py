"""The session journal: every event appended as one JSON line and fsync'd before it shows.

Format (docs/files.md, "The journal"): a header line, then one object per event with
`at` (local ISO-8601 with offset and milliseconds), `event`, `item` (id) and `cue` (0-based)
after it. Readers skip torn lines and event kinds they do not know, with a warning.

A journal is hostile input as much as an agenda is (a crash, a disk, a person or a program
may have written it): it is read only from a regular file, line by line with a bound on each
line, so memory stays flat whatever its size; every value is checked before it is used, and
a line that does not hold is skipped with `PATH:LINE: warning: MESSAGE`, never an internal
error. The limits are in docs/limits.md.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import fcntl
import json
import math
import os
import stat
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, BinaryIO

from podium.agenda.model import Agenda
from podium.i18n import N_, Phrase, _, os_error_reason
from podium.textsafe import printable

FORMAT = "podium-journal/1"
EVENTS = frozenset({"go", "back", "jump", "pause", "resume", "adjust", "end", "message"})
"""The event kinds this version writes and understands (`message`: a message to the host or
the stage, shown and taken down; it does not change any timer)."""

MAX_LINE_BYTES = 64 * 1024
"""An event line is about a hundred bytes (a message event a few kilobytes): a longer line was
not written by podium and is skipped."""
MAX_HEADER_BYTES = 32 * 1024 * 1024
"""The header lists the agenda's items: twice the largest agenda file is plenty."""
MAX_WARNINGS = 20
"""Warnings shown per journal; the rest are counted in one line."""
TAIL_BYTES = 64 * 1024
"""How much of a journal's end `find_unfinished` reads to see whether the session ended."""
MAX_NUMBER_DIGITS = 30
MAX_DELTA_S = 24 * 3600
"""An adjustment larger than a day is not a press of ±1 minute."""
MAX_CUE = 1_000_000
MAX_ID_CHARS = 1000
MAX_SESSION = dt.timedelta(days=7)
"""An event stamped more than this after its journal began is an absurd time, skipped."""
YEARS = range(1970, 3000)
"""Years an event may carry; anything else is a broken clock or a broken file."""


class JournalError(Exception):
    """A journal that cannot be used; the message is one sentence for the user."""


class JournalExistsError(JournalError):
    """A new journal would overwrite a non-empty file (`--fresh` with an existing journal)."""


class JournalReadError(JournalError):
    """The file cannot be read at all (missing, a folder, no permission): exit 2."""


class JournalBusyError(JournalReadError):
    """Another podium is writing this journal (it holds the journal's lock): exit 2."""


class NotAJournalError(JournalError):
    """The file is readable but is not a podium journal (or a newer format): exit 1."""


def iso_ms(when: dt.datetime) -> str:
    """`2026-03-12T09:00:03.120+08:00`: local time, offset, milliseconds."""
    return when.isoformat(timespec="milliseconds")


def journals_dir() -> Path:
    """Where journals go by default: the user's state folder (honours XDG_STATE_HOME)."""
    from platformdirs import user_state_path

    return user_state_path("podium") / "journals"


def default_journal_path(agenda_path: str, now: dt.datetime, directory: Path | None = None) -> Path:
    """`<journals>/<agenda stem>-<YYYYMMDD-HHMMSS>.jsonl`, never an existing file's name."""
    folder = journals_dir() if directory is None else directory
    base = f"{Path(agenda_path).stem}-{now:%Y%m%d-%H%M%S}"
    path = folder / f"{base}.jsonl"
    n = 2
    while os.path.lexists(path):
        path = folder / f"{base}-{n}.jsonl"
        n += 1
    return path


def shown(path: str | os.PathLike[str]) -> str:
    """A path as messages show it: control characters escaped (file names are input too)."""
    return printable(os.fspath(path), one_line=True)


def _reason(exc: OSError) -> str:
    """What went wrong, in the user's language (the system's words, lower case, in English)."""
    return os_error_reason(exc)


_STREAM = N_("it names a stream of this process, not a file")


def _cannot_write(path: Path, reason: str) -> str:
    return _("cannot write the journal {path}: {reason}").format(path=shown(path), reason=reason)


def _cannot_read(path: Path, reason: str) -> str:
    return _("cannot read {path}: {reason}").format(path=shown(path), reason=reason)


def _cannot_check(exc: OSError) -> str:
    return Phrase("cannot check the journal file: {reason}", reason=_reason(exc))


def _kind_of(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return _("it is a folder")
    if stat.S_ISFIFO(mode):
        return _("it is a pipe, not a file")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return _("it is a device, not a file")
    if stat.S_ISSOCK(mode):
        return _("it is a socket, not a file")
    return _("it is not a regular file")


def _names_a_stream(path: Path) -> bool:
    """`/dev/stdout`, `/dev/fd/3`, `/proc/self/fd/1`: a file descriptor's name, whatever the
    descriptor happens to be open on (a terminal, a pipe, or a redirected file)."""
    full = os.path.abspath(path)
    return full.startswith(("/dev/std", "/dev/fd/", "/proc/"))


def _missing_folder(path: Path) -> str | None:
    """Why `path`'s folder cannot hold it: a part of it that is a file, or None."""
    for parent in reversed(path.parents):
        try:
            st = os.stat(parent)
        except OSError:
            return None
        if not stat.S_ISDIR(st.st_mode):
            return _("{path} is a file, not a folder").format(path=shown(parent))
    return None


def _lock(fd: int, path: Path) -> None:
    """Take the journal's exclusive lock for the writer's life; refuse a journal in use."""
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        raise JournalBusyError(
            _(
                "the journal {path} is in use by another podium; "
                "close that one first (two podiums cannot write one journal)"
            ).format(path=shown(path))
        ) from None
    except OSError:
        pass  # a file system without locks: go on unlocked rather than refuse the meeting


def in_use(path: str | os.PathLike[str]) -> bool:
    """Whether another podium holds `path`'s lock (is running that session now)."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError:
        return False
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return False
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    except OSError:
        return False
    finally:
        os.close(fd)
    return False


# --- writing ----------------------------------------------------------------------------


class JournalWriter:
    """Appends events to a journal file, each flushed and fsync'd before `record` returns.

    A failing disk must not stop the meeting: a write error is kept in `error` (and `ok`
    turns False) for the status line, the line is kept and written again (before the next
    one) once the disk takes it, so no event is lost while podium runs.

    The journal must stay where it is: before every write (and on every `check()`, which the
    screen calls on its display tick) the open file is compared with the path. A journal
    deleted, or replaced by another file or a folder, is written again in full (every event
    so far is still in the open file) at its path, or beside it when something else is there
    now; `take_notice()` says so once, for the screen. While that cannot be done, `error`
    says why and the events still go to the open file.

    The writer holds an exclusive lock on the file for its life: a second podium cannot
    write the same journal.
    """

    def __init__(self, path: Path, fd: int, size: int) -> None:
        self.path = path
        self._fd = fd
        self._size = size
        """Bytes of complete lines in the file (what a failed write is cut back to)."""
        self._pending: list[bytes] = []
        self._write_error: str | None = None
        self._path_problem: str | None = None
        self._notices: list[str] = []
        self.events_written = 0

    @property
    def error(self) -> str | None:
        """Why the journal is not being kept as it should be, or None when all is well."""
        return self._write_error or self._path_problem

    @property
    def ok(self) -> bool:
        return self.error is None

    def take_notice(self) -> str | None:
        """A sentence for the screen about something the writer did (once), or None."""
        return self._notices.pop(0) if self._notices else None

    # --- opening ----------------------------------------------------------------------
    @classmethod
    def create(
        cls, path: str | Path, agenda: Agenda, *, rehearsal: bool, now: dt.datetime
    ) -> JournalWriter:
        """Start a new journal at `path` with its header; refuses a non-empty existing file,
        and anything that is not a regular file (a folder, a device, a pipe)."""
        path = Path(path)
        fd = cls._open(path, create=True)
        try:
            size = os.fstat(fd).st_size
            if size > 0:
                raise JournalExistsError(_exists_message(path))
            _lock(fd, path)
        except BaseException:
            os.close(fd)
            raise
        writer = cls(path, fd, 0)
        writer._append(_line(header_for(agenda, rehearsal=rehearsal, now=now)))
        if writer._write_error is not None:
            writer.close()
            raise JournalReadError(_cannot_write(path, writer.error or ""))
        _fsync_dir(path.parent)
        return writer

    @classmethod
    def append_to(cls, path: str | Path) -> JournalWriter:
        """Reopen an existing journal to continue it (after a torn last line, on a new line);
        refused while another podium writes it."""
        path = Path(path)
        fd = cls._open(path, create=False)
        try:
            _lock(fd, path)
            size = os.fstat(fd).st_size
            if size > 0 and os.pread(fd, 1, size - 1) != b"\n":
                os.write(fd, b"\n")
                os.fsync(fd)
                size += 1
        except OSError as exc:
            os.close(fd)
            raise JournalReadError(_cannot_write(path, _reason(exc))) from None
        except BaseException:
            os.close(fd)
            raise
        return cls(path, fd, size)

    @staticmethod
    def _open(path: Path, *, create: bool) -> int:
        """An appending descriptor of `path`, which must be (or become) a regular file."""
        if not os.fspath(path):
            raise JournalReadError(_("cannot write a journal to an empty file name"))
        try:
            st = os.stat(path)
        except FileNotFoundError:
            st = None
        except NotADirectoryError:
            raise JournalReadError(_cannot_write(path, _missing_folder(path) or "")) from None
        except OSError as exc:
            raise JournalReadError(_cannot_write(path, _reason(exc))) from exc
        if st is not None and not stat.S_ISREG(st.st_mode):
            raise JournalReadError(_cannot_write(path, _kind_of(st.st_mode)))
        if _names_a_stream(path):
            raise JournalReadError(_cannot_write(path, _(_STREAM)))
        if st is None and not create:
            raise JournalReadError(_cannot_read(path, _("no such file")))
        flags = os.O_RDWR | os.O_APPEND | os.O_NONBLOCK | os.O_CLOEXEC
        try:
            if st is None:
                blocked = _missing_folder(path)
                if blocked:
                    raise JournalReadError(_cannot_write(path, blocked))
                path.parent.mkdir(parents=True, exist_ok=True)
                flags |= os.O_CREAT
            fd = os.open(path, flags, 0o644)
        except OSError as exc:
            raise JournalReadError(_cannot_write(path, _reason(exc))) from exc
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):  # it changed between the look and the open
            os.close(fd)
            raise JournalReadError(_cannot_write(path, _kind_of(mode)))
        os.set_blocking(fd, True)
        return fd

    # --- writing ----------------------------------------------------------------------
    def record(
        self, event: str, *, at: dt.datetime, item: str | None, cue: int | None, **fields: Any
    ) -> None:
        """Append one event and fsync it (the session calls this before the screen shows it)."""
        self._append(_line({"at": iso_ms(at), "event": event, "item": item, "cue": cue, **fields}))
        self.events_written += 1

    def check(self) -> None:
        """Make sure the journal is where it should be and holds every event (the display
        tick calls this): a deleted or replaced file is written again, lines a failing disk
        refused are written now."""
        if self._fd < 0:
            return
        self._check_path()
        if self._pending:
            self._flush()

    def close(self) -> None:
        """Write what is still pending if the disk allows, then close (and unlock); once."""
        if self._fd < 0:
            return
        if self._pending:
            self._flush()
        try:
            os.close(self._fd)
        except OSError as exc:
            self._write_error = _reason(exc)
        self._fd = -1

    def _append(self, line: bytes) -> None:
        self._pending.append(line)
        if self._fd < 0:
            self._write_error = Phrase("the journal is closed")
            return
        self._check_path()
        self._flush()

    def _flush(self) -> None:
        """Write the pending lines in order, each fsync'd; a failure cuts the file back to its
        last complete line and keeps the rest pending."""
        while self._pending:
            data = self._pending[0]
            try:
                done = 0
                while done < len(data):
                    done += os.write(self._fd, data[done:])
                os.fsync(self._fd)
            except OSError as exc:
                self._write_error = _reason(exc)
                with contextlib.suppress(OSError):
                    os.ftruncate(self._fd, self._size)
                return
            self._size += len(data)
            self._pending.pop(0)
        self._write_error = None

    # --- staying where we are -----------------------------------------------------------
    def _check_path(self) -> None:
        try:
            st = os.stat(self.path)
        except FileNotFoundError:
            self._recover("deleted")
            return
        except NotADirectoryError:
            self._recover("replaced")
            return
        except OSError as exc:
            self._path_problem = _cannot_check(exc)
            return
        try:
            mine = os.fstat(self._fd)
        except OSError as exc:
            self._path_problem = _cannot_check(exc)
            return
        if (st.st_dev, st.st_ino) == (mine.st_dev, mine.st_ino):
            self._path_problem = None
            return
        self._recover("replaced")

    def _recover(self, what: str) -> None:
        """Write the journal again (everything in the open file) at its path if that is free,
        else beside it; keep the open file until that worked."""
        old = self.path
        target = old if what == "deleted" else _beside(old)
        try:
            fd = self._copy_to(target)
        except OSError as exc:
            if what == "deleted" and exc.errno == errno.EEXIST:
                self._recover("replaced")  # something appeared there meanwhile
                return
            if what == "deleted":
                problem = N_(
                    "the journal file was deleted and cannot be written again at {path}: "
                    "{reason}; events are kept while podium runs"
                )
            else:
                problem = N_(
                    "the journal file was replaced and cannot be written again at {path}: "
                    "{reason}; events are kept while podium runs"
                )
            self._path_problem = Phrase(problem, path=shown(target), reason=_reason(exc))
            return
        os.close(self._fd)
        self._fd, self.path = fd, target
        self._path_problem = None
        # Phrases: the screen says them in its own language
        if target == old:
            notice = N_(
                "the journal {path} was deleted; podium wrote it again with every event so far"
            )
        elif what == "deleted":
            notice = N_(
                "the journal {path} was deleted; podium wrote it again at {new} "
                "with every event so far"
            )
        else:
            notice = N_(
                "the journal {path} was replaced; podium wrote it again at {new} "
                "with every event so far"
            )
        self._notices.append(Phrase(notice, path=shown(old), new=shown(target)))

    def _copy_to(self, target: Path) -> int:
        """A new file at `target` (never replacing one) holding the open journal's lines."""
        target.parent.mkdir(parents=True, exist_ok=True)
        flags = os.O_RDWR | os.O_APPEND | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC
        fd = os.open(target, flags, 0o644)
        try:
            offset = 0
            while offset < self._size:
                chunk = os.pread(self._fd, min(1 << 20, self._size - offset), offset)
                if not chunk:
                    break
                os.write(fd, chunk)
                offset += len(chunk)
            os.fsync(fd)
            with contextlib.suppress(OSError):
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BaseException:
            os.close(fd)
            with contextlib.suppress(OSError):
                os.unlink(target)
            raise
        self._size = offset
        _fsync_dir(target.parent)
        return fd


def _beside(path: Path) -> Path:
    """A free name next to `path` for a journal that cannot stay at `path`."""
    n = 1
    while True:
        suffix = "" if n == 1 else f"-{n}"
        candidate = path.with_name(f"{path.stem}-recovered{suffix}{path.suffix or '.jsonl'}")
        if not os.path.lexists(candidate):
            return candidate
        n += 1


def _exists_message(path: Path) -> str:
    try:
        finished = read_journal(path).finished
    except JournalError:
        finished = False
    if finished:
        return _(
            "the journal {path} holds a session that has ended; "
            "name a new file with --journal, or leave --journal out for a new journal"
        ).format(path=shown(path))
    return _(
        "the journal {path} already exists and is not empty; "
        "use --resume to continue it or name another file with --journal"
    ).format(path=shown(path))


def _line(obj: dict[str, Any]) -> bytes:
    text = json.dumps(obj, ensure_ascii=False, separators=(", ", ": "), allow_nan=False)
    return text.encode("utf-8") + b"\n"


def header_for(agenda: Agenda, *, rehearsal: bool, now: dt.datetime) -> dict[str, Any]:
    """The header line: the format's fields, plus the items so a resume can say what changed."""
    return {
        "format": FORMAT,
        "agenda": os.path.abspath(agenda.path) if agenda.path else agenda.path,
        "agenda_sha256": agenda.sha256,
        "rehearsal": rehearsal,
        "started_at": iso_ms(now),
        "items": [
            {"id": it.id, "title": it.title, "cues": len(it.cues), "duration_s": it.duration_s}
            for it in agenda.items
        ],
    }


def _fsync_dir(folder: Path) -> None:
    """Make a new file's name durable too (best effort: not every filesystem allows it)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


# --- reading ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class JournalEvent:
    line: int
    """1-based line in the file, for messages."""
    at: dt.datetime
    event: str
    item: str | None
    cue: int | None
    fields: dict[str, Any] = field(default_factory=dict)
    """The whole object as written (extra fields such as `delta_s` included)."""

    @property
    def delta_s(self) -> int:
        value = self.fields.get("delta_s", 0)
        return int(value) if isinstance(value, int | float) else 0


@dataclass(frozen=True, slots=True)
class JournalHeader:
    agenda: str
    """The agenda's path, absolute (a relative one is taken from the journal's folder)."""
    agenda_sha256: str
    rehearsal: bool
    started_at: dt.datetime | None
    started_at_text: str | None
    items: tuple[dict[str, Any], ...] | None
    """The agenda's items when the journal began (id, title, cues, duration_s), if recorded."""


@dataclass(frozen=True, slots=True)
class Scan:
    """One streaming pass over a journal's events: what it found, without keeping them."""

    warnings: tuple[str, ...]
    first_go: JournalEvent | None
    end_event: JournalEvent | None
    """The `end` that ended the session (one after the first GO), if any."""
    count: int


class JournalFile:
    """A journal as read back: its header, and its events read from disk as they are needed
    (`iter_events`), so a long journal never sits in memory."""

    def __init__(self, path: Path, header: JournalHeader, body_offset: int) -> None:
        self.path = path
        self.header = header
        self._body_offset = body_offset

    def iter_events(self, warn: Callable[[str], None] | None = None) -> Iterator[JournalEvent]:
        """The valid events in order; each line skipped is passed to `warn` as
        `PATH:LINE: warning: MESSAGE` (at most MAX_WARNINGS, then one line counting the rest)."""
        return _iter_events(self, warn)

    @cached_property
    def scan(self) -> Scan:
        warnings: list[str] = []
        first_go = end = None
        count = 0
        for event in self.iter_events(warnings.append):
            count += 1
            if event.event == "go" and first_go is None:
                first_go = event
            elif event.event == "end" and first_go is not None and end is None:
                end = event
        return Scan(tuple(warnings), first_go, end, count)

    @cached_property
    def events(self) -> tuple[JournalEvent, ...]:
        """Every valid event, in memory (for small journals and tests; else `iter_events`)."""
        return tuple(self.iter_events())

    @property
    def warnings(self) -> tuple[str, ...]:
        """`PATH:LINE: warning: MESSAGE`, ready for stderr."""
        return self.scan.warnings

    @property
    def end_event(self) -> JournalEvent | None:
        return self.scan.end_event

    @property
    def finished(self) -> bool:
        return self.scan.end_event is not None

    @property
    def first_go(self) -> JournalEvent | None:
        return self.scan.first_go


def _open_regular(path: Path) -> BinaryIO:
    """`path` opened for reading, if it is a regular file (never waits on a pipe)."""
    if _names_a_stream(path):
        raise JournalReadError(_cannot_read(path, _(_STREAM)))
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except IsADirectoryError:
        raise JournalReadError(_cannot_read(path, _("it is a folder"))) from None
    except NotADirectoryError:
        why = _missing_folder(path) or _("not a directory")
        raise JournalReadError(_cannot_read(path, why)) from None
    except OSError as exc:
        raise JournalReadError(_cannot_read(path, _reason(exc))) from exc
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            raise JournalReadError(_cannot_read(path, _kind_of(mode)))
        os.set_blocking(fd, True)
    except BaseException:
        os.close(fd)
        raise
    return os.fdopen(fd, "rb")


def _read_line(f: BinaryIO, limit: int) -> bytes | None:
    """The next line without its newline; None at the end of the file. A line longer than
    `limit` bytes is consumed to its end and returned as TOO_LONG."""
    raw = f.readline(limit + 1)
    if not raw:
        return None
    if raw.endswith(b"\n"):
        return raw[:-1]
    if len(raw) <= limit:
        return raw  # the last line, without a newline (torn, or complete JSON)
    while True:
        rest = f.readline(1 << 20)
        if not rest or rest.endswith(b"\n"):
            return TOO_LONG


TOO_LONG = b"\0too long"
"""What `_read_line` returns for a line over its limit (no line of JSON starts with NUL)."""


def read_journal(path: str | Path) -> JournalFile:
    """Read a journal's header; raises JournalReadError (cannot read) or NotAJournalError
    (foreign). The events are read when asked for."""
    if not os.fspath(path).strip():  # Path("") would be the current folder
        raise JournalReadError(_("cannot read a journal from an empty file name"))
    path = Path(path)
    with _open_regular(path) as f:
        try:
            raw = _read_line(f, MAX_HEADER_BYTES)
            offset = f.tell()
        except OSError as exc:
            raise JournalReadError(_cannot_read(path, _reason(exc))) from exc
    if raw is None:
        raw = b""
    if raw is TOO_LONG:
        raise NotAJournalError(
            _("{path} is not a podium journal (its first line is huge)").format(path=shown(path))
        )
    return JournalFile(path, _parse_header(path, raw), offset)


class _Refused(ValueError):
    """A number a journal must not hold (NaN, infinite, absurdly long)."""


def _no_constant(name: str) -> Any:
    raise _Refused(_("{name} is not a number a journal holds").format(name=name))


def _finite_float(text: str) -> float:
    if len(text) > MAX_NUMBER_DIGITS + 10:
        raise _Refused(_("a number with too many digits"))
    value = float(text)
    if not math.isfinite(value):
        raise _Refused(_("a number too large"))
    return value


def _short_int(text: str) -> int:
    if len(text) > MAX_NUMBER_DIGITS:
        raise _Refused(_("a number with too many digits"))
    return int(text)


_DECODER = json.JSONDecoder(
    parse_constant=_no_constant, parse_float=_finite_float, parse_int=_short_int
)
"""One decoder for every line (a journal has millions of them)."""


def _loads(raw: bytes) -> Any:
    """JSON of one line, refusing NaN/Infinity and absurd numbers; ValueError if not JSON."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ValueError("not UTF-8") from exc
    try:
        return _DECODER.decode(text)
    except RecursionError as exc:
        raise _Refused(_("nested too deeply")) from exc


def _parse_header(path: Path, raw: bytes) -> JournalHeader:
    name = shown(path)
    not_header = _("{path} is not a podium journal (its first line is not a journal header)")
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]  # a byte-order mark an editor added
    try:
        obj = _loads(raw)
    except ValueError as exc:
        if not raw.strip():
            raise NotAJournalError(
                _("{path} is not a podium journal (it is empty)").format(path=name)
            ) from exc
        raise NotAJournalError(not_header.format(path=name)) from exc
    if not isinstance(obj, dict) or not isinstance(obj.get("format"), str):
        raise NotAJournalError(not_header.format(path=name))
    fmt = obj["format"]
    if fmt != FORMAT:
        if fmt.startswith("podium-journal/"):
            raise NotAJournalError(
                _("{path} is in format {format}, which this podium cannot read").format(
                    path=name, format=shown(fmt[:40])
                )
            )
        raise NotAJournalError(
            _("{path} is not a podium journal (its format is {format})").format(
                path=name, format=shown(repr(fmt[:40]))
            )
        )
    agenda = obj.get("agenda")
    if not isinstance(agenda, str) or not agenda or "\0" in agenda or len(agenda) > 4096:
        raise NotAJournalError(_("{path}: the journal header names no agenda").format(path=name))
    if not os.path.isabs(agenda):
        agenda = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(path)), agenda))
    started = obj.get("started_at")
    started_text = started if isinstance(started, str) else None
    items = obj.get("items")
    sha = obj.get("agenda_sha256")
    return JournalHeader(
        agenda=agenda,
        agenda_sha256=sha if isinstance(sha, str) and len(sha) <= 128 else "",
        rehearsal=obj.get("rehearsal") is True,
        started_at=_parse_time(started_text),
        started_at_text=started_text if _parse_time(started_text) else None,
        items=tuple(i for i in items if isinstance(i, dict)) if isinstance(items, list) else None,
    )


def _iter_events(
    journal: JournalFile, warn: Callable[[str], None] | None
) -> Iterator[JournalEvent]:
    path = journal.path
    warned = 0

    def problem(line: int, message: str) -> None:
        nonlocal warned
        warned += 1
        if warn is not None and warned <= MAX_WARNINGS:
            warn(f"{shown(path)}:{line}: warning: {message}")

    previous: dt.datetime | None = None
    began = journal.header.started_at
    with _open_regular(path) as f:
        f.seek(journal._body_offset)
        n = 1
        while True:
            n += 1
            try:
                raw = _read_line(f, MAX_LINE_BYTES)
            except OSError as exc:
                problem(n, _("reading stopped: {reason}").format(reason=_reason(exc)))
                break
            if raw is None:
                break
            if raw is TOO_LONG:
                problem(
                    n,
                    _("line longer than {kib} KiB skipped").format(kib=MAX_LINE_BYTES // 1024),
                )
                continue
            if not raw.strip():
                continue
            event, message = _parse_event(raw, n, began, previous)
            if message is not None:
                problem(n, message)
            if event is not None:
                previous = event.at if previous is None else max(previous, event.at)
                yield event
    if warn is not None and warned > MAX_WARNINGS:
        more = _("{n} more lines were skipped (only the first {limit} are shown)").format(
            n=warned - MAX_WARNINGS, limit=MAX_WARNINGS
        )
        warn(f"{shown(path)}: warning: {more}")


def _parse_event(
    raw: bytes, line: int, began: dt.datetime | None, previous: dt.datetime | None
) -> tuple[JournalEvent | None, str | None]:
    """One event line, and the warning to give about it (an event may come with a warning)."""
    try:
        obj = _loads(raw)
    except _Refused as exc:
        return None, _("line skipped: {reason}").format(reason=exc)
    except ValueError:
        return None, _("torn or unreadable line skipped")
    if not isinstance(obj, dict) or not isinstance(obj.get("event"), str):
        return None, _("line without an event skipped")
    kind = obj["event"]
    at_text = obj.get("at")
    at = _parse_time(at_text) if isinstance(at_text, str) else None
    if at is None:
        return None, _("event {kind} without a valid time ('at') skipped").format(kind=_label(kind))
    if kind not in EVENTS:
        return None, _("unknown event kind {kind} skipped").format(kind=_label(kind))
    if began is not None and at > began + MAX_SESSION:
        days = (at - began).days
        skipped = _("event {kind} stamped {days} days after the journal began skipped")
        return None, skipped.format(kind=_label(kind), days=days)
    delta = obj.get("delta_s", 0)
    if kind == "adjust" and (
        isinstance(delta, bool) or not isinstance(delta, _NUMBER) or abs(delta) > MAX_DELTA_S
    ):
        return None, _("adjust by {delta} seconds skipped").format(delta=shown(repr(delta))[:40])
    item = obj.get("item")
    cue = obj.get("cue")
    if not isinstance(item, str) or len(item) > MAX_ID_CHARS:
        item = None
    if isinstance(cue, bool) or not isinstance(cue, int) or not 0 <= cue <= MAX_CUE:
        cue = None
    note = None
    if previous is not None and at < previous:
        note = _(
            "event {kind} is stamped {s} s before the one "
            "before it (the clock went back?); counted at the same moment"
        ).format(kind=_label(kind), s=f"{(previous - at).total_seconds():.0f}")
    return JournalEvent(line=line, at=at, event=kind, item=item, cue=cue, fields=obj), note


_NUMBER = (int, float)


def _label(kind: str) -> str:
    """An event kind as a warning names it."""
    return shown(repr(kind[:40]))


def _parse_time(text: str | None) -> dt.datetime | None:
    """An ISO time with its offset (a time without one is local); None if it is not a sane
    time (unreadable, or a year no meeting has)."""
    if text is None or len(text) > 64:
        return None
    try:
        when = dt.datetime.fromisoformat(text)
        if when.year not in YEARS:
            return None
        return when if when.tzinfo is not None else when.astimezone()
    except (ValueError, OverflowError, OSError):
        return None


# --- finding -----------------------------------------------------------------------------


def same_agenda_path(a: str, b: str) -> bool:
    """Whether two agenda paths name the same file (as written, absolute, or through links)."""
    if os.path.abspath(a) == os.path.abspath(b):
        return True
    try:
        return os.path.realpath(a) == os.path.realpath(b)
    except (OSError, ValueError):
        return False


def same_agenda(header: JournalHeader, path: str, sha256: str | None) -> bool:
    """Whether a journal's header names this agenda: the same file (edited or not), or a copy
    of it elsewhere (the same content hash)."""
    same_content = bool(header.agenda_sha256) and header.agenda_sha256 == sha256
    return same_content or same_agenda_path(header.agenda, path)


def ended_by_tail(journal: JournalFile) -> bool:
    """Whether the journal's last lines hold an `end` (the whole file is read when it is
    short; a long one only to TAIL_BYTES from its end): enough to choose what to resume."""
    try:
        with _open_regular(journal.path) as f:
            size = os.fstat(f.fileno()).st_size
            if size - journal._body_offset <= TAIL_BYTES:
                return journal.finished
            f.seek(size - TAIL_BYTES)
            lines = f.read(TAIL_BYTES).split(b"\n")[1:]
    except JournalError:
        return False
    for raw in lines:
        if b'"end"' not in raw or len(raw) > MAX_LINE_BYTES:
            continue
        event, _ = _parse_event(raw, 0, None, None)
        if event is not None and event.event == "end":
            return True
    return False


def never_started(journal: JournalFile) -> bool:
    """Whether the journal has no GO: nothing to continue (a long journal surely has one)."""
    try:
        size = os.stat(journal.path).st_size
    except OSError:
        return True
    if size - journal._body_offset > TAIL_BYTES:
        return False
    return journal.first_go is None


def find_unfinished(
    agenda_path: str, directory: Path | None = None, warnings: list[str] | None = None
) -> Path | None:
    """The newest journal with no `end` whose header names the same agenda file, or None.
    A journal whose session never started (no GO) is not worth continuing.

    Only headers and tails are read. A file that is not a readable journal is skipped, with a
    warning appended to `warnings`.
    """
    folder = journals_dir() if directory is None else directory
    try:
        entries = [e for e in os.scandir(folder) if e.name.endswith(".jsonl")]
    except OSError:
        return None
    best: tuple[float, float, str] | None = None
    found: Path | None = None
    for entry in entries:
        path = Path(entry.path)
        try:
            if not entry.is_file():
                if warnings is not None:
                    skipped = _("skipped, it is not a regular file")
                    warnings.append(f"{shown(path)}: warning: {skipped}")
                continue
            journal = read_journal(path)
            if not same_agenda_path(journal.header.agenda, agenda_path):
                continue
            if ended_by_tail(journal) or never_started(journal):
                continue
            started = journal.header.started_at
            key = (started.timestamp() if started else 0.0, entry.stat().st_mtime, entry.name)
        except JournalError as exc:
            if warnings is not None:
                warnings.append(f"{shown(path)}: warning: skipped, {exc}")
            continue
        except (OSError, ValueError, OverflowError) as exc:
            if warnings is not None:
                warnings.append(f"{shown(path)}: warning: skipped, unreadable ({exc})")
            continue
        if best is None or key > best:
            best, found = key, path
    return found
