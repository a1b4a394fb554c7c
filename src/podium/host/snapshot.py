"""The whole state of the running meeting as one flat JSON-ready dict, for the remote views,
the HTTP/WebSocket/OSC API and button hardware.

A pure function of the Host and its session's clock: every time in it is computed now. Values
come twice where a button needs them ready to show (`item_remaining_hms`, `behind_text`,
`batch`) and a program needs them raw (`item_elapsed_s`, `behind_s`, `deadline_ms`). Strings
are "" and numbers null when there is nothing to show. The fields are described in
docs/remote.md.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

from podium.agenda.model import Cue, CueKind
from podium.engine.session import Phase, Session, phase_for
from podium.engine.timefmt import (
    countdown_text,
    elapsed_text,
    projected_text,
    rounded_text,
    whole_seconds,
)
from podium.i18n import NP_, for_language
from podium.language import podium_language

_LABELS: dict[str, tuple[str, str]] = {
    # the screen's own labels (same context and text, so the same translation)
    "behind": NP_("clock.behind", "+{t} behind"),
    "ahead": NP_("clock.ahead", "{t} ahead"),
    "on_time": NP_("clock.on_time", "on time"),
    "speaker": NP_("speech.speaker", "Speaker"),
    "break": NP_("break", "Break"),
}


def snapshot(host: Any, *, sheet: bool = True) -> dict[str, Any]:
    """The state every view shows, as of the session clock's now (without the run sheet, the
    costliest part, when `sheet` is False: see `run_sheet`)."""
    session: Session = host.session
    clock = session.clock
    now_wall = clock.now()
    server_time_ms = int(now_wall.timestamp() * 1000)
    lang = view_language(getattr(host, "lang", None) or session.plan.agenda.meeting.language)
    meeting = session.plan.agenda.meeting

    item = session.item
    cue = session.cue
    pos = session.position
    state: dict[str, Any] = {
        "rev": host.revision,
        "lang": lang,
        "meeting_title": meeting.title,
        "started": session.started,
        "ended": session.ended,
        "end_pending": bool(getattr(host, "end_pending", False)),
        "paused": session.paused,
        "blank": bool(getattr(host, "blank", False)),
        "rehearsal": session.rehearsal,
        "item_id": item.id if item is not None else None,
        "item_title": item.title if item is not None else "",
        "item_kind": item.kind.value if item is not None else None,
        "item_index": item.index if item is not None else None,
        "items_total": len(session.items),
        "cue_kind": cue.kind.value if cue is not None else None,
        "cue_index": pos.cue if pos is not None else None,
        "cues_in_item": len(item.cues) if item is not None else 0,
        "cue_text": cue.text if cue is not None else "",
        "speaker": (cue.speaker or "") if cue is not None else "",
    }
    state.update(_next(session, lang))
    state.update(_timers(session, item is not None))
    state["behind_s"] = whole_seconds(session.behind_s())
    state["behind_text"] = behind_label(session.behind_s(), lang) if session.started else ""
    state["projected_end"] = projected_text(session.projected_end(), now_wall)
    state.update(_callups(session, meeting.list_separator))
    messages = getattr(host, "messages", {}) or {}
    for to in ("host", "stage"):
        message = messages.get(to)
        state[f"message_{to}"] = message.text if message is not None else ""
        state[f"message_{to}_at"] = message.at.strftime("%H:%M") if message is not None else ""
    state["server_time_ms"] = server_time_ms
    offset = now_wall.utcoffset()
    state["utc_offset_min"] = int(offset.total_seconds() // 60) if offset is not None else 0
    remaining = state["remaining_s"]
    running = remaining is not None and session.started and not session.ended
    state["deadline_ms"] = (
        server_time_ms + round(remaining * 1000) if running and not session.paused else None
    )
    if sheet:
        state["sheet"] = run_sheet(host)
    return state


def run_sheet(host: Any) -> list[dict[str, Any]]:
    """The `sheet` field: the live run sheet, one entry per item."""
    return _sheet(host.session, host.session.clock.now())


def view_language(tag: str | None) -> str:
    """The views' label language for a meeting language tag ("zh-CN", "zh_Hans" -> "zh")."""
    return podium_language(tag)


