"""The corpus (tests/unit/importer/corpus/): scripts written for these tests in the styles
organisers use (two hosts, traditional characters, numbered 议程, an emcee script with
segments, Markdown), each imported end to end: the draft loads without an error, every line
the host says is in the plan in order, word for word, and nothing else is."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from podium.agenda.model import CueKind, ItemKind

from .importer_helpers import CORPUS, in_order, run_import

LABEL = re.compile(r"^(?:男|女|合|主持人[甲乙]|E\d|Emcee \d \(E\d\))[:：]\s*")
BULLET = re.compile(r"^[•·]\s*")

# Per file: the lines that are not the host's words (title, furniture, directions, headings,
# labels alone, recipients), by line number.
NOT_SPOKEN = {
    "two-hosts.zh-Hant.txt": {1, 6, 9, 13, 16},
    "numbered-agenda.zh.txt": {1, 2, 4, 6, 9, 12, 16, 17, 18, 19, 23, 25, 29},
    "emcee.en.txt": {1, 3, 8, 10, 13, 16, 19, 20, 23, 28},
    "headings.md": {1, 3, 8, 12, 14},
}
FURNITURE = {"numbered-agenda.zh.txt": ["第1页", "版权所有", "主持词_"]}


def spoken_lines(path: Path) -> list[str]:
    out = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or number in NOT_SPOKEN[path.name]:
            continue
        text = LABEL.sub("", line.strip())
        text = re.sub(r"\s*\[applause\]", "", text)
        out.append(BULLET.sub("", text))
    return out


@pytest.fixture
def corpus(tmp_path: Path):  # type: ignore[no-untyped-def]
    def copy(name: str) -> Path:
        target = tmp_path / name
        shutil.copyfile(CORPUS / name, target)
        return target

    return copy


@pytest.mark.parametrize("name", sorted(NOT_SPOKEN))
def test_every_line_of_the_host_is_in_the_plan_in_order(corpus, name: str) -> None:
    r = run_import(corpus(name))
    lines = spoken_lines(corpus(name))
    if name == "headings.md":  # a paragraph wrapped over two lines is one cue
        lines = ["Good evening, everyone, and thank you for joining us tonight.", *lines[2:]]
        lines = [line.replace("**", "") for line in lines]  # Markdown emphasis is no word
    plan_texts = [
        cue["text"] for item in r.plan()["items"] for cue in item["cues"] if cue["kind"] != "speech"
    ]
    assert in_order(lines, "\n".join(plan_texts)) == []
    joined = "".join(lines)
    for text in plan_texts:  # nothing the script does not say
        assert text in joined, text
    for bad in FURNITURE.get(name, []):
        assert all(bad not in t for t in plan_texts)


def test_two_hosts_in_traditional_characters(corpus) -> None:
    r = run_import(corpus("two-hosts.zh-Hant.txt"))
    assert r.agenda.meeting.title == "二〇二六年春季校園表彰大會"
    assert r.agenda.meeting.language == "zh"
    assert [i.title for i in r.agenda.items] == [
        "開場",
        "請全體起立",
        "頒發優秀學生獎",
        "校長致辭",
        "結束",
    ]
    opening = r.agenda.items[0]
    assert [c.who for c in opening.cues] == ["男", "女", "合", "男"]
    awards = r.item("頒發優秀學生獎")
    assert awards.cues[1].names == ("陳小明", "林美玲", "黃志強")
    assert awards.notes is not None and "頒獎名單由男宣讀" in awards.notes
    speech = r.item("校長致辭")
    assert speech.cues[1].speaker == "校長＊＊＊先生"
    assert speech.cues[2].who == "女"
    assert r.agenda.names == {"校長": "＊＊＊"}
    assert r.plan()["items"][4]["cues"][0]["who"] == "合"


def test_numbered_agenda_in_simplified_characters(corpus) -> None:
    r = run_import(corpus("numbered-agenda.zh.txt"))
    assert r.agenda.meeting.title == "2026年度全市安全生产工作会议"
    kinds = [i.kind for i in r.agenda.items]
    assert kinds == [
        ItemKind.SCRIPT,
        ItemKind.SPEECH,
        ItemKind.AWARDS,
        ItemKind.SPEECH,
        ItemKind.SPEECH,
        ItemKind.SCRIPT,
    ]
    assert [c.who for c in r.agenda.items[0].cues] == ["主持人甲", "主持人甲", "主持人乙"]
    awards = r.agenda.items[2]
    calls = [c for c in awards.cues if c.kind is CueKind.CALL]
    assert calls[0].names == ("红星机械厂", "东方化工有限公司", "北湖物流园区")
    assert calls[1].names == ("获奖的劳动模范",)
    # the same masked person everywhere: one entry each
    assert r.agenda.names == {"副市长": "×××", "市应急管理局局长": "×××"}
    assert r.agenda.items[1].cues[2].text == "感谢×××局长。"
    assert sum("page furniture" in w for w in r.warnings) == 2


def test_emcee_script_in_english(corpus) -> None:
    r = run_import(corpus("emcee.en.txt"))
    assert r.agenda.meeting.language == "en"
    assert [i.title for i in r.agenda.items] == [
        "Opening Segment",
        "Welcome Address",
        "Awards Presentation – Reading Champions",
        "Awards Presentation – Sports",
        "Closing Segment",
    ]
    assert r.agenda.items[0].cues[0].who == "Emcee 1 (E1)"
    reading = r.agenda.items[2].cues[0]
    assert reading.units == ("Year 3", "Year 4")
    assert r.agenda.names["principal"] == "[Principal's Name]"
    assert sum("unfilled name" in w for w in r.validate_warnings) == 3


def test_the_same_script_gives_the_same_bytes(corpus) -> None:
    path = corpus("numbered-agenda.zh.txt")
    first = run_import(path).yaml
    assert run_import(path).yaml == first


def test_the_draft_is_written_for_a_person(corpus) -> None:
    text = run_import(corpus("two-hosts.zh-Hant.txt")).yaml
    head = text.split("podium: 1")[0]
    assert head.startswith("# Draft agenda made by `podium import`")
    assert "names:" in head and "podium validate" in head
    assert re.search(r"^  # .*two-hosts\.zh-Hant\.txt:3-7$", text, re.MULTILINE)
    # keys in the format's order, block style, no anchors or aliases
    assert text.index("\npodium: 1") < text.index("\nmeeting:") < text.index("\nnames:")
    assert text.index("\nnames:") < text.index("\nitems:")
    body = text.split("\nitems:")[1]
    for item in body.split("\n\n"):
        keys = re.findall(r"^  (?:- |  )(\w+):", item, re.MULTILINE)
        order = ["kind", "id", "title", "duration", "notes", "script", "speaker", "intro",
                 "outro", "groups", "recipients", "call", "batch"]  # fmt: skip
        known = [k for k in keys if k in order]
        assert known == sorted(known, key=order.index), keys
    assert not re.search(r"(?m):\s+[&*]\w", text)
    assert not re.search(r"(?m):\s+[\[{]", text)
