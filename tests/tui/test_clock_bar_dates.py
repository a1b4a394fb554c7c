"""The clock bar's projected end never passes off a time on another day as one today."""

from __future__ import annotations

import datetime as dt

from podium.agenda.plan import make_plan
from podium.engine.session import Session
from podium.engine.timefmt import projected_text
from podium.tui.widgets.clock_bar import clock_line, compact_line

from ..unit.engine.engine_agendas import TZ, clock_at, make_agenda, script


def test_an_estimate_of_days_shows_its_date() -> None:
    # 1666 hours planned (the loader warns of a meeting over a day, and runs it)
    agenda = make_agenda(script("opening", 60), script("marathon", 1666 * 3600))
    clock = clock_at(9, 0)
    session = Session(make_plan(agenda), clock)
    session.go()
    end = clock.now() + dt.timedelta(seconds=60 + 1666 * 3600)
    assert (end.month, end.day, end.hour) == (5, 20, 19)
    for line in (clock_line(session, "en"), compact_line(session, "en")):
        assert "End 05-20 19:01" in line.plain, line.plain


def test_the_date_is_shown_only_when_it_is_another_day() -> None:
    now = dt.datetime(2026, 12, 31, 23, 0, tzinfo=TZ)
    assert projected_text(now + dt.timedelta(minutes=30), now) == "23:30"
    assert projected_text(now + dt.timedelta(minutes=90), now) == "2027-01-01 00:30"
    assert projected_text(now - dt.timedelta(days=30), now) == "12-01 23:00"
