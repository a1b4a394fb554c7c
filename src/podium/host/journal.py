"""The host's journal sink: the one owner of the journal, which never lets a disk error stop
the meeting and adds where a command came from (`via`) to what it writes."""

from __future__ import annotations

import datetime as dt
from typing import Any

from podium.i18n import os_error_reason


class HostJournal:
    """Wraps a journal writer: keeps the last write error for the status line (a failing disk
    must not stop the meeting), adds `via` while a non-key command runs, closes exactly once."""

    def __init__(self, sink: Any) -> None:
        self.sink = sink
        self.via: str | None = None
        """Where the running command came from; written on each of its events (not for keys)."""
        self._error: str | None = None
        self._closed = False

    @property
    def error(self) -> str | None:
        """The last write error (None when the journal is being written)."""
        return self._error or getattr(self.sink, "error", None)

    def record(
        self, event: str, *, at: dt.datetime, item: str | None, cue: int | None, **fields: Any
    ) -> None:
        if self.via is not None and "via" not in fields:
            fields["via"] = self.via
        try:
            self.sink.record(event, at=at, item=item, cue=cue, **fields)
        except OSError as exc:
            self._error = os_error_reason(exc)
        else:
            self._error = None

    def check(self) -> None:
        """Let the writer check its file (if it can); a failure shows in `error`."""
        check = getattr(self.sink, "check", None)
        if callable(check) and not self._closed:
            try:
                check()
            except OSError as exc:
                self._error = os_error_reason(exc)

    def take_notice(self) -> str | None:
        """What the writer did that the screen should say once (e.g. it wrote a deleted
        journal file again), or None."""
        take = getattr(self.sink, "take_notice", None)
        notice = take() if callable(take) and not self._closed else None
        return notice if isinstance(notice, str) else None

    @property
    def closed(self) -> bool:
        return self._closed

    def close(self) -> None:
        """Close the journal (once: later calls do nothing)."""
        if self._closed:
            return
        self._closed = True
        close = getattr(self.sink, "close", None)
        if callable(close):
            try:
                close()
            except OSError as exc:
                self._error = os_error_reason(exc)
