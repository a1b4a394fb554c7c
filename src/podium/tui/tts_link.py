"""How the screen hears from text-to-speech: the relay that carries the speaker's state changes
(reported from its own thread) onto the app's message queue. What the host needs of a speaker,
and the lazy speaker, live in `podium.host.speaking`."""

from __future__ import annotations

from typing import Any

from textual.app import App
from textual.message import Message

from podium.host.speaking import LazySpeaker, SpeakerLike, tts_status

__all__ = ["LazySpeaker", "SpeakerLike", "TtsStateChanged", "TtsStateRelay", "tts_status"]


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
