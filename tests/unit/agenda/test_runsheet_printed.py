"""The printed run sheet (html, markdown) as a host prints it: big type, numbered items, times
to the minute unless seconds matter, numbered names, page numbers, no ids under headings."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from podium.agenda.loader import load_agenda
from podium.agenda.plan import Plan, make_plan
from podium.agenda.runsheet import render
from podium.agenda.runsheet.printed import PrintedTimes


def plan_of(tmp_path: Path, text: str) -> Plan:
    path = tmp_path / "a.yaml"
    path.write_text(text, encoding="utf-8")
    result = load_agenda(str(path))
    assert result.agenda is not None, result.diagnostics
    return make_plan(result.agenda)


def agenda(start: str = "09:00", language: str = "zh") -> str:
    return f"""\
podium: 1
meeting: {{title: 会议, start: "{start}", language: {language}}}
items:
  - id: opening
    title: 开场
    duration: 2m
    script: 同志们：现在开会。
  - id: awards
    kind: awards
    title: 颁奖
    per_call: 1m30s
    batch: 3
    recipients:
      - {{name: 王芳, unit: 城东街道}}
      - {{name: 单田芳, say: 善田芳, note: 由王芳代领}}
      - 李四
      - 赵六
  - id: speech
    kind: speech
    title: 讲话
    speaker: 区长
    duration: 25m
    at: "09:20"
  - id: lunch
    kind: break
    title: 午餐
    duration: 1h5m
"""


def test_html_body_is_14pt_and_pages_are_numbered_in_the_meetings_language(
    tmp_path: Path,
) -> None:
    html = render(plan_of(tmp_path, agenda()), "html")
    sizes = [float(s) for s in re.findall(r"font-size: ([\d.]+)pt", html.split("@media")[0])]
    body = re.search(r"body \{[^}]*font-size: ([\d.]+)pt", html)
    assert body is not None and float(body.group(1)) >= 14
    assert "@media print" in html and "font-size: 11.5pt" not in html
    assert sizes  # the sheet sets sizes in points
    assert '@bottom-center { content: "第 " counter(page) " 页，共 " counter(pages) " 页"' in html
    english = render(plan_of(tmp_path, agenda(language="en")), "html")
    assert 'content: "Page " counter(page) " of " counter(pages)' in english


def test_items_are_numbered_as_agendas_number_them(tmp_path: Path) -> None:
    zh = render(plan_of(tmp_path, agenda()), "html")
    assert [m for m in re.findall(r'<h2><span class="num">([^<]+)</span>', zh)] == [
        "一、",
        "二、",
        "三、",
        "四、",
    ]
    en = render(plan_of(tmp_path, agenda(language="en")), "markdown")
    assert re.findall(r"^## (\S+)", en, re.M) == ["1\\.", "2\\.", "3\\.", "4\\."]


def test_ids_are_not_printed_under_headings(tmp_path: Path) -> None:
    for fmt in ("html", "markdown"):
        out = render(plan_of(tmp_path, agenda()), fmt)
        assert "<code>" not in out and "`opening`" not in out
    assert "opening" in render(plan_of(tmp_path, agenda()), "text")  # the terminal keeps them


def test_times_to_the_minute(tmp_path: Path) -> None:
    md = render(plan_of(tmp_path, agenda()), "markdown")
    # awards: 2 call-ups × 1:30 given with seconds, so its duration keeps them
    assert "| 09:00 | 2分钟 | 一、开场 |" in md
    assert "| 09:02 | \\~3分钟 | 二、颁奖 |" in md  # two call-ups of 1:30, estimated
    assert "| 09:20 | 25分钟 | 三、讲话 |" in md
    assert "| 09:45 | 1小时5分钟 | 四、午餐 |" in md
    assert "09:20 固定开始" in md and "09:20:00" not in md
    assert "区长 · 25分钟 (提醒 2分钟 · 警告 1分钟)" in md


def test_seconds_when_the_agendas_own_times_have_them(tmp_path: Path) -> None:
    md = render(plan_of(tmp_path, agenda(start="09:00:30")), "markdown")
    assert "| 09:00:30 | 2分钟 | 一、开场 |" in md
    assert "09:20:00 固定开始" in md


@pytest.mark.parametrize(
    ("seconds", "estimated", "text"),
    [
        (40, False, "40 s"),
        (40, True, "~40 s"),
        (60, False, "1 min"),
        (90, False, "1:30"),
        (89, True, "~1 min"),
        (90, True, "~2 min"),
        (3 * 60 + 23, True, "~3 min"),
        (3600, False, "1 h"),
        (3900, False, "1 h 5 min"),
        (3900 + 20, True, "~1 h 5 min"),
    ],
)
def test_durations_on_paper(tmp_path: Path, seconds: int, estimated: bool, text: str) -> None:
    times = PrintedTimes.of(plan_of(tmp_path, agenda(language="en")))
    assert times.duration(seconds, estimated) == text


def test_names_are_numbered_in_stage_order_in_one_column(tmp_path: Path) -> None:
    html = render(plan_of(tmp_path, agenda()), "html")
    lists = re.findall(r'<ol class="names">(.*?)</ol>', html, re.S)
    assert len(lists) == 1  # the batch of 3; the one left is named in its call already
    assert "请赵六上台领奖。" in html
    first = re.findall(r"<li>(.*?)</li>", lists[0], re.S)
    assert first[0] == "王芳 — 城东街道"
    assert "单田芳" in first[1] and "读作 善田芳" in first[1] and "备注：由王芳代领" in first[1]
    assert first[2] == "李四"
    assert "columns:" not in html  # one column
    md = render(plan_of(tmp_path, agenda()), "markdown")
    assert "   1. 王芳 — 城东街道" in md and "   3. 李四" in md
