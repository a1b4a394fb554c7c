"""`validate`'s problems in the user's language: `FILE:LINE:COL: error:` stays as it is (editors
and CI read it), the message after it is Chinese under a Chinese locale, English otherwise."""

from __future__ import annotations

import re

import pytest

from podium.agenda.loader import load_agenda

CASES = {
    "full-width colon": ("items:\n  - title: a\n    speaker：市长\n", "全角冒号"),
    "bad date": ("meeting: {title: t, date: 2026-13-45}\nitems: [{title: a, script: x}]\n", "日期"),
    "bare seconds": (
        "items:\n  - {title: a, kind: speech, speaker: x, duration: 20}\n",
        "20 秒？如果是分钟请写 20m",
    ),
    "unknown kind": (
        "items:\n  - {title: a, kind: speach}\n",
        "未知的类型 'speach'；是不是 'speech'？",
    ),
    "names in one text": (
        "items:\n  - {title: c, kind: awards, recipients: 赵一、钱二}\n",
        "请写成列表，例如 [赵一, 钱二]",
    ),
    "unknown key": ("items:\n  - {title: a, script: x, titel: b}\n", "未知的键 'titel'"),
    "unknown placeholder": ("items:\n  - {title: a, script: '{who}'}\n", "未知的占位符 '{who}'"),
    "bad duration": ("items:\n  - {title: a, script: x, duration: soon}\n", "时长 'soon' 有误"),
    "not a mapping": ("items:\n  - 42\n", "第 1 项必须是至少有 title 的映射，不能是文字"),
    "YAML syntax": ("items:\n  - title: a\n   script: [x\n", "不是有效的 YAML"),
    "missing key": (
        "items:\n  - {kind: speech, title: a, duration: 5m}\n",
        "缺少必需的键 'speaker'",
    ),
    "empty items": ("items: []\n", "'items' 是空的"),
    "a tab": ("items:\n\t- title: a\n", "制表符"),
}


def _load(write_agenda, body: str):  # type: ignore[no-untyped-def]
    text = body if body.startswith("meeting") else "meeting: {title: t}\n" + body
    return load_agenda(write_agenda("podium: 1\n" + text))


@pytest.mark.parametrize("case", list(CASES))
def test_diagnostics_in_both_languages(
    write_agenda, monkeypatch: pytest.MonkeyPatch, case: str
) -> None:  # type: ignore[no-untyped-def]
    body, chinese = CASES[case]
    english = [str(d) for d in _load(write_agenda, body).diagnostics]
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    translated = [str(d) for d in _load(write_agenda, body).diagnostics]
    assert len(english) == len(translated) >= 1
    start = re.compile(r"^.+:\d+:\d+: (error|warning): ")
    for en, zh in zip(english, translated, strict=True):
        assert start.match(en).group(0) == start.match(zh).group(0)  # type: ignore[union-attr]
        own = set(body) | set("分钟")  # the agenda's own text, and the duration example
        assert not [
            ch for ch in en.split(": ", 2)[-1] if "\u4e00" <= ch <= "\u9fff" and ch not in own
        ]
    assert any(chinese in zh for zh in translated), translated


def test_an_unopenable_file_in_both_languages(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    from podium.agenda.diagnostics import AgendaFileError

    missing = str(tmp_path / "missing.yaml")
    with pytest.raises(AgendaFileError, match="No such file or directory"):
        load_agenda(missing)
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    with pytest.raises(AgendaFileError, match=r"无法打开 .*missing\.yaml：文件或文件夹不存在"):
        load_agenda(missing)
