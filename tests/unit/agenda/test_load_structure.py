"""The agenda file's top level and meeting: required keys, types, YAML 1.1 values, duplicates,
parse errors, empty files — each with the exact `line:col` an editor would jump to."""

from __future__ import annotations

import datetime as dt
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from podium.agenda.diagnostics import AgendaFileError
from podium.agenda.loader import LoadResult, load_agenda

WriteAgenda = Callable[..., str]


def load(write_agenda: WriteAgenda, text: str) -> tuple[LoadResult, list[str]]:
    result = load_agenda(write_agenda(textwrap.dedent(text).lstrip("\n")))
    return result, [f"{d.line}:{d.col}: {d.severity}: {d.message}" for d in result.diagnostics]


def test_minimal_agenda_loads(write_agenda: WriteAgenda) -> None:
    result, diags = load(
        write_agenda,
        """
        podium: 1
        meeting:
          title: Board meeting
        items:
          - title: Welcome
            script: Good morning.
        """,
    )
    assert diags == []
    agenda = result.agenda
    assert agenda is not None
    assert result.errors == [] and result.warnings == []
    assert agenda.meeting.title == "Board meeting"
    assert agenda.meeting.language == "en"
    assert agenda.meeting.reading_rate == 140
    assert agenda.meeting.start_s is None
    assert agenda.items[0].id == "item-1"
    assert Path(agenda.path).is_absolute()
    assert agenda.cue_count == 1


def test_relative_path_is_kept_in_diagnostics_and_made_absolute_in_agenda(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "a.yaml").write_text(
        "podium: 1\nmeeting: {title: t}\nitems:\n  - {title: x, script: y, speak: maybe}\n"
    )
    monkeypatch.chdir(tmp_path)
    result = load_agenda("a.yaml")
    assert [str(d) for d in result.diagnostics] == [
        "a.yaml:4:34: error: 'speak' must be true or false (yes/no and on/off work too); "
        "got 'maybe'"
    ]
    ok = tmp_path / "b.yaml"
    ok.write_text("podium: 1\nmeeting: {title: t}\nitems:\n  - {title: x, script: y}\n")
    agenda = load_agenda("b.yaml").agenda
    assert agenda is not None and agenda.path == str(ok)


def test_meeting_fields(write_agenda: WriteAgenda) -> None:
    result, diags = load(
        write_agenda,
        """
        podium: 1
        meeting:
          title: 全区信息工作会议
          subtitle: 第三次
          date: 2026-03-12
          start: 09:00
          venue: 三楼
          host: 李文
          language: zh-CN
          voice: cmn
        items:
          - title: 开场
            script: 同志们
        """,
    )
    assert diags == []
    assert result.agenda is not None
    m = result.agenda.meeting
    assert (m.subtitle, m.venue, m.host, m.voice) == ("第三次", "三楼", "李文", "cmn")
    assert m.date == dt.date(2026, 3, 12)
    assert m.start_s == 9 * 3600
    assert m.language == "zh-CN"
    assert m.reading_rate == 220
    assert m.list_separator == "、"


def test_yaml_11_values_stay_as_written(write_agenda: WriteAgenda) -> None:
    result, diags = load(
        write_agenda,
        """
        podium: 1
        meeting:
          title: 2026
          start: 13:30
          language: no
        items:
          - title: on
            duration: 1:30
            script: [yes, 3.10, 0o17, 1_000, 0x1F, .inf, 2026-03-12]
          - kind: awards
            title: 'off'
            recipients:
              - NO
              - 1984
              - true
              - Null Island
        """,
    )
    assert diags == []
    agenda = result.agenda
    assert agenda is not None
    assert agenda.meeting.title == "2026"
    assert agenda.meeting.start_s == 13 * 3600 + 30 * 60
    assert agenda.meeting.language == "no"  # Norwegian, not False
    assert agenda.items[0].title == "on"
    assert agenda.items[0].duration_s == 90
    assert [c.text for c in agenda.items[0].cues] == [
        "yes",
        "3.10",
        "0o17",
        "1_000",
        "0x1F",
        ".inf",
        "2026-03-12",
    ]
    names = [c.names[0] for c in agenda.items[1].cues]
    assert names == ["NO", "1984", "true", "Null Island"]


def test_speak_accepts_yaml_booleans(write_agenda: WriteAgenda) -> None:
    items = "".join(
        f"  - {{title: t{i}, script: hello, speak: {v}}}\n"
        for i, v in enumerate(["true", "false", "yes", "no", "on", "off", "True", "NO"])
    )
    result, diags = load(write_agenda, "podium: 1\nmeeting: {title: t}\nitems:\n" + items)
    assert diags == []
    assert result.agenda is not None
    speaks = [item.speak for item in result.agenda.items]
    assert speaks == [True, False, True, False, True, False, True, False]
    assert [item.cues[0].spoken for item in result.agenda.items][:2] == ["hello", ""]


