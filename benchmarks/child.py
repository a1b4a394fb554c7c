"""What runs inside the benchmark's child processes: one app, watched by paint_hooks, writing
its figures as JSON to the file named by `--result`.

    python -m benchmarks.child first-frame --app hello --result R.json
    python -m benchmarks.child first-frame --app podium --result R.json -- run AGENDA --fresh …
    python -m benchmarks.child repaint --app podium --agenda A.yaml --presses 50 [--tts] …
    python -m benchmarks.child eight-hours --app podium --agenda A.yaml --presses 480 …
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any


def first_frame(result: Path, app_kind: str, podium_argv: list[str]) -> int:
    """Start the app headless; at its first painted frame note the time (CLOCK_MONOTONIC, shared
    with the parent that spawned us) and the memory, then quit."""
    from benchmarks import paint_hooks

    paint_hooks.install()
    paint_hooks.force_headless()
    done = False

    def first_paint(app: Any, _now: float) -> None:
        nonlocal done
        if done:
            return
        done = True
        painted = time.monotonic()
        memory = paint_hooks.memory_kib()
        result.write_text(json.dumps({"painted_monotonic": painted, **memory}))
        app.call_later(app.exit)

    paint_hooks.on_paint(first_paint)
    if app_kind == "hello":
        from benchmarks.hello_app import HelloApp

        HelloApp().run()
        return 0
    from podium.cli import main

    return main(podium_argv)


def podium_app(agenda_path: Path, journal: Path, speaker: Any = None) -> tuple[Any, Any]:
    """The podium app on a fake clock, journaling to `journal`, as `podium run` builds it."""
    from podium.agenda import load_agenda
    from podium.engine.clock import ManualClock
    from podium.engine.journal import JournalWriter
    from podium.tui.app import make_app

    loaded = load_agenda(str(agenda_path))
    if loaded.agenda is None:
        raise SystemExit(f"{agenda_path}: does not load: {loaded.errors[0]}")
    clock = ManualClock()
    journal.unlink(missing_ok=True)  # a fresh session every run
    writer = JournalWriter.create(journal, loaded.agenda, rehearsal=False, now=clock.now())
    app = make_app(loaded.agenda, clock=clock, journal=writer, speaker=speaker)
    return app, clock


def stand_in_player() -> list[str]:
    """A player that plays nothing for as long as the WAV lasts (no sound card needed)."""
    code = (
        "import sys, time, wave; w = wave.open(sys.argv[1]); "
        "time.sleep(w.getnframes() / w.getframerate())"
    )
    return [sys.executable, "-S", "-c", code]


def repaint(result: Path, app_kind: str, agenda: Path | None, presses: int, tts: bool) -> int:
    """GO presses on a 120×40 headless screen: each press's repaint time (ms) and, with reading
    aloud, the time until the player process for its cue has started (ms)."""
    import asyncio

    from benchmarks import app_driver

    watcher = app_driver.PaintWatcher()
    speaker = None
    player_started: list[float] = []
    if tts:
        from podium.tts import Speaker
        from podium.tts import player as player_module

        original = player_module.Playback.__init__

        def noting_start(self: Any, command: Any, wav: str) -> None:
            original(self, command, wav)
            if not wav.endswith("probe.wav"):
                player_started.append(time.perf_counter())

        player_module.Playback.__init__ = noting_start  # type: ignore[method-assign]
    if app_kind == "hello":
        from benchmarks.hello_app import HelloApp

        app: Any = HelloApp()
        clock = None
    else:
        assert agenda is not None
        if tts:
            from podium.agenda import load_agenda

            language = load_agenda(str(agenda)).agenda.meeting.language  # type: ignore[union-attr]
            speaker = Speaker(language=language, player=stand_in_player())
            speaker.start()
            speaker.enable(True)
        app, clock = podium_app(agenda, result.with_suffix(".jsonl"), speaker)

    repaints: list[float] = []
    actions: list[float] = []
    starts: list[float] = []

    async def drive() -> None:
        async with app.run_test(size=(120, 40)):
            await app_driver.settle(0.2)
            for _ in range(presses):
                if clock is not None:
                    clock.advance(1.0)  # past the double-press guard
                    if app.session.next_cue() is None:
                        app.jump_to(0)  # a long run goes round the agenda again
                        await app_driver.settle()
                    if speaker is not None:
                        await _prerendered(speaker, app.session)
                before = len(player_started)
                pressed = time.perf_counter()
                repainted, acted = await app_driver.press_timed(app, watcher)
                repaints.append(repainted)
                actions.append(acted)
                if speaker is not None and app.session.cue is not None and app.session.cue.spoken:
                    deadline = time.perf_counter() + 2.0
                    while len(player_started) == before and time.perf_counter() < deadline:
                        await asyncio.sleep(0.001)
                    if len(player_started) > before:
                        starts.append((player_started[before] - pressed) * 1000)
                await app_driver.settle()
            if speaker is not None:
                speaker.close()
            app.exit()

    asyncio.run(drive())
    result.write_text(
        json.dumps({"repaint_ms": repaints, "action_ms": actions, "player_started_ms": starts})
    )
    return 0


async def _prerendered(speaker: Any, session: Any, timeout: float = 10.0) -> None:
    """Wait until the next cue's audio has been rendered ahead (pre-rendering on)."""
    import asyncio

    upcoming = session.next_cue()
    if upcoming is None or not upcoming[1].spoken:
        return
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        if all(path.exists() for path in speaker.wav_paths(upcoming[1].spoken)):
            return
        await asyncio.sleep(0.005)


