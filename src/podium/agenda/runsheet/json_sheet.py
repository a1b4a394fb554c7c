"""The run sheet as JSON, exactly the `podium-plan/1` shape of the command-line spec."""

from __future__ import annotations

import json
from typing import Any

from podium.agenda.model import Cue, CueKind
from podium.agenda.plan import Plan
from podium.agenda.runsheet.spoken import SpokenSeconds, spoken_value


def cue_json(cue: Cue, spoken_s: float | None) -> dict[str, Any]:
    """One cue: kind and text, plus what its kind carries (speech, call-up) and `spoken_s`."""
    data: dict[str, Any] = {"kind": str(cue.kind), "text": cue.text}
    if cue.kind is CueKind.SPEECH:
        data["speaker"] = cue.speaker if cue.speaker is not None else cue.text
        data["duration_s"] = cue.duration_s
    elif cue.kind is CueKind.CALL:
        data["names"] = list(cue.names)
        data["award"] = cue.award
        if cue.say is not None:
            data["say"] = list(cue.say)
    if cue.who is not None:
        data["who"] = cue.who
    if spoken_s is not None:
        data["spoken_s"] = spoken_value(spoken_s)
    return data


def plan_json(plan: Plan, spoken: SpokenSeconds | None = None) -> dict[str, Any]:
    """The plan as the JSON document's data."""
    meeting = plan.agenda.meeting
    items = []
    for index, planned in enumerate(plan.items):
        item = planned.item
        cues = [
            cue_json(cue, spoken.get((index, n)) if spoken is not None else None)
            for n, cue in enumerate(item.cues)
        ]
        items.append(
            {
                "id": item.id,
                "kind": str(item.kind),
                "title": item.title,
                "offset_s": planned.offset_s,
                "start": plan.start_clock(planned.offset_s),
                "duration_s": planned.duration_s,
                "estimated": item.estimated,
                "cues": cues,
            }
        )
    return {
        "format": "podium-plan/1",
        "meeting": {
            "title": meeting.title,
            "date": meeting.date.isoformat() if meeting.date else None,
            "start": plan.start_clock(0),
            "language": meeting.language,
        },
        "total_s": plan.total_s,
        "items": items,
    }


def render_json(plan: Plan, spoken: SpokenSeconds | None = None) -> str:
    """The JSON document: UTF-8 text as written (not \\u-escaped), indented by 2, newline-ended."""
    return json.dumps(plan_json(plan, spoken), ensure_ascii=False, indent=2) + "\n"
