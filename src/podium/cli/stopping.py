"""A termination signal as a clean exit, for commands that leave temporary files behind them.

By default SIGTERM (and SIGHUP, the terminal closing) ends Python at once: no `finally`, no
`with` block runs, and a temporary folder of speech files stays in /tmp. Inside
`signals_exit()`, such a signal raises `SystemExit(128 + signal)` in the main thread instead,
so every `finally` runs (renderer stopped, temporary files and folders removed) and the exit
code is the shell's usual one for that signal (143 for SIGTERM). SIGINT stays Python's
KeyboardInterrupt (exit 130 with "interrupted"). A second signal (of any of these) while
podium is already cleaning up is ignored, so the clean-up is never cut short.
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator
from types import FrameType

SIGNALS = (signal.SIGTERM, signal.SIGHUP, signal.SIGINT)


@contextlib.contextmanager
def signals_exit() -> Iterator[None]:
    """SIGTERM and SIGHUP raise SystemExit(128 + signal), SIGINT KeyboardInterrupt, while the
    block runs, once (main thread only; elsewhere the block runs as it is)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    stopping = False

    def handler(signum: int, frame: FrameType | None) -> None:
        nonlocal stopping
        if stopping:
            return  # already on the way out: let the clean-up finish
        stopping = True
        if signum == signal.SIGINT:
            raise KeyboardInterrupt
        raise SystemExit(128 + signum)

    previous = {sig: signal.signal(sig, handler) for sig in SIGNALS}
    try:
        yield
    finally:
        for sig, old in previous.items():
            signal.signal(sig, old)
