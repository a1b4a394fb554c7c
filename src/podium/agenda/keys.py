"""The keys of each mapping of the format, and what to say about a key used in the wrong kind
of item. The schema (`schema.py`) is tested against these tables."""

from __future__ import annotations

from podium.agenda.model import ItemKind

TOP_KEYS = ("podium", "meeting", "names", "items")
MEETING_KEYS = (
    "title",
    "subtitle",
    "venue",
    "host",
    "date",
    "start",
    "language",
    "reading_rate",
    "voice",
)
COMMON_ITEM_KEYS = ("kind", "id", "title", "duration", "at", "notes", "speak")
GROUP_KEYS = ("award", "recipients", "recipients_csv", "call", "batch", "per_call")
KIND_KEYS: dict[ItemKind, tuple[str, ...]] = {
    ItemKind.SCRIPT: ("script",),
    ItemKind.SPEECH: ("speaker", "intro", "outro", "warn", "danger"),
    ItemKind.AWARDS: ("intro", "outro", "groups", *GROUP_KEYS),
    ItemKind.BREAK: ("script",),
}
RECIPIENT_KEYS = ("name", "unit", "say", "note")
CUE_KEYS = ("text", "who")
"""A cue written as a mapping (`{text: …, who: 女}`) in a script list or as intro/outro."""

CALL_FIELDS = frozenset(("names", "award", "count"))
"""Placeholders of a `call` filled per call-up, not from `names`."""
MEETING_FALLBACKS = ("title", "date", "venue", "host")
"""Placeholders that name the meeting's fields when `names` does not define them."""


def _kinds_using(key: str) -> tuple[str, ...]:
    return tuple(k.value for k, keys in KIND_KEYS.items() if key in keys)


OWN_KEYS = {kind: (*COMMON_ITEM_KEYS, *KIND_KEYS[kind]) for kind in ItemKind}
"""Per kind: the keys an item of that kind takes."""
ELSEWHERE = {
    kind: {
        key: (kind.value, _kinds_using(key))
        for other in ItemKind
        for key in KIND_KEYS[other]
        if key not in OWN_KEYS[kind]
    }
    for kind in ItemKind
}
"""Per kind: each other kind's key, with (this kind, the kinds that use it), for the message
saying why it is wrong there."""
ANY_ITEM_KEYS = (*COMMON_ITEM_KEYS, *{k for v in KIND_KEYS.values() for k in v})
"""Keys of an item whose kind is unknown."""
