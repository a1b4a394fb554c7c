"""Terminal display width of text: East Asian wide and fullwidth characters take two columns."""

from __future__ import annotations

import unicodedata


def char_width(char: str) -> int:
    """Columns one character takes in a terminal: 0 for combining marks, 2 for wide ones."""
    if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def display_width(text: str) -> int:
    """Columns `text` (one line) takes in a terminal."""
    if text.isascii():
        return len(text)
    return sum(char_width(c) for c in text)


def pad(text: str, width: int) -> str:
    """`text` followed by spaces up to `width` columns (unchanged when already wider)."""
    return text + " " * max(0, width - display_width(text))


def pad_left(text: str, width: int) -> str:
    """Spaces then `text`, right-aligned in `width` columns."""
    return " " * max(0, width - display_width(text)) + text
