"""Text-to-speech for the podium: cues read aloud through pyttsx3 (espeak-ng) rendered in a
child process, played by a player process that stops at once. Importing this package imports
neither pyttsx3 nor textual nor the engine."""

from __future__ import annotations

from podium.tts.errors import INSTALL_HINT, SpeechUnavailable
from podium.tts.offline import list_voices, spoken_durations, write_wav
from podium.tts.speaker import Speaker, SpeechState
from podium.tts.voices import MANDARIN_VOICE, VoiceInfo, language_voice, voice_for

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
