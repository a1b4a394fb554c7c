"""A meeting's language behaves the same however the tag is spelled (zh_CN, zh-Hans, zh-TW,
en_GB): the run sheet's words, names joined in a call, reading-time estimates, the HTML lang."""

from __future__ import annotations

import pytest

from podium.agenda.loader import load_agenda
from podium.agenda.plan import make_plan
from podium.agenda.runsheet import render
from podium.tts.voices import MANDARIN_VOICE, language_voice

AGENDA = """\
podium: 1
meeting:
  title: 测试会议
  language: {language}
items:
  - id: opening
    title: 开场
    script: 同志们现在开会今天我们召开全区工作会议
  - id: awards
    kind: awards
    title: 颁奖
    batch: 3
    recipients: [赵一, 钱二, 孙三]
"""

CHINESE = ["zh", "zh_CN", "zh-CN", "zh-Hans", "zh-TW", "zh-Hant-TW", "zh_CN.UTF-8"]


def _plan(write_agenda, language: str):  # type: ignore[no-untyped-def]
    result = load_agenda(write_agenda(AGENDA.format(language=language)))
    assert result.agenda is not None, [str(d) for d in result.diagnostics]
    return make_plan(result.agenda)


@pytest.mark.parametrize("language", [t for t in CHINESE if "." not in t])
def test_chinese_meeting_in_any_spelling(write_agenda, language: str) -> None:  # type: ignore[no-untyped-def]
    plan = _plan(write_agenda, language)
    reference = _plan(write_agenda, "zh")
    agenda = plan.agenda
    assert agenda.meeting.is_cjk
    assert agenda.meeting.reading_rate == reference.agenda.meeting.reading_rate
    # 20 hanzi are read as 20 characters, not as one word
    assert [p.item.duration_s for p in plan.items] == [p.item.duration_s for p in reference.items]
    call = agenda.items[1].cues[-1].text if agenda.items[1].cues else ""
    assert "赵一、钱二、孙三" in "".join(c.text for c in agenda.items[1].cues), call
    text = render(plan, "text")
    assert "议程" in text and "Item" not in text
    html = render(plan, "html")
    assert f'lang="{agenda.meeting.lang.html_lang}"' in html


@pytest.mark.parametrize("language", ["en", "en_GB", "en-US"])
def test_english_meeting_in_any_spelling(write_agenda, language: str) -> None:  # type: ignore[no-untyped-def]
    plan = _plan(write_agenda, language)
    assert not plan.agenda.meeting.is_cjk
    assert "赵一, 钱二" in "".join(c.text for c in plan.agenda.items[1].cues)
    assert "Item" in render(plan, "text")


@pytest.mark.parametrize("language", [*CHINESE, "cmn"])
def test_chinese_is_read_in_mandarin(language: str) -> None:
    assert language_voice(language) == MANDARIN_VOICE


@pytest.mark.parametrize(("language", "voice"), [("en_GB", "en-gb"), ("en-US", "en-us")])
def test_other_languages_keep_their_region(language: str, voice: str) -> None:
    assert language_voice(language) == voice
