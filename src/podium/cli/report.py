"""`podium report`: planned against actual from session journals, as text, markdown, csv or json.

Exit codes: 0 printed; 1 a file that is not a podium journal, journals of different agendas,
or an invalid agenda; 2 a journal or agenda that cannot be read.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import sys
import unicodedata
from collections.abc import Sequence

from podium.cli import EXIT_INVALID, EXIT_OK, UsageError
from podium.engine.report import Report
from podium.engine.timefmt import rounded_text, signed_text

NONE = "—"


def main(args: argparse.Namespace) -> int:
    from podium.agenda.diagnostics import AgendaFileError
    from podium.agenda.loader import load_agenda
    from podium.engine.journal import JournalReadError, NotAJournalError, read_journal
    from podium.engine.report import DifferentAgendasError, build_report

    journals = []
    for name in args.journals:
        try:
            journal = read_journal(name)
        except JournalReadError as exc:
            raise UsageError(str(exc)) from None
        except NotAJournalError as exc:
            print(f"podium: error: {exc}", file=sys.stderr)
            return EXIT_INVALID
        for warning in journal.warnings:
            print(warning, file=sys.stderr)
        journals.append(journal)

    agenda_path = args.agenda or journals[0].header.agenda
    try:
        result = load_agenda(agenda_path)
    except AgendaFileError as exc:
        hint = "" if args.agenda else " (the journal's header names it; --agenda gives another)"
        raise UsageError(f"{exc}{hint}") from None
    for diagnostic in result.diagnostics:
        if diagnostic.is_error:
            print(diagnostic, file=sys.stderr)
    if result.agenda is None:
        print(f"podium: error: the agenda {agenda_path} is invalid", file=sys.stderr)
        return EXIT_INVALID

    try:
        report = build_report(
            journals, result.agenda, exclude_pauses=args.exclude_pauses, names=args.journals
        )
    except DifferentAgendasError as exc:
        print(f"podium: error: {exc}", file=sys.stderr)
        return EXIT_INVALID
    for warning in report.warnings:
        print(warning, file=sys.stderr)
    sys.stdout.write(render(report, args.format, exclude_pauses=args.exclude_pauses))
    sys.stdout.flush()
    return EXIT_OK


def render(report: Report, fmt: str, *, exclude_pauses: bool = False) -> str:
    """The report in `fmt`: text, markdown, csv or json."""
    if fmt == "json":
        return json.dumps(report.to_json(), ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        return render_csv(report)
    if fmt == "markdown":
        return render_markdown(report, exclude_pauses=exclude_pauses)
    return render_text(report, exclude_pauses=exclude_pauses)


# --- shared rows ------------------------------------------------------------------------


def _session_columns(report: Report) -> list[str]:
    n = len(report.sessions)
    if n == 1:
        return ["Actual", "Δ"]
    return [h for k in range(1, n + 1) for h in (f"Actual {k}", f"Δ {k}")]


def _table(report: Report) -> tuple[list[str], list[list[str]], list[str]]:
    """Header, item rows and the total row, every cell already written out."""
    header = ["#", "Item", "Planned", *_session_columns(report)]
    rows = []
    for it in report.items:
        cells = [str(it.number), it.title, rounded_text(it.planned_s)]
        for actual, delta in zip(it.actual_s, it.delta_s, strict=True):
            cells += [_dur(actual), _signed(delta)]
        rows.append(cells)
    total = ["", "Total", rounded_text(report.planned_total_s)]
    for s in report.sessions:
        delta = None if s.total_s is None else s.total_s - report.planned_total_s
        total += [_dur(s.total_s), _signed(delta)]
    return header, rows, total


def _dur(seconds: float | None) -> str:
    return NONE if seconds is None else rounded_text(seconds)


def _signed(seconds: float | None) -> str:
    return NONE if seconds is None else signed_text(seconds)


def _session_lines(report: Report) -> list[str]:
    lines = []
    for k, s in enumerate(report.sessions, start=1):
        kind = "rehearsal" if s.rehearsal else "meeting"
        started = _when(s.started_at)
        ended = "unfinished" if s.ended_at is None else f"ended {_when(s.ended_at)}"
        lines.append(f"{k}. {kind}, started {started}, {ended}: {s.journal}")
    return lines


def _when(iso: str | None) -> str:
    """`2026-03-12 09:00:03` from the journal's ISO time (as written, in its own offset)."""
    if iso is None:
        return "?"
    return iso[:19].replace("T", " ")


def _title(report: Report, exclude_pauses: bool) -> str:
    pauses = " (pauses excluded)" if exclude_pauses else ""
    return f"{report.agenda.meeting.title}: planned against actual{pauses}"


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
        out += ["", "What to change:"] + [f"  - {h}" for h in hints]
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
    total = [total[0], "**Total**", *(f"**{c}**" for c in total[2:])]

    def row(cells: Sequence[str]) -> str:
        return "| " + " | ".join(_md_cell(c) for c in cells) + " |"

    align = ["--:", ":--", *(["--:"] * (len(header) - 2))]
    out = [f"# {_md_cell(_title(report, exclude_pauses))}", ""]
    out += [_md_cell(line) for line in _session_lines(report)]
    out += ["", row(header), "| " + " | ".join(align) + " |"]
    out += [row(r) for r in rows] + [row(total)]
    hints = report.hints()
    if hints:
        out += ["", "## What to change", ""] + [f"- {_md_cell(h)}" for h in hints]
    return "\n".join(out) + "\n"


def _md_cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


# --- csv --------------------------------------------------------------------------------


def render_csv(report: Report) -> str:
    """One row per item and a total row; durations `m:ss`, differences signed."""
    header, rows, total = _table(report)
    ids = [it.id for it in report.items]
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    sessions = [h.replace("Δ", "delta").lower() for h in header[3:]]
    writer.writerow(["#", "id", "title", "planned", *sessions])
    for item_id, r in zip(ids, rows, strict=True):
        writer.writerow([r[0], item_id, *(c if c != NONE else "" for c in r[1:])])
    writer.writerow(["", "", *(c if c != NONE else "" for c in total[1:])])
    return buf.getvalue()
