"""The host's command table: every command id, its typed arguments, and their conversion.

The same ids serve keys, the command palette, the journal, tests and remote control (HTTP,
WebSocket, OSC). Values that arrive as strings (query strings, OSC) are converted here by
each argument's type; anything that does not fit raises `BadArgument` with a one-line reason.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

MESSAGE_MAX_CHARS = 500
"""The longest message to the host or the stage."""
ADJUST_MAX_S = 24 * 3600
"""The largest adjustment one command may make (more is surely a mistake)."""
RECIPIENTS = ("host", "stage")


class UnknownCommand(KeyError):
    """No command has this id."""

    def __init__(self, command: str) -> None:
        super().__init__(command)
        self.command = command

    def __str__(self) -> str:
        return f"there is no command {self.command!r}"


class BadArgument(ValueError):
    """A missing or invalid argument; the message is one line, for the sender."""


@dataclass(frozen=True, slots=True)
class Arg:
    """One argument of a command: its name, its type (str or int), and the allowed values."""

    name: str
    type: type
    choices: tuple[str, ...] | None = None

    def convert(self, value: Any) -> Any:
        """`value` as this argument's type (strings from the network are converted)."""
        if self.type is int:
            number = _as_int(value)
            if number is None:
                raise BadArgument(f"{self.name} must be a whole number, not {_shown(value)}")
            return number
        if not isinstance(value, str):
            raise BadArgument(f"{self.name} must be text, not {_shown(value)}")
        if self.choices is not None and value not in self.choices:
            allowed = " or ".join(self.choices)
            raise BadArgument(f"{self.name} must be {allowed}, not {_shown(value)}")
        return value


@dataclass(frozen=True, slots=True)
class CommandSpec:
    """A host command: its id, its arguments, whether remote control may run it, what it does."""

    id: str
    args: tuple[Arg, ...] = ()
    remote: bool = True
    doc: str = ""

    def convert(self, given: Mapping[str, Any]) -> dict[str, Any]:
        """The arguments as the command's method takes them; BadArgument when they do not fit."""
        names = {arg.name for arg in self.args}
        extra = sorted(set(given) - names)
        if extra:
            raise BadArgument(f"{self.id} takes no argument {extra[0]!r}")
        out: dict[str, Any] = {}
        for arg in self.args:
            if arg.name not in given or given[arg.name] is None:
                raise BadArgument(f"{self.id} needs the argument {arg.name!r}")
            out[arg.name] = arg.convert(given[arg.name])
        return out


def _as_int(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return int(value) if value.is_integer() else None
    if isinstance(value, str):
        text = value.strip()
        if text[:1] in ("+", "-"):
            sign, digits = text[0], text[1:]
        else:
            sign, digits = "", text
        if digits.isascii() and digits.isdigit() and len(digits) <= 9:
            return int(sign + digits)
    return None


def _shown(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


_TO = Arg("to", str, RECIPIENTS)

COMMANDS: Mapping[str, CommandSpec] = MappingProxyType(
    {
        spec.id: spec
        for spec in (
            CommandSpec(
                "go", doc="Next cue (a long cue pages first); on the last cue, asks to end"
            ),
            CommandSpec("back", doc="Previous cue (pages back first)"),
            CommandSpec("jump", (Arg("item", str),), doc="First cue of the item with this id"),
            CommandSpec("pause", doc="Pause or resume the item's timer"),
            CommandSpec("adjust", (Arg("delta_s", int),), doc="Change the item's plan by seconds"),
            CommandSpec("plus-minute", doc="One more minute for this item"),
            CommandSpec("minus-minute", doc="One less minute for this item"),
            CommandSpec("blank", doc="Show only the clock, or the meeting again"),
            CommandSpec("tts-toggle", doc="Reading aloud on or off"),
            CommandSpec("tts-repeat", doc="Read the current cue again"),
            CommandSpec("tts-stop", doc="Stop reading"),
            CommandSpec(
                "message", (_TO, Arg("text", str)), doc="Show a message to the host or the stage"
            ),
            CommandSpec("message-clear", (_TO,), doc="Take the message down"),
            CommandSpec("end-confirm", doc="Answer yes to the end question"),
            CommandSpec("end-cancel", doc="Answer no to the end question"),
        )
    }
)
"""Every host command, in help order."""


def spec(command: str) -> CommandSpec:
    """The command with this id; UnknownCommand otherwise."""
    try:
        return COMMANDS[command]
    except KeyError:
        raise UnknownCommand(command) from None
