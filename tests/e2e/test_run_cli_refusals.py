"""`podium run`'s refusals before the screen, as users meet them (issue 15's minor list): the
installed command in a subprocess, one sentence on stderr, exit 2, nothing written."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from podium.cli.speech import MAX_RATE, MIN_RATE

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[2]
PODIUM = Path(sys.executable).parent / "podium"
AGENDA = ROOT / "agendas" / "quick-demo.en.yaml"


def podium(*args: str, cwd: Path, state: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "XDG_STATE_HOME": str(state or cwd / "state"), "LC_ALL": "C.UTF-8"}
    return subprocess.run(
        [str(PODIUM), *args],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        cwd=cwd,
        env=env,
        timeout=60,
        check=False,
    )


def one_sentence(result: subprocess.CompletedProcess[str], code: int = 2) -> str:
    assert result.returncode == code, (result.returncode, result.stderr)
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr, result.stderr
    return result.stderr


@pytest.mark.parametrize("value", ["10.000001", "-0.000001", "nan", "inf", "1e308"])
def test_a_guard_outside_0_to_10_is_refused_as_given(tmp_path: Path, value: str) -> None:
    error = one_sentence(podium("run", str(AGENDA), "--guard", value, cwd=tmp_path))
    shown = re.search(r"not (\S+)$", error.strip())
    assert "between 0 and 10 seconds" in error and shown is not None
    assert float(shown[1]) == float(value) or shown[1] == value  # never rounded to "10"
    assert not (tmp_path / "state").exists()  # refused before any journal


def test_run_and_say_take_one_rate_range(tmp_path: Path) -> None:
    assert (MIN_RATE, MAX_RATE) == (80, 450)  # espeak-ng's espeakRATE_MINIMUM/MAXIMUM
    for rate in (MIN_RATE - 1, MAX_RATE + 1):
        said = one_sentence(podium("say", "hi", "--rate", str(rate), cwd=tmp_path))
        ran = one_sentence(podium("run", str(AGENDA), "--rate", str(rate), cwd=tmp_path))
        for error in (said, ran):
            assert f"between {MIN_RATE} and {MAX_RATE}" in error, error
    docs = (ROOT / "docs" / "commands.md").read_text(encoding="utf-8")
    rows = [line for line in docs.splitlines() if line.startswith("| `--rate N` |")]
    assert len(rows) == 2 and all(f"{MIN_RATE} to {MAX_RATE}" in row for row in rows), rows


@pytest.mark.parametrize(
    ("where", "message"),
    [
        ("", "--journal needs a file name"),
        ("afile/j.jsonl", "afile is a file, not a folder"),
        ("/dev/stdout", "not a file"),  # a pipe here; see below for a file
        ("/dev/zero", "it is a device, not a file"),
        ("pipe", "it is a pipe, not a file"),
    ],
)
@pytest.mark.parametrize("flag", ["--fresh", "--resume", None])
def test_journal_places_that_are_not_files_are_refused(
    tmp_path: Path, where: str, message: str, flag: str | None
) -> None:
    (tmp_path / "afile").write_text("mine\n")
    os.mkfifo(tmp_path / "pipe")
    args = ["run", str(AGENDA), "--journal", where, *([flag] if flag else [])]
    error = one_sentence(podium(*args, cwd=tmp_path))  # a FIFO or /dev/zero: no hang
    assert message in error
    assert (tmp_path / "afile").read_text() == "mine\n"


def test_journal_dev_stdout_is_refused_even_when_stdout_is_a_file(tmp_path: Path) -> None:
    out = tmp_path / "out.txt"
    with out.open("w") as stdout:
        result = subprocess.run(
            [str(PODIUM), "run", str(AGENDA), "--fresh", "--journal", "/dev/stdout"],
            stdout=stdout,
            stderr=subprocess.PIPE,
            stdin=subprocess.DEVNULL,
            text=True,
            env={**os.environ, "XDG_STATE_HOME": str(tmp_path / "state")},
            timeout=60,
            check=False,
        )
    assert result.returncode == 2 and "names a stream of this process" in result.stderr
    assert out.read_text() == ""  # no journal header went into the redirected output


def test_an_unwritable_state_folder_suggests_journal(tmp_path: Path) -> None:
    (tmp_path / "state").write_text("a file where the state folder should be\n")
    error = one_sentence(podium("run", str(AGENDA), "--fresh", cwd=tmp_path))
    assert "--journal PATH" in error


@pytest.mark.parametrize("name", ["", "   "])
def test_report_of_an_empty_name_is_refused(tmp_path: Path, name: str) -> None:
    error = one_sentence(podium("report", name, cwd=tmp_path))
    assert "empty file name" in error
