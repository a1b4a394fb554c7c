"""Text-to-speech for the podium: cues read aloud through pyttsx3 (espeak-ng) rendered in a
child process, played by a player process that stops at once. Importing this package imports
neither pyttsx3 nor textual nor the engine."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from podium.tts.errors import INSTALL_HINT, SpeechUnavailable
from podium.tts.speaker import Speaker, SpeechState
from podium.tts.voices import MANDARIN_VOICE, VoiceInfo, language_voice, voice_for

if TYPE_CHECKING:
    from podium.tts.offline import list_voices, spoken_durations, write_wav

__all__ = [
    "INSTALL_HINT",
    "MANDARIN_VOICE",
    "Speaker",
    "SpeechState",
    "SpeechUnavailable",
    "VoiceInfo",
    "language_voice",
    "list_voices",
    "spoken_durations",
    "voice_for",
    "write_wav",
]

_OFFLINE = ("list_voices", "spoken_durations", "write_wav")


def __getattr__(name: str) -> Any:
    # The command-line helpers load on first use: the podium screen only needs the Speaker.
    if name in _OFFLINE:
        from podium.tts import offline

        return getattr(offline, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
