"""Regenerate docs/podium.svg, the README's screenshot of the podium during a speech.

    .venv/bin/python docs/make_screenshot.py

It runs the real app headless (Textual's Pilot) on the bundled English awards night with a
hand-moved clock, presses GO (PageDown) as a host would until the keynote is on, lets the
speech run into its warning time, and saves the screen as SVG. Look at the result (any
browser opens it) before committing it. (English, because browsers draw the SVG's Chinese
text with whatever CJK font they find, which rarely fits Textual's two-cell columns; the
screen itself is as Chinese as the meeting, see the snapshots in tests/tui/__snapshots__.)
"""

from __future__ import annotations

import asyncio
import datetime as dt
import sys
from pathlib import Path

from podium.agenda.loader import load_agenda
from podium.agenda.model import CueKind, ItemKind
from podium.engine.clock import ManualClock
from podium.tui.app import make_app

HERE = Path(__file__).resolve().parent
AGENDA = HERE.parent / "agendas" / "awards-night.en.yaml"
OUT = HERE / "podium.svg"
SIZE = (110, 34)
SPEECH_ITEM = "keynote"
INTO_THE_SPEECH_S = 17 * 60 + 40
"""How far into the speech the picture is taken (its warning time)."""


async def shoot(out: Path) -> None:
    result = load_agenda(str(AGENDA))
    if result.agenda is None:
        sys.exit(f"{AGENDA} does not load")
    tz = dt.timezone(dt.timedelta(hours=1))
    clock = ManualClock(dt.datetime(2026, 5, 22, 19, 0, 0, tzinfo=tz))
    app = make_app(result.agenda, clock=clock)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        session = app.session
        for _ in range(200):
            cue = session.cue
            item = session.item
            if item is not None and item.id == SPEECH_ITEM and cue and cue.kind is CueKind.SPEECH:
                break
            # Each cue takes its share of its item's plan, a little over (a meeting running
            # about on time); a speech's intro is short.
            share = item.duration_s / len(item.cues) if item is not None else 60
            if item is not None and item.kind is ItemKind.SPEECH:
                share = 25
            clock.advance(share * 1.04)
            await pilot.press("pagedown")
            await pilot.pause()
        else:
            sys.exit("never reached the speech")
        clock.advance(INTO_THE_SPEECH_S)
        await pilot.pause(0.6)  # the display tick repaints the times
        app.save_screenshot(filename=out.name, path=str(out.parent))


if __name__ == "__main__":
    asyncio.run(shoot(OUT))
    print(OUT)
