"""Text from outside made safe for a terminal: control characters shown, never obeyed.

Agenda text, a CSV of names, a journal or a file name may contain ESC, CSI, OSC, BEL,
backspace or carriage returns, by accident or on purpose; written raw they would retitle the
window, move the cursor or wipe rows. `printable` replaces each with a visible stand-in (C0
controls with the Unicode control pictures ␛ ␇ ␈ …, DEL with ␡; C1 controls, line/paragraph
separators and bidirectional overrides with �), keeping newlines and tabs. No dependencies:
the screen and every text output can use it.
"""

from __future__ import annotations

import re

_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def _picture(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # ␀ … ␟
    if code == 0x7F:
        return "\u2421"  # ␡
    return "\ufffd"


def printable(text: str) -> str:
    """`text` with every terminal control character (but newline and tab) made visible."""
    if text.isprintable() or not _UNSAFE.search(text):
        return text
    return _UNSAFE.sub(_picture, text)


def has_controls(text: str) -> bool:
    """Whether `printable` would change `text`."""
    return not text.isprintable() and _UNSAFE.search(text) is not None
