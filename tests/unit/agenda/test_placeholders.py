"""The placeholder scanner and the loader's placeholder rules, with exact positions."""

from __future__ import annotations

import textwrap
from collections.abc import Callable

import pytest

from podium.agenda.loader import LoadResult, load_agenda
from podium.agenda.placeholders import Field, is_plain_key, looks_masked, parse_template

WriteAgenda = Callable[..., str]


def load(write_agenda: WriteAgenda, text: str) -> tuple[LoadResult, list[str]]:
    result = load_agenda(write_agenda(textwrap.dedent(text).lstrip("\n")))
    return result, [f"{d.line}:{d.col}: {d.severity}: {d.message}" for d in result.diagnostics]


def test_parse_template_splits_fields_and_literals() -> None:
    parts, problems = parse_template("请{副书记}同志{{讲话}}, {a_b-2}.")
    assert problems == []
    assert parts == ["请", Field("副书记", 1), "同志{讲话}, ", Field("a_b-2", 16), "."]


@pytest.mark.parametrize(
    ("text", "offset", "snippet"),
    [
        ("x {a.b} y", 2, "{a.b}"),
        ("{a[0]}", 0, "{a[0]}"),
        ("hi {0}", 3, "{0}"),
        ("{!r}", 0, "{!r}"),
        ("{}", 0, "{}"),
        ("{a b}", 0, "{a b}"),
        ("{name:>10}", 0, "{name:>10}"),
        ("open { here", 5, "{"),
        ("close } here", 6, "}"),
    ],
)
def test_parse_template_reports_non_plain_braces(text: str, offset: int, snippet: str) -> None:
    _, problems = parse_template(text)
    assert [(p.offset, p.snippet) for p in problems] == [(offset, snippet)]


def test_is_plain_key() -> None:
    assert is_plain_key("副书记")
    assert is_plain_key("a-b_c2")
    assert is_plain_key("2nd")
    assert not is_plain_key("0")
    assert not is_plain_key("a.b")
    assert not is_plain_key("")


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        ("请**同志讲话", True),
        ("请＊＊同志", True),
        ("××单位", True),
        ("XXX同志", True),
        ("Mr XXXX", True),
        ("a * b", False),
        ("size XXXL", False),
        ("XX", False),
        ("x×y", False),
        ("张三", False),
    ],
)
def test_looks_masked(text: str, masked: bool) -> None:
    assert looks_masked(text) is masked


HEAD = "podium: 1\nmeeting:\n  title: 大会\n  venue: 三楼\n"


def test_placeholders_fill_from_names_and_meeting(write_agenda: WriteAgenda) -> None:
    result, diags = load(
        write_agenda,
        HEAD
        + "names:\n  主持: 李文\n  venue: 礼堂\n"
        + "items:\n  - title: '{title}'\n    script: '{主持}在{venue}主持{title}, {{literal}}'\n",
    )
    assert diags == []
    assert result.agenda is not None
    item = result.agenda.items[0]
    assert item.title == "大会"
    # names win over the meeting's own field of the same name
    assert item.cues[0].text == "李文在礼堂主持大会, {literal}"


def test_names_values_are_not_substituted_again(write_agenda: WriteAgenda) -> None:
    result, diags = load(
        write_agenda,
        HEAD + "names:\n  a: '{b}'\n  b: B\nitems:\n  - title: x\n    script: '{a}'\n",
    )
    assert diags == []
    assert result.agenda is not None
    assert result.agenda.items[0].cues[0].text == "{b}"


def test_unknown_placeholder_points_at_it(write_agenda: WriteAgenda) -> None:
    _, diags = load(
        write_agenda,
        HEAD + "names:\n  副书记: 张\nitems:\n  - title: x\n    script: 请{副书计}讲话\n",
    )
    assert diags == ["9:14: error: unknown placeholder '{副书计}'; did you mean '{副书记}'?"]


def test_unknown_meeting_field_placeholder(write_agenda: WriteAgenda) -> None:
    _, diags = load(write_agenda, HEAD + "items:\n  - title: '{host}'\n    script: x\n")
    assert diags[0] == (
        "6:13: error: unknown placeholder '{host}': the meeting has no host and 'names' "
        "does not define it"
    )


