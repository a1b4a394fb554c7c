"""The podium's reading voice: renders cues in a child process, plays them with a player process
that a new cue kills at once, and reports its state to the screen from a background thread."""

from __future__ import annotations

import contextlib
import hashlib
import queue
import shutil
import tempfile
import threading
import time
import weakref
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from podium.tts.chunks import split_for_speech
from podium.tts.errors import (
    Reason,
    RendererCrashed,
    RenderError,
    SpeechUnavailable,
    UnknownVoice,
    reason_text,
)
from podium.tts.player import DEFAULT_PLAYER, Playback
from podium.tts.renderer import RendererProcess
from podium.tts.voices import voice_for
from podium.tts.wavfile import write_silence

MAX_CRASHES = 5
"""Renderer crashes within CRASH_WINDOW seconds after which speech gives up (UNAVAILABLE)."""
CRASH_WINDOW = 60.0


class SpeechState(StrEnum):
    """What the reading voice is doing, as the status line shows it."""

    OFF = "off"
    READY = "ready"
    SPEAKING = "speaking"
    UNAVAILABLE = "unavailable"


@dataclass(frozen=True, slots=True)
class Piece:
    """One rendered unit: a sentence-sized piece of a cue, in a voice, at a rate."""

    text: str
    voice: str
    rate: int
    strict: bool  # the voice was named by the user: no fallback to a broader language

    @property
    def filename(self) -> str:
        """The cache file name: a hash of text, voice and rate."""
        digest = hashlib.sha256(f"{self.voice}\0{self.rate}\0{self.text}".encode()).hexdigest()
        return f"{digest[:32]}.wav"


StateCallback = Callable[[SpeechState, str], None]


