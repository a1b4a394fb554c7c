"""A private tmux server to start apps in a real terminal and watch their screen."""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import time
from pathlib import Path


class TmuxMissing(Exception):
    """tmux is not installed here."""


class Tmux:
    """A tmux server on its own socket (never the user's), killed on `close()`."""

    def __init__(self, width: int = 120, height: int = 40) -> None:
        if shutil.which("tmux") is None:
            raise TmuxMissing("tmux is not installed")
        self.socket = f"podium-bench-{os.getpid()}"
        self._count = 0
        self._tmux(
            "new-session", "-d", "-s", "bench", "-x", str(width), "-y", str(height), "sleep 86400"
        )
        self._tmux("set-option", "-g", "remain-on-exit", "on")

    def _tmux(self, *args: str) -> str:
        done = subprocess.run(
            ["tmux", "-L", self.socket, "-f", "/dev/null", *args],
            capture_output=True,
            text=True,
            check=False,
        )
        return done.stdout

    def time_to_marker(
        self, argv: list[str], env: dict[str, str], cwd: Path, marker: str, timeout: float = 20.0
    ) -> float:
        """Seconds from asking tmux for a new window running `argv` (in exactly the environment
        `env`) until `marker` is on its screen (capture-pane polled every ~5 ms). Raises
        TimeoutError with the screen, ProcessLookupError when the program exits first."""
        self._count += 1
        window = f"bench:w{self._count}"
        command = "cd {} && exec env -i {} {}".format(
            shlex.quote(str(cwd)),
            " ".join(shlex.quote(f"{k}={v}") for k, v in env.items()),
            shlex.join(argv),
        )
        start = time.monotonic()
        self._tmux("new-window", "-d", "-t", "bench", "-n", f"w{self._count}", command)
        screen = ""
        try:
            while time.monotonic() - start < timeout:
                screen = self._tmux("capture-pane", "-p", "-t", window)
                if marker in screen:
                    return time.monotonic() - start
                if "Pane is dead" in screen:
                    status = re.search(r"Pane is dead \(status (\d+)", screen)
                    code = status.group(1) if status else "?"
                    raise ProcessLookupError(f"exited (status {code}) before showing {marker!r}")
                time.sleep(0.005)
            last = [line for line in screen.splitlines() if line.strip()][-3:]
            raise TimeoutError(f"no {marker!r} on screen after {timeout:.0f} s: {' / '.join(last)}")
        finally:
            self._tmux("kill-window", "-t", window)

    def close(self) -> None:
        self._tmux("kill-server")
