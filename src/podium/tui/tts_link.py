"""How the screen talks to text-to-speech: what it needs of a speaker, and the relay that carries
the speaker's state changes (reported from its own thread) onto the app's message queue."""

from __future__ import annotations

from collections.abc import Callable, Sequence
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


class LazySpeaker:
    """A speaker that does not exist until reading is first turned on (the `t` key without
    `--tts`): nothing of text-to-speech is imported or started for a silent meeting."""

    def __init__(self, factory: Callable[[], SpeakerLike]) -> None:
        self._factory = factory
        self._real: SpeakerLike | None = None
        self._reason = ""

    @property
    def enabled(self) -> bool:
        return self._real is not None and self._real.enabled

    @property
    def state(self) -> Any:
        if self._real is not None:
            return self._real.state
        return "unavailable" if self._reason else "off"

    @property
    def reason(self) -> str | None:
        return self._real.reason if self._real is not None else self._reason

    def start(self) -> None:
        if self._real is None and not self._reason:
            try:
                self._real = self._factory()
            except ImportError as exc:
                self._reason = f"text-to-speech cannot be loaded ({exc})"
                return
        if self._real is not None:
            self._real.start()

    def enable(self, on: bool) -> None:
        if on and self._real is None:
            self.start()
        if self._real is not None:
            self._real.enable(on)

    def say(self, text: str) -> None:
        if self._real is not None:
            self._real.say(text)

    def prefetch(self, texts: Sequence[str]) -> None:
        if self._real is not None:
            self._real.prefetch(texts)

    def stop(self) -> None:
        if self._real is not None:
            self._real.stop()

    def close(self) -> None:
        if self._real is not None:
            self._real.close()

    def abandon(self) -> None:
        abandon = getattr(self._real, "abandon", None)
        if callable(abandon):
            abandon()
