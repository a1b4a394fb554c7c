"""The flat state JSON: every field the views and buttons read, computed from the clock now."""

from __future__ import annotations

import json
from typing import Any

from podium.engine.clock import ManualClock
from podium.host.snapshot import snapshot, view_language

from .remote_helpers import make_host

SPEC_FIELDS = [
    *("rev", "started", "item_id", "item_title", "cue_kind", "cue_text", "next_text"),
    *("item_elapsed_s", "item_planned_s", "item_remaining_hms", "phase"),
    *("speech_remaining_hms", "behind_s", "behind_text", "projected_end", "batch", "names"),
    *("next_names", "paused", "blank", "message_host", "message_stage"),
    *("server_time_ms", "deadline_ms"),
]


def to_speech(host: Any, clock: ManualClock) -> None:
    """GO up to the talk's speech cue (intro, then speech)."""
    for _ in range(4):
        host.run("go")
        clock.advance(1)
    assert host.session.cue.kind.value == "speech"


def test_every_field_of_the_contract_before_the_start() -> None:
    state = snapshot(make_host())
    assert set(SPEC_FIELDS) <= set(state)
    json.dumps(state)  # all JSON
    assert state["started"] is False
    assert state["item_id"] is None and state["item_title"] == ""
    assert state["phase"] == "none"
    assert state["deadline_ms"] is None
    assert state["next_text"].startswith("Good morning")
    assert state["message_host"] == state["message_stage"] == ""


def test_speech_countdown_and_its_deadline() -> None:
    clock = ManualClock()
    host = make_host(clock=clock)
    to_speech(host, clock)
    clock.advance(10.25)  # 11.25 s into the speech
    state = snapshot(host)
    assert state["cue_kind"] == "speech"
    assert state["countdown"] == "speech"
    assert state["speech_remaining_hms"] == "0:49"
    assert state["phase"] == "normal"
    assert state["server_time_ms"] == int(clock.now().timestamp() * 1000)
    assert state["deadline_ms"] == state["server_time_ms"] + 48750
    assert (state["warn_s"], state["danger_s"]) == (30, 15)
    clock.advance(40)
    assert snapshot(host)["phase"] == "danger"
    clock.advance(20)
    late = snapshot(host)
    assert late["phase"] == "overtime"
    assert late["speech_remaining_hms"] == "+0:11"
    # the deadline does not move while time passes: views count from it
    assert late["deadline_ms"] == state["deadline_ms"]


def test_paused_countdown_has_no_deadline() -> None:
    clock = ManualClock()
    host = make_host(clock=clock)
    to_speech(host, clock)
    host.run("pause")
    state = snapshot(host)
    assert state["paused"] is True
    assert state["deadline_ms"] is None
    assert state["remaining_s"] == 59  # the view shows it standing still


def test_call_ups_for_backstage() -> None:
    clock = ManualClock()
    host = make_host(clock=clock)
    host.run("go")
    clock.advance(1)
    host.run("jump", item="prizes")
    state = snapshot(host)
    assert state["batch"] == ""  # the intro: nobody on stage yet
    assert state["next_batch"] == "1/2"
    assert state["next_names"] == ["Ana Lima", "Zhou Min"]
    assert state["next_recipients"][1] == {"n": 2, "name": "Zhou Min", "unit": "Engineering",
                                           "note": ""}  # fmt: skip
    assert state["after_batch"] == "2/2"
    clock.advance(1)
    host.run("go")
    state = snapshot(host)
    assert state["batch"] == "1/2"
    assert state["award"] == "Demo Prize"
    assert state["names"] == ["Ana Lima", "Zhou Min"]
    assert state["names_text"] == "Ana Lima, Zhou Min"
    assert state["next_names"] == ["Sam Okoro", "Niamh Byrne"]
    assert state["after_batch"] == ""
    assert state["batches_left"] == 1


def test_messages_blank_and_behind() -> None:
    clock = ManualClock()
    host = make_host(clock=clock)
    host.run("go")
    host.run("message", to="stage", text="<b>Wrap up</b>")
    host.run("blank")
    clock.advance(100)
    state = snapshot(host)
    assert state["message_stage"] == "<b>Wrap up</b>"
    assert state["blank"] is True
    assert state["behind_s"] == 100 - 13
    assert state["behind_text"] == "+1:27 behind"
    assert state["item_remaining_hms"] == "+1:27"
    assert state["phase"] == "overtime"
    assert len(state["projected_end"]) == 5


def test_run_sheet() -> None:
    clock = ManualClock()
    host = make_host(clock=clock)
    host.run("go")
    clock.advance(30)
    host.run("jump", item="talk")
    sheet = snapshot(host)["sheet"]
    assert [row["status"] for row in sheet] == ["done", "current", "upcoming"]
    assert sheet[0]["actual_s"] == 30
    assert sheet[0]["delta_s"] == 30 - 13
    assert sheet[2]["expected_start"] != ""


def test_chinese_meeting() -> None:
    host = make_host("district-conference.zh.yaml")
    assert snapshot(host)["lang"] == "zh"
    assert view_language("zh_Hans") == view_language("zh-CN") == "zh"
    assert view_language("en-GB") == view_language(None) == "en"


def test_a_projected_end_on_another_day_carries_its_date() -> None:
    """Started at 23:59, the meeting ends after midnight: the views say which day (as the
    screen does), never a bare time that reads as today."""
    import datetime as dt

    tz = dt.timezone(dt.timedelta(hours=8))
    clock = ManualClock(dt.datetime(2026, 3, 12, 23, 59, tzinfo=tz))
    host = make_host(clock=clock)
    host.run("go")
    end = host.session.projected_end()
    assert end.date() == dt.date(2026, 3, 13)
    assert snapshot(host)["projected_end"] == end.strftime("03-13 %H:%M")
