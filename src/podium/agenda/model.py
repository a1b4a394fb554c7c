"""The agenda as podium runs it: a meeting, its items, and the cues each item unfolds into.

Everything here is immutable and already resolved: placeholders are filled, durations are
whole seconds, defaults are applied. The loader (`podium.agenda.loader`) builds it from YAML;
the plan, the engine, the screen and text-to-speech only ever read it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum

from podium.language import Language, parse_language


class ItemKind(StrEnum):
    SCRIPT = "script"
    SPEECH = "speech"
    AWARDS = "awards"
    BREAK = "break"


class CueKind(StrEnum):
    SCRIPT = "script"
    INTRO = "intro"
    SPEECH = "speech"
    CALL = "call"
    OUTRO = "outro"
    BREAK = "break"


@dataclass(frozen=True, slots=True)
class Pos:
    """A place in the agenda file, 1-based like editors and compilers show it."""

    line: int
    col: int


@dataclass(frozen=True, slots=True)
class Recipient:
    name: str
    unit: str | None = None
    say: str | None = None
    """How text-to-speech should pronounce the name; None means as written."""
    note: str | None = None


@dataclass(frozen=True, slots=True)
class Cue:
    """One step the host advances through with one press.

    `text` is what the host reads, as displayed (placeholders filled). For a speech cue it is
    the speaker; for a break it is the announcement (may be empty). `spoken` is what
    text-to-speech reads: the same text with `say` pronunciations substituted for names, or
    "" when the cue is not read aloud (the item has `speak: false`, or there is nothing to say).
    """

    kind: CueKind
    text: str
    spoken: str = ""
    # call-ups
    names: tuple[str, ...] = ()
    units: tuple[str | None, ...] = ()
    say: tuple[str, ...] | None = None
    """Parallel to `names` when any recipient of the batch has a `say`; else None."""
    notes: tuple[str | None, ...] = ()
    """Private notes parallel to `names` (shown to the host, never spoken); () when none."""
    award: str | None = None
    batch: int = 0
    """1-based number of this call-up within its group (0 for other cues)."""
    batches: int = 0
    """How many call-ups its group has (0 for other cues)."""
    # speeches and breaks
    speaker: str | None = None
    duration_s: int | None = None
    """A speech's allotted time, a break's length, or a call-up's planned time (`per_call`);
    None for script, intro and outro cues. (The plan's JSON shows it for speeches only.)"""
    who: str | None = None
    """Which host reads the cue (`{text: …, who: 女}` in two-host scripts): shown before the
    text, printed in the plan, never read aloud; None when the agenda does not say."""


@dataclass(frozen=True, slots=True)
class Item:
    index: int
    """0-based position in the running order."""
    id: str
    kind: ItemKind
    title: str
    duration_s: int
    """Planned duration: given, or computed (then `estimated` is True), whole seconds."""
    estimated: bool
    cues: tuple[Cue, ...]
    at_s: int | None = None
    """Fixed clock time this item must start at, seconds after midnight."""
    notes: str | None = None
    speak: bool = True
    warn_s: int | None = None
    """Speech only: remaining time at which the timer turns to the warning colour."""
    danger_s: int | None = None
    """Speech only: remaining time at which the timer turns to the danger colour."""
    pos: Pos = field(default=Pos(1, 1), compare=False)


@dataclass(frozen=True, slots=True)
class Meeting:
    title: str
    subtitle: str | None = None
    venue: str | None = None
    host: str | None = None
    date: dt.date | None = None
    start_s: int | None = None
    """Planned start, seconds after midnight."""
    language: str = "en"
    reading_rate: int = 140
    """Characters per minute for zh/ja/ko, words per minute otherwise (defaults applied)."""
    voice: str | None = None

    @property
    def lang(self) -> Language:
        """What the `language` tag says (`zh_CN`, `zh-Hans` and `zh-TW` are all Chinese)."""
        return parse_language(self.language)

    @property
    def is_cjk(self) -> bool:
        return self.lang.cjk

    @property
    def list_separator(self) -> str:
        return self.lang.list_separator


@dataclass(frozen=True, slots=True)
class Agenda:
    path: str
    """Absolute path of the file it was loaded from."""
    sha256: str
    """Hex digest of the file's bytes, as journals record it."""
    meeting: Meeting
    items: tuple[Item, ...]
    names: dict[str, str] = field(default_factory=dict)

    def item_by_id(self, item_id: str) -> Item | None:
        for item in self.items:
            if item.id == item_id:
                return item
        return None

    @property
    def cue_count(self) -> int:
        return sum(len(item.cues) for item in self.items)
