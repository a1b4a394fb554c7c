"""Awards items: groups or group fields on the item, batches, call templates, `say`, CSV."""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from pathlib import Path

from podium.agenda.loader import LoadResult, load_agenda
from podium.agenda.model import CueKind

WriteAgenda = Callable[..., str]
ZH = "podium: 1\nmeeting:\n  title: 表彰大会\n  language: zh\nitems:\n"  # items from line 6
EN = "podium: 1\nmeeting:\n  title: Awards night\nitems:\n"  # items from line 5


def load(write_agenda: WriteAgenda, items: str, head: str = ZH) -> tuple[LoadResult, list[str]]:
    text = head + textwrap.indent(textwrap.dedent(items).lstrip("\n"), "  ")
    result = load_agenda(write_agenda(text))
    return result, [f"{d.line}:{d.col}: {d.severity}: {d.message}" for d in result.diagnostics]


def test_groups_batches_and_default_zh_call(write_agenda: WriteAgenda) -> None:
    result, diags = load(
        write_agenda,
        """
        - id: awards
          kind: awards
          title: 颁发荣誉证书
          intro: 下面,向受表彰的先进集体颁发荣誉证书。
          outro: 让我们再次祝贺。
          groups:
            - award: 先进集体
              call: 请{names}的代表上台领奖。
              batch: 3
              recipients: [区委办信息科, 区府办综合科, 城东街道, 城西街道]
            - award: 先进个人
              per_call: 45s
              recipients:
                - name: 王芳
                  unit: 城东街道
                  note: 坐第一排
                - {name: 单田芳, say: 善田芳}
        """,
    )
    assert diags == []
    assert result.agenda is not None
    item = result.agenda.items[0]
    kinds = [c.kind for c in item.cues]
    assert kinds == [
        CueKind.INTRO,
        CueKind.CALL,
        CueKind.CALL,
        CueKind.CALL,
        CueKind.CALL,
        CueKind.OUTRO,
    ]
    first, second, third, fourth = item.cues[1:5]
    assert first.text == "请区委办信息科、区府办综合科、城东街道的代表上台领奖。"
    assert first.names == ("区委办信息科", "区府办综合科", "城东街道")
    assert (first.award, first.batch, first.batches, first.duration_s) == ("先进集体", 1, 2, 30)
    assert first.say is None and first.spoken == first.text
    assert (second.names, second.batch, second.batches) == (("城西街道",), 2, 2)
    assert third.text == "请王芳上台领奖。"
    assert third.units == ("城东街道",)
    assert third.notes == ("坐第一排",), "a recipient's private note reaches the call-up cue"
    assert first.notes == () and fourth.notes == ()
    assert (third.award, third.duration_s) == ("先进个人", 45)
    assert fourth.text == "请单田芳上台领奖。"
    assert fourth.say == ("善田芳",)
    assert fourth.spoken == "请善田芳上台领奖。"
    # estimated: intro (17 characters) and outro (7) at 220 per minute, plus the call-ups
    assert item.estimated is True
    assert item.duration_s == 30 + 30 + 45 + 45 + 7  # ceil(24 * 60 / 220 = 6.5)


def test_group_fields_on_the_item_and_item_defaults(write_agenda: WriteAgenda) -> None:
    result, diags = load(
        write_agenda,
        """
        - kind: awards
          title: Prizes
          call: "Come up, {names} ({count}) for {award}!"
          batch: 2
          per_call: 1m
          award: Best Paper
          recipients:
            - Ann Lee
            - {name: Bo Chen, say: Bo Chun}
            - Cy
          duration: 5m
        """,
        EN,
    )
    assert diags == []
    assert result.agenda is not None
    item = result.agenda.items[0]
    assert (item.duration_s, item.estimated) == (300, False)
    a, b = item.cues
    assert a.text == "Come up, Ann Lee, Bo Chen (2) for Best Paper!"
    assert a.say == ("Ann Lee", "Bo Chun")
    assert a.spoken == "Come up, Ann Lee, Bo Chun (2) for Best Paper!"
    assert (a.duration_s, a.batches) == (60, 2)
    assert b.text == "Come up, Cy (1) for Best Paper!"
    assert b.say is None


def test_default_english_call_and_item_defaults_for_groups(write_agenda: WriteAgenda) -> None:
    result, diags = load(
        write_agenda,
        """
        - kind: awards
          title: Prizes
          batch: 2
          groups:
            - recipients: [A, B, C]
            - {recipients: [D], batch: 1, call: 'Next: {names}'}
        """,
        EN,
    )
    assert diags == []
    assert result.agenda is not None
    texts = [c.text for c in result.agenda.items[0].cues]
    assert texts == [
        "Please come to the stage: A, B.",
        "Please come to the stage: C.",
        "Next: D",
    ]
    assert result.agenda.items[0].duration_s == 90


