"""SVG snapshots of the screen at arm's length: big countdowns in every phase, the hold before
a fixed time, long cues paged with their more-indicator, call-ups with `say` and notes, and
standby away from the meeting's date — at 40×12 (compact), 80×24, 120×40 and 200×60, in
Chinese and English.

Same method as `test_snapshots.py` (a `ManualClock`, state driven through the command table).
Update with `--snapshot-update` only after looking at the new SVGs.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from podium.agenda.loader import load_agenda
from podium.agenda.model import Agenda, Cue, CueKind
from podium.engine.clock import ManualClock
from podium.engine.session import Phase
from podium.tui.app import PodiumApp, make_app

from .test_snapshots import (
    EN,
    PHASE_AT,
    SPEECH,
    STANDBY_WALL,
    TO_START,
    ZH,
    Steer,
    brk,
    go,
    go_to,
    settle,
    speech,
)

SIZES = {"compact": (40, 12), "small": (80, 24), "large": (120, 40), "huge": (200, 60)}
EN_FIXED_AT = 19 * 3600 + 45 * 60
"""The English agenda has no fixed time: its keynote is fixed at 19:45 for the hold."""


@pytest.fixture(autouse=True)
def _fixed_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("NO_COLOR", "TEXTUAL_THEME", "TEXTUAL_ANIMATIONS", "COLORTERM"):
        monkeypatch.delenv(name, raising=False)


def _load(path: Path) -> Agenda:
    result = load_agenda(str(path))
    assert result.agenda is not None, result.diagnostics
    return result.agenda


def _with_long_cue(agenda: Agenda) -> Agenda:
    """English: the welcome's three paragraphs read as one long cue (about 1,300 characters),
    as a host script's 宣读 text would be."""
    item = agenda.items[0]
    text = "\n".join(c.text for c in item.cues) * 2
    long_item = dataclasses.replace(item, cues=(Cue(CueKind.SCRIPT, text, spoken=text),))
    return dataclasses.replace(agenda, items=(long_item, *agenda.items[1:]))


def _with_fixed_keynote(agenda: Agenda) -> Agenda:
    items = tuple(
        dataclasses.replace(i, at_s=EN_FIXED_AT) if i.id == "keynote" else i for i in agenda.items
    )
    return dataclasses.replace(agenda, items=items)


ZH_BREAK = """\
  - id: tea
    kind: break
    title: 茶歇
    duration: 10m
    script: 现在休息十分钟。请各位代表十点整准时回到会场，会议继续进行。

"""
"""The conference has no break: a Chinese tea break is put before the 区长's speech."""


def _with_tea_break(tmp: Path) -> Path:
    text = ZH.read_text(encoding="utf-8")
    at = text.index("  - id: speech\n")
    out = tmp / ZH.name
    out.write_text(text[:at] + ZH_BREAK + text[at:], encoding="utf-8")
    return out


def build(path: Path, state: str, tmp: Path) -> tuple[PodiumApp, ManualClock]:
    agenda = _load(_with_tea_break(tmp) if path == ZH and state == "break" else path)
    if path == EN and state.startswith("paging"):
        agenda = _with_long_cue(agenda)
    if path == EN and state == "hold":
        agenda = _with_fixed_keynote(agenda)
    wall = STANDBY_WALL[path]
    if state == "standby-another-day":
        wall = wall - dt.timedelta(days=3)
    clock = ManualClock(wall)
    return make_app(agenda, clock=clock), clock


def hold() -> Steer:
    async def steer(app: PodiumApp, clock: ManualClock, pilot: Pilot[Any]) -> None:
        # The speech's intro reached long before its fixed time.
        go_to(app, clock, "speech" if app.lang == "zh" else "keynote")
        clock.advance(12)

    return steer


def paging(pages: int) -> Steer:
    async def steer(app: PodiumApp, clock: ManualClock, pilot: Pilot[Any]) -> None:
        if app.lang == "zh":
            go_to(app, clock, "decision")
            go(app, clock, 30)  # the 决定's text
        else:
            go(app, clock, TO_START)
        await pilot.pause()
        for _ in range(pages - 1):
            app.main.page(1)  # (False at a size where everything fits)
            await pilot.pause()

    return steer


def call_say() -> Steer:
    async def steer(app: PodiumApp, clock: ManualClock, pilot: Pilot[Any]) -> None:
        # zh: 解晓东 读作 谢晓东, 刘洋 with a note; en: Siobhán with say and a note.
        go_to(app, clock, "individuals" if app.lang == "zh" else "volunteers", CueKind.CALL)
        go(app, clock, 61)
        clock.advance(9)

    return steer


def standby_another_day() -> Steer:
    async def steer(app: PodiumApp, clock: ManualClock, pilot: Pilot[Any]) -> None:
        clock.advance(5)

    return steer


def _speech(phase: Phase) -> Callable[[Path], Steer]:
    return lambda a: speech(SPEECH[a], PHASE_AT[a][phase])


STATES: dict[str, Callable[[Path], Steer]] = {
    "countdown-normal": _speech(Phase.NORMAL),
    "countdown-warning": _speech(Phase.WARNING),
    "countdown-danger": _speech(Phase.DANGER),
    "countdown-overtime": _speech(Phase.OVERTIME),
    "break": lambda a: brk("tea" if a == ZH else "interval"),
    "hold": lambda a: hold(),
    "paging": lambda a: paging(1),
    "paging-next": lambda a: paging(2),
    "call-up-say": lambda a: call_say(),
    "standby-another-day": lambda a: standby_another_day(),
}

CASES = [(lang, state, size) for lang in ("zh", "en") for state in STATES for size in SIZES]


def case_id(case: tuple[str, str, str]) -> str:
    lang, state, size = case
    w, h = SIZES[size]
    return f"{lang}-{state}-{w}x{h}"


@pytest.mark.parametrize("case", CASES, ids=[case_id(c) for c in CASES])
def test_snapshot(snap_compare: Any, case: tuple[str, str, str], tmp_path: Path) -> None:
    lang, state, size = case
    path = ZH if lang == "zh" else EN
    app, clock = build(path, state, tmp_path)
    steer = STATES[state](path)

    async def run_before(pilot: Pilot[Any]) -> None:
        await pilot.pause()
        await steer(app, clock, pilot)
        await settle(app, pilot)
        await pilot.pause()

    assert snap_compare(app, terminal_size=SIZES[size], run_before=run_before)
