"""Hand-built agendas and fake clocks for the engine tests (no loader needed)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from podium.agenda.model import Agenda, Cue, CueKind, Item, ItemKind, Meeting
from podium.engine.clock import ManualClock

TZ = dt.timezone(dt.timedelta(hours=8))
DAY = dt.date(2026, 3, 12)


def script(item_id: str, duration_s: int, cues: int = 1, at_s: int | None = None) -> dict:
    return {"id": item_id, "kind": "script", "duration_s": duration_s, "cues": cues, "at_s": at_s}


def speech(
    item_id: str, duration_s: int, warn_s: int = 120, danger_s: int = 60, at_s: int | None = None
) -> dict:
    return {
        "id": item_id,
        "kind": "speech",
        "duration_s": duration_s,
        "warn_s": warn_s,
        "danger_s": danger_s,
        "at_s": at_s,
    }


def brk(item_id: str, duration_s: int, at_s: int | None = None) -> dict:
    return {"id": item_id, "kind": "break", "duration_s": duration_s, "at_s": at_s}


def awards(item_id: str, calls: int, per_call_s: int = 30) -> dict:
    return {"id": item_id, "kind": "awards", "calls": calls, "per_call_s": per_call_s}


def _item(index: int, spec: dict[str, Any]) -> Item:
    kind = spec["kind"]
    title = spec.get("title", spec["id"].replace("-", " ").title())
    if kind == "script":
        cues = tuple(
            Cue(CueKind.SCRIPT, f"{title} text {n + 1}.") for n in range(spec.get("cues", 1))
        )
        return Item(
            index,
            spec["id"],
            ItemKind.SCRIPT,
            title,
            spec["duration_s"],
            False,
            cues,
            at_s=spec.get("at_s"),
        )
    if kind == "speech":
        d = spec["duration_s"]
        cues = (
            Cue(CueKind.INTRO, f"Please welcome {title}."),
            Cue(CueKind.SPEECH, "Speaker", speaker="Speaker", duration_s=d),
            Cue(CueKind.OUTRO, "Thank you."),
        )
        return Item(
            index,
            spec["id"],
            ItemKind.SPEECH,
            title,
            d,
            False,
            cues,
            at_s=spec.get("at_s"),
            warn_s=spec["warn_s"],
            danger_s=spec["danger_s"],
        )
    if kind == "break":
        d = spec["duration_s"]
        cues = (Cue(CueKind.BREAK, "Coffee.", duration_s=d),)
        return Item(index, spec["id"], ItemKind.BREAK, title, d, False, cues, at_s=spec.get("at_s"))
    if kind == "awards":
        n, per = spec["calls"], spec["per_call_s"]
        calls = tuple(
            Cue(
                CueKind.CALL,
                f"Please come: N{b}.",
                names=(f"N{b}",),
                award="Prize",
                batch=b,
                batches=n,
                duration_s=per,
            )
            for b in range(1, n + 1)
        )
        return Item(index, spec["id"], ItemKind.AWARDS, title, n * per, True, calls)
    raise ValueError(kind)


def make_agenda(
    *specs: dict[str, Any],
    start_s: int | None = 9 * 3600,
    date: dt.date | None = DAY,
    path: str = "/meetings/agenda.yaml",
    sha256: str = "0" * 64,
    title: str = "Annual meeting",
) -> Agenda:
    """An agenda of the given items (see `script`, `speech`, `brk`, `awards`)."""
    meeting = Meeting(title=title, date=date, start_s=start_s)
    items = tuple(_item(i, spec) for i, spec in enumerate(specs))
    return Agenda(path=path, sha256=sha256, meeting=meeting, items=items)


def clock_at(hh: int, mm: int, ss: int = 0, day: dt.date = DAY) -> ManualClock:
    """A fake clock whose wall time starts at `day` hh:mm:ss (+08:00)."""
    return ManualClock(wall=dt.datetime(day.year, day.month, day.day, hh, mm, ss, tzinfo=TZ))
