"""Contract: `podium plan` and `podium report` as an outside tester drives them, on the files the
contract itself shows: the small example of the agenda format, and a journal written by hand in
the documented shape (not one podium wrote). The installed command in a subprocess."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
from pathlib import Path
from typing import Any

import pytest

from .tmux_session import PODIUM

pytestmark = pytest.mark.e2e

SMALL_EXAMPLE = """\
podium: 1
meeting:
  title: 全区信息工作会议
  date: 2026-03-12
  start: 09:00            # unquoted works
  venue: 区委三楼会议室
  language: zh
names:                    # placeholders, used as {key} in any text
  副书记: 张建国
  办公室主任: 李文
items:
  - id: opening
    title: 开场
    duration: 2m
    script:
      - 同志们:今天召开全区信息工作会议……
      - 今天在主席台就坐的领导有:区委副书记{副书记}同志……
  - id: awards
    kind: awards
    title: 颁发荣誉证书
    intro: 下面,向受表彰的先进集体颁发荣誉证书。
    groups:
      - award: 先进集体
        call: 请{names}的代表上台领奖。
        batch: 3
        recipients: [区委办信息科, 区府办综合科, 城东街道, 城西街道]
      - award: 先进个人
        recipients:
          - name: 王芳
            unit: 城东街道
          - {name: 单田芳, say: 善田芳}     # say: how text-to-speech should pronounce it
  - id: speech
    kind: speech
    title: 区委副书记讲话
    speaker: 区委副书记{副书记}同志
    intro: 现在进行会议第二项议程,请{副书记}同志讲话,大家欢迎。
    duration: 25m
    outro: 感谢{副书记}同志的重要讲话。
  - kind: break
    title: 茶歇
    duration: 10m
