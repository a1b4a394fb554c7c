"""What the item readers share while one agenda is read, and what they hand back."""

from __future__ import annotations

from dataclasses import dataclass

from podium.agenda.estimate import reading_seconds
from podium.agenda.limits import CueBudget
from podium.agenda.model import Cue, CueKind, Meeting
from podium.agenda.values import ValueReader


@dataclass(frozen=True, slots=True)
class ItemBody:
    """What one kind's reader builds of an item: its cues and planned duration."""

    cues: tuple[Cue, ...]
    duration_s: int
    estimated: bool
    """The duration is computed (reading time, call-ups), not given."""
    warn_s: int | None = None
    """Speech only: the warning threshold, defaults applied."""
    danger_s: int | None = None
    """Speech only: the danger threshold, defaults applied."""


@dataclass(frozen=True, slots=True)
class ItemContext:
    """The state every item reader uses: the value readers, the meeting (already read), the
    cue budget, and the folder `recipients_csv` paths are relative to."""

    values: ValueReader
    meeting: Meeting
    budget: CueBudget
    base_dir: str
    start_written: bool = False
    """`meeting.start` is in the file (maybe wrong: then `meeting.start_s` is None, and an
    `at` is not told that it needs a start: the start's own error says what is wrong)."""

    def reading(self, cue: Cue) -> float:
        """Estimated reading time of a cue at the meeting's rate."""
        return reading_seconds(cue.text, self.meeting)


def text_cue(kind: CueKind, text: str, speak: bool, who: str | None = None) -> Cue:
    """A cue read as displayed: spoken unless the item is silent (or the text is empty).
    `who` (the host who reads it) is shown, never spoken."""
    return Cue(kind, text, text if speak else "", who=who)
