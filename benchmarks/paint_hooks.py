"""Hooks into Textual (8.2.8) that report when a frame is painted, installed the same way in
the podium and the hello-world app so that both pay the same for being watched.

A frame counts as painted when `App._display` has received the compositor's update and turned
it into the terminal's bytes. Headless (no terminal), Textual skips that last step, so the hook
does it (`render_segments`) to keep the cost of a frame honest; only the write is left out.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

Listener = Callable[[Any, float], None]
"""Called with the app and the `time.perf_counter()` of the painted frame."""
_listeners: list[Listener] = []
_action_done: list[float] = []
_frame_bytes: list[int] = [0]


def on_paint(listener: Listener) -> None:
    """Call `listener(app, time.perf_counter())` after every painted frame."""
    _listeners.append(listener)


def last_action_done() -> float:
    """perf_counter time when the last `App.run_action` returned (0.0 before any)."""
    return _action_done[-1] if _action_done else 0.0


def last_frame_bytes() -> int:
    """UTF-8 bytes of the terminal output of the last painted frame (headless)."""
    return _frame_bytes[0]


def install() -> None:
    from textual.app import App

    original_display = App._display
    original_run_action = App.run_action

    def _display(self: Any, screen: Any, renderable: Any) -> None:
        original_display(self, screen, renderable)
        if renderable is None or self._batch_count:
            return
        if self.is_headless and hasattr(renderable, "render_segments"):
            output = renderable.render_segments(self.console)
            _frame_bytes[0] = len(output.encode("utf-8")) if isinstance(output, str) else 0
        now = time.perf_counter()
        for listener in list(_listeners):
            listener(self, now)

    async def run_action(self: Any, *args: Any, **kwargs: Any) -> bool:
        result = await original_run_action(self, *args, **kwargs)
        _action_done.append(time.perf_counter())
        del _action_done[:-1]
        return bool(result)

    App._display = _display  # type: ignore[method-assign]
    App.run_action = run_action  # type: ignore[method-assign]


def force_headless() -> None:
    """Make every `App.run()` in this process headless (no terminal needed)."""
    from textual.app import App

    original_run = App.run

    def run(self: Any, *args: Any, **kwargs: Any) -> Any:
        kwargs["headless"] = True
        return original_run(self, *args, **kwargs)

    App.run = run  # type: ignore[method-assign]


def memory_kib() -> dict[str, int]:
    """This process's resident memory now (VmRSS) and at its peak (VmHWM), in KiB."""
    found: dict[str, int] = {}
    with open("/proc/self/status", encoding="ascii") as f:
        for line in f:
            key, _, value = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                found[key] = int(value.split()[0])
    return found
