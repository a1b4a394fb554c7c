"""Loading an agenda file: bytes → text → YAML nodes → checked, resolved `Agenda`, with every
problem found in one pass reported as a positioned diagnostic.

The steps live by concept: `encoding` (reading and decoding), `yamlnodes` (composing),
`reporting` (diagnostics and their places), `values` (generic value readers), `filling`
(placeholders), `meeting_reader`, `items` and `awards` (the format's parts), `keys`,
`defaults` and `limits` (the tables they share)."""

from __future__ import annotations

import gc
import hashlib
import os
import re
from dataclasses import dataclass

from podium.agenda import limits
from podium.agenda.context import ItemContext
from podium.agenda.diagnostics import AgendaFileError, Diagnostic, Severity
from podium.agenda.durations import ascii_digits, quoted
from podium.agenda.encoding import (
    FileTooLarge,
    NotRegularFile,
    Undecodable,
    decode,
    decoding_note,
    read_limited,
)
from podium.agenda.filling import PlaceholderFiller
from podium.agenda.items import ItemsReader
from podium.agenda.keys import (
    COMMON_ITEM_KEYS,
    GROUP_KEYS,
    KIND_KEYS,
    MEETING_KEYS,
    RECIPIENT_KEYS,
    TOP_KEYS,
)
from podium.agenda.limits import CueBudget, TooManyCues
from podium.agenda.meeting_reader import read_meeting, read_names
from podium.agenda.model import Agenda, Meeting
from podium.agenda.positions import byte_to_char_index
from podium.agenda.pyyaml import yaml
from podium.agenda.reporting import Reporter
from podium.agenda.scan import scan_document
from podium.agenda.slips import FULLWIDTH_COLON, FULLWIDTH_SPACE, syntax_slip
from podium.agenda.values import ValueReader
from podium.agenda.yaml_words import yaml_words
from podium.agenda.yamlnodes import MappingNode, Node, compose, expansion_overflow, is_null
from podium.i18n import N_, _, os_error_text
from podium.textsafe import control_name

__all__ = [
    "COMMON_ITEM_KEYS",
    "GROUP_KEYS",
    "KIND_KEYS",
    "MEETING_KEYS",
    "RECIPIENT_KEYS",
    "TOP_KEYS",
    "LoadResult",
    "load_agenda",
]

