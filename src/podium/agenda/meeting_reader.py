"""Reading `names` (the placeholder values) and `meeting` (title, start, language …)."""

from __future__ import annotations

import datetime as dt
import re

from podium.agenda.defaults import DEFAULT_LANGUAGE, default_reading_rate
from podium.agenda.durations import quoted
from podium.agenda.keys import MEETING_KEYS
from podium.agenda.model import Meeting
from podium.agenda.placeholders import is_plain_key, normal_key
from podium.agenda.values import ValueReader
from podium.agenda.yamlnodes import Node, is_null
from podium.i18n import N_, _
from podium.language import parse_language

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_LANGUAGE = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*")


def read_names(values: ValueReader, node: Node) -> None:
    """The `names` mapping into the placeholder filler (values are literal, not filled)."""
    m = values.mapping(node, N_("'names'"))
    if m is None:
        return
    names = values.fill.names
    for written, entry in m.entries.items():
        key = normal_key(written)
        if not is_plain_key(key):
            values.error(
                entry.key,
                _(
                    "'{key}' cannot be a placeholder key: use letters, digits, '_' and '-' "
                    "(not digits alone)"
                ).format(key=key),
            )
            continue
        if key != written and key in names:
            values.error(
                entry.key,
                _(
                    "key '{key}' given twice in 'names' (the same letters, composed differently)"
                ).format(key=key),
            )
            continue
        if is_null(entry.value):
            values.warn(
                entry.value,
                _("names: '{key}' is empty; looks like an unfilled name").format(key=key),
            )
            names[key] = ""
            continue
        value = values.text(entry.value, key, placeholders=False)
        if value is not None:
            names[key] = value


def read_meeting(values: ValueReader, node: Node) -> Meeting | None:
    """The meeting; its title, date, venue and host become placeholder fallbacks."""
    m = values.mapping(node, N_("'meeting'"), MEETING_KEYS)
    if m is None:
        return None
    fallbacks = values.fill.fallbacks
    date = None
    date_node = m.get("date")
    if date_node is not None:
        raw = values.scalar(date_node, "date", N_("a date such as 2026-03-12"))
        if raw is not None:
            date = _parse_date(raw)
            if date is None:
                values.error(
                    date_node,
                    _("'date': bad date {raw}: expected YYYY-MM-DD such as 2026-03-12").format(
                        raw=quoted(raw)
                    ),
                )
    if date is not None:
        fallbacks["date"] = date.isoformat()
    texts: dict[str, str | None] = {}
    texts["title"] = values.required_text(m, "title", N_("'meeting'"))
    for key in ("subtitle", "venue", "host", "voice"):
        value_node = m.get(key)
        texts[key] = None if value_node is None else values.text(value_node, key)
    for key in ("title", "venue", "host"):
        given = texts[key]
        if given:
            fallbacks[key] = given
    start_node = m.get("start")
    start = None if start_node is None else values.clock(start_node, "start")
    language = DEFAULT_LANGUAGE
    lang_node = m.get("language")
    if lang_node is not None:
        raw = values.scalar(lang_node, "language", N_("a language tag such as zh or en"))
        if raw is not None:
            if _LANGUAGE.fullmatch(raw):
                language = raw
            else:
                values.error(
                    lang_node,
                    _(
                        "'language': bad language tag {raw}: "
                        "expected a tag such as zh, zh-CN, en or en-GB"
                    ).format(raw=quoted(raw)),
                )
    cjk = parse_language(language).cjk
    rate = default_reading_rate(cjk)
    rate_node = m.get("reading_rate")
    if rate_node is not None:
        rate = values.whole(rate_node, "reading_rate", str(default_reading_rate(cjk))) or rate
    return Meeting(
        title=texts["title"] or "",
        subtitle=texts["subtitle"],
        venue=texts["venue"],
        host=texts["host"],
        date=date,
        start_s=start,
        language=language,
        reading_rate=rate,
        voice=texts["voice"],
    )


def _parse_date(raw: str) -> dt.date | None:
    if not _DATE.fullmatch(raw):
        return None
    try:
        return dt.date.fromisoformat(raw)
    except ValueError:
        return None
