"""A small Host of the shape podium.host documents, over a real Session, used by the remote
tests until podium.host lands in main (then the tests use the real one)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from podium.engine.session import Session


@dataclass(frozen=True)
class Arg:
    name: str
    type: type = str
    choices: tuple[str, ...] | None = None


@dataclass(frozen=True)
class CommandSpec:
    id: str
    args: tuple[Arg, ...] = ()
    remote: bool = True
    doc: str = ""


@dataclass(frozen=True)
class Result:
    command: str
    outcome: str
    rev: int


@dataclass(frozen=True)
class Change:
    rev: int
    command: str | None
    outcome: str | None
    via: str | None


@dataclass(frozen=True)
class Message:
    text: str
    at: dt.datetime
    via: str


class UnknownCommand(KeyError):
    pass


class BadArgument(ValueError):
    pass


TO = ("host", "stage")
COMMANDS = {
    spec.id: spec
    for spec in (
        CommandSpec("go"),
        CommandSpec("back"),
        CommandSpec("jump", (Arg("item"),)),
        CommandSpec("pause"),
        CommandSpec("adjust", (Arg("delta_s", int),)),
        CommandSpec("plus-minute"),
        CommandSpec("minus-minute"),
        CommandSpec("blank"),
        CommandSpec("tts-toggle"),
        CommandSpec("tts-repeat"),
        CommandSpec("tts-stop"),
        CommandSpec("message", (Arg("to", str, TO), Arg("text"))),
        CommandSpec("message-clear", (Arg("to", str, TO),)),
        CommandSpec("end-confirm"),
        CommandSpec("end-cancel"),
        CommandSpec("help", remote=False),
    )
}


class StandInHost:
    """The Host API over a Session: commands, revisions, messages, subscribers, journal."""

    def __init__(self, session: Session, journal: Any = None, guard_s: float = 0.4) -> None:
        self.session = session
        self.journal = journal
        self.guard_s = guard_s
        self.revision = 0
        self.blank = False
        self.end_pending = False
        self.messages: dict[str, Message | None] = {"host": None, "stage": None}
        self.last_remote: tuple[str, str, float] | None = None
        self.journal_error: str | None = None
        self._subscribers: list[Callable[[Change], None]] = []
        self.ran: list[tuple[str, str, dict[str, Any]]] = []

    def subscribe(self, callback: Callable[[Change], None]) -> Callable[[], None]:
        self._subscribers.append(callback)
        return lambda: self._subscribers.remove(callback)

    def run(self, command: str, *, via: str = "key", **args: Any) -> Result:
        spec = COMMANDS.get(command)
        if spec is None:
            raise UnknownCommand(command)
        values = self._convert(spec, args)
        outcome = self._dispatch(command, values)
        self.ran.append((command, via, values))
        if via != "key":
            self.last_remote = (command, via, self.session.clock.monotonic())
        self.revision += 1
        for callback in list(self._subscribers):
            callback(Change(self.revision, command, outcome, via))
        return Result(command, outcome, self.revision)

    def _convert(self, spec: CommandSpec, args: dict[str, Any]) -> dict[str, Any]:
        values = {}
        for arg in spec.args:
            if arg.name not in args:
                raise BadArgument(f"{spec.id} needs {arg.name}")
            try:
                value = arg.type(args[arg.name])
            except (TypeError, ValueError):
                raise BadArgument(f"{arg.name} must be {arg.type.__name__}") from None
            if arg.choices and value not in arg.choices:
                raise BadArgument(f"{arg.name} must be one of {', '.join(arg.choices)}")
            values[arg.name] = value
        extra = set(args) - {a.name for a in spec.args}
        if extra:
            raise BadArgument(f"{spec.id} takes no {sorted(extra)[0]}")
        return values

    def _dispatch(self, command: str, a: dict[str, Any]) -> str:
        s = self.session
        if command in ("go", "back") and self.blank:
            self.blank = False
            return "done"
        if command == "go":
            if self.end_pending:
                self.end_pending = False
                return str(s.end()).replace("-", "_") and "ended"
            outcome = str(s.go()).replace("-", "_")
            if outcome == "at_end":
                self.end_pending = True
            return outcome
        if command == "back":
            return str(s.back()).replace("-", "_")
        if command == "jump":
            item = s.plan.agenda.item_by_id(a["item"])
            if item is None or not item.cues:
                raise BadArgument(f"no item {a['item']!r}")
            return str(s.jump(item.index)).replace("-", "_")
        if command == "pause":
            return str(s.toggle_pause()).replace("-", "_")
        if command in ("adjust", "plus-minute", "minus-minute"):
            delta = a.get("delta_s", 60 if command == "plus-minute" else -60)
            return str(s.adjust(delta)).replace("-", "_")
        if command == "blank":
            self.blank = not self.blank
            return "done"
        if command == "message":
            if len(a["text"]) > 500:
                raise BadArgument("text is longer than 500 characters")
            self.messages[a["to"]] = Message(a["text"], s.clock.now(), "")
            return "done"
        if command == "message-clear":
            self.messages[a["to"]] = None
            return "done"
        if command == "end-confirm":
            if not self.end_pending:
                return "nothing"
            self.end_pending = False
            s.end()
            return "ended"
        if command == "end-cancel":
            self.end_pending = False
            return "done"
        return "unavailable"

    def close(self) -> None:
        pass
