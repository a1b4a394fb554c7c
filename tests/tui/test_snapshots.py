"""SVG snapshots of every podium state, in Chinese and English, at 80×24 and 120×40.

State is driven through the app's command table and the session on a `ManualClock` (no typing),
so every time shown is fixed and the snapshots are identical run after run. Update them with
`pytest tests/tui/test_snapshots.py --snapshot-update` only after looking at the new SVGs.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input

from podium.agenda.loader import load_agenda
from podium.agenda.model import CueKind
from podium.engine.clock import ManualClock
from podium.engine.session import Phase
from podium.tui.app import PodiumApp, make_app

ROOT = Path(__file__).resolve().parents[2]
ZH = ROOT / "agendas" / "district-conference.zh.yaml"
EN = ROOT / "agendas" / "awards-night.en.yaml"

SMALL = (80, 24)
LARGE = (120, 40)
COMPACT = (40, 12)
"""A laptop at a large font: the smallest size the screen serves."""

# Seconds past the start of the speech cue at which each phase shows, per agenda speech item
# (zh "speech": 30 min, warn 5, danger 2; en "keynote": 20 min, warn 3, danger 1).
SPEECH = {ZH: "speech", EN: "keynote"}
PHASE_AT = {
    ZH: {Phase.NORMAL: 600, Phase.WARNING: 1500, Phase.DANGER: 1710, Phase.OVERTIME: 1872},
    EN: {Phase.NORMAL: 425, Phase.WARNING: 1050, Phase.DANGER: 1150, Phase.OVERTIME: 1272},
}

Steer = Callable[[PodiumApp, ManualClock, Pilot[Any]], Awaitable[None]]


@pytest.fixture(autouse=True)
def _fixed_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """Nothing from this machine may leak into a snapshot (times come from the ManualClock)."""
    for name in ("NO_COLOR", "TEXTUAL_THEME", "TEXTUAL_ANIMATIONS", "COLORTERM"):
        monkeypatch.delenv(name, raising=False)


# Five minutes before each meeting's planned start, in the meeting's own time zone.
STANDBY_WALL = {
    ZH: dt.datetime(2026, 3, 12, 8, 55, tzinfo=dt.timezone(dt.timedelta(hours=8))),
    EN: dt.datetime(2026, 5, 22, 18, 55, tzinfo=dt.timezone(dt.timedelta(hours=1))),
}
TO_START = 300

# How long each item runs against its plan in the summary's meeting (cycled over items).
PACE = (1.1, 0.9, 1.4, 1.0, 0.75, 1.2)


def build(agenda_path: Path, *, rehearsal: bool = False) -> tuple[PodiumApp, ManualClock]:
    result = load_agenda(str(agenda_path))
    assert result.agenda is not None, result.diagnostics
    clock = ManualClock(STANDBY_WALL[agenda_path])
    return make_app(result.agenda, clock=clock, rehearsal=rehearsal), clock


def go(app: PodiumApp, clock: ManualClock, seconds: float = 20) -> None:
    """One GO press, `seconds` after the previous one (well outside the double-press guard)."""
    clock.advance(seconds)
    app.run_command("go")


def go_to(app: PodiumApp, clock: ManualClock, item_id: str, kind: CueKind | None = None) -> None:
    """Start the meeting, jump to an item, and GO until its cue of `kind` shows."""
    session = app.session
    if not session.started:
        go(app, clock, TO_START)
    index = next(i.index for i in session.items if i.id == item_id)
    clock.advance(30)
    app.jump_to(index)
    while kind is not None and session.cue is not None and session.cue.kind is not kind:
        go(app, clock)
    assert session.item is not None and session.item.id == item_id


async def settle(app: PodiumApp, pilot: Pilot[Any]) -> None:
    app.main.refresh_times()
    await pilot.pause()


def standby() -> Steer:
    async def steer(app: PodiumApp, clock: ManualClock, pilot: Pilot[Any]) -> None:
        clock.advance(65)

    return steer


def script() -> Steer:
    async def steer(app: PodiumApp, clock: ManualClock, pilot: Pilot[Any]) -> None:
        go(app, clock, TO_START)  # the first GO at the planned start
        go(app, clock, 50)
        go(app, clock, 35)
        clock.advance(42)

    return steer


def call_up(item_id: str) -> Steer:
    async def steer(app: PodiumApp, clock: ManualClock, pilot: Pilot[Any]) -> None:
        go_to(app, clock, item_id, CueKind.CALL)
        go(app, clock, 61)  # the next call-up
        clock.advance(17)

    return steer


def speech(item_id: str, seconds: float) -> Steer:
    async def steer(app: PodiumApp, clock: ManualClock, pilot: Pilot[Any]) -> None:
        go_to(app, clock, item_id, CueKind.SPEECH)
        clock.advance(seconds)

    return steer


def brk(item_id: str) -> Steer:
    async def steer(app: PodiumApp, clock: ManualClock, pilot: Pilot[Any]) -> None:
        go_to(app, clock, item_id, CueKind.BREAK)
        clock.advance(222)

    return steer


def blank() -> Steer:
    async def steer(app: PodiumApp, clock: ManualClock, pilot: Pilot[Any]) -> None:
        go(app, clock, TO_START)
        go(app, clock, 40)
        clock.advance(12)
        app.run_command("blank")

    return steer


def help_screen() -> Steer:
    async def steer(app: PodiumApp, clock: ManualClock, pilot: Pilot[Any]) -> None:
        go(app, clock, TO_START)
        app.run_command("help")

    return steer


def jump(typed: str) -> Steer:
    async def steer(app: PodiumApp, clock: ManualClock, pilot: Pilot[Any]) -> None:
        go(app, clock, TO_START)
        go(app, clock, 40)
        app.run_command("jump")
        await pilot.pause()
        field = app.screen.query_one(Input)
        field.cursor_blink = False
        field.value = typed

    return steer


def summary() -> Steer:
    async def steer(app: PodiumApp, clock: ManualClock, pilot: Pilot[Any]) -> None:
        session = app.session
        go(app, clock, TO_START)
        # A meeting that runs long in places and short in others, then ends: the last GO
        # (on the last cue) asks to end it, and `y` confirms.
        while True:
            item = session.item
            assert item is not None
            last = session.next_cue() is None
            go(app, clock, item.duration_s * PACE[item.index % len(PACE)] / len(item.cues))
            if last:
                break
        await pilot.pause()
        await pilot.press("y")

    return steer


STATES: dict[str, Callable[[Path], Steer]] = {
    "standby": lambda a: standby(),
    "script": lambda a: script(),
    "call-up": lambda a: call_up("collectives" if a == ZH else "volunteers"),
    "speech-normal": lambda a: speech(SPEECH[a], PHASE_AT[a][Phase.NORMAL]),
    "speech-warning": lambda a: speech(SPEECH[a], PHASE_AT[a][Phase.WARNING]),
    "speech-danger": lambda a: speech(SPEECH[a], PHASE_AT[a][Phase.DANGER]),
    "speech-overtime": lambda a: speech(SPEECH[a], PHASE_AT[a][Phase.OVERTIME]),
    "break": lambda a: brk("interval"),
    "blank": lambda a: blank(),
    "help": lambda a: help_screen(),
    "jump": lambda a: jump("颁" if a == ZH else "award"),
    "summary": lambda a: summary(),
}

CASES = [
    *[("zh", state, SMALL) for state in STATES if state != "break"],  # the conference has none
    *[("en", state, LARGE) for state in STATES],
    ("zh", "call-up", LARGE),
    ("zh", "speech-overtime", LARGE),
    ("en", "speech-overtime", SMALL),
    ("en", "summary", SMALL),
    # The summary at a large font (compact): the table must not give way to the hints.
    ("zh", "summary", COMPACT),
    ("en", "summary", COMPACT),
]


def case_id(case: tuple[str, str, tuple[int, int]]) -> str:
    lang, state, (w, h) = case
    return f"{lang}-{state}-{w}x{h}"


@pytest.mark.parametrize("case", CASES, ids=[case_id(c) for c in CASES])
def test_snapshot(snap_compare: Any, case: tuple[str, str, tuple[int, int]]) -> None:
    lang, state, size = case
    agenda = ZH if lang == "zh" else EN
    # The English summary is a rehearsal's, with its "what to change" hints.
    app, clock = build(agenda, rehearsal=(lang == "en" and state == "summary"))
    steer = STATES[state](agenda)

    async def run_before(pilot: Pilot[Any]) -> None:
        await pilot.pause()
        await steer(app, clock, pilot)
        await settle(app, pilot)

    assert snap_compare(app, terminal_size=size, run_before=run_before)


def test_snapshot_states_reach_what_they_name() -> None:
    """The phases the speech snapshots are named after are the phases the engine reports."""
    import asyncio

    async def check(agenda: Path, phase: Phase) -> None:
        app, clock = build(agenda)
        async with app.run_test(size=SMALL) as pilot:
            await speech(SPEECH[agenda], PHASE_AT[agenda][phase])(app, clock, pilot)
            assert app.session.timer_phase() is phase

    for agenda in (ZH, EN):
        for phase in Phase:
            asyncio.run(check(agenda, phase))
