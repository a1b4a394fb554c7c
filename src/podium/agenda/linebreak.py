"""Line breaking for Chinese, Japanese and Latin text, in terminal cells, with 避头尾 rules.

- No line starts with closing punctuation (，。、；：？！）」』”’》… and their ASCII kin) and no
  line ends with opening punctuation (（「『“‘《 …): such a character stays with its neighbour,
  and the pair moves to the next line together (push-out, 追い出し).
- Chinese and Japanese text may break between any two characters; Latin text breaks at spaces
  only. The spaces a line breaks at are dropped (they would hang past the end).
- A run that cannot break and is wider than the line (a very long word, a row of closing
  marks) is cut where it must be: the width is never exceeded, except by a single character
  wider than the whole line.

Pure and free of textual: the screen, the printed run sheets and the tests all use it. Widths
come from a `cell` function (one character -> columns); the default is
`podium.agenda.runsheet.width.char_width`, the screen passes Rich's so both agree with what
they draw.
"""

from __future__ import annotations

import itertools
import unicodedata
from collections.abc import Callable, Iterator

from podium.agenda.runsheet.width import char_width

CLOSING = frozenset(
    # Chinese/Japanese closing brackets and quotes, sentence and clause marks
    "，。、；：？！）」』”’》〉】〕〗〙〛｝］｠〞〟"
    "．｡､，：；！？％"
    # marks that never begin a line: ellipses, iteration marks, prolonged sound, small kana
    "…‥・·ー々〻ゝゞヽヾ゛゜"
    "ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ"
    # their ASCII and Latin kin
    ",.;:?!)]}%'\"»›"
)
"""Characters no line may start with."""

OPENING = frozenset("（「『“‘《〈【〔〖〘〚｛［｟〝" + "([{«‹")
"""Characters no line may end with."""

INSEPARABLE = frozenset("—…‥―")
"""Two of these in a row (——, ……) never split."""

SPACES = frozenset(" \u3000")
"""Where Latin text breaks (and the ideographic space, which a break may drop too)."""

ZWSP = "\u200b"


def _is_wide(char: str) -> bool:
    return unicodedata.east_asian_width(char) in ("W", "F")


def _is_joiner(char: str) -> bool:
    """Zero-width characters that belong to the character before them."""
    return unicodedata.combining(char) != 0 or unicodedata.category(char) in ("Mn", "Me", "Cf")


def break_before(text: str) -> list[bool]:
    """`ok[i]`: a line may start at `text[i]` (ok[0] is False; one paragraph, no newlines)."""
    n = len(text)
    ok = [False] * n
    last_solid = ""  # the last character that is not a space
    for i in range(1, n):
        a, b = text[i - 1], text[i]
        if a not in SPACES:
            last_solid = a
        if b in SPACES or b in CLOSING or _is_joiner(b):
            continue
        if a == ZWSP:
            ok[i] = True
        elif a in SPACES:
            ok[i] = last_solid not in OPENING
        elif a in OPENING or (a == b and a in INSEPARABLE) or a == "\u200d":
            continue
        elif _is_wide(a) or _is_wide(b):
            ok[i] = True
    return ok


def units(text: str) -> list[str]:
    """The pieces no rule allows to break (each with the spaces that follow it)."""
    ok = break_before(text)
    cuts = [0, *(i for i in range(1, len(text)) if ok[i]), len(text)]
    return [text[a:b] for a, b in itertools.pairwise(cuts) if b > a]


def line_spans(
    text: str, width: int, cell: Callable[[str], int] = char_width
) -> list[tuple[int, int]]:
    """Where each line of `text` begins and ends (`text[start:end]`), wrapped to `width` cells.

    Newlines end lines (and are not part of any span); an empty paragraph is an empty line.
    Spaces at a break, and at the end of a paragraph, are left out of the spans.
    """
    spans: list[tuple[int, int]] = []
    start = 0
    for paragraph in text.split("\n"):
        _paragraph(paragraph, start, max(1, width), cell, spans)
        start += len(paragraph) + 1
    return spans


def wrap(text: str, width: int, cell: Callable[[str], int] = char_width) -> list[str]:
    """`text` as lines of at most `width` cells (see `line_spans`)."""
    return [text[a:b] for a, b in line_spans(text, width, cell)]


def _paragraph(
    text: str, offset: int, width: int, cell: Callable[[str], int], out: list[tuple[int, int]]
) -> None:
    n = len(text)
    if n == 0:
        out.append((offset, offset))
        return
    if text.isascii() and len(text) <= width:
        end = len(text.rstrip(" "))
        out.append((offset, offset + end))
        return
    ok = break_before(text)
    widths = [cell(c) for c in text]
    start = 0
    used = 0  # cells from `start` up to the last character that is not a space
    pending = 0  # cells of the spaces after it (they count only if text follows)
    last_ok = -1  # the last place after `start` a line may begin
    i = 0
    while i < n:
        char = text[i]
        if i > start and ok[i]:
            last_ok = i
        if char in SPACES:
            pending += widths[i]
            i += 1
            continue
        w = widths[i]
        if used + pending + w <= width or i == start:
            used += pending + w
            pending = 0
            i += 1
            continue
        # `char` does not fit: break at the last opportunity, else cut here.
        # (`i` is a character that takes cells: zero-width ones always fit)
        cut = last_ok if last_ok > start else i
        out.append((offset + start, offset + _trim(text, start, cut)))
        start = i = cut  # never a space: breaks are before solid characters
        used = pending = 0
        last_ok = -1
    end = _trim(text, start, n)
    out.append((offset + start, offset + end))


def _trim(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in SPACES:
        end -= 1
    return end


def iter_lines(text: str, width: int, cell: Callable[[str], int] = char_width) -> Iterator[str]:
    """`wrap`, lazily (the same lines)."""
    for a, b in line_spans(text, width, cell):
        yield text[a:b]
