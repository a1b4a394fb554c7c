"""The JSON Schema agrees with the loader on durations, clock times and each kind's keys."""

from __future__ import annotations

import json
import re

import pytest

from podium.agenda import loader
from podium.agenda.durations import parse_clock, parse_duration
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
