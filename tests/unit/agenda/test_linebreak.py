"""The line breaker: 避头尾 rules, widths in cells, CJK and Latin mixed, and properties."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from podium.agenda.linebreak import CLOSING, OPENING, line_spans, units, wrap
from podium.agenda.runsheet.width import char_width, display_width

ZH = "同志们：今天召开全区信息工作会议，“这是一个重要的会议”。请大家（包括列席同志）认真听讲！"


@pytest.mark.parametrize("width", range(6, 40))  # "议”。" is 6 cells and cannot break
def test_no_line_starts_with_closing_or_ends_with_opening(width: int) -> None:
    lines = wrap(ZH, width)
    assert "".join(lines) == ZH
    for line in lines:
        assert display_width(line) <= width
        assert line[0] not in CLOSING, (width, lines)
        assert line[-1] not in OPENING, (width, lines)


def test_closing_mark_pushes_its_neighbour_to_the_next_line() -> None:
    # 10 cells: "同志们今天" fills the line; the comma must not begin the next one.
    assert wrap("同志们今天，开会", 10) == ["同志们今", "天，开会"]
    # An opening quote never ends a line: it moves down with what it opens.
    assert wrap("今天是他“重要”日子", 10) == ["今天是他", "“重要”日子"]


@pytest.mark.parametrize("mark", sorted("，。、；：？！）」』”’》"))
def test_each_closing_mark(mark: str) -> None:
    text = "一二三四五" + mark + "六七"
    lines = wrap(text, 10)
    assert all(line[0] != mark for line in lines)
    assert "".join(lines) == text


@pytest.mark.parametrize("mark", sorted("（「『“‘《"))
def test_each_opening_mark(mark: str) -> None:
    text = "一二三四" + mark + "五六七"
    lines = wrap(text, 10)
    assert all(line[-1] != mark for line in lines)
    assert "".join(lines) == text


def test_english_wraps_at_spaces_and_drops_them() -> None:
    text = "Good morning, and welcome to the annual meeting of the society."
    lines = wrap(text, 20)
    assert lines == ["Good morning, and", "welcome to the", "annual meeting of", "the society."]
    assert " ".join(lines) == text


def test_a_word_longer_than_the_line_is_cut_at_the_width() -> None:
    assert wrap("abcdefghijklmnop xyz", 6) == ["abcdef", "ghijkl", "mnop", "xyz"]


def test_mixed_cjk_and_latin() -> None:
    text = "本次会议采用 podium 系统进行计时，GDP增长6.5%。"
    lines = wrap(text, 12)
    assert all(display_width(line) <= 12 for line in lines)
    # Latin words stay whole; CJK breaks between characters; 6.5% stays together.
    assert "podium" in lines[1] or "podium" in lines[0]
    assert any("6.5%" in line for line in lines)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")


def test_double_dash_and_ellipsis_never_split() -> None:
    for text in ("一二三四——五六", "一二三四……五六"):
        for width in range(4, 14):
            pair = text[4:6]
            assert any(pair in line for line in wrap(text, width)), (text, width)


def test_width_counts_cells_and_is_never_exceeded() -> None:
    lines = wrap(ZH * 3, 7)  # odd width: a double-width character never straddles it
    assert all(display_width(line) <= 7 for line in lines)


def test_a_character_wider_than_the_line_stands_alone() -> None:
    assert wrap("一二", 1) == ["一", "二"]


def test_newlines_end_lines_and_empty_paragraphs_stay() -> None:
    assert wrap("一\n\n二", 10) == ["一", "", "二"]
    assert line_spans("ab\ncd", 10) == [(0, 2), (3, 5)]


def test_combining_marks_stay_with_their_base() -> None:
    text = "e\u0301" * 12
    for line in wrap(text, 5):
        assert not line.startswith("\u0301")


def test_custom_cell_function() -> None:
    # The screen passes Rich's cell width; any function of one character works.
    assert wrap("abcd", 2, cell=lambda c: 1) == ["ab", "cd"]


# --- properties ---------------------------------------------------------------------------

HOSTILE = (
    "\x00\x07\t\r\x0b\x1b\x7f\x85\x9b\u2028\u2029\u200b\u200d\u202e\u2066\ufeff"
    "\u0301\u0308\u093f\u0e34\u20dd[]/[/][b]\\"
)
"""Control characters, line separators, joiners, bidi controls, combining marks, markup."""
TEXT = st.text(
    alphabet=st.one_of(
        st.characters(codec="utf-8", exclude_categories=["Cs"]),
        st.sampled_from(sorted(CLOSING | OPENING) + list("一二三四五六七八九十 ")),
        st.sampled_from(HOSTILE),
    ),
    max_size=120,
)


@settings(max_examples=400, deadline=None)
@given(TEXT, st.integers(min_value=1, max_value=30))
def test_never_loses_or_reorders_a_character(text: str, width: int) -> None:
    spans = line_spans(text, width)
    # The spans are in order and cover the text; what lies between them is only the
    # newline and the spaces the line broke at.
    pos = 0
    for start, end in spans:
        assert pos <= start <= end
        assert set(text[pos:start]) <= set(" \u3000\n"), (text, spans)
        pos = end
    assert set(text[pos:]) <= set(" \u3000")
    assert (
        len(spans)
        == text.count("\n")
        + sum(max(0, len(line_spans(p, width)) - 1) for p in text.split("\n"))
        + 1
    )


@settings(max_examples=400, deadline=None)
@given(TEXT, st.integers(min_value=1, max_value=30))
def test_never_exceeds_the_width_but_for_one_unbreakable_cell(text: str, width: int) -> None:
    for line in wrap(text, width):
        if display_width(line) > width:
            solid = [c for c in line if char_width(c) > 0]
            assert len(solid) == 1, (line, width)


CJK_SENTENCES = st.lists(
    st.tuples(
        st.text(alphabet="一二三四五六七八九十人大中", min_size=1, max_size=8),
        st.sampled_from(["，", "。", "、", "；", "：", "？", "！", "”", "）", "」", "》", ""]),
        st.sampled_from(["“", "（", "「", "《", ""]),
    ),
    max_size=20,
)


@settings(max_examples=300, deadline=None)
@given(CJK_SENTENCES, st.integers(min_value=6, max_value=40))
def test_rules_hold_whenever_every_unit_fits(parts: list[tuple[str, str, str]], width: int) -> None:
    text = "".join(o + w + c for w, c, o in parts)
    if any(display_width(u.rstrip()) > width for u in units(text)):
        return  # an unbreakable run wider than the line must be cut somewhere
    lines = wrap(text, width)
    assert "".join(lines) == text
    for line in lines:
        if line:
            assert line[0] not in CLOSING and line[-1] not in OPENING, (lines, width)


@settings(max_examples=400, deadline=None)
@given(TEXT, st.integers(min_value=1, max_value=30))
def test_a_combining_mark_never_starts_a_line_after_its_base(text: str, width: int) -> None:
    """A mark (or a joiner) stays on the line of the character it belongs to: no line but the
    first of a paragraph starts with one when a character stands before it."""
    for paragraph in text.split("\n"):
        for start, _end in line_spans(paragraph, width)[1:]:
            if start < len(paragraph) and paragraph[start - 1 : start].strip():
                ch = paragraph[start]
                assert not unicodedata.combining(ch) and ch not in "\u200d", (paragraph, start)