def test_placeholder_positions_in_multiline_and_quoted_texts(write_agenda: WriteAgenda) -> None:
    _, diags = load(
        write_agenda,
        HEAD
        + "items:\n"
        + '  - title: "a {x} and {x}"\n'  # line 6: second {x} at col 22
        + "    script: |\n"
        + "      first line\n"
        + "      second {a.b} line\n"  # line 9, col 14
        + "    notes: >\n"
        + "      folded {0}\n",  # line 11, col 14
    )
    assert [d for d in diags if "error" in d] == [
        "6:15: error: unknown placeholder '{x}': define it under 'names'",
        "6:23: error: unknown placeholder '{x}': define it under 'names'",
        "9:14: error: '{a.b}' is not a placeholder: a key is letters, digits, '_' and '-' "
        "(text is substituted, never evaluated; write '{{' for a literal brace)",
        "11:14: error: '{0}' is not a placeholder: a key is letters, digits, '_' and '-' "
        "(text is substituted, never evaluated; write '{{' for a literal brace)",
    ]


@pytest.mark.parametrize("bad", ["{a[0]}", "{!r}", "{0}", "{x.__class__}"])
def test_non_plain_placeholders_are_errors_never_evaluated(
    write_agenda: WriteAgenda, bad: str
) -> None:
    result, diags = load(
        write_agenda, HEAD + f"items:\n  - title: 'say {bad} now'\n    script: x\n"
    )
    assert result.agenda is None
    assert diags[0].startswith(f"6:17: error: '{bad}' is not a placeholder")


def test_lone_braces_are_errors(write_agenda: WriteAgenda) -> None:
    _, diags = load(write_agenda, HEAD + "items:\n  - title: 'a { b'\n  - title: 'c } d'\n")
    assert [d for d in diags if "error" in d] == [
        "6:15: error: unclosed '{': write '{{' for a literal brace",
        "7:15: error: single '}': write '}}' for a literal brace",
    ]


def test_call_fields_take_precedence_over_names(write_agenda: WriteAgenda) -> None:
    result, diags = load(
        write_agenda,
        HEAD
        + "names:\n  names: WRONG\n  count: WRONG\n  award: WRONG\n  单位: 东区\n"
        + "items:\n  - kind: awards\n    title: 颁奖\n"
        + "    call: '{单位}{award}: {names} ({count}), {names}'\n"
        + "    award: 先进\n    batch: 2\n    recipients: [甲, 乙, 丙]\n",
    )
    assert diags == []
    assert result.agenda is not None
    calls = [c.text for c in result.agenda.items[0].cues]
    assert calls == ["东区先进: 甲, 乙 (2), 甲, 乙", "东区先进: 丙 (1), 丙"]


def test_placeholders_in_recipient_names(write_agenda: WriteAgenda) -> None:
    result, diags = load(
        write_agenda,
        HEAD + "names:\n  书记: 张三\nitems:\n  - kind: awards\n    title: t\n"
        "    recipients: ['{书记}', {name: '{书记}', unit: '{venue}'}]\n",
    )
    assert diags == []
    assert result.agenda is not None
    cue = result.agenda.items[0].cues[0]
    assert cue.names == ("张三",)
    assert result.agenda.items[0].cues[1].units == ("三楼",)


def test_masked_names_warn_at_the_text(write_agenda: WriteAgenda) -> None:
    result, diags = load(
        write_agenda,
        HEAD + "names:\n  副书记: XXX\nitems:\n  - title: 请**讲话\n    kind: awards\n"
        "    recipients: [张三, ××]\n",
    )
    assert result.agenda is not None
    assert diags == [
        "6:8: warning: looks like an unfilled name: 'XXX'",
        "8:12: warning: looks like an unfilled name: '请**讲话'",
        "10:22: warning: looks like an unfilled name: '××'",
    ]


def test_empty_names_value_warns(write_agenda: WriteAgenda) -> None:
    result, diags = load(
        write_agenda, HEAD + "names:\n  副书记:\nitems:\n  - title: x{副书记}\n    script: x\n"
    )
    assert result.agenda is not None
    assert diags == ["6:7: warning: names: '副书记' is empty; looks like an unfilled name"]


def test_bad_names_key(write_agenda: WriteAgenda) -> None:
    _, diags = load(
        write_agenda, HEAD + "names:\n  a.b: x\n  '1': y\nitems:\n  - title: x\n    script: x\n"
    )
    assert diags == [
        "6:3: error: 'a.b' cannot be a placeholder key: use letters, digits, '_' and '-' "
        "(not digits alone)",
        "7:3: error: '1' cannot be a placeholder key: use letters, digits, '_' and '-' "
        "(not digits alone)",
    ]