def behind_label(behind_s: float, lang: str) -> str:
    """`+4:10 behind` / `落后 4:10`, `1:05 ahead` / `提前 1:05`, or on time."""
    s = whole_seconds(behind_s)
    if s > 0:
        return _t("behind", lang, t=rounded_text(s))
    if s < 0:
        return _t("ahead", lang, t=rounded_text(-s))
    return _t("on_time", lang)


def _t(key: str, lang: str, **fields: str) -> str:
    context, message = _LABELS[key]
    return for_language(lang).pgettext(context, message).format(**fields)


def first_line(cue: Cue, lang: str) -> str:
    """The first line of a cue as the host would recognise it."""
    if cue.kind is CueKind.SPEECH:
        return f"{_t('speaker', lang)}: {cue.speaker or cue.text}"
    if cue.kind is CueKind.CALL and not cue.text:
        return " / ".join(cue.names)
    text = cue.text.strip()
    if not text and cue.kind is CueKind.BREAK:
        return _t("break", lang)
    return text.splitlines()[0] if text else ""


def _next(session: Session, lang: str) -> dict[str, Any]:
    nxt = session.next_cue()
    current = session.item
    if nxt is None:
        return {"next_text": "", "next_item_id": None, "next_item_title": ""}
    item, cue = nxt
    later_item = item if current is None or item.index != current.index else None
    if later_item is None:
        # the next item (not the next cue) for "outside awards: the current and next item"
        assert current is not None
        later = [it for it in session.items[current.index + 1 :] if it.cues]
        later_item = later[0] if later else None
    return {
        "next_text": first_line(cue, lang),
        "next_item_id": later_item.id if later_item is not None else None,
        "next_item_title": later_item.title if later_item is not None else "",
    }


def _timers(session: Session, started: bool) -> dict[str, Any]:
    """The item's countdown, the speech (or break) timer, and the one a countdown view shows."""
    if not started:
        return {
            "item_elapsed_s": 0,
            "item_planned_s": 0,
            "item_remaining_hms": "",
            "speech_remaining_hms": "",
            "speech_elapsed_hms": "",
            "countdown": "none",
            "remaining_s": None,
            "allotted_s": None,
            "warn_s": None,
            "danger_s": None,
            "phase": "none",
        }
    item = session.item
    assert item is not None
    elapsed = session.item_elapsed_s()
    planned = session.item_planned_s()
    timer_remaining = session.timer_remaining_s()
    timer_allotted = session.timer_allotted_s()
    if timer_remaining is not None and timer_allotted is not None:
        cue = session.cue
        assert cue is not None
        countdown = "speech" if cue.kind is CueKind.SPEECH else "break"
        remaining, allotted = timer_remaining, timer_allotted
        warn, danger = Session.thresholds(item, allotted)
    else:
        # An item's own countdown only turns to overtime: warning colours are the speech's.
        countdown, remaining, allotted = "item", planned - elapsed, planned
        warn, danger = 0, 0
    phase: Phase = phase_for(remaining, warn, danger)
    timer_elapsed = session.timer_elapsed_s()
    return {
        "item_elapsed_s": math.floor(elapsed + 1e-9),
        "item_planned_s": planned,
        "item_remaining_hms": countdown_text(planned - elapsed),
        "speech_remaining_hms": (
            countdown_text(timer_remaining) if timer_remaining is not None else ""
        ),
        "speech_elapsed_hms": elapsed_text(timer_elapsed) if timer_elapsed is not None else "",
        "countdown": countdown,
        "remaining_s": round(remaining, 3),
        "allotted_s": allotted,
        "warn_s": warn,
        "danger_s": danger,
        "phase": phase.value,
    }


