"""`podium report`: planned against actual from session journals, as text, markdown, csv or json.

Exit codes: 0 printed; 1 a file that is not a podium journal, journals of different agendas,
or an invalid agenda; 2 a journal or agenda that cannot be read.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import sys
import unicodedata
from collections.abc import Sequence

from podium.agenda.plan import waiting_label
from podium.agenda.runsheet.csv_sheet import spreadsheet_cell
from podium.cli import EXIT_INVALID, EXIT_OK, UsageError, error_line
from podium.engine.report import Report
from podium.engine.timefmt import rounded_text, signed_text
from podium.i18n import Translations, _, for_language
from podium.textsafe import escape_json_controls, printable

NONE = "—"


def main(args: argparse.Namespace) -> int:
    from podium.agenda.diagnostics import AgendaFileError
    from podium.agenda.loader import load_agenda
    from podium.engine.journal import JournalReadError, NotAJournalError, read_journal, shown
    from podium.engine.report import DifferentAgendasError, build_report

    journals = []
    names: list[str] = []
    seen: dict[tuple[int, int], str] = {}
    for name in args.journals:
        try:
            journal = read_journal(name)
        except JournalReadError as exc:
            raise UsageError(str(exc)) from None
        except NotAJournalError as exc:
            print(error_line(str(exc)), file=sys.stderr)
            return EXIT_INVALID
        try:
            st = os.stat(name)
            key = (st.st_dev, st.st_ino)
        except OSError:
            key = (-1, len(names))
        if key in seen:  # the same file by another name (or twice): compared with itself
            same = _("{path} is the same journal as {other}; it is reported once").format(
                path=shown(name), other=shown(seen[key])
            )
            print(f"podium: warning: {same}", file=sys.stderr)
            continue
        seen[key] = name
        names.append(name)
        journals.append(journal)

    agenda_path = args.agenda or journals[0].header.agenda
    try:
        result = load_agenda(agenda_path)
    except AgendaFileError as exc:
        if args.agenda:
            raise UsageError(str(exc)) from None
        raise UsageError(
            _("{problem} (the journal's header names it; --agenda gives another)").format(
                problem=exc
            )
        ) from None
    for diagnostic in result.diagnostics:
        if diagnostic.is_error:
            print(diagnostic, file=sys.stderr)
    if result.agenda is None:
        message = _("the agenda {path} is invalid").format(path=agenda_path)
        print(error_line(message), file=sys.stderr)
        return EXIT_INVALID

    try:
        report = build_report(
            journals, result.agenda, exclude_pauses=args.exclude_pauses, names=names
        )
    except DifferentAgendasError as exc:
        print(error_line(str(exc)), file=sys.stderr)
        return EXIT_INVALID
    for warning in report.warnings:
        print(warning, file=sys.stderr)
    from podium.cli.plan import write_out

    write_out(render(report, args.format, exclude_pauses=args.exclude_pauses))
    return EXIT_OK


def render(report: Report, fmt: str, *, exclude_pauses: bool = False) -> str:
    """The report in `fmt`: text, markdown, csv or json.

    Titles, names and file names come from files: their control characters never reach the
    output raw. Text and markdown show them as visible `\\x1b` (each table cell escaped
    before the columns are aligned, then the whole page once more); JSON writes them as
    `\\uXXXX` (the same JSON); CSV cells are escaped by `spreadsheet_cell` (controls and
    formulas), as the run sheet's are.
    """
    if fmt == "json":
        document = json.dumps(report.to_json(), ensure_ascii=False, indent=2)
        return escape_json_controls(document) + "\n"
    if fmt == "csv":
        return render_csv(report)
    if fmt == "markdown":
        return printable(render_markdown(report, exclude_pauses=exclude_pauses))
    return printable(render_text(report, exclude_pauses=exclude_pauses))


def _safe(text: str) -> str:
    """One cell or line of text from a file, shown on one line with its controls escaped."""
    return printable(text, one_line=True)


# --- shared rows ------------------------------------------------------------------------


def _tr(report: Report) -> Translations:
    """The report speaks the meeting's language."""
    return for_language(report.agenda.meeting.language)


