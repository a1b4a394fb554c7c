"""The journal: the exact lines written, fsync per event, reading back torn and unknown lines."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest

from podium.agenda.plan import make_plan
from podium.engine import journal as journal_mod
from podium.engine.journal import (
    JournalExistsError,
    JournalReadError,
    JournalWriter,
    NotAJournalError,
    default_journal_path,
    find_unfinished,
    read_journal,
)
from podium.engine.session import Session

from .engine_agendas import clock_at, make_agenda, script, speech


def agenda(path: str = "/meetings/agenda.yaml"):  # type: ignore[no-untyped-def]
    return make_agenda(script("opening", 120, cues=2), speech("keynote", 600), path=path)


def test_writes_the_specified_header_and_event_lines(tmp_path: Path) -> None:
    clock = clock_at(9, 0, 3)
    path = tmp_path / "j.jsonl"
    writer = JournalWriter.create(path, agenda(), rehearsal=False, now=clock.now())
    session = Session(make_plan(agenda()), clock, journal=writer)
    clock.advance(0.12)
    session.go()
    clock.advance(10)
    session.toggle_pause()
    clock.advance(5)
    session.toggle_pause()
    session.adjust(60)
    clock.advance(1)
    session.go()
    session.jump(1)
    session.back()
    session.end()
    lines = path.read_text(encoding="utf-8").splitlines()
    header = json.loads(lines[0])
    assert header["format"] == "podium-journal/1"
    assert header["agenda"] == "/meetings/agenda.yaml"
    assert header["agenda_sha256"] == "0" * 64
    assert header["rehearsal"] is False
    assert header["started_at"] == "2026-03-12T09:00:03.000+08:00"
    events = [json.loads(line) for line in lines[1:]]
    assert [list(e)[:4] for e in events] == [["at", "event", "item", "cue"]] * len(events)
    assert [(e["event"], e["item"], e["cue"]) for e in events] == [
        ("go", "opening", 0),
        ("pause", "opening", 0),
        ("resume", "opening", 0),
        ("adjust", "opening", 0),
        ("go", "opening", 1),
        ("jump", "keynote", 0),
        ("back", "opening", 1),
        ("end", "opening", 1),
    ]
    assert events[0]["at"] == "2026-03-12T09:00:03.120+08:00"
    assert events[3]["delta_s"] == 60


def test_every_event_is_fsynced_before_the_action_returns(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    synced: list[int] = []
    real_fsync = os.fsync

    def recording_fsync(fd: int) -> None:
        synced.append(fd)
        real_fsync(fd)

    monkeypatch.setattr(journal_mod.os, "fsync", recording_fsync)
    path = tmp_path / "j.jsonl"
    clock = clock_at(9, 0)
    writer = JournalWriter.create(path, agenda(), rehearsal=True, now=clock.now())
    session = Session(make_plan(agenda()), clock, journal=writer)
    before = len(synced)
    for action in (session.go, session.toggle_pause, session.toggle_pause):
        count = len(path.read_text().splitlines())
        action()
        # the line is on disk and was fsync'd by the time the action returned
        assert len(path.read_text().splitlines()) == count + 1
        assert len(synced) == before + 1
        before = len(synced)


def test_fresh_refuses_a_non_empty_file_but_takes_an_empty_one(tmp_path: Path) -> None:
    path = tmp_path / "j.jsonl"
    path.write_text("something\n")
    with pytest.raises(JournalExistsError, match="already exists"):
        JournalWriter.create(path, agenda(), rehearsal=False, now=clock_at(9, 0).now())
    assert path.read_text() == "something\n"
    path.write_text("")
    JournalWriter.create(path, agenda(), rehearsal=False, now=clock_at(9, 0).now()).close()
    assert json.loads(path.read_text())["format"] == "podium-journal/1"


def test_unwritable_place_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "dir.jsonl").mkdir()
    with pytest.raises(JournalReadError, match="folder"):
        JournalWriter.create(
            tmp_path / "dir.jsonl", agenda(), rehearsal=False, now=clock_at(9, 0).now()
        )


def test_default_path_lives_in_the_state_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    when = dt.datetime(2026, 3, 12, 9, 0, 3)
    path = default_journal_path("/m/district conference.yaml", when)
    assert path == tmp_path / "state/podium/journals/district conference-20260312-090003.jsonl"
    path.parent.mkdir(parents=True)
    path.write_text("x")
    assert default_journal_path("/m/district conference.yaml", when).name.endswith("-2.jsonl")


HEADER = (
    '{"format": "podium-journal/1", "agenda": "/m/a.yaml", "agenda_sha256": "ab", '
    '"rehearsal": true, "started_at": "2026-03-12T09:00:00.000+08:00"}'
)


def test_torn_last_line_and_unknown_kinds_are_skipped_with_warnings(tmp_path: Path) -> None:
    path = tmp_path / "j.jsonl"
    path.write_text(
        HEADER + "\n"
        '{"at": "2026-03-12T09:00:01.000+08:00", "event": "go", "item": "a", "cue": 0}\n'
        '{"at": "2026-03-12T09:00:02.000+08:00", "event": "blank", "item": "a", "cue": 0}\n'
        "\n"
        '{"at": "2026-03-12T09:00:05.000+08:00", "event": "go", "item": "b", "cue": 0}\n'
        '{"at": "2026-03-12T09:00:0',
        encoding="utf-8",
    )
    journal = read_journal(path)
    assert journal.header.rehearsal is True and journal.header.agenda == "/m/a.yaml"
    assert [(e.event, e.item, e.line) for e in journal.events] == [("go", "a", 2), ("go", "b", 5)]
    assert journal.warnings == (
        f"{path}:3: warning: unknown event kind 'blank' skipped",
        f"{path}:6: warning: torn or unreadable line skipped",
    )
    assert not journal.finished


def test_out_of_order_and_absurd_times_are_never_silent(tmp_path: Path) -> None:
    def event(at: str, kind: str = "go", item: str = "a") -> str:
        return json.dumps({"at": at, "event": kind, "item": item, "cue": 0}) + "\n"

    path = tmp_path / "j.jsonl"
    path.write_text(
        HEADER
        + "\n"
        + event("2026-03-12T09:05:00.000+08:00")
        + event("2026-03-12T09:01:00.000+08:00", item="b")  # the clock went back 4 minutes
        + event("2026-03-12T09:06:00.000+08:00", "pause", "b")
        + event("2027-03-12T09:06:00.000+08:00", "resume", "b")  # a year after it began
        + event("9999-12-31T23:59:59.999+14:00", "end", "b")  # no meeting's year
        + event("2026-03-12T09:08:00.000+08:00", "end", "b"),
        encoding="utf-8",
    )
    journal = read_journal(path)
    # out of order: kept (counted at the moment of the one before it), with a warning
    assert [(e.event, e.line) for e in journal.events] == [
        ("go", 2), ("go", 3), ("pause", 4), ("end", 7)
    ]  # fmt: skip
    assert journal.warnings == (
        f"{path}:3: warning: event 'go' is stamped 240 s before the one before it "
        "(the clock went back?); counted at the same moment",
        f"{path}:5: warning: event 'resume' stamped 365 days after the journal began skipped",
        f"{path}:6: warning: event 'end' without a valid time ('at') skipped",
    )
    assert journal.finished and journal.end_event is not None and journal.end_event.line == 7


def test_appending_after_a_torn_line_starts_a_new_line(tmp_path: Path) -> None:
    path = tmp_path / "j.jsonl"
    path.write_text(HEADER + '\n{"at": "2026-03-12T09:00:0', encoding="utf-8")
    writer = JournalWriter.append_to(path)
    writer.record("go", at=clock_at(9, 1).now(), item="a", cue=0)
    writer.close()
    journal = read_journal(path)
    assert [e.event for e in journal.events] == ["go"]
    assert len(journal.warnings) == 1


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "is not a podium journal (it is empty)"),
        (b"name,unit\nAna,HR\n", "is not a podium journal"),
        (b'{"format": "podium-plan/1"}\n', "its format is 'podium-plan/1'"),
        (b'{"format": "podium-journal/2", "agenda": "/a"}\n', "cannot read"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "is not a podium journal"),
    ],
)
def test_foreign_files_are_refused(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "x.jsonl"
    path.write_bytes(content)
    with pytest.raises(NotAJournalError, match=message.replace("(", r"\(").replace(")", r"\)")):
        read_journal(path)


def test_missing_file_is_a_read_error(tmp_path: Path) -> None:
    with pytest.raises(JournalReadError, match="cannot read"):
        read_journal(tmp_path / "nope.jsonl")


def test_find_unfinished_picks_the_newest_of_the_same_agenda(tmp_path: Path) -> None:
    folder = tmp_path / "journals"
    folder.mkdir()
    a = tmp_path / "a.yaml"

    def write(name: str, agenda_path: Path, started: str, ended: bool) -> Path:
        p = folder / name
        lines = [
            json.dumps(
                {
                    "format": "podium-journal/1",
                    "agenda": str(agenda_path),
                    "agenda_sha256": "x",
                    "rehearsal": False,
                    "started_at": started,
                }
            ),
            json.dumps({"at": started, "event": "go", "item": "i", "cue": 0}),
        ]
        if ended:
            lines.append(json.dumps({"at": started, "event": "end", "item": "i", "cue": 0}))
        p.write_text("\n".join(lines) + "\n")
        return p

    write("old.jsonl", a, "2026-03-12T09:00:00.000+08:00", ended=False)
    newest = write("new.jsonl", a, "2026-03-12T10:00:00.000+08:00", ended=False)
    write("ended.jsonl", a, "2026-03-12T11:00:00.000+08:00", ended=True)
    write("other.jsonl", tmp_path / "b.yaml", "2026-03-12T12:00:00.000+08:00", ended=False)
    (folder / "junk.jsonl").write_text("not json\n")
    assert find_unfinished(str(a), folder) == newest
    assert find_unfinished(str(tmp_path / "c.yaml"), folder) is None
    assert find_unfinished(str(a), tmp_path / "missing") is None


def test_write_failure_keeps_the_meeting_going_and_loses_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "j.jsonl"
    clock = clock_at(9, 0)
    writer = JournalWriter.create(path, agenda(), rehearsal=False, now=clock.now())
    real_write = os.write
    full = {"on": True, "calls": 0}

    def disk_full(fd: int, data: bytes) -> int:
        if fd == writer._fd and full["on"]:
            full["calls"] += 1
            if full["calls"] == 1:  # half a line gets through, then the disk is full
                return real_write(fd, bytes(data)[: len(data) // 2])
            raise OSError(28, "No space left on device")
        return real_write(fd, data)

    monkeypatch.setattr(journal_mod.os, "write", disk_full)
    session = Session(make_plan(agenda()), clock, journal=writer)
    session.go()
    clock.advance(1)
    session.go()
    assert session.position is not None and session.position.cue == 1  # the meeting goes on
    assert not writer.ok and writer.error == "no space left on device"
    # nothing torn was left behind: the file holds the header only
    assert path.read_text(encoding="utf-8").count("\n") == 1
    full["on"] = False
    writer.check()  # the display tick: the disk has room again
    assert writer.ok
    writer.close()
    assert [(e.event, e.cue) for e in read_journal(path).events] == [("go", 0), ("go", 1)]
    assert read_journal(path).warnings == ()