def _recipients(cue: Cue) -> list[dict[str, Any]]:
    units = cue.units or (None,) * len(cue.names)
    notes = cue.notes or (None,) * len(cue.names)
    return [
        {"n": n, "name": name, "unit": unit or "", "note": note or ""}
        for n, (name, unit, note) in enumerate(zip(cue.names, units, notes, strict=False), 1)
    ]


def _batch(cue: Cue | None) -> str:
    return f"{cue.batch}/{cue.batches}" if cue is not None and cue.batches else ""


def _callups(session: Session, separator: str) -> dict[str, Any]:
    """The call-up on stage now, the next one to line up and the one after (backstage)."""
    cue = session.cue
    current = cue if cue is not None and cue.kind is CueKind.CALL else None
    upcoming: list[Cue] = []
    left = 0
    pos = session.position
    for i, item in enumerate(session.items):
        if pos is not None and i < pos.item:
            continue
        for c, later in enumerate(item.cues):
            if pos is not None and (i, c) <= (pos.item, pos.cue):
                continue
            if later.kind is CueKind.CALL:
                if len(upcoming) < 2:
                    upcoming.append(later)
                left += 1
    nxt = upcoming[0] if upcoming else None
    after = upcoming[1] if len(upcoming) > 1 else None
    return {
        "batch": _batch(current),
        "award": (current.award or "") if current is not None else "",
        "names": list(current.names) if current is not None else [],
        "names_text": separator.join(current.names) if current is not None else "",
        "recipients": _recipients(current) if current is not None else [],
        "next_batch": _batch(nxt),
        "next_award": (nxt.award or "") if nxt is not None else "",
        "next_names": list(nxt.names) if nxt is not None else [],
        "next_names_text": separator.join(nxt.names) if nxt is not None else "",
        "next_recipients": _recipients(nxt) if nxt is not None else [],
        "after_batch": _batch(after),
        "after_award": (after.award or "") if after is not None else "",
        "after_names": list(after.names) if after is not None else [],
        "after_recipients": _recipients(after) if after is not None else [],
        "batches_left": left,
    }


def _sheet(session: Session, now_wall: dt.datetime) -> list[dict[str, Any]]:
    """The live run sheet: per item its planned start, actual duration and expected start."""
    rows: list[dict[str, Any]] = []
    pos = session.position
    expected: dt.datetime | None = None
    # Under way: the engine's expected starts, which honour fixed `at` times as the screen's
    # run sheet does (a lunch fixed at 12:00 is never expected at 11:50).
    offsets = session.expected_offsets() if pos is not None else []
    if pos is None:
        start = session.planned_start(0) if session.items else None
        expected = max(start, now_wall) if start is not None else now_wall
    for item in session.items:
        status = session.status(item.index).value
        planned_start = session.planned_start(item.index)
        actual = session.actual_s(item.index)
        row_expected: str = ""
        if status == "upcoming":
            if expected is not None:
                row_expected = expected.strftime("%H:%M")
                expected += dt.timedelta(seconds=session.planned_with_adjustments_s(item.index))
            elif (offset := offsets[item.index]) is not None:
                row_expected = (now_wall + dt.timedelta(seconds=offset)).strftime("%H:%M")
        planned_s = session.planned_with_adjustments_s(item.index)
        delta = None if actual is None or status == "current" else actual - item.duration_s
        rows.append(
            {
                "id": item.id,
                "title": item.title,
                "kind": item.kind.value,
                "status": status,
                "planned_start": planned_start.strftime("%H:%M") if planned_start else "",
                "planned_s": planned_s,
                "planned_text": rounded_text(planned_s),
                "actual_s": None if actual is None else math.floor(actual + 1e-9),
                "actual_text": "" if actual is None else elapsed_text(actual),
                "delta_s": None if delta is None else whole_seconds(delta),
                "actual_start": (
                    a.strftime("%H:%M") if (a := session.actual_start(item.index)) else ""
                ),
                "expected_start": row_expected,
                "jumpable": bool(item.cues),
            }
        )
    return rows
