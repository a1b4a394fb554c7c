"""The engine's session: cursor, guard, timers, phases, behind/ahead, projected end."""

from __future__ import annotations

import datetime as dt

import pytest

from podium.agenda.plan import make_plan
from podium.engine.session import ItemStatus, Outcome, Phase, Position, Session

from .engine_agendas import DAY, TZ, brk, clock_at, make_agenda, script, speech


def wall(hh: int, mm: int, ss: int = 0, day: dt.date = DAY) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, hh, mm, ss, tzinfo=TZ)


def three_items() -> Session:
    agenda = make_agenda(
        script("opening", 120, cues=2), speech("keynote", 600), script("close", 60)
    )
    return Session(make_plan(agenda), clock_at(9, 0), guard_s=0.4)


class Recorder:
    def __init__(self) -> None:
        self.events: list[tuple[str, str | None, int | None, dict]] = []

    def record(self, event, *, at, item, cue, **fields):  # type: ignore[no-untyped-def]
        self.events.append((event, item, cue, fields))


# --- cursor -------------------------------------------------------------------------------


def test_standby_until_first_go_then_walks_every_cue() -> None:
    s = three_items()
    assert s.position is None and not s.started
    assert s.next_cue() is not None and s.next_cue()[1].text == "Opening text 1."  # type: ignore[index]
    seen = []
    while True:
        s.clock.advance(1)  # type: ignore[attr-defined]
        outcome = s.go()
        if outcome is Outcome.AT_END:
            break
        assert outcome is Outcome.DONE
        seen.append(s.position)
    assert seen == [
        Position(0, 0),
        Position(0, 1),
        Position(1, 0),
        Position(1, 1),
        Position(1, 2),
        Position(2, 0),
    ]
    assert s.next_cue() is None
    assert s.end() is Outcome.DONE
    assert s.ended and s.go() is Outcome.ENDED and s.back() is Outcome.ENDED


def test_back_at_start_and_across_items() -> None:
    s = three_items()
    assert s.back() is Outcome.AT_START
    s.go()
    assert s.back() is Outcome.AT_START
    s.clock.advance(1)  # type: ignore[attr-defined]
    s.go()
    s.clock.advance(1)  # type: ignore[attr-defined]
    s.go()
    assert s.position == Position(1, 0)
    assert s.back() is Outcome.DONE
    assert s.position == Position(0, 1)


def test_jump_needs_a_started_meeting_and_lands_on_first_cue() -> None:
    s = three_items()
    assert s.jump(2) is Outcome.NOT_STARTED
    s.go()
    assert s.jump(2) is Outcome.DONE and s.position == Position(2, 0)
    assert s.status(0) is ItemStatus.DONE
    assert s.status(1) is ItemStatus.SKIPPED
    assert s.status(2) is ItemStatus.CURRENT
    with pytest.raises(IndexError):
        s.jump(3)


def test_actions_before_start() -> None:
    s = three_items()
    assert s.toggle_pause() is Outcome.NOT_STARTED
    assert s.adjust(60) is Outcome.NOT_STARTED
    assert s.end() is Outcome.NOT_STARTED
    assert s.item_elapsed_s() == 0 and s.behind_s() == 0
    assert s.status(0) is ItemStatus.UPCOMING


# --- guard --------------------------------------------------------------------------------


def test_guard_ignores_a_second_press_and_a_held_button_advances_once() -> None:
    s = three_items()
    assert s.go() is Outcome.DONE
    # a held button repeats every 0.1 s for two seconds: every repeat is within 0.4 s
    # of the previous press, so none is accepted
    for _ in range(20):
        s.clock.advance(0.1)  # type: ignore[attr-defined]
        assert s.go() is Outcome.IGNORED_GUARD
    assert s.position == Position(0, 0)
    s.clock.advance(0.4)  # type: ignore[attr-defined]
    assert s.go() is Outcome.DONE  # exactly guard_s after the last press is accepted
    assert s.position == Position(0, 1)


def test_back_and_jump_are_not_guarded() -> None:
    s = three_items()
    s.go()
    s.clock.advance(1)  # type: ignore[attr-defined]
    s.go()
    assert s.back() is Outcome.DONE
    assert s.jump(1) is Outcome.DONE
    assert s.back() is Outcome.DONE


