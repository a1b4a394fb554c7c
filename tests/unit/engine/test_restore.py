"""Resume: a session rebuilt from its journal, with the downtime counted, after agenda edits too."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from podium.agenda.plan import make_plan
from podium.engine.clock import ManualClock
from podium.engine.journal import JournalWriter, read_journal
from podium.engine.restore import agenda_changes, restore_session
from podium.engine.session import Outcome, Phase, Position, Session

from .engine_agendas import brk, clock_at, make_agenda, script, speech


def run_and_crash(tmp_path: Path, agenda, clock: ManualClock, steps) -> Path:  # type: ignore[no-untyped-def]
    """Run `steps` (callables on the session) with a real journal, then drop everything."""
    path = tmp_path / "j.jsonl"
    writer = JournalWriter.create(path, agenda, rehearsal=False, now=clock.now())
    session = Session(make_plan(agenda), clock, journal=writer)
    for step in steps:
        step(session)
    writer.close()
    return path


def test_resume_counts_the_downtime_in_the_item_and_speech(tmp_path: Path) -> None:
    agenda = make_agenda(script("a", 60), speech("talk", 600, warn_s=120, danger_s=60))
    clock = clock_at(9, 0)
    path = run_and_crash(
        tmp_path,
        agenda,
        clock,
        [
            lambda s: s.go(),
            lambda s: clock.advance(70),
            lambda s: s.go(),
            lambda s: clock.advance(20),
            lambda s: s.go(),
            lambda s: clock.advance(400),
        ],
    )
    # the program was down for 90 s; a new process has a new monotonic origin
    later = ManualClock(wall=clock.now() + dt.timedelta(seconds=90), monotonic=5)
    restored = restore_session(make_plan(agenda), later, read_journal(path))
    s = restored.session
    assert restored.changes == ()
    assert s.position == Position(1, 1) and s.started and not s.ended
    assert s.item_elapsed_s() == pytest.approx(20 + 400 + 90, abs=0.002)
    assert s.timer_remaining_s() == pytest.approx(600 - 490, abs=0.002)
    assert s.timer_phase() is Phase.WARNING
    assert s.actual_s(0) == pytest.approx(70, abs=0.002)
    assert s.behind_s() == pytest.approx(10, abs=0.002)  # a ran 10 s long
    later.advance(60)
    assert s.timer_phase() is Phase.DANGER


def test_resume_keeps_pauses_and_adjustments(tmp_path: Path) -> None:
    agenda = make_agenda(speech("talk", 300, warn_s=60, danger_s=30), script("b", 60))
    clock = clock_at(9, 0)
    path = run_and_crash(
        tmp_path,
        agenda,
        clock,
        [
            lambda s: s.go(),
            lambda s: clock.advance(1),
            lambda s: s.go(),
            lambda s: clock.advance(100),
            lambda s: s.adjust(60),
            lambda s: s.toggle_pause(),
            lambda s: clock.advance(30),
        ],
    )
    later = ManualClock(wall=clock.now() + dt.timedelta(seconds=50), monotonic=0)
    s = restore_session(make_plan(agenda), later, read_journal(path)).session
    assert s.paused
    assert s.item_planned_s() == 360
    assert s.timer_remaining_s() == pytest.approx(260, abs=0.002)
    assert s.toggle_pause() is Outcome.DONE  # and the host carries on
    later.advance(10)
    assert s.timer_remaining_s() == pytest.approx(250, abs=0.002)


def test_resumed_session_appends_to_the_same_journal(tmp_path: Path) -> None:
    agenda = make_agenda(script("a", 60), brk("b", 60))
    clock = clock_at(9, 0)
    path = run_and_crash(tmp_path, agenda, clock, [lambda s: s.go()])
    clock.advance(5)
    writer = JournalWriter.append_to(path)
    restored = restore_session(make_plan(agenda), clock, read_journal(path), journal=writer)
    restored.session.go()
    restored.session.end()
    events = read_journal(path).events
    assert [e.event for e in events] == ["go", "go", "end"]  # the replay wrote nothing


def test_changed_agenda_is_matched_by_id_and_explained(tmp_path: Path) -> None:
    old = make_agenda(
        script("a", 60), script("awards", 120, cues=3), script("c", 60), sha256="1" * 64
    )
    clock = clock_at(9, 0)
    path = run_and_crash(
        tmp_path,
        old,
        clock,
        [
            lambda s: s.go(),
            lambda s: clock.advance(30),
            lambda s: s.go(),
            lambda s: clock.advance(10),
            lambda s: s.go(),
            lambda s: s.go(),
        ],
    )
    new = make_agenda(script("a", 90), script("c", 60, cues=2), script("new", 30), sha256="2" * 64)
    new = dataclasses.replace(
        new, items=(new.items[0], dataclasses.replace(new.items[1], title="Closing"), new.items[2])
    )
    restored = restore_session(make_plan(new), clock, read_journal(path))
    assert restored.changes == (
        "item 'awards' was removed",
        "item 'new' was added",
        "item 'a' is now planned for 1:30 (was 1:00)",
        "item 'c' is now titled 'Closing' (was 'C')",
        "item 'c' now has 2 cues (was 1)",
        "item 'awards' is gone: its time counts in 'c'",
    )
    s = restored.session
    assert s.position == Position(1, 0)  # where 'awards' was: its successor
    assert s.actual_s(0) == pytest.approx(30, abs=0.002)


def test_unchanged_hash_means_no_changes(tmp_path: Path) -> None:
    agenda = make_agenda(script("a", 60))
    clock = clock_at(9, 0)
    path = run_and_crash(tmp_path, agenda, clock, [lambda s: s.go()])
    assert agenda_changes(read_journal(path), agenda) == []
    other = dataclasses.replace(agenda, sha256="f" * 64)
    assert agenda_changes(read_journal(path), other) == [
        "the agenda file changed since the journal began (the items are the same)"
    ]


def test_ended_journal_restores_an_ended_session(tmp_path: Path) -> None:
    agenda = make_agenda(script("a", 60))
    clock = clock_at(9, 0)
    path = run_and_crash(
        tmp_path, agenda, clock, [lambda s: s.go(), lambda s: clock.advance(42), lambda s: s.end()]
    )
    clock.advance(1000)
    s = restore_session(make_plan(agenda), clock, read_journal(path)).session
    assert s.ended and s.actual_s(0) == pytest.approx(42, abs=0.002)


def test_journal_without_events_restores_standby(tmp_path: Path) -> None:
    agenda = make_agenda(script("a", 60))
    clock = clock_at(9, 0)
    path = run_and_crash(tmp_path, agenda, clock, [])
    s = restore_session(make_plan(agenda), clock, read_journal(path)).session
    assert s.position is None and not s.started
    assert s.go() is Outcome.DONE and s.position == Position(0, 0)


def test_journal_of_another_path_says_so(tmp_path: Path) -> None:
    agenda = make_agenda(script("a", 60), path="/meetings/old.yaml")
    clock = clock_at(9, 0)
    path = run_and_crash(tmp_path, agenda, clock, [lambda s: s.go()])
    here = dataclasses.replace(agenda, path="/meetings/copy.yaml")
    assert agenda_changes(read_journal(path), here) == [
        "the journal was written for /meetings/old.yaml"
    ]
