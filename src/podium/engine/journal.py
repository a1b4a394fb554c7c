"""The session journal: every event appended as one JSON line and fsync'd before it shows.

Format (docs/files.md, "The journal"): a header line, then one object per event with
`at` (local ISO-8601 with offset and milliseconds), `event`, `item` (id) and `cue` (0-based)
after it. Readers skip torn lines and event kinds they do not know, with a warning.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from podium.agenda.model import Agenda

FORMAT = "podium-journal/1"
EVENTS = frozenset({"go", "back", "jump", "pause", "resume", "adjust", "end", "message"})
"""The event kinds this version writes and understands (`message`: a message to the host or
the stage, shown and taken down; it does not change any timer)."""


class JournalError(Exception):
    """A journal that cannot be used; the message is one sentence for the user."""


class JournalExistsError(JournalError):
    """A new journal would overwrite a non-empty file (`--fresh` with an existing journal)."""


class JournalReadError(JournalError):
    """The file cannot be read at all (missing, a folder, no permission): exit 2."""


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
    while path.exists():
        path = folder / f"{base}-{n}.jsonl"
        n += 1
    return path


# --- writing ----------------------------------------------------------------------------


class JournalWriter:
    """Appends events to a journal file, each flushed and fsync'd before `record` returns.

    A failing disk must not stop the meeting: a write error is kept in `error` (and `ok`
    turns False) for the status line, and the next event tries again.
    """

    def __init__(self, path: Path, handle: Any) -> None:
        self.path = path
        self._file = handle
        self.error: str | None = None
        self.events_written = 0

    @property
    def ok(self) -> bool:
        return self.error is None

    @classmethod
    def create(
        cls, path: str | Path, agenda: Agenda, *, rehearsal: bool, now: dt.datetime
    ) -> JournalWriter:
        """Start a new journal at `path` with its header; refuses a non-empty existing file."""
        path = Path(path)
        try:
            if path.is_dir():
                raise JournalReadError(f"cannot write the journal {path}: it is a folder")
            if path.exists() and path.stat().st_size > 0:
                raise JournalExistsError(
                    f"the journal {path} already exists and is not empty; "
                    "use --resume to continue it or name another file with --journal"
                )
            path.parent.mkdir(parents=True, exist_ok=True)
            handle = open(path, "ab")  # noqa: SIM115 (kept open for the whole meeting)
        except OSError as exc:
            raise JournalReadError(f"cannot write the journal {path}: {_reason(exc)}") from exc
        writer = cls(path, handle)
        writer._write(header_for(agenda, rehearsal=rehearsal, now=now), raise_errors=True)
        _fsync_dir(path.parent)
        return writer

    @classmethod
    def append_to(cls, path: str | Path) -> JournalWriter:
        """Reopen an existing journal to continue it (after a torn last line, on a new line)."""
        path = Path(path)
        try:
            handle = open(path, "ab")  # noqa: SIM115
            size = path.stat().st_size
            if size > 0:
                with open(path, "rb") as f:
                    f.seek(size - 1)
                    if f.read(1) != b"\n":
                        handle.write(b"\n")
                        handle.flush()
                        os.fsync(handle.fileno())
        except OSError as exc:
            raise JournalReadError(f"cannot write the journal {path}: {_reason(exc)}") from exc
        return cls(path, handle)

    def record(
        self, event: str, *, at: dt.datetime, item: str | None, cue: int | None, **fields: Any
    ) -> None:
        """Append one event and fsync it (the session calls this before the screen shows it)."""
        self._write({"at": iso_ms(at), "event": event, "item": item, "cue": cue, **fields})
        self.events_written += 1

    def close(self) -> None:
        try:
            self._file.close()
        except OSError as exc:
            self.error = _reason(exc)

    def _write(self, obj: dict[str, Any], *, raise_errors: bool = False) -> None:
        line = json.dumps(obj, ensure_ascii=False, separators=(", ", ": ")) + "\n"
        try:
            self._file.write(line.encode("utf-8"))
            self._file.flush()
            os.fsync(self._file.fileno())
        except (OSError, ValueError) as exc:  # ValueError: the file was closed
            self.error = _reason(exc) if isinstance(exc, OSError) else str(exc)
            if raise_errors:
                raise JournalReadError(
                    f"cannot write the journal {self.path}: {self.error}"
                ) from exc
        else:
            self.error = None


def header_for(agenda: Agenda, *, rehearsal: bool, now: dt.datetime) -> dict[str, Any]:
    """The header line: the format's fields, plus the items so a resume can say what changed."""
    return {
        "format": FORMAT,
        "agenda": agenda.path,
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


def _reason(exc: OSError) -> str:
    return exc.strerror.lower() if exc.strerror else str(exc)


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
    agenda_sha256: str
    rehearsal: bool
    started_at: dt.datetime | None
    started_at_text: str | None
    items: tuple[dict[str, Any], ...] | None
    """The agenda's items when the journal began (id, title, cues, duration_s), if recorded."""


@dataclass(frozen=True, slots=True)
class JournalFile:
    """A journal as read back: header, the events that could be read, and warnings."""

    path: Path
    header: JournalHeader
    events: tuple[JournalEvent, ...]
    warnings: tuple[str, ...]
    """`PATH:LINE: warning: MESSAGE`, ready for stderr."""

    @property
    def end_event(self) -> JournalEvent | None:
        return next((e for e in self.events if e.event == "end"), None)

    @property
    def finished(self) -> bool:
        return self.end_event is not None

    @property
    def first_go(self) -> JournalEvent | None:
        return next((e for e in self.events if e.event == "go"), None)

    @property
    def last_event(self) -> JournalEvent | None:
        return self.events[-1] if self.events else None


def read_journal(path: str | Path) -> JournalFile:
    """Read a journal; raises JournalReadError (cannot read) or NotAJournalError (foreign)."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except IsADirectoryError as exc:
        raise JournalReadError(f"cannot read {path}: it is a folder") from exc
    except OSError as exc:
        raise JournalReadError(f"cannot read {path}: {_reason(exc)}") from exc
    lines = data.split(b"\n")
    header = _parse_header(path, lines[0])
    events: list[JournalEvent] = []
    warnings: list[str] = []
    for n, raw in enumerate(lines[1:], start=2):
        if not raw.strip():
            continue
        event, problem = _parse_event(raw, n)
        if problem is not None:
            warnings.append(f"{path}:{n}: warning: {problem}")
        elif event is not None:
            events.append(event)
    return JournalFile(path, header, tuple(events), tuple(warnings))


def _parse_header(path: Path, raw: bytes) -> JournalHeader:
    not_journal = f"{path} is not a podium journal"
    try:
        obj = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        detail = "it is empty" if not raw.strip() else "its first line is not a journal header"
        raise NotAJournalError(f"{not_journal} ({detail})") from exc
    if not isinstance(obj, dict) or not isinstance(obj.get("format"), str):
        raise NotAJournalError(f"{not_journal} (its first line is not a journal header)")
    fmt = obj["format"]
    if fmt != FORMAT:
        if fmt.startswith("podium-journal/"):
            raise NotAJournalError(f"{path} is in format {fmt}, which this podium cannot read")
        raise NotAJournalError(f"{not_journal} (its format is {fmt!r})")
    agenda = obj.get("agenda")
    if not isinstance(agenda, str) or not agenda:
        raise NotAJournalError(f"{path}: the journal header names no agenda")
    started_text = obj.get("started_at") if isinstance(obj.get("started_at"), str) else None
    items = obj.get("items")
    return JournalHeader(
        agenda=agenda,
        agenda_sha256=str(obj.get("agenda_sha256") or ""),
        rehearsal=obj.get("rehearsal") is True,
        started_at=_parse_time(started_text) if started_text else None,
        started_at_text=started_text,
        items=tuple(i for i in items if isinstance(i, dict)) if isinstance(items, list) else None,
    )


def _parse_event(raw: bytes, line: int) -> tuple[JournalEvent | None, str | None]:
    """One event line, or the warning to give for it; (None, None) for nothing to do."""
    try:
        obj = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        return None, "torn or unreadable line skipped"
    if not isinstance(obj, dict) or not isinstance(obj.get("event"), str):
        return None, "line without an event skipped"
    kind = obj["event"]
    at = _parse_time(obj.get("at")) if isinstance(obj.get("at"), str) else None
    if at is None:
        return None, f"event {kind!r} without a valid time ('at') skipped"
    if kind not in EVENTS:
        return None, f"unknown event kind {kind!r} skipped"
    item = obj.get("item")
    cue = obj.get("cue")
    return (
        JournalEvent(
            line=line,
            at=at,
            event=kind,
            item=item if isinstance(item, str) else None,
            cue=cue if isinstance(cue, int) and not isinstance(cue, bool) else None,
            fields=obj,
        ),
        None,
    )


def _parse_time(text: str | None) -> dt.datetime | None:
    if text is None:
        return None
    try:
        when = dt.datetime.fromisoformat(text)
    except ValueError:
        return None
    return when if when.tzinfo is not None else when.astimezone()


# --- finding -----------------------------------------------------------------------------


def same_agenda_path(a: str, b: str) -> bool:
    """Whether two agenda paths name the same file (as written, absolute, or through links)."""
    if os.path.abspath(a) == os.path.abspath(b):
        return True
    return os.path.realpath(a) == os.path.realpath(b)


def find_unfinished(agenda_path: str, directory: Path | None = None) -> Path | None:
    """The newest journal with no `end` whose header names the same agenda file, or None."""
    folder = journals_dir() if directory is None else directory
    try:
        candidates = [p for p in folder.glob("*.jsonl") if p.is_file()]
    except OSError:
        return None
    best: tuple[float, float, str] | None = None
    found: Path | None = None
    for path in candidates:
        try:
            journal = read_journal(path)
        except JournalError:
            continue
        if journal.finished or not same_agenda_path(journal.header.agenda, agenda_path):
            continue
        started = journal.header.started_at
        key = (started.timestamp() if started else 0.0, path.stat().st_mtime, path.name)
        if best is None or key > best:
            best, found = key, path
    return found