def test_awards_errors(write_agenda: WriteAgenda) -> None:
    _, diags = load(
        write_agenda,
        """
        - kind: awards
          title: a
        - kind: awards
          title: b
          recipients: []
        - kind: awards
          title: c
          award: x
          groups: [{recipients: [A], unknwn: 1}, {award: y}]
        - kind: awards
          title: d
          batch: 0
          recipients: [A, {unit: U}, '', {name: B, phone: 1}]
        - kind: awards
          title: e
          call: '{names} wins {award}'
          recipients: [A]
        """,
    )
    assert diags == [
        "6:5: error: missing required key 'recipients' in item 1 (an awards item needs "
        "'recipients', 'recipients_csv' or 'groups')",
        "10:17: error: 'recipients' is empty: a group needs at least one recipient",
        "13:5: error: 'award' belongs inside a group when the item has 'groups'",
        "14:32: error: unknown key 'unknwn'",
        "14:44: error: missing required key 'recipients' in the group",
        "17:12: error: 'batch' must be a whole number above zero, such as 3; got '0'",
        "18:21: error: missing required key 'name' in a recipient",
        "18:32: error: a recipient's name is empty",
        "18:46: error: unknown key 'phone'",
        "21:25: error: '{award}' in 'call', but the group has no 'award'",
    ]


def test_empty_call_warns_nothing_to_say(write_agenda: WriteAgenda) -> None:
    result, diags = load(write_agenda, "- {kind: awards, title: a, call: '', recipients: [A]}\n")
    assert result.agenda is not None
    assert diags == ["6:36: warning: this group has nothing to say: its 'call' is empty"]
    assert result.agenda.items[0].cues[0].spoken == ""


def test_recipients_csv(tmp_path: Path) -> None:
    (tmp_path / "lists").mkdir()
    (tmp_path / "lists" / "people.csv").write_text(
        "Name,Unit,Say,Note,Phone\n"
        "Ann Lee,Sales,,first row,123\n"
        "\n"
        '"Chen, Bo",R&D,Bo Chun,,\n'
        "Cy,,,,\n",
        encoding="utf-8",
    )
    (tmp_path / "a.yaml").write_text(
        EN + "  - kind: awards\n    title: t\n    batch: 2\n    recipients_csv: lists/people.csv\n",
        encoding="utf-8",
    )
    result = load_agenda(str(tmp_path / "a.yaml"))
    assert result.diagnostics == []
    assert result.agenda is not None
    a, b = result.agenda.items[0].cues
    assert a.names == ("Ann Lee", "Chen, Bo")
    assert a.units == ("Sales", "R&D")
    assert a.say == ("Ann Lee", "Bo Chun")
    assert b.names == ("Cy",)


def csv_diags(tmp_path: Path, csv: bytes | None, ref: str = "people.csv") -> list[str]:
    if csv is not None:
        (tmp_path / "people.csv").write_bytes(csv)
    (tmp_path / "a.yaml").write_text(
        EN + f"  - kind: awards\n    title: t\n    recipients_csv: {ref}\n", encoding="utf-8"
    )
    result = load_agenda(str(tmp_path / "a.yaml"))
    return [f"{d.line}:{d.col}: {d.severity}: {d.message}" for d in result.diagnostics]


def test_recipients_csv_problems(tmp_path: Path) -> None:
    assert csv_diags(tmp_path, None, "missing.csv") == [
        "7:21: error: cannot read recipients_csv missing.csv: No such file or directory"
    ]
    assert csv_diags(tmp_path, b"unit,note\nx,y\n") == [
        "7:21: error: recipients_csv people.csv line 1: the header has no 'name' column "
        "(found: unit, note)"
    ]
    assert csv_diags(tmp_path, b"name,unit\nA,x\n,y\n") == [
        "7:21: error: recipients_csv people.csv line 3: the name is empty"
    ]
    assert csv_diags(tmp_path, b"") == [
        "7:21: error: recipients_csv people.csv is empty; it needs a header row with 'name'"
    ]
    assert csv_diags(tmp_path, b"name\n") == [
        "7:21: error: recipients_csv people.csv has a header but no recipients"
    ]
    assert csv_diags(tmp_path, b"name\nA\n***\n") == [
        "7:21: warning: people.csv line 3: looks like an unfilled name: '***'"
    ]
    assert csv_diags(tmp_path, None, ".") == ["7:21: error: recipients_csv . is not a regular file"]


def test_recipients_and_csv_together(tmp_path: Path) -> None:
    (tmp_path / "people.csv").write_text("name\nA\n")
    (tmp_path / "a.yaml").write_text(
        EN + "  - kind: awards\n    title: t\n    recipients: [B]\n    recipients_csv: people.csv\n"
    )
    result = load_agenda(str(tmp_path / "a.yaml"))
    assert [f"{d.line}:{d.col}: {d.message}" for d in result.diagnostics] == [
        "8:21: give either 'recipients' or 'recipients_csv', not both"
    ]


def test_tab_separated_csv(tmp_path: Path) -> None:
    (tmp_path / "people.csv").write_text("name\tunit\nA\tX\n")
    (tmp_path / "a.yaml").write_text(
        EN + "  - kind: awards\n    title: t\n    recipients_csv: people.csv\n"
    )
    result = load_agenda(str(tmp_path / "a.yaml"))
    assert result.agenda is not None
    assert result.agenda.items[0].cues[0].units == ("X",)