class Speaker:
    """Reads cue texts aloud without ever blocking its caller (the screen's event loop)."""

    def __init__(
        self,
        *,
        language: str = "en",
        voice: str | None = None,
        rate: int = 200,
        player: Sequence[str] | None = None,
        on_state: StateCallback | None = None,
        cache_dir: str | None = None,
        strict_voice: bool | None = None,
        messages: str | None = None,
    ) -> None:
        self.language = language
        self._messages = language if messages is None else messages
        """The language of `reason` (default: the meeting's, as the status line shows it)."""
        self.voice = voice
        # A voice the user named is used as is; one derived from a language (by `podium say
        # --lang`) may fall back to the primary language (`de-at` → `de`).
        self._strict_voice = voice is not None if strict_voice is None else strict_voice
        self.rate = rate
        self._player = tuple(player) if player else DEFAULT_PLAYER
        self._on_state = on_state
        self._cache_dir = Path(cache_dir).absolute() if cache_dir else None
        self._cond = threading.Condition()
        self._state = SpeechState.OFF
        self._reason = ""
        self._reason_code: Reason | None = None
        self._detail = ""
        self._enabled = False
        self._started = False
        self._closed = False
        self._generation = 0
        self._utterance: deque[Piece] = deque()
        self._prefetch: deque[Piece] = deque()
        self._rendered: dict[Piece, Path] = {}
        self._failed: set[Piece] = set()
        self._renderer = RendererProcess()
        self._live = _Leftovers(self._renderer)
        # Ends the player and the renderer even if close() is never called (a crash).
        weakref.finalize(self, self._live.end)
        self._crashes: deque[float] = deque()
        self._events: queue.SimpleQueue[tuple[SpeechState, str] | None] = queue.SimpleQueue()
        self._threads: list[threading.Thread] = []
        self._engine_checked = threading.Event()  # the renderer answered (ready or fatal)
        self.renders = 0
        """How many pieces were rendered (not served from the cache): for tests and benchmarks."""

    # -- what the screen reads -------------------------------------------------------------

    @property
    def state(self) -> SpeechState:
        """OFF, READY, SPEAKING or UNAVAILABLE."""
        return self._state

    @property
    def reason(self) -> str:
        """Why speech is unavailable, with the fix, in plain words in the speaker's message
        language; empty otherwise."""
        return self._reason

    @property
    def reason_code(self) -> Reason | None:
        """Which `Reason` speech is unavailable for; None while it works."""
        return self._reason_code

    @property
    def detail(self) -> str:
        """What the engine or the player itself said when speech became unavailable (English,
        raw: for `--debug` and bug reports, never for the status line)."""
        return self._detail

    @property
    def enabled(self) -> bool:
        """Whether cues are read aloud (the `t` key)."""
        return self._enabled

    # -- what the screen calls -------------------------------------------------------------

    def start(self) -> None:
        """Spawn the renderer process and the worker threads; call before `App.run()`.
        Never raises: problems make the state UNAVAILABLE with the reason and the fix."""
        with self._cond:
            if self._started:
                return
            self._started = True
        self._spawn_thread(self._notify_loop, "podium-tts-notify")
        try:
            if self._cache_dir is None:
                self._cache_dir = Path(tempfile.mkdtemp(prefix="podium-tts-"))
                self._live.folder = self._cache_dir
            else:
                self._cache_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            self._give_up(
                Reason.CACHE_FOLDER,
                detail=str(exc),
                folder=str(self._cache_dir or tempfile.gettempdir()),
            )
            return
        if shutil.which(self._player[0]) is None:
            self._give_up(Reason.PLAYER_MISSING, player=self._player[0])
            return
        try:
            self._renderer.spawn()
        except SpeechUnavailable as exc:
            self._give_up_for(exc)
            return
        self._spawn_thread(self._render_loop, "podium-tts-render")
        self._spawn_thread(self._play_loop, "podium-tts-play")

    def enable(self, on: bool) -> None:
        """Turn reading aloud on (READY) or off (OFF, and stop what is playing)."""
        with self._cond:
            self._enabled = on
            if self._state is not SpeechState.UNAVAILABLE:
                if not on:
                    self._set_state(SpeechState.OFF, "")
                elif self._state is SpeechState.OFF:
                    self._set_state(SpeechState.READY, "")
            playback = None if on else self._cancel_locked()
            self._cond.notify_all()
        if playback is not None:
            playback.kill()

    def say(self, text: str) -> None:
        """Stop what is playing now, then read `text` (from the cache when rendered ahead);
        an empty text just stops."""
        pieces = self._pieces(text)
        with self._cond:
            playback = self._cancel_locked(settle=False)
            if self._enabled and self._state is not SpeechState.UNAVAILABLE and not self._closed:
                self._utterance.extend(pieces)
            if self._utterance:
                self._set_state(SpeechState.SPEAKING, "")
            elif self._state is SpeechState.SPEAKING:
                self._set_state(SpeechState.READY, "")
            self._cond.notify_all()
        if playback is not None:
            playback.kill()

    def prefetch(self, texts: Iterable[str]) -> None:
        """Render these texts ahead (after whatever `say` needs), replacing the last list."""
        pieces = [piece for text in texts for piece in self._pieces(text)]
        with self._cond:
            self._prefetch = deque(p for p in pieces if p not in self._rendered)
            self._cond.notify_all()

    def stop(self) -> None:
        """Stop playback now (the player process is killed)."""
        self.say("")

    def abandon(self) -> None:
        """Kill the player and the renderer without taking a lock: for a signal handler that
        is about to end the process (the terminal closed), when `close()` could wait."""
        self._live.end()

    def close(self) -> None:
        """Stop, end the renderer and the threads, and delete the temporary cache."""
        with self._cond:
            if self._closed:
                return
            self._closed = True
            playback = self._cancel_locked()
            self._cond.notify_all()
        if playback is not None:
            playback.kill()
        self._renderer.interrupt()
        self._engine_checked.set()
        current = threading.current_thread()
        for thread in self._threads:
            if thread is not current and thread.name != "podium-tts-notify":
                thread.join(timeout=2.0)
        self._renderer.interrupt()  # in case the render thread had just started a new one
        self._renderer.close()
        self._events.put(None)
        self._live.end()

    # -- extras for the command line and tests ---------------------------------------------

    def wait_idle(self, timeout: float | None = None) -> bool:
        """Wait until nothing is left to play (or speech is unavailable); False on timeout."""
        with self._cond:
            return self._cond.wait_for(
                lambda: (
                    (not self._utterance and self._live.playback is None)
                    or self._state is SpeechState.UNAVAILABLE
                    or self._closed
                ),
                timeout=timeout,
            )

    @property
    def renderer_pid(self) -> int | None:
        """The renderer process's id while it runs (tests kill it to see speech recover)."""
        return self._renderer.pid

    def wav_paths(self, text: str) -> list[Path]:
        """The cache files `text` plays from, piece by piece (they exist once rendered)."""
        folder = self._cache_dir or Path(".")
        return [folder / piece.filename for piece in self._pieces(text)]

    # -- internals -------------------------------------------------------------------------

    def _pieces(self, text: str) -> list[Piece]:
        voice = voice_for(text, self.language, self.voice)
        strict = self._strict_voice
        return [Piece(chunk, voice, self.rate, strict) for chunk in split_for_speech(text)]

    def _cancel_locked(self, *, settle: bool = True) -> Playback | None:
        self._generation += 1
        self._utterance.clear()
        playback, self._live.playback = self._live.playback, None
        if settle and self._state is SpeechState.SPEAKING:
            self._set_state(SpeechState.READY, "")
        return playback

    def _set_state(self, state: SpeechState, reason: str) -> None:
        if (state, reason) != (self._state, self._reason):
            self._state, self._reason = state, reason
            self._events.put((state, reason))

    def _unavailable(self, reason: Reason, detail: str = "", **fields: str) -> None:
        """UNAVAILABLE for `reason` (call with the condition held)."""
        self._reason_code, self._detail = reason, detail
        self._set_state(SpeechState.UNAVAILABLE, reason_text(reason, self._messages, **fields))

    def _give_up_for(self, exc: SpeechUnavailable | UnknownVoice) -> None:
        self._give_up(exc.reason, getattr(exc, "detail", ""), **exc.fields)

    def _give_up(self, reason: Reason, detail: str = "", **fields: str) -> None:
        with self._cond:
            self._unavailable(reason, detail, **fields)
            playback = self._cancel_locked()
            self._cond.notify_all()
        if playback is not None:
            playback.kill()

    def _spawn_thread(self, target: Callable[[], None], name: str) -> None:
        thread = threading.Thread(target=target, name=name, daemon=True)
        self._threads.append(thread)
        thread.start()

    def _stopped(self) -> bool:
        return self._closed or self._state is SpeechState.UNAVAILABLE

    def _notify_loop(self) -> None:
        while (event := self._events.get()) is not None:
            if self._on_state is not None:
                with contextlib.suppress(Exception):  # the screen's callback must not kill speech
                    self._on_state(*event)

    # rendering -------------------------------------------------------------------------

    def _render_loop(self) -> None:
        # The player's device probe waits for this check, the named voice included: a machine
        # lacking a sound device and given an unknown voice reports the voice, every time
        # (the voice is what the user typed wrong; --out still works without a device).
        try:
            try:
                self._renderer.wait_ready()
            except SpeechUnavailable as exc:
                self._give_up_for(exc)
                return
            except RendererCrashed:
                if not self._count_crash():
                    return
            if self.voice and not self._check_named_voice(self.voice):
                return
        finally:
            self._engine_checked.set()
        try:
            while (piece := self._next_to_render()) is not None:
                self._render(piece)
        except Exception as exc:  # a bug here must leave the podium running, silent
            self._give_up(Reason.INTERNAL, detail=f"{type(exc).__name__}: {exc}")

    def _check_named_voice(self, voice: str) -> bool:
        """Say at once, not at the first cue, when the named voice does not exist."""
        try:
            self._renderer.check_voice(voice, strict=self._strict_voice)
        except (UnknownVoice, SpeechUnavailable) as exc:
            self._give_up_for(exc)
            return False
        except (RenderError, RendererCrashed):
            pass  # the renderer is restarted on the first render
        return True

    def _next_to_render(self) -> Piece | None:
        with self._cond:
            while not self._stopped():
                if self._enabled:
                    for piece in self._utterance:
                        if self._needs_render(piece):
                            return piece
                    while self._prefetch:
                        piece = self._prefetch.popleft()
                        if self._needs_render(piece):
                            return piece
                self._cond.wait()
            return None

    def _needs_render(self, piece: Piece) -> bool:
        if piece in self._rendered or piece in self._failed:
            return False
        assert self._cache_dir is not None
        path = self._cache_dir / piece.filename
        if path.exists():  # rendered by an earlier run into a kept cache folder
            self._rendered[piece] = path
            self._cond.notify_all()
            return False
        return True

    def _render(self, piece: Piece) -> None:
        assert self._cache_dir is not None
        path = self._cache_dir / piece.filename
        for _attempt in range(2):
            if self._stopped():
                return
            try:
                if not self._renderer.alive:
                    self._renderer.start()
                self._renderer.render(
                    piece.text, piece.voice, piece.rate, str(path), strict=piece.strict
                )
            except SpeechUnavailable as exc:
                self._give_up_for(exc)
                return
            except UnknownVoice as exc:
                self._give_up_for(exc)
                return
            except RenderError:
                break
            except RendererCrashed:
                if not self._count_crash():
                    return
                continue
            with self._cond:
                self.renders += 1
                self._rendered[piece] = path
                self._cond.notify_all()
            return
        with self._cond:  # this piece cannot be rendered: skip it, read the rest
            self._failed.add(piece)
            self._cond.notify_all()

    def _count_crash(self) -> bool:
        """Note a renderer crash; False (and UNAVAILABLE) when it keeps crashing."""
        if self._closed:
            return False
        now = time.monotonic()
        self._crashes.append(now)
        while self._crashes and now - self._crashes[0] > CRASH_WINDOW:
            self._crashes.popleft()
        if len(self._crashes) >= MAX_CRASHES:
            self._give_up(Reason.ENGINE_CRASHING)
            return False
        return True

    # playing ---------------------------------------------------------------------------

    def _play_loop(self) -> None:
        # The engine is checked first, so a machine lacking both reports the engine.
        self._engine_checked.wait()
        try:
            if not self._stopped() and self._probe_device():
                while self._play_next():
                    pass
        except Exception as exc:  # a bug here must leave the podium running, silent
            self._give_up(Reason.INTERNAL, detail=f"{type(exc).__name__}: {exc}")

    def _probe_device(self) -> bool:
        """Play a moment of silence: a player without a sound device fails here, before any
        cue, so the status can say so at once."""
        assert self._cache_dir is not None
        probe = self._cache_dir / "probe.wav"
        write_silence(probe, 0.02)
        try:
            playback = Playback(self._player, str(probe))
        except OSError as exc:
            self._give_up(Reason.PLAYER_FAILED, detail=str(exc), player=self._player[0])
            return False
        code = playback.wait()
        detail = playback.error_text()
        playback.close()
        if code != 0 and not self._closed:
            self._give_up(Reason.NO_DEVICE, detail=detail, player=self._player[0])
            return False
        return True

    def _play_next(self) -> bool:
        with self._cond:
            while True:
                if self._stopped():
                    return False
                if self._enabled and self._utterance:
                    head = self._utterance[0]
                    if head in self._failed:
                        self._utterance.popleft()
                        self._finish_if_done()
                        continue
                    if head in self._rendered:
                        break
                self._cond.wait()
            generation = self._generation
            path = self._rendered[head]
        try:
            playback = Playback(self._player, str(path))
        except OSError as exc:
            self._give_up(Reason.PLAYER_FAILED, detail=str(exc), player=self._player[0])
            return False
        with self._cond:
            if generation != self._generation or self._closed:
                playback.kill()
            else:
                self._live.playback = playback
        code = playback.wait()
        detail = playback.error_text()
        playback.close()
        with self._cond:
            if self._live.playback is playback:
                self._live.playback = None
            if generation == self._generation:
                if code != 0 and not playback.killed:
                    self._cond.notify_all()
                    self._unavailable(Reason.NO_DEVICE, detail, player=self._player[0])
                    self._utterance.clear()
                    return False
                if self._utterance and self._utterance[0] == head:
                    self._utterance.popleft()
                self._finish_if_done()
            self._cond.notify_all()
        return True

    def _finish_if_done(self) -> None:
        if not self._utterance and self._state is SpeechState.SPEAKING:
            self._set_state(SpeechState.READY, "")


@dataclass(slots=True)
class _Leftovers:
    """What must not outlive the program: the player, the renderer, the temporary cache."""

    renderer: RendererProcess
    playback: Playback | None = None
    folder: Path | None = None

    def end(self) -> None:
        """Kill the player and the renderer and delete the temporary cache folder."""
        if self.playback is not None:
            self.playback.kill()
        self.renderer.interrupt()
        if self.folder is not None:
            shutil.rmtree(self.folder, ignore_errors=True)
