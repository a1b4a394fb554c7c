"""The agendas shipped in agendas/ load with no error and no warning, and the big one is big."""

from __future__ import annotations

import filecmp
import subprocess
import sys
from pathlib import Path

import pytest

from podium.agenda.loader import load_agenda
from podium.agenda.model import CueKind

ROOT = Path(__file__).resolve().parents[2]
AGENDAS = sorted((ROOT / "agendas").glob("*.yaml"))
GENERATOR = ROOT / "agendas" / "tools" / "make_commencement.py"


def test_the_bundled_agendas_are_there() -> None:
    names = {p.name for p in AGENDAS}
    assert {
        "district-conference.zh.yaml",
        "awards-night.en.yaml",
        "commencement.en.yaml",
    } <= names


@pytest.mark.parametrize("path", AGENDAS, ids=lambda p: p.name)
def test_bundled_agenda_loads_without_errors_or_warnings(path: Path) -> None:
    result = load_agenda(str(path))
    assert [str(d) for d in result.diagnostics] == []
    assert result.agenda is not None
    assert result.agenda.items


def recipients(path: Path) -> list[str]:
    agenda = load_agenda(str(path)).agenda
    assert agenda is not None
    return [
        name
        for item in agenda.items
        for cue in item.cues
        if cue.kind is CueKind.CALL
        for name in cue.names
    ]


def test_commencement_has_at_least_2000_graduates() -> None:
    names = recipients(ROOT / "agendas" / "commencement.en.yaml")
    assert len(names) >= 2000
    assert any("\u4e00" <= c <= "\u9fff" for name in names for c in name)  # some Chinese names


def test_district_conference_uses_every_kind_the_issue_asks_for() -> None:
    agenda = load_agenda(str(ROOT / "agendas" / "district-conference.zh.yaml")).agenda
    assert agenda is not None
    assert agenda.meeting.language == "zh" and agenda.meeting.start_s == 9 * 3600
    calls = [c for item in agenda.items for c in item.cues if c.kind is CueKind.CALL]
    assert any(len(c.names) == 4 for c in calls)  # collectives in batches of four
    assert any(c.say and "善丽娟" in c.say for c in calls)  # 单 read as 善
    assert any(any(c.units) for c in calls)  # individuals with their units
    speech = agenda.item_by_id("speech")
    assert speech is not None and speech.at_s == 9 * 3600 + 20 * 60
    assert [c.kind for c in speech.cues] == [CueKind.INTRO, CueKind.SPEECH, CueKind.OUTRO]
    assert any("散会" in c.text for c in agenda.items[-1].cues)


def generate(out: Path, *args: str) -> str:
    done = subprocess.run(
        [sys.executable, str(GENERATOR), "--out", str(out), *args],
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout.strip()


def test_generator_reproduces_the_bundled_commencement(tmp_path: Path) -> None:
    printed = generate(tmp_path)
    assert printed == str(tmp_path / "commencement.en.yaml")
    bundled = ROOT / "agendas"
    assert (tmp_path / "commencement.en.yaml").read_bytes() == (
        bundled / "commencement.en.yaml"
    ).read_bytes()
    folder = "commencement-graduates"
    csvs = sorted(p.name for p in (tmp_path / folder).iterdir())
    assert csvs == sorted(p.name for p in (bundled / folder).iterdir())
    matched, mismatch, errors = filecmp.cmpfiles(
        tmp_path / folder, bundled / folder, csvs, shallow=False
    )
    assert (len(matched), mismatch, errors) == (len(csvs), [], [])


def test_generator_writes_bigger_variants_that_load(tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    path = generate(first, "--names", "5000")
    generate(second, "--names", "5000")
    assert (first / "commencement.en.yaml").read_bytes() == (
        second / "commencement.en.yaml"
    ).read_bytes()
    assert (first / "commencement-graduates" / "science.csv").read_bytes() == (
        second / "commencement-graduates" / "science.csv"
    ).read_bytes()
    result = load_agenda(path)
    assert [str(d) for d in result.diagnostics] == []
    assert len(recipients(Path(path))) == 5000 + 2  # and the two honorary graduates
