"""The JSON Schema (draft-07, what YAML language servers read) of the agenda format, version 1.

It helps editors complete keys and flag typos; `podium validate` stays the authority (the
schema cannot express placeholders, duplicate ids or timing rules). Editors read YAML 1.2, so
values an organiser writes unquoted (`90`, `1984`, `true`) are allowed wherever podium reads
them as text.
"""

from __future__ import annotations

from typing import Any

from podium.agenda.durations import (
    CLOCK_EXAMPLE,
    DURATION_EXAMPLE,
    HOUR_WORDS,
    MINUTE_WORDS,
    SECOND_WORDS,
    unit_words,
)

_D = "[0-9０-９]"  # full-width digits read as digits (`podium.agenda.durations`)
_H, _M, _S = unit_words(HOUR_WORDS), unit_words(MINUTE_WORDS), unit_words(SECOND_WORDS)
DURATION_PATTERN = (
    rf"^\s*(?:{_D}+|{_D}+:[0-5０-５]{_D}|{_D}+:[0-5０-５]{_D}:[0-5０-５]{_D}|"
    rf"{_D}+\s*{_H}(?:\s*{_D}+\s*{_M})?(?:\s*{_D}+\s*{_S})?|"
    rf"{_D}+\s*{_M}(?:\s*{_D}+\s*{_S})?|"
    rf"{_D}+\s*{_S})\s*$"
)
"""Any duration `podium.agenda.durations.duration_seconds` reads, built from its unit words
(whether it is in range, more than zero and at most 24 h, is left to `podium validate`)."""
CLOCK_PATTERN = r"^\s*(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?\s*$"


def _text(description: str) -> dict[str, Any]:
    return {"type": ["string", "number", "boolean"], "description": description}


def _texts(description: str) -> dict[str, Any]:
    return {
        "description": description,
        "anyOf": [
            {"type": ["string", "number", "boolean"]},
            {"type": "array", "items": {"type": ["string", "number", "boolean", "null"]}},
        ],
    }


_CUE_MAPPING: dict[str, Any] = {
    "type": "object",
    "required": ["text"],
    "additionalProperties": False,
    "properties": {
        "text": _text("what the host reads"),
        "who": _text("which host reads it (two-host scripts): shown, never read aloud"),
    },
}


def _cue(description: str) -> dict[str, Any]:
    """A cue text: a text, or a mapping `{text: …, who: 女}`."""
    return {
        "description": description,
        "anyOf": [{"type": ["string", "number", "boolean"]}, _CUE_MAPPING],
    }


def _cues(description: str) -> dict[str, Any]:
    """One cue or a list of cues, each a text or a `{text, who}` mapping."""
    return {
        "description": description,
        "anyOf": [
            {"type": ["string", "number", "boolean"]},
            _CUE_MAPPING,
            {
                "type": "array",
                "items": {
                    "anyOf": [{"type": ["string", "number", "boolean", "null"]}, _CUE_MAPPING]
                },
            },
        ],
    }


def _ref(name: str, description: str | None = None) -> dict[str, Any]:
    ref: dict[str, Any] = {"$ref": f"#/definitions/{name}"}
    return ref if description is None else {"allOf": [ref], "description": description}


_COMMON_ITEM: dict[str, Any] = {
    "kind": {
        "enum": ["script", "speech", "awards", "break"],
        "default": "script",
        "description": "script (default), speech, awards or break",
    },
    "id": {
        "type": "string",
        "pattern": "^[a-z0-9_-]+$",
        "description": "slug of a-z 0-9 - _, unique in the file; default item-N",
    },
    "title": _text("text shown in the run sheet"),
    "duration": _ref("duration", "planned duration"),
    "at": _ref("clock", "a fixed clock time this item must start at (needs meeting.start)"),
    "notes": _texts("private notes for the host: shown, never spoken"),
    "speak": {
        "description": "false keeps text-to-speech silent for this item",
        "anyOf": [
            {"type": "boolean"},
            {"enum": ["true", "false", "yes", "no", "on", "off", "True", "False", "Yes", "No"]},
        ],
    },
}

_GROUP: dict[str, Any] = {
    "award": _text("the award's name; {award} in call"),
    "recipients": {
        "type": "array",
        "minItems": 1,
        "items": _ref("recipient"),
        "description": "who is called up, in order",
    },
    "recipients_csv": {
        "type": "string",
        "description": "CSV file (relative to the agenda) with a header row holding name",
    },
    "call": _text("template of the call-up cue: {names}, {award}, {count}"),
    "batch": {"type": "integer", "minimum": 1, "description": "recipients per call-up"},
    "per_call": _ref("duration", "planned time per call-up, default 30s"),
}

