"""The screen's key table: command ids, keys and labels, shared by key bindings, the command
palette and the help screen. The ids are the host's command ids (`podium.host.COMMANDS`), plus
the screen's own: `help`, `quit`, and `jump` without an item (the jump dialog)."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from podium.i18n import NP_, for_language

if TYPE_CHECKING:
    from textual.binding import Binding


class _Label(Mapping[str, str]):
    """A command's label per language ("en", "zh"), from the catalog: `label["zh"]`."""

    def __init__(self, pair: tuple[str, str]) -> None:
        self.context, self.english = pair

    def __getitem__(self, lang: str) -> str:
        return for_language(lang).pgettext(self.context, self.english)

    def __iter__(self) -> Iterator[str]:
        return iter(("en", "zh"))

    def __len__(self) -> int:
        return 2


def _label(pair: tuple[str, str]) -> Mapping[str, str]:
    return _Label(pair)


@dataclass(frozen=True, slots=True)
class Command:
    """A host action the podium can perform, by id."""

    id: str
    action: str
    """Textual action name on the app: "go" runs `PodiumApp.action_go`."""
    keys: tuple[str, ...]
    """Textual key names that run it."""
    key_display: str
    """How the footer and the help screen show the keys."""
    label: Mapping[str, str] = field(hash=False)
    """What it does, per label language ("en", "zh"): `NP_("command.ID", English)` in the
    catalog."""
    footer: bool = True
    """Shown in the footer (the 80-column footer has room for the essentials only)."""
    footer_keys: str = ""
    """A shorter `key_display` for the footer ("" means the same)."""
    short: Mapping[str, str] | None = field(default=None, hash=False)
    """A shorter label for the footer (None means the same)."""


GO_KEYS: tuple[str, ...] = ("space", "enter", "right", "down", "pagedown")
BACK_KEYS: tuple[str, ...] = ("left", "up", "pageup", "backspace")

COMMANDS: tuple[Command, ...] = (
    Command(
        "go",
        "go",
        GO_KEYS,
        "Space, Enter, →, ↓, PgDn",
        _label(NP_("command.go", "Next cue")),
        short=_label(NP_("command.go.short", "Next")),
        footer_keys="Space/PgDn",
    ),
    Command(
        "back",
        "go_back",  # not "back": Textual's App already has an action of that name
        BACK_KEYS,
        "←, ↑, PgUp, Backspace",
        _label(NP_("command.back", "Back")),
        footer_keys="←/PgUp",
    ),
    Command(
        "jump",
        "jump",
        ("j",),
        "j, Ctrl+P",
        _label(NP_("command.jump", "Jump to item")),
        short=_label(NP_("command.jump.short", "Jump")),
        footer_keys="j",
    ),
    Command(
        "pause",
        "pause",
        ("p",),
        "p",
        _label(NP_("command.pause", "Pause timer")),
        short=_label(NP_("command.pause.short", "Pause")),
    ),
    Command(
        "plus-minute",
        "plus_minute",
        ("plus",),
        "+",
        _label(NP_("command.plus-minute", "One more minute for this item")),
        footer=False,
    ),
    Command(
        "minus-minute",
        "minus_minute",
        ("minus",),
        "-",
        _label(NP_("command.minus-minute", "One less minute for this item")),
        footer=False,
    ),
    Command(
        "tts-toggle",
        "tts_toggle",
        ("t",),
        "t",
        _label(NP_("command.tts-toggle", "Read aloud on/off")),
        footer=False,
    ),
    Command(
        "tts-repeat",
        "tts_repeat",
        ("r",),
        "r",
        _label(NP_("command.tts-repeat", "Read the cue again")),
        footer=False,
    ),
    Command(
        "tts-stop",
        "tts_stop",
        ("s",),
        "s",
        _label(NP_("command.tts-stop", "Stop reading")),
        footer=False,
    ),
    Command(
        "blank",
        "blank",
        ("b", "full_stop"),
        "b, .",
        _label(NP_("command.blank", "Blank (clock only)")),
        short=_label(NP_("command.blank.short", "Blank")),
        footer_keys="b",
    ),
    Command(
        "message-clear",
        "dismiss_message",
        ("m",),
        "m",
        _label(NP_("command.message-clear", "Dismiss the message to the host")),
        footer=False,
    ),
    Command(
        "help",
        "help",
        ("question_mark", "f1"),
        "?, F1",
        _label(NP_("command.help", "Help")),
        footer_keys="?",
    ),
    Command(
        "quit",
        "quit_request",
        ("q", "ctrl+q", "ctrl+c"),
        "q, Ctrl+Q, Ctrl+C",
        _label(NP_("command.quit", "Quit")),
        footer_keys="q",
    ),
)
"""Every host action, in the order the help screen lists them."""

_BY_ID = {c.id: c for c in COMMANDS}

APP_KEYS: frozenset[str] = frozenset({"ctrl+q", "ctrl+c"})
"""Keys bound on the app itself (they work in every dialog too); the rest bind on the main
screen only, so a dialog's own keys (typing a search, `q` closing help) are never stolen."""


def app_bindings() -> list[Binding]:
    """The table's app-wide keys (Ctrl+Q, Ctrl+C) as one binding per command, with its id."""
    from textual.binding import Binding

    bindings = []
    for cmd in COMMANDS:
        keys = [k for k in cmd.keys if k in APP_KEYS]
        if keys:
            bindings.append(
                Binding(",".join(keys), cmd.action, show=False, priority=True, id=cmd.id)
            )
    return bindings


def command(id: str) -> Command:
    """The command with this id (KeyError for an unknown id)."""
    return _BY_ID[id]


def label(cmd: Command, lang: str) -> str:
    """The command's label in `lang` ("en" or "zh"), English when missing."""
    return cmd.label.get(lang) or cmd.label["en"]


def footer_label(cmd: Command, lang: str) -> str:
    """The command's label as the footer shows it (shorter where it has to be)."""
    if cmd.short is None:
        return label(cmd, lang)
    return cmd.short.get(lang) or cmd.short["en"]
