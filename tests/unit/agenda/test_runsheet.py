"""The run sheet renderers on plans built by hand: every format, field by field."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from html.parser import HTMLParser

import pytest

from podium.agenda.model import Agenda, Cue, CueKind, Item, ItemKind, Meeting
from podium.agenda.plan import Plan, make_plan
from podium.agenda.runsheet import FORMATS, render
from podium.agenda.runsheet.width import display_width, pad

H = 3600

CALL_UNITS = Cue(
    CueKind.CALL,
    "请区委办信息科、城东街道的代表上台领奖。",
    spoken="请区委办信息科、城东街道的代表上台领奖。",
    names=("区委办信息科", "城东街道"),
    units=(None, None),
    award="先进集体",
    batch=1,
    batches=2,
    duration_s=30,
)
CALL_LAST = Cue(
    CueKind.CALL,
    "请湖滨街道的代表上台领奖。",
    spoken="请湖滨街道的代表上台领奖。",
    names=("湖滨街道",),
    units=(None,),
    award="先进集体",
    batch=2,
    batches=2,
    duration_s=30,
)
CALL_SAY = Cue(
    CueKind.CALL,
    "请王芳、单田芳上台领奖。",
    spoken="请王芳、善田芳上台领奖。",
    names=("王芳", "单田芳"),
    units=("城东街道", "区教育局"),
    say=("王芳", "善田芳"),
    award="先进个人",
    batch=1,
    batches=1,
    duration_s=30,
)


def zh_agenda(start_s: int | None = 9 * H, speech_at: int | None = 9 * H + 10 * 60) -> Agenda:
    """Opening (2:00), awards (~2:17, estimated), a speech fixed at 09:10 (25:00), a tea break."""
    items = (
        Item(
            0,
            "opening",
            ItemKind.SCRIPT,
            "开场",
            120,
            False,
            (
                Cue(CueKind.SCRIPT, "同志们：现在开会。", spoken="同志们：现在开会。"),
                Cue(CueKind.SCRIPT, "今天在主席台就坐的领导有：\n张建国同志", spoken="…"),
            ),
        ),
        Item(
            1,
            "awards",
            ItemKind.AWARDS,
            "颁发荣誉证书",
            137,
            True,
            (
                Cue(CueKind.INTRO, "下面，颁发荣誉证书。", spoken="下面，颁发荣誉证书。"),
                CALL_UNITS,
                CALL_LAST,
                CALL_SAY,
            ),
            notes="证书按顺序摆放在礼仪台上。",
        ),
        Item(
            2,
            "speech",
            ItemKind.SPEECH,
            "区委副书记讲话",
            1500,
            False,
            (
                Cue(CueKind.INTRO, "请张建国同志讲话。", spoken="请张建国同志讲话。"),
                Cue(
                    CueKind.SPEECH,
                    "区委副书记张建国同志",
                    speaker="区委副书记张建国同志",
                    duration_s=1500,
                ),
                Cue(
                    CueKind.OUTRO, "感谢张建国同志的重要讲话。", spoken="感谢张建国同志的重要讲话。"
                ),
            ),
            at_s=speech_at,
            warn_s=120,
            danger_s=60,
        ),
        Item(
            3,
            "tea",
            ItemKind.BREAK,
            "茶歇",
            600,
            False,
            (Cue(CueKind.BREAK, "", duration_s=600),),
            speak=False,
        ),
    )
    meeting = Meeting(
        title="全区信息工作会议",
        venue="区委三楼会议室",
        host="李文",
        date=dt.date(2026, 3, 12),
        start_s=start_s,
        language="zh",
        reading_rate=220,
    )
    return Agenda("/tmp/zh.yaml", "0" * 64, meeting, items)


def en_agenda(title: str = "Awards night", text: str = "Welcome, everyone.") -> Agenda:
    meeting = Meeting(title=title, language="en")
    items = (
        Item(
            0,
            "welcome",
            ItemKind.SCRIPT,
            title,
            30,
            True,
            (Cue(CueKind.SCRIPT, text, spoken=text),),
            notes="Check the <mic> & lights",
        ),
        Item(
            1,
            "prizes",
            ItemKind.AWARDS,
            "Prizes",
            60,
            True,
            (
                Cue(
                    CueKind.CALL,
                    "Please come to the stage: Siobhán Byrne, Zhou Min.",
                    spoken="Please come to the stage: Shiv-awn Byrne, Joe Min.",
                    names=("Siobhán Byrne", "Zhou Min"),
                    units=("Design", None),
                    say=("Shiv-awn Byrne", "Joe Min"),
                    award="Best <Design>",
                    batch=1,
                    batches=1,
                    duration_s=30,
                ),
            ),
        ),
    )
    return Agenda("/tmp/en.yaml", "0" * 64, meeting, items)


@pytest.fixture
def zh_plan() -> Plan:
    return make_plan(zh_agenda())


# --- json ---------------------------------------------------------------------------------


def test_json_is_the_spec_shape_field_by_field(zh_plan: Plan) -> None:
    doc = json.loads(render(zh_plan, "json"))
    assert list(doc) == ["format", "meeting", "total_s", "items"]
    assert doc["format"] == "podium-plan/1"
    assert doc["meeting"] == {
        "title": "全区信息工作会议",
        "date": "2026-03-12",
        "start": "09:00:00",
        "language": "zh",
    }
    # 120 + 137 = 257, then idle until the speech's fixed 09:10, 1500 of speech, 600 of tea.
    assert doc["total_s"] == 600 + 1500 + 600
    assert [list(item) for item in doc["items"]] == [
        ["id", "kind", "title", "offset_s", "start", "duration_s", "estimated", "cues"]
    ] * 4
    assert [(i["id"], i["kind"], i["offset_s"], i["start"]) for i in doc["items"]] == [
        ("opening", "script", 0, "09:00:00"),
        ("awards", "awards", 120, "09:02:00"),
        ("speech", "speech", 600, "09:10:00"),
        ("tea", "break", 2100, "09:35:00"),
    ]
    assert [(i["duration_s"], i["estimated"]) for i in doc["items"]] == [
        (120, False),
        (137, True),
        (1500, False),
        (600, False),
    ]
    opening, awards, speech, tea = doc["items"]
    assert opening["cues"] == [
        {"kind": "script", "text": "同志们：现在开会。"},
        {"kind": "script", "text": "今天在主席台就坐的领导有：\n张建国同志"},
    ]
    assert awards["cues"] == [
        {"kind": "intro", "text": "下面，颁发荣誉证书。"},
        {
            "kind": "call",
            "text": "请区委办信息科、城东街道的代表上台领奖。",
            "names": ["区委办信息科", "城东街道"],
            "award": "先进集体",
        },
        {
            "kind": "call",
            "text": "请湖滨街道的代表上台领奖。",
            "names": ["湖滨街道"],
            "award": "先进集体",
        },
        {
            "kind": "call",
            "text": "请王芳、单田芳上台领奖。",
            "names": ["王芳", "单田芳"],
            "award": "先进个人",
            "say": ["王芳", "善田芳"],
        },
    ]
    assert speech["cues"][1] == {
        "kind": "speech",
        "text": "区委副书记张建国同志",
        "speaker": "区委副书记张建国同志",
        "duration_s": 1500,
    }
    assert [c["kind"] for c in speech["cues"]] == ["intro", "speech", "outro"]
    assert tea["cues"] == [{"kind": "break", "text": ""}]


def test_json_without_a_start_has_null_clock_times() -> None:
    doc = json.loads(render(make_plan(zh_agenda(start_s=None, speech_at=None)), "json"))
    assert doc["meeting"]["start"] is None
    assert [i["start"] for i in doc["items"]] == [None] * 4
    assert [i["offset_s"] for i in doc["items"]] == [0, 120, 257, 1757]
    assert doc["total_s"] == 2357


def test_json_start_override_moves_every_clock_time() -> None:
    doc = json.loads(render(make_plan(zh_agenda(), start_s=8 * H + 30 * 60), "json"))
    assert doc["meeting"]["start"] == "08:30:00"
    # The speech still waits for its fixed 09:10, now 40 minutes after the start.
    assert [i["start"] for i in doc["items"]] == ["08:30:00", "08:32:00", "09:10:00", "09:35:00"]


def test_json_is_utf8_text_indented_by_two(zh_plan: Plan) -> None:
    text = render(zh_plan, "json")
    assert "全区信息工作会议" in text and "\\u" not in text
    assert text.startswith('{\n  "format": "podium-plan/1",\n')
    assert text.endswith("}\n")


def test_json_spoken_seconds_on_cues_read_aloud(zh_plan: Plan) -> None:
    spoken = {(0, 0): 2.345, (0, 1): 4.0, (1, 3): 3.5}
    doc = json.loads(render(zh_plan, "json", spoken))
    assert doc["items"][0]["cues"][0]["spoken_s"] == 2.35
    assert doc["items"][0]["cues"][1]["spoken_s"] == 4.0
    assert doc["items"][1]["cues"][3]["spoken_s"] == 3.5
    assert "spoken_s" not in doc["items"][2]["cues"][1]
    assert "spoken_s" not in doc["items"][3]["cues"][0]


# --- text ---------------------------------------------------------------------------------


def test_text_columns_align_with_chinese_titles(zh_plan: Plan) -> None:
    text = render(zh_plan, "text")
    rows = [line for line in text.splitlines() if re.match(r"\d\d:\d\d:\d\d  ", line)]
    item_rows = [r for r in rows if re.search(r"  (opening|awards|speech|tea)\b", r)]
    assert len(item_rows) == 4
    # The ids after the padded titles start in the same display column on every row.
    ids = _ids(item_rows)
    columns = {display_width(r[: r.rindex(i)]) for r, i in zip(item_rows, ids, strict=True)}
    assert len(columns) == 1
    assert "09:02:00  ~2:17  二、颁发荣誉证书" in text  # numbered, estimated marked with ~


def _ids(rows: list[str]) -> list[str]:
    return [re.search(r"(opening|awards|speech|tea)", r).group(1) for r in rows]  # type: ignore[union-attr]


def test_text_shows_the_idle_gap_before_a_fixed_time(zh_plan: Plan) -> None:
    text = render(zh_plan, "text")
    # 09:02:00 + 2:17 = 09:04:17; idle 5:43 until the speech fixed at 09:10:00.
    assert re.search(r"^09:04:17\s+5:43\s+（空档，等待 09:10:00 固定开始）$", text, re.M)
    assert re.search(
        r"^09:10:00\s+25:00\s+三、区委副书记讲话\s+speech\s+09:10:00 固定开始$", text, re.M
    )


def test_text_shows_every_cue_in_full_with_names_units_and_say(zh_plan: Plan) -> None:
    text = render(zh_plan, "text")
    for phrase in (
        "同志们：现在开会。",
        "请区委办信息科、城东街道的代表上台领奖。",
        "先进集体 · 1/2",
        "2. 单田芳 — 区教育局 · 读作 善田芳",
        "1. 王芳 — 城东街道",
        "1. 区委办信息科",
        "2. 城东街道",
        "区委副书记张建国同志 · 25:00 (提醒 2:00 · 警告 1:00)",
        "备注：证书按顺序摆放在礼仪台上。",
        "（不朗读）",
    ):
        assert phrase in text, phrase
    # One bare name is in its call already: not listed again below it.
    assert "1. 湖滨街道" not in text
    # An inner line break continues under the text, not at the left margin.
    lines = text.splitlines()
    first = next(i for i, line in enumerate(lines) if "今天在主席台就坐的领导有：" in line)
    assert lines[first + 1].strip() == "张建国同志"
    continued, line = lines[first + 1], lines[first]
    assert display_width(continued[: continued.index("张")]) == display_width(
        line[: line.index("今")]
    )


def test_text_without_a_start_shows_offsets_and_english_labels() -> None:
    text = render(make_plan(en_agenda()), "text")
    assert text.splitlines()[0] == "Awards night"
    assert "Total ~1:30 · 2 items · 2 cues" in text
    assert re.search(r"^\+0:00:00\s+~0:30\s+1\. Awards night\s+welcome$", text, re.M)
    assert re.search(r"^\+0:00:30\s+~1:00\s+2\. Prizes\s+prizes$", text, re.M)
    assert "1. Siobhán Byrne — Design · say Shiv-awn Byrne" in text


def test_text_marks_an_overrun_fixed_time() -> None:
    agenda = zh_agenda(speech_at=9 * H + 3 * 60)  # earlier items end at 09:04:17
    text = render(make_plan(agenda), "text")
    assert "! 固定 09:03:00 开始，预计推迟 1:17" in text
    assert "空档" not in text


# --- csv ----------------------------------------------------------------------------------


def test_csv_has_a_header_and_one_row_per_cue(zh_plan: Plan) -> None:
    sheet = render(zh_plan, "csv")
    assert sheet.startswith("\ufeff")  # a byte-order mark: spreadsheets read UTF-8 Chinese
    rows = list(csv.reader(io.StringIO(sheet.removeprefix("\ufeff"), newline="")))
    assert rows[0] == [
        "item_id",
        "item_title",
        "item_kind",
        "start",
        "offset_s",
        "item_duration_s",
        "estimated",
        "cue",
        "cue_kind",
        "text",
        "speaker",
        "award",
        "names",
        "units",
        "say",
        "who",
    ]
    body = rows[1:]
    assert len(body) == zh_plan.agenda.cue_count == 2 + 4 + 3 + 1
    assert body[1][:10] == [
        "opening",
        "开场",
        "script",
        "09:00:00",
        "0",
        "120",
        "false",
        "2",
        "script",
        "今天在主席台就坐的领导有：\n张建国同志",
    ]
    call = body[5]
    assert call[:4] == ["awards", "颁发荣誉证书", "awards", "09:02:00"]
    assert call[6:] == [
        "true",
        "4",
        "call",
        "请王芳、单田芳上台领奖。",
        "",
        "先进个人",
        "王芳\n单田芳",
        "城东街道\n区教育局",
        "王芳\n善田芳",
        "",
    ]
    speech = body[7]
    assert speech[8:11] == ["speech", "区委副书记张建国同志", "区委副书记张建国同志"]


def test_csv_spoken_column_only_with_spoken(zh_plan: Plan) -> None:
    rows = list(csv.reader(io.StringIO(render(zh_plan, "csv", {(0, 0): 1.5}), newline="")))
    assert rows[0][-1] == "spoken_s"
    assert rows[1][-1] == "1.5"
    assert rows[2][-1] == ""


# --- markdown -----------------------------------------------------------------------------


def test_markdown_has_a_table_and_a_section_per_item(zh_plan: Plan) -> None:
    text = render(zh_plan, "markdown")
    assert text.startswith("# 全区信息工作会议\n")
    # To the minute: the estimate ~2:17 is about two minutes, the idle gap after it too.
    assert "| 09:02 | \\~2分钟 | 二、颁发荣誉证书 |" in text
    assert "| 09:04 | \\~6分钟 | *（空档，等待 09:10 固定开始）* |" in text
    headings = [line for line in text.splitlines() if line.startswith("## ")]
    assert headings == [
        "## 一、开场",
        "## 二、颁发荣誉证书",
        "## 三、区委副书记讲话",
        "## 四、茶歇",
    ]
    assert "09:10 · 25分钟 · 09:10 固定开始" in text
    assert "`speech`" not in text  # no ids under the headings
    assert "   2. 单田芳 — 区教育局 · *读作 善田芳*" in text


def test_markdown_escapes_markup_from_the_file() -> None:
    from markdown_it import MarkdownIt  # a Markdown renderer Textual already brings

    title = "A | B *bold* ~x~ <i>"
    agenda = en_agenda(title=title, text="1. not a list\n- nor this\nthird _line_")
    html = (
        MarkdownIt("commonmark")
        .enable(["table", "strikethrough"])
        .render(render(make_plan(agenda), "markdown"))
    )
    escaped_title = "A | B *bold* ~x~ &lt;i&gt;"
    assert f"<h1>{escaped_title}</h1>" in html
    assert f"<td>1. {escaped_title}</td>" in html  # the | did not split the table cell
    item = "<li><strong>Say</strong> 1. not a list<br />\n- nor this<br />\nthird _line_</li>"
    assert item in html
    assert "Check the &lt;mic&gt; &amp; lights" in html
    assert "<em>" not in html.replace("<em>say ", "") and "<s>" not in html and "<i>" not in html


# --- html ---------------------------------------------------------------------------------


class _Tags(HTMLParser):
    """Collects start tags and checks that non-void elements close in order."""

    VOID = frozenset(("br", "meta", "link", "img", "hr", "input"))

    def __init__(self) -> None:
        super().__init__()
        self.stack: list[str] = []
        self.starts: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.starts.append((tag, dict(attrs)))
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack[-1] == tag, (tag, self.stack[-5:])
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse_html(text: str) -> _Tags:
    parser = _Tags()
    parser.feed(text)
    parser.close()
    assert parser.stack == []
    return parser


def test_html_is_a_self_contained_printable_page(zh_plan: Plan) -> None:
    text = render(zh_plan, "html")
    tags = parse_html(text)
    assert text.startswith("<!DOCTYPE html>\n")
    assert ("html", {"lang": "zh-CN"}) in tags.starts
    assert ("meta", {"charset": "utf-8"}) in tags.starts
    assert not any(tag in ("link", "script", "img") for tag, _ in tags.starts)
    assert "@page { size: A4;" in text
    assert "break-inside: avoid" in text
    assert "Noto Sans CJK SC" in text
    sections = [a for tag, a in tags.starts if tag == "section"]
    assert [a["id"] for a in sections] == ["item-opening", "item-awards", "item-speech", "item-tea"]
    page_text = "".join(tags.text)
    assert "请王芳、单田芳上台领奖。" in page_text
    assert "读作 善田芳" in page_text


def test_html_escapes_everything_from_the_file() -> None:
    evil = "<script>alert('x')</script> & \"Co\""
    text = render(make_plan(en_agenda(title=evil, text="<b>Hi</b>\nthere")), "html")
    parse_html(text)
    assert "<script>" not in text and "<b>" not in text
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; &quot;Co&quot;" in text
    assert "&lt;b&gt;Hi&lt;/b&gt;<br>\nthere" in text
    assert "Best &lt;Design&gt;" in text
    assert "Check the &lt;mic&gt; &amp; lights" in text


# --- all formats --------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_ends_with_one_newline(zh_plan: Plan, fmt: str) -> None:
    text = render(zh_plan, fmt)
    assert text.endswith("\n") and not text.endswith("\n\n\n")


def test_unknown_format_is_refused(zh_plan: Plan) -> None:
    with pytest.raises(ValueError, match="unknown run sheet format"):
        render(zh_plan, "pdf")


# --- width --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "width"),
    [("abc", 3), ("会议", 4), ("ＡＢ", 4), ("é", 1), ("e\u0301", 1), ("开场 ok", 7), ("", 0)],
)
def test_display_width(text: str, width: int) -> None:
    assert display_width(text) == width


def test_pad_counts_columns_not_characters() -> None:
    assert pad("会议", 6) == "会议  "
    assert pad("toolong", 3) == "toolong"
