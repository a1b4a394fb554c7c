"""Loading an agenda file: bytes → text → YAML nodes → checked, resolved `Agenda`, with every
problem found in one pass reported as a positioned diagnostic."""

from __future__ import annotations

import datetime as dt
import difflib
import hashlib
import math
import os
import re
from collections.abc import Collection
from dataclasses import dataclass

import yaml

from podium.agenda import csvrecipients
from podium.agenda.diagnostics import AgendaFileError, Diagnostic, Severity
from podium.agenda.durations import format_duration, parse_clock, parse_duration
from podium.agenda.encoding import FileTooLarge, Undecodable, decode_text, read_limited
from podium.agenda.estimate import estimated_item_seconds, reading_seconds
from podium.agenda.model import Agenda, Cue, CueKind, Item, ItemKind, Meeting, Pos
from podium.agenda.placeholders import (
    Field,
    Part,
    has_braces,
    is_plain_key,
    looks_masked,
    parse_template,
)
from podium.agenda.plan import schedule
from podium.agenda.roster import Roster
from podium.agenda.yamlnodes import (
    MappingNode,
    Node,
    ScalarNode,
    SequenceNode,
    compose,
    expansion_overflow,
    is_null,
    kind_name,
)

MAX_ALIAS_NODES = 100_000
MAX_CUES = 200_000
DEFAULT_PER_CALL_S = 30
DEFAULT_WARN_S = 120
DEFAULT_DANGER_S = 60
CALL_FIELDS = frozenset(("names", "award", "count"))
MEETING_FALLBACKS = ("title", "date", "venue", "host")

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

_ANCHOR = re.compile(r"(?:^|[\s\[{,:?-])&\S")
_ID = re.compile(r"[a-z0-9_-]+")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_LANGUAGE = re.compile(r"[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*")
_TRUE = frozenset(("true", "yes", "on"))
_FALSE = frozenset(("false", "no", "off"))
_MERGE_TAG = "tag:yaml.org,2002:merge"


@dataclass
class LoadResult:
    """An agenda (None when any error was found) and every problem found, sorted by place."""

    agenda: Agenda | None
    diagnostics: list[Diagnostic]

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity is Severity.WARNING]

    @property
    def ok(self) -> bool:
        return self.agenda is not None


def load_agenda(path: str) -> LoadResult:
    """Read, check and resolve the agenda at `path` (as the user wrote it).

    Raises AgendaFileError only when the file itself cannot be opened or read.
    """
    try:
        data = read_limited(path)
    except FileTooLarge as exc:
        msg = f"the file is {exc}; an agenda must be at most 16 MiB"
        return LoadResult(None, [Diagnostic(path, 1, 1, Severity.ERROR, msg)])
    except OSError as exc:
        raise AgendaFileError(f"cannot open {path}: {exc.strerror or exc}") from None
    return _AgendaReader(path, data).load()


class _Map:
    """A checked YAML mapping: its node (for 'missing key' positions) and its entries."""

    __slots__ = ("entries", "node")

    def __init__(self, node: Node, entries: dict[str, tuple[Node, Node]]) -> None:
        self.node = node
        self.entries = entries

    def get(self, key: str) -> Node | None:
        """The value node, or None when absent or null (an empty optional value means absent)."""
        pair = self.entries.get(key)
        if pair is None or is_null(pair[1]):
            return None
        return pair[1]

    def raw(self, key: str) -> Node | None:
        pair = self.entries.get(key)
        return None if pair is None else pair[1]

    def __contains__(self, key: str) -> bool:
        return self.get(key) is not None


class _TooManyCues(Exception):
    """The agenda unfolds into more cues than MAX_CUES; reading stops."""