def _session_columns(report: Report) -> list[str]:
    tr = _tr(report)
    n = len(report.sessions)
    if n == 1:
        return [tr.pgettext("report", "Actual"), "Δ"]
    actual = tr.pgettext("report", "Actual {k}")
    return [h for k in range(1, n + 1) for h in (actual.format(k=k), f"Δ {k}")]


def _table(report: Report) -> tuple[list[str], list[list[str]], list[str]]:
    """Header, item rows and the total row, every cell already written out."""
    tr = _tr(report)
    header = [
        tr.pgettext("report", "#"),
        tr.pgettext("report", "Item"),
        tr.pgettext("report", "Planned"),
        *_session_columns(report),
    ]
    rows = []
    for it in report.items:
        cells = [str(it.number), _safe(it.title), rounded_text(it.planned_s)]
        for actual, delta in zip(it.actual_s, it.delta_s, strict=True):
            cells += [_dur(actual), _signed(delta)]
        rows.append(cells)
    planned = report.planned
    if planned.waiting_s:
        # the idle time before fixed `at` times is in the planned total: a row of its own, so
        # that the total is the sum of the rows above it
        waiting = ["", waiting_label(tr), rounded_text(planned.waiting_s)]
        rows.append(waiting + [NONE, NONE] * len(report.sessions))
    total = ["", tr.pgettext("report", "Total"), rounded_text(planned.total_s)]
    for s in report.sessions:
        delta = None if s.total_s is None else s.total_s - report.planned_total_s
        total += [_dur(s.total_s), _signed(delta)]
    return header, rows, total


def _dur(seconds: float | None) -> str:
    return NONE if seconds is None else rounded_text(seconds)


def _signed(seconds: float | None) -> str:
    return NONE if seconds is None else signed_text(seconds)


def _session_lines(report: Report) -> list[str]:
    tr = _tr(report)
    lines = []
    for k, s in enumerate(report.sessions, start=1):
        if s.ended_at is None:
            if s.rehearsal:
                line = tr.gettext("{k}. rehearsal, started {started}, unfinished: {journal}")
            else:
                line = tr.gettext("{k}. meeting, started {started}, unfinished: {journal}")
        elif s.rehearsal:
            line = tr.gettext("{k}. rehearsal, started {started}, ended {ended}: {journal}")
        else:
            line = tr.gettext("{k}. meeting, started {started}, ended {ended}: {journal}")
        lines.append(
            line.format(
                k=k,
                started=_safe(_when(s.started_at)),
                ended=_safe(_when(s.ended_at)),
                journal=_safe(s.journal),
            )
        )
    return lines


def _when(iso: str | None) -> str:
    """`2026-03-12 09:00:03` from the journal's ISO time (as written, in its own offset)."""
    if iso is None:
        return "?"
    return iso[:19].replace("T", " ")


def _title(report: Report, exclude_pauses: bool) -> str:
    tr = _tr(report)
    if exclude_pauses:
        title = tr.gettext("{title}: planned against actual (pauses excluded)")
    else:
        title = tr.gettext("{title}: planned against actual")
    return title.format(title=_safe(report.agenda.meeting.title))


# --- text -------------------------------------------------------------------------------


def render_text(report: Report, *, exclude_pauses: bool = False) -> str:
    """Aligned columns for the terminal; Chinese (double-width) titles keep them aligned."""
    header, rows, total = _table(report)
    rows = [[c if i != 1 else _clip(c, 40) for i, c in enumerate(r)] for r in rows]
    table = [header, *rows, total]
    widths = [max(display_width(r[i]) for r in table) for i in range(len(header))]
    left = {1}

    def line(cells: Sequence[str]) -> str:
        out = [pad(c, widths[i], right=i not in left) for i, c in enumerate(cells)]
        return "  ".join(out).rstrip()

    out = [_title(report, exclude_pauses), ""]
    out += _session_lines(report)
    out += ["", line(header), line(["─" * w for w in widths])]
    out += [line(r) for r in rows]
    out += [line(["─" * w for w in widths]), line(total)]
    hints = report.hints()
    if hints:
        heading = _tr(report).gettext("What to change:")
        out += ["", heading] + [f"  - {_safe(h)}" for h in hints]
    return "\n".join(out) + "\n"


