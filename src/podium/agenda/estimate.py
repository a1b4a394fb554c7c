"""Reading-time estimates: how long the host takes to read a text, and an item's planned time."""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence

from podium.agenda.model import Cue, CueKind, ItemKind, Meeting

_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\U00020000-\U0003ffff"
# One unit: a CJK character (kana, han, hangul syllables), or a run of other letters and
# digits ([^\W_] is exactly str.isalnum).
_UNIT = re.compile(f"[{_CJK}]|[^\\W_{_CJK}]+")


def reading_units(text: str, cjk: bool) -> int:
    """Words, or for CJK meetings characters: each CJK character counts one, as does each run
    of other letters or digits (a Latin word or a number); punctuation and spaces count nothing."""
    if not cjk:
        return len(text.split())
    return len(_UNIT.findall(text))


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
