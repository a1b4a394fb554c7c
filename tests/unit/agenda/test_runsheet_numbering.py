"""Item numbers of the printed run sheet."""

from __future__ import annotations

import pytest

from podium.agenda.runsheet.numbering import chinese_numeral, item_number


@pytest.mark.parametrize(
    ("n", "text"),
    [
        (1, "一"),
        (9, "九"),
        (10, "十"),
        (11, "十一"),
        (19, "十九"),
        (20, "二十"),
        (21, "二十一"),
        (99, "九十九"),
        (100, "一百"),
        (101, "一百零一"),
        (105, "一百零五"),
        (110, "一百一十"),
        (111, "一百一十一"),
        (200, "二百"),
        (1000, "一千"),
        (1001, "一千零一"),
        (1010, "一千零一十"),
        (1100, "一千一百"),
        (2026, "二千零二十六"),
        (9999, "九千九百九十九"),
        (10000, "10000"),
        (0, "0"),
    ],
)
def test_chinese_numerals(n: int, text: str) -> None:
    assert chinese_numeral(n) == text


def test_item_numbers_follow_the_language() -> None:
    assert item_number(3, chinese=True) == "三、"
    assert item_number(12, chinese=True) == "十二、"
    assert item_number(3, chinese=False) == "3."
