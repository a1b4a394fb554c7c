"""The meeting-facts header: decided once (`runsheet.header`), laid out by text, markdown, html."""

from __future__ import annotations

from pathlib import Path

import pytest

from podium.agenda.loader import load_agenda
from podium.agenda.plan import Plan, make_plan
from podium.agenda.runsheet import render
from podium.agenda.runsheet.header import meeting_facts
from podium.agenda.runsheet.labels import labels_for
from podium.agenda.runsheet.printed import PrintedTimes

AGENDA = """\
podium: 1
meeting:
  title: 全区信息工作会议
  subtitle: 二〇二六年度
  date: 2026-03-12
  start: 09:00
  venue: 区委三楼会议室
  host: 李文
  language: zh
items:
  - title: 开场
    script: 同志们：现在开会。
  - title: 茶歇
    kind: break
    duration: 10m
"""


def plan_of(tmp_path: Path, text: str) -> Plan:
    path = tmp_path / "a.yaml"
    path.write_text(text, encoding="utf-8")
    result = load_agenda(str(path))
    assert result.agenda is not None, result.diagnostics
    return make_plan(result.agenda)


def test_facts_in_order_with_summary_and_legend(tmp_path: Path) -> None:
    plan = plan_of(tmp_path, AGENDA)
    facts = meeting_facts(plan, labels_for(plan.agenda.meeting))
    assert facts.title == "全区信息工作会议" and facts.subtitle == "二〇二六年度"
    assert facts.facts == (("日期", "2026-03-12"), ("地点", "区委三楼会议室"), ("主持", "李文"))
    assert facts.summary.startswith("开始 09:00") and "2 项" in facts.summary
    assert facts.legend is not None and facts.legend.startswith("~")
    measured = meeting_facts(plan, labels_for(plan.agenda.meeting), measured=True)
    assert measured.legend is not None and measured.legend != facts.legend


def test_a_meeting_with_only_a_title_has_no_facts_and_no_legend(tmp_path: Path) -> None:
    text = "podium: 1\nmeeting: {title: Quick}\nitems:\n  - {title: A, duration: 1m}\n"
    plan = plan_of(tmp_path, text)
    facts = meeting_facts(plan, labels_for(plan.agenda.meeting))
    assert (facts.subtitle, facts.facts, facts.legend) == (None, (), None)


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
def test_every_printed_format_shows_the_same_header(tmp_path: Path, fmt: str) -> None:
    plan = plan_of(tmp_path, AGENDA)
    times = None if fmt == "text" else PrintedTimes.of(plan)  # paper copies: to the minute
    facts = meeting_facts(plan, labels_for(plan.agenda.meeting), times=times)
    out = render(plan, fmt)
    head = out[: out.index("开场")]  # before the first item
    for value in (facts.title, facts.subtitle, *(v for _, v in facts.facts)):
        assert value is not None and value in head
    for label, _ in facts.facts:
        assert label in head
    assert facts.legend is not None
    # markdown escapes `~`; the words after it are the same
    assert facts.legend.lstrip("~ ") in head
    assert facts.summary.split(" · ")[0] in head
    assert ("开始 09:00:00" in head) is (fmt == "text")
