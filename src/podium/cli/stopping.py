"""A termination signal as a clean exit, for every command but `run` (podium.cli.main).

By default SIGTERM (and SIGHUP, the terminal closing) ends Python at once: no `finally`, no
`with` block runs, and a temporary folder of speech files stays in /tmp. Inside
`signals_exit()`, SIGTERM, SIGHUP and SIGINT all raise KeyboardInterrupt in the main thread
instead, so every `finally` runs (renderer stopped, temporary files and folders removed) and
the command ends as every interrupted podium command does: "interrupted", exit 130 (as
`podium run` does on the same signals). A second signal while podium is already cleaning up
is ignored, so the clean-up is never cut short.
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
    """SIGTERM, SIGHUP and SIGINT raise KeyboardInterrupt while the block runs, once (main
    thread only; elsewhere the block runs as it is)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    stopping = False

    def handler(signum: int, frame: FrameType | None) -> None:
        nonlocal stopping
        if stopping:
            return  # already on the way out: let the clean-up finish
        stopping = True
        raise KeyboardInterrupt

    previous = {sig: signal.signal(sig, handler) for sig in SIGNALS}
    try:
        yield
    finally:
        for sig, old in previous.items():
            signal.signal(sig, old)
