"""Text from files made safe to print: control characters escaped, never sent raw.

An agenda, a CSV file or a file name may hold ESC, OSC or CSI sequences, other C0/C1 control
characters, or bidirectional overrides that reorder what a reviewer sees. Every text podium
prints to a terminal or a document passes through `printable`: each such character is
shown as `\\x1b` or `\\u202e` instead. `find_controls` finds them for `validate`'s warnings.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

# C0 controls but tab and line feed, DEL, C1 controls, line/paragraph separators, and the
# bidirectional formatting characters (embeddings, overrides, isolates, marks).
_UNSAFE_CLASS = (
    "\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069"
)
_UNSAFE = re.compile(f"[{_UNSAFE_CLASS}]")
_UNSAFE_OR_BREAK = re.compile(f"[{_UNSAFE_CLASS}\t\n]")
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]")

_NAMES = {
    0x00: "NUL",
    0x07: "BEL",
    0x08: "backspace",
    0x0D: "carriage return",
    0x1B: "ESC",
    0x7F: "DEL",
    0x9B: "CSI",
    0x9D: "OSC",
    0x2028: "line separator",
    0x2029: "paragraph separator",
    0x202E: "right-to-left override",
}


def _escape(m: re.Match[str]) -> str:
    code = ord(m.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str, *, one_line: bool = False) -> str:
    """`text` with every control character escaped; with `one_line`, tabs and line breaks
    too (for one-line messages such as diagnostics)."""
    pattern = _UNSAFE_OR_BREAK if one_line else _UNSAFE
    if pattern.search(text) is None:
        return text
    return pattern.sub(_escape, text)


def escape_json_controls(text: str) -> str:
    """JSON text (already escaping C0) with C1, separators and bidi controls as `\\uXXXX`:
    still the same JSON, safe to print."""
    if _JSON_UNSAFE.search(text) is None:
        return text
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def has_controls(text: str) -> bool:
    return _UNSAFE.search(text) is not None


def find_controls(text: str) -> Iterator[int]:
    """Offsets of the control characters of `text` (tab and line feed excepted)."""
    for m in _UNSAFE.finditer(text):
        yield m.start()


def control_name(char: str) -> str:
    """`U+001B (ESC)`."""
    code = ord(char)
    name = _NAMES.get(code)
    return f"U+{code:04X} ({name})" if name else f"U+{code:04X}"