def test_ignored_press_is_not_journaled_and_at_end_too() -> None:
    rec = Recorder()
    agenda = make_agenda(script("only", 60))
    s = Session(make_plan(agenda), clock_at(9, 0), journal=rec)
    s.go()
    s.go()  # guard
    s.clock.advance(1)  # type: ignore[attr-defined]
    assert s.go() is Outcome.AT_END
    assert [e[0] for e in rec.events] == ["go"]


# --- timers and phases --------------------------------------------------------------------


def test_speech_phases_change_at_the_exact_second() -> None:
    agenda = make_agenda(speech("talk", 600, warn_s=120, danger_s=60))
    clock = clock_at(9, 0)
    s = Session(make_plan(agenda), clock)
    s.go()  # intro
    assert s.timer_remaining_s() is None and s.timer_phase() is None
    clock.advance(30)
    s.go()  # speech cue: its timer starts now
    assert s.timer_remaining_s() == 600
    assert s.timer_phase() is Phase.NORMAL
    clock.advance(479.999)
    assert s.timer_phase() is Phase.NORMAL
    clock.advance(0.001)  # remaining exactly 120
    assert s.timer_remaining_s() == pytest.approx(120)
    assert s.timer_phase() is Phase.WARNING
    clock.advance(59.999)
    assert s.timer_phase() is Phase.WARNING
    clock.advance(0.001)  # remaining 60
    assert s.timer_phase() is Phase.DANGER
    clock.advance(59.999)
    assert s.timer_phase() is Phase.DANGER
    clock.advance(0.001)  # remaining 0: time is out
    assert s.timer_phase() is Phase.OVERTIME
    clock.advance(72)
    assert s.timer_remaining_s() == pytest.approx(-72)
    assert s.item_elapsed_s() == pytest.approx(30 + 600 + 72)


def test_break_countdown_uses_default_thresholds() -> None:
    agenda = make_agenda(brk("coffee", 600))
    clock = clock_at(9, 0)
    s = Session(make_plan(agenda), clock)
    s.go()
    clock.advance(480)
    assert s.timer_remaining_s() == 120 and s.timer_phase() is Phase.WARNING
    clock.advance(60)
    assert s.timer_phase() is Phase.DANGER


def test_pause_stops_item_and_speech_timers() -> None:
    agenda = make_agenda(speech("talk", 300, warn_s=60, danger_s=30))
    clock = clock_at(9, 0)
    s = Session(make_plan(agenda), clock)
    s.go()
    clock.advance(10)
    s.go()
    clock.advance(100)
    assert s.toggle_pause() is Outcome.DONE and s.paused
    clock.advance(500)
    assert s.item_elapsed_s() == pytest.approx(110)
    assert s.timer_remaining_s() == pytest.approx(200)
    assert s.paused_for_s() == pytest.approx(500)
    assert s.toggle_pause() is Outcome.DONE and not s.paused
    clock.advance(50)
    assert s.item_elapsed_s() == pytest.approx(160)
    assert s.timer_remaining_s() == pytest.approx(150)
    assert s.actual_s(0) == pytest.approx(660)  # pauses count in the actual time
    assert s.actual_s(0, include_pauses=False) == pytest.approx(160)


def test_go_while_paused_resumes_and_journals_the_resume() -> None:
    rec = Recorder()
    s = Session(make_plan(make_agenda(script("a", 60, cues=2))), clock_at(9, 0), journal=rec)
    s.go()
    s.toggle_pause()
    s.clock.advance(5)  # type: ignore[attr-defined]
    s.go()
    assert not s.paused
    assert [e[0] for e in rec.events] == ["go", "pause", "resume", "go"]