def test_text_is_trimmed_and_inner_line_breaks_kept(write_agenda: WriteAgenda) -> None:
    result, diags = load(
        write_agenda,
        """
        podium: 1
        meeting: {title: '  spaced  '}
        items:
          - title: t
            script: |

              first line
                indented
              last line

        """,
    )
    assert diags == []
    assert result.agenda is not None
    assert result.agenda.meeting.title == "spaced"
    assert result.agenda.items[0].cues[0].text == "first line\n  indented\nlast line"


@pytest.mark.parametrize("text", ["", "\n\n", "# only a comment\n", "---\n", "\ufeff"])
def test_empty_file_is_an_error(write_agenda: WriteAgenda, text: str) -> None:
    result, diags = load(write_agenda, text)
    assert result.agenda is None
    assert diags == [
        "1:1: error: the file is empty; an agenda starts with 'podium: 1', 'meeting:' and 'items:'"
    ]


def test_missing_top_level_keys_point_at_the_mapping(write_agenda: WriteAgenda) -> None:
    _, diags = load(write_agenda, "\n# comment\nnames: {}\n")
    assert diags == [
        "2:1: error: missing required key 'podium' in the agenda (the format version, 'podium: 1')",
        "2:1: error: missing required key 'meeting' in the agenda",
        "2:1: error: missing required key 'items' in the agenda",
    ]


def test_top_level_must_be_a_mapping(write_agenda: WriteAgenda) -> None:
    _, diags = load(write_agenda, "- a\n- b\n")
    assert diags == ["1:1: error: the top level of an agenda must be a mapping, not a list"]


def test_unknown_keys_suggest_the_closest(write_agenda: WriteAgenda) -> None:
    _, diags = load(
        write_agenda,
        """
        podium: 1
        meetin: {title: x}
        meeting:
          titel: x
          languge: en
        items:
          - title: t
            script: s
            durations: 2m
            zzz: 1
        """,
    )
    assert diags == [
        "2:1: error: unknown key 'meetin'; did you mean 'meeting'?",
        "4:3: error: unknown key 'titel'; did you mean 'title'?",
        "4:3: error: missing required key 'title' in 'meeting'",
        "5:3: error: unknown key 'languge'; did you mean 'language'?",
        "9:5: error: unknown key 'durations'; did you mean 'duration'?",
        "10:5: error: unknown key 'zzz'",
    ]


def test_format_version(write_agenda: WriteAgenda) -> None:
    _, diags = load(
        write_agenda, "podium: 2\nmeeting: {title: t}\nitems: [{title: x, script: y}]\n"
    )
    assert diags == ["1:9: error: unsupported format version '2': this podium reads 'podium: 1'"]
    result, diags = load(
        write_agenda, "podium: '1'\nmeeting: {title: t}\nitems: [{title: x, script: y}]\n"
    )
    assert diags == [] and result.agenda is not None


def test_duplicate_keys(write_agenda: WriteAgenda) -> None:
    _, diags = load(
        write_agenda,
        """
        podium: 1
        meeting:
          title: a
          title: b
        items:
          - title: t
            script: s
            script: again
        items: []
        """,
    )
    assert diags == [
        "4:3: error: key 'title' given twice in one mapping (first at line 3)",
        "8:5: error: key 'script' given twice in one mapping (first at line 7)",
        "9:1: error: key 'items' given twice in one mapping (first at line 5)",
    ]


def test_wrong_types(write_agenda: WriteAgenda) -> None:
    _, diags = load(
        write_agenda,
        """
        podium: 1
        meeting:
          title: [a, b]
          reading_rate: fast
          date: 12/03/2026
          language: chinese!
        names: [a]
        items:
          - title: {x: 1}
            script: {a: b}
            notes: {n: 1}
          - plain text
        """,
    )
    assert diags == [
        "3:10: error: 'title' must be text, not a list",
        "4:17: error: 'reading_rate' must be a whole number above zero, such as 140; got 'fast'",
        "5:9: error: 'date': bad date '12/03/2026': expected YYYY-MM-DD such as 2026-03-12",
        "6:13: error: 'language': bad language tag 'chinese!': "
        "expected a tag such as zh, zh-CN, en or en-GB",
        "7:8: error: 'names' must be a mapping, not a list",
        "9:12: error: 'title' must be text, not a mapping",
        # a mapping in `script` is a cue `{text: …, who: …}` (format v1): its keys are checked
        "10:13: error: missing required key 'text' in a cue of 'script' (what the host reads)",
        "10:14: error: unknown key 'a'",
        "11:12: error: 'notes' must be text, not a mapping",
        "12:5: error: item 2 must be a mapping with at least a title, not text",
    ]


