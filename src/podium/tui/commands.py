"""The screen's key table: command ids, keys and labels, shared by key bindings, the command
palette and the help screen. The ids are the host's command ids (`podium.host.COMMANDS`), plus
the screen's own: `help`, `quit`, and `jump` without an item (the jump dialog)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from textual.binding import Binding


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
    label: dict[str, str] = field(hash=False)
    """What it does, per label language ("en", "zh")."""
    footer: bool = True
    """Shown in the footer (the 80-column footer has room for the essentials only)."""
    footer_keys: str = ""
    """A shorter `key_display` for the footer ("" means the same)."""
    short: dict[str, str] | None = field(default=None, hash=False)
    """A shorter label for the footer (None means the same)."""


GO_KEYS: tuple[str, ...] = ("space", "enter", "right", "down", "pagedown")
BACK_KEYS: tuple[str, ...] = ("left", "up", "pageup", "backspace")

COMMANDS: tuple[Command, ...] = (
    Command(
        "go",
        "go",
        GO_KEYS,
        "Space, Enter, →, ↓, PgDn",
        {"en": "Next cue", "zh": "下一步"},
        short={"en": "Next", "zh": "下一步"},
        footer_keys="Space/PgDn",
    ),
    Command(
        "back",
        "go_back",  # not "back": Textual's App already has an action of that name
        BACK_KEYS,
        "←, ↑, PgUp, Backspace",
        {"en": "Back", "zh": "上一步"},
        footer_keys="←/PgUp",
    ),
    Command(
        "jump",
        "jump",
        ("j",),
        "j, Ctrl+P",
        {"en": "Jump to item", "zh": "跳转"},
        short={"en": "Jump", "zh": "跳转"},
        footer_keys="j",
    ),
    Command(
        "pause",
        "pause",
        ("p",),
        "p",
        {"en": "Pause timer", "zh": "暂停计时"},
        short={"en": "Pause", "zh": "暂停"},
    ),
    Command(
        "plus-minute",
        "plus_minute",
        ("plus",),
        "+",
        {"en": "One more minute for this item", "zh": "本项加一分钟"},
        footer=False,
    ),
    Command(
        "minus-minute",
        "minus_minute",
        ("minus",),
        "-",
        {"en": "One less minute for this item", "zh": "本项减一分钟"},
        footer=False,
    ),
    Command(
        "tts-toggle",
        "tts_toggle",
        ("t",),
        "t",
        {"en": "Read aloud on/off", "zh": "朗读开关"},
        footer=False,
    ),
    Command(
        "tts-repeat",
        "tts_repeat",
        ("r",),
        "r",
        {"en": "Read the cue again", "zh": "重读本条"},
        footer=False,
    ),
    Command(
        "tts-stop", "tts_stop", ("s",), "s", {"en": "Stop reading", "zh": "停止朗读"}, footer=False
    ),
    Command(
        "blank",
        "blank",
        ("b", "full_stop"),
        "b, .",
        {"en": "Blank (clock only)", "zh": "黑屏(仅时钟)"},
        short={"en": "Blank", "zh": "黑屏"},
        footer_keys="b",
    ),
    Command(
        "message-clear",
        "dismiss_message",
        ("m",),
        "m",
        {"en": "Dismiss the message to the host", "zh": "关闭给主持人的消息"},
        footer=False,
    ),
    Command(
        "help",
        "help",
        ("question_mark", "f1"),
        "?, F1",
        {"en": "Help", "zh": "帮助"},
        footer_keys="?",
    ),
    Command(
        "quit",
        "quit_request",
        ("q", "ctrl+q", "ctrl+c"),
        "q, Ctrl+Q, Ctrl+C",
        {"en": "Quit", "zh": "退出"},
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
