"""Award recipients from a CSV file named by `recipients_csv` (header row with `name`)."""

from __future__ import annotations

import csv
import io
import os
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from podium.agenda.encoding import (
    MAX_CSV_TOTAL_BYTES,
    MAX_FILE_BYTES,
    FileTooLarge,
    NotRegularFile,
    Undecodable,
    decode,
    decoding_note,
    read_limited,
    size_text,
)
from podium.agenda.model import Recipient
from podium.agenda.placeholders import looks_masked, may_look_masked
from podium.agenda.roster import Roster
from podium.i18n import _, os_error_text
from podium.textsafe import control_name, find_controls, has_controls

if TYPE_CHECKING:
    from _csv import Reader

# Header names office spreadsheets use, mapped to the format's columns.
_COLUMNS = {
    "name": "name",
    "姓名": "name",
    "名称": "name",
    "unit": "unit",
    "单位": "unit",
    "say": "say",
    "读音": "say",
    "note": "note",
    "备注": "note",
}


class CsvProblem(Exception):
    """The CSV file cannot be used; the message names the file (and line where there is one)."""


@dataclass
class CsvRecipients:
    roster: Roster
    warnings: list[tuple[str, str]] = field(default_factory=list)
    """(where, message) pairs: `line 3` or `line 3, column 2`, and e.g. a masked name."""
    size: int = 0
    """Bytes read."""

    @property
    def recipients(self) -> list[Recipient]:
        return self.roster.recipients


def resolve_inside(base_dir: str, raw: str) -> str:
    """The path of `raw` inside the agenda's folder `base_dir`; CsvProblem (one sentence) when
    it is absolute, climbs out with `..`, or leads out through a symbolic link."""
    if not raw:
        raise CsvProblem(_("recipients_csv is empty: name a CSV file in the agenda's folder"))
    if os.path.isabs(raw) or raw.startswith("~"):
        raise CsvProblem(
            _(
                "recipients_csv {path} is an absolute path: name a CSV file in the agenda's "
                "folder or below, relative to the agenda (such as people.csv)"
            ).format(path=raw)
        )
    parts = raw.replace("\\", "/").split("/")
    if ".." in parts:
        raise CsvProblem(
            _(
                "recipients_csv {path} climbs out with '..': a CSV file is read only from the "
                "agenda's folder or below"
            ).format(path=raw)
        )
    path = os.path.join(base_dir, raw)
    root = os.path.realpath(base_dir)
    real = os.path.realpath(path)
    if real != root and not real.startswith(root.rstrip(os.sep) + os.sep):
        raise CsvProblem(
            _(
                "recipients_csv {path} leads out of the agenda's folder through a symbolic link: "
                "a CSV file is read only from the agenda's folder or below"
            ).format(path=raw)
        )
    return real


def past_total_limit(shown: str) -> str:
    """The refusal of a CSV file (or one more use of it) past `MAX_CSV_TOTAL_BYTES`."""
    return _(
        "recipients_csv {path} would take this agenda's CSV files past {limit} in all; refusing it"
    ).format(path=shown, limit=size_text(MAX_CSV_TOTAL_BYTES))


def read_recipients(path: str, shown: str, limit: int = MAX_FILE_BYTES) -> CsvRecipients:
    """Read recipients from the regular file at `path` (at most `limit` bytes); `shown` is how
    messages name the file."""
    try:
        data = read_limited(path, limit)
    except FileTooLarge as exc:
        if limit < MAX_FILE_BYTES:
            raise CsvProblem(past_total_limit(shown)) from None
        raise CsvProblem(
            _("recipients_csv {path} is {size}; the limit is 16 MiB").format(path=shown, size=exc)
        ) from None
    except NotRegularFile as exc:
        raise CsvProblem(
            _("recipients_csv {path} is {what}").format(path=shown, what=exc.strerror)
        ) from None
    except IsADirectoryError:
        raise CsvProblem(
            _("recipients_csv {path} is not a regular file").format(path=shown)
        ) from None
    except OSError as exc:
        raise CsvProblem(
            _("cannot read recipients_csv {path}: {problem}").format(
                path=shown, problem=os_error_text(exc)
            )
        ) from None
    try:
        text, encoding = decode(data)
    except Undecodable as exc:
        raise CsvProblem(
            _(
                "cannot decode recipients_csv {path}: not UTF-8 (invalid byte at byte offset "
                "{offset}), UTF-16 with a BOM, or GB18030"
            ).format(path=shown, offset=exc.offset)
        ) from None
    first_line = text.split("\n", 1)[0]
    delimiter = ","
    if "," not in first_line:
        if "\t" in first_line:
            delimiter = "\t"
        elif ";" in first_line:
            delimiter = ";"
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    index = _header(reader, shown)
    # Most files are clean: read them whole, column by column. Anything unusual (a short or
    # blank row, an empty or masked name, a CSV syntax error) is read again row by row, which
    # knows each row's line for its message.
    out = _clean(reader, index, may_look_masked(text))
    if out is None:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        out = _row_by_row(reader, _header(reader, shown), shown)
    if not out.roster:
        raise CsvProblem(
            _("recipients_csv {path} has a header but no recipients").format(path=shown)
        )
    out.size = len(data)
    note = None
    if encoding == "gb18030":
        note = decoding_note(data, text.replace("\r\n", "\n").replace("\r", "\n"), encoding)
    if note is not None:
        out.warnings.insert(0, (f"line {note.line}", note.message))
    if has_controls(text):
        out.warnings[:0] = _control_warnings(text)
    return out


