"""Reading-time estimates: words or CJK characters per minute, and items' computed durations."""

from __future__ import annotations

import pytest

from podium.agenda.estimate import estimated_item_seconds, reading_seconds, reading_units
from podium.agenda.model import Cue, CueKind, ItemKind, Meeting

EN = Meeting(title="t")
ZH = Meeting(title="t", language="zh", reading_rate=220)


@pytest.mark.parametrize(
    ("text", "cjk", "units"),
    [
        ("Good morning, everyone.", False, 3),
        ("  spaced   out\nlines ", False, 3),
        ("", False, 0),
        ("同志们:今天召开会议。", True, 9),
        ("欢迎 Dr Ada 参加 2026 年会", True, 9),
        ("「」,。!?……", True, 0),
        ("こんにちは", True, 5),
        ("안녕하세요", True, 5),
    ],
)
def test_reading_units(text: str, cjk: bool, units: int) -> None:
    assert reading_units(text, cjk) == units


def test_reading_seconds_uses_the_meeting_rate() -> None:
    assert reading_seconds(" ".join(["w"] * 140), EN) == pytest.approx(60.0)
    assert reading_seconds("字" * 110, ZH) == pytest.approx(30.0)
    slow = Meeting(title="t", language="zh-CN", reading_rate=60)
    assert reading_seconds("字" * 10, slow) == pytest.approx(10.0)
    assert reading_seconds("", EN) == 0.0


def test_script_estimate_sums_cues_and_rounds_up() -> None:
    cues = [Cue(CueKind.SCRIPT, "a"), Cue(CueKind.SCRIPT, "b")]
    assert estimated_item_seconds(ItemKind.SCRIPT, cues, lambda c: 10.2) == 21
    assert estimated_item_seconds(ItemKind.SCRIPT, cues, lambda c: 10.0) == 20
    # float sums such as 0.1 * 3 must not round 0.30000000000000004 up to 1 second more
    three = [Cue(CueKind.SCRIPT, "x")] * 30
    assert estimated_item_seconds(ItemKind.SCRIPT, three, lambda c: 0.1) == 3


def test_awards_estimate_is_reading_plus_per_call() -> None:
    cues = [
        Cue(CueKind.INTRO, "intro"),
        Cue(CueKind.CALL, "call one", duration_s=30),
        Cue(CueKind.CALL, "call two", duration_s=45),
        Cue(CueKind.OUTRO, "outro"),
    ]
    seen: list[str] = []

    def measured(cue: Cue) -> float:
        seen.append(cue.text)
        return 2.5

    assert estimated_item_seconds(ItemKind.AWARDS, cues, measured) == 80
    assert seen == ["intro", "outro"]  # call-ups take their per_call, never a reading time


def test_speech_and_break_estimates_are_their_lengths() -> None:
    speech = [Cue(CueKind.INTRO, "hi"), Cue(CueKind.SPEECH, "Ann", duration_s=600)]
    assert estimated_item_seconds(ItemKind.SPEECH, speech, lambda c: 1.0) == 601
    assert (
        estimated_item_seconds(
            ItemKind.BREAK, [Cue(CueKind.BREAK, "", duration_s=300)], lambda c: 0.0
        )
        == 300
    )


def _reference_units(text: str) -> int:
    """The rule written out character by character: a CJK character is one unit, a run of
    other letters or digits is one."""

    def is_cjk(c: str) -> bool:
        o = ord(c)
        return any(
            lo <= o <= hi
            for lo, hi in (
                (0x3040, 0x30FF),
                (0x3400, 0x4DBF),
                (0x4E00, 0x9FFF),
                (0xAC00, 0xD7AF),
                (0xF900, 0xFAFF),
                (0x20000, 0x3FFFF),
            )
        )

    units, in_word = 0, False
    for c in text:
        if is_cjk(c):
            units, in_word = units + 1, False
        elif c.isalnum():
            units, in_word = units + (not in_word), True
        else:
            in_word = False
    return units


def test_cjk_units_match_the_rule_for_every_assigned_character_near_cjk() -> None:
    import unicodedata

    from podium.agenda.estimate import reading_units

    for o in [*range(0x20, 0x500), *range(0x3000, 0xFB00), *range(0x20000, 0x20100)]:
        c = chr(o)
        if unicodedata.category(c) in ("Cn", "Cs"):
            continue
        for text in (c, f"a{c}", f"{c}a", f"中{c}中", f"{c}{c} 1"):
            assert reading_units(text, True) == _reference_units(text), (hex(o), text)