class _AgendaReader:
    """One pass over one agenda file, collecting diagnostics as it builds the model."""

    def __init__(self, path: str, data: bytes) -> None:
        self.path = path
        self.abspath = os.path.abspath(path)
        self.base_dir = os.path.dirname(self.abspath)
        self.data = data
        self.source = ""
        self.diags: list[Diagnostic] = []
        self._seen: set[tuple[int, int, str, str]] = set()
        self.names: dict[str, str] = {}
        self.fallbacks: dict[str, str] = {}
        self.meeting = Meeting(title="")
        self.cue_total = 0
        self.id_nodes: dict[int, Node] = {}
        self.at_nodes: dict[int, Node] = {}

    # --- reporting ----------------------------------------------------------------------
    def report(self, severity: Severity, line: int, col: int, message: str) -> None:
        key = (line, col, severity.value, message)
        if key not in self._seen:  # a node shared through an alias is checked once per use
            self._seen.add(key)
            self.diags.append(Diagnostic(self.path, line, col, severity, message))

    def error(self, node: Node, message: str) -> None:
        mark = node.start_mark
        self.report(Severity.ERROR, mark.line + 1, mark.column + 1, message)

    def warn(self, node: Node, message: str) -> None:
        mark = node.start_mark
        self.report(Severity.WARNING, mark.line + 1, mark.column + 1, message)

    def error_in(self, node: Node, value: str, offset: int, snippet: str, message: str) -> None:
        """An error at `snippet`, found at `offset` of the node's (trimmed) value, in the file."""
        line, col = self._locate(node, value, offset, snippet)
        self.report(Severity.ERROR, line, col, message)

    def _locate(self, node: Node, value: str, offset: int, snippet: str) -> tuple[int, int]:
        start, end = node.start_mark, node.end_mark
        nth = value.count(snippet, 0, offset)
        idx = start.index - 1
        for _ in range(nth + 1):
            idx = self.source.find(snippet, idx + 1, end.index)
            if idx < 0:
                return start.line + 1, start.column + 1
        line = start.line + 1 + self.source.count("\n", start.index, idx)
        line_start = self.source.rfind("\n", 0, idx) + 1
        return line, idx - line_start + 1

    # --- the file -----------------------------------------------------------------------
    def load(self) -> LoadResult:
        agenda = self._load()
        if any(d.severity is Severity.ERROR for d in self.diags):
            agenda = None
        self.diags.sort(key=lambda d: (d.line, d.col))
        return LoadResult(agenda, self.diags)

    def _load(self) -> Agenda | None:
        try:
            text = decode_text(self.data)
        except Undecodable as exc:
            self.report(Severity.ERROR, exc.line, exc.col, f"cannot decode {self.path}: {exc}")
            return None
        if "\r" in text:  # CRLF, or old Mac CR: YAML reads both as line breaks
            text = text.replace("\r\n", "\n").replace("\r", "\n")
        self.source = text
        root = self._compose(text)
        if root is None:
            return None
        # An alias needs an anchor (`&name` where a value starts): without one there is
        # nothing to expand, and the walk is skipped ("R&D" or "Q & A" are no anchors).
        maybe_anchor = "&" in text and _ANCHOR.search(text) is not None
        overflow = expansion_overflow(root, MAX_ALIAS_NODES) if maybe_anchor else None
        if overflow is not None:
            self.error(
                overflow,
                f"aliases expand past {MAX_ALIAS_NODES:,} nodes (this anchor is used too "
                "often, or inside itself); refusing the document",
            )
            return None
        try:
            return self._agenda(root)
        except _TooManyCues:
            return None

    def _compose(self, text: str) -> Node | None:
        try:
            root = compose(text)
        except yaml.reader.ReaderError as exc:
            line = text.count("\n", 0, exc.position) + 1
            col = exc.position - (text.rfind("\n", 0, exc.position) + 1) + 1
            char = exc.character
            code = ord(char) if isinstance(char, str) else int(char)
            what = f"U+{code:04X}"
            self.report(Severity.ERROR, line, col, f"not valid YAML: {exc.reason} ({what})")
            return None
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            message = f"not valid YAML: {exc.problem or exc.context}"
            if exc.context and exc.problem:
                message += f" ({exc.context}"
                cmark = exc.context_mark
                if cmark is not None and mark is not None and cmark.line != mark.line:
                    message += f" at line {cmark.line + 1}"
                message += ")"
            if mark is not None and text[mark.index : mark.index + 1] == "\t":
                message += "; YAML indents with spaces, not tabs"
            line, col = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
            self.report(Severity.ERROR, line, col, message)
            return None
        except yaml.YAMLError as exc:
            self.report(Severity.ERROR, 1, 1, f"not valid YAML: {exc}")
            return None
        except RecursionError:
            self.report(Severity.ERROR, 1, 1, "not valid YAML: nested too deeply")
            return None
        if root is None or is_null(root):
            self.report(
                Severity.ERROR,
                1,
                1,
                "the file is empty; an agenda starts with 'podium: 1', 'meeting:' and 'items:'",
            )
            return None
        return root

    # --- generic readers ----------------------------------------------------------------
    def mapping(self, node: Node, what: str, keys: Collection[str] | None = None) -> _Map | None:
        """The entries of a mapping node, reporting duplicate keys (and unknown ones if
        `keys` is given); `<<` merge keys are honoured."""
        if not isinstance(node, MappingNode):
            self.error(node, f"{what} must be a mapping, not {kind_name(node)}")
            return None
        entries: dict[str, tuple[Node, Node]] = {}
        merged: dict[str, tuple[Node, Node]] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode):
                self.error(key_node, f"a key must be text, not {kind_name(key_node)}")
                continue
            key = key_node.value
            if key == "<<" and (key_node.tag == _MERGE_TAG or not key_node.style):
                self._merge(value_node, what, merged)
                continue
            first = entries.get(key)
            if first is not None:
                self.error(
                    key_node,
                    f"key '{key}' given twice in one mapping "
                    f"(first at line {first[0].start_mark.line + 1})",
                )
                continue
            entries[key] = (key_node, value_node)
        for key, pair in merged.items():
            entries.setdefault(key, pair)
        result = _Map(node, entries)
        if keys is not None:
            self.check_keys(result, keys)
        return result

    def _merge(self, value: Node, what: str, into: dict[str, tuple[Node, Node]]) -> None:
        sources = value.value if isinstance(value, SequenceNode) else [value]
        for source in sources:
            if not isinstance(source, MappingNode):
                self.error(source, "'<<' merges a mapping (or a list of mappings)")
                continue
            sub = self.mapping(source, what)
            if sub is not None:
                for key, pair in sub.entries.items():
                    into.setdefault(key, pair)

    def check_keys(
        self, m: _Map, keys: Collection[str], elsewhere: dict[str, str] | None = None
    ) -> None:
        for key, (key_node, _) in m.entries.items():
            if key in keys:
                continue
            if elsewhere and key in elsewhere:
                self.error(key_node, f"'{key}' {elsewhere[key]}")
                continue
            close = difflib.get_close_matches(key, list(keys), n=1, cutoff=0.6)
            hint = f"; did you mean '{close[0]}'?" if close else ""
            self.error(key_node, f"unknown key '{key}'{hint}")

    def required(self, m: _Map, key: str, what: str) -> Node | None:
        """The value of a required key; reports it missing (at the mapping) or empty."""
        node = m.raw(key)
        if node is None:
            self.error(m.node, f"missing required key '{key}' in {what}")
            return None
        if is_null(node):
            self.error(node, f"'{key}' is empty")
            return None
        return node

    def required_text(self, m: _Map, key: str, what: str) -> str | None:
        """A required, non-empty text."""
        node = self.required(m, key, what)
        value = None if node is None else self.text(node, key)
        if node is not None and value == "":
            self.error(node, f"'{key}' is empty")
            return None
        return value

    def scalar(self, node: Node, key: str, expected: str) -> str | None:
        """The raw text of a scalar node, or None after a wrong-type error."""
        if isinstance(node, ScalarNode):
            return str(node.value).strip()
        self.error(node, f"'{key}' must be {expected}, not {kind_name(node)}")
        return None

    def text(self, node: Node, key: str, *, placeholders: bool = True) -> str | None:
        """A text value: trimmed, checked for masked names, placeholders filled."""
        if not isinstance(node, ScalarNode):
            self.error(node, f"'{key}' must be text, not {kind_name(node)}")
            return None
        value: str = node.value.strip()
        if looks_masked(value):
            self.warn(node, f"looks like an unfilled name: {_short(value)!r}")
        if placeholders and has_braces(value):
            return self.substitute(node, value)
        return value

    def texts(self, node: Node, key: str) -> list[tuple[Node, str]] | None:
        """A text or a list of texts, each with its node."""
        if isinstance(node, SequenceNode):
            out = []
            for child in node.value:
                if is_null(child):
                    out.append((child, ""))
                    continue
                value = self.text(child, key)
                if value is not None:
                    out.append((child, value))
            return out
        value = self.text(node, key)
        return None if value is None else [(node, value)]

    def joined_text(self, node: Node | None, key: str) -> str | None:
        """A text, or a list of texts joined by line breaks."""
        if node is None:
            return None
        parts = self.texts(node, key)
        return None if parts is None else "\n".join(t for _, t in parts)

    def template(self, node: Node, value: str, dynamic: Collection[str] = ()) -> list[Part]:
        """`value` split into literal text and the `dynamic` fields left to fill later; every
        other placeholder is filled from `names` (or the meeting) or reported."""
        parts, problems = parse_template(value)
        for problem in problems:
            self.error_in(node, value, problem.offset, problem.snippet, problem.message)
        out: list[Part] = []
        for part in parts:
            if isinstance(part, str) or part.key in dynamic:
                out.append(part)
                continue
            filled = self.names.get(part.key)
            if filled is None:
                filled = self.fallbacks.get(part.key)
            if filled is None:
                self._unknown_placeholder(node, value, part)
                filled = "{" + part.key + "}"
            out.append(filled)
        return out

    def substitute(self, node: Node, value: str) -> str:
        """`value` with every placeholder filled (unknown ones reported and left as written)."""
        return "".join(
            p if isinstance(p, str) else "{" + p.key + "}" for p in self.template(node, value)
        )

    def _unknown_placeholder(self, node: Node, value: str, part: Field) -> None:
        snippet = "{" + part.key + "}"
        known = [*self.names, *self.fallbacks]
        close = difflib.get_close_matches(part.key, known, n=1, cutoff=0.5)
        if close:
            hint = f"; did you mean '{{{close[0]}}}'?"
        elif part.key in MEETING_FALLBACKS:
            hint = f": the meeting has no {part.key} and 'names' does not define it"
        else:
            hint = ": define it under 'names'"
        self.error_in(node, value, part.offset, snippet, f"unknown placeholder '{snippet}'{hint}")

    def duration(self, node: Node, key: str) -> int | None:
        raw = self.scalar(node, key, "a duration such as 2m")
        if raw is None:
            return None
        try:
            return parse_duration(raw)
        except ValueError as exc:
            self.error(node, f"'{key}': {exc}")
            return None

    def clock(self, node: Node, key: str) -> int | None:
        raw = self.scalar(node, key, "a clock time such as 09:00")
        if raw is None:
            return None
        try:
            return parse_clock(raw)
        except ValueError as exc:
            self.error(node, f"'{key}': {exc}")
            return None

    def whole(self, node: Node, key: str, example: str) -> int | None:
        """A positive whole number."""
        raw = self.scalar(node, key, f"a whole number such as {example}")
        if raw is None:
            return None
        if raw.isascii() and raw.isdigit() and int(raw) > 0:
            return int(raw)
        self.error(
            node, f"'{key}' must be a whole number above zero, such as {example}; got {raw!r}"
        )
        return None

    def boolean(self, node: Node, key: str) -> bool | None:
        raw = self.scalar(node, key, "true or false")
        if raw is None:
            return None
        if raw.lower() in _TRUE:
            return True
        if raw.lower() in _FALSE:
            return False
        self.error(node, f"'{key}' must be true or false (yes/no and on/off work too); got {raw!r}")
        return None

    # --- the agenda ---------------------------------------------------------------------
    def _agenda(self, root: Node) -> Agenda | None:
        top = self.mapping(root, "the top level of an agenda", TOP_KEYS)
        if top is None:
            return None
        version = self.required(top, "podium", "the agenda (the format version, 'podium: 1')")
        if version is not None:
            raw = self.scalar(version, "podium", "the format version 1")
            if raw is not None and raw != "1":
                self.error(
                    version, f"unsupported format version {raw!r}: this podium reads 'podium: 1'"
                )
        names_node = top.get("names")
        if names_node is not None:
            self._names(names_node)
        meeting_node = self.required(top, "meeting", "the agenda")
        if meeting_node is not None:
            self.meeting = self._meeting(meeting_node) or self.meeting
        items_node = self.required(top, "items", "the agenda")
        items = None if items_node is None else self._items(items_node)
        if items is None or meeting_node is None:
            return None
        if any(item is None for item in items):
            return None
        built = tuple(item for item in items if item is not None)
        self._check_at_times(built)
        digest = hashlib.sha256(self.data).hexdigest()
        return Agenda(self.abspath, digest, self.meeting, built, dict(self.names))

    def _names(self, node: Node) -> None:
        m = self.mapping(node, "'names'")
        if m is None:
            return
        for key, (key_node, value_node) in m.entries.items():
            if not is_plain_key(key):
                self.error(
                    key_node,
                    f"'{key}' cannot be a placeholder key: use letters, digits, '_' and '-' "
                    "(not digits alone)",
                )
                continue
            if is_null(value_node):
                self.warn(value_node, f"names: '{key}' is empty; looks like an unfilled name")
                self.names[key] = ""
                continue
            value = self.text(value_node, key, placeholders=False)
            if value is not None:
                self.names[key] = value

    def _meeting(self, node: Node) -> Meeting | None:
        m = self.mapping(node, "'meeting'", MEETING_KEYS)
        if m is None:
            return None
        date = None
        date_node = m.get("date")
        if date_node is not None:
            raw = self.scalar(date_node, "date", "a date such as 2026-03-12")
            if raw is not None:
                date = _parse_date(raw)
                if date is None:
                    self.error(
                        date_node,
                        f"'date': bad date {raw!r}: expected YYYY-MM-DD such as 2026-03-12",
                    )
        if date is not None:
            self.fallbacks["date"] = date.isoformat()
        texts: dict[str, str | None] = {}
        texts["title"] = self.required_text(m, "title", "'meeting'")
        for key in ("subtitle", "venue", "host", "voice"):
            value_node = m.get(key)
            texts[key] = None if value_node is None else self.text(value_node, key)
        for key in ("title", "venue", "host"):
            given = texts[key]
            if given:
                self.fallbacks[key] = given
        start_node = m.get("start")
        start = None if start_node is None else self.clock(start_node, "start")
        language = "en"
        lang_node = m.get("language")
        if lang_node is not None:
            raw = self.scalar(lang_node, "language", "a language tag such as zh or en")
            if raw is not None:
                if _LANGUAGE.fullmatch(raw):
                    language = raw
                else:
                    self.error(
                        lang_node,
                        f"'language': bad language tag {raw!r}: "
                        "expected a tag such as zh, zh-CN, en or en-GB",
                    )
        cjk = language.split("-")[0].split("_")[0].lower() in ("zh", "ja", "ko")
        rate = 220 if cjk else 140
        rate_node = m.get("reading_rate")
        if rate_node is not None:
            rate = self.whole(rate_node, "reading_rate", "220" if cjk else "140") or rate
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

    def _items(self, node: Node) -> list[Item | None] | None:
        if not isinstance(node, SequenceNode):
            self.error(node, f"'items' must be a list of items, not {kind_name(node)}")
            return None
        if not node.value:
            self.error(node, "'items' is empty: an agenda needs at least one item")
            return None
        items = [self._item(i, child) for i, child in enumerate(node.value)]
        self._check_ids(items)
        return items

    def _check_ids(self, items: list[Item | None]) -> None:
        first: dict[str, Node] = {}
        for item in items:
            if item is None:
                continue
            at = self.id_nodes[item.index]
            if item.id in first:
                line = first[item.id].start_mark.line + 1
                self.error(at, f"duplicate id '{item.id}' (first at line {line})")
            else:
                first[item.id] = at

    # --- items --------------------------------------------------------------------------
    def _item(self, index: int, node: Node) -> Item | None:
        what = f"item {index + 1}"
        if not isinstance(node, MappingNode):
            self.error(
                node, f"{what} must be a mapping with at least a title, not {kind_name(node)}"
            )
            return None
        m = self.mapping(node, what)
        if m is None:
            return None
        kind: ItemKind | None = ItemKind.SCRIPT
        kind_node = m.get("kind")
        if kind_node is not None:
            raw = self.scalar(kind_node, "kind", "script, speech, awards or break")
            kind = _item_kind(raw) if raw is not None else None
            if raw is not None and kind is None:
                close = difflib.get_close_matches(raw, [k.value for k in ItemKind], n=1, cutoff=0.5)
                hint = f"; did you mean '{close[0]}'?" if close else ""
                self.error(
                    kind_node, f"unknown kind {raw!r}{hint} (script, speech, awards or break)"
                )
        if kind is not None:
            self.check_keys(m, _OWN_KEYS[kind], _ELSEWHERE[kind])
        else:
            self.check_keys(m, _ANY_ITEM_KEYS)

        item_id = f"item-{index + 1}"
        id_node = m.get("id")
        self.id_nodes[index] = id_node or node
        if id_node is not None:
            raw = self.scalar(id_node, "id", "a slug such as opening")
            if raw is not None:
                if _ID.fullmatch(raw):
                    item_id = raw
                else:
                    self.error(
                        id_node,
                        f"bad id {raw!r}: an id is a slug of a-z, 0-9, '-' and '_', such as "
                        f"'{_slug_hint(raw)}'",
                    )
        title = self.required_text(m, "title", what)
        notes = self.joined_text(m.get("notes"), "notes")
        speak: bool | None = True
        speak_node = m.get("speak")
        if speak_node is not None:
            speak = self.boolean(speak_node, "speak")
        at_s = None
        at_node = m.get("at")
        if at_node is not None:
            self.at_nodes[index] = at_node
            at_s = self.clock(at_node, "at")
            if self.meeting.start_s is None and at_s is not None:
                self.error(at_node, "'at' needs the meeting's 'start' (meeting.start: 09:00)")
        duration = None
        duration_node = m.get("duration")
        if duration_node is not None:
            duration = self.duration(duration_node, "duration")
        if kind is None:
            return None

        built: tuple[tuple[Cue, ...], int, bool] | None
        warn_s = danger_s = None
        if kind is ItemKind.SCRIPT:
            built = self._script_item(m, duration, speak)
        elif kind is ItemKind.SPEECH:
            speech = self._speech_item(m, duration, what, speak)
            built = None if speech is None else speech[0]
            if speech is not None:
                warn_s, danger_s = speech[1], speech[2]
        elif kind is ItemKind.AWARDS:
            built = self._awards_item(m, duration, what, speak)
        else:
            built = self._break_item(m, duration, what, speak)
        if built is None or title is None or speak is None:
            return None
        cues, planned, estimated = built
        return Item(
            index=index,
            id=item_id,
            kind=kind,
            title=title,
            duration_s=planned,
            estimated=estimated,
            cues=cues,
            at_s=at_s,
            notes=notes,
            speak=speak,
            warn_s=warn_s,
            danger_s=danger_s,
            pos=Pos(node.start_mark.line + 1, node.start_mark.column + 1),
        )

    def count_cues(self, n: int, node: Node) -> None:
        """Add `n` cues to the total; past the limit report it and stop reading."""
        self.cue_total += n
        if self.cue_total > MAX_CUES:
            self.error(
                node,
                f"the agenda unfolds into more than {MAX_CUES:,} cues; refusing it "
                "(split the meeting into several agendas)",
            )
            raise _TooManyCues

    def _cue(self, kind: CueKind, text: str, speak: bool) -> Cue:
        """A cue read as displayed: spoken unless the item is silent (or the text is empty)."""
        return Cue(kind, text, text if speak else "")

    def _script_item(
        self, m: _Map, duration: int | None, speak: bool | None
    ) -> tuple[tuple[Cue, ...], int, bool] | None:
        script_node = m.get("script")
        if script_node is None:
            self.warn(m.node, "this item has nothing to say: it has no 'script'")
            texts: list[tuple[Node, str]] = [(m.node, "")]
        else:
            if isinstance(script_node, SequenceNode):
                self.count_cues(max(len(script_node.value), 1) - 1, script_node)
            parts = self.texts(script_node, "script")
            if parts is None:
                return None
            if parts:
                texts = parts
                for node, text in texts:
                    if not text:
                        self.warn(node, "this script text is empty: nothing to say")
            else:
                self.warn(script_node, "this item has nothing to say: 'script' is an empty list")
                texts = [(script_node, "")]
        self.count_cues(1, m.node)
        cues = tuple(self._cue(CueKind.SCRIPT, text, bool(speak)) for _, text in texts)
        if duration is None:
            return cues, estimated_item_seconds(ItemKind.SCRIPT, cues, self._reading), True
        reading = sum(self._reading(c) for c in cues)
        if script_node is not None and reading > duration * 1.1:
            unit = "characters" if self.meeting.is_cjk else "words"
            self.warn(
                script_node,
                f"the script takes about {format_duration(math.ceil(reading))} to read "
                f"(at {self.meeting.reading_rate} {unit} per minute), more than 10% over its "
                f"item's duration {format_duration(duration)}",
            )
        return cues, duration, False

    def _reading(self, cue: Cue) -> float:
        return reading_seconds(cue.text, self.meeting)

    def _optional_text(self, m: _Map, key: str) -> str | None:
        node = m.get(key)
        return None if node is None else self.text(node, key)

    def _speech_item(
        self, m: _Map, duration: int | None, what: str, speak: bool | None
    ) -> tuple[tuple[tuple[Cue, ...], int, bool], int, int] | None:
        speak_ = bool(speak)
        speaker = self.required_text(m, "speaker", f"{what} (a speech)")
        self.required(m, "duration", f"{what} (a speech's allotted time)")
        intro = self._optional_text(m, "intro")
        outro = self._optional_text(m, "outro")
        warn_node, danger_node = m.get("warn"), m.get("danger")
        warn = None if warn_node is None else self.duration(warn_node, "warn")
        danger = None if danger_node is None else self.duration(danger_node, "danger")
        ok = True
        if duration is not None:
            for key, value, node in (("warn", warn, warn_node), ("danger", danger, danger_node)):
                if value is not None and node is not None and value > duration:
                    self.error(
                        node,
                        f"'{key}' {format_duration(value)} is longer than the speech's "
                        f"duration {format_duration(duration)}",
                    )
                    ok = False
        limit = duration if duration is not None else DEFAULT_WARN_S
        warn_s = warn if warn is not None else min(DEFAULT_WARN_S, limit)
        danger_s = danger if danger is not None else min(DEFAULT_DANGER_S, warn_s, limit)
        if danger is not None and danger_node is not None and danger > warn_s and ok:
            default = "" if warn is not None else " (the default)"
            self.error(
                danger_node,
                f"'danger' {format_duration(danger)} is more than 'warn' "
                f"{format_duration(warn_s)}{default}: the timer turns to warning before danger",
            )
        if speaker is None or duration is None or (warn_node and warn is None):
            return None
        if danger_node is not None and danger is None:
            return None
        cues: list[Cue] = []
        if intro:
            cues.append(self._cue(CueKind.INTRO, intro, speak_))
        cues.append(Cue(CueKind.SPEECH, speaker, "", speaker=speaker, duration_s=duration))
        if outro:
            cues.append(self._cue(CueKind.OUTRO, outro, speak_))
        self.count_cues(len(cues), m.node)
        return (tuple(cues), duration, False), warn_s, danger_s

    def _break_item(
        self, m: _Map, duration: int | None, what: str, speak: bool | None
    ) -> tuple[tuple[Cue, ...], int, bool] | None:
        self.required(m, "duration", f"{what} (a break's length)")
        script = self.joined_text(m.get("script"), "script")
        if duration is None:
            return None
        self.count_cues(1, m.node)
        text = script or ""
        cue = Cue(CueKind.BREAK, text, text if speak else "", duration_s=duration)
        return (cue,), duration, False

    # --- awards -------------------------------------------------------------------------
    def _awards_item(
        self, m: _Map, duration: int | None, what: str, speak: bool | None
    ) -> tuple[tuple[Cue, ...], int, bool] | None:
        speak_ = bool(speak)
        intro = self._optional_text(m, "intro")
        outro = self._optional_text(m, "outro")
        default_call = m.get("call")
        batch_node, per_call_node = m.get("batch"), m.get("per_call")
        default_batch = 1 if batch_node is None else self.whole(batch_node, "batch", "3")
        default_per_call = (
            DEFAULT_PER_CALL_S
            if per_call_node is None
            else self.duration(per_call_node, "per_call")
        )
        groups_node = m.get("groups")
        group_maps: list[_Map] = []
        if groups_node is not None:
            for key in ("award", "recipients", "recipients_csv"):
                stray = m.raw(key)
                if stray is not None:
                    self.error(
                        m.entries[key][0],
                        f"'{key}' belongs inside a group when the item has 'groups'",
                    )
            if not isinstance(groups_node, SequenceNode):
                self.error(
                    groups_node, f"'groups' must be a list of groups, not {kind_name(groups_node)}"
                )
                return None
            if not groups_node.value:
                self.error(
                    groups_node, "'groups' is empty: an awards item needs at least one group"
                )
                return None
            for i, g in enumerate(groups_node.value):
                gm = self.mapping(g, f"group {i + 1}", GROUP_KEYS)
                if gm is not None:
                    group_maps.append(gm)
                else:
                    group_maps = []
                    break
            if len(group_maps) != len(groups_node.value):
                return None
        else:
            if m.raw("recipients") is None and m.raw("recipients_csv") is None:
                self.error(
                    m.node,
                    f"missing required key 'recipients' in {what} (an awards item needs "
                    "'recipients', 'recipients_csv' or 'groups')",
                )
                return None
            group_maps = [m]
        if intro is not None or outro is not None:
            self.count_cues((intro is not None) + (outro is not None), m.node)
        calls: list[Cue] = []
        ok = default_batch is not None and default_per_call is not None
        for gm in group_maps:
            group_calls = self._group(
                gm, default_call, default_batch or 1, default_per_call or 1, speak_
            )
            if group_calls is None:
                ok = False
            else:
                calls.extend(group_calls)
        if not ok:
            return None
        cues: list[Cue] = []
        if intro:
            cues.append(self._cue(CueKind.INTRO, intro, speak_))
        cues.extend(calls)
        if outro:
            cues.append(self._cue(CueKind.OUTRO, outro, speak_))
        if duration is not None:
            return tuple(cues), duration, False
        planned = estimated_item_seconds(ItemKind.AWARDS, cues, self._reading)
        return tuple(cues), planned, True

    def _group(
        self,
        g: _Map,
        default_call: Node | None,
        default_batch: int,
        default_per_call: int,
        speak: bool,
    ) -> list[Cue] | None:
        award_node = g.get("award")
        award = None if award_node is None else self.text(award_node, "award")
        batch_node, per_call_node = g.get("batch"), g.get("per_call")
        batch = default_batch if batch_node is None else self.whole(batch_node, "batch", "3")
        per_call = (
            default_per_call if per_call_node is None else self.duration(per_call_node, "per_call")
        )
        recipients = self._recipients(g, batch or 1)
        call_node = g.get("call") or default_call
        if call_node is not None:
            if not isinstance(call_node, ScalarNode):
                self.error(call_node, f"'call' must be text, not {kind_name(call_node)}")
                return None
            call_text = call_node.value.strip()
            if looks_masked(call_text):
                self.warn(call_node, f"looks like an unfilled name: {_short(call_text)!r}")
            if not call_text:
                self.warn(call_node, "this group has nothing to say: its 'call' is empty")
            template = self.template(call_node, call_text, CALL_FIELDS)
            if award is None:
                for part in template:
                    if isinstance(part, Field) and part.key == "award":
                        self.error_in(
                            call_node,
                            call_text,
                            part.offset,
                            "{award}",
                            "'{award}' in 'call', but the group has no 'award'",
                        )
        else:
            default = (
                "请{names}上台领奖。"
                if self.meeting.language.lower().startswith("zh")
                else ("Please come to the stage: {names}.")
            )
            template = parse_template(default)[0]
        if recipients is None or batch is None or per_call is None:
            return None
        return _call_ups(recipients, batch, template, award, per_call, speak, self.meeting)

    def _recipients(self, g: _Map, batch: int) -> Roster | None:
        node = g.get("recipients")
        csv_node = g.get("recipients_csv")
        if node is not None and csv_node is not None:
            self.error(csv_node, "give either 'recipients' or 'recipients_csv', not both")
            return None
        if csv_node is not None:
            return self._csv(csv_node, batch)
        if node is None:
            raw = g.raw("recipients")
            if raw is not None:
                self.error(raw, "'recipients' is empty: a group needs at least one recipient")
            else:
                self.error(g.node, "missing required key 'recipients' in the group")
            return None
        if not isinstance(node, SequenceNode):
            if isinstance(node, ScalarNode):  # a single recipient written as text
                items: list[Node] = [node]
            else:
                self.error(node, f"'recipients' must be a list, not {kind_name(node)}")
                return None
        else:
            items = node.value
        if not items:
            self.error(node, "'recipients' is empty: a group needs at least one recipient")
            return None
        self.count_cues(math.ceil(len(items) / batch), node)
        out = Roster()
        ok = True
        for child in items:
            if isinstance(child, ScalarNode):
                name = child.value.strip()
                if not name:
                    self.error(child, "a recipient's name is empty")
                    ok = False
                    continue
                if looks_masked(name):
                    self.warn(child, f"looks like an unfilled name: {_short(name)!r}")
                if has_braces(name):
                    name = self.substitute(child, name)
                out.add(name)
                continue
            r = self.mapping(child, "a recipient", RECIPIENT_KEYS)
            if r is None:
                ok = False
                continue
            name_node = self.required(r, "name", "a recipient")
            name = None if name_node is None else self.text(name_node, "name")
            if not name:
                if name_node is not None and name is not None:
                    self.error(name_node, "a recipient's name is empty")
                ok = False
                continue
            out.add(
                name,
                unit=self._optional_text(r, "unit"),
                say=self._optional_text(r, "say") or None,
                note=self._optional_text(r, "note"),
            )
        return out if ok else None

    def _csv(self, node: Node, batch: int) -> Roster | None:
        raw = self.scalar(node, "recipients_csv", "a path such as people.csv")
        if raw is None:
            return None
        try:
            rows = csvrecipients.read_recipients(os.path.join(self.base_dir, raw), raw)
        except csvrecipients.CsvProblem as exc:
            self.error(node, str(exc))
            return None
        for line, message in rows.warnings:
            self.warn(node, f"{raw} line {line}: {message}")
        self.count_cues(math.ceil(len(rows.roster) / batch), node)
        return rows.roster

    # --- whole-agenda checks ------------------------------------------------------------
    def _check_at_times(self, items: tuple[Item, ...]) -> None:
        """Warn where earlier items run past an item's fixed `at` start."""
        start = self.meeting.start_s
        if start is None:
            return
        ats = [None if item.at_s is None else item.at_s - start for item in items]
        offsets = schedule([item.duration_s for item in items], ats)
        runs_to = 0.0
        for item, offset, at in zip(items, offsets, ats, strict=True):
            if at is not None:
                node = self.at_nodes[item.index]
                if at < 0:
                    self.warn(
                        node,
                        f"'at' {_clock(item.at_s)} is before the meeting's start {_clock(start)}",
                    )
                elif runs_to > at:
                    self.warn(
                        node,
                        f"earlier items run until {_clock(start + runs_to)}, past this item's "
                        f"fixed start {_clock(item.at_s)}",
                    )
            runs_to = offset + item.duration_s


