"""Numbers in an agenda, as a class (issue 15): digits of any script are one rule in every
number of the format, and a number of any length in any numeric key is a value or a
positioned error, never an internal error or a message quoting thousands of digits."""

from __future__ import annotations

import os
import sys
import tempfile
import unicodedata
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from podium.agenda.loader import LoadResult, load_agenda

SETTINGS = settings(
    max_examples=int(os.environ.get("PODIUM_PROPERTY_EXAMPLES", "100")),
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)

ZEROS = [
    chr(c)
    for c in range(sys.maxunicode + 1)
    if unicodedata.category(chr(c)) == "Nd" and unicodedata.decimal(chr(c)) == 0
]
"""The zero of every script's decimal digits (ASCII, full-width, Devanagari, Arabic-Indic …)."""


def in_script(number: str, zero: str) -> str:
    return "".join(chr(ord(zero) + int(d)) if d.isdigit() else d for d in number)


def load(text: str) -> LoadResult:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "a.yaml"
        path.write_text(text, encoding="utf-8")
        return load_agenda(str(path))


def agenda(
    *,
    start: str = "09:00",
    rate: str = "200",
    at: str = "10:00",
    batch: str = "2",
    per_call: str = "5s",
    duration: str = "90s",
) -> str:
    return (
        "podium: 1\nmeeting:\n  title: T\n"
        f"  start: {start}\n  reading_rate: {rate}\nitems:\n"
        f"  - kind: break\n    title: b\n    duration: {duration}\n"
        f"  - kind: awards\n    title: a\n    at: {at}\n    batch: {batch}\n"
        f"    per_call: {per_call}\n    recipients: [A, B, C]\n"
    )


def facts(result: LoadResult) -> tuple[object, ...]:
    if result.agenda is None:
        return ("invalid", tuple((d.line, d.col) for d in result.errors))
    meeting, (pause, awards) = result.agenda.meeting, result.agenda.items
    return (
        meeting.start_s,
        meeting.reading_rate,
        pause.duration_s,
        awards.at_s,
        len(awards.cues),
        awards.cues[0].duration_s,
        len(result.warnings),
    )


DURATION_FORMS = ["{n}", "{n}s", "{n}m", "{n} min", "{n}分钟", "{n}秒", "0:{nn}", "{h}:{nn}:{nn}"]


@SETTINGS
@given(
    zero=st.sampled_from(ZEROS),
    n=st.integers(min_value=1, max_value=59),
    form=st.sampled_from(DURATION_FORMS),
    hour=st.integers(min_value=7, max_value=22),
    key=st.sampled_from(["duration", "per_call", "batch", "rate", "at", "start"]),
)
def test_digits_of_any_script_mean_what_ascii_digits_mean(
    zero: str, n: int, form: str, hour: int, key: str
) -> None:
    written = form.format(n=n, nn=f"{n:02d}", h=1)
    values = {
        "duration": written,
        "per_call": written,
        "batch": str(n),
        "rate": str(100 + n),
        "at": f"{hour:02d}:{n:02d}",
        "start": f"{hour - 1:02d}:{n:02d}",
    }
    ascii_text = agenda(**{key: values[key]})
    other = agenda(**{key: in_script(values[key], zero)})
    assert facts(load(other)) == facts(load(ascii_text)), (zero, key, values[key])


@SETTINGS
@given(
    zero=st.sampled_from(ZEROS),
    length=st.integers(min_value=10, max_value=6000),
    key=st.sampled_from(["duration", "per_call", "batch", "rate", "at", "start"]),
    shape=st.sampled_from(["{d}", "{d}m", "1:{d}", "{d}:00", "0{d}", "-{d}", "{d}.5"]),
)
def test_a_number_of_any_length_is_a_value_or_a_positioned_error(
    zero: str, length: int, key: str, shape: str
) -> None:
    digits = in_script("9" * length, zero)
    text = agenda(**{key: shape.format(d=digits)})
    result = load(text)  # never raises
    line_of = {"start": 4, "rate": 5, "duration": 9, "at": 12, "batch": 13, "per_call": 14}
    assert result.agenda is None
    [error] = result.errors
    row = text.split("\n")[line_of[key] - 1]
    assert error.line == line_of[key], (error, row)
    assert error.col == row.index(": ") + 3, (error, row)  # at the value
    shown = str(error)
    assert len(shown) < 400
    assert len(digits) <= 40 or digits not in shown  # quoted cut short
