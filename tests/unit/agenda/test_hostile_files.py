"""What an agenda can make podium read: only its own folder's regular files, within bounds, and
no error echoes a file's content (issue 15: recipients_csv, special files)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from podium.agenda import limits
from podium.agenda.diagnostics import AgendaFileError
from podium.agenda.loader import load_agenda

EN = "podium: 1\nmeeting:\n  title: T\nitems:\n"
SECRET = "TOP_SECRET_TOKEN=hunter2"


def awards(csv_refs: list[str]) -> str:
    groups = "".join(f"      - recipients_csv: {ref}\n" for ref in csv_refs)
    return EN + "  - kind: awards\n    title: t\n    groups:\n" + groups


def diags(path: Path) -> list[str]:
    return [str(d) for d in load_agenda(str(path)).diagnostics]


def test_csv_outside_the_agenda_folder_is_refused_in_one_sentence(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.csv").write_text(f"{SECRET}\nname\nA\n")
    meeting = tmp_path / "meeting"
    (meeting / "sub").mkdir(parents=True)
    (meeting / "sub" / "ok.csv").write_text("name\nA\n")
    os.symlink(outside / "secret.csv", meeting / "link.csv")
    os.symlink(outside, meeting / "dirlink")
    refs = [
        str(outside / "secret.csv"),
        "../outside/secret.csv",
        "sub/../../outside/secret.csv",
        "link.csv",
        "dirlink/secret.csv",
        "/proc/self/environ",
        "~/x.csv",
        "sub/ok.csv",
    ]
    agenda = meeting / "a.yaml"
    agenda.write_text(awards(refs))
    result = load_agenda(str(agenda))
    errors = [d for d in result.diagnostics if d.is_error]
    assert [(d.line, d.col) for d in errors] == [(8 + i, 25) for i in range(7)]
    for d in errors:
        assert SECRET not in d.message and "hunter2" not in d.message
        assert "agenda's folder" in d.message
        assert d.message.count(". ") == 0  # one sentence
    assert "absolute path" in errors[0].message
    assert "'..'" in errors[1].message and "'..'" in errors[2].message
    assert "symbolic link" in errors[3].message and "symbolic link" in errors[4].message


def test_no_error_quotes_file_content_beyond_a_short_header_excerpt(tmp_path: Path) -> None:
    (tmp_path / "env.csv").write_bytes(b"PATH=/usr/bin\x00HOME=/root\x00" + SECRET.encode() * 50)
    (tmp_path / "long.csv").write_text(",".join(f"column{i}" for i in range(40)) + "\n1\n")
    (tmp_path / "esc.csv").write_text("\x1b]0;owned\x07unit,note\nx,y\n")
    (tmp_path / "hdr.csv").write_text("unit,note\nx,y\n")
    agenda = tmp_path / "a.yaml"
    agenda.write_text(awards(["env.csv", "long.csv", "esc.csv", "hdr.csv"]))
    messages = [d.message for d in load_agenda(str(agenda)).diagnostics]
    text = "\n".join(messages)
    assert SECRET not in text and "HOME=" not in text and "\x1b" not in text
    assert "column39" not in text
    assert messages[-1].endswith("the header has no 'name' column (found: unit, note)")


@pytest.mark.parametrize("special", ["/dev/zero", "/dev/null", "fifo"])
def test_special_files_are_never_read(tmp_path: Path, special: str) -> None:
    if special == "fifo":
        special = str(tmp_path / "pipe.yaml")
        os.mkfifo(special)
    with pytest.raises(AgendaFileError, match="not a regular file"):
        load_agenda(special)
    (tmp_path / "a.yaml").write_text(awards(["dev.csv"]))
    os.symlink(special, tmp_path / "dev.csv")
    messages = [d.message for d in load_agenda(str(tmp_path / "a.yaml")).diagnostics]
    assert messages, "a special file behind a CSV name must be refused"
    assert any("not a regular file" in m or "symbolic link" in m for m in messages)


def test_a_fifo_in_the_agenda_folder_does_not_block(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "people.csv")
    (tmp_path / "a.yaml").write_text(awards(["people.csv"]))
    code = (
        "import sys; from podium.agenda.loader import load_agenda; "
        "print(load_agenda(sys.argv[1]).diagnostics[0].message)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(tmp_path / "a.yaml")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert "not a regular file (a FIFO" in out.stdout


def test_the_same_csv_is_read_once_and_all_csvs_share_a_byte_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "big.csv").write_text("name\n" + "".join(f"N{i}\n" for i in range(1000)))
    (tmp_path / "other.csv").write_text("name\n" + "".join(f"M{i}\n" for i in range(1000)))
    size = (tmp_path / "big.csv").stat().st_size
    # Room for two uses of big.csv: a file counts for every group naming it (each group makes
    # its own cues), though it is read once.
    monkeypatch.setattr(limits, "MAX_CSV_TOTAL_BYTES", 2 * size + 100)
    opened: list[str] = []
    from podium.agenda import csvrecipients

    real = csvrecipients.read_limited

    def counting(path: str, limit: int = limits.MAX_FILE_BYTES) -> bytes:
        opened.append(path)
        return real(path, limit)

    monkeypatch.setattr(csvrecipients, "read_limited", counting)
    (tmp_path / "a.yaml").write_text(awards(["big.csv"] * 8 + ["./big.csv", "other.csv"]))
    result = load_agenda(str(tmp_path / "a.yaml"))
    assert len(opened) == 2  # big.csv once, other.csv once (and refused on the way)
    errors = [d for d in result.diagnostics if d.is_error]
    assert [d.line for d in errors] == list(range(10, 18))  # the third use of big.csv on
    assert all("CSV files past" in d.message for d in errors)
