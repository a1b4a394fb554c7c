"""Contract: the live run sheet of the browser views (`sheet` of GET /api/v1/state) expects
upcoming items where the screen's run sheet does: the plan shifted by behind/ahead, honouring
fixed `at` times (podium.md, "Expected, not only planned"; remote.md, the view at `/`)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from podium.agenda.loader import load_agenda
from podium.agenda.plan import make_plan
from podium.engine.clock import ManualClock
from podium.engine.session import Session
from podium.host import Host
from podium.host.snapshot import snapshot

AGENDA = """\
podium: 1
meeting: {title: Fixed lunch, start: "09:00", language: en}
items:
  - {id: opening, title: Opening, duration: 10m, script: Welcome.}
  - {id: talk, title: Talk, duration: 10m, script: A talk.}
  - {id: lunch, kind: break, title: Lunch, duration: 1h, at: "12:00"}
  - {id: after, title: Afternoon, duration: 10m, script: Welcome back.}
"""


def _host(tmp_path: Path, clock: ManualClock) -> Host:
    path = tmp_path / "lunch.yaml"
    path.write_text(AGENDA, encoding="utf-8")
    loaded = load_agenda(str(path))
    assert loaded.agenda is not None, loaded.diagnostics
    session = Session(make_plan(loaded.agenda), clock, guard_s=0.4)
    return Host(session, guard_s=0.4)


def test_expected_starts_honour_a_fixed_time(tmp_path: Path) -> None:
    wall = dt.datetime(2026, 3, 12, 9, 0, 0, tzinfo=dt.timezone(dt.timedelta(hours=8)))
    clock = ManualClock(wall)
    host = _host(tmp_path, clock)
    host.run("go")  # on time, at 09:00
    clock.advance(5 * 60)
    sheet = {row["id"]: row for row in snapshot(host)["sheet"]}
    assert sheet["talk"]["expected_start"] == "09:10"
    assert sheet["lunch"]["expected_start"] == "12:00"  # held to its fixed time
    assert sheet["after"]["expected_start"] == "13:00"
    assert sheet["lunch"]["planned_start"] == "12:00"

    # Running late by a quarter of an hour moves the talk, not the fixed lunch.
    clock.advance(20 * 60)
    sheet = {row["id"]: row for row in snapshot(host)["sheet"]}
    assert sheet["talk"]["expected_start"] == "09:25"
    assert sheet["lunch"]["expected_start"] == "12:00"
    assert sheet["after"]["expected_start"] == "13:00"
