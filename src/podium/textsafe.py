"""Text from files (agendas, journals, CSV names, file names) made safe to print on a terminal.

A terminal obeys control characters: ESC starts CSI/OSC sequences that move the cursor, wipe
rows or change the window title; BEL, BS and CR rewrite what was shown; bidirectional
overrides reorder a line so that it reads differently from what it contains. Every message
and every text output that shows such content passes it through `printable`, which writes
each of those characters as a visible escape instead (`\\x1b`, `\\u202e`), so what the reader
sees is what the file holds.
"""

from __future__ import annotations

import re

_UNSAFE = re.compile(
    "["
    "\x00-\x08\x0b-\x1f\x7f-\x9f"  # C0 but tab and newline, DEL, C1 (CSI/OSC as 8-bit codes)
    "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"  # bidirectional marks and overrides
    "\u2028\u2029"  # line and paragraph separators (a line break where none shows)
    "]"
)
_UNSAFE_LINES = re.compile(_UNSAFE.pattern[:-1] + "\t\n]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str, *, keep_lines: bool = False) -> str:
    """`text` with every control, bidi-override and line-separator character escaped.

    Tabs and newlines are escaped too unless `keep_lines` (a multi-line text block whose line
    breaks are meant).
    """
    pattern = _UNSAFE if keep_lines else _UNSAFE_LINES
    return pattern.sub(_escape, text)


def has_unsafe(text: str) -> bool:
    """Whether `printable` would change `text` (tabs and newlines allowed)."""
    return _UNSAFE.search(text) is not None


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")


def csv_cell(text: str) -> str:
    """A CSV cell a spreadsheet will not run as a formula (OWASP: a leading `'`)."""
    if text.startswith(_FORMULA_START) and not _is_number(text):
        return "'" + text
    return text


def _is_number(text: str) -> bool:
    """`-12`, `+0:30`, `-1:02:03`: signed numbers and durations stay numbers."""
    return re.fullmatch(r"[+-]\d+(?:[.:]\d+)*", text) is not None
