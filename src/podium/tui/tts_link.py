"""How the screen talks to text-to-speech: what it needs of a speaker, and the relay that carries
the speaker's state changes (reported from its own thread) onto the app's message queue."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

from textual.app import App
from textual.message import Message


class SpeakerLike(Protocol):
    """The part of `podium.tts.Speaker` the screen uses (tests pass a fake)."""

    @property
    def enabled(self) -> bool: ...
    @property
    def state(self) -> Any: ...
    @property
    def reason(self) -> str | None: ...
    def start(self) -> None: ...
    def enable(self, on: bool) -> None: ...
    def say(self, text: str) -> None: ...
    def prefetch(self, texts: Sequence[str]) -> None: ...
    def stop(self) -> None: ...
    def close(self) -> None: ...


class TtsStateChanged(Message):
    """The speaker's state changed (posted from the speaker's thread)."""

    def __init__(self, state: Any, reason: str | None) -> None:
        super().__init__()
        self.state = state
        self.reason = reason


class TtsStateRelay:
    """`on_state` for a Speaker created before the app: forwards to the app once attached.

    `App.post_message` is thread-safe; before the app runs (or after it ends) changes are
    dropped, and the app reads the speaker's state itself when it mounts.
    """

    def __init__(self) -> None:
        self._app: App[Any] | None = None

    def attach(self, app: App[Any]) -> None:
        self._app = app

    def __call__(self, state: Any, reason: str | None = None) -> None:
        app = self._app
        if app is not None and app.is_running:
            app.post_message(TtsStateChanged(state, reason))


def tts_status(enabled: bool, state: Any) -> str:
    """The status line's word for a speaker: off, on, speaking or unavailable."""
    name = str(getattr(state, "name", state)).lower()
    if name == "unavailable":
        return "unavailable"
    if not enabled or name == "off":
        return "off"
    return "speaking" if name == "speaking" else "on"
