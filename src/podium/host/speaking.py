"""The speaking policy: what is read aloud on each move, what is rendered ahead of time, and
the speaker the host talks to (a real `podium.tts.Speaker`, a lazy one, or a test's fake)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Protocol

from podium.engine.session import Session
from podium.i18n import N_, for_language

LIBRARY_MISSING = N_(
    "text-to-speech cannot be loaded; reinstall podium (pip install --force-reinstall podium)"
)

PREFETCH_CUES = 3
"""How many upcoming cues are rendered ahead of time."""


class SpeakerLike(Protocol):
    """The part of `podium.tts.Speaker` the host uses (tests pass a fake)."""

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


def upcoming_spoken(session: Session, n: int = PREFETCH_CUES) -> list[str]:
    """The spoken texts of the next `n` cues with something to read (after the current one)."""
    texts: list[str] = []
    pos = session.position
    if pos is None:
        return texts
    for item in session.items[pos.item :]:
        first = pos.cue + 1 if item.index == pos.item else 0
        for cue in item.cues[first:]:
            if cue.spoken:
                texts.append(cue.spoken)
            if len(texts) >= n:
                return texts
    return texts


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
    `--tts`): nothing of text-to-speech is imported or started for a silent meeting.
    `language`: the language of its reason when text-to-speech cannot even be imported (the
    meeting's, as the status line shows it)."""

    def __init__(self, factory: Callable[[], SpeakerLike], language: str | None = "en") -> None:
        self._factory = factory
        self._language = language
        self._real: SpeakerLike | None = None
        self._reason = ""
        self.detail = ""
        """What the import said (English, for `--debug` and bug reports)."""

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
                # the words of `podium.tts.errors.Reason.LIBRARY_MISSING`, which cannot be
                # imported from a broken installation
                self._reason = for_language(self._language).gettext(LIBRARY_MISSING)
                self.detail = str(exc)
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
