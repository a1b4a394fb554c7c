"""Helpers for the importer's tests: import a script written on the fly, load the draft with
the real loader, and read what the host will see (cues) the way `podium plan` gives them."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from podium.agenda.loader import load_agenda
from podium.agenda.model import Agenda, CueKind
from podium.agenda.plan import make_plan
from podium.agenda.runsheet.json_sheet import plan_json
from podium.importer.build import Unit
from podium.importer.run import Imported, import_script

CORPUS = Path(__file__).parent / "corpus"


@dataclass
class Result:
    imported: Imported
    agenda: Agenda
    path: Path
    """The draft agenda file."""
    warnings: list[str]
    """The importer's warnings as `LINE: message`."""
    validate_warnings: list[str]

    @property
    def units(self) -> list[Unit]:
        return self.imported.draft.items

    @property
    def yaml(self) -> str:
        return self.imported.text

    def plan(self) -> dict[str, Any]:
        return plan_json(make_plan(self.agenda))

    def texts(self) -> list[str]:
        """Every text the host reads, in order (speech cues name the speaker: left out)."""
        return [
            cue.text
            for item in self.agenda.items
            for cue in item.cues
            if cue.kind is not CueKind.SPEECH
        ]

    def item(self, title: str) -> Any:
        for item in self.agenda.items:
            if item.title == title:
                return item
        raise AssertionError(f"no item {title!r} in {[i.title for i in self.agenda.items]}")


def run_import(path: Path, **options: Any) -> Result:
    """Import `path`, write the draft beside it and load it: it must have no errors."""
    imported = import_script(str(path), **options)
    out = path.with_name(path.name + ".yaml")
    out.write_text(imported.text, encoding="utf-8")
    loaded = load_agenda(str(out))
    assert loaded.agenda is not None, "\n".join(map(str, loaded.diagnostics)) + imported.text
    return Result(
        imported,
        loaded.agenda,
        out,
        [f"{w.line}: {w.message}" for w in imported.draft.warnings],
        [d.message for d in loaded.warnings],
    )


@pytest.fixture
def script(tmp_path: Path):  # type: ignore[no-untyped-def]
    """`script(text, name="script.txt", **options)`: import a script written on the fly."""

    def run(text: str, name: str = "script.txt", **options: Any) -> Result:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return run_import(path, **options)

    return run


def in_order(needles: list[str], haystack: str) -> list[str]:
    """The needles not found in `haystack` in this order (empty when all are)."""
    missing = []
    at = 0
    for needle in needles:
        found = haystack.find(needle, at)
        if found < 0:
            missing.append(needle)
        else:
            at = found + len(needle)
    return missing
