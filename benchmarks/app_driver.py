"""Drives an app in-process the way a clicker does, and times what the host sees: GO → the
next painted frame, and (with reading aloud) GO → the audio player started.

Method (Textual 8.2.8). `paint_hooks` notes every frame `App._display` paints (headless, the
hook also renders the frame to terminal bytes, so only the write is missing). A press is a
`Key` event posted to the app, as the terminal driver does; its repaint is the first frame
painted after the key's action has returned (`App.run_action`), timed from the moment the
event was posted. That includes the action itself (the engine's step and the journal's fsync),
Textual's frame pacing (at most one frame per 1/60 s) and the compositor. A frame painted by a
timer before the action returned is not counted as the press's repaint.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable
from typing import Any

from benchmarks import paint_hooks

PRESS_TIMEOUT_S = 2.0
_installed = False


class PaintWatcher:
    """Wakes a waiter at the first frame painted after a given moment."""

    def __init__(self) -> None:
        global _installed
        if not _installed:
            paint_hooks.install()
            _installed = True
        self.frames = 0
        self._waiters: list[tuple[Callable[[], float], asyncio.Future[float]]] = []
        paint_hooks.on_paint(self._painted)

    def _painted(self, _app: Any, now: float) -> None:
        self.frames += 1
        for after, future in list(self._waiters):
            if now > after() and not future.done():
                future.set_result(now)
                self._waiters.remove((after, future))

    def next_frame(self, after: Callable[[], float]) -> asyncio.Future[float]:
        future: asyncio.Future[float] = asyncio.get_running_loop().create_future()
        self._waiters.append((after, future))
        return future


async def press(app: Any, watcher: PaintWatcher, key: str = "pagedown") -> float:
    """Press `key`; return milliseconds until its repaint (PRESS_TIMEOUT_S × 1000 if none)."""
    return (await press_timed(app, watcher, key))[0]


async def press_timed(
    app: Any, watcher: PaintWatcher, key: str = "pagedown"
) -> tuple[float, float]:
    """Press `key`; (ms until its repaint, ms until its action returned), each from the post."""
    from textual import events

    start = time.perf_counter()
    done_before = paint_hooks.last_action_done()

    def action_returned() -> float:
        done = paint_hooks.last_action_done()
        return done if done > done_before else float("inf")

    frame = watcher.next_frame(action_returned)
    event = events.Key(key, None)
    event.set_sender(app)
    app.post_message(event)
    try:
        painted = await asyncio.wait_for(frame, PRESS_TIMEOUT_S)
    except TimeoutError:
        return PRESS_TIMEOUT_S * 1000, PRESS_TIMEOUT_S * 1000
    acted = paint_hooks.last_action_done()
    return (painted - start) * 1000, (acted - start) * 1000


async def settle(seconds: float = 0.03) -> None:
    """Let the app finish what the last press started (timers, workers) before the next."""
    await asyncio.sleep(seconds)