_KIND_ITEM: dict[str, dict[str, Any]] = {
    "script": {
        "properties": {
            "script": _cues(
                "one text (one cue) or a list of texts (one cue each); any of them may be "
                "{text: …, who: …}"
            )
        },
        "required": [],
    },
    "speech": {
        "properties": {
            "speaker": _text("who speaks"),
            "intro": _cue("cue text before the speech (or {text: …, who: …})"),
            "outro": _cue("cue text after the speech (or {text: …, who: …})"),
            "warn": _ref("duration", "remaining time at which the timer warns, default 2m"),
            "danger": _ref("duration", "remaining time at which the timer turns red, default 1m"),
        },
        "required": ["speaker", "duration"],
    },
    "awards": {
        "properties": {
            "intro": _cue("cue text before the call-ups (or {text: …, who: …})"),
            "outro": _cue("cue text after the call-ups (or {text: …, who: …})"),
            "groups": {"type": "array", "minItems": 1, "items": _ref("group")},
            **_GROUP,
        },
        "required": [],
        "anyOf": [
            {"required": ["groups"]},
            {"required": ["recipients"]},
            {"required": ["recipients_csv"]},
        ],
    },
    "break": {
        "properties": {"script": _texts("what the host announces")},
        "required": ["duration"],
    },
}


def _kind_schema(kind: str) -> dict[str, Any]:
    spec = _KIND_ITEM[kind]
    schema: dict[str, Any] = {
        "properties": {**_COMMON_ITEM, **spec["properties"]},
        "additionalProperties": False,
        "required": ["title", *spec["required"]],
    }
    if "anyOf" in spec:
        schema["anyOf"] = spec["anyOf"]
    return schema


def agenda_schema() -> dict[str, Any]:
    """The schema as a JSON-ready dict."""
    all_item_props: dict[str, Any] = dict(_COMMON_ITEM)
    for spec in _KIND_ITEM.values():
        all_item_props.update(spec["properties"])
    kind_rules: list[dict[str, Any]] = [
        {
            "if": {"properties": {"kind": {"const": kind}}, "required": ["kind"]},
            "then": _ref(f"{kind}_item"),
        }
        for kind in _KIND_ITEM
    ]
    kind_rules.append({"if": {"not": {"required": ["kind"]}}, "then": _ref("script_item")})
    return {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "title": "podium agenda, format version 1",
        "description": "A meeting as the host runs it: items, cues, call-ups, speeches.",
        "type": "object",
        "required": ["podium", "meeting", "items"],
        "additionalProperties": False,
        "properties": {
            "podium": {"enum": [1, "1"], "description": "format version; must be 1"},
            "meeting": _ref("meeting"),
            "names": {
                "type": "object",
                "description": "placeholder key → text, used as {key} in any text",
                "additionalProperties": {"type": ["string", "number", "boolean", "null"]},
            },
            "items": {
                "type": "array",
                "minItems": 1,
                "items": _ref("item"),
                "description": "the items, in running order",
            },
        },
        "definitions": {
            "duration": {
                "description": f"a duration such as {DURATION_EXAMPLE}",
                "anyOf": [
                    {"type": "integer", "minimum": 1, "maximum": 86400},
                    {"type": "string", "pattern": DURATION_PATTERN},
                ],
            },
            "clock": {
                "description": f"a 24-hour clock time such as {CLOCK_EXAMPLE}",
                "anyOf": [
                    {"type": "string", "pattern": CLOCK_PATTERN},
                    {"type": "integer", "minimum": 0},
                ],
            },
            "meeting": {
                "type": "object",
                "required": ["title"],
                "additionalProperties": False,
                "properties": {
                    "title": _text("the meeting's title"),
                    "subtitle": _text("a subtitle"),
                    "venue": _text("where it takes place"),
                    "host": _text("who hosts it"),
                    "date": {
                        "type": "string",
                        "pattern": r"^\d{4}-\d{2}-\d{2}$",
                        "description": "YYYY-MM-DD",
                    },
                    "start": _ref("clock", "planned start, HH:MM or HH:MM:SS"),
                    "language": {
                        "type": "string",
                        "pattern": "^[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8})*$",
                        "default": "en",
                        "description": "language tag: zh, zh-CN, en, en-GB …",
                    },
                    "reading_rate": {
                        "type": "integer",
                        "minimum": 1,
                        "description": "characters (zh/ja/ko, default 220) or words (default "
                        "140) per minute",
                    },
                    "voice": _text("a text-to-speech voice id or name to prefer"),
                },
            },
            "recipient": {
                "anyOf": [
                    {"type": ["string", "number", "boolean"]},
                    {
                        "type": "object",
                        "required": ["name"],
                        "additionalProperties": False,
                        "properties": {
                            "name": _text("the name as displayed"),
                            "unit": _text("organisation or unit"),
                            "say": _text("how text-to-speech should pronounce the name"),
                            "note": _text("private note"),
                        },
                    },
                ]
            },
            "group": {
                "type": "object",
                "additionalProperties": False,
                "properties": _GROUP,
                "oneOf": [{"required": ["recipients"]}, {"required": ["recipients_csv"]}],
            },
            "item": {
                "type": "object",
                "required": ["title"],
                "properties": all_item_props,
                "allOf": kind_rules,
            },
            **{f"{kind}_item": _kind_schema(kind) for kind in _KIND_ITEM},
        },
    }
