"""Property tests of the journal readers with hostile lines (issue 15).

A journal is written by podium, but a crash, a disk, an editor or another program may have
been at it since. Whatever its lines hold (arbitrary Unicode with control characters, line
and paragraph separators, combining marks and markup brackets; NaN and Infinity; huge
numbers; deep nesting; a byte-order mark; absurd, naive or out-of-order times; a torn last
line), every reader of it (the streaming reader, `report`, resume, finding the newest
unfinished session) either works or refuses with one of the documented `JournalError`s, and
no valid event line is ever lost: each one is read back, in order, wherever it stands.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from podium.agenda.plan import make_plan
from podium.engine.clock import ManualClock
from podium.engine.journal import (
    FORMAT,
    JournalError,
    ended_by_tail,
    find_unfinished,
    never_started,
    read_journal,
)
from podium.engine.report import DifferentAgendasError, build_report
from podium.engine.restore import restore_session
from podium.textsafe import has_controls

from .engine_agendas import TZ, make_agenda, script, speech

SETTINGS = settings(
    max_examples=int(os.environ.get("PODIUM_PROPERTY_EXAMPLES", "150")),
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
AGENDA = make_agenda(script("opening", 120, cues=2), speech("keynote", 600), script("close", 60))
IDS = [item.id for item in AGENDA.items]
START = dt.datetime(2026, 3, 12, 9, 0, 0, tzinfo=TZ)

SPECIAL = (
    "\x00\x07\x08\t\r\x0b\x0c\x1b\x7f\x85\x9b\x9d\u2028\u2029\u200e\u202e\u2066\ufeff"
    "\u0301\u0308\u093f[]{}[/][b]\\\"',:：NaN-Infinity中文张三"
)
TEXT = st.text(
    alphabet=st.one_of(st.sampled_from(SPECIAL), st.characters(exclude_categories=("Cs",))),
    max_size=40,
)
NUMBER_TOKENS = st.sampled_from(
    ["NaN", "Infinity", "-Infinity", "1e999", "-1e999", "9" * 5000, "-" + "9" * 400, "1e-999"]
)
TIMES = st.one_of(
    st.sampled_from(
        [
            "0001-01-01T00:00:00+00:00",
            "9999-12-31T23:59:59.999+14:00",
            "2026-03-12T09:00:00",  # naive: a clock without its offset
            "2026-03-12T09:00:00+23:59",
            "2026-03-12T25:61:00+08:00",
            "2026-13-40T09:00:00+08:00",
            "1969-12-31T23:59:59Z",
            "2999-01-01T00:00:00+00:00",
            "2026-03-11T09:00:00+08:00",  # before the journal began
            "2026-04-12T09:00:00+08:00",  # a month after it began
            "",
            "9" * 80,
        ]
    ),
    TEXT,
    st.datetimes(
        min_value=dt.datetime(1, 1, 2), max_value=dt.datetime(9999, 12, 30), timezones=st.just(TZ)
    ).map(lambda d: d.isoformat()),
)
KINDS = st.one_of(
    st.sampled_from(["go", "back", "jump", "pause", "resume", "adjust", "end", "message"]),
    TEXT,
)


def _nested(depth: int) -> str:
    return "[" * depth + "]" * depth


@st.composite
def hostile_line(draw: st.DrawFn) -> bytes:
    """One line a broken or hostile writer might leave (without its newline)."""
    choice = draw(st.sampled_from([0, 1, 2, 3, 3, 3, 4, 5, 5]))
    if choice == 0:  # any text at all
        return draw(TEXT).replace("\n", " ").encode("utf-8", "surrogatepass")
    if choice == 1:  # any bytes at all (not UTF-8, NUL...)
        return draw(st.binary(max_size=60)).replace(b"\n", b" ")
    if choice == 2:  # nesting deep enough to break a recursive parser
        depth = draw(st.sampled_from([10, 1000, 100_000]))
        inner = _nested(depth)
        return ('{"at": "2026-03-12T09:00:05+08:00", "event": "go", "x": ' + inner + "}").encode()
    if choice == 3:  # numbers no journal holds where numbers go
        token = draw(NUMBER_TOKENS)
        field = draw(st.sampled_from(["delta_s", "delta_s", "delta_s", "cue", "at", "item"]))
        return (
            '{"at": "2026-03-12T09:00:05.000+08:00", "event": "adjust", "item": "opening", '
            f'"cue": 0, "{field}": {token}}}'
        ).encode()
    if choice == 4:  # a BOM where it does not belong, or a line cut short
        valid = _event_line("go", "opening", 0, START + dt.timedelta(seconds=5))
        cut = draw(st.integers(0, len(valid) - 1))
        return draw(st.sampled_from([b"\xef\xbb\xbf" + valid, valid[:cut]]))
    # an event-shaped object with hostile values anywhere
    obj = {
        "at": draw(TIMES),
        "event": draw(KINDS),
        "item": draw(st.one_of(st.sampled_from(IDS), TEXT, st.none(), st.integers())),
        "cue": draw(
            st.one_of(st.integers(-(10**12), 10**12), st.none(), st.booleans(), st.floats())
        ),
    }
    if draw(st.booleans()):
        obj["delta_s"] = draw(
            st.one_of(st.floats(allow_nan=False), st.integers(-(10**15), 10**15), TEXT)
        )
    if draw(st.booleans()):
        obj["text"] = draw(TEXT)
    return json.dumps(obj, ensure_ascii=draw(st.booleans())).encode("utf-8", "surrogatepass")


def _event_line(kind: str, item: str, cue: int, at: dt.datetime, **fields: object) -> bytes:
    obj = {"at": at.isoformat(timespec="milliseconds"), "event": kind, "item": item, "cue": cue}
    return json.dumps({**obj, **fields}, ensure_ascii=False).encode("utf-8")


def _header(**fields: object) -> bytes:
    header = {
        "format": FORMAT,
        "agenda": AGENDA.path,
        "agenda_sha256": AGENDA.sha256,
        "rehearsal": False,
        "started_at": START.isoformat(timespec="milliseconds"),
        "items": [{"id": i, "title": i, "cues": 1, "duration_s": 60} for i in IDS],
        **fields,
    }
    return json.dumps(header, ensure_ascii=False).encode("utf-8")


@st.composite
def valid_events(draw: st.DrawFn) -> list[bytes]:
    """A plausible session: GO through the agenda's cues with pauses and adjustments, times
    moving forward (sometimes the clock steps back a little: counted, never dropped)."""
    n = draw(st.integers(1, 12))
    at = START
    lines = []
    for k in range(n):
        at += dt.timedelta(seconds=draw(st.integers(-30, 600)))
        kind = "go" if k == 0 else draw(st.sampled_from(["go", "back", "pause", "adjust", "go"]))
        fields: dict[str, object] = {"delta_s": 60} if kind == "adjust" else {}
        if kind == "go" and draw(st.booleans()):
            fields["via"] = draw(st.sampled_from(["palette", "http", "osc"]))
        lines.append(_event_line(kind, IDS[min(k, len(IDS) - 1)], 0, at, **fields))
    return lines


def _write(folder: Path, name: str, lines: list[bytes], *, torn: bytes = b"") -> Path:
    path = folder / name
    path.write_bytes(b"".join(line + b"\n" for line in lines) + torn)
    return path


def _check_readers(path: Path) -> list[int]:
    """Every reader of `path`: only documented refusals; the line numbers of events read."""
    try:
        journal = read_journal(path)
    except JournalError as exc:
        assert "\n" not in str(exc) and not has_controls(str(exc))
        return []
    warnings: list[str] = []
    events = list(journal.iter_events(warnings.append))
    lines = [e.line for e in events]
    assert lines == sorted(set(lines))
    for warning in warnings:
        assert "\n" not in warning and not has_controls(warning), warning
    assert journal.finished in (True, False)
    ended_by_tail(journal)
    never_started(journal)
    clock = ManualClock(wall=START + dt.timedelta(hours=3))
    restored = restore_session(make_plan(AGENDA), clock, journal)
    for line in (*restored.warnings, *restored.changes):
        assert "\n" not in line and not has_controls(line), line
    try:
        report = build_report([journal], AGENDA)
    except DifferentAgendasError as exc:
        assert "\n" not in str(exc)
    else:  # every number a report gives is a real one (NaN or infinity never gets through)
        json.dumps(report.to_json(), allow_nan=False)
        report.hints()
    session = restored.session
    json.dumps([session.behind_s(), session.projected_end().isoformat()], allow_nan=False)
    return lines


@SETTINGS
@given(
    prefix=valid_events(),
    junk=st.lists(hostile_line(), max_size=8),
    interleave=st.booleans(),
    torn=st.one_of(st.just(b""), hostile_line()),
)
def test_hostile_lines_never_break_a_reader_nor_lose_a_valid_event(
    prefix: list[bytes], junk: list[bytes], interleave: bool, torn: bytes
) -> None:
    # The valid events first then the junk, or the junk scattered between them; a last line
    # without its newline (a crash mid-write) after all of it.
    body: list[tuple[bytes, bool]] = [(line, True) for line in prefix]
    if interleave:
        for n, line in enumerate(junk):
            body.insert(min(len(body), 2 * n + 1), (line, False))
    else:
        body += [(line, False) for line in junk]
    with tempfile.TemporaryDirectory() as folder:
        path = _write(Path(folder), "j.jsonl", [_header(), *(line for line, _ in body)], torn=torn)
        read = _check_readers(path)
        valid = [n + 2 for n, (_, ok) in enumerate(body) if ok]  # 1-based, after the header
        assert set(valid) <= set(read), (valid, read)
        assert find_unfinished(AGENDA.path, Path(folder), []) in (None, path)


@SETTINGS
@given(
    header=st.one_of(
        hostile_line(),
        st.builds(
            _header,
            agenda=st.one_of(TEXT, st.integers(), st.none(), st.just("x" * 5000)),
            started_at=TIMES,
            items=st.one_of(st.none(), st.lists(st.one_of(TEXT, st.integers()), max_size=3)),
            agenda_sha256=st.one_of(TEXT, st.integers(), st.just("f" * 10_000)),
        ),
        st.builds(lambda t: _header(format=t), TEXT),
    ),
    bom=st.booleans(),
    events=valid_events(),
)
def test_any_first_line_is_a_journal_header_or_a_one_line_refusal(
    header: bytes, bom: bool, events: list[bytes]
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        first = (b"\xef\xbb\xbf" if bom else b"") + header
        path = _write(Path(folder), "j.jsonl", [first, *events])
        _check_readers(path)
        # The state folder holds this journal: finding the newest unfinished session skips
        # it (with a one-line warning) or offers it, never fails.
        skipped: list[str] = []
        found = find_unfinished(AGENDA.path, Path(folder), skipped)
        assert found in (None, path)
        assert all("\n" not in s and not has_controls(s) for s in skipped), skipped


@SETTINGS
@given(prefix=valid_events(), cut=st.integers(0, 200))
def test_a_valid_header_with_a_bom_and_a_torn_tail_keeps_every_complete_event(
    prefix: list[bytes], cut: int
) -> None:
    tail = _event_line("go", "close", 0, START + dt.timedelta(hours=1))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "j.jsonl"
        path.write_bytes(
            b"\xef\xbb\xbf" + _header() + b"\n" + b"".join(p + b"\n" for p in prefix) + tail[:cut]
        )
        read = _check_readers(path)
        complete = list(range(2, len(prefix) + 2))
        assert read[: len(complete)] == complete
        assert len(read) == len(complete) + (cut >= len(tail))
