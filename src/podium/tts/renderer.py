"""The renderer process (`python -m podium.tts.renderer`) and the client that talks to it.

The speech engine runs in a plain child process, spoken to with one JSON object per line over
its stdin/stdout. The child moves that channel to private descriptors first and points its
file descriptors 0, 1 and 2 at /dev/null, so nothing espeak-ng or pyttsx3 prints can reach the
terminal. A plain subprocess (not multiprocessing) can be started again at any time, also
while Textual owns the terminal, because it touches neither sys.stdout nor sys.stderr.
"""

from __future__ import annotations

import json
import os
import select
import subprocess
import sys
import time
from typing import Any

from podium.tts.errors import (
    Reason,
    RendererCrashed,
    RenderError,
    SpeechUnavailable,
    UnknownVoice,
)
from podium.tts.voices import VoiceInfo

START_TIMEOUT = 15.0
"""Seconds the child may take to import pyttsx3 and initialise espeak-ng (cold disk cache)."""


class RendererProcess:
    """A renderer child process: renders texts to WAV files, one request at a time."""

    def __init__(self) -> None:
        self._proc: subprocess.Popen[bytes] | None = None
        self._buffer = b""

    @property
    def pid(self) -> int | None:
        """The child's process id while it runs."""
        return self._proc.pid if self.alive and self._proc is not None else None

    @property
    def alive(self) -> bool:
        """True while the child runs."""
        return self._proc is not None and self._proc.poll() is None

    def start(self) -> None:
        """Start the child and wait until its engine is ready; SpeechUnavailable when no engine
        works here, RendererCrashed when the child dies on the way."""
        self.spawn()
        self.wait_ready()

    def spawn(self) -> None:
        """Start the child without waiting for it (a few milliseconds)."""
        self.close()
        self._buffer = b""
        try:
            self._proc = subprocess.Popen(
                # -P: a `podium` folder in the working directory must not shadow the package.
                [sys.executable, "-P", "-m", "podium.tts.renderer"],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
                start_new_session=True,
                close_fds=True,
            )
        except OSError as exc:
            raise SpeechUnavailable(Reason.ENGINE_MISSING, detail=str(exc)) from exc

    def wait_ready(self) -> None:
        """Wait for the child's greeting: SpeechUnavailable when its engine does not start."""
        if self._proc is None:
            raise RendererCrashed("the speech renderer is not running")
        hello = self._receive(START_TIMEOUT)
        if "fatal" in hello:
            self.close()
            raise SpeechUnavailable(
                _reason(hello.get("reason")),
                detail=str(hello.get("detail") or hello["fatal"]),
                **{str(k): str(v) for k, v in dict(hello.get("fields") or {}).items()},
            )

    def render(self, text: str, voice: str, rate: int, path: str, *, strict: bool) -> int:
        """Render `text` into the WAV file `path`; its frame count. RenderError for a text that
        cannot be rendered (e.g. an unknown voice), RendererCrashed when the child dies."""
        reply = self._ask(
            {
                "op": "render",
                "text": text,
                "voice": voice,
                "rate": rate,
                "path": path,
                "strict": strict,
            },
            timeout=30.0 + len(text) * 0.05,
        )
        return int(reply["frames"])

    def check_voice(self, voice: str, *, strict: bool) -> None:
        """UnknownVoice unless the engine has this voice."""
        self._ask({"op": "voice", "voice": voice, "strict": strict}, timeout=10.0)

    def voices(self) -> list[VoiceInfo]:
        """The voices the engine offers."""
        reply = self._ask({"op": "voices"}, timeout=10.0)
        return [VoiceInfo(v["id"], v["name"], tuple(v["languages"])) for v in reply["voices"]]

    def close(self) -> None:
        """Stop the child: end of input first, a kill if it lingers."""
        proc, self._proc = self._proc, None
        if proc is None:
            return
        try:
            if proc.stdin:
                proc.stdin.close()
            proc.wait(timeout=0.5)
        except (OSError, subprocess.TimeoutExpired):
            proc.kill()
            proc.wait()
        finally:
            if proc.stdout:
                proc.stdout.close()

    def interrupt(self) -> None:
        """Kill the child from any thread; the thread using this client then sees it crash."""
        proc = self._proc
        if proc is not None and proc.poll() is None:
            proc.kill()

    def kill(self) -> None:
        """Kill the child at once (it hangs or must go)."""
        if self._proc is not None and self._proc.poll() is None:
            self._proc.kill()
        self.close()

    def __enter__(self) -> RendererProcess:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _ask(self, request: dict[str, Any], *, timeout: float) -> dict[str, Any]:
        proc = self._proc
        if proc is None or proc.stdin is None or proc.poll() is not None:
            raise RendererCrashed("the speech renderer is not running")
        try:
            proc.stdin.write(json.dumps(request, ensure_ascii=False).encode() + b"\n")
            proc.stdin.flush()
        except OSError as exc:
            self.kill()
            raise RendererCrashed(f"the speech renderer stopped: {exc}") from exc
        reply = self._receive(timeout)
        if "error" in reply:
            if reply.get("kind") == "voice":
                raise UnknownVoice(str(reply.get("voice", "")))
            raise RenderError(str(reply["error"]))
        return reply

    def _receive(self, timeout: float) -> dict[str, Any]:
        proc = self._proc
        assert proc is not None and proc.stdout is not None
        fd = proc.stdout.fileno()
        deadline = time.monotonic() + timeout
        while b"\n" not in self._buffer:
            remaining = deadline - time.monotonic()
            ready = select.select([fd], [], [], max(0.0, remaining))[0] if remaining > 0 else []
            if not ready:
                self.kill()
                raise RendererCrashed(f"the speech renderer did not answer within {timeout:.0f} s")
            data = os.read(fd, 65536)
            if not data:
                code = proc.wait()
                self.close()
                raise RendererCrashed(f"the speech renderer exited (code {code})")
            self._buffer += data
        line, _, self._buffer = self._buffer.partition(b"\n")
        return dict(json.loads(line))


