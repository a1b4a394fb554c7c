"""A group's recipients as parallel columns, which call-ups slice into batches without building
an object per name (a commencement has tens of thousands of them)."""

from __future__ import annotations

from dataclasses import dataclass, field

from podium.agenda.model import Recipient


@dataclass(slots=True)
class Roster:
    """Recipients in order: `names[i]`, `units[i]`, `says[i]` and `notes[i]` are one person."""

    names: list[str] = field(default_factory=list)
    units: list[str | None] = field(default_factory=list)
    says: list[str | None] = field(default_factory=list)
    notes: list[str | None] = field(default_factory=list)

    def add(
        self, name: str, unit: str | None = None, say: str | None = None, note: str | None = None
    ) -> None:
        self.names.append(name)
        self.units.append(unit)
        self.says.append(say)
        self.notes.append(note)

    def __len__(self) -> int:
        return len(self.names)

    @property
    def recipients(self) -> list[Recipient]:
        """The same people as model objects."""
        return [
            Recipient(name, unit=unit, say=say, note=note)
            for name, unit, say, note in zip(
                self.names, self.units, self.says, self.notes, strict=True
            )
        ]
