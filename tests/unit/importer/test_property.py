"""Properties over generated scripts: importing never loses, reorders or rewords a sentence of
the host's, whatever the mix of labels, directions, boundaries, call-ups, speech requests and
masked names; the draft always loads without an error; YAML scalars read back as written."""

from __future__ import annotations

import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from podium.importer.emit import scalar

from .importer_helpers import in_order, run_import

CJK = "的一是在不了和人这中大为个国我以要他时用们生到地于出就分成可发年动同工也能过子说产种面而方多定行学法所民得经十三之着等部度家力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气"  # noqa: E501
WORDS = (
    *("we", "our", "school", "year", "team", "thank", "you", "all", "welcome", "tonight"),
    *("award", "proud", "families", "students", "teachers", "community", "together"),
    *("celebrate", "effort", "growth", "music", "evening"),
)


@st.composite
def zh_sentence(draw: st.DrawFn) -> str:
    body = draw(st.text(alphabet=CJK, min_size=2, max_size=30))
    middle = draw(st.sampled_from(["", "，", "、"]))
    tail = draw(st.text(alphabet=CJK, min_size=0, max_size=12))
    mask = draw(st.sampled_from(["", "区委副书记***同志", "**年度", "XXX", "【姓名】"]))
    return body + middle + mask + tail + draw(st.sampled_from(["。", "！", "？", "："]))


@st.composite
def en_sentence(draw: st.DrawFn) -> str:
    words = draw(st.lists(st.sampled_from(WORDS), min_size=2, max_size=12))
    mask = draw(st.sampled_from(["", " [Name]", " Principal [Name],", " XXX"]))
    text = " ".join(words) + mask
    return text[0].upper() + text[1:] + draw(st.sampled_from([".", "!", "?"]))


@st.composite
def zh_paragraph(draw: st.DrawFn) -> tuple[str, list[str]]:
    """A paragraph as written and the host's sentences in it."""
    kind = draw(
        st.sampled_from(["plain", "plain", "label", "boundary", "call", "speech", "note", "dots"])
    )
    sentence = draw(zh_sentence())
    if kind == "note":
        return draw(st.sampled_from(["（奏毕）", "（决定宣读后）", "（共2轮）"])), []
    if kind == "dots":
        return "…" * draw(st.integers(2, 12)), []
    if kind == "label":
        label = draw(st.sampled_from(["男：", "女：", "合：", "主持人甲："]))
        return label + sentence, [sentence]
    if kind == "boundary":
        n = draw(st.sampled_from("一二三四五六七八九十"))
        lead = draw(
            st.sampled_from(
                [f"下面，进行第{n}项议程，", f"会议进入第{n}项，", f"進行第{n}項議程，"]
            )
        )
        return lead + sentence, [lead + sentence]
    if kind == "call":
        who = draw(st.sampled_from(["王芳、李明", "****的代表", "获奖的先进集体"]))
        text = f"请{who}上台领奖。"
        return text, [text]
    if kind == "speech":
        verb = draw(st.sampled_from(["讲话", "致辞", "宣读决定", "作重要讲话"]))
        text = f"请区委办主任***同志{verb}，大家欢迎。"
        return text, [text]
    return sentence, [sentence]


@st.composite
def en_paragraph(draw: st.DrawFn) -> tuple[str, list[str]]:
    kind = draw(st.sampled_from(["plain", "plain", "label", "call", "speech", "note"]))
    sentence = draw(en_sentence())
    if kind == "note":
        return draw(st.sampled_from(["[applause]", "(Principal's Speech)", "……"])), []
    if kind == "label":
        label = draw(st.sampled_from(["E1: ", "E2: ", "Emcee 1 (E1): "]))
        return label + sentence, [sentence]
    if kind == "call":
        text = "We now invite " + draw(st.sampled_from(["[Names]", "Amy Chen and Tom Lee"]))
        return text + " to the stage.", [text + " to the stage."]
    if kind == "speech":
        text = "I invite our Principal, [Name], to deliver the welcome address."
        return text, [text]
    return sentence, [sentence]


def _check(paragraphs: list[tuple[str, list[str]]], name: str) -> None:
    expected = [s for _, sentences in paragraphs for s in sentences]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_text("\n".join(p for p, _ in paragraphs) + "\n", encoding="utf-8")
        result = run_import(path)
        assert in_order(expected, "\n".join(result.texts())) == []


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(zh_paragraph(), min_size=1, max_size=14))
def test_no_sentence_of_a_chinese_script_is_lost(
    paragraphs: list[tuple[str, list[str]]],
) -> None:
    if not any(sentences for _, sentences in paragraphs):
        paragraphs = [*paragraphs, ("同志们：", ["同志们："])]
    _check(paragraphs, "script.txt")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(en_paragraph(), min_size=1, max_size=14))
def test_no_sentence_of_an_english_script_is_lost(
    paragraphs: list[tuple[str, list[str]]],
) -> None:
    if not any(sentences for _, sentences in paragraphs):
        paragraphs = [*paragraphs, ("Good evening.", ["Good evening."])]
    _check(paragraphs, "script.txt")


@settings(max_examples=300, deadline=None)
@given(st.text(min_size=0, max_size=40))
def test_a_scalar_reads_back_as_the_same_text(text: str) -> None:
    text = "".join(ch for ch in text if not 0xD800 <= ord(ch) <= 0xDFFF)
    loaded = yaml.safe_load(f"key: {scalar(text)}\n")
    assert loaded == {"key": text}
