"""Reading the values of an agenda from YAML nodes: mappings with their keys checked, texts
(trimmed, placeholders filled), durations, clock times, whole numbers and booleans. Each
reader reports what is wrong at its node and returns None."""

from __future__ import annotations

import difflib
from collections.abc import Collection
from dataclasses import dataclass

from podium.agenda.durations import ascii_digits, parse_clock, parse_duration, quoted
from podium.agenda.filling import PlaceholderFiller
from podium.agenda.keys import CUE_KEYS
from podium.agenda.placeholders import has_braces, looks_masked
from podium.agenda.reporting import Reporter
from podium.agenda.slips import (
    FULLWIDTH_COLON,
    FULLWIDTH_SPACE,
    colon_message,
    colon_slip,
    indent_message,
)
from podium.agenda.yamlnodes import (
    MappingNode,
    Node,
    ScalarNode,
    SequenceNode,
    is_null,
    kind_name,
)
from podium.i18n import N_, _, pgettext

_TRUE = frozenset(("true", "yes", "on"))
_FALSE = frozenset(("false", "no", "off"))
_MERGE_TAG = "tag:yaml.org,2002:merge"
MAX_WHOLE = 1_000_000
"""The largest whole number a key takes (`batch`, `reading_rate`)."""


@dataclass(slots=True)
class Entry:
    """One key of a mapping: the key's node (where key errors point) and the value's node."""

    key: Node
    value: Node


@dataclass(slots=True)
class TextAt:
    """A text with the node it was read from."""

    node: Node
    text: str
    who: str | None = None
    """Which host reads it, when it was written as a cue mapping `{text: …, who: …}`."""


class Mapping:
    """A checked YAML mapping: its node (for 'missing key' positions) and its entries."""

    __slots__ = ("entries", "node")

    def __init__(self, node: Node, entries: dict[str, Entry]) -> None:
        self.node = node
        self.entries = entries

    def get(self, key: str) -> Node | None:
        """The value node, or None when absent or null (an empty optional value means absent)."""
        entry = self.entries.get(key)
        if entry is None or is_null(entry.value):
            return None
        return entry.value

    def raw(self, key: str) -> Node | None:
        entry = self.entries.get(key)
        return None if entry is None else entry.value

    def __contains__(self, key: str) -> bool:
        return self.get(key) is not None