def _call_ups(
    roster: Roster,
    batch: int,
    template: list[Part],
    award: str | None,
    per_call: int,
    speak: bool,
    meeting: Meeting,
) -> list[Cue]:
    """A group's call-up cues: its recipients in batches of `batch`, the template filled."""
    separator = meeting.list_separator
    # The template as a format string: literal braces doubled, fields left for format().
    pattern = "".join(
        p.replace("{", "{{").replace("}", "}}") if isinstance(p, str) else "{" + p.key + "}"
        for p in template
    ).format
    all_names = tuple(roster.names)
    all_units = tuple(roster.units)
    all_says = tuple(roster.says) if any(roster.says) else None
    all_notes = tuple(roster.notes) if any(roster.notes) else None
    batches = math.ceil(len(all_names) / batch)
    cues: list[Cue] = []
    for number in range(1, batches + 1):
        start = (number - 1) * batch
        end = start + batch
        names = all_names[start:end]
        say = None
        if all_says is not None:
            says = all_says[start:end]
            if any(says):
                say = tuple(s or n for s, n in zip(says, names, strict=True))
        notes: tuple[str | None, ...] = ()
        if all_notes is not None:
            notes = all_notes[start:end]
            if not any(notes):
                notes = ()
        count = str(len(names))
        text = pattern(names=separator.join(names), award=award or "", count=count)
        spoken = ""
        if speak and text:
            if say is not None:
                spoken = pattern(names=separator.join(say), award=award or "", count=count)
            else:
                spoken = text
        cues.append(
            Cue(
                CueKind.CALL,
                text,
                spoken,
                names=names,
                units=all_units[start:end],
                say=say,
                notes=notes,
                award=award,
                batch=number,
                batches=batches,
                duration_s=per_call,
            )
        )
    return cues


