"""The agenda: model, loading with positions, diagnostics, and the plan. Imports no textual."""

from __future__ import annotations

from typing import TYPE_CHECKING

from podium.agenda.diagnostics import AgendaFileError, Diagnostic, Severity
from podium.agenda.model import Agenda, Cue, CueKind, Item, ItemKind, Meeting, Pos, Recipient
from podium.agenda.plan import Plan, PlannedItem, make_plan

if TYPE_CHECKING:
    from podium.agenda.loader import LoadResult

__all__ = [
    "Agenda",
    "AgendaFileError",
    "Cue",
    "CueKind",
    "Diagnostic",
    "Item",
    "ItemKind",
    "Meeting",
    "Plan",
    "PlannedItem",
    "Pos",
    "Recipient",
    "Severity",
    "load_agenda",
    "make_plan",
]


def load_agenda(path: str) -> LoadResult:
    """Load and check an agenda file; see `podium.agenda.loader.load_agenda`."""
    from podium.agenda.loader import load_agenda as _load

    return _load(path)
