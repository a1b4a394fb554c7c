"""Agenda and CSV files in UTF-8 (with or without BOM), UTF-16 with a BOM, GB18030, CRLF."""

from __future__ import annotations

import codecs
import hashlib
from pathlib import Path

import pytest

from podium.agenda.encoding import Undecodable, decode_text
from podium.agenda.loader import load_agenda

AGENDA = (
    "podium: 1\n"
    "meeting:\n"
    "  title: 全区信息工作会议\n"
    "  language: zh\n"
    "items:\n"
    "  - title: 颁奖\n"
    "    kind: awards\n"
    "    recipients: [王芳, 单田芳]\n"
)


@pytest.mark.parametrize(
    ("label", "encode"),
    [
        ("utf-8", lambda t: t.encode("utf-8")),
        ("utf-8 with BOM", lambda t: codecs.BOM_UTF8 + t.encode("utf-8")),
        ("utf-16-le with BOM", lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le")),
        ("utf-16-be with BOM", lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be")),
        ("gb18030", lambda t: t.encode("gb18030")),
        ("gbk", lambda t: t.encode("gbk")),
        ("utf-8 CRLF", lambda t: t.replace("\n", "\r\n").encode("utf-8")),
        ("gb18030 CRLF", lambda t: t.replace("\n", "\r\n").encode("gb18030")),
        ("utf-16 CRLF", lambda t: t.replace("\n", "\r\n").encode("utf-16")),
    ],
)
def test_agenda_encodings(tmp_path: Path, label: str, encode) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "agenda.yaml"
    data = encode(AGENDA)
    path.write_bytes(data)
    result = load_agenda(str(path))
    assert result.diagnostics == [], label
    assert result.agenda is not None
    assert result.agenda.meeting.title == "全区信息工作会议"
    assert result.agenda.items[0].cues[1].names == ("单田芳",)
    assert result.agenda.sha256 == hashlib.sha256(data).hexdigest()
    assert result.agenda.path == str(path)


def test_positions_with_crlf_and_bom(tmp_path: Path) -> None:
    text = "podium: 1\r\nmeeting:\r\n  title: 会议\r\nitems:\r\n  - title: x\r\n    duraton: 2m\r\n"
    path = tmp_path / "a.yaml"
    path.write_bytes(codecs.BOM_UTF8 + text.encode("utf-8"))
    diags = [f"{d.line}:{d.col}: {d.message}" for d in load_agenda(str(path)).errors]
    assert diags == ["6:5: unknown key 'duraton'; did you mean 'duration'?"]


def test_undecodable_agenda_names_file_and_offset(tmp_path: Path) -> None:
    # 0xff never occurs in UTF-8, and 0xff 0xff is not GB18030 either.
    data = b"podium: 1\nmeeting:\n  title: ab" + b"\xff\xff\n"
    path = tmp_path / "bad.yaml"
    path.write_bytes(data)
    result = load_agenda(str(path))
    assert result.agenda is None
    [diag] = result.diagnostics
    assert (diag.line, diag.col) == (3, 12)
    assert str(path) in diag.message
    offset = data.index(b"\xff")
    assert f"byte offset {offset}" in diag.message


def test_decode_text_order() -> None:
    assert decode_text("é".encode()) == "é"
    assert decode_text(codecs.BOM_UTF8 + "é".encode()) == "é"
    assert decode_text(codecs.BOM_UTF16_LE + "é".encode("utf-16-le")) == "é"
    assert decode_text("中文".encode("gb18030")) == "中文"
    # Valid UTF-8 is never second-guessed as GB18030.
    assert decode_text("中文".encode()) == "中文"


def test_decode_text_utf8_bom_with_bad_bytes_is_refused() -> None:
    with pytest.raises(Undecodable) as exc:
        decode_text(codecs.BOM_UTF8 + b"ab\xff")
    assert exc.value.offset == 5
    assert (exc.value.line, exc.value.col) == (1, 3)


CSV_AGENDA = (
    "podium: 1\n"
    "meeting: {title: t, language: zh}\n"
    "items:\n"
    "  - title: 颁奖\n"
    "    kind: awards\n"
    "    recipients_csv: people.csv\n"
)
CSV = "姓名,单位,读音\n王芳,城东街道,\n单田芳,城西街道,善田芳\n"


@pytest.mark.parametrize(
    "encode",
    [
        lambda t: t.encode("utf-8"),
        lambda t: codecs.BOM_UTF8 + t.replace("姓名,单位,读音", "name,unit,say").encode("utf-8"),
        lambda t: t.encode("utf-16"),
        lambda t: t.encode("gb18030"),
        lambda t: t.replace("\n", "\r\n").encode("gb18030"),
    ],
)
def test_csv_encodings(tmp_path: Path, encode) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "people.csv").write_bytes(encode(CSV))
    (tmp_path / "a.yaml").write_text(CSV_AGENDA, encoding="utf-8")
    result = load_agenda(str(tmp_path / "a.yaml"))
    assert result.diagnostics == []
    assert result.agenda is not None
    cues = result.agenda.items[0].cues
    assert [c.names for c in cues] == [("王芳",), ("单田芳",)]
    assert cues[0].units == ("城东街道",)
    assert cues[1].say == ("善田芳",)
    assert cues[1].spoken == "请善田芳上台领奖。"


def test_undecodable_csv(tmp_path: Path) -> None:
    (tmp_path / "people.csv").write_bytes(b"name\nab\xff\xff\n")
    (tmp_path / "a.yaml").write_text(CSV_AGENDA, encoding="utf-8")
    [diag] = load_agenda(str(tmp_path / "a.yaml")).diagnostics
    assert (diag.line, diag.col) == (6, 21)
    assert diag.message.startswith("cannot decode recipients_csv people.csv: ")
    assert "byte offset 7" in diag.message
