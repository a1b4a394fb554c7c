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
    decode_text,
    decoding_note,
    read_limited,
    size_text,
)
from podium.agenda.model import Recipient
from podium.agenda.placeholders import looks_masked, may_look_masked
from podium.agenda.roster import Roster
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
        raise CsvProblem("recipients_csv is empty: name a CSV file in the agenda's folder")
    if os.path.isabs(raw) or raw.startswith("~"):
        raise CsvProblem(
            f"recipients_csv {raw} is an absolute path: name a CSV file in the agenda's "
            "folder or below, relative to the agenda (such as people.csv)"
        )
    parts = raw.replace("\\", "/").split("/")
    if ".." in parts:
        raise CsvProblem(
            f"recipients_csv {raw} climbs out with '..': a CSV file is read only from the "
            "agenda's folder or below"
        )
    path = os.path.join(base_dir, raw)
    root = os.path.realpath(base_dir)
    real = os.path.realpath(path)
    if real != root and not real.startswith(root.rstrip(os.sep) + os.sep):
        raise CsvProblem(
            f"recipients_csv {raw} leads out of the agenda's folder through a symbolic link: "
            "a CSV file is read only from the agenda's folder or below"
        )
    return real


def read_recipients(path: str, shown: str, limit: int = MAX_FILE_BYTES) -> CsvRecipients:
    """Read recipients from the regular file at `path` (at most `limit` bytes); `shown` is how
    messages name the file."""
    try:
        data = read_limited(path, limit)
    except FileTooLarge as exc:
        if limit < MAX_FILE_BYTES:
            raise CsvProblem(
                f"recipients_csv {shown} would take this agenda's CSV files past "
                f"{size_text(MAX_CSV_TOTAL_BYTES)} in all; refusing it"
            ) from None
        raise CsvProblem(f"recipients_csv {shown} is {exc}; the limit is 16 MiB") from None
    except NotRegularFile as exc:
        raise CsvProblem(f"recipients_csv {shown} is {exc.strerror}") from None
    except IsADirectoryError:
        raise CsvProblem(f"recipients_csv {shown} is not a regular file") from None
    except OSError as exc:
        raise CsvProblem(f"cannot read recipients_csv {shown}: {exc.strerror or exc}") from None
    try:
        text = decode_text(data)
    except Undecodable as exc:
        raise CsvProblem(f"cannot decode recipients_csv {shown}: {exc}") from None
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
        raise CsvProblem(f"recipients_csv {shown} has a header but no recipients")
    out.size = len(data)
    note = decoding_note(data, text.replace("\r\n", "\n").replace("\r", "\n"))
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
        raise CsvProblem(f"recipients_csv {shown} line {reader.line_num}: {exc}") from None
    if header is None:
        raise CsvProblem(f"recipients_csv {shown} is empty; it needs a header row with 'name'")
    columns = [_COLUMNS.get(cell.strip().lower()) for cell in header]
    if "name" not in columns:
        raise CsvProblem(
            f"recipients_csv {shown} line {reader.line_num}: the header has no 'name' column"
            + _header_excerpt(header)
        )
    return {col: i for i, col in reversed(list(enumerate(columns))) if col}


def _header_excerpt(header: list[str]) -> str:
    """`(found: a, b, c)` when the row looks like a real CSV header (a few short printable
    cells), escaped and cut short; nothing otherwise, so no file's content is ever echoed."""
    cells = [cell.strip() for cell in header]
    if not 1 <= len(cells) <= 20 or any(len(c) > 32 or not c.isprintable() for c in cells):
        return " (the first row does not look like a header row)"
    if any(not any(ch.isalpha() for ch in c) for c in cells if c):
        return " (the first row does not look like a header row)"
    found = ", ".join(cells)
    if len(found) > 60:
        found = found[:59] + "…"
    return f" (found: {found})"


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
                        f"line {first}",
                        f"one row runs over {span} lines, to line {last}: is a closing '\"' "
                        "missing? (the lines in between became part of one cell)",
                    )
                )
            if not name:
                raise CsvProblem(
                    f"recipients_csv {shown} line {reader.line_num}: the name is empty"
                )
            if looks_masked(name):
                out.warnings.append(
                    (f"line {reader.line_num}", f"looks like an unfilled name: {_excerpt(name)!r}")
                )
            add(
                name,
                values.get("unit") or None,
                values.get("say") or None,
                values.get("note") or None,
            )
    except csv.Error as exc:
        raise CsvProblem(f"recipients_csv {shown} line {reader.line_num}: {exc}") from None
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
            out.append((f"line {line}", "more control characters follow (not listed)"))
            break
        out.append(
            (
                f"line {line}, column {offset - line_start + 1}",
                f"control character {control_name(char)}; podium prints it escaped, never raw",
            )
        )
    return out
