"""`podium report` speaks the meeting's language: headings, session lines and hints in Chinese
for a Chinese meeting (however its tag is written), in English for every other."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
from pathlib import Path

import pytest

from podium.agenda.model import Agenda
from podium.cli.report import render
from podium.engine.journal import read_journal
from podium.engine.report import ItemTiming, build_report, timing_hints

from .engine_agendas import make_agenda, script, speech

BASE = make_agenda(script("opening", 120, cues=2), speech("keynote", 600), script("close", 60))


def in_language(language: str) -> Agenda:
    meeting = dataclasses.replace(BASE.meeting, language=language, title="年会")
    return dataclasses.replace(BASE, meeting=meeting)


def journal(tmp_path: Path, name: str, events: list[tuple[int, str, str]], rehearsal: bool) -> Path:
    lines = [
        json.dumps(
            {
                "format": "podium-journal/1",
                "agenda": "/meetings/agenda.yaml",
                "agenda_sha256": "0" * 64,
                "rehearsal": rehearsal,
                "started_at": "2026-03-12T08:59:50.000+08:00",
            }
        )
    ]
    for t, event, item in events:
        at = f"2026-03-12T09:{t // 60:02d}:{t % 60:02d}.000+08:00"
        lines.append(json.dumps({"at": at, "event": event, "item": item, "cue": 0}))
    path = tmp_path / name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def one_meeting(tmp_path: Path, language: str):  # type: ignore[no-untyped-def]
    j = journal(
        tmp_path,
        "a.jsonl",
        [(0, "go", "opening"), (200, "go", "keynote"), (700, "end", "keynote")],
        rehearsal=False,
    )
    return build_report([read_journal(j)], in_language(language))


@pytest.mark.parametrize("language", ["zh", "zh_CN", "zh-Hans", "zh-TW"])
def test_a_chinese_report(tmp_path: Path, language: str) -> None:
    report = one_meeting(tmp_path, language)
    text = render(report, "text")
    assert text.startswith("年会：计划与实际用时对比\n")
    assert "1. 会议，2026-03-12 08:59:50 开始，2026-03-12 09:11:40 结束：" in text
    assert "序号  议程" in text and "合计" in text and "改进建议：" in text
    assert "第 1 项（Opening）超时 1:20" in text
    assert "第 3 项（Close）未进行" in text
    for english in ("Item", "Planned", "Actual", "Total", "What to change", "runs", "meeting"):
        assert english not in text, english
    md = render(report, "markdown")
    assert "| 序号 | 议程 | 计划 | 实际 | Δ |" in md and "## 改进建议" in md
    sheet = render(report, "csv")
    assert sheet.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(sheet.removeprefix("\ufeff"))))
    assert rows[0] == ["#", "编号", "议程", "计划", "实际", "差额"]
    assert rows[-1][2] == "合计"
    # JSON is a format for programs: English keys whatever the language
    data = json.loads(render(report, "json"))
    assert "planned_total_s" in data and data["items"][0]["id"] == "opening"
    excluded = render(report, "text", exclude_pauses=True)
    assert excluded.startswith("年会：计划与实际用时对比（不计暂停）")


@pytest.mark.parametrize("language", ["en", "en_GB", "de"])
def test_an_english_report(tmp_path: Path, language: str) -> None:
    text = render(one_meeting(tmp_path, language), "text")
    assert text.startswith("年会: planned against actual\n")
    assert "1. meeting, started 2026-03-12 08:59:50, ended 2026-03-12 09:11:40:" in text
    assert "item 1 (Opening) runs 1:20 long in 1 of 1 meeting" in text
    assert "What to change:" in text
    assert "第" not in text and "合计" not in text


def test_hints_over_several_rehearsals_in_both_languages() -> None:
    items = [ItemTiming(2, "keynote", "主旨演讲", 600, (800.0, 790.0, None))]
    en = timing_hints(items, noun="rehearsal", language="en")
    zh = timing_hints(items, noun="rehearsal", language="zh")
    assert en == [
        "item 2 (主旨演讲) runs 3:15 long in 2 of 3 rehearsals",
        "item 2 (主旨演讲) was never reached in 1 of 3 rehearsals",
    ]
    assert zh == [
        "第 2 项（主旨演讲）在共 3 次彩排中有 2 次超时，平均超出 3:15",
        "第 2 项（主旨演讲）在共 3 次彩排中有 1 次未进行",
    ]
    total = timing_hints(
        [], noun="meeting", planned_total_s=600, actual_total_s=[500.0], language="zh"
    )
    assert total == ["整场会议提前 1:40 结束"]
