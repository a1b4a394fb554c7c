"""The agendas the benchmarks run on: the bundled conference and generated commencements."""

from __future__ import annotations

import csv
import json
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONFERENCE = ROOT / "agendas" / "district-conference.zh.yaml"
GENERATOR = ROOT / "agendas" / "tools" / "make_commencement.py"

_CSV_LINE = re.compile(r"^(?P<indent>\s*)recipients_csv:\s*(?P<path>\S+)\s*$")


class AgendaMissing(Exception):
    """An agenda the benchmark needs could not be found or made; the message says why."""


@dataclass(frozen=True, slots=True)
class BenchAgenda:
    """One agenda under test, with the text that shows on screen once its first frame is up."""

    label: str
    path: Path
    marker: str
    names: int | None = None
    """Number of generated names (None for the bundled conference)."""


def conference() -> BenchAgenda:
    if not CONFERENCE.is_file():
        raise AgendaMissing(f"{CONFERENCE.relative_to(ROOT)} is not there yet")
    return BenchAgenda("conference", CONFERENCE, _title(CONFERENCE))


def commencement(names: int, folder: Path) -> BenchAgenda:
    """The generated commencement with `names` graduates (names in CSV files beside it)."""
    if not GENERATOR.is_file():
        raise AgendaMissing(f"{GENERATOR.relative_to(ROOT)} is not there yet")
    out = folder / f"commencement-{names}"
    agenda = out / "commencement.en.yaml"
    if not agenda.is_file():
        out.mkdir(parents=True, exist_ok=True)
        done = subprocess.run(
            [sys.executable, str(GENERATOR), "--names", str(names), "--out", str(out)],
            capture_output=True,
            text=True,
            check=False,
        )
        if done.returncode != 0 or not agenda.is_file():
            last = (done.stderr.strip().splitlines() or ["no output"])[-1]
            raise AgendaMissing(f"the commencement generator failed: {last}")
    return BenchAgenda(f"{names:,} names", agenda, _title(agenda), names)


def inlined(agenda: BenchAgenda) -> BenchAgenda:
    """The same agenda as one YAML file, every `recipients_csv` replaced by its rows written
    inline, so that podium and a bare YAML load read exactly the same bytes."""
    target = agenda.path.with_name(agenda.path.stem + ".inline.yaml")
    if not target.is_file():
        out: list[str] = []
        for line in agenda.path.read_text(encoding="utf-8").splitlines():
            match = _CSV_LINE.match(line)
            if not match:
                out.append(line)
                continue
            indent = match["indent"]
            out.append(f"{indent}recipients:")
            with open(agenda.path.parent / match["path"], encoding="utf-8", newline="") as f:
                for row in csv.DictReader(f):
                    fields = ", ".join(
                        f"{key}: {json.dumps(value, ensure_ascii=False)}"
                        for key, value in row.items()
                        if value
                    )
                    out.append(f"{indent}  - {{{fields}}}")
        target.write_text("\n".join(out) + "\n", encoding="utf-8")
    return BenchAgenda(agenda.label, target, agenda.marker, agenda.names)


def csv_files(agenda: BenchAgenda) -> list[Path]:
    """The recipients_csv files an agenda names, in order."""
    files = []
    for line in agenda.path.read_text(encoding="utf-8").splitlines():
        match = _CSV_LINE.match(line)
        if match:
            files.append(agenda.path.parent / match["path"])
    return files


def _title(path: Path) -> str:
    """The meeting title, read without podium: the text we wait for on the first frame."""
    for line in path.read_text(encoding="utf-8-sig").splitlines():
        stripped = line.strip()
        if stripped.startswith("title:") and line.startswith("  "):
            return stripped.removeprefix("title:").strip().strip("\"'")
    raise AgendaMissing(f"{path.name} has no meeting title")
