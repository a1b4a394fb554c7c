"""The screen at arm's length, measured inside a benchmark child process (see child.py):

- `countdown`: GO from a speech's intro onto the speech, whose block-digit countdown fills the
  Now panel: GO → the next painted frame, at the given size.
- `page`: GO on a cue of 300 sentences pages through it: GO → the next painted frame.
- `tick`: the countdown's once-a-second redraw: terminal bytes of the frame after the clock
  moved one second (the digits that changed, not the panel), at the given size.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import time
from pathlib import Path
from typing import Any

from benchmarks import app_driver

SENTENCE = "第{n}句：这是一段很长的宣读文字，主持人用翻页器逐页阅读。"
LONG_CUE = " ".join(SENTENCE.format(n=n) for n in range(1, 301))


def long_agenda(folder: Path) -> Path:
    """An agenda whose first item is one cue of 300 sentences (then a short second item)."""
    path = folder / "long-cue.zh.yaml"
    path.write_text(
        "podium: 1\nmeeting:\n  title: 长文本\n  language: zh\nitems:\n"
        f"  - id: reading\n    title: 宣读\n    script: {LONG_CUE}\n"
        "  - id: after\n    title: 之后\n    script: 下一项。\n",
        encoding="utf-8",
    )
    return path


def _jump(app: Any, item_id: str) -> None:
    """Jump through whatever the app offers (the host's command, or the app's own helper)."""
    index = next(i.index for i in app.session.items if i.id == item_id)
    jump_to = getattr(app, "jump_to", None)
    if callable(jump_to):
        jump_to(index)
    else:
        app.run_command("jump", item=item_id)


async def _jumped(app: Any, watcher: Any, item_id: str) -> None:
    """Jump (setting up the next press), wait until the jump's own repaint is on screen, then
    settle as between any two presses: a host never presses GO within milliseconds of a jump,
    and the jump's frame (the whole panel) must not be counted in the press measured next
    (Textual paints at most one frame per 1/60 s, so a press right behind a long frame waits
    for the next slot)."""
    start = time.perf_counter()
    frame = watcher.next_frame(lambda: start)
    _jump(app, item_id)
    with contextlib.suppress(TimeoutError):  # (nothing to repaint)
        await asyncio.wait_for(frame, 2.0)
    await app_driver.settle()


def measure(result: Path, agenda: Path, what: str, size: tuple[int, int], presses: int) -> int:
    from benchmarks import paint_hooks
    from benchmarks.child import podium_app

    watcher = app_driver.PaintWatcher()
    if what == "page":
        agenda = long_agenda(result.parent)
    app, clock = podium_app(agenda, result.with_suffix(".jsonl"))
    repaints: list[float] = []
    frame_bytes: list[int] = []

    async def drive() -> None:
        async with app.run_test(size=size):
            await app_driver.settle(0.2)
            clock.advance(1.0)
            await app_driver.press(app, watcher)  # the first GO starts the meeting
            speech = next((i for i in app.session.items if i.kind == "speech"), None)
            for _ in range(presses):
                clock.advance(1.0)  # past the double-press guard
                if what == "countdown":
                    assert speech is not None
                    await _jumped(app, watcher, speech.id)  # its intro; GO shows the countdown
                    clock.advance(1.0)
                    repaints.append(await app_driver.press(app, watcher))
                elif what == "page":
                    page, pages = app.main.query_one("#now-body").pages()
                    if app.session.position.item != 0 or page >= pages:
                        await _jumped(app, watcher, "reading")  # back to its first page
                        clock.advance(1.0)
                    repaints.append(await app_driver.press(app, watcher))
                else:  # tick: on the speech cue, one second later
                    if app.session.cue is None or app.session.cue.kind != "speech":
                        assert speech is not None
                        _jump(app, speech.id)
                        await app_driver.settle()
                        clock.advance(1.0)
                        await app_driver.press(app, watcher)
                        await app_driver.settle(0.05)
                    clock.advance(1.0)  # the countdown's next second
                    start = time.perf_counter()
                    frame = watcher.next_frame(lambda start=start: start)  # type: ignore[misc]
                    app._tick()
                    await asyncio.wait_for(frame, 2.0)
                    frame_bytes.append(paint_hooks.last_frame_bytes())
                await app_driver.settle()
            app.exit()

    asyncio.run(drive())
    result.write_text(json.dumps({"repaint_ms": repaints, "frame_bytes": frame_bytes}))
    return 0
