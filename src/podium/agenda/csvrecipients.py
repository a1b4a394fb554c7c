"""Award recipients from a CSV file named by `recipients_csv` (header row with `name`)."""

from __future__ import annotations

import csv
import io
import os
import stat
from dataclasses import dataclass, field

from podium.agenda.encoding import FileTooLarge, Undecodable, decode_text, read_limited
from podium.agenda.model import Recipient
from podium.agenda.placeholders import looks_masked

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
    recipients: list[Recipient]
    warnings: list[tuple[int, str]] = field(default_factory=list)
    """(CSV line, message) pairs, e.g. masked names."""


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
    try:
        header = next(reader, None)
        while header is not None and not any(cell.strip() for cell in header):
            header = next(reader, None)
        if header is None:
            raise CsvProblem(f"recipients_csv {shown} is empty; it needs a header row with 'name'")
        columns = [_COLUMNS.get(cell.strip().lower()) for cell in header]
        if "name" not in columns:
            found = ", ".join(cell.strip() for cell in header)
            raise CsvProblem(
                f"recipients_csv {shown} line {reader.line_num}: the header has no 'name' column "
                f"(found: {found})"
            )
        index = {col: i for i, col in reversed(list(enumerate(columns))) if col}
        out = CsvRecipients([])
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
            out.recipients.append(
                Recipient(
                    name,
                    unit=values.get("unit") or None,
                    say=values.get("say") or None,
                    note=values.get("note") or None,
                )
            )
    except csv.Error as exc:
        raise CsvProblem(f"recipients_csv {shown} line {reader.line_num}: {exc}") from None
    if not out.recipients:
        raise CsvProblem(f"recipients_csv {shown} has a header but no recipients")
    return out