def display_width(text: str) -> int:
    """Terminal cells `text` takes: wide and full-width characters count two, marks zero."""
    width = 0
    for ch in text:
        if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
            continue
        width += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return width


def pad(text: str, width: int, *, right: bool = False) -> str:
    """`text` padded with spaces to `width` cells (on the left when `right`)."""
    fill = " " * max(0, width - display_width(text))
    return fill + text if right else text + fill


def _clip(text: str, width: int) -> str:
    """`text` on one line, cut to `width` cells with an ellipsis."""
    text = " ".join(text.split())
    if display_width(text) <= width:
        return text
    out = ""
    for ch in text:
        if display_width(out + ch) > width - 1:
            break
        out += ch
    return out + "…"


# --- markdown ---------------------------------------------------------------------------


def render_markdown(report: Report, *, exclude_pauses: bool = False) -> str:
    """A printable page: the sessions, the side-by-side table, and what to change."""
    header, rows, total = _table(report)
    total = [total[0], *(f"**{c}**" for c in total[1:])]

    def row(cells: Sequence[str]) -> str:
        return "| " + " | ".join(_md_cell(c) for c in cells) + " |"

    align = ["--:", ":--", *(["--:"] * (len(header) - 2))]
    out = [f"# {_md_cell(_title(report, exclude_pauses))}", ""]
    out += [_md_cell(line) for line in _session_lines(report)]
    out += ["", row(header), "| " + " | ".join(align) + " |"]
    out += [row(r) for r in rows] + [row(total)]
    hints = report.hints()
    if hints:
        heading = _tr(report).gettext("What to change")
        out += ["", f"## {heading}", ""] + [f"- {_md_cell(h)}" for h in hints]
    return "\n".join(out) + "\n"


def _md_cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


# --- csv --------------------------------------------------------------------------------


BOM = "\ufeff"
"""CSV starts with a UTF-8 byte-order mark, so that spreadsheets read Chinese correctly."""


def _csv_header(report: Report) -> list[str]:
    """Column headings in the meeting's language: `#, id, title, planned, actual, delta` (with
    the session's number when there are several)."""
    tr = _tr(report)
    head = [
        "#",
        tr.pgettext("report csv", "id"),
        tr.pgettext("report csv", "title"),
        tr.pgettext("report csv", "planned"),
    ]
    n = len(report.sessions)
    if n == 1:
        return [*head, tr.pgettext("report csv", "actual"), tr.pgettext("report csv", "delta")]
    actual, delta = tr.pgettext("report csv", "actual {k}"), tr.pgettext("report csv", "delta {k}")
    return head + [h.format(k=k) for k in range(1, n + 1) for h in (actual, delta)]


def render_csv(report: Report) -> str:
    """One row per item and a total row; durations `m:ss`, differences signed; with a BOM."""
    _, rows, total = _table(report)
    ids = [it.id for it in report.items]
    titles = [it.title for it in report.items]  # spreadsheet_cell escapes them
    ids += [""] * (len(rows) - len(ids))  # the waiting row has no id
    titles += [r[1] for r in rows[len(titles) :]]
    buf = io.StringIO()
    buf.write(BOM)
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(_csv_header(report))
    for item_id, title, r in zip(ids, titles, rows, strict=True):
        cells = [spreadsheet_cell(item_id), spreadsheet_cell(title)]
        writer.writerow([r[0], *cells, *(c if c != NONE else "" for c in r[2:])])
    writer.writerow(["", "", *(c if c != NONE else "" for c in total[1:])])
    return buf.getvalue()
