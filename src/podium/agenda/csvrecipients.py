"""Award recipients from a CSV file named by `recipients_csv` (header row with `name`)."""

from __future__ import annotations

import csv
import io
import os
import stat
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from podium.agenda.encoding import FileTooLarge, Undecodable, decode_text, read_limited
from podium.agenda.model import Recipient
from podium.agenda.placeholders import looks_masked, may_look_masked
from podium.agenda.roster import Roster

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
    warnings: list[tuple[int, str]] = field(default_factory=list)
    """(CSV line, message) pairs, e.g. masked names."""

    @property
    def recipients(self) -> list[Recipient]:
        return self.roster.recipients


def read_recipients(path: str, shown: str) -> CsvRecipients:
    """Read recipients from the CSV at `path`; `shown` is how messages name the file."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            raise CsvProblem(f"recipients_csv {shown} is not a regular file")
        data = read_limited(path)
    except FileTooLarge as exc:
        raise CsvProblem(f"recipients_csv {shown} is {exc}; the limit is 16 MiB") from None
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
        found = ", ".join(cell.strip() for cell in header)
        raise CsvProblem(
            f"recipients_csv {shown} line {reader.line_num}: the header has no 'name' column "
            f"(found: {found})"
        )
    return {col: i for i, col in reversed(list(enumerate(columns))) if col}


def _clean(reader: Reader, index: dict[str, int], maybe_masked: bool) -> CsvRecipients | None:
    """The recipients of a file with nothing to report, or None when it needs a closer look."""
    try:
        rows = list(reader)
    except csv.Error:
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
        for row in reader:
            if not any(cell.strip() for cell in row):
                continue
            values = {col: row[i].strip() if i < len(row) else "" for col, i in index.items()}
            name = values["name"]
            if not name:
                raise CsvProblem(
                    f"recipients_csv {shown} line {reader.line_num}: the name is empty"
                )
            if looks_masked(name):
                out.warnings.append((reader.line_num, f"looks like an unfilled name: {name!r}"))
            add(
                name,
                values.get("unit") or None,
                values.get("say") or None,
                values.get("note") or None,
            )
    except csv.Error as exc:
        raise CsvProblem(f"recipients_csv {shown} line {reader.line_num}: {exc}") from None
    return out