"""


def podium(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*PODIUM, *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        cwd=cwd,
        env={**os.environ, "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"},
    )


@pytest.fixture
def example(tmp_path: Path) -> Path:
    path = tmp_path / "example.yaml"
    path.write_text(SMALL_EXAMPLE, encoding="utf-8")
    return path


def test_plan_json_of_the_formats_own_example(example: Path) -> None:
    done = podium("plan", str(example), "--format", "json")
    assert done.returncode == 0 and done.stderr == "", done.stderr
    plan = json.loads(done.stdout)
    assert plan["format"] == "podium-plan/1"
    assert plan["meeting"] == {
        "title": "全区信息工作会议", "date": "2026-03-12", "start": "09:00:00", "language": "zh",
    }  # fmt: skip
    items = plan["items"]
    assert [i["id"] for i in items] == ["opening", "awards", "speech", "item-4"]
    assert [i["kind"] for i in items] == ["script", "awards", "speech", "break"]
    # offsets run on from the start; clock times follow them
    offset = 0
    for item in items:
        assert item["offset_s"] == offset
        h, m, s = 9, *divmod(offset, 60)
        h, m = h + m // 60, m % 60
        assert item["start"] == f"{h:02d}:{m:02d}:{s:02d}"
        assert isinstance(item["duration_s"], int) and item["duration_s"] > 0
        offset += item["duration_s"]
    assert plan["total_s"] == offset
    opening, awards, speech, tea = items
    assert (opening["duration_s"], opening["estimated"]) == (120, False)
    assert [c["text"] for c in opening["cues"]] == [
        "同志们:今天召开全区信息工作会议……", "今天在主席台就坐的领导有:区委副书记张建国同志……",
    ]  # fmt: skip
    assert awards["estimated"] is True
    # intro reading time + 4 call-ups at the default 30 s each, rounded up
    assert 4 * 30 < awards["duration_s"] <= 4 * 30 + 20
    intro, *calls = awards["cues"]
    assert intro == {"kind": "intro", "text": "下面,向受表彰的先进集体颁发荣誉证书。"}
    assert calls[0] == {
        "kind": "call", "text": "请区委办信息科、区府办综合科、城东街道的代表上台领奖。",
        "names": ["区委办信息科", "区府办综合科", "城东街道"], "award": "先进集体",
    }  # fmt: skip
    assert calls[1]["names"] == ["城西街道"] and "say" not in calls[1]
    assert calls[2] == {"kind": "call", "text": "请王芳上台领奖。", "names": ["王芳"],
                        "award": "先进个人"}  # fmt: skip
    assert calls[3]["names"] == ["单田芳"] and calls[3]["say"] == ["善田芳"]
    assert (speech["duration_s"], speech["estimated"]) == (1500, False)
    assert [c["kind"] for c in speech["cues"]] == ["intro", "speech", "outro"]
    assert speech["cues"][1]["speaker"] == "区委副书记张建国同志"
    assert speech["cues"][1]["duration_s"] == 1500
    assert speech["cues"][0]["text"] == "现在进行会议第二项议程,请张建国同志讲话,大家欢迎。"
    assert (tea["duration_s"], [c["kind"] for c in tea["cues"]]) == (600, ["break"])


def test_plan_json_without_a_start_has_null_clock_times(example: Path) -> None:
    example.write_text(SMALL_EXAMPLE.replace("  start: 09:00            # unquoted works\n", ""))
    plan = json.loads(podium("plan", str(example), "--format", "json").stdout)
    assert plan["meeting"]["start"] is None
    assert [i["start"] for i in plan["items"]] == [None] * 4
    assert [i["offset_s"] for i in plan["items"]][:2] == [0, 120]


@pytest.mark.parametrize("command", ["plan", "report"])
def test_csv_is_utf8_with_a_byte_order_mark(example: Path, command: str) -> None:
    target = str(_journal(example, _EVENTS)) if command == "report" else str(example)
    done = subprocess.run(
        [*PODIUM, command, target, "--format", "csv"], capture_output=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(b"\xef\xbb\xbf")
    assert "颁发荣誉证书" in done.stdout.decode("utf-8-sig")


# A session as the contract writes it: 09:00:05 first GO; back into awards after a jump; a
# minute's pause; an unknown kind and a torn last line, both skipped with warnings.
_EVENTS = [
    ("09:00:05", "go", "opening", 0),
    ("09:01:05", "go", "opening", 1),
    ("09:02:16", "go", "awards", 0),
    ("09:03:16", "pause", "awards", 0),
    ("09:04:16", "resume", "awards", 0),
    ("09:05:16", "applause", "awards", 0),
    ("09:06:16", "adjust", "awards", 0),
    ("09:07:16", "jump", "speech", 0),
    ("09:08:16", "back", "awards", 4),
    ("09:09:16", "go", "speech", 0),
    ("09:10:16", "end", "speech", 0),
]


def _journal(agenda: Path, events: list[tuple[str, str, str, int]], *, name: str = "j",
             rehearsal: bool = False, torn: bool = True) -> Path:  # fmt: skip
    header = {
        "format": "podium-journal/1", "agenda": str(agenda.resolve()),
        "agenda_sha256": hashlib.sha256(agenda.read_bytes()).hexdigest(),
        "rehearsal": rehearsal, "started_at": "2026-03-12T09:00:03.120+08:00",
    }  # fmt: skip
    lines = [json.dumps(header, ensure_ascii=False)]
    for at, event, item, cue in events:
        line: dict[str, Any] = {"at": f"2026-03-12T{at}.000+08:00", "event": event}
        line |= {"item": item, "cue": cue}
        if event == "adjust":
            line["delta_s"] = 60
        lines.append(json.dumps(line))
    path = agenda.parent / f"{name}.jsonl"
    path.write_text("\n".join(lines) + ('\n{"at": "2026-03-12T09:1' if torn else "\n"))
    return path


def test_report_of_a_hand_written_journal(example: Path) -> None:
    journal = _journal(example, _EVENTS)
    done = podium("report", str(journal), "--format", "json")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["format"] == "podium-report/1"
    assert report["meeting"] == {"title": "全区信息工作会议"}
    assert report["sessions"] == [{
        "journal": str(journal), "rehearsal": False,
        "started_at": "2026-03-12T09:00:03.120+08:00", "ended_at": "2026-03-12T09:10:16.000+08:00",
    }]  # fmt: skip
    rows = {i["id"]: i for i in report["items"]}
    assert list(rows) == ["opening", "awards", "speech", "item-4"]
    assert rows["opening"]["title"] == "开场"
    assert rows["opening"]["actual_s"] == [131] and rows["opening"]["delta_s"] == [11]
    # 09:02:16-09:07:16 and again 09:08:16-09:09:16 (going back adds); the pause counts
    assert rows["awards"]["actual_s"] == [360]
    assert rows["speech"]["actual_s"] == [120] and rows["speech"]["planned_s"] == 1500
    assert rows["item-4"]["actual_s"] == [None] and rows["item-4"]["delta_s"] == [None]
    # planned is the plan: the +60 s adjustment is not
    plan = json.loads(podium("plan", str(example), "--format", "json").stdout)
    assert report["planned_total_s"] == plan["total_s"]
    assert rows["awards"]["planned_s"] == plan["items"][1]["duration_s"]
    assert report["actual_total_s"] == [611]
    assert report["delta_total_s"] == [611 - plan["total_s"]]
    # each problem once, as PATH:LINE: warning: MESSAGE
    warnings = done.stderr.strip().splitlines()
    assert [w.split(": warning: ")[0] for w in warnings] == [f"{journal}:7", f"{journal}:13"]

    paused = json.loads(podium("report", str(journal), "--format", "json",
                               "--exclude-pauses").stdout)  # fmt: skip
    assert [i["actual_s"] for i in paused["items"]][:2] == [[131], [300]]
    assert paused["actual_total_s"] == [551]


def test_report_side_by_side_and_an_unfinished_session(example: Path) -> None:
    ended = _journal(example, _EVENTS, name="ended", torn=False)
    unfinished = _journal(example, _EVENTS[:-1], name="unfinished", rehearsal=True, torn=False)
    done = podium("report", str(unfinished), str(ended), "--format", "json")
    assert done.returncode == 0 and done.stderr.count("warning") == 2  # the unknown kind, twice
    report = json.loads(done.stdout)
    assert [s["journal"] for s in report["sessions"]] == [str(unfinished), str(ended)]
    assert [s["rehearsal"] for s in report["sessions"]] == [True, False]
    assert report["sessions"][0]["ended_at"] is None
    speech = next(i for i in report["items"] if i["id"] == "speech")
    assert speech["actual_s"] == [60, 120]  # the unfinished one ends at its last event
    assert report["actual_total_s"] == [551, 611]  # first GO to the last event


def test_journals_of_different_agendas_cannot_be_compared(example: Path) -> None:
    other = example.with_name("other.yaml")
    other.write_text(SMALL_EXAMPLE.replace("全区信息工作会议", "另一个会议", 1), encoding="utf-8")
    first = _journal(example, _EVENTS, name="first", torn=False)
    second = _journal(other, _EVENTS, name="second", torn=False)
    done = podium("report", str(first), str(second), "--format", "json")
    assert done.returncode == 1 and done.stdout == ""
    assert done.stderr.strip().splitlines()[-1].startswith("podium: error: ")
    assert "Traceback" not in done.stderr