def test_adjust_extends_item_and_speech_timer_but_not_the_plan() -> None:
    agenda = make_agenda(speech("talk", 300, warn_s=60, danger_s=30))
    clock = clock_at(9, 0)
    s = Session(make_plan(agenda), clock)
    s.go()
    clock.advance(1)
    s.go()
    assert s.adjust(60) is Outcome.DONE
    assert s.item_planned_s() == 360
    assert s.timer_remaining_s() == 360
    assert s.adjust(-60) is Outcome.DONE and s.adjust(-60) is Outcome.DONE
    assert s.item_planned_s() == 240 and s.timer_remaining_s() == 240
    assert s.summary()[0].planned_s == 300
    assert s.adjust(-10_000) is Outcome.DONE and s.item_planned_s() == 0  # clamped at zero


def test_back_and_jump_continue_an_items_time() -> None:
    clock = clock_at(9, 0)
    agenda = make_agenda(script("a", 60), script("b", 60), script("c", 60))
    s = Session(make_plan(agenda), clock)
    s.go()
    clock.advance(40)
    s.go()  # b
    clock.advance(30)
    s.back()  # back into a: its time continues
    assert s.item_elapsed_s() == pytest.approx(40)
    clock.advance(5)
    assert s.item_elapsed_s() == pytest.approx(45)
    s.jump(2)
    clock.advance(20)
    s.jump(1)
    clock.advance(10)
    assert s.actual_s(0) == pytest.approx(45)
    assert s.actual_s(1) == pytest.approx(40)
    assert s.actual_s(2) == pytest.approx(20)
    s.end()
    clock.advance(100)
    assert s.actual_s(1) == pytest.approx(40)  # frozen at the end
    assert [r.actual_s for r in s.summary()] == pytest.approx([45, 40, 20])


def test_speech_timer_survives_a_stray_go_and_back() -> None:
    clock = clock_at(9, 0)
    s = Session(make_plan(make_agenda(speech("talk", 300))), clock)
    s.go()
    clock.advance(1)
    s.go()  # speech
    clock.advance(100)
    s.go()  # outro by mistake
    clock.advance(5)
    s.back()
    assert s.timer_remaining_s() == pytest.approx(195)


# --- behind / ahead -----------------------------------------------------------------------


def test_behind_counts_from_planned_start_in_a_live_meeting_on_its_date() -> None:
    clock = clock_at(9, 3)  # three minutes late
    agenda = make_agenda(script("a", 120), script("b", 300))
    s = Session(make_plan(agenda), clock)
    s.go()
    assert s.behind_s() == pytest.approx(180)
    clock.advance(100)
    assert s.behind_s() == pytest.approx(180)  # within its planned time
    clock.advance(50)  # 30 s past its 120 s
    assert s.behind_s() == pytest.approx(210)
    s.go()  # b starts at 09:05:30, planned 09:02:00
    assert s.behind_s() == pytest.approx(210)
    assert s.planned_start(1) == wall(9, 2)
    assert s.actual_start(1) == wall(9, 5, 30)


def test_early_live_start_is_ahead() -> None:
    clock = clock_at(8, 58, 55)
    s = Session(make_plan(make_agenda(script("a", 120))), clock)
    assert s.until_start_s() == pytest.approx(65)
    s.go()
    assert s.behind_s() == pytest.approx(-65)


def test_rehearsal_counts_from_the_first_go() -> None:
    clock = clock_at(15, 0)
    agenda = make_agenda(script("a", 120), script("b", 300))
    s = Session(make_plan(agenda), clock, rehearsal=True)
    assert s.until_start_s() is None
    s.go()
    assert s.behind_s() == 0
    clock.advance(130)
    assert s.behind_s() == pytest.approx(10)
    s.go()
    assert s.behind_s() == pytest.approx(10)
    assert s.planned_start(1) == wall(15, 2)


def test_live_meeting_on_another_day_counts_from_the_first_go() -> None:
    clock = clock_at(9, 30, day=DAY + dt.timedelta(days=1))
    s = Session(make_plan(make_agenda(script("a", 120))), clock)
    s.go()
    assert s.behind_s() == 0


def test_meeting_without_date_counts_from_its_start_any_day() -> None:
    clock = clock_at(9, 10, day=DAY + dt.timedelta(days=5))
    s = Session(make_plan(make_agenda(script("a", 120), date=None)), clock)
    s.go()
    assert s.behind_s() == pytest.approx(600)


