"""Speech without a player: whole texts to one WAV file, spoken durations for `plan --spoken`,
and the list of voices, all rendered by one renderer process."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from pathlib import Path

from podium.tts.chunks import split_for_speech
from podium.tts.errors import (
    Reason,
    RendererCrashed,
    RenderError,
    SpeechUnavailable,
    UnknownVoice,
)
from podium.tts.renderer import RendererProcess
from podium.tts.voices import VoiceInfo, voice_for
from podium.tts.wavfile import concatenate, wav_duration


class OfflineRenderer:
    """A renderer process used for files and measurements, restarted once if it crashes."""

    def __init__(self) -> None:
        self._process = RendererProcess()
        self._folder = tempfile.TemporaryDirectory(prefix="podium-tts-")
        self._count = 0

    def __enter__(self) -> OfflineRenderer:
        try:
            self._process.start()
        except RendererCrashed as exc:
            self._folder.cleanup()
            raise SpeechUnavailable(Reason.ENGINE_MISSING, detail=str(exc)) from exc
        except SpeechUnavailable:
            self._folder.cleanup()
            raise
        return self

    def __exit__(self, *exc: object) -> None:
        self._process.close()
        self._folder.cleanup()

    def voices(self) -> list[VoiceInfo]:
        """The voices the engine offers."""
        return self._process.voices()

    def render_pieces(self, text: str, voice: str, rate: int, *, strict: bool) -> list[Path]:
        """Render `text` piece by piece into temporary WAV files, in reading order."""
        paths = []
        for piece in split_for_speech(text):
            self._count += 1
            path = Path(self._folder.name) / f"piece-{self._count}.wav"
            self._render(piece, voice, rate, str(path), strict=strict)
            paths.append(path)
        return paths

    def _render(self, text: str, voice: str, rate: int, path: str, *, strict: bool) -> None:
        try:
            self._process.render(text, voice, rate, path, strict=strict)
        except RendererCrashed:
            self._process.start()  # one more try with a fresh engine
            try:
                self._process.render(text, voice, rate, path, strict=strict)
            except RendererCrashed as exc:
                raise SpeechUnavailable(
                    Reason.ENGINE_CRASHING, detail=f"while reading {text[:40]!r}: {exc}"
                ) from exc


def spoken_durations(
    texts: Sequence[str], *, language: str, voice: str | None = None, rate: int = 200
) -> list[float]:
    """How long each text takes to read aloud, in seconds, measured by rendering it with the
    voice the podium would use. SpeechUnavailable when no engine works (or a voice is unknown)."""
    if not any(split_for_speech(text) for text in texts):
        return [0.0] * len(texts)  # nothing to read aloud: no engine needed
    durations: list[float] = []
    measured: dict[tuple[str, str], float] = {}
    with OfflineRenderer() as renderer:
        for text in texts:
            chosen = voice_for(text, language, voice)
            key = (text, chosen)
            if key not in measured:
                try:
                    paths = renderer.render_pieces(text, chosen, rate, strict=voice is not None)
                except UnknownVoice as exc:
                    raise SpeechUnavailable(Reason.UNKNOWN_VOICE, voice=exc.voice) from exc
                except RenderError as exc:
                    raise SpeechUnavailable(Reason.INTERNAL, detail=str(exc)) from exc
                measured[key] = sum(wav_duration(p) for p in paths)
                for path in paths:
                    path.unlink()
            durations.append(measured[key])
    return durations


def write_wav(
    text: str, out: str | os.PathLike[str], *, voice: str, rate: int, strict: bool
) -> float:
    """Render `text` in full into one 16-bit mono WAV file; its length in seconds.
    SpeechUnavailable when no engine works, RenderError for an unknown voice."""
    with OfflineRenderer() as renderer:
        paths = renderer.render_pieces(text, voice, rate, strict=strict)
        return concatenate(paths, out)


def list_voices() -> list[VoiceInfo]:
    """The voices espeak-ng offers here; SpeechUnavailable when it does not work."""
    with OfflineRenderer() as renderer:
        return renderer.voices()
