"""A whole meeting driven through `podium.host`, without any screen: every command by id,
its outcome, the revision, and what the journal on disk says afterwards."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from podium.agenda.loader import load_agenda
from podium.agenda.plan import make_plan
from podium.engine.clock import ManualClock
from podium.engine.journal import JournalWriter, read_journal
from podium.engine.session import Outcome, Position, Session
from podium.host import Change, Host, Message

CST = dt.timezone(dt.timedelta(hours=8))

AGENDA = """\
podium: 1
meeting:
  title: Host test
  date: 2026-03-12
  start: "09:00"
  language: en
items:
  - id: welcome
    title: Welcome
    duration: 2m
    script:
      - Good morning.
      - On the stage today.
  - id: speech
    kind: speech
    title: Keynote
    speaker: Dr. Ana Lima
    intro: Please welcome Dr. Ana Lima.
    duration: 5m
    outro: Thank you.
  - id: close
    title: Closing
    duration: 1m
    script:
      - Thank you all.
"""


class Speaker:
    """Records what the host asks of text-to-speech."""

    def __init__(self) -> None:
        self.enabled = False
        self.state = "READY"
        self.reason: str | None = None
        self.calls: list[tuple[str, object]] = []

    def start(self) -> None:
        self.calls.append(("start", None))

    def enable(self, on: bool) -> None:
        self.enabled = on
        self.calls.append(("enable", on))

    def say(self, text: str) -> None:
        self.calls.append(("say", text))

    def prefetch(self, texts: object) -> None:
        self.calls.append(("prefetch", tuple(texts)))  # type: ignore[call-overload]

    def stop(self) -> None:
        self.calls.append(("stop", None))

    def close(self) -> None:
        self.calls.append(("close", None))


@pytest.fixture
def meeting(tmp_path: Path, write_agenda) -> tuple[Host, ManualClock, Path, Speaker]:
    agenda = load_agenda(write_agenda(AGENDA)).agenda
    assert agenda is not None
    clock = ManualClock(dt.datetime(2026, 3, 12, 8, 59, 0, tzinfo=CST))
    path = tmp_path / "meeting.jsonl"
    writer = JournalWriter.create(path, agenda, rehearsal=False, now=clock.now())
    session = Session(make_plan(agenda), clock, guard_s=0.4)
    speaker = Speaker()
    host = Host(session, journal=writer, speaker=speaker)
    return host, clock, path, speaker


def events(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()[1:]]


def test_a_whole_meeting_through_the_host(meeting) -> None:
    host, clock, path, speaker = meeting
    changes: list[Change] = []
    host.subscribe(changes.append)
    s = host.session

    def run(command: str, gap: float = 1.0, **args: object) -> Outcome:
        clock.advance(gap)
        before = host.revision
        result = host.run(command, **args)
        assert result.command == command and result.rev == host.revision
        assert changes[-1].command == command and changes[-1].outcome == result.outcome
        assert changes[-1].rev == host.revision
        grew = host.revision > before
        assert grew == (result.outcome not in _STILL), (command, result.outcome)
        return result.outcome

    # Before the first GO: nothing to jump to, pause or go back to.
    assert run("jump", item="speech") is Outcome.NOT_STARTED
    assert run("pause") is Outcome.NOT_STARTED
    assert run("back") is Outcome.AT_START
    assert run("tts-toggle") is Outcome.DONE and speaker.enabled

    # GO starts; a second GO within the guard is ignored (and still counts as a press).
    assert run("go", gap=60) is Outcome.DONE and s.position == Position(0, 0)
    assert ("say", "Good morning.") in speaker.calls
    assert speaker.calls[-1] == (
        "prefetch",
        ("On the stage today.", "Please welcome Dr. Ana Lima.", "Thank you."),
    )
    assert run("go", gap=0.2) is Outcome.IGNORED_GUARD
    assert run("go", gap=0.3) is Outcome.IGNORED_GUARD and s.position == Position(0, 0)
    assert run("go") is Outcome.DONE and s.position == Position(0, 1)

    # Blank: GO returns without advancing, and the next GO within the guard is ignored.
    assert run("blank") is Outcome.DONE and host.blank
    assert run("go") is Outcome.UNBLANKED and not host.blank and s.position == Position(0, 1)
    assert run("go", gap=0.1) is Outcome.IGNORED_GUARD and s.position == Position(0, 1)
    assert run("blank") is Outcome.DONE
    assert run("blank") is Outcome.DONE and not host.blank  # b again: no guard after it
    assert run("go", gap=0.5) is Outcome.DONE and s.position == Position(1, 0)

    # Back, jump by item id, pause, adjust (strings from the network are converted).
    assert run("back") is Outcome.DONE and s.position == Position(0, 1)
    assert run("jump", item="speech") is Outcome.DONE and s.position == Position(1, 0)
    assert run("pause") is Outcome.DONE and s.paused
    assert run("pause") is Outcome.DONE and not s.paused
    assert run("adjust", delta_s="60") is Outcome.DONE and s.item_planned_s() == 360
    assert run("minus-minute") is Outcome.DONE and s.item_planned_s() == 300

    # A message to the host from a phone; taken down by the host's key.
    outcome = run("message", via="http 127.0.0.1", to="host", text=" The leader has arrived ")
    assert outcome is Outcome.DONE
    message = host.messages["host"]
    assert isinstance(message, Message)
    assert (message.text, message.via) == ("The leader has arrived", "http 127.0.0.1")
    assert message.at == clock.now() and host.messages["stage"] is None
    assert host.last_remote == ("message", "http 127.0.0.1", clock.monotonic())
    assert run("message-clear", to="host") is Outcome.DONE and host.messages["host"] is None
    assert run("message-clear", to="host") is Outcome.NOTHING

    # GO to the end: the last GO asks; cancel; ask again; GO within the guard is ignored;
    # GO after it ends the meeting.
    assert run("jump", item="close", via="palette") is Outcome.DONE
    assert run("go") is Outcome.AT_END and host.end_pending
    assert run("end-cancel") is Outcome.DONE and not host.end_pending
    assert run("go") is Outcome.AT_END and host.end_pending
    assert run("go", gap=0.2) is Outcome.IGNORED_GUARD and host.end_pending
    assert run("go") is Outcome.ENDED and s.ended and not host.end_pending
    rev = host.revision
    assert host.run("go").outcome is Outcome.ENDED  # already ended: nothing changes
    assert host.run("end-confirm").outcome is Outcome.NOTHING and host.revision == rev

    host.close()
    host.close()  # once only
    written = [(e["event"], e["item"], e["cue"]) for e in events(path)]
    assert written == [
        ("go", "welcome", 0),
        ("go", "welcome", 1),
        ("go", "speech", 0),
        ("back", "welcome", 1),
        ("jump", "speech", 0),
        ("pause", "speech", 0),
        ("resume", "speech", 0),
        ("adjust", "speech", 0),
        ("adjust", "speech", 0),
        ("message", "speech", 0),
        ("message", "speech", 0),
        ("jump", "close", 0),
        ("end", "close", 0),
    ]
    lines = events(path)
    assert [e.get("delta_s") for e in lines if e["event"] == "adjust"] == [60, -60]
    assert {k: lines[9][k] for k in ("to", "text", "via")} == {
        "to": "host",
        "text": "The leader has arrived",
        "via": "http 127.0.0.1",
    }
    assert lines[10]["text"] is None and "via" not in lines[10]  # the host's own key
    assert lines[11]["via"] == "palette"
    assert all("via" not in e for n, e in enumerate(lines) if n not in (9, 11))
    # The journal reads back without warnings, and knows the meeting ended.
    back = read_journal(path)
    assert back.finished and back.warnings == ()
    assert speaker.calls[-1] == ("stop", None)


_STILL = {
    Outcome.IGNORED_GUARD,
    Outcome.AT_START,
    Outcome.NOT_STARTED,
    Outcome.UNAVAILABLE,
    Outcome.NOTHING,
}


def test_the_revision_stays_for_outcomes_that_change_nothing_and_grows_for_the_rest(
    meeting,
) -> None:
    host, clock, _, _ = meeting
    assert host.run("back").rev == 0
    assert host.run("go").rev == 1
    assert host.run("go").rev == 1  # ignored (no time passed)
    clock.advance(1)
    assert host.run("blank").rev == 2


def test_an_end_question_is_answered_by_end_confirm(meeting) -> None:
    host, clock, path, _ = meeting
    for _ in range(7):
        clock.advance(1)
        host.run("go")
    assert host.end_pending
    assert host.run("end-confirm").outcome is Outcome.ENDED and host.session.ended
    assert events(path)[-1]["event"] == "end"


def test_moves_cancel_the_end_question(meeting) -> None:
    host, clock, _, _ = meeting
    for _ in range(7):
        clock.advance(1)
        host.run("go")
    assert host.end_pending
    clock.advance(1)
    assert host.run("back").outcome is Outcome.DONE and not host.end_pending


def test_the_pager_is_asked_first_after_the_guard(meeting) -> None:
    host, clock, path, _ = meeting
    pages: list[int] = []
    more = [True, False]

    def pager(step: int) -> bool:
        pages.append(step)
        return more.pop(0) if more else False

    host.set_pager(pager)
    clock.advance(1)
    assert host.run("go").outcome is Outcome.DONE  # before the start: nothing to page
    assert pages == []
    assert host.run("go").outcome is Outcome.IGNORED_GUARD and pages == []
    clock.advance(1)
    assert host.run("go").outcome is Outcome.PAGED and host.session.position == Position(0, 0)
    clock.advance(1)
    assert host.run("go").outcome is Outcome.DONE and host.session.position == Position(0, 1)
    clock.advance(1)
    assert host.run("back").outcome is Outcome.DONE
    assert pages == [1, 1, -1]
    assert [e["event"] for e in events(path)] == ["go", "go", "back"]


def test_prefetch_waits_for_the_front_ends_repaint(meeting) -> None:
    host, clock, _, speaker = meeting
    later: list[object] = []
    host.set_defer(later.append)
    host.run("tts-toggle")
    clock.advance(1)
    host.run("go")
    assert speaker.calls[-1] == ("say", "Good morning.")
    assert len(later) == 1
    later.pop()()  # type: ignore[operator]
    assert speaker.calls[-1][0] == "prefetch"


def test_reading_commands_without_a_speaker_are_unavailable(tmp_path: Path, write_agenda) -> None:
    agenda = load_agenda(write_agenda(AGENDA)).agenda
    assert agenda is not None
    host = Host(Session(make_plan(agenda), ManualClock()))
    for command in ("tts-toggle", "tts-repeat", "tts-stop"):
        assert host.run(command).outcome is Outcome.UNAVAILABLE
    assert host.journal_error is None
    host.close()


def test_a_failing_journal_is_reported_and_the_meeting_goes_on(write_agenda) -> None:
    agenda = load_agenda(write_agenda(AGENDA)).agenda
    assert agenda is not None

    class Disk:
        full = True
        closed = 0

        def record(self, event: str, **fields: object) -> None:
            if self.full:
                raise OSError(28, "No space left on device")

        def close(self) -> None:
            self.closed += 1

    disk = Disk()
    clock = ManualClock()
    host = Host(Session(make_plan(agenda), clock), journal=disk)
    changes: list[Change] = []
    host.subscribe(changes.append)
    assert host.run("go").outcome is Outcome.DONE
    assert host.journal_error == "no space left on device"
    disk.full = False
    clock.advance(1)
    host.run("go")
    assert host.journal_error is None and len(changes) == 2
    host.close()
    host.close()
    assert disk.closed == 1


def test_summary_hints_name_items_that_ran_long_or_short(meeting) -> None:
    host, clock, _, _ = meeting
    clock.advance(1)
    host.run("go")
    clock.advance(1)
    host.run("jump", item="speech")  # welcome ran 1 s of its 2 min
    clock.advance(600)
    host.run("jump", item="close")  # the keynote ran 10 min of its 5
    hints = [(h.kind, h.title, round(h.delta_s)) for h in host.summary_hints()]
    assert ("short", "Welcome", 119) in hints
    assert ("long", "Keynote", 300) in hints


def test_a_message_is_one_line_of_plain_text(tmp_path: Path) -> None:
    """Escape sequences from the network never reach the podium's terminal, nor line breaks
    its banner."""
    from podium.host.core import plain_text

    assert plain_text("A\x1b[20;5HZZ\x07B\x00\x9b") == "A[20;5HZZB"
    assert plain_text(" a\r\n\n\tb\u202ec ") == "a bc"
    assert plain_text("请控制时间\u200d") == "请控制时间\u200d"
