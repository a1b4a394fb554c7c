"""Places in an agenda file, right in characters and by YAML 1.2's line breaks.

libyaml's marks count U+0085, U+2028 and U+2029 as line breaks (YAML 1.1) and its reader
errors give byte offsets; editors and YAML 1.2 break lines at LF only (CR and CRLF are
normalised to LF before composing). So every place is computed here from a mark's character
index. Inside a scalar, a value offset is mapped back to the file through the scalar's
source: escapes of double-quoted text, `''` of single-quoted text and line folding included.
"""

from __future__ import annotations

from array import array
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from podium.agenda.yamlnodes import Node

_ESCAPE_WIDTH = {"x": 2, "u": 4, "U": 8}
_BREAKS = "\n\x85\u2028\u2029"
"""Line breaks inside a scalar to libyaml (YAML 1.1), for the folding it does there."""
_KEPT_BREAKS = "\u2028\u2029"
"""The breaks libyaml keeps in a folded value as they are."""


@dataclass(frozen=True, slots=True)
class Place:
    """A 1-based line and column (in characters) in the agenda file."""

    line: int
    col: int


class Positions:
    """Line and column of any character index of one text."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._starts: array[int] | None = None

    def line_starts(self) -> Sequence[int]:
        """The index where each line starts."""
        return self._line_starts()

    def _line_starts(self) -> array[int]:
        # An array of machine integers: 8 bytes a line, not 8 plus an int object of 28.
        if self._starts is None:
            starts = array("q", [0])
            find, add = self.text.find, starts.append
            i = find("\n")
            while i >= 0:
                add(i + 1)
                i = find("\n", i + 1)
            self._starts = starts
        return self._starts

    def place(self, index: int) -> Place:
        index = max(0, min(index, len(self.text)))
        starts = self._line_starts()
        line = bisect_right(starts, index) - 1
        return Place(line + 1, index - starts[line] + 1)

    def line_count(self) -> int:
        return len(self._line_starts())


def byte_to_char_index(text: str, byte_offset: int) -> int:
    """The character index of a UTF-8 byte offset into `text` (libyaml's reader errors)."""
    return len(text.encode("utf-8", "surrogatepass")[:byte_offset].decode("utf-8", "ignore"))


def scalar_offsets(source: str, node: Node) -> list[int]:
    """For each character of a scalar node's value, its index in `source` (best effort: every
    index lies inside the node's span)."""
    start, end = node.start_mark.index, node.end_mark.index
    value: str = node.value
    style = getattr(node, "style", None)
    if style == '"':
        out = _double_quoted(source, start, end, len(value))
    else:
        j = start
        if style == "'":
            j += 1
        elif style in ("|", ">"):
            nl = source.find("\n", start, end)
            j = nl + 1 if nl >= 0 else start
        out = _aligned(source, j, end, value)
    last = out[-1] if out else start
    while len(out) < len(value):
        out.append(last)
    return out


def _aligned(source: str, j: int, end: int, value: str) -> list[int]:
    """Each value character matched to the next equal source character (a folded line break
    matches the space it became, a NEL the line feed libyaml made of it); stops when the
    source runs out."""
    out: list[int] = []
    add = out.append
    for ch in value:
        k = j
        while k < end:
            c = source[k]
            if c == ch or (ch == " " and c in _BREAKS) or (ch == "\n" and c == "\x85"):
                break
            k += 1
        if k >= end:
            break
        add(k)
        j = k + 1
    return out


def _double_quoted(source: str, start: int, end: int, length: int) -> list[int]:
    """Value offsets of a double-quoted scalar: escapes, escaped line breaks and folding."""
    out: list[int] = []
    add = out.append
    i, stop = start + 1, max(start + 1, end - 1)
    while i < stop and len(out) < length:
        c = source[i]
        if c == "\\" and i + 1 < stop:
            n = source[i + 1]
            if n in _BREAKS:  # an escaped line break joins the lines
                i += 2
                while i < stop and source[i] in " \t":
                    i += 1
                continue
            add(i)
            i += 2 + _ESCAPE_WIDTH.get(n, 0)
            continue
        if c in " \t" or c in _BREAKS:
            k = i
            while k < stop and source[k] in " \t":
                k += 1
            if k < stop and source[k] in _BREAKS:  # a fold: trailing spaces trimmed
                breaks = k
                trailing: list[int] = []  # the blank lines after it, one value character each
                k += 1
                while True:
                    m = k
                    while m < stop and source[m] in " \t":
                        m += 1
                    if m < stop and source[m] in _BREAKS:
                        trailing.append(m)
                        k = m + 1
                        continue
                    k = m
                    break
                # libyaml keeps a line or paragraph separator as it is; a line feed (or a NEL,
                # read as one) becomes a space, or nothing when blank lines follow it.
                if source[breaks] in _KEPT_BREAKS or not trailing:
                    add(breaks)
                out.extend(trailing)
                i = k
                continue
        add(i)
        i += 1
    return out
