"""Each rule of the importer on small scripts, in simplified and traditional Chinese and in
English. Every draft is loaded with the real loader (no errors allowed)."""

from __future__ import annotations

import pytest

from podium.agenda.model import CueKind, ItemKind

from .importer_helpers import Result, in_order

# --- items at ordinal phrases ------------------------------------------------------------

ORDINALS = [
    "第一项议程：宣读决定。",
    "进行第一项议程，宣读决定。",
    "会议进行第一项，宣读决定。",
    "进行会议第二项，宣读决定。",
    "现在进行会议第二项议程，宣读决定。",
    "会议进入第二项，宣读决定。",
    "下面进行第三项，宣读决定。",
    "下面，进行第一项议程，宣读决定。",
    "進行第一項議程，宣讀決定。",
    "現在進行會議第二項議程，宣讀決定。",
    "會議進入第二項，宣讀決定。",
]


@pytest.mark.parametrize("phrase", ORDINALS)
def test_an_ordinal_phrase_starts_an_item(script, phrase: str) -> None:
    r: Result = script(f"同志们：现在开会。\n{phrase}\n谢谢大家。\n")
    titles = [item.title for item in r.agenda.items]
    assert len(titles) == 2, titles
    assert titles[1].startswith(("宣读决定", "宣讀決定")), titles
    assert r.agenda.items[1].cues[0].text == phrase


def test_the_overview_sentence_is_a_cue_of_the_opening(script) -> None:
    r = script(
        "同志们：\n今天会议一共有两项议程，第一项议程：通报表彰；第二项议程：领导讲话。\n"
        "下面，进行第一项议程，通报表彰。\n"
    )
    assert [i.title for i in r.agenda.items] == ["开场", "通报表彰"]
    assert "今天会议一共有两项议程" in r.agenda.items[0].cues[1].text


def test_numbered_points_of_a_speech_are_no_items(script) -> None:
    r = script("下面我讲三点意见：\n一、要提高认识\n二、要抓好落实\n")
    assert len(r.agenda.items) == 1
    assert [c.text for c in r.agenda.items[0].cues][1:] == ["一、要提高认识", "二、要抓好落实"]


def test_text_before_the_first_boundary_is_the_opening_and_after_the_last_the_closing(
    script,
) -> None:
    r = script(
        "同志们：现在开会。\n"
        "现在进行会议第一项议程，请区长***同志讲话，大家欢迎。\n"
        "……\n"
        "感谢区长的讲话。\n"
        "下面，我再强调两点。\n"
        "散会。\n"
    )
    items = r.agenda.items
    assert [i.id for i in items] == ["opening", "speech-1", "closing"]
    assert items[0].title == "开场" and items[2].title == "结束"
    assert [c.text for c in items[2].cues] == ["下面，我再强调两点。", "散会。"]


def test_english_segment_headings_start_items(script) -> None:
    r = script(
        "Opening Segment\n\nGood evening, everyone.\n\nAwards Presentation – Year 1\n\n"
        "We celebrate our youngest pupils tonight.\n"
    )
    assert [i.title for i in r.agenda.items] == ["Opening Segment", "Awards Presentation – Year 1"]
    assert r.texts() == ["Good evening, everyone.", "We celebrate our youngest pupils tonight."]


def test_a_short_host_line_without_punctuation_stays_a_host_line(script) -> None:
    r = script("Opening\n\nGood morning everyone\nWelcome to our school.\n")
    assert r.texts() == ["Good morning everyone", "Welcome to our school."]


def test_markdown_headings_are_item_boundaries(script) -> None:
    r = script(
        "# Welcome\n\nHello, and thank you\nfor coming.\n\n## Thanks\n\nGood night.\n",
        name="s.md",
    )
    assert [i.title for i in r.agenda.items] == ["Welcome", "Thanks"]
    assert r.texts() == ["Hello, and thank you for coming.", "Good night."]


# --- speeches ----------------------------------------------------------------------------


