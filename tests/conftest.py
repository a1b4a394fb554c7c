"""Shared test helpers. Each area keeps its own fixtures in its own folder's conftest.py."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
AGENDAS = ROOT / "agendas"


@pytest.fixture
def write_agenda(tmp_path: Path):
    """Write YAML text to a file in tmp_path and return its path (as a string)."""

    def write(text: str, name: str = "agenda.yaml", encoding: str = "utf-8") -> str:
        path = tmp_path / name
        path.write_bytes(text.encode(encoding))
        return str(path)

    return write


@pytest.fixture(autouse=True)
def _english_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests see English messages whatever the developer's locale (a test of Chinese sets
    LANG itself); subprocesses inherit the same environment."""
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
