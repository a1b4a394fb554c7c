"""The screen at arm's length, measured inside a benchmark child process (see child.py):

- `countdown`: GO from a speech's intro onto the speech, whose block-digit countdown fills the
  Now panel: GO → the next painted frame, at the given size.
- `page`: GO on a cue of 300 sentences pages through it: GO → the next painted frame.
- `tick`: the countdown's once-a-second redraw: terminal bytes of the frame after the clock
  moved one second (the digits that changed, not the panel), at the given size.
"""

from __future__ import annotations

import asyncio
import json
import time
from pathlib import Path
from typing import Any

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


def measure(result: Path, agenda: Path, what: str, size: tuple[int, int], presses: int) -> int:
    from benchmarks import app_driver, paint_hooks
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
                    _jump(app, speech.id)  # its intro; the next GO shows the countdown
                    await app_driver.settle()
                    clock.advance(1.0)
                    repaints.append(await app_driver.press(app, watcher))
                elif what == "page":
                    page, pages = app.main.query_one("#now-body").pages()
                    if app.session.position.item != 0 or page >= pages:
                        _jump(app, "reading")  # back to its first page
                        await app_driver.settle()
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
