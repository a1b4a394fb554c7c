"""`podium import` as organisers run it: the installed command in a subprocess. Exit codes
0/1/2, warnings as SCRIPT:LINE on stderr with a summary line, the draft on stdout or in -o,
refusals in one sentence, every encoding the agenda format reads, a Word file with a table."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e

PODIUM = Path(sys.executable).with_name("podium")
CORPUS = Path(__file__).resolve().parents[1] / "unit" / "importer" / "corpus"

SCRIPT = (
    "全区表彰大会主持词\n\n"
    "同志们：\n现在开会。\n"
    "下面，进行第一项议程，请区委办主任***同志宣读表彰决定。\n"
    "……\n"
    "下面，请****的代表上台领奖。\n"
    "现在进行会议第二项议程，请区委副书记***同志讲话，大家欢迎。\n"
    "散会。\n"
)


def podium(
    *args: str, cwd: Path | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    done = subprocess.run(
        [str(PODIUM), *args], capture_output=True, text=True, timeout=60, cwd=cwd, env=env
    )
    assert "Traceback" not in done.stderr, done.stderr
    return done


def test_import_then_validate_passes_with_no_edit(tmp_path: Path) -> None:
    script = tmp_path / "script.txt"
    script.write_text(SCRIPT, encoding="utf-8")
    out = tmp_path / "agenda.yaml"
    done = podium("import", str(script), "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert done.stdout == ""
    lines = done.stderr.strip().splitlines()
    assert lines[0].startswith(f"{script}:5: warning: speech:")
    assert any(line.startswith(f"{script}:7: warning: call-up:") for line in lines)
    summary = lines[-1]
    assert summary.startswith(f"{script}: 4 items (1 script item, 2 speeches, 1 awards item),")
    assert summary.endswith(f"next: podium validate {out}")
    checked = podium("validate", str(out))
    assert checked.returncode == 0, checked.stderr
    assert "looks like an unfilled name" in checked.stderr


def test_a_chinese_organiser_reads_the_whole_answer_in_chinese(tmp_path: Path) -> None:
    """Under a Chinese locale the summary names the kinds in Chinese, joined by 、, and a long
    run of dropped page furniture says how many more paragraphs went, in Chinese too."""
    furniture = "".join(f"全区表彰大会主持词_第{n}页\n" for n in range(1, 7))
    script = tmp_path / "script.txt"
    script.write_text(furniture + SCRIPT, encoding="utf-8")
    out = tmp_path / "agenda.yaml"
    env = {**os.environ, "LANG": "zh_CN.UTF-8"}
    done = podium("import", str(script), "-o", str(out), env=env)
    assert done.returncode == 0, done.stderr
    lines = done.stderr.strip().splitlines()
    assert lines[-1].startswith(f"{script}：4 项议程（1 项串词、2 项讲话、1 项颁奖），")
    dropped = next(line for line in lines if "网页杂项" in line)
    assert dropped.endswith("… （另有 3 段）")
    words = re.compile(r"[A-Za-z]{3,}")
    for line in lines:
        told = line.replace(str(script), "").replace(str(out), "")
        told = told.replace("podium validate", "").replace("warning:", "")
        assert not words.search(told), line
    missing = podium("import", str(tmp_path / "nope.txt"), env=env)
    assert missing.returncode == 2
    assert missing.stderr.strip().endswith("：文件或文件夹不存在"), missing.stderr


def test_the_draft_goes_to_stdout_without_o_and_is_the_same_each_time(tmp_path: Path) -> None:
    script = tmp_path / "script.txt"
    script.write_text(SCRIPT, encoding="utf-8")
    first = podium("import", str(script))
    second = podium("import", str(script))
    assert first.returncode == 0
    assert first.stdout == second.stdout
    assert first.stdout.startswith("# Draft agenda")
    assert "podium: 1" in first.stdout
    assert first.stderr.strip().splitlines()[-1].endswith("-o script.yaml")


def test_an_existing_output_is_kept_unless_force(tmp_path: Path) -> None:
    script = tmp_path / "script.txt"
    script.write_text(SCRIPT, encoding="utf-8")
    out = tmp_path / "agenda.yaml"
    out.write_text("mine\n")
    refused = podium("import", str(script), "-o", str(out))
    assert refused.returncode == 2
    assert "already exists" in refused.stderr and "--force" in refused.stderr
    assert out.read_text() == "mine\n"
    forced = podium("import", str(script), "-o", str(out), "--force")
    assert forced.returncode == 0
    assert out.read_text().startswith("# Draft agenda")


def test_language_and_title_options(tmp_path: Path) -> None:
    script = tmp_path / "script.txt"
    script.write_text("Hello, everyone.\n", encoding="utf-8")
    done = podium("import", str(script), "--language", "zh", "--title", "年会")
    assert done.returncode == 0
    assert "  title: 年会\n  language: zh\n" in done.stdout


@pytest.mark.parametrize(
    ("name", "data", "says"),
    [
        ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "save it as .docx"),
        ("renamed.txt", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "legacy Word .doc"),
        ("script.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF"),
        ("photo.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 20, "image"),
        ("photo.jpg", b"\xff\xd8\xff\xe0" + b"\0" * 20, "image"),
        ("notes.odt", b"PK\x03\x04" + b"\0" * 40, ".docx"),
        ("broken.docx", b"PK\x03\x04" + b"\0" * 40, "not a readable Word .docx"),
        ("binary.txt", b"abc\0def", "not a text file"),
        ("latin1.txt", bytes([0x80, 0x81, 0xFF]) * 3, "cannot read"),
    ],
)
def test_what_is_no_script_is_refused_in_one_sentence(
    tmp_path: Path, name: str, data: bytes, says: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    done = podium("import", str(path))
    assert done.returncode == 2, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("podium: error: ")
    assert says in lines[0]
    assert done.stdout == ""


def test_a_missing_file_is_refused(tmp_path: Path) -> None:
    done = podium("import", str(tmp_path / "nope.txt"))
    assert done.returncode == 2
    assert "cannot open" in done.stderr


@pytest.mark.parametrize(
    "text", ["", "   \n\n\t\n", "某某主持词_第1页\n下载本文档\n评论\n0/150\n提交评论\n"]
)
def test_nothing_to_import_exits_1(tmp_path: Path, text: str) -> None:
    path = tmp_path / "empty.txt"
    path.write_text(text, encoding="utf-8")
    done = podium("import", str(path))
    assert done.returncode == 1, done.stderr
    assert "nothing to import" in done.stderr
    assert done.stdout == ""


@pytest.mark.parametrize(
    ("encoding", "newline"),
    [("utf-8", "\n"), ("utf-8-sig", "\r\n"), ("utf-16", "\n"), ("gb18030", "\r\n")],
)
def test_every_encoding_the_agenda_format_reads(
    tmp_path: Path, encoding: str, newline: str
) -> None:
    path = tmp_path / "script.txt"
    path.write_bytes(SCRIPT.replace("\n", newline).encode(encoding))
    out = tmp_path / "agenda.yaml"
    done = podium("import", str(path), "-o", str(out))
    assert done.returncode == 0, done.stderr
    text = out.read_text(encoding="utf-8")
    assert "请区委副书记{区委副书记}同志讲话，大家欢迎。" in text
    assert "\r" not in text
    assert podium("validate", str(out)).returncode == 0


def test_a_word_document_with_a_table_of_names(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    document.add_paragraph("区直机关表彰大会主持词", style="Title")
    document.add_paragraph("男：同志们，现在开会。")
    document.add_heading("颁发荣誉证书", level=1)
    document.add_paragraph("女：下面，为优秀共产党员颁发荣誉证书。")
    document.add_paragraph("女：请以下同志上台领奖：")
    table = document.add_table(rows=3, cols=3)
    for row, cells in zip(
        table.rows,
        [("序号", "姓名", "单位"), ("1", "王芳", "城东街道"), ("2", "李明", "区教育局")],
        strict=True,
    ):
        for cell, value in zip(row.cells, cells, strict=True):
            cell.text = value
    document.add_paragraph("男：让我们以热烈的掌声表示祝贺！")
    document.add_paragraph("（颁奖音乐）")
    document.add_paragraph("男：请区委书记***同志讲话。")
    path = tmp_path / "script.docx"
    document.save(str(path))

    out = tmp_path / "agenda.yaml"
    done = podium("import", str(path), "-o", str(out))
    assert done.returncode == 0, done.stderr
    plan = podium("plan", "--format", "json", str(out))
    assert plan.returncode == 0, plan.stderr
    import json

    data = json.loads(plan.stdout)
    assert data["meeting"]["title"] == "区直机关表彰大会"
    items = data["items"]
    assert [i["title"] for i in items] == ["开场", "颁发荣誉证书", "区委书记讲话"]
    awards = items[1]
    call = next(c for c in awards["cues"] if c["kind"] == "call")
    assert call["text"] == "请以下同志上台领奖："
    assert call["names"] == ["王芳", "李明"]
    assert [c["kind"] for c in awards["cues"]] == ["intro", "call", "outro"]
    assert awards["cues"][0]["who"] == "女"
    assert "（颁奖音乐）" in out.read_text(encoding="utf-8")
    assert "unit: 城东街道" in out.read_text(encoding="utf-8")
    # lines of a Word document are its paragraphs and table rows, counted from the top
    assert f"{path}:11: warning: speech:" in done.stderr


@pytest.mark.parametrize("name", sorted(p.name for p in CORPUS.iterdir()))
def test_the_corpus_imports_and_validates(tmp_path: Path, name: str) -> None:
    out = tmp_path / "agenda.yaml"
    done = podium("import", str(CORPUS / name), "-o", str(out))
    assert done.returncode == 0, done.stderr
    checked = podium("validate", str(out))
    assert checked.returncode == 0, checked.stderr
    assert " error: " not in checked.stderr


def test_messages_follow_the_users_language(tmp_path: Path) -> None:
    import os

    script = tmp_path / "script.txt"
    script.write_text(SCRIPT, encoding="utf-8")
    env = {**os.environ, "LANG": "zh_CN.UTF-8"}
    done = subprocess.run(
        [str(PODIUM), "import", str(script)], capture_output=True, text=True, env=env, timeout=60
    )
    assert done.returncode == 0
    assert done.stdout.startswith("# 议程草稿，由 `podium import` 根据")
    assert "讲话：时长 5 分钟是根据“宣读”估计的" in done.stderr
    assert "下一步：podium import" in done.stderr
    pdf = tmp_path / "x.pdf"
    pdf.write_bytes(b"%PDF-1.4\n")
    refused = subprocess.run(
        [str(PODIUM), "import", str(pdf)], capture_output=True, text=True, env=env, timeout=60
    )
    assert refused.returncode == 2
    assert refused.stderr.startswith("podium: error: ") and "PDF 文件" in refused.stderr