def eight_hours(result: Path, app_kind: str, agenda: Path | None, steps: int) -> int:
    """Eight simulated hours: `steps` rounds of a clock advance, four display refreshes (the
    app's own tick, reading the clock) and one GO; VmRSS noted at every simulated hour."""
    import asyncio

    from benchmarks import app_driver

    watcher = app_driver.PaintWatcher()
    if app_kind == "hello":
        from benchmarks.hello_app import HelloApp

        app: Any = HelloApp()
        clock = None
    else:
        assert agenda is not None
        app, clock = podium_app(agenda, result.with_suffix(".jsonl"))
    step_s = 8 * 3600 / steps
    rss: list[float] = []

    async def drive() -> None:
        async with app.run_test(size=(120, 40)):
            await app_driver.settle(0.2)
            rss.append(paint_hooks_memory())
            for step in range(1, steps + 1):
                if clock is not None:
                    for _ in range(4):
                        clock.advance(step_s / 4)
                        app._tick()
                    if app.session.next_cue() is None:
                        app.jump_to(0)
                await app_driver.press(app, watcher)
                if step % max(1, steps // 8) == 0:
                    await app_driver.settle(0.01)
                    rss.append(paint_hooks_memory())
            app.exit()

    asyncio.run(drive())
    result.write_text(json.dumps({"rss_mib_by_hour": rss, "frames": watcher.frames}))
    return 0


def paint_hooks_memory() -> float:
    from benchmarks.paint_hooks import memory_kib

    return memory_kib()["VmRSS"] / 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.child")
    parser.add_argument("mode", choices=["first-frame", "repaint", "eight-hours"])
    parser.add_argument("--app", choices=["hello", "podium"], required=True)
    parser.add_argument("--result", type=Path, required=True)
    parser.add_argument("--agenda", type=Path)
    parser.add_argument("--presses", type=int, default=50)
    parser.add_argument("--tts", action="store_true")
    argv = sys.argv[1:] if argv is None else argv
    cut = argv.index("--") if "--" in argv else len(argv)
    args, rest = parser.parse_args(argv[:cut]), argv[cut + 1 :]
    if args.mode == "first-frame":
        return first_frame(args.result, args.app, rest)
    if args.mode == "repaint":
        return repaint(args.result, args.app, args.agenda, args.presses, args.tts)
    return eight_hours(args.result, args.app, args.agenda, args.presses)


if __name__ == "__main__":
    sys.exit(main())
