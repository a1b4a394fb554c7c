"""`podium validate` and `podium schema` as users run them: the installed command in a
subprocess, exit codes 0/1/2, GCC-style problems on stderr, summaries on stdout, no traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[2]
PODIUM = Path(sys.executable).with_name("podium")

GOOD = "podium: 1\nmeeting: {title: t}\nitems:\n  - {title: a, script: Hello.}\n"
WARNED = "podium: 1\nmeeting: {title: t}\nitems:\n  - {title: a, script: Dear XXX.}\n"
BAD = (
    "podium: 1\n"
    "meeting:\n"
    "  title: t\n"
    "items:\n"
    "  - title: a\n"
    "    durations: 2m\n"
    "    script: '{who}'\n"
)


def podium(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    done = subprocess.run([str(PODIUM), *args], capture_output=True, text=True, timeout=60, cwd=cwd)
    assert "Traceback" not in done.stderr
    return done


@pytest.fixture
def files(tmp_path: Path) -> Path:
    (tmp_path / "good.yaml").write_text(GOOD)
    (tmp_path / "warned.yaml").write_text(WARNED)
    (tmp_path / "bad.yaml").write_text(BAD)
    (tmp_path / "binary.yaml").write_bytes(b"podium: 1\n\xff\xfe\xff")
    return tmp_path


def test_valid_file_exits_0_with_a_summary(files: Path) -> None:
    done = podium("validate", "good.yaml", cwd=files)
    assert done.returncode == 0
    assert done.stderr == ""
    assert done.stdout == "good.yaml: ok, 1 item, 1 cue\n"


def test_warnings_alone_exit_0(files: Path) -> None:
    done = podium("validate", "warned.yaml", cwd=files)
    assert done.returncode == 0
    assert done.stderr == "warned.yaml:4:24: warning: looks like an unfilled name: 'Dear XXX.'\n"
    assert done.stdout == "warned.yaml: ok, 1 item, 1 cue, 1 warning\n"


def test_errors_exit_1_in_gcc_format(files: Path) -> None:
    done = podium("validate", "bad.yaml", cwd=files)
    assert done.returncode == 1
    assert done.stderr.splitlines() == [
        "bad.yaml:6:5: error: unknown key 'durations'; did you mean 'duration'?",
        "bad.yaml:7:14: error: unknown placeholder '{who}': define it under 'names'",
    ]
    assert done.stdout == "bad.yaml: 2 errors\n"


def test_unopenable_file_exits_2_and_the_others_are_still_checked(files: Path) -> None:
    done = podium("validate", "missing.yaml", "bad.yaml", "good.yaml", cwd=files)
    assert done.returncode == 2
    assert done.stderr.splitlines()[0] == (
        "podium: error: cannot open missing.yaml: No such file or directory"
    )
    assert done.stdout.splitlines() == [
        "missing.yaml: cannot be opened",
        "bad.yaml: 2 errors",
        "good.yaml: ok, 1 item, 1 cue",
    ]


def test_several_files_one_bad_exits_1(files: Path) -> None:
    done = podium("validate", "good.yaml", "binary.yaml", cwd=files)
    assert done.returncode == 1
    [line] = done.stderr.splitlines()
    assert line.startswith("binary.yaml:2:1: error: cannot decode binary.yaml: not UTF-8 ")
    assert "byte offset 10" in line


def test_bundled_agendas_are_valid() -> None:
    agendas = sorted(str(p) for p in (ROOT / "agendas").glob("*.yaml"))
    assert agendas
    done = podium("validate", *agendas)
    assert done.returncode == 0, done.stderr
    assert len(done.stdout.splitlines()) == len(agendas)


def test_no_arguments_is_a_usage_error() -> None:
    done = podium("validate")
    assert done.returncode == 2
    assert "AGENDA" in done.stderr


def test_schema_is_draft_07_json() -> None:
    done = podium("schema")
    assert done.returncode == 0
    assert done.stderr == ""
    schema = json.loads(done.stdout)
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
    assert schema["required"] == ["podium", "meeting", "items"]
    assert set(schema["definitions"]) >= {"item", "speech_item", "awards_item", "duration"}