def test_a_request_to_speak_is_a_speech_with_intro_and_outro(script) -> None:
    r = script(
        "同志们：\n"
        "现在进行会议第二项议程，请区委副书记***同志讲话，大家欢迎。\n"
        "………\n"
        "感谢***副书记的重要讲话。\n"
    )
    speech = r.agenda.items[1]
    assert speech.kind is ItemKind.SPEECH
    assert speech.title == "区委副书记讲话"
    kinds = [c.kind for c in speech.cues]
    assert kinds == [CueKind.INTRO, CueKind.SPEECH, CueKind.OUTRO]
    assert speech.cues[0].text == "现在进行会议第二项议程，请区委副书记***同志讲话，大家欢迎。"
    assert speech.cues[1].speaker == "区委副书记***同志"
    assert speech.cues[2].text == "感谢***副书记的重要讲话。"
    assert speech.notes == "………"
    assert any("guess" in w and "讲话" in w for w in r.warnings)


@pytest.mark.parametrize(
    ("sentence", "verb", "minutes"),
    [
        ("请***同志宣读表彰决定。", "宣读", 5),
        ("请***同志讲话。", "讲话", 15),
        ("请***同志作重要讲话。", "作重要讲话", 20),
        ("请***同志致辞。", "致辞", 5),
        ("请***同志作工作报告。", "作工作报告", 30),
        ("请获奖代表***发表获奖感言。", "发表获奖感言", 3),
        ("請***校長致辭。", "致辭", 5),
        (
            "It is my pleasure to invite our Principal, [Name], to deliver the welcome address.",
            "deliver",
            10,
        ),
        ("Please welcome Dr Jane Roe to give the vote of thanks.", "give", 5),
    ],
)
def test_a_speech_duration_is_a_guess_by_its_verb(
    script, sentence: str, verb: str, minutes: int
) -> None:
    r = script(sentence + "\n")
    speech = next(i for i in r.agenda.items if i.kind is ItemKind.SPEECH)
    assert speech.duration_s == minutes * 60
    assert any(f"{minutes} min" in w and verb in w for w in r.warnings), r.warnings


def test_a_reading_is_shorter_than_a_leaders_speech(script) -> None:
    r = script("请***同志宣读决定。\n……\n请***书记作重要讲话。\n")
    reading, speech = [i for i in r.agenda.items if i.kind is ItemKind.SPEECH]
    assert reading.duration_s < speech.duration_s


def test_asking_the_audience_is_no_speech(script) -> None:
    r = script("请同志们认真领会*副书记的讲话精神。\n请大家发言踊跃。\n")
    assert all(i.kind is ItemKind.SCRIPT for i in r.agenda.items)


def test_english_speech_speaker_and_title(script) -> None:
    r = script(
        "We now invite our Guest of Honour, Mayor Ann Lee, to deliver the keynote address.\n"
        "Thank you, Mayor Lee, for your inspiring words.\n"
    )
    speech = r.agenda.items[0]
    assert speech.kind is ItemKind.SPEECH
    assert speech.cues[1].speaker == "our Guest of Honour, Mayor Ann Lee"
    assert speech.title == "Keynote address"
    assert speech.cues[2].text == "Thank you, Mayor Lee, for your inspiring words."


def test_a_transition_after_a_speech_is_no_outro(script) -> None:
    r = script("请张三同志讲话。\n下面，进行下一项。\n")
    speech = r.agenda.items[0]
    assert [c.kind for c in speech.cues] == [CueKind.INTRO, CueKind.SPEECH]
    assert r.agenda.items[1].cues[0].text == "下面，进行下一项。"


# --- call-ups ----------------------------------------------------------------------------


def test_named_people_become_recipients_and_the_call_reads_as_written(script) -> None:
    r = script("下面颁奖。\n请王芳、李明、赵强上台领奖。\n")
    awards = r.agenda.items[-1]
    assert awards.kind is ItemKind.AWARDS
    assert awards.cues[0].text == "下面颁奖。"  # the host's line before: the intro
    call = awards.cues[1]
    assert call.kind is CueKind.CALL and call.text == "请王芳、李明、赵强上台领奖。"
    assert call.names == ("王芳", "李明", "赵强")
    assert "call: 请{names}上台领奖。" in r.yaml


