"""Speech without a player: whole texts to one WAV file, spoken durations for `plan --spoken`,
and the list of voices, all rendered by one renderer process.

The work is bounded: at most `MAX_SPEECH_CHARS` characters are read aloud in one call (more is
refused before anything is rendered), and each piece of speech is rendered into a private
temporary folder, used (measured, or appended to the output) and deleted before the next one
is rendered, so at most one piece of audio is ever on disk or in memory. The folder is removed
on every way out (an error, KeyboardInterrupt, or the SystemExit a signal handler raises)."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path

from podium.tts.chunks import split_for_speech
from podium.tts.errors import (
    Reason,
    RendererCrashed,
    RenderError,
    SpeechUnavailable,
    TooMuchSpeech,
    UnknownVoice,
)
from podium.tts.renderer import RendererProcess
from podium.tts.voices import VoiceInfo, voice_for
from podium.tts.wavfile import MonoWavWriter, wav_duration

MAX_SPEECH_CHARS = 100_000
"""Characters of text one `plan --spoken` or `say` reads aloud at most: about two hours of
English or six of Mandarin at 200 words a minute, thirty times a long real host script, and
a few minutes of rendering. Repeated texts count once (they are measured once)."""


class OfflineRenderer:
    """A renderer process used for files and measurements, restarted once if it crashes."""

    def __init__(self) -> None:
        self._process = RendererProcess()
        self._folder = tempfile.TemporaryDirectory(prefix="podium-tts-")
        self._count = 0

    @property
    def folder(self) -> Path:
        """The private folder the pieces are rendered into (removed on exit)."""
        return Path(self._folder.name)

    def __enter__(self) -> OfflineRenderer:
        try:
            self._process.start()
        except RendererCrashed as exc:
            self._folder.cleanup()
            raise SpeechUnavailable(Reason.ENGINE_MISSING, detail=str(exc)) from exc
        except BaseException:
            self._folder.cleanup()
            raise
        return self

    def __exit__(self, *exc: object) -> None:
        try:
            self._process.close()
        finally:
            self._folder.cleanup()

    def voices(self) -> list[VoiceInfo]:
        """The voices the engine offers."""
        return self._process.voices()

    def pieces(self, text: str, voice: str, rate: int, *, strict: bool) -> Iterator[Path]:
        """Render `text` piece by piece, in reading order: each piece's WAV file is yielded,
        then deleted before the next piece is rendered (and when the loop stops early)."""
        for piece in split_for_speech(text):
            self._count += 1
            path = self.folder / f"piece-{self._count}.wav"
            try:
                self._render(piece, voice, rate, str(path), strict=strict)
                yield path
            finally:
                path.unlink(missing_ok=True)
                Path(f"{path}.part").unlink(missing_ok=True)

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


def check_speech_size(texts: Sequence[str], limit: int = MAX_SPEECH_CHARS) -> None:
    """TooMuchSpeech when the distinct `texts` hold more than `limit` characters."""
    count = sum(len(text) for text in set(texts))
    if count > limit:
        raise TooMuchSpeech(count, limit)


def spoken_durations(
    texts: Sequence[str], *, language: str, voice: str | None = None, rate: int = 200
) -> list[float]:
    """How long each text takes to read aloud, in seconds, measured by rendering it with the
    voice the podium would use. SpeechUnavailable when no engine works (or a voice is unknown),
    TooMuchSpeech beyond `MAX_SPEECH_CHARS` (before anything is rendered)."""
    if not any(split_for_speech(text) for text in texts):
        return [0.0] * len(texts)  # nothing to read aloud: no engine needed
    check_speech_size(texts)
    durations: list[float] = []
    measured: dict[tuple[str, str], float] = {}
    with OfflineRenderer() as renderer:
        for text in texts:
            chosen = voice_for(text, language, voice)
            key = (text, chosen)
            if key not in measured:
                try:
                    measured[key] = sum(
                        wav_duration(path)
                        for path in renderer.pieces(text, chosen, rate, strict=voice is not None)
                    )
                except UnknownVoice as exc:
                    raise SpeechUnavailable(Reason.UNKNOWN_VOICE, voice=exc.voice) from exc
                except RenderError as exc:
                    raise SpeechUnavailable(Reason.INTERNAL, detail=str(exc)) from exc
            durations.append(measured[key])
    return durations


def write_wav(
    text: str, out: str | os.PathLike[str], *, voice: str, rate: int, strict: bool
) -> float:
    """Render `text` in full into one 16-bit mono WAV file, piece by piece; its length in
    seconds. SpeechUnavailable when no engine works, RenderError for an unknown voice,
    TooMuchSpeech beyond `MAX_SPEECH_CHARS` (before anything is rendered)."""
    check_speech_size([text])
    with OfflineRenderer() as renderer, MonoWavWriter(out) as writer:
        for path in renderer.pieces(text, voice, rate, strict=strict):
            writer.append(path)
        return writer.seconds


def list_voices() -> list[VoiceInfo]:
    """The voices espeak-ng offers here; SpeechUnavailable when it does not work."""
    with OfflineRenderer() as renderer:
        return renderer.voices()
