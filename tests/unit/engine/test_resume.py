"""Choosing the journal of a run (podium.engine.resume): new, resumed, asked; and every way a
journal or a journal place can be unusable, each refused in one sentence."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest

from podium.engine.clock import ManualClock
from podium.engine.journal import (
    JournalBusyError,
    JournalError,
    JournalExistsError,
    JournalReadError,
    JournalWriter,
    find_unfinished,
    read_journal,
)
from podium.engine.resume import StartNotice, open_for_run
from podium.engine.session import Position, Session

from .engine_agendas import clock_at, make_agenda, script


def agenda(path: str = "/meetings/agenda.yaml", sha: str = "0" * 64):  # type: ignore[no-untyped-def]
    return make_agenda(script("opening", 120, cues=2), script("close", 60), path=path, sha256=sha)


def never(path: Path, started: dt.datetime | None) -> bool:
    raise AssertionError(f"asked about {path}")


def crashed_session(path: Path, agenda_=None, clock: ManualClock | None = None) -> Path:  # type: ignore[no-untyped-def]
    """A journal at `path` left by a podium that died after two GOs."""
    agenda_ = agenda_ or agenda()
    clock = clock or clock_at(9, 0)
    writer = JournalWriter.create(path, agenda_, rehearsal=False, now=clock.now())
    from podium.agenda.plan import make_plan

    session = Session(make_plan(agenda_), clock, journal=writer)
    session.go()
    clock.advance(5)
    session.go()
    writer.close()
    return path


def test_a_first_run_writes_a_new_journal_in_the_state_folder(tmp_path: Path) -> None:
    opened = open_for_run(agenda(), clock_at(9, 0), ask=never, directory=tmp_path)
    assert opened.session is None and not opened.start
    assert opened.writer.path.parent == tmp_path
    assert opened.writer.path.name == "agenda-20260312-090000.jsonl"
    opened.writer.close()


def test_resume_continues_the_newest_unfinished_session_at_its_cue(tmp_path: Path) -> None:
    crashed_session(tmp_path / "agenda-1.jsonl")
    warned: list[str] = []
    opened = open_for_run(
        agenda(), clock_at(9, 1), resume=True, ask=never, directory=tmp_path, warn=warned.append
    )
    assert opened.session is not None and opened.session.position == Position(0, 1)
    assert opened.start.resumed and opened.start.resumed_at == clock_at(9, 0).now()
    assert warned == []
    opened.session.go()  # written to the same journal
    opened.writer.close()
    assert [e.event for e in read_journal(tmp_path / "agenda-1.jsonl").events] == ["go"] * 3


def test_without_flags_it_asks_and_follows_the_answer(tmp_path: Path) -> None:
    path = crashed_session(tmp_path / "agenda-1.jsonl")
    asked: list[Path] = []

    def answer(yes: bool):  # type: ignore[no-untyped-def]
        def ask(p: Path, started: dt.datetime | None) -> bool:
            asked.append(p)
            assert started == clock_at(9, 0).now()
            return yes

        return ask

    fresh = open_for_run(agenda(), clock_at(9, 2), ask=answer(False), directory=tmp_path)
    assert fresh.session is None and fresh.writer.path != path
    fresh.writer.close()
    resumed = open_for_run(agenda(), clock_at(9, 3), ask=answer(True), directory=tmp_path)
    assert resumed.session is not None and resumed.writer.path == path
    resumed.writer.close()
    assert asked == [path, path]  # the fresh journal has no GO: nothing to continue there


def test_a_bad_journal_in_the_state_folder_is_skipped_with_a_warning(tmp_path: Path) -> None:
    good = crashed_session(tmp_path / "agenda-1.jsonl")
    (tmp_path / "nested.jsonl").write_text("[" * 100_000 + "\n")
    (tmp_path / "naive.jsonl").write_text(
        json.dumps({"format": "podium-journal/1", "agenda": "/meetings/agenda.yaml",
                    "started_at": "9999-12-31T23:59:59.999"}) + "\n"
        + json.dumps({"at": "9999-12-31T23:59:59.999", "event": "go", "item": "opening"}) + "\n"
    )  # fmt: skip
    (tmp_path / "huge.jsonl").write_text("1" * 5000 + "\n")
    (tmp_path / "binary.jsonl").write_bytes(b"\xff\xfe\x00garbage")
    (tmp_path / "folder.jsonl").mkdir()
    os.mkfifo(tmp_path / "pipe.jsonl")
    warned: list[str] = []
    opened = open_for_run(
        agenda(), clock_at(9, 1), resume=True, ask=never, directory=tmp_path, warn=warned.append
    )
    assert opened.writer.path == good
    opened.writer.close()
    skipped = sorted(line.split(": warning")[0] for line in warned)
    names = ("nested.jsonl", "huge.jsonl", "binary.jsonl", "pipe.jsonl", "folder.jsonl")
    assert skipped == sorted(str(tmp_path / n) for n in names)
    # (naive.jsonl is a readable journal of this agenda: a time without offset is local; its
    # year is no meeting's, so it sorts last rather than failing)


def test_resume_refuses_a_journal_of_another_agenda_naming_both(tmp_path: Path) -> None:
    other = crashed_session(tmp_path / "other.jsonl", agenda("/meetings/other.yaml", "1" * 64))
    with pytest.raises(JournalError) as caught:
        open_for_run(agenda(), clock_at(9, 1), resume=True, journal=str(other), ask=never)
    message = str(caught.value)
    assert "/meetings/other.yaml" in message and "/meetings/agenda.yaml" in message
    # a moved copy of the same agenda (same content) may continue it
    moved = agenda("/elsewhere/agenda.yaml")
    opened = open_for_run(
        moved, clock_at(9, 1), resume=True, journal=str(crashed_session(tmp_path / "j.jsonl"))
    )
    assert opened.session is not None
    opened.writer.close()


def test_a_live_journal_cannot_be_resumed_by_a_second_podium(tmp_path: Path) -> None:
    path = tmp_path / "live.jsonl"
    crashed_session(path)
    first = open_for_run(agenda(), clock_at(9, 1), resume=True, journal=str(path))
    with pytest.raises(JournalBusyError, match="another podium"):
        open_for_run(agenda(), clock_at(9, 2), resume=True, journal=str(path))
    with pytest.raises(JournalBusyError, match="another podium"):
        open_for_run(agenda(), clock_at(9, 2), journal=str(path), ask=never)
    with pytest.raises(JournalBusyError, match="another podium"):
        JournalWriter.append_to(path)
    first.writer.close()
    again = open_for_run(agenda(), clock_at(9, 3), resume=True, journal=str(path))
    again.writer.close()


def test_a_finished_session_gives_advice_that_is_not_circular(tmp_path: Path) -> None:
    path = crashed_session(tmp_path / "done.jsonl")
    writer = JournalWriter.append_to(path)
    writer.record("end", at=clock_at(9, 5).now(), item="close", cue=0)
    writer.close()
    with pytest.raises(JournalError) as resumed:
        open_for_run(agenda(), clock_at(9, 6), resume=True, journal=str(path))
    with pytest.raises(JournalExistsError) as fresh:
        open_for_run(agenda(), clock_at(9, 6), fresh=True, journal=str(path))
    assert "has ended" in str(resumed.value) and "--fresh" not in str(resumed.value)
    assert "has ended" in str(fresh.value) and "--resume" not in str(fresh.value)
    # and without --journal, the finished session is not offered for resuming
    assert find_unfinished("/meetings/agenda.yaml", tmp_path) is None


def test_an_end_before_the_first_go_does_not_finish_a_session(tmp_path: Path) -> None:
    path = tmp_path / "j.jsonl"
    clock = clock_at(9, 0)
    writer = JournalWriter.create(path, agenda(), rehearsal=False, now=clock.now())
    writer.record("end", at=clock.now(), item=None, cue=None)
    writer.record("go", at=clock.now(), item="opening", cue=0)
    writer.close()
    assert not read_journal(path).finished
    warned: list[str] = []
    opened = open_for_run(
        agenda(), clock_at(9, 1), resume=True, journal=str(path), warn=warned.append
    )
    assert opened.session is not None and opened.session.position == Position(0, 0)
    assert warned == [f"{path}:2: warning: an end before the first GO is ignored"]
    opened.writer.close()


@pytest.mark.parametrize(
    ("where", "message"),
    [
        ("", "--journal needs a file name"),
        ("   ", "--journal needs a file name"),
        ("afile/j.jsonl", "afile is a file, not a folder"),
        ("afile/deeper/j.jsonl", "afile is a file, not a folder"),
        ("/dev/stdout", "not a file"),
        ("/dev/null", "it is a device, not a file"),
        ("/dev/zero", "it is a device, not a file"),
        ("pipe", "it is a pipe, not a file"),
        ("folder", "it is a folder"),
    ],
)
def test_unusable_journal_places_are_refused_in_one_sentence(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str, message: str
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "afile").write_text("a file\n")
    os.mkfifo(tmp_path / "pipe")
    (tmp_path / "folder").mkdir()
    for flags in ({"fresh": True}, {"resume": True}, {}):
        with pytest.raises(JournalReadError) as caught:
            open_for_run(agenda(), clock_at(9, 0), journal=where, ask=never, **flags)
        text = str(caught.value)
        assert message in text and "\n" not in text
    assert (tmp_path / "afile").read_text() == "a file\n"


def test_an_unusable_state_folder_suggests_journal(tmp_path: Path) -> None:
    (tmp_path / "state").write_text("not a folder")
    with pytest.raises(JournalReadError, match="--journal PATH"):
        open_for_run(agenda(), clock_at(9, 0), fresh=True, directory=tmp_path / "state" / "j")


def test_torn_lines_are_warned_before_and_on_the_screen(tmp_path: Path) -> None:
    path = crashed_session(tmp_path / "j.jsonl")
    with path.open("ab") as f:
        f.write(b'{"at": "2026-03-12T09:00:0')  # the crash tore the last line
    warned: list[str] = []
    opened = open_for_run(
        agenda(), clock_at(9, 1), resume=True, journal=str(path), warn=warned.append
    )
    assert warned == [f"{path}:4: warning: torn or unreadable line skipped"]
    assert opened.start.journal_warnings == tuple(warned)
    opened.writer.close()


def test_a_relative_agenda_in_a_header_is_taken_from_the_journals_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "meetings"
    folder.mkdir()
    path = folder / "j.jsonl"
    path.write_text(
        json.dumps({"format": "podium-journal/1", "agenda": "agenda.yaml",
                    "started_at": "2026-03-12T09:00:00.000+08:00"}) + "\n"
    )  # fmt: skip
    monkeypatch.chdir(tmp_path)  # not the journal's folder
    assert read_journal(path).header.agenda == str(folder / "agenda.yaml")
    assert read_journal("meetings/j.jsonl").header.agenda == str(folder / "agenda.yaml")


def test_a_journal_with_a_byte_order_mark_is_read(tmp_path: Path) -> None:
    path = crashed_session(tmp_path / "j.jsonl")
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    journal = read_journal(path)
    assert [e.event for e in journal.events] == ["go", "go"] and journal.warnings == ()


def test_start_notice_is_empty_for_a_plain_new_run() -> None:
    assert not StartNotice()
    assert StartNotice().with_agenda_warnings(2)