def test_traditional_call_up(script) -> None:
    r = script("現在頒獎。\n請陳小明、林美玲上臺領獎。\n")
    call = r.agenda.items[-1].cues[1]
    assert call.text == "請陳小明、林美玲上臺領獎。"
    assert call.names == ("陳小明", "林美玲")


def test_english_call_up_with_names(script) -> None:
    r = script("I now invite Amy Chen, Tom Baker and Priya Nair to the stage.\n")
    call = r.agenda.items[0].cues[0]
    assert call.text == "I now invite Amy Chen, Tom Baker and Priya Nair to the stage."
    assert call.names == ("Amy Chen", "Tom Baker", "Priya Nair")


@pytest.mark.parametrize(
    "sentence",
    [
        "先请****的代表上台领奖。",
        "请获奖的劳动模范依次上台领奖。",
        "We now invite [Names] to the stage.",
    ],
)
def test_a_call_up_that_names_no_one_reads_as_written_and_warns(script, sentence: str) -> None:
    r = script(sentence + "\n")
    call = r.agenda.items[0].cues[0]
    assert call.kind is CueKind.CALL
    assert call.text == sentence
    assert any("does not name whom it calls" in w for w in r.warnings)


def test_each_call_up_is_one_cue_in_its_place(script) -> None:
    r = script(
        "下面，向先进集体颁发荣誉证书。\n先请****的代表上台领奖。\n…………\n"
        "下面，请****的代表上台领奖。\n………\n"
    )
    awards = r.agenda.items[0]
    assert [c.kind for c in awards.cues] == [CueKind.INTRO, CueKind.CALL, CueKind.CALL]
    assert awards.cues[2].text == "下面，请****的代表上台领奖。"
    assert awards.title == "颁发荣誉证书"
    assert awards.notes == "…………\n………"
    # two different units: two entries
    assert "单位1" in r.yaml and "单位2" in r.yaml


def test_bulleted_lines_after_a_call_up_are_its_recipients(script) -> None:
    r = script(
        "We now invite the following pupils to the stage:\n• Year 3: [Names]\n• Year 4: Sam Lee\n"
        "Congratulations to all of them!\n"
    )
    awards = r.agenda.items[0]
    call = awards.cues[0]
    assert call.text == "We now invite the following pupils to the stage:"
    assert call.names == ("[Names]", "Sam Lee")
    assert call.units == ("Year 3", "Year 4")
    assert awards.cues[1].text == "Congratulations to all of them!"
    assert not any("does not name" in w for w in r.warnings)


def test_a_paragraph_with_two_call_ups_gives_two_cues(script) -> None:
    r = script("请王芳上台领奖。请李明上台领奖。\n")
    assert [c.text for c in r.agenda.items[0].cues] == ["请王芳上台领奖。", "请李明上台领奖。"]


# --- stage directions --------------------------------------------------------------------


@pytest.mark.parametrize(
    "direction", ["（奏毕）", "(决定宣读后)", "（共2轮）", "[applause]", "(Principal's Speech)"]
)
def test_a_direction_on_its_own_line_is_a_note(script, direction: str) -> None:
    r = script(f"Hello, everyone.\n{direction}\n")
    assert r.agenda.items[0].notes == direction
    assert all(direction not in t for t in r.texts())


@pytest.mark.parametrize(
    ("line", "text", "note"),
    [
        ("请全体起立，奏国歌。（奏毕）请坐。", "请全体起立，奏国歌。请坐。", "（奏毕）"),
        ("請全體起立，奏國歌。（奏畢）請坐。", "請全體起立，奏國歌。請坐。", "（奏畢）"),
        ("Thank you. [applause] Please sit.", "Thank you. Please sit.", "[applause]"),
    ],
)
def test_a_direction_inside_the_text_is_a_note_and_not_read(
    script, line: str, text: str, note: str
) -> None:
    r = script(line + "\n")
    assert r.texts() == [text]
    assert r.agenda.items[0].notes == note


