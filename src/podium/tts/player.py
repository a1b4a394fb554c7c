"""One playback: the audio player (aplay by default) as a child process that can be killed at
once, with everything it prints kept off the terminal."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import tempfile
from collections.abc import Sequence

DEFAULT_PLAYER = ("aplay", "-q")


class Playback:
    """A player process playing one WAV file."""

    def __init__(self, command: Sequence[str], wav: str) -> None:
        self.killed = False
        self._errors = tempfile.TemporaryFile()  # noqa: SIM115 - lives as long as the playback
        self._proc = subprocess.Popen(
            [*command, wav],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=self._errors,
            start_new_session=True,  # its own process group: a kill takes its children too
            close_fds=True,
        )

    @property
    def pid(self) -> int:
        """The player's process id."""
        return self._proc.pid

    def kill(self) -> None:
        """Stop playing now (SIGKILL to the player's process group)."""
        self.killed = True
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self._proc.pid, signal.SIGKILL)

    def wait(self) -> int:
        """Wait for the player to end; its exit code (negative when killed by a signal)."""
        return self._proc.wait()

    def error_text(self) -> str:
        """The last line the player wrote to its standard error."""
        self._errors.seek(0)
        lines = self._errors.read().decode(errors="replace").strip().splitlines()
        return lines[-1].strip() if lines else ""

    def close(self) -> None:
        """Release the error capture file."""
        self._errors.close()
