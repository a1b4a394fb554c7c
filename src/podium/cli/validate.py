"""`podium validate AGENDA...`: problems on stderr, one summary line per file on stdout."""

from __future__ import annotations

import argparse
import sys

from podium.agenda.diagnostics import AgendaFileError
from podium.agenda.loader import LoadResult, load_agenda
from podium.cli import EXIT_INVALID, EXIT_OK, EXIT_USAGE
from podium.textsafety import escape_controls


def main(args: argparse.Namespace) -> int:
    """Check every file named; exit 2 if one cannot be opened, else 1 if one has an error."""
    unreadable = invalid = False
    for path in args.agendas:
        try:
            result = load_agenda(path)
        except AgendaFileError as exc:
            print(f"podium: error: {escape_controls(str(exc), one_line=True)}", file=sys.stderr)
            sys.stderr.flush()
            print(f"{escape_controls(path, one_line=True)}: cannot be opened", flush=True)
            unreadable = True
            continue
        for diagnostic in result.diagnostics:
            print(diagnostic, file=sys.stderr)
        sys.stderr.flush()
        print(summary(path, result), flush=True)
        invalid = invalid or result.agenda is None
    if unreadable:
        return EXIT_USAGE
    return EXIT_INVALID if invalid else EXIT_OK


def summary(path: str, result: LoadResult) -> str:
    """`x.yaml: ok, 12 items, 57 cues` or `x.yaml: 2 errors, 1 warning`."""
    path = escape_controls(path, one_line=True)
    warnings = len(result.warnings)
    warned = f", {_count(warnings, 'warning')}" if warnings else ""
    if result.agenda is None:
        return f"{path}: {_count(len(result.errors), 'error')}{warned}"
    agenda = result.agenda
    items, cues = len(agenda.items), agenda.cue_count
    return f"{path}: ok, {_count(items, 'item')}, {_count(cues, 'cue')}{warned}"


def _count(n: int, noun: str) -> str:
    return f"{n:,} {noun}" if n == 1 else f"{n:,} {noun}s"