def test_brackets_that_are_part_of_the_text_stay(script) -> None:
    r = script("各街道（镇）党（工）委负责同志参加会议。\n")
    assert r.texts() == ["各街道（镇）党（工）委负责同志参加会议。"]


def test_dots_and_optional_segments_are_notes(script) -> None:
    r = script("Good evening.\n……………\nPrayer (Optional)\n...\nThank you.\n", language="en")
    assert r.texts() == ["Good evening.", "Thank you."]
    assert r.agenda.items[0].notes == "……………\nPrayer (Optional)\n..."


# --- two hosts ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("line", "who", "text"),
    [
        ("男：尊敬的各位领导：", "男", "尊敬的各位领导："),
        ("女:大家好！", "女", "大家好！"),
        ("合：欢迎光临！", "合", "欢迎光临！"),
        ("主持人甲：会议开始。", "主持人甲", "会议开始。"),
        ("E1: Good evening.", "E1", "Good evening."),
        ("Emcee 2 (E2): Welcome, everyone.", "Emcee 2 (E2)", "Welcome, everyone."),
    ],
)
def test_a_speaker_label_is_who_and_not_text(script, line: str, who: str, text: str) -> None:
    r = script(line + "\n")
    cue = r.agenda.items[0].cues[0]
    assert (cue.who, cue.text) == (who, text)
    assert r.plan()["items"][0]["cues"][0]["who"] == who


def test_a_label_alone_on_its_line_names_the_host_of_what_follows(script) -> None:
    r = script("主持人乙：\n各位来宾：\n晚上好！\n")
    assert [(c.who, c.text) for c in r.agenda.items[0].cues] == [
        ("主持人乙", "各位来宾："),
        ("主持人乙", "晚上好！"),
    ]


def test_a_salutation_is_no_label(script) -> None:
    r = script("同志们：\n现在开会。\n")
    assert r.agenda.items[0].cues[0].who is None
    assert r.texts()[0] == "同志们："


# --- masked names --------------------------------------------------------------------------


def test_a_masked_name_is_keyed_by_the_title_before_it_and_listed_once(script) -> None:
    r = script(
        "区委副书记***同志，\n请区委副书记***同志讲话。\n感谢***副书记。\n区委办主任×××同志。\n"
    )
    assert r.agenda.names == {"区委副书记": "***", "区委办主任": "×××"}
    assert "区委副书记{区委副书记}同志，" in r.yaml
    assert r.validate_warnings.count("looks like an unfilled name: '***'") == 1


def test_a_masked_year_is_one_entry_and_each_masked_unit_its_own(script) -> None:
    r = script(
        "表彰**年度先进。\n****年度总结。\n先请****的代表上台领奖。\n再请**的代表上台领奖。\n"
    )
    assert r.agenda.names["年份"] == "**"
    assert {"单位1", "单位2"} <= set(r.agenda.names)


@pytest.mark.parametrize(
    ("text", "key", "mask"),
    [
        ("Please welcome our Principal, [Principal's Name].", "principal", "[Principal's Name]"),
        ("Welcome, Principal [Name].", "principal", "[Name]"),
        ("请【姓名】同志发言。", "姓名1", "【姓名】"),
        ("欢迎XXX同志。", "姓名1", "XXX"),
        ("请校长＊＊＊先生致辞。", "校长", "＊＊＊"),
    ],
)
def test_mask_forms_and_keys(script, text: str, key: str, mask: str) -> None:
    r = script(text + "\n")
    assert r.agenda.names.get(key) == mask, r.agenda.names
    assert any("unfilled name" in w for w in r.validate_warnings)


def test_different_masks_are_different_entries_so_the_draft_reads_as_written(script) -> None:
    lines = [
        "表彰**年度先进。",
        "总结****年度工作。",
        "区委副书记***同志，",
        "请同志们领会*副书记的讲话。",
    ]
    r = script("\n".join(lines) + "\n")
    assert r.texts() == lines
    assert r.agenda.names == {"年份": "**", "年份2": "****", "区委副书记": "***", "副书记": "*"}
    assert any("a single '*'" in w for w in r.warnings)


