"""The run sheet as CSV for spreadsheets: a header row, then one row per cue."""

from __future__ import annotations

import csv
import io

from podium.agenda.model import Cue, CueKind
from podium.agenda.plan import Plan
from podium.agenda.runsheet.spoken import SpokenSeconds, spoken_value
from podium.textsafe import printable

COLUMNS = (
    "item_id",
    "item_title",
    "item_kind",
    "start",
    "offset_s",
    "item_duration_s",
    "estimated",
    "cue",
    "cue_kind",
    "text",
    "speaker",
    "award",
    "names",
    "units",
    "say",
    "who",
)
"""`cue` is 1-based within its item; names, units and say hold one line per recipient; `who`
is the host who reads a script, intro or outro cue (two-host scripts), empty otherwise.
The column names are the format's keys: English in every language, like JSON's."""

BOM = "\ufeff"


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""What makes a spreadsheet read a cell as a formula (or hide where it starts)."""


def spreadsheet_cell(value: str) -> str:
    """A text cell as data, never a formula, never a terminal command: control characters
    (ESC, NUL, C1, bidi overrides; line feeds and tabs stay) are shown escaped as `\\x1b`,
    as `printable` does everywhere else, and a cell starting with `=`, `+`, `-`, `@`, a tab or
    a carriage return gets a leading `'` (the spreadsheet convention for "this is text"), so
    `=HYPERLINK(…)` in a name is shown, not run. Every CSV podium writes uses it."""
    value = printable(value)
    if value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def cue_fields(cue: Cue) -> list[str]:
    """The cue-specific cells: speaker, award, names, units, say."""
    if cue.kind is CueKind.SPEECH:
        return [cue.speaker or cue.text, "", "", "", ""]
    if cue.kind is CueKind.CALL:
        return [
            "",
            cue.award or "",
            "\n".join(cue.names),
            "\n".join(unit or "" for unit in cue.units) if any(cue.units) else "",
            "\n".join(cue.say) if cue.say is not None else "",
        ]
    return ["", "", "", "", ""]


def render_csv(plan: Plan, spoken: SpokenSeconds | None = None) -> str:
    """CSV text (RFC 4180: CRLF rows, quoted where needed) starting with a UTF-8 byte-order
    mark, so that spreadsheets read Chinese correctly; `spoken_s` column with `--spoken`."""
    out = io.StringIO()
    out.write(BOM)
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([*COLUMNS, "spoken_s"] if spoken is not None else COLUMNS)
    for index, planned in enumerate(plan.items):
        item = planned.item
        common = [
            item.id,
            item.title,
            str(item.kind),
            plan.start_clock(planned.offset_s) or "",
            planned.offset_s,
            planned.duration_s,
            "true" if item.estimated else "false",
        ]
        for number, cue in enumerate(item.cues, 1):
            row = [*common, number, str(cue.kind), cue.text, *cue_fields(cue), cue.who or ""]
            row = [spreadsheet_cell(cell) if isinstance(cell, str) else cell for cell in row]
            if spoken is not None:
                seconds = spoken.get((index, number - 1))
                row.append("" if seconds is None else spoken_value(seconds))
            writer.writerow(row)
    return out.getvalue()
