"""The one Pilot harness: every Pilot test of the podium runs its app through these helpers
(no async pytest plugin is installed, so each test runs its own event loop)."""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Awaitable, Callable, Coroutine
from typing import Any

from textual.app import App
from textual.pilot import Pilot

from podium.engine.clock import ManualClock

SIZE = (80, 24)
"""The smallest full layout: the size every Pilot test uses unless it says otherwise."""

Scenario = Callable[[Pilot[Any]], Awaitable[None]]


def run(app: App[Any], scenario: Scenario, size: tuple[int, int] = SIZE) -> None:
    """Run `scenario(pilot)` against the app at `size`, after its first frame."""

    async def main() -> None:
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            await scenario(pilot)

    asyncio.run(main())


def pilot_test(fn: Callable[..., Coroutine[Any, Any, None]]) -> Callable[..., None]:
    """An `async def` test (that opens its own `app.run_test`) run on its own event loop."""

    @functools.wraps(fn)
    def test(*args: Any, **kwargs: Any) -> None:
        asyncio.run(fn(*args, **kwargs))

    return test


async def press(pilot: Pilot[Any], clock: ManualClock, *keys: str, gap: float = 1.0) -> None:
    """Press keys one after the other, `gap` seconds apart on the manual clock (a gap beyond
    the double-press guard unless the test says otherwise)."""
    for key in keys:
        clock.advance(gap)
        await pilot.press(key)