def test_braces_in_the_text_stay_braces(script) -> None:
    r = script("Our motto is {Learn, Lead, Serve}.\n")
    assert r.texts() == ["Our motto is {Learn, Lead, Serve}."]


# --- page furniture ------------------------------------------------------------------------


def test_page_furniture_is_dropped_and_each_block_named(script) -> None:
    r = script(
        "某某会议主持词_第1页\n某某会议主持词_第2页\n已阅读2页,还剩1页未读 继续免费阅读\n\n"
        "下载本文档\n\n某某会议主持词\n\n同志们：\n现在开会。\n\n温馨提示\n"
        "  • 1. 本站所有资源如无特殊说明，都需要下载。\n  • 2. 未经权益所有人同意不得转载。\n"
        "评论\n\n0/150\n\n提交评论\n"
    )
    assert r.texts() == ["同志们：", "现在开会。"]
    assert r.agenda.meeting.title == "某某会议"
    dropped = [w for w in r.warnings if "page furniture" in w]
    assert len(dropped) == 2
    assert dropped[0].startswith("1: ") and "lines 1-5" in dropped[0]
    assert dropped[1].startswith("12: ") and "lines 12-19" in dropped[1]


def test_nothing_but_furniture_is_dropped(script) -> None:
    lines = ["同志们：", "今天的会议很重要。", "本站的门口有停车场。", "评论员文章大家要学习。"]
    r = script("\n".join(lines) + "\n")
    assert r.texts()[:2] == lines[:2]
    assert "评论员文章大家要学习。" in r.texts()


def test_a_script_that_stops_mid_sentence_is_said(script) -> None:
    r = script("同志们：\n今年是我区全面推进各项工作的关键一年，我们要扎实推进全面、协调、可持\n")
    assert any("ends mid-sentence" in w for w in r.warnings)


# --- every word kept -------------------------------------------------------------------------


def test_every_word_of_the_host_is_kept_in_order(script) -> None:
    lines = [
        "同志们：",
        "今天召开全区信息工作会议。",
        "下面，进行第一项议程，请区委办主任***同志宣读表彰文件。",
        "下面，向受表彰的先进集体颁发荣誉证书。",
        "先请****的代表上台领奖。",
        "现在进行会议第二项议程，请区委副书记***同志讲话，大家欢迎。",
        "同志们，今天会议的两项议程已履行完毕。",
        "下面，我再强调三点意见：",
        "一、要提高认识",
    ]
    r = script("\n……\n".join(lines) + "\n")
    assert in_order(lines, "\n".join(r.texts())) == []


def test_every_chinese_call_marker_holds_the_quick_hint() -> None:
    from podium.importer.classify import _CALL_HINT
    from podium.importer.phrases import ZH

    assert all(_CALL_HINT["zh"] in marker for marker in ZH.call_markers)


def test_english_page_furniture_is_dropped_and_said(script) -> None:
    r = script(
        "Page 1 of 3\n\nGood evening, everyone.\nThank you for coming.\n\n"
        "Copyright © 2026 Example Templates. All rights reserved.\nLeave a comment\n"
    )
    assert r.texts() == ["Good evening, everyone.", "Thank you for coming."]
    dropped = [w for w in r.warnings if "page furniture" in w]
    assert [w.split(":")[0] for w in dropped] == ["1", "6"]
    assert "lines 6-7" in dropped[1]


def test_traditional_masks_and_furniture(script) -> None:
    r = script(
        "年終晚會主持詞_第1頁\n各位來賓：\n請總經理＊＊＊先生致辭。\n感謝＊＊＊總經理的致辭。\n"
        "先請＊＊＊＊的代表上臺領獎。\n"
    )
    assert r.agenda.names["總經理"] == "＊＊＊"
    assert "單位1" in r.agenda.names  # the importer's own words in traditional characters
    assert r.texts()[0] == "各位來賓："
    assert any("page furniture" in w for w in r.warnings)
