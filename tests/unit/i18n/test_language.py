"""One reading of language tags: every spelling of a language behaves as that language."""

from __future__ import annotations

import pytest

from podium.agenda.model import Meeting
from podium.language import (
    UNKNOWN,
    is_valid_tag,
    locale_language,
    parse_language,
    podium_language,
    supported_language,
)


@pytest.mark.parametrize(
    ("text", "code", "primary", "script", "region", "tag"),
    [
        ("zh", "zh", "zh", "Hans", None, "zh"),
        ("zh_CN", "zh", "zh", "Hans", "CN", "zh-CN"),
        ("zh-cn", "zh", "zh", "Hans", "CN", "zh-CN"),
        ("zh-Hans", "zh", "zh", "Hans", None, "zh-Hans"),
        ("zh-TW", "zh", "zh", "Hant", "TW", "zh-TW"),
        ("zh_HK", "zh", "zh", "Hant", "HK", "zh-HK"),
        ("zh-Hant-TW", "zh", "zh", "Hant", "TW", "zh-Hant-TW"),
        ("zh-hans-sg", "zh", "zh", "Hans", "SG", "zh-Hans-SG"),
        ("cmn-Hans-CN", "zh", "zh", "Hans", "CN", "zh-Hans-CN"),
        ("zh_CN.UTF-8", "zh", "zh", "Hans", "CN", "zh-CN"),
        ("zh_TW.Big5@stroke", "zh", "zh", "Hant", "TW", "zh-TW"),
        ("en_GB", "en", "en", None, "GB", "en-GB"),
        ("en-US", "en", "en", None, "US", "en-US"),
        ("en_GB.UTF-8", "en", "en", None, "GB", "en-GB"),
        ("es-419", "en", "es", None, "419", "es-419"),
        ("ja", "en", "ja", None, None, "ja"),
        ("C", "en", "en", None, None, "en"),
        ("C.UTF-8", "en", "en", None, None, "en"),
        ("POSIX", "en", "en", None, None, "en"),
    ],
)
def test_tags_read_as_their_language(
    text: str, code: str, primary: str, script: str | None, region: str | None, tag: str
) -> None:
    lang = parse_language(text)
    assert (lang.code, lang.primary, lang.script, lang.region, lang.tag) == (
        code,
        primary,
        script,
        region,
        tag,
    )
    assert podium_language(text) == code


@pytest.mark.parametrize("text", ["", None, "garbage!!", "x", "12", "chinese", "zh--CN", "-"])
def test_garbage_is_english_and_unknown(text: str | None) -> None:
    assert parse_language(text) is UNKNOWN
    assert podium_language(text) == "en"
    assert supported_language(text) is None


def test_facts_callers_need() -> None:
    assert parse_language("zh_CN").cjk and parse_language("ja-JP").cjk
    assert parse_language("ko").cjk and not parse_language("en_GB").cjk
    assert parse_language("zh-TW").traditional and parse_language("zh-Hant").traditional
    assert not parse_language("zh_CN").traditional and not parse_language("zh-Hans").traditional
    assert parse_language("zh").html_lang == "zh-CN"
    assert parse_language("zh_CN").html_lang == "zh-CN"
    assert parse_language("zh-TW").html_lang == "zh-TW"
    assert parse_language("en_GB").html_lang == "en-GB"
    assert parse_language("zh_CN").list_separator == "、"
    assert parse_language("en-US").list_separator == ", "


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("zh", "zh"),
        ("zh_CN", "zh"),
        ("zh-Hant-TW", "zh"),
        ("en-GB", "en"),
        ("C", "en"),
        ("fr", None),
        ("ja", None),
        ("nonsense!", None),
    ],
)
def test_supported_language(text: str, expected: str | None) -> None:
    assert supported_language(text) == expected


@pytest.mark.parametrize(
    ("text", "valid"),
    [
        ("zh", True),
        ("zh_CN", True),
        ("zh-Hant-TW", True),
        ("en-GB", True),
        ("ja", True),
        ("C", False),
        ("POSIX", False),
        ("zh_CN.UTF-8", False),
        ("x", False),
        ("z h", False),
    ],
)
def test_valid_tags(text: str, valid: bool) -> None:
    assert is_valid_tag(text) is valid


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"LANG": "zh_CN.UTF-8"}, "zh"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({}, "en"),
        ({"LANG": "zh_TW.UTF-8"}, "zh"),
        ({"LANG": "en_US.UTF-8", "LC_MESSAGES": "zh_CN.UTF-8"}, "zh"),
        ({"LANG": "zh_CN.UTF-8", "LC_MESSAGES": "C"}, "en"),
        ({"LANG": "zh_CN.UTF-8", "LC_ALL": "en_GB.UTF-8"}, "en"),
        ({"LC_ALL": "zh_CN.UTF-8", "LANG": "C"}, "zh"),
        ({"LANGUAGE": "zh_CN:en", "LANG": "en_US.UTF-8"}, "zh"),
        ({"LANGUAGE": "fr:de", "LANG": "zh_CN.UTF-8"}, "zh"),  # none of ours: on to LANG
        ({"LANGUAGE": "fr:zh_TW:en", "LANG": "C"}, "zh"),
        ({"LANGUAGE": "en", "LC_ALL": "zh_CN.UTF-8"}, "en"),
        ({"LANGUAGE": "", "LC_ALL": "", "LANG": "zh_CN.UTF-8"}, "zh"),  # empty is unset
    ],
)
def test_locale_language_in_gettexts_order(environ: dict[str, str], expected: str) -> None:
    assert locale_language(environ) == expected


def test_meeting_language_of_any_spelling() -> None:
    for tag in ("zh", "zh_CN", "zh-Hans", "zh-TW", "zh-Hant-TW"):
        meeting = Meeting(title="t", language=tag)
        assert meeting.lang.is_chinese and meeting.is_cjk, tag
        assert meeting.list_separator == "、", tag
    for tag in ("en", "en_GB", "en-US"):
        meeting = Meeting(title="t", language=tag)
        assert not meeting.is_cjk and meeting.list_separator == ", ", tag
