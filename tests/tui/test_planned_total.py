"""One planned total: `podium plan`, `podium report` and the end-of-meeting summary screen
agree, the idle time before a fixed `at` time included and shown as such."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable

from podium.agenda.durations import parse_duration
from podium.agenda.loader import load_agenda
from podium.cli import main
from podium.engine.clock import ManualClock
from podium.engine.journal import JournalWriter
from podium.tui.app import make_app
from podium.tui.screens.summary import SummaryScreen

from .harness import press, run

CST = dt.timezone(dt.timedelta(hours=8))

# 5 min of opening, then a keynote fixed at 09:10 (5 min idle before it), then 2 min closing:
# 17 min of items, 22 min planned.
AGENDA = """\
podium: 1
meeting:
  title: {title}
  start: "09:00"
  language: {language}
items:
  - id: opening
    title: {opening}
    duration: 5m
    script: ["{hello}"]
  - id: keynote
    title: {keynote}
    at: "09:10"
    duration: 10m
    script: ["{keynote}"]
  - id: closing
    title: {closing}
    duration: 2m
    script: ["{bye}"]
"""

WORDS = {
    "en": {
        "title": "Annual meeting",
        "language": "en",
        "opening": "Opening",
        "hello": "Good morning.",
        "keynote": "Keynote",
        "closing": "Closing",
        "bye": "Goodbye.",
    },
    "zh": {
        "title": "年会",
        "language": "zh",
        "opening": "开场",
        "hello": "大家好。",
        "keynote": "主旨讲话",
        "closing": "结束",
        "bye": "散会。",
    },
}

WAITING = {"en": "Waiting for fixed times", "zh": "固定时间前的等待"}
TOTAL = {"en": "Total", "zh": "合计"}
PLAN_TOTAL = {
    "en": "Total 22:00 (including 5:00 waiting for fixed times)",
    "zh": "总时长 22:00（含固定时间前的等待 5:00）",
}


def cells(table: DataTable[Any]) -> list[list[str]]:
    return [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]


def seconds(text: str) -> int:
    return parse_duration(text)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_summary_plan_and_report_agree_on_the_planned_total(
    lang: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANGUAGE", "en")
    path = tmp_path / "meeting.yaml"
    path.write_text(AGENDA.format(**WORDS[lang]), encoding="utf-8")
    agenda = load_agenda(path).agenda
    assert agenda is not None

    # podium plan: the summary line says the total and how much of it is waiting
    assert main(["plan", str(path)]) == 0
    plan_text = capsys.readouterr().out
    assert PLAN_TOTAL[lang] in plan_text
    assert main(["plan", str(path), "--format", "json"]) == 0
    plan_total = json.loads(capsys.readouterr().out)["total_s"]
    assert plan_total == 22 * 60

    # the meeting, run to its end on the screen: the summary's total row
    clock = ManualClock(dt.datetime(2026, 3, 12, 9, 0, 0, tzinfo=CST))
    journal_path = tmp_path / "meeting.jsonl"
    writer = JournalWriter.create(journal_path, agenda, rehearsal=False, now=clock.now())
    app = make_app(agenda, clock=clock, journal=writer)
    summary: list[list[str]] = []

    async def scenario(pilot: Pilot[Any]) -> None:
        for gap in (1, 300, 600, 120):  # start, then each item as long as planned
            await press(pilot, clock, "pagedown", gap=gap)
        await press(pilot, clock, "pagedown")  # the end question: GO confirms
        assert isinstance(app.screen, SummaryScreen)
        await pilot.pause()
        summary.extend(cells(app.screen.query_one(DataTable)))
        await pilot.press("q")
        await pilot.pause()

    run(app, scenario, size=(100, 30))
    assert summary[-2][1:3] == [WAITING[lang], "5:00"]
    assert summary[-1][1:3] == [TOTAL[lang], "22:00"]
    summary_total = seconds(summary[-1][2])
    assert sum(seconds(row[2]) for row in summary[:-1]) == summary_total

    # podium report: the table's total row, and the rows above it adding up to it
    assert main(["report", str(journal_path), "--format", "csv"]) == 0
    rows = [line.split(",") for line in capsys.readouterr().out.lstrip("\ufeff").splitlines()]
    body, total_row = rows[1:-1], rows[-1]
    assert body[-1][2:4] == [WAITING[lang], "5:00"]
    report_total = seconds(total_row[3])
    assert sum(seconds(row[3]) for row in body) == report_total
    assert main(["report", str(journal_path), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["planned_total_s"] == report_total

    assert summary_total == plan_total == report_total
