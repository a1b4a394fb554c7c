"""`podium validate AGENDA...`: problems on stderr, one summary line per file on stdout."""

from __future__ import annotations

import argparse
import sys

from podium.agenda.diagnostics import AgendaFileError
from podium.agenda.loader import LoadResult, load_agenda
from podium.cli import EXIT_INVALID, EXIT_OK, EXIT_USAGE, error_line
from podium.i18n import _, ngettext
from podium.textsafe import printable


def main(args: argparse.Namespace) -> int:
    """Check every file named; exit 2 if one cannot be opened, else 1 if one has an error."""
    unreadable = invalid = False
    for path in args.agendas:
        try:
            result = load_agenda(path)
        except AgendaFileError as exc:
            print(error_line(str(exc)), file=sys.stderr, flush=True)
            shown = printable(path, one_line=True)
            print(_("{path}: cannot be opened").format(path=shown), flush=True)
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
    path = printable(path, one_line=True)
    warnings = len(result.warnings)
    warned = ""
    if warnings:
        warned = ngettext(", {n} warning", ", {n} warnings", warnings).format(n=f"{warnings:,}")
    if result.agenda is None:
        errors = len(result.errors)
        text = ngettext("{path}: {n} error", "{path}: {n} errors", errors)
        return text.format(path=path, n=f"{errors:,}") + warned
    agenda = result.agenda
    items, cues = len(agenda.items), agenda.cue_count
    counted = ngettext("{n} item", "{n} items", items).format(n=f"{items:,}")
    counted += ngettext(", {n} cue", ", {n} cues", cues).format(n=f"{cues:,}")
    return _("{path}: ok, {counts}").format(path=path, counts=counted) + warned
