"""Reading-time estimates: how long the host takes to read a text, and an item's planned time."""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence

from podium.agenda.model import Cue, CueKind, ItemKind, Meeting

# A run of letters and digits ([^\W_] is exactly str.isalnum). CJK characters are letters
# too, so a run is split further below. (A character class of the CJK ranges would do it in
# one regex, but compiling one costs ~4 ms at every start: the BMP ranges are expanded into
# a bitmap character by character.)
# Kana that are not letters (voicing marks, ゠, the middle dot ・) count as CJK characters too.
_RUN = re.compile("[^\\W_]+|[\u3040\u3097-\u309c\u30a0\u30fb]")


def _is_cjk(c: str) -> bool:
    o = ord(c)
    return (
        0x3040 <= o <= 0x30FF  # kana
        or 0x3400 <= o <= 0x4DBF
        or 0x4E00 <= o <= 0x9FFF
        or 0xAC00 <= o <= 0xD7AF  # hangul syllables
        or 0xF900 <= o <= 0xFAFF
        or 0x20000 <= o <= 0x3FFFF
    )


def _run_units(run: str) -> int:
    """Units in one run of letters and digits: each CJK character, and each stretch of others."""
    if run.isascii():
        return 1
    units = 0
    in_word = False
    for c in run:
        if _is_cjk(c):
            units += 1
            in_word = False
        elif not in_word:
            units += 1
            in_word = True
    return units


def reading_units(text: str, cjk: bool) -> int:
    """Words, or for CJK meetings characters: each CJK character counts one, as does each run
    of other letters or digits (a Latin word or a number); punctuation and spaces count nothing."""
    if not cjk:
        return len(text.split())
    return sum(map(_run_units, _RUN.findall(text)))


def reading_seconds(text: str, meeting: Meeting) -> float:
    """Seconds the host needs to read `text` aloud at the meeting's reading rate."""
    if not text:
        return 0.0
    return reading_units(text, meeting.is_cjk) * 60.0 / meeting.reading_rate


def estimated_item_seconds(
    item_kind: ItemKind, cues: Sequence[Cue], cue_seconds: Callable[[Cue], float]
) -> int:
    """An item's computed planned duration in whole seconds, rounded up.

    script: the sum of its cues' times; awards: intro and outro times plus each call-up's
    `duration_s` (its `per_call`); speech and break: the length their cue carries.
    `cue_seconds` gives a cue's time: a reading estimate, or a measured spoken duration.
    """
    total = 0.0
    for cue in cues:
        if cue.kind in (CueKind.CALL, CueKind.SPEECH, CueKind.BREAK) and (
            item_kind is not ItemKind.SCRIPT
        ):
            total += cue.duration_s or 0
        else:
            total += cue_seconds(cue)
    # round() first so 59.0000000001 from float sums does not become 60.
    return math.ceil(round(total, 6))