def main() -> int:
    """The child's side: answer render and voices requests until stdin closes."""
    channel_in = os.fdopen(os.dup(0), "rb")
    channel_out = os.fdopen(os.dup(1), "wb")
    null = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(null, fd)

    def send(message: dict[str, Any]) -> None:
        channel_out.write(json.dumps(message, ensure_ascii=False).encode() + b"\n")
        channel_out.flush()

    from podium.tts.synth import Synthesizer

    try:
        synth = Synthesizer()
    except SpeechUnavailable as exc:
        send({"fatal": str(exc), "reason": exc.reason, "detail": exc.detail, "fields": exc.fields})
        return 1
    send({"ready": True, "pid": os.getpid()})
    for line in channel_in:
        send(_answer(synth, json.loads(line)))
    return 0


def _answer(synth: Any, request: dict[str, Any]) -> dict[str, Any]:
    try:
        if request["op"] == "render":
            frames = synth.render(
                request["text"],
                request["voice"],
                int(request["rate"]),
                request["path"],
                strict=bool(request.get("strict")),
            )
            return {"frames": frames}
        if request["op"] == "voice":
            synth.check_voice(request["voice"], strict=bool(request.get("strict")))
            return {"ok": True}
        if request["op"] == "voices":
            return {
                "voices": [
                    {"id": v.id, "name": v.name, "languages": list(v.languages)}
                    for v in synth.voices()
                ]
            }
        return {"error": f"unknown request {request['op']!r}"}
    except UnknownVoice as exc:
        return {"error": str(exc), "kind": "voice", "voice": exc.voice}
    except RenderError as exc:
        return {"error": str(exc)}
    except (OSError, ValueError, KeyError) as exc:
        return {"error": f"{type(exc).__name__}: {exc}"}


def _reason(value: object) -> Reason:
    """The child's reason, ENGINE_MISSING when it sent none podium knows."""
    try:
        return Reason(str(value))
    except ValueError:
        return Reason.ENGINE_MISSING


if __name__ == "__main__":
    raise SystemExit(main())
