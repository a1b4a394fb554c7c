"""The JSON Schema agrees with the loader on durations, clock times and each kind's keys."""

from __future__ import annotations

import itertools
import json
import re

import pytest

from podium.agenda import loader
from podium.agenda.durations import (
    HOUR_WORDS,
    MINUTE_WORDS,
    SECOND_WORDS,
    duration_seconds,
    parse_clock,
    parse_duration,
)
from podium.agenda.schema import CLOCK_PATTERN, DURATION_PATTERN, agenda_schema

DURATIONS = [
    "90",
    "90s",
    "2m",
    "1m30s",
    "1h",
    "1h15m",
    "1:30",
    "1:02:03",
    "90秒",
    "2分",
    "2分钟",
    "1小时",
    "1小时30分",
    "1h 15m",
    "2min",
]
NOT_DURATIONS = ["abc", "2 minutes", "1.5h", "1:3", "1:60", "-5", ""]


@pytest.mark.parametrize("text", DURATIONS)
def test_duration_pattern_accepts_what_the_loader_accepts(text: str) -> None:
    parse_duration(text)
    assert re.search(DURATION_PATTERN, text)


@pytest.mark.parametrize("text", NOT_DURATIONS)
def test_duration_pattern_refuses_what_the_loader_refuses(text: str) -> None:
    with pytest.raises(ValueError):
        parse_duration(text)
    assert not re.search(DURATION_PATTERN, text)


def _written_durations() -> list[str]:
    """Every way of writing a duration the parser knows, and near misses: each unit word in
    three cases, with and without (full-width) spaces, in every combination and order."""
    numbers = ("0", "7", "90", "１５")
    spaces = ("", " ", "\u3000")
    cases = (str, str.upper, str.title)
    words = {
        unit: sorted({case(w) for w in table for case in cases})
        for unit, table in (("h", HOUR_WORDS), ("m", MINUTE_WORDS), ("s", SECOND_WORDS))
    }
    texts = [*numbers, "", " ", "h", "1.5h", "1:3", "1:60", "1:２０", "1:02:60", "-5", "+5", "1e3"]
    texts += [f"{a}:{b}" for a in numbers for b in ("00", "05", "59", "60", "５９")]
    texts += [f"1:{b}:{c}" for b in ("00", "59", "60") for c in ("00", "59", "60")]
    for units in itertools.chain.from_iterable(itertools.permutations("hms", n) for n in (1, 2, 3)):
        for word_choice in itertools.product(*(words[u] for u in units)):
            for space in spaces:
                texts.append("".join(f"7{space}{w}{space}" for w in word_choice).strip())
    texts += ["2 minutes", "2mn", "1hour", "1m30", "30s1m", "1小时半", "一分钟", "1 ſ", "5K"]
    return texts


def test_duration_pattern_is_exactly_the_parsers_syntax() -> None:
    """The schema's pattern and the parser agree on every form (range checks are validate's)."""
    texts = _written_durations()
    assert len(texts) > 1000
    disagree = [
        t
        for t in texts
        if (duration_seconds(t) is not None) != bool(re.search(DURATION_PATTERN, t))
    ]
    assert disagree == []


def test_full_width_digits_are_digits() -> None:
    assert parse_duration("３０分钟") == parse_duration("30分钟") == 1800
    assert parse_duration("１:３０") == 90


@pytest.mark.parametrize(
    ("text", "ok"), [("09:00", True), ("9:05:30", True), ("24:00", False), ("9am", False)]
)
def test_clock_pattern(text: str, ok: bool) -> None:
    assert bool(re.search(CLOCK_PATTERN, text)) is ok
    if ok:
        parse_clock(text)


def test_kind_schemas_list_exactly_the_loaders_keys() -> None:
    schema = agenda_schema()
    json.dumps(schema)  # plain JSON data
    defs = schema["definitions"]
    for kind, keys in loader.KIND_KEYS.items():
        props = set(defs[f"{kind.value}_item"]["properties"])
        assert props == {*loader.COMMON_ITEM_KEYS, *keys}, kind
        assert defs[f"{kind.value}_item"]["additionalProperties"] is False
    assert set(defs["meeting"]["properties"]) == set(loader.MEETING_KEYS)
    assert set(defs["group"]["properties"]) == set(loader.GROUP_KEYS)
    assert set(schema["properties"]) == set(loader.TOP_KEYS)
