"""Golden run sheets: `podium plan` of every bundled agenda in every format, byte for byte.

After an intended change, regenerate them explicitly and review the diff:

    UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/golden -q
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from podium.cli import main

ROOT = Path(__file__).resolve().parents[2]
AGENDAS = sorted((ROOT / "agendas").glob("*.yaml"))
GOLDEN = Path(__file__).resolve().parent / "plan"
EXTENSIONS = {"text": "txt", "markdown": "md", "csv": "csv", "json": "json", "html": "html"}
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"


def golden_path(agenda: Path, fmt: str) -> Path:
    return GOLDEN / f"{agenda.name.removesuffix('.yaml')}.{EXTENSIONS[fmt]}"


def test_every_bundled_agenda_is_covered() -> None:
    assert len(AGENDAS) >= 3
    expected = {golden_path(a, f).name for a in AGENDAS for f in EXTENSIONS}
    present = {p.name for p in GOLDEN.glob("[!.]*")}
    assert expected <= present or UPDATE, f"missing goldens: {sorted(expected - present)}"
    assert present <= expected, f"stale goldens of no agenda: {sorted(present - expected)}"


@pytest.mark.parametrize("fmt", list(EXTENSIONS))
@pytest.mark.parametrize("agenda", AGENDAS, ids=lambda p: p.name)
def test_plan_matches_golden(
    agenda: Path, fmt: str, capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    code = main(["plan", str(agenda), "--format", fmt])
    out, err = capsysbinary.readouterr()
    assert code == 0, err.decode()
    assert err == b""  # bundled agendas have no warnings either
    path = golden_path(agenda, fmt)
    if UPDATE:
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(out)
        return
    assert path.exists(), f"no golden {path.name}; run with UPDATE_GOLDEN=1 and review it"
    expected = path.read_bytes()
    if out != expected:
        got, want = out.decode().splitlines(), expected.decode().splitlines()
        first = next(
            (i for i, (a, b) in enumerate(zip(got, want, strict=False)) if a != b),
            min(len(got), len(want)),
        )
        pytest.fail(
            f"{path.name} differs from line {first + 1}:\n"
            f"  got:  {got[first] if first < len(got) else '<end>'}\n"
            f"  want: {want[first] if first < len(want) else '<end>'}\n"
            "If the change is intended: UPDATE_GOLDEN=1 pytest tests/golden, then review the diff."
        )
