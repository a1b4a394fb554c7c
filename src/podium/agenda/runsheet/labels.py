"""The run sheet's own words, in the meeting's language (Chinese for a Chinese meeting however
its tag is written, else English), through the gettext catalog."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from podium.agenda.model import CueKind, Meeting
from podium.i18n import NP_, for_language
from podium.language import podium_language


@dataclass(frozen=True, slots=True)
class Labels:
    start: str
    duration: str
    item: str
    date: str
    venue: str
    host: str
    total: str
    ends: str
    items: str
    cues: str
    estimated: str
    estimated_spoken: str
    """The legend when estimates come from measured spoken durations (`--spoken`)."""
    note: str
    speaker: str
    warn: str
    danger: str
    say: str
    idle: str
    """Template with {until}: the title of an idle gap before a fixed start."""
    late: str
    """Template with {at} and {late}: a fixed-time item planned to start late."""
    fixed: str
    """Template with {at}: the marker of an item with a fixed start."""
    colon: str
    silent: str
    """Marks an item with `speak: false`."""
    cue_kinds: dict[CueKind, str]


_WORDS: dict[str, tuple[str, str]] = {
    "start": NP_("run sheet", "Start"),
    "duration": NP_("run sheet", "Duration"),
    "item": NP_("run sheet", "Item"),
    "date": NP_("run sheet", "Date"),
    "venue": NP_("run sheet", "Venue"),
    "host": NP_("run sheet", "Host"),
    "total": NP_("run sheet", "Total"),
    "ends": NP_("run sheet", "ends"),
    "items": NP_("run sheet", "items"),
    "cues": NP_("run sheet", "cues"),
    "estimated": NP_("run sheet", "~ estimated from reading time"),
    "estimated_spoken": NP_("run sheet", "~ estimated from the measured text-to-speech time"),
    "note": NP_("run sheet", "Note"),
    "speaker": NP_("run sheet", "Speaker"),
    "warn": NP_("run sheet", "warn"),
    "danger": NP_("run sheet", "danger"),
    "say": NP_("run sheet", "say"),
    "idle": NP_("run sheet", "(idle until the fixed start at {until})"),
    "late": NP_("run sheet", "fixed at {at}, planned to start {late} late"),
    "fixed": NP_("run sheet", "at {at}"),
    # TRANSLATORS: between a label and its value ("Note: …"); Chinese uses a full-width colon
    "colon": NP_("run sheet", ": "),
    "silent": NP_("run sheet", "(not read aloud)"),
}
_CUE_KINDS: dict[CueKind, tuple[str, str]] = {
    CueKind.SCRIPT: NP_("run sheet cue", "Say"),
    CueKind.INTRO: NP_("run sheet cue", "Intro"),
    CueKind.SPEECH: NP_("run sheet cue", "Speech"),
    CueKind.CALL: NP_("run sheet cue", "Call"),
    CueKind.OUTRO: NP_("run sheet cue", "Outro"),
    CueKind.BREAK: NP_("run sheet cue", "Break"),
}


@cache
def labels_in(language: str) -> Labels:
    """The run sheet's words in podium's language for `language` (any tag)."""
    tr = for_language(language)
    words = {name: tr.pgettext(*pair) for name, pair in _WORDS.items()}
    kinds = {kind: tr.pgettext(*pair) for kind, pair in _CUE_KINDS.items()}
    return Labels(**words, cue_kinds=kinds)


def labels_for(meeting: Meeting) -> Labels:
    """Chinese labels for a Chinese meeting, English for every other language."""
    return labels_in(podium_language(meeting.language))