def _header(reader: Reader, shown: str) -> dict[str, int]:
    """Column → index (the first column of each kind), from the first non-blank row."""
    try:
        header = next(reader, None)
        while header is not None and not any(cell.strip() for cell in header):
            header = next(reader, None)
    except csv.Error as exc:
        raise CsvProblem(
            _("recipients_csv {path} line {line}: {problem}").format(
                path=shown, line=reader.line_num, problem=exc
            )
        ) from None
    if header is None:
        raise CsvProblem(
            _("recipients_csv {path} is empty; it needs a header row with 'name'").format(
                path=shown
            )
        )
    columns = [_COLUMNS.get(cell.strip().lower()) for cell in header]
    if "name" not in columns:
        raise CsvProblem(
            _("recipients_csv {path} line {line}: the header has no 'name' column").format(
                path=shown, line=reader.line_num
            )
            + _header_excerpt(header)
        )
    return {col: i for i, col in reversed(list(enumerate(columns))) if col}


def _header_excerpt(header: list[str]) -> str:
    """`(found: a, b, c)` when the row looks like a real CSV header (a few short printable
    cells), escaped and cut short; nothing otherwise, so no file's content is ever echoed."""
    cells = [cell.strip() for cell in header]
    if not 1 <= len(cells) <= 20 or any(len(c) > 32 or not c.isprintable() for c in cells):
        return _(" (the first row does not look like a header row)")
    if any(not any(ch.isalpha() for ch in c) for c in cells if c):
        return _(" (the first row does not look like a header row)")
    found = ", ".join(cells)
    if len(found) > 60:
        found = found[:59] + "…"
    return _(" (found: {found})").format(found=found)


def _clean(reader: Reader, index: dict[str, int], maybe_masked: bool) -> CsvRecipients | None:
    """The recipients of a file with nothing to report, or None when it needs a closer look."""
    before = reader.line_num
    try:
        rows = list(reader)
    except csv.Error:
        return None
    if reader.line_num - before != len(rows):  # a quoted cell runs over several lines
        return None
    if rows and min(map(len, rows)) <= max(index.values()):
        return None
    at = index["name"]
    names = [row[at].strip() for row in rows]
    if not all(names) or (maybe_masked and any(map(looks_masked, names))):
        return None

    def column(key: str) -> list[str | None]:
        i = index.get(key)
        if i is None:
            return [None] * len(rows)
        return [row[i].strip() or None for row in rows]

    return CsvRecipients(Roster(names, column("unit"), column("say"), column("note")))


def _row_by_row(reader: Reader, index: dict[str, int], shown: str) -> CsvRecipients:
    """The recipients, or the first problem with its line; blank rows are skipped."""
    out = CsvRecipients(Roster())
    add = out.roster.add
    try:
        start = reader.line_num + 1
        for row in reader:
            first, last, start = start, reader.line_num, reader.line_num + 1
            if not any(cell.strip() for cell in row):
                continue
            values = {col: row[i].strip() if i < len(row) else "" for col, i in index.items()}
            name = values["name"]
            span = last - first + 1
            if span > 2 or (span > 1 and "\n" in name):
                out.warnings.append(
                    (
                        _("line {line}").format(line=first),
                        _(
                            "one row runs over {n} lines, to line {last}: is a closing '\"' "
                            "missing? (the lines in between became part of one cell)"
                        ).format(n=span, last=last),
                    )
                )
            if not name:
                raise CsvProblem(
                    _("recipients_csv {path} line {line}: the name is empty").format(
                        path=shown, line=reader.line_num
                    )
                )
            if looks_masked(name):
                out.warnings.append(
                    (
                        _("line {line}").format(line=reader.line_num),
                        _("looks like an unfilled name: {text!r}").format(text=_excerpt(name)),
                    )
                )
            add(
                name,
                values.get("unit") or None,
                values.get("say") or None,
                values.get("note") or None,
            )
    except csv.Error as exc:
        raise CsvProblem(
            _("recipients_csv {path} line {line}: {problem}").format(
                path=shown, line=reader.line_num, problem=exc
            )
        ) from None
    return out


def _excerpt(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _control_warnings(text: str, limit: int = 100) -> list[tuple[str, str]]:
    """Where control characters stand in the file (a CRLF's CR excepted), by line and column."""
    out: list[tuple[str, str]] = []
    line, line_start, counted = 1, 0, 0
    for offset in find_controls(text):
        char = text[offset]
        if char == "\r" and text.startswith("\n", offset + 1):
            continue
        line += text.count("\n", counted, offset)
        counted = offset
        line_start = text.rfind("\n", 0, offset) + 1
        if len(out) == limit:
            out.append(
                (
                    _("line {line}").format(line=line),
                    _("more control characters follow (not listed)"),
                )
            )
            break
        out.append(
            (
                _("line {line}, column {col}").format(line=line, col=offset - line_start + 1),
                _("control character {name}; podium prints it escaped, never raw").format(
                    name=control_name(char)
                ),
            )
        )
    return out
