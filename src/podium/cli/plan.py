"""`podium plan`: the timed run sheet of an agenda, in text, markdown, csv, json or html."""

from __future__ import annotations

import argparse
import dataclasses
import sys

from podium.agenda.model import Agenda, Cue
from podium.cli import EXIT_INVALID, EXIT_OK, UsageError
from podium.i18n import _, user_language


def parse_start(text: str) -> int:
    """`--start HH:MM[:SS]` as seconds after midnight; a UsageError when it is not a clock time."""
    from podium.agenda.durations import CLOCK_EXAMPLE, parse_clock

    try:
        return parse_clock(text)
    except ValueError:
        raise UsageError(
            _("--start: bad clock time {time!r}: expected a 24-hour time such as {example}").format(
                time=text, example=_(CLOCK_EXAMPLE)
            )
        ) from None


def main(args: argparse.Namespace) -> int:
    from podium.agenda.diagnostics import AgendaFileError
    from podium.agenda.loader import load_agenda
    from podium.agenda.plan import make_plan
    from podium.agenda.runsheet import render

    start_s = parse_start(args.start) if args.start is not None else None
    try:
        result = load_agenda(args.agenda)
    except AgendaFileError as exc:
        raise UsageError(str(exc)) from None
    for diagnostic in result.diagnostics:
        print(diagnostic, file=sys.stderr)
    if result.agenda is None:
        return EXIT_INVALID
    agenda = result.agenda
    spoken = None
    if args.spoken:
        # (SIGTERM/SIGHUP interrupt like Ctrl+C: podium.cli.main; the speech files go too)
        agenda, spoken = with_spoken_durations(agenda)
    write_out(safe_sheet(render(make_plan(agenda, start_s), args.format, spoken), args.format))
    return EXIT_OK


def with_spoken_durations(agenda: Agenda) -> tuple[Agenda, dict[tuple[int, int], float]]:
    """Measure every cue read aloud with text-to-speech; estimated items are re-planned from the
    measured times (cues not read aloud keep their reading-time estimate)."""
    from podium.agenda.estimate import estimated_item_seconds, reading_seconds
    from podium.tts import SpeechUnavailable, spoken_durations
    from podium.tts.errors import TooMuchSpeech

    keys = [
        (i, n)
        for i, item in enumerate(agenda.items)
        for n, cue in enumerate(item.cues)
        if cue.spoken
    ]
    texts = [agenda.items[i].cues[n].spoken for i, n in keys]
    meeting = agenda.meeting
    try:
        seconds = spoken_durations(texts, language=meeting.language, voice=meeting.voice)
    except SpeechUnavailable as exc:
        raise UsageError(
            _("--spoken needs text-to-speech: {reason}").format(reason=exc.text(user_language()))
        ) from None
    except TooMuchSpeech as exc:
        raise UsageError(
            _(
                "--spoken reads at most {limit} characters aloud and this agenda has {count}; "
                "without --spoken the plan uses reading-time estimates"
            ).format(limit=f"{exc.limit:,}", count=f"{exc.count:,}")
        ) from None
    spoken = dict(zip(keys, seconds, strict=True))

    items = []
    for i, item in enumerate(agenda.items):
        if not item.estimated:
            items.append(item)
            continue
        measured = {id(cue): spoken[i, n] for n, cue in enumerate(item.cues) if (i, n) in spoken}

        def cue_seconds(cue: Cue, measured: dict[int, float] = measured) -> float:
            return measured.get(id(cue), reading_seconds(cue.text, meeting))

        duration = estimated_item_seconds(item.kind, item.cues, cue_seconds)
        items.append(dataclasses.replace(item, duration_s=max(1, duration)))
    return dataclasses.replace(agenda, items=tuple(items)), spoken


def safe_sheet(sheet: str, fmt: str) -> str:
    """The run sheet with control characters from the agenda escaped, never printed raw: in
    JSON as `\\uXXXX` (the same JSON), in the other formats as visible `\\x1b` text. CSV cells
    are escaped (controls and formulas) by the sheet itself, cell by cell."""
    from podium.textsafe import escape_json_controls, printable

    if fmt == "json":
        return escape_json_controls(sheet)
    if fmt == "csv":
        return sheet
    return printable(sheet)


def write_out(text: str) -> None:
    """Write the run sheet as UTF-8 whatever the locale says (files, pipes and terminals alike)."""
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:
        sys.stdout.write(text)
        return
    sys.stdout.flush()
    buffer.write(text.encode("utf-8"))
    buffer.flush()