_ANCHOR = re.compile(r"(?:^|[\s\[{,:?-])&\S")
_SEPARATOR = re.compile("[\x85\u2028\u2029]")


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

    The cyclic garbage collector is paused while loading: composing a large file allocates
    millions of objects that all stay alive, and collections triggered by those allocations
    scanned them again and again (4x the time of a 4 MiB agenda). The node tree has no
    cycles but those a recursive alias makes, which the collector frees once resumed.
    """
    paused = gc.isenabled()
    gc.disable()
    try:
        return _load_agenda(path)
    finally:
        if paused:
            gc.enable()


def _load_agenda(path: str) -> LoadResult:
    try:
        data = read_limited(path)
    except FileTooLarge as exc:
        msg = _("the file is {size}; an agenda must be at most 16 MiB").format(size=exc)
        return LoadResult(None, [Diagnostic(path, 1, 1, Severity.ERROR, msg)])
    except NotRegularFile:
        raise AgendaFileError(
            _("cannot open {path}: it is not a regular file").format(path=path)
        ) from None
    except OSError as exc:
        raise AgendaFileError(
            _("cannot open {path}: {problem}").format(path=path, problem=os_error_text(exc))
        ) from None
    agenda_file = _AgendaFile(path, data)
    del data  # its only reference is the file's own, dropped once decoded
    return agenda_file.load()


class _AgendaFile:
    """One pass over one agenda file: decode, compose, guard, then read the parts."""

    def __init__(self, path: str, data: bytes) -> None:
        self.path = path
        self.abspath = os.path.abspath(path)
        self.data = data
        self.digest = ""
        self.report = Reporter(path)

    def load(self) -> LoadResult:
        agenda = self._load()
        if self.report.has_errors:
            agenda = None
        return LoadResult(agenda, self.report.sorted())

    def _load(self) -> Agenda | None:
        try:
            text, encoding = decode(self.data)
        except Undecodable as exc:
            self.report.report(
                Severity.ERROR,
                exc.line,
                exc.col,
                _(
                    "cannot decode {path}: not UTF-8 (invalid byte at byte offset {offset}), "
                    "UTF-16 with a BOM, or GB18030"
                ).format(path=self.path, offset=exc.offset),
            )
            return None
        if "\r" in text:  # CRLF, or old Mac CR: YAML reads both as line breaks
            text = text.replace("\r\n", "\n").replace("\r", "\n")
        note = decoding_note(self.data, text, encoding)
        if note is not None:
            self.report.report(Severity.WARNING, note.line, note.col, note.message)
        # The bytes are needed no more: the digest now, and their memory back before composing.
        self.digest = hashlib.sha256(self.data).hexdigest()
        self.data = b""
        self.report.source = text
        root = self._compose(text)
        if root is None:
            return None
        # An alias needs an anchor (`&name` where a value starts): without one there is
        # nothing to expand, and the walk is skipped ("R&D" or "Q & A" are no anchors).
        maybe_anchor = "&" in text and _ANCHOR.search(text) is not None
        limit = limits.MAX_ALIAS_NODES
        overflow = expansion_overflow(root, limit) if maybe_anchor else None
        if overflow is not None:
            self.report.error(
                overflow,
                _(
                    "aliases expand past {limit} nodes (this anchor is used too "
                    "often, or inside itself); refusing the document"
                ).format(limit=f"{limit:,}"),
            )
            return None
        scan_document(root, text, self.report)
        try:
            return self._agenda(root)
        except TooManyCues:
            return None

    def _compose(self, text: str) -> Node | None:
        report = self.report.report
        try:
            root = compose(text)
        except yaml.reader.ReaderError as exc:
            index = byte_to_char_index(text, exc.position)
            char = exc.character
            code = ord(char) if isinstance(char, str) else int(char)
            what = f"U+{code:04X}"
            message = _("not valid YAML: {problem} ({what})").format(
                problem=_(exc.reason), what=what
            )
            self.report.report_at(Severity.ERROR, index, message)
            return None
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            problem = yaml_words(exc.problem or exc.context or "")
            message = _("not valid YAML: {problem}").format(problem=problem)
            if exc.context and exc.problem:
                cmark = exc.context_mark
                positions = self.report.positions
                context = yaml_words(exc.context)
                context_line = None
                if cmark is not None and mark is not None:
                    context_line = positions.place(cmark.index).line
                    if context_line == positions.place(mark.index).line:
                        context_line = None
                if context_line is None:
                    message = _("not valid YAML: {problem} ({context})").format(
                        problem=problem, context=context
                    )
                else:
                    message = _("not valid YAML: {problem} ({context} at line {line})").format(
                        problem=problem, context=context, line=context_line
                    )
            if mark is not None and text[mark.index : mark.index + 1] == "\t":
                message += _("; YAML indents with spaces, not tabs")
            index = 0 if mark is None else mark.index
            message += self._separator_hint(text, exc)
            slip = self._slip(text, exc)
            tabbed = message.endswith(_("; YAML indents with spaces, not tabs"))
            if slip is not None and not (text[slip[0]] == "\t" and tabbed):
                index, message = slip
            self.report.report_at(Severity.ERROR, index, message)
            return None
        except yaml.YAMLError as exc:
            report(Severity.ERROR, 1, 1, _("not valid YAML: {problem}").format(problem=exc))
            return None
        except RecursionError:
            report(Severity.ERROR, 1, 1, _("not valid YAML: nested too deeply"))
            return None
        if root is None or is_null(root):
            report(
                Severity.ERROR,
                1,
                1,
                _("the file is empty; an agenda starts with 'podium: 1', 'meeting:' and 'items:'"),
            )
            return None
        return root

    def _separator_hint(self, text: str, exc: yaml.MarkedYAMLError) -> str:
        """Why YAML saw a line break where the file has none: a raw U+2028, U+2029 or U+0085
        (a line break to YAML 1.1 and libyaml, an ordinary character to editors) before the
        error, on its line or the line before."""
        mark = exc.problem_mark
        if mark is None or not _SEPARATOR.search(text):
            return ""
        positions = self.report.positions
        line = positions.place(mark.index).line
        start = positions.line_starts()[max(0, line - 2)]
        found = _SEPARATOR.search(text, start, mark.index + 1)
        if found is None:
            return ""
        place = self.report.positions.place(found.start())
        return _("; YAML reads the {name} at line {line}, column {col} as a line break").format(
            name=control_name(found.group()), line=place.line, col=place.col
        )

    def _slip(self, text: str, exc: yaml.MarkedYAMLError) -> tuple[int, str] | None:
        """A full-width colon or a full-width space/tab in the indentation that explains a
        syntax error, on the lines from the error's context to the error."""
        if FULLWIDTH_COLON not in text and FULLWIDTH_SPACE not in text and "\t" not in text:
            return None
        positions = self.report.positions
        marks = [m for m in (exc.context_mark, exc.problem_mark) if m is not None]
        if not marks:
            return None
        lines = [positions.place(m.index).line for m in marks]
        last = max(lines)
        first = min(lines) if len(lines) > 1 else last - 1
        return syntax_slip(text, positions, first, last)

    def _agenda(self, root: Node) -> Agenda | None:
        fill = PlaceholderFiller(self.report)
        values = ValueReader(self.report, fill)
        top = values.mapping(root, N_("the top level of an agenda"), TOP_KEYS)
        if top is None:
            return None
        version = values.required(top, "podium", N_("the agenda (the format version, 'podium: 1')"))
        if version is not None:
            raw = values.scalar(version, "podium", N_("the format version 1"))
            if raw is not None and ascii_digits(raw) != "1":
                values.error(
                    version,
                    _("unsupported format version {raw}: this podium reads 'podium: 1'").format(
                        raw=quoted(raw)
                    ),
                )
        names_node = top.get("names")
        if names_node is not None:
            read_names(values, names_node)
        meeting = Meeting(title="")
        meeting_node = values.required(top, "meeting", N_("the agenda"))
        if meeting_node is not None:
            meeting = read_meeting(values, meeting_node) or meeting
        items_node = values.required(top, "items", N_("the agenda"))
        start_written = isinstance(meeting_node, MappingNode) and any(
            key.value == "start" for key, _value in meeting_node.value
        )
        ctx = ItemContext(
            values,
            meeting,
            CueBudget(self.report),
            os.path.dirname(self.abspath),
            start_written=start_written,
        )
        reader = ItemsReader(ctx)
        items = None if items_node is None else reader.items(items_node)
        if items is None or meeting_node is None:
            return None
        if any(item is None for item in items):
            return None
        built = tuple(item for item in items if item is not None)
        reader.check_at_times(built)
        reader.check_total(items_node or root, built)
        return Agenda(self.abspath, self.digest, meeting, built, dict(fill.names))