def test_meeting_without_start_counts_from_the_first_go() -> None:
    clock = clock_at(9, 10)
    s = Session(make_plan(make_agenda(script("a", 120), start_s=None)), clock)
    assert s.until_start_s() is None and s.planned_start(0) is None
    s.go()
    assert s.behind_s() == 0 and s.planned_start(0) == wall(9, 10)


def test_pause_does_not_count_as_overrun_until_the_next_item() -> None:
    clock = clock_at(9, 0)
    s = Session(make_plan(make_agenda(script("a", 60), script("b", 60))), clock)
    s.go()
    s.toggle_pause()
    clock.advance(300)
    assert s.behind_s() == 0  # the item's timer is stopped
    s.toggle_pause()
    s.go()
    assert s.behind_s() == pytest.approx(240)  # but the next item starts late


# --- projected end ------------------------------------------------------------------------


def test_projected_end_in_standby_and_running() -> None:
    clock = clock_at(8, 50)
    agenda = make_agenda(script("a", 600), script("b", 300))
    s = Session(make_plan(agenda), clock)
    assert s.projected_end() == wall(9, 15)
    clock.advance(15 * 60)  # 09:05, not started: starting now
    assert s.projected_end() == wall(9, 20)
    s.go()
    clock.advance(700)  # a overran by 100 s: nothing of it is left
    assert s.projected_end() == wall(9, 16, 40) + dt.timedelta(seconds=300)
    s.go()
    clock.advance(100)
    assert s.projected_end() == clock.now() + dt.timedelta(seconds=200)
    s.adjust(60)
    assert s.projected_end() == clock.now() + dt.timedelta(seconds=260)


def test_projected_end_honours_fixed_at_times() -> None:
    clock = clock_at(9, 0)
    lunch_at = 12 * 3600
    agenda = make_agenda(script("a", 3600), brk("lunch", 3600, at_s=lunch_at), script("b", 600))
    s = Session(make_plan(agenda), clock)
    assert s.projected_end() == wall(13, 10)
    s.go()
    clock.advance(1800)
    # a ends at 10:00 at the latest; lunch waits for 12:00
    assert s.projected_end() == wall(13, 10)
    clock.advance(3 * 3600)  # a runs until 12:30: lunch starts late
    assert s.projected_end() == wall(13, 40)


def test_projected_end_at_times_shift_with_a_rehearsal() -> None:
    clock = clock_at(15, 0)
    agenda = make_agenda(script("a", 600), brk("lunch", 600, at_s=9 * 3600 + 1800))
    s = Session(make_plan(agenda), clock, rehearsal=True)
    s.go()
    assert s.projected_end() == wall(15, 40)  # the gap before `at` moves with the start


# --- long runs ----------------------------------------------------------------------------


def test_eight_hours_in_small_steps_drift_nothing() -> None:
    clock = clock_at(9, 0)
    agenda = make_agenda(*(script(f"i{n}", 1800) for n in range(16)))
    s = Session(make_plan(agenda), clock)
    s.go()
    step = 0.25  # a display refresh four times a second, 8 hours of them
    frames = 8 * 3600 * 4
    for n in range(1, frames + 1):
        clock.advance(step)
        s.item_elapsed_s()
        if n % (1800 * 4) == 0 and n < frames:
            clock.advance(0.5)  # the guard: a press is never within 0.4 s of another
            s.go()
    assert s.position == Position(15, 0)
    assert s.meeting_elapsed_s() == pytest.approx(8 * 3600 + 7.5, abs=1e-3)
    assert s.item_elapsed_s() == pytest.approx(1800, abs=1e-3)
    assert s.behind_s() == pytest.approx(7.5, abs=1e-3)
    assert abs(s.projected_end() - wall(17, 0, 7) - dt.timedelta(seconds=0.5)) < dt.timedelta(
        milliseconds=1
    )


def test_standby_on_another_day_than_the_meetings_date_has_no_countdown() -> None:
    clock = clock_at(8, 0, day=DAY - dt.timedelta(days=1))
    s = Session(make_plan(make_agenda(script("a", 120))), clock)
    assert s.until_start_s() is None and s.planned_start(0) is None
    assert s.projected_end() == wall(8, 2, day=DAY - dt.timedelta(days=1))