def _item_kind(raw: str) -> ItemKind | None:
    try:
        return ItemKind(raw)
    except ValueError:
        return None


def _kinds_using(key: str) -> str:
    kinds = [k.value for k, keys in KIND_KEYS.items() if key in keys]
    return " and ".join(kinds)


# Per kind: the keys an item of that kind takes, and why each other kind's key is wrong there.
_OWN_KEYS = {kind: (*COMMON_ITEM_KEYS, *KIND_KEYS[kind]) for kind in ItemKind}
_ELSEWHERE = {
    kind: {
        key: f"is not used by a {kind.value} item (only by {_kinds_using(key)} items)"
        for other in ItemKind
        for key in KIND_KEYS[other]
        if key not in _OWN_KEYS[kind]
    }
    for kind in ItemKind
}
_ANY_ITEM_KEYS = (*COMMON_ITEM_KEYS, *{k for v in KIND_KEYS.values() for k in v})


def _slug_hint(raw: str) -> str:
    slug = re.sub(r"[^a-z0-9_-]+", "-", raw.lower()).strip("-")
    return slug or "opening"


def _parse_date(raw: str) -> dt.date | None:
    if not _DATE.fullmatch(raw):
        return None
    try:
        return dt.date.fromisoformat(raw)
    except ValueError:
        return None


def _clock(seconds: float | None) -> str:
    from podium.agenda.plan import time_of_day_text

    return time_of_day_text(seconds or 0)


def _short(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