def short(text: str, limit: int = 40) -> str:
    """A text on one line, cut to `limit` characters, for quoting in a message."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class ValueReader:
    """The generic readers, reporting through `report`, filling placeholders through `fill`."""

    def __init__(self, report: Reporter, fill: PlaceholderFiller) -> None:
        self.report = report
        self.fill = fill

    def error(self, node: Node, message: str) -> None:
        self.report.error(node, message)

    def warn(self, node: Node, message: str) -> None:
        self.report.warn(node, message)

    def mapping(self, node: Node, what: str, keys: Collection[str] | None = None) -> Mapping | None:
        """The entries of a mapping node, reporting duplicate keys (and unknown ones if
        `keys` is given); `<<` merge keys are honoured."""
        if not isinstance(node, MappingNode):
            if not self.colon_slip(node):
                self.error(
                    node,
                    _("{what} must be a mapping, not {kind}").format(
                        what=_(what), kind=_(kind_name(node))
                    ),
                )
            return None
        entries: dict[str, Entry] = {}
        merged: dict[str, Entry] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                self.error(
                    key_node,
                    _("a key must be text, not {kind}").format(kind=_(kind_name(key_node))),
                )
                continue
            key = key_node.value
            if key[:1] in (FULLWIDTH_SPACE, "\t"):
                self.error(key_node, indent_message(key[0]))
                continue
            if key == "<<" and (key_node.tag == _MERGE_TAG or not key_node.style):
                self._merge(value_node, what, merged)
                continue
            first = entries.get(key)
            if first is not None:
                self.error(
                    key_node,
                    _("key '{key}' given twice in one mapping (first at line {line})").format(
                        key=short(key), line=self.report.line_of(first.key)
                    ),
                )
                continue
            entries[key] = Entry(key_node, value_node)
        for key, entry in merged.items():
            entries.setdefault(key, entry)
        result = Mapping(node, entries)
        if keys is not None:
            self.check_keys(result, keys)
        return result

    def _merge(self, value: Node, what: str, into: dict[str, Entry]) -> None:
        sources = value.value if isinstance(value, SequenceNode) else [value]
        for source in sources:
            if not isinstance(source, MappingNode):
                self.error(source, _("'<<' merges a mapping (or a list of mappings)"))
                continue
            sub = self.mapping(source, what)
            if sub is not None:
                for key, entry in sub.entries.items():
                    into.setdefault(key, entry)

    def colon_slip(self, node: Node) -> bool:
        """Report `key：value` (a full-width colon) written where a mapping belongs, at the
        colon; True when it did."""
        if not isinstance(node, ScalarNode) or node.style:
            return False
        value: str = node.value
        slip = colon_slip(value)
        if slip is None:
            return False
        self.report.error_in(node, value, slip[0], FULLWIDTH_COLON, colon_message(slip[1]))
        return True

    def check_keys(
        self,
        m: Mapping,
        keys: Collection[str],
        elsewhere: dict[str, tuple[str, tuple[str, ...]]] | None = None,
    ) -> None:
        for key, entry in m.entries.items():
            if key in keys:
                continue
            if elsewhere and key in elsewhere:
                kind, users = elsewhere[key]
                message = _("'{key}' is not used by a {kind} item (only by {kinds} items)")
                kinds = pgettext("list", " and ").join(users)
                self.error(entry.key, message.format(key=key, kind=kind, kinds=kinds))
                continue
            close = difflib.get_close_matches(key, list(keys), n=1, cutoff=0.6)
            if close:
                message = _("unknown key '{key}'; did you mean '{close}'?")
            else:
                message = _("unknown key '{key}'")
            self.error(entry.key, message.format(key=short(key), close=close[0] if close else ""))

    def required(self, m: Mapping, key: str, what: str) -> Node | None:
        """The value of a required key; reports it missing (at the mapping) or empty."""
        node = m.raw(key)
        if node is None:
            self.error(
                m.node, _("missing required key '{key}' in {what}").format(key=key, what=_(what))
            )
            return None
        if is_null(node):
            self.error(node, _("'{key}' is empty").format(key=key))
            return None
        return node

    def required_text(self, m: Mapping, key: str, what: str) -> str | None:
        """A required, non-empty text."""
        node = self.required(m, key, what)
        value = None if node is None else self.text(node, key)
        if node is not None and value == "":
            self.error(node, _("'{key}' is empty").format(key=key))
            return None
        return value

    def optional_text(self, m: Mapping, key: str) -> str | None:
        node = m.get(key)
        return None if node is None else self.text(node, key)

    def optional_cue(self, m: Mapping, key: str) -> TextAt | None:
        """An optional cue text (intro, outro): a text or a mapping `{text: …, who: …}`."""
        node = m.get(key)
        return None if node is None else self.cue(node, key)

    def cue(self, node: Node, key: str) -> TextAt | None:
        """A cue's text, written as a text or as a mapping `{text: …, who: …}`."""
        if not isinstance(node, MappingNode):
            value = self.text(node, key)
            return None if value is None else TextAt(node, value)
        m = self.mapping(node, _("a cue of '{key}'").format(key=key), CUE_KEYS)
        if m is None:
            return None
        text_node = self.required(
            m, "text", _("a cue of '{key}' (what the host reads)").format(key=key)
        )
        text = None if text_node is None else self.text(text_node, "text")
        who_node = m.get("who")
        who = None if who_node is None else self.text(who_node, "who")
        if text is None or text_node is None or (who_node is not None and who is None):
            return None
        return TextAt(text_node, text, who or None)

    def scalar(self, node: Node, key: str, expected: str) -> str | None:
        """The raw text of a scalar node, or None after a wrong-type error."""
        if isinstance(node, ScalarNode):
            return str(node.value).strip()
        self.error(
            node,
            _("'{key}' must be {expected}, not {kind}").format(
                key=key, expected=_(expected), kind=_(kind_name(node))
            ),
        )
        return None

    def text(self, node: Node, key: str, *, placeholders: bool = True) -> str | None:
        """A text value: trimmed, checked for masked names, placeholders filled."""
        if not isinstance(node, ScalarNode):
            self.error(
                node, _("'{key}' must be text, not {kind}").format(key=key, kind=_(kind_name(node)))
            )
            return None
        value: str = node.value.strip()
        if looks_masked(value):
            self.warn(node, _("looks like an unfilled name: {text!r}").format(text=short(value)))
        if placeholders and has_braces(value):
            return self.fill.substitute(node, value)
        return value

    def texts(self, node: Node, key: str, *, cues: bool = False) -> list[TextAt] | None:
        """A text or a list of texts, each with its node; with `cues`, any of them may be a
        cue mapping `{text: …, who: …}` (a script's cues)."""
        if isinstance(node, SequenceNode):
            out = []
            for child in node.value:
                if is_null(child):
                    out.append(TextAt(child, ""))
                    continue
                if cues and isinstance(child, MappingNode):
                    cue = self.cue(child, key)
                    if cue is not None:
                        out.append(cue)
                    continue
                value = self.text(child, key)
                if value is not None:
                    out.append(TextAt(child, value))
            return out
        if cues and isinstance(node, MappingNode):
            cue = self.cue(node, key)
            return None if cue is None else [cue]
        value = self.text(node, key)
        return None if value is None else [TextAt(node, value)]

    def joined_text(self, node: Node | None, key: str) -> str | None:
        """A text, or a list of texts joined by line breaks."""
        if node is None:
            return None
        parts = self.texts(node, key)
        return None if parts is None else "\n".join(t.text for t in parts)

    def duration(self, node: Node, key: str) -> int | None:
        raw = self.scalar(node, key, N_("a duration such as 2m"))
        if raw is None:
            return None
        try:
            return parse_duration(raw)
        except ValueError as exc:
            self.error(node, _("'{key}': {problem}").format(key=key, problem=exc))
            return None

    def clock(self, node: Node, key: str) -> int | None:
        raw = self.scalar(node, key, N_("a clock time such as 09:00"))
        if raw is None:
            return None
        try:
            return parse_clock(raw)
        except ValueError as exc:
            self.error(node, _("'{key}': {problem}").format(key=key, problem=exc))
            return None

    def whole(self, node: Node, key: str, example: str) -> int | None:
        """A positive whole number."""
        raw = self.scalar(node, key, _("a whole number such as {example}").format(example=example))
        if raw is None:
            return None
        digits = ascii_digits(raw)
        if digits.isascii() and digits.isdigit():
            if len(digits.lstrip("0")) > len(str(MAX_WHOLE)) or int(digits) > MAX_WHOLE:
                self.error(
                    node,
                    _("'{key}' is far too large: at most {limit}, such as {example}").format(
                        key=key, limit=f"{MAX_WHOLE:,}", example=example
                    ),
                )
                return None
            if int(digits) > 0:
                return int(digits)
        self.error(
            node,
            _("'{key}' must be a whole number above zero, such as {example}; got {raw}").format(
                key=key, example=example, raw=quoted(raw)
            ),
        )
        return None

    def boolean(self, node: Node, key: str) -> bool | None:
        raw = self.scalar(node, key, N_("true or false"))
        if raw is None:
            return None
        if raw.lower() in _TRUE:
            return True
        if raw.lower() in _FALSE:
            return False
        self.error(
            node,
            _("'{key}' must be true or false (yes/no and on/off work too); got {raw}").format(
                key=key, raw=quoted(raw)
            ),
        )
        return None
