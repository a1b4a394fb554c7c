"""Problems found in an agenda file, reported GCC-style at PATH:LINE:COL."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from podium.textsafe import printable


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Diagnostic:
    path: str
    """The path as the user named it (not made absolute), so messages match their command."""
    line: int
    col: int
    severity: Severity
    message: str

    def __str__(self) -> str:
        """`PATH:LINE:COL: error: MESSAGE`, one line, control characters escaped (a message
        may quote the agenda's or a CSV file's text)."""
        path = printable(self.path, one_line=True)
        message = printable(self.message, one_line=True)
        return f"{path}:{self.line}:{self.col}: {self.severity}: {message}"

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR


class AgendaFileError(Exception):
    """The agenda file (or a file it names) cannot be opened at all: exit 2, not 1."""