def test_items_must_be_a_non_empty_list(write_agenda: WriteAgenda) -> None:
    _, diags = load(write_agenda, "podium: 1\nmeeting: {title: t}\nitems: []\n")
    assert diags == ["3:8: error: 'items' is empty: an agenda needs at least one item"]
    _, diags = load(write_agenda, "podium: 1\nmeeting: {title: t}\nitems:\n")
    assert diags == ["3:7: error: 'items' is empty"]
    _, diags = load(write_agenda, "podium: 1\nmeeting: {title: t}\nitems: x\n")
    assert diags == ["3:8: error: 'items' must be a list of items, not text"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "podium: 1\nmeeting: {title: t\nitems: []\n",
            "3:6: error: not valid YAML: did not find expected ',' or '}' "
            "(while parsing a flow mapping at line 2)",
        ),
        (
            "podium: 1\nmeeting:\n  title: a: b\n",
            "3:11: error: not valid YAML: mapping values are not allowed in this context",
        ),
        (
            "podium: 1\nitems:\n  - title: 'open\n",
            "4:1: error: not valid YAML: found unexpected end of stream "
            "(while scanning a quoted scalar at line 3)",
        ),
        (
            "podium: 1\n---\npodium: 1\n",
            "2:1: error: not valid YAML: but found another document "
            "(expected a single document in the stream at line 1)",
        ),
        ("podium: 1\nmeeting: *nope\n", "2:10: error: not valid YAML: found undefined alias"),
        (
            "podium: 1\nmeeting: a\x00b\n",
            "2:11: error: not valid YAML: control characters are not allowed (U+0000)",
        ),
        (
            "podium: 1\nmeeting:\n\ttitle: x\n",
            "3:1: error: not valid YAML: found character that cannot start any token "
            "(while scanning for the next token); YAML indents with spaces, not tabs",
        ),
    ],
)
def test_yaml_syntax_errors_use_the_parser_position(
    write_agenda: WriteAgenda, text: str, expected: str
) -> None:
    result, diags = load(write_agenda, text)
    assert result.agenda is None
    assert diags == [expected]


def test_merge_keys_are_honoured(write_agenda: WriteAgenda) -> None:
    result, diags = load(
        write_agenda,
        """
        podium: 1
        meeting: {title: t, start: '09:00'}
        items:
          - &speech
            kind: speech
            title: First
            speaker: A
            duration: 10m
          - <<: *speech
            title: Second
            speaker: B
        """,
    )
    assert diags == []
    assert result.agenda is not None
    second = result.agenda.items[1]
    assert (second.title, second.kind, second.duration_s) == ("Second", "speech", 600)
    assert second.cues[0].speaker == "B"


def test_unopenable_agenda_raises(tmp_path: Path) -> None:
    with pytest.raises(AgendaFileError, match=r"^cannot open .*missing\.yaml: No such file"):
        load_agenda(str(tmp_path / "missing.yaml"))
    with pytest.raises(AgendaFileError, match="Is a directory"):
        load_agenda(str(tmp_path))


def test_diagnostics_are_sorted_by_position(write_agenda: WriteAgenda) -> None:
    result, _ = load(
        write_agenda,
        """
        podium: 1
        meeting: {title: t}
        items:
          - {title: a, kind: speech, speaker: s, duration: x}
          - {title: b, durration: 1m, script: s}
          - {title: c, kind: nope}
        """,
    )
    positions = [(d.line, d.col) for d in result.diagnostics]
    assert positions == sorted(positions)
    assert len(positions) == 3


def test_yaml_tags_never_construct_objects(write_agenda: WriteAgenda, tmp_path: Path) -> None:
    marker = tmp_path / "ran"
    result, diags = load(
        write_agenda,
        f"""
        podium: 1
        meeting:
          title: !!python/object/apply:os.system ["touch {marker}"]
        items:
          - title: !!int 12
            script: !!binary aGVsbG8=
        """,
    )
    assert not marker.exists()
    assert diags == [
        "3:10: warning: unknown tag '!!python/object/apply:os.system' ignored: the value is "
        "read as a plain list",
        "3:10: error: 'title' must be text, not a list",
    ]
    result, diags = load(
        write_agenda,
        "podium: 1\nmeeting: {title: !custom x}\nitems:\n  - {title: !!int 12, script: s}\n",
    )
    assert diags == [
        "2:18: warning: unknown tag '!custom' ignored: the value is read as plain text"
    ]
    assert result.agenda is not None
    assert (result.agenda.meeting.title, result.agenda.items[0].title) == ("x", "12")
