"""Durations and clock times in every form the agenda format allows, and the ones it refuses."""

from __future__ import annotations

import pytest

from podium.agenda.durations import format_duration, parse_clock, parse_duration


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("90", 90),
        ("1", 1),
        ("90s", 90),
        ("2m", 120),
        ("1m30s", 90),
        ("1h", 3600),
        ("1h15m", 4500),
        ("1h15m30s", 4530),
        ("1h 15m", 4500),
        ("1H30M", 5400),
        ("2min", 120),
        ("1:30", 90),
        ("0:45", 45),
        ("10:00", 600),
        ("90:00", 5400),
        ("1:02:03", 3723),
        ("24:00:00", 86400),
        ("90秒", 90),
        ("2分", 120),
        ("2分钟", 120),
        ("1小时", 3600),
        ("1小时30分", 5400),
        ("1小时30分钟", 5400),
        ("1分30秒", 90),
        ("２分钟", 120),
        ("  2m  ", 120),
        ("86400", 86400),
        ("24h", 86400),
    ],
)
def test_parse_duration_accepts(text: str, seconds: int) -> None:
    assert parse_duration(text) == seconds


@pytest.mark.parametrize(
    "text",
    [
        "",
        "abc",
        "2 minutes",
        "1.5h",
        "1:3",
        "1:60",
        "1:02:60",
        "1:60:00",
        "-5",
        "m",
        "2m2h",
        "1h30",
        "分钟",
        "1::30",
        "+5",
    ],
)
def test_parse_duration_rejects_with_an_example(text: str) -> None:
    with pytest.raises(ValueError) as exc:
        parse_duration(text)
    assert "expected a duration such as 90s, 2m, 1m30s, 1:30 or 2分钟" in str(exc.value)


@pytest.mark.parametrize("text", ["0", "0s", "0:00", "0分钟"])
def test_parse_duration_rejects_zero(text: str) -> None:
    with pytest.raises(ValueError, match="more than zero"):
        parse_duration(text)


@pytest.mark.parametrize("text", ["86401", "25h", "24:00:01", "1441m"])
def test_parse_duration_rejects_more_than_a_day(text: str) -> None:
    with pytest.raises(ValueError, match="at most 24 hours"):
        parse_duration(text)


@pytest.mark.parametrize(
    ("text", "seconds"),
    [
        ("09:00", 32400),
        ("9:00", 32400),
        ("13:30", 48600),
        ("00:00", 0),
        ("23:59:59", 86399),
        ("08:05:30", 29130),
    ],
)
def test_parse_clock(text: str, seconds: int) -> None:
    assert parse_clock(text) == seconds


@pytest.mark.parametrize(
    "text", ["24:00", "9", "9:60", "09:00:60", "9am", "0900", "", "１０：００"]
)
def test_parse_clock_rejects_with_an_example(text: str) -> None:
    with pytest.raises(ValueError, match="such as 09:00 or 13:30:00"):
        parse_clock(text)


@pytest.mark.parametrize(
    ("seconds", "text"),
    [
        (0, "0:00"),
        (5, "0:05"),
        (90, "1:30"),
        (599, "9:59"),
        (3599, "59:59"),
        (3600, "1:00:00"),
        (3723, "1:02:03"),
        (86400, "24:00:00"),
        (59.9, "0:59"),
        (-75, "-1:15"),
    ],
)
def test_format_duration(seconds: float, text: str) -> None:
    assert format_duration(seconds) == text
