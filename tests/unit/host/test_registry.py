"""The command table: ids, argument conversion from strings, and one-line refusals."""

from __future__ import annotations

import datetime as dt

import pytest

from podium.agenda.loader import load_agenda
from podium.agenda.plan import make_plan
from podium.engine.clock import ManualClock
from podium.engine.session import Outcome, Session
from podium.host import COMMANDS, Arg, BadArgument, Host, UnknownCommand
from podium.host.registry import CommandSpec

AGENDA = """\
podium: 1
meeting: {title: Registry test, language: en}
items:
  - {id: one, title: One, duration: 1m, script: [First.]}
  - {id: two, title: Two, duration: 1m, script: [Second.]}
"""


class Sink:
    def __init__(self) -> None:
        self.lines: list[dict] = []

    def record(self, event: str, *, at: dt.datetime, item: str | None, cue: int | None, **f):
        self.lines.append({"event": event, "item": item, **f})


@pytest.fixture
def host(write_agenda) -> Host:
    agenda = load_agenda(write_agenda(AGENDA)).agenda
    assert agenda is not None
    return Host(Session(make_plan(agenda), ManualClock()), journal=Sink())


def test_the_table_has_the_remote_commands_in_help_order() -> None:
    assert list(COMMANDS)[:3] == ["go", "back", "jump"]
    assert {"message", "message-clear", "end-confirm", "end-cancel", "adjust"} <= set(COMMANDS)
    assert COMMANDS["jump"].args == (Arg("item", str),)
    assert COMMANDS["adjust"].args == (Arg("delta_s", int),)
    assert COMMANDS["message"].args[0].choices == ("host", "stage")
    assert all(spec.doc for spec in COMMANDS.values())


@pytest.mark.parametrize(
    ("given", "expected"),
    [("60", 60), ("-60", -60), ("+5", 5), (" 30 ", 30), (60, 60), (60.0, 60)],
)
def test_integers_are_converted_from_strings(given: object, expected: int) -> None:
    assert Arg("delta_s", int).convert(given) == expected


@pytest.mark.parametrize("given", ["sixty", "6e1", "1.5", "", "٦٠", True, None, 1.5, "9" * 12])
def test_what_is_not_a_whole_number_is_refused_in_one_line(given: object) -> None:
    with pytest.raises(BadArgument) as caught:
        Arg("delta_s", int).convert(given)
    assert str(caught.value).startswith("delta_s must be a whole number")
    assert "\n" not in str(caught.value)


def test_missing_extra_and_wrong_choice_arguments_are_refused() -> None:
    spec = COMMANDS["message"]
    with pytest.raises(BadArgument, match="needs the argument 'text'"):
        spec.convert({"to": "host"})
    with pytest.raises(BadArgument, match="takes no argument 'colour'"):
        spec.convert({"to": "host", "text": "hi", "colour": "red"})
    with pytest.raises(BadArgument, match="to must be host or stage, not 'audience'"):
        spec.convert({"to": "audience", "text": "hi"})
    with pytest.raises(BadArgument, match="text must be text"):
        spec.convert({"to": "host", "text": 5})
    assert CommandSpec("x").convert({}) == {}


def test_an_unknown_command_raises_unknown_command(host: Host) -> None:
    with pytest.raises(UnknownCommand) as caught:
        host.run("launch")
    assert isinstance(caught.value, KeyError)
    assert str(caught.value) == "there is no command 'launch'"
    assert host.revision == 0


def test_bad_arguments_change_nothing(host: Host) -> None:
    host.run("go")
    rev = host.revision
    with pytest.raises(BadArgument, match="there is no item 'three'"):
        host.run("jump", item="three")
    with pytest.raises(BadArgument, match="whole number"):
        host.run("adjust", delta_s="a minute")
    with pytest.raises(BadArgument, match="within"):
        host.run("adjust", delta_s=10**6)
    with pytest.raises(BadArgument, match="at most 500"):
        host.run("message", to="stage", text="x" * 501)
    with pytest.raises(BadArgument, match="empty"):
        host.run("message", to="stage", text="   ")
    assert host.revision == rev and host.messages == {"host": None, "stage": None}
    assert host.session.position is not None and host.session.position.item == 0


def test_via_is_journaled_for_everything_but_keys(host: Host) -> None:
    sink = host.journal.sink  # type: ignore[union-attr]
    host.run("go")
    host.session.clock.advance(1)  # type: ignore[attr-defined]
    host.run("go", via="osc 127.0.0.1")
    host.run("jump", via="palette", item="one")
    host.run("adjust", via="http 127.0.0.1", delta_s="60")
    assert [(line["event"], line.get("via")) for line in sink.lines] == [
        ("go", None),
        ("go", "osc 127.0.0.1"),
        ("jump", "palette"),
        ("adjust", "http 127.0.0.1"),
    ]
    assert host.last_remote is not None and host.last_remote[:2] == ("adjust", "http 127.0.0.1")


def test_a_remote_command_that_changes_nothing_still_reaches_subscribers(host: Host) -> None:
    seen = []
    host.subscribe(seen.append)
    result = host.run("back", via="http 127.0.0.1")
    assert result.outcome is Outcome.AT_START
    assert seen[-1].via == "http 127.0.0.1" and seen[-1].outcome == "at_start"


def test_unsubscribe_stops_the_events(host: Host) -> None:
    seen = []
    unsubscribe = host.subscribe(seen.append)
    host.run("blank")
    unsubscribe()
    unsubscribe()
    host.run("blank")
    assert len(seen) == 1
