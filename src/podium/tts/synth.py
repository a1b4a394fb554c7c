"""pyttsx3 (espeak-ng) driven the one way that works reliably on Linux: `save_to_file`, then
wait for its `finished-utterance`. Runs only inside the renderer process, whose standard output
and error are /dev/null, because the espeak driver prints to them."""

from __future__ import annotations

import os
import threading
import time
from typing import Any

from podium.i18n import _
from podium.tts.errors import Reason, RenderError, SpeechUnavailable, UnknownVoice
from podium.tts.voices import VoiceInfo, fallback_voice
from podium.tts.wavfile import normalise


class Synthesizer:
    """The espeak-ng engine of this process: renders one text at a time to a WAV file."""

    def __init__(self) -> None:
        try:
            import pyttsx3
        except ImportError as exc:
            raise SpeechUnavailable(Reason.LIBRARY_MISSING, detail=str(exc)) from exc
        try:
            self._engine: Any = pyttsx3.init()
        except (RuntimeError, OSError, ImportError, AttributeError) as exc:
            # pyttsx3 raises RuntimeError when libespeak-ng cannot be loaded or initialised.
            raise SpeechUnavailable(Reason.ENGINE_MISSING, detail=str(exc)) from exc
        self._finished = threading.Condition()
        self._completed = 0
        self._errors: list[BaseException] = []
        self._engine.connect("finished-utterance", self._on_finished)
        self._engine.connect("error", self._on_error)
        # One empty run settles the driver proxy, so later property changes apply at once.
        self._engine.runAndWait()

    def voices(self) -> list[VoiceInfo]:
        """Every voice espeak-ng offers here."""
        return [
            VoiceInfo(
                id=str(v.id),
                name=str(v.name),
                languages=tuple(str(lang) for lang in (v.languages or ())),
            )
            for v in self._engine.getProperty("voices")
        ]

    def render(self, text: str, voice: str, rate: int, path: str, *, strict: bool) -> int:
        """Render `text` to the WAV file `path` (written whole, then renamed into place); the
        number of frames. A voice from a language tag falls back to its primary language
        unless `strict` (a voice the user named)."""
        self._set_voice(voice, strict=strict)
        self._engine.setProperty("rate", int(rate))
        self._wait_espeak_idle()
        part = f"{path}.part"
        with self._finished:
            before = self._completed
            self._errors.clear()
        self._engine.save_to_file(text, part)
        # With espeak's retrieval mode runAndWait can return while the synthesis thread is
        # still running; the file is complete when `finished-utterance` (completed) arrives.
        self._engine.runAndWait()
        deadline = 30.0 + len(text) * 0.05
        with self._finished:
            done = self._finished.wait_for(
                lambda: self._completed > before and os.path.exists(part), timeout=deadline
            )
        if not done:
            raise RenderError(
                _("espeak-ng did not finish rendering within {s} s").format(s=f"{deadline:.0f}")
            )
        frames, _rate = normalise(part)
        os.replace(part, path)
        return frames

    def _wait_espeak_idle(self) -> None:
        """Wait until espeak-ng has taken the queued settings. It queues a rate change behind
        its command FIFO, and pyttsx3's end of loop calls `Cancel()` whenever that FIFO is not
        empty: on a loaded machine the new rate was dropped and the text read at the old one."""
        try:
            from pyttsx3.drivers import _espeak
        except ImportError:  # another driver: nothing to wait for
            return
        deadline = time.monotonic() + 5.0
        while _espeak.IsPlaying() and time.monotonic() < deadline:
            time.sleep(0.001)

    def check_voice(self, voice: str, *, strict: bool) -> None:
        """UnknownVoice unless espeak-ng has `voice` (or, unless strict, its language)."""
        self._set_voice(voice, strict=strict)

    def _set_voice(self, voice: str, *, strict: bool) -> None:
        candidates = [voice]
        broader = None if strict else fallback_voice(voice)
        if broader:
            candidates.append(broader)
        for candidate in candidates:
            self._errors.clear()
            self._engine.setProperty("voice", candidate)
            if not self._errors:
                return
        raise UnknownVoice(voice)

    def _on_finished(self, name: object = None, completed: bool = True) -> None:
        if completed:
            with self._finished:
                self._completed += 1
                self._finished.notify_all()

    def _on_error(self, name: object = None, exception: BaseException | None = None) -> None:
        self._errors.append(exception or RuntimeError("speech engine error"))
