"""How durations, countdowns and behind/ahead are written."""

from __future__ import annotations

import pytest

from podium.engine.timefmt import (
    countdown_text,
    elapsed_text,
    rounded_text,
    signed_text,
)


@pytest.mark.parametrize(
    ("seconds", "text"),
    [
        (0, "0:00"),
        (59.4, "0:59"),
        (59.5, "1:00"),
        (131, "2:11"),
        (3599, "59:59"),
        (3600, "1:00:00"),
        (3720, "1:02:00"),
        (-5, "0:05"),
    ],
)
def test_duration_text(seconds: float, text: str) -> None:
    assert rounded_text(seconds) == text


@pytest.mark.parametrize(
    ("seconds", "text"),
    [
        (11, "+0:11"),
        (-5, "-0:05"),
        (0, "0:00"),
        (0.4, "0:00"),
        (-0.5, "-0:01"),
        (190, "+3:10"),
        (3725, "+1:02:05"),
    ],
)
def test_signed_text(seconds: float, text: str) -> None:
    assert signed_text(seconds) == text


@pytest.mark.parametrize(
    ("remaining", "text"),
    [
        (300, "5:00"),
        (299.001, "5:00"),
        (299, "4:59"),
        (0.001, "0:01"),
        (0, "+0:00"),
        (-0.999, "+0:00"),
        (-1, "+0:01"),
        (-72, "+1:12"),
    ],
)
def test_countdown_rounds_up_then_counts_overtime_up(remaining: float, text: str) -> None:
    assert countdown_text(remaining) == text


def test_elapsed_rounds_down() -> None:
    assert elapsed_text(59.999) == "0:59" and elapsed_text(60) == "1:00"
