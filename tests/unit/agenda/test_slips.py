"""The organiser's common slips get an answer at the exact place (issue 12)."""

from __future__ import annotations

from pathlib import Path

import pytest

from podium.agenda.loader import load_agenda

ZH = "podium: 1\nmeeting:\n  title: T\n  language: zh\nitems:\n"


def diags(tmp_path: Path, text: str) -> list[str]:
    path = tmp_path / "a.yaml"
    path.write_text(text, encoding="utf-8")
    return [
        f"{d.line}:{d.col}: {d.severity}: {d.message}" for d in load_agenda(str(path)).diagnostics
    ]


SPEECH = "  - kind: speech\n    title: 讲话\n    speaker: 市长\n    duration: 20m\n"


@pytest.mark.parametrize("line", [2, 3, 4])  # the key slipped: title, speaker or duration
def test_fullwidth_colon_after_a_key_is_an_error_at_the_colon(tmp_path: Path, line: int) -> None:
    rows = SPEECH.splitlines()
    key = rows[line - 1].split(":")[0]
    rows[line - 1] = rows[line - 1].replace(": ", "：", 1)
    out = diags(tmp_path, ZH + "\n".join(rows) + "\n")
    col = len(key) + 1
    assert out[0].startswith(
        f"{5 + line}:{col}: error: full-width colon '：' after '{key.strip()}'"
    )
    assert len(out) == 1


def test_fullwidth_colon_where_an_item_belongs(tmp_path: Path) -> None:
    assert diags(tmp_path, ZH + "  - title：开场\n") == [
        "6:10: error: full-width colon '：' after 'title': YAML needs an ASCII colon and a "
        "space ('title: …')"
    ]


def test_fullwidth_colon_inside_text_is_fine(tmp_path: Path) -> None:
    text = ZH + "  - title: 开场\n    script: |\n      　　同志们：今天\n      主持人：好\n"
    assert diags(tmp_path, text) == []


@pytest.mark.parametrize(("indent", "name"), [("\u3000", "full-width space"), ("\t", "tab")])
def test_fullwidth_space_or_tab_in_the_indentation(tmp_path: Path, indent: str, name: str) -> None:
    text = (
        ZH
        + "  - kind: speech\n    title: 讲话\n  "
        + indent
        + " speaker: 市长\n    duration: 20m\n"
    )
    out = diags(tmp_path, text)
    assert len(out) == 1
    assert out[0].startswith("8:3: error:")
    assert name in out[0] or (indent == "\t" and "tab" in out[0])


@pytest.mark.parametrize("sep", ["、", ",", "，", ";"])
def test_several_names_in_one_recipients_text(tmp_path: Path, sep: str) -> None:
    text = (
        ZH
        + "  - kind: awards\n    title: 颁奖\n    recipients: "
        + sep.join(["赵一", "钱二", "孙三", "李四"])
        + "\n"
    )
    out = diags(tmp_path, text)
    assert out == [
        f"8:17: warning: 'recipients' is one text with several names separated by '{sep}': "
        "write them as a list, such as [赵一, 钱二, 孙三, 李四]"
    ]


def test_a_list_entry_holding_several_names(tmp_path: Path) -> None:
    text = (
        ZH
        + "  - kind: awards\n    title: 颁奖\n    recipients:\n"
        + "      - 赵一、钱二\n      - Smith, John\n"
    )
    out = diags(tmp_path, text)
    assert out == [
        "9:9: warning: this recipient holds several names separated by '、': give each its own "
        "entry, such as [赵一, 钱二]"
    ]


@pytest.mark.parametrize(("kind", "extra"), [("speech", "    speaker: 市长\n"), ("break", "")])
def test_a_bare_number_under_a_minute(tmp_path: Path, kind: str, extra: str) -> None:
    text = ZH + f"  - kind: {kind}\n    title: t\n{extra}    duration: 20\n"
    out = diags(tmp_path, text)
    line = 9 if extra else 8
    assert out == [
        f"{line}:15: warning: 20 seconds? write 20m for minutes (or 20s to keep seconds)"
    ]
    for fine in ("20s", "60", "20m", "1:20"):
        assert diags(tmp_path, text.replace("duration: 20", f"duration: {fine}")) == []
