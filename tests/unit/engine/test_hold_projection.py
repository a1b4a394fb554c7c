"""The current item reached before its fixed `at` time: the projected end and the expected
starts after it count from that time, not from when the host got there (found walking the
screen: the 区长's intro at 09:01 for 09:20 showed the meeting ending at 09:36)."""

from __future__ import annotations

import datetime as dt

from podium.agenda.plan import make_plan
from podium.engine.session import Session

from .engine_agendas import DAY, TZ, clock_at, make_agenda, script, speech


def wall(hh: int, mm: int, ss: int = 0) -> dt.datetime:
    return dt.datetime(DAY.year, DAY.month, DAY.day, hh, mm, ss, tzinfo=TZ)


def conference() -> Session:
    agenda = make_agenda(
        script("opening", 600),
        speech("chief", 1800, at_s=9 * 3600 + 20 * 60),  # fixed at 09:20, 30 minutes
        script("close", 300),
    )
    return Session(make_plan(agenda), clock_at(9, 0))


def test_the_hold_keeps_the_projected_end_and_the_expected_starts_of_the_plan() -> None:
    s = conference()
    s.go()
    s.clock.advance(60)  # type: ignore[attr-defined]
    s.go()  # the chief's intro at 09:01, 19 minutes early
    assert s.position is not None and s.position.item == 1
    assert s.hold_s() is not None
    assert s.projected_end() == wall(9, 55)
    (close,) = s.expected_offsets()[2:]
    assert close is not None and s.expected_start(close) == wall(9, 50)
    s.clock.advance(19 * 60 + 30)  # type: ignore[attr-defined]
    # 09:20:30, the speaker is late and still being waited for: the end moves with the clock
    assert s.hold_s() is None
    assert s.projected_end() == wall(9, 55)
    s.go()  # the speech starts at 09:20:30: its 30 minutes, then the close
    assert s.projected_end() == wall(9, 55, 30)


def test_an_item_reached_after_its_fixed_time_runs_its_plan_from_now() -> None:
    s = conference()
    s.go()
    s.clock.advance(25 * 60)  # type: ignore[attr-defined]
    s.go()  # the chief at 09:25, five minutes after the fixed time
    assert s.projected_end() == wall(10, 0)
