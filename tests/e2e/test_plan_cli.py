"""`podium plan` as users run it: the installed command in a subprocess, exit codes and streams."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[2]
PODIUM = Path(sys.executable).with_name("podium")
DISTRICT = ROOT / "agendas" / "district-conference.zh.yaml"
DEMO = ROOT / "agendas" / "quick-demo.en.yaml"


def podium(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [str(PODIUM), *args], capture_output=True, timeout=60, env={**os.environ, **(env or {})}
    )


def one_line_error(stderr: bytes) -> str:
    text = stderr.decode()
    assert "Traceback" not in text
    assert text.count("\n") == 1, text
    return text


def test_plan_json_of_the_district_conference() -> None:
    done = podium("plan", str(DISTRICT), "--format", "json")
    assert done.returncode == 0, done.stderr.decode()
    assert done.stderr == b""
    doc = json.loads(done.stdout.decode("utf-8"))
    assert doc["format"] == "podium-plan/1"
    assert doc["meeting"]["start"] == "09:00:00"
    assert doc["items"][0]["start"] == "09:00:00"
    speech = next(item for item in doc["items"] if item["id"] == "speech")
    assert speech["start"] == "09:20:00"  # its fixed `at`


def test_plan_defaults_to_text() -> None:
    done = podium("plan", str(DISTRICT))
    assert done.returncode == 0
    out = done.stdout.decode("utf-8")
    assert out.startswith("2025年度全区信息工作会议\n")
    assert "请单丽娟" not in out and "单丽娟 — 区教育局办公室 · 读作 善丽娟" in out


def test_start_overrides_the_meetings_start() -> None:
    done = podium("plan", str(DISTRICT), "--format", "json", "--start", "08:30")
    assert done.returncode == 0
    doc = json.loads(done.stdout)
    assert doc["meeting"]["start"] == "08:30:00"
    assert doc["items"][1]["start"] == "08:30:" + f"{doc['items'][1]['offset_s']:02d}"


def test_start_gives_clock_times_to_an_agenda_without_one() -> None:
    without = json.loads(podium("plan", str(DEMO), "--format", "json").stdout)
    assert without["meeting"]["start"] is None and without["items"][0]["start"] is None
    done = podium("plan", str(DEMO), "--format", "json", "--start", "14:00:30")
    doc = json.loads(done.stdout)
    assert [i["start"] for i in doc["items"]][:2] == ["14:00:30", "14:00:43"]


@pytest.mark.parametrize("bad", ["25:00", "9am", "noon", "12:60", ""])
def test_a_bad_start_is_a_usage_error(bad: str) -> None:
    done = podium("plan", str(DEMO), "--start", bad)
    assert done.returncode == 2
    assert done.stdout == b""
    assert "--start" in one_line_error(done.stderr)


def test_an_invalid_agenda_prints_diagnostics_and_exits_1(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(
        "podium: 1\nmeeting:\n  title: Bad\nitems:\n  - title: One\n    duraton: 2m\n",
        encoding="utf-8",
    )
    done = podium("plan", str(path))
    assert done.returncode == 1
    assert done.stdout == b""
    err = done.stderr.decode()
    assert f"{path}:6:5: error: unknown key 'duraton'" in err
    assert "Traceback" not in err


def test_warnings_are_printed_but_the_plan_still_comes(tmp_path: Path) -> None:
    path = tmp_path / "masked.yaml"
    path.write_text(
        "podium: 1\nmeeting:\n  title: Masked\nitems:\n  - title: One\n    script: Welcome, XXX.\n",
        encoding="utf-8",
    )
    done = podium("plan", str(path), "--format", "json")
    assert done.returncode == 0
    assert ": warning: " in done.stderr.decode()
    assert json.loads(done.stdout)["items"][0]["cues"][0]["text"] == "Welcome, XXX."


def test_a_missing_file_exits_2(tmp_path: Path) -> None:
    done = podium("plan", str(tmp_path / "nope.yaml"))
    assert done.returncode == 2
    assert "nope.yaml" in one_line_error(done.stderr)


def test_a_folder_is_not_an_agenda(tmp_path: Path) -> None:
    done = podium("plan", str(tmp_path))
    assert done.returncode == 2
    one_line_error(done.stderr)


def test_an_unknown_format_is_a_usage_error() -> None:
    done = podium("plan", str(DEMO), "--format", "pdf")
    assert done.returncode == 2
    assert b"Traceback" not in done.stderr


def test_output_is_utf8_whatever_the_locale() -> None:
    done = podium("plan", str(DISTRICT), env={"PYTHONIOENCODING": "ascii", "LC_ALL": "C"})
    assert done.returncode == 0, done.stderr.decode()
    assert "会前提示" in done.stdout.decode("utf-8")


def test_a_reader_that_leaves_early_is_not_an_error() -> None:
    shell = f"'{PODIUM}' plan '{ROOT / 'agendas' / 'commencement.en.yaml'}' | head -n 1"
    done = subprocess.run(["sh", "-c", shell], capture_output=True, timeout=60)
    assert done.stdout.decode() == "Northbridge University Commencement 2026\n"
    assert b"Traceback" not in done.stderr and b"Error" not in done.stderr


@pytest.fixture(scope="module")
def big_agenda(tmp_path_factory: pytest.TempPathFactory) -> str:
    """A generated commencement with 5,000 graduates."""
    generator = ROOT / "agendas" / "tools" / "make_commencement.py"
    out = tmp_path_factory.mktemp("commencement-5000")
    made = subprocess.run(
        [sys.executable, str(generator), "--names", "5000", "--out", str(out)],
        capture_output=True,
        text=True,
        check=True,
    )
    return made.stdout.strip()


@pytest.mark.parametrize("fmt", ["text", "markdown", "csv", "json", "html"])
def test_every_format_runs_on_a_5000_name_agenda(big_agenda: str, fmt: str) -> None:
    done = podium("plan", big_agenda, "--format", fmt)
    assert done.returncode == 0, done.stderr.decode()
    assert done.stdout.count(b"Zhou") > 10


def test_json_of_5000_names_lists_every_name(big_agenda: str) -> None:
    doc = json.loads(podium("plan", big_agenda, "--format", "json").stdout)
    names = [n for item in doc["items"] for cue in item["cues"] for n in cue.get("names", [])]
    assert len(names) == 5000 + 2  # the graduates and two honorary doctors


@pytest.mark.tts
def test_spoken_measures_with_the_real_voice() -> None:
    done = podium("plan", str(DEMO), "--format", "json", "--spoken")
    assert done.returncode == 0, done.stderr.decode()
    welcome, talk, prizes = json.loads(done.stdout)["items"]
    spoken = [cue["spoken_s"] for cue in welcome["cues"]]
    # Two sentences of about fourteen words each take a few seconds each to say.
    assert all(1.5 < s < 12 for s in spoken), spoken
    assert welcome["estimated"] and abs(welcome["duration_s"] - sum(spoken)) <= 1
    assert "spoken_s" not in talk["cues"][1]
    assert all(cue["spoken_s"] > 0.5 for cue in prizes["cues"])


@pytest.mark.tts
def test_spoken_reads_chinese_with_a_mandarin_voice() -> None:
    done = podium("plan", str(DISTRICT), "--format", "csv", "--spoken")
    assert done.returncode == 0, done.stderr.decode()
    text = done.stdout.decode("utf-8")
    header, first = text.splitlines()[:2]
    assert header.endswith(",spoken_s")
    # The reminder (about 40 characters) takes longer than a second and less than a minute.
    assert 1 < float(first.rsplit(",", 1)[1]) < 60
    assert "语音合成实测" not in text  # the legend belongs to the text formats
