"""Report arithmetic on hand-written journals, the JSON shape, hints and the table formats."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from podium.cli.report import display_width, render
from podium.engine.journal import read_journal
from podium.engine.report import (
    DifferentAgendasError,
    ItemTiming,
    build_report,
    timing_hints,
)

from .engine_agendas import make_agenda, script, speech

AGENDA = make_agenda(script("opening", 120, cues=2), speech("keynote", 600), script("close", 60))
# planned: opening 0-120, keynote 120-720, close 720-780


def journal(
    tmp_path: Path,
    name: str,
    events: list[tuple],
    *,
    rehearsal: bool = True,
    agenda: str = "/meetings/agenda.yaml",
    sha: str = "0" * 64,
) -> Path:
    """A journal file: events are (seconds after 09:00:00, event, item, cue[, extra fields])."""
    lines = [
        json.dumps(
            {
                "format": "podium-journal/1",
                "agenda": agenda,
                "agenda_sha256": sha,
                "rehearsal": rehearsal,
                "started_at": "2026-03-12T08:59:50.000+08:00",
            }
        )
    ]
    for t, event, item, cue, *extra in events:
        at = f"2026-03-12T09:{int(t) // 60:02d}:{int(t) % 60:02d}.{round(t % 1 * 1000):03d}+08:00"
        obj = {"at": at, "event": event, "item": item, "cue": cue}
        for fields in extra:
            obj.update(fields)
        lines.append(json.dumps(obj))
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def report_json(*paths: Path, exclude_pauses: bool = False) -> dict:
    files = [read_journal(p) for p in paths]
    return build_report(files, AGENDA, exclude_pauses=exclude_pauses).to_json()


def test_one_finished_session_exact_shape(tmp_path: Path) -> None:
    j = journal(
        tmp_path,
        "a.jsonl",
        [
            (0, "go", "opening", 0),
            (60, "go", "opening", 1),
            (131, "go", "keynote", 0),
            (140, "go", "keynote", 1),
            (700, "go", "keynote", 2),
            (760, "go", "close", 0),
            (830, "end", "close", 0),
        ],
    )
    assert report_json(j) == {
        "format": "podium-report/1",
        "meeting": {"title": "Annual meeting"},
        "sessions": [
            {
                "journal": str(j),
                "rehearsal": True,
                "started_at": "2026-03-12T08:59:50.000+08:00",
                "ended_at": "2026-03-12T09:13:50.000+08:00",
            }
        ],
        "items": [
            {
                "id": "opening",
                "title": "Opening",
                "planned_s": 120,
                "actual_s": [131],
                "delta_s": [11],
            },
            {
                "id": "keynote",
                "title": "Keynote",
                "planned_s": 600,
                "actual_s": [629],
                "delta_s": [29],
            },
            {"id": "close", "title": "Close", "planned_s": 60, "actual_s": [70], "delta_s": [10]},
        ],
        "planned_total_s": 780,
        "actual_total_s": [830],
        "delta_total_s": [50],
    }


def test_pauses_count_unless_excluded(tmp_path: Path) -> None:
    j = journal(
        tmp_path,
        "a.jsonl",
        [
            (0, "go", "opening", 0),
            (30, "pause", "opening", 0),
            (90, "resume", "opening", 0),
            (150, "go", "keynote", 0),
            (200, "pause", "keynote", 0),
            (210, "end", "keynote", 0),
        ],
    )
    with_pauses = report_json(j)
    assert [i["actual_s"] for i in with_pauses["items"]] == [[150], [60], [None]]
    assert with_pauses["actual_total_s"] == [210]
    without = report_json(j, exclude_pauses=True)
    assert [i["actual_s"] for i in without["items"]] == [[90], [50], [None]]
    assert without["actual_total_s"] == [140]
    assert without["delta_total_s"] == [140 - 780]


def test_going_back_into_an_item_adds_to_it_and_adjustments_are_not_plan(tmp_path: Path) -> None:
    j = journal(
        tmp_path,
        "a.jsonl",
        [
            (0, "go", "opening", 0),
            (100, "go", "opening", 1),
            (130, "go", "keynote", 0),
            (140, "back", "opening", 1),
            (150, "adjust", "opening", 1, {"delta_s": 60}),
            (170, "go", "keynote", 0),
            (200, "jump", "close", 0),
            (220, "jump", "keynote", 0),
            (250, "end", "keynote", 0),
        ],
    )
    data = report_json(j)
    assert [i["actual_s"] for i in data["items"]] == [[130 + 30], [10 + 30 + 30], [20]]
    assert [i["planned_s"] for i in data["items"]] == [120, 600, 60]


def test_unfinished_session_runs_to_its_last_event(tmp_path: Path) -> None:
    j = journal(
        tmp_path,
        "a.jsonl",
        [
            (5, "go", "opening", 0),
            (125, "go", "keynote", 0),
            (200.5, "pause", "keynote", 0),
        ],
    )
    data = report_json(j)
    assert data["sessions"][0]["ended_at"] is None
    assert [i["actual_s"] for i in data["items"]] == [[120], [76], [None]]  # 75.5 rounds up
    assert [i["delta_s"] for i in data["items"]] == [[0], [-524], [None]]
    assert data["actual_total_s"] == [196]


def test_never_started_session_has_nulls(tmp_path: Path) -> None:
    j = journal(tmp_path, "a.jsonl", [])
    data = report_json(j)
    assert data["actual_total_s"] == [None] and data["delta_total_s"] == [None]
    assert all(i["actual_s"] == [None] for i in data["items"])


def test_two_sessions_side_by_side_in_the_order_given(tmp_path: Path) -> None:
    a = journal(
        tmp_path,
        "a.jsonl",
        [
            (0, "go", "opening", 0),
            (140, "go", "keynote", 0),
            (800, "go", "close", 0),
            (850, "end", "close", 0),
        ],
    )
    b = journal(
        tmp_path,
        "b.jsonl",
        [(0, "go", "opening", 0), (100, "go", "keynote", 0), (900, "end", "keynote", 0)],
        rehearsal=False,
    )
    data = report_json(b, a)
    assert [s["journal"] for s in data["sessions"]] == [str(b), str(a)]
    assert [s["rehearsal"] for s in data["sessions"]] == [False, True]
    assert data["items"][0]["actual_s"] == [100, 140]
    assert data["items"][0]["delta_s"] == [-20, 20]
    assert data["items"][2]["actual_s"] == [None, 50]
    assert data["actual_total_s"] == [900, 850]


def test_journals_of_different_agendas_are_refused(tmp_path: Path) -> None:
    a = journal(tmp_path, "a.jsonl", [], agenda="/m/a.yaml", sha="1" * 64)
    b = journal(tmp_path, "b.jsonl", [], agenda="/m/b.yaml", sha="2" * 64)
    with pytest.raises(DifferentAgendasError, match="different agendas"):
        report_json(a, b)
    moved = journal(tmp_path, "c.jsonl", [], agenda="/elsewhere/a.yaml", sha="1" * 64)
    report_json(a, moved)  # the same file, moved: fine


def test_agenda_changed_since_the_session_is_a_warning(tmp_path: Path) -> None:
    j = journal(
        tmp_path,
        "a.jsonl",
        [
            (0, "go", "opening", 0),
            (50, "go", "gone", 0),
            (80, "go", "keynote", 0),
            (90, "end", "keynote", 0),
        ],
        sha="9" * 64,
    )
    report = build_report([read_journal(j)], AGENDA)
    assert report.warnings[0].endswith(
        "the agenda has changed since this session; items are matched by id"
    )
    assert "item 'gone' is not in the agenda" in report.warnings[1]
    assert [whole for whole in report.sessions[0].actual_s] == [50, 40, None]


def test_hints_name_items_that_run_long_or_short() -> None:
    items = [
        ItemTiming(1, "a", "Opening", 120, (125.0, 118.0)),  # within 15 s: nothing
        ItemTiming(4, "k", "Keynote", 600, (790.0, 790.0)),
        ItemTiming(5, "c", "Close", 300, (200.0, None)),
    ]
    assert timing_hints(
        items, noun="rehearsal", planned_total_s=1020, actual_total_s=[1140.0, 1200.0]
    ) == [
        "the meeting runs 2:30 long in 2 of 2 rehearsals",
        "item 4 (Keynote) runs 3:10 long in 2 of 2 rehearsals",
        "item 5 (Close) runs 1:40 short in 1 of 2 rehearsals",
        "item 5 (Close) was never reached in 1 of 2 rehearsals",
    ]
    assert timing_hints([ItemTiming(1, "a", "A", 60, (100.0,))], noun="meeting") == [
        "item 1 (A) runs 0:40 long in 1 of 1 meeting"
    ]


def test_text_table_aligns_chinese_titles(tmp_path: Path) -> None:
    agenda = make_agenda(script("opening", 120), script("close", 60))
    agenda = agenda.__class__(
        agenda.path,
        agenda.sha256,
        agenda.meeting,
        (
            agenda.items[0].__class__(
                0, "opening", agenda.items[0].kind, "开场致辞", 120, False, agenda.items[0].cues
            ),
            agenda.items[1],
        ),
    )
    j = journal(
        tmp_path,
        "a.jsonl",
        [(0, "go", "opening", 0), (131, "go", "close", 0), (186, "end", "close", 0)],
    )
    text = render(build_report([read_journal(j)], agenda), "text")
    lines = text.splitlines()
    table = lines[lines.index(next(ln for ln in lines if ln.startswith("#"))) :][:6]
    assert len(table) == 6 and table[-1].lstrip().startswith("Total")
    assert len({display_width(ln) for ln in table}) == 1  # every row ends at the same column
    assert "开场致辞" in text and "+0:11" in text and "-0:05" in text and "2:11" in text


def test_markdown_and_csv(tmp_path: Path) -> None:
    a = journal(
        tmp_path,
        "a.jsonl",
        [(0, "go", "opening", 0), (131, "go", "keynote", 0), (700, "end", "keynote", 0)],
    )
    b = journal(tmp_path, "b.jsonl", [(0, "go", "opening", 0), (115, "go", "keynote", 0)])
    report = build_report([read_journal(a), read_journal(b)], AGENDA)
    md = render(report, "markdown")
    assert "| # | Item | Planned | Actual 1 | Δ 1 | Actual 2 | Δ 2 |" in md
    assert "| 1 | Opening | 2:00 | 2:11 | +0:11 | 1:55 | -0:05 |" in md
    sheet = render(report, "csv")
    assert sheet.startswith("\ufeff#,")  # a byte-order mark: spreadsheets read UTF-8 Chinese
    rows = list(csv.reader(io.StringIO(sheet.removeprefix("\ufeff"))))
    assert rows[0] == ["#", "id", "title", "planned", "actual 1", "delta 1", "actual 2", "delta 2"]
    assert rows[1] == ["1", "opening", "Opening", "2:00", "2:11", "+0:11", "1:55", "-0:05"]
    assert rows[3] == ["3", "close", "Close", "1:00", "", "", "", ""]
    assert rows[4][2] == "Total"


def test_a_move_while_paused_ends_the_pause(tmp_path: Path) -> None:
    j = journal(
        tmp_path,
        "a.jsonl",
        [
            (0, "go", "opening", 0),
            (10, "pause", "opening", 0),
            (40, "go", "keynote", 0),
            (100, "end", "keynote", 0),
        ],
    )
    data = report_json(j, exclude_pauses=True)
    assert [i["actual_s"] for i in data["items"]] == [[10], [60], [None]]


def test_an_agenda_sharing_no_item_with_the_journal_is_refused(tmp_path: Path) -> None:
    j = journal(tmp_path, "a.jsonl", [(0, "go", "other", 0), (10, "end", "other", 0)])
    with pytest.raises(DifferentAgendasError, match="none of its items"):
        report_json(j)
