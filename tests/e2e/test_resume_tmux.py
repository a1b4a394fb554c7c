"""Never lose the meeting, in a real terminal (tmux): resume after `kill -9`, SIGTERM and a
closed terminal leave a complete journal, and a kill at a random moment never loses an event
the screen had shown.

`PODIUM_KILL_RUNS` sets how many random kills the reliability test makes (default 10; the
README's numbers come from 50), `PODIUM_KILL_SEED` their seed.
"""

from __future__ import annotations

import os
import random
import re
import signal
import time
from pathlib import Path

import pytest

from podium.tui.i18n import t

from .tmux_session import (
    TMUX,
    ZH_AGENDA,
    Tmux,
    agenda,
    alive,
    descendants,
    moves,
    read_journal,
    shown_step,
    shown_steps,
    steps,
)

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(TMUX is None, reason="tmux is not installed"),
]

AGENDA = agenda(ZH_AGENDA)
STEPS = steps(AGENDA)
GO_KEYS = ("PageDown", "Space", "Right", "Down", "Enter")
BACK_KEYS = ("PageUp", "Left", "Up", "BSpace")
KILL_RUNS = int(os.environ.get("PODIUM_KILL_RUNS", "10"))
KILL_SEED = int(os.environ.get("PODIUM_KILL_SEED", "20261127"))
SIGKILLED = 128 + signal.SIGKILL


def standing_by(screen: str) -> bool:
    return t("standby", "zh") in screen


def at_step(n: int):  # type: ignore[no-untyped-def]
    return lambda screen: shown_step(screen, STEPS) == n


def go_steps(tmux: Tmux, count: int, first: int = 0) -> float:
    """Press GO `count` times, each once the previous cue shows; when the last one showed."""
    for n in range(first, first + count):
        tmux.press("PageDown")
        tmux.wait_for(at_step(n), f"cue {n}")
    return time.monotonic()


def only_journal(tmux: Tmux) -> Path:
    found = list((tmux.state_home / "podium" / "journals").glob("*.jsonl"))
    assert len(found) == 1, found
    return found[0]


def item_elapsed_s(screen: str) -> int:
    """The item timer the clock bar shows (`本项 1:07 / 0:44` -> 67)."""
    match = re.search(re.escape(t("clock.item", "zh")) + r"\s+(?:(\d+):)?(\d+):(\d\d)", screen)
    assert match, f"no item timer on the screen:\n{screen}"
    hours, minutes, seconds = (int(g) if g else 0 for g in match.groups())
    return hours * 3600 + minutes * 60 + seconds


def test_resume_after_kill_9_opens_the_same_cue_with_time_counted(tmp_path: Path) -> None:
    with Tmux(tmp_path) as tmux:
        # Reading aloud on: its renderer process must not outlive a killed podium.
        tmux.start(str(ZH_AGENDA), "--fresh", "--tts", "--guard", "0")
        tmux.wait_for(standing_by, "the standby screen", timeout=20)
        go_steps(tmux, 3)
        pressed = time.monotonic()
        tmux.press("PageDown")  # the first cue of "leaders": its item timer starts
        tmux.wait_for(at_step(3), "cue 3")
        seen = time.monotonic()
        helpers = list(descendants(tmux.pid))
        tmux.kill(signal.SIGKILL)
        assert tmux.wait_dead() == SIGKILLED
        deadline = time.monotonic() + 10
        while any(alive(pid) for pid in helpers) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not [pid for pid in helpers if alive(pid)], "a helper outlived podium"

        journal = only_journal(tmux)
        _, events = read_journal(journal)
        assert moves(events)[-1] == ("go", "leaders", 0)

        # The meeting goes on while the program is down: at least 3 s of it.
        down_s = 3.0
        time.sleep(max(0.0, seen + down_s - time.monotonic()))

        tmux.start(str(ZH_AGENDA), "--resume", "--guard", "0")
        before = time.monotonic()
        screen = tmux.wait_for(at_step(3), "the same cue after --resume", timeout=20)
        after = time.monotonic()
        elapsed = item_elapsed_s(screen)
        resumed = t("status.resumed", "zh").split("{")[0].strip()
        tmux.wait_for(lambda s: resumed in s, "the notice that the session was resumed")
        assert int(before - seen) - 1 <= elapsed <= after - pressed + 1, (elapsed, screen)
        assert elapsed >= down_s - 1

        tmux.press("PageDown")
        tmux.wait_for(at_step(4), "cue 4 after resuming")
        tmux.press("q")
        tmux.wait_for(lambda s: t("confirm.title", "zh") in s, "the quit question")
        tmux.press("y")
        assert tmux.wait_dead() == 0

    assert only_journal(tmux) == journal  # the same journal continued, no second one
    header, events = read_journal(journal)
    assert header["format"] == "podium-journal/1"
    assert all("event" in e for e in events)  # one header only
    assert moves(events) == [
        ("go", "reminder", 0),
        ("go", "opening", 0),
        ("go", "opening", 1),
        ("go", "leaders", 0),
        ("go", "leaders", 1),
    ]


def test_sigterm_leaves_a_complete_journal(tmp_path: Path) -> None:
    journal = tmp_path / "j.jsonl"
    with Tmux(tmp_path) as tmux:
        tmux.start(str(ZH_AGENDA), "--fresh", "--guard", "0", "--journal", str(journal))
        tmux.wait_for(standing_by, "the standby screen", timeout=20)
        go_steps(tmux, 3)
        tmux.press("PageUp")
        tmux.wait_for(at_step(1), "cue 1 after PageUp")
        tmux.kill(signal.SIGTERM)
        assert tmux.wait_dead() == 130  # interrupted, cleanly
        assert "journal" in tmux.screen(joined=True)  # it says where everything is
    _, events = read_journal(journal)
    assert moves(events) == [
        ("go", "reminder", 0),
        ("go", "opening", 0),
        ("go", "opening", 1),
        ("back", "opening", 0),
    ]


def test_closing_the_terminal_leaves_a_complete_journal_and_no_process(tmp_path: Path) -> None:
    """The terminal closes (SIGHUP) right after a GO, three times, reading aloud on: podium and
    its renderer process must end, and the journal must hold every event."""
    outlived = []
    with Tmux(tmp_path) as tmux:
        for attempt in range(3):
            journal = tmp_path / f"j{attempt}.jsonl"
            tmux.start(
                str(ZH_AGENDA), "--fresh", "--tts", "--guard", "0", "--journal", str(journal)
            )
            tmux.wait_for(standing_by, "the standby screen", timeout=20)
            go_steps(tmux, 1)
            processes = [tmux.pid, *descendants(tmux.pid)]
            tmux.press("PageDown")  # a repaint in flight when the terminal goes
            tmux.tmux("kill-session", "-t", tmux.target)
            deadline = time.monotonic() + 10
            while any(alive(pid) for pid in processes) and time.monotonic() < deadline:
                time.sleep(0.05)
            outlived += [pid for pid in processes if alive(pid)]
            _, events = read_journal(journal)
            both = [("go", "reminder", 0), ("go", "opening", 0)]
            assert moves(events) in (both[:1], both)
    assert not outlived, f"processes outlived the terminal: {outlived}"


def _script(rng: random.Random) -> list[str]:
    return [
        rng.choice(GO_KEYS if rng.random() < 0.75 else BACK_KEYS) for _ in range(rng.randint(1, 12))
    ]


def _simulate(keys: list[str]) -> list[tuple[str, int]]:
    """The journal events the keys make: (event, step index after it)."""
    events: list[tuple[str, int]] = []
    position = -1  # standing by
    for key in keys:
        if key in GO_KEYS:
            position += 1
            events.append(("go", position))
        elif position > 0:
            position -= 1
            events.append(("back", position))
    return events


def test_kill_9_at_a_random_moment_loses_nothing_the_screen_showed(tmp_path: Path) -> None:
    failures = []
    shown_total = written_total = ahead = caught = 0
    with Tmux(tmp_path) as tmux:
        for run in range(KILL_RUNS):
            rng = random.Random(KILL_SEED * 1000 + run)
            keys = _script(rng)
            expected = _simulate(keys)
            confirmed_keys = rng.randint(0, len(keys))
            confirmed = len(_simulate(keys[:confirmed_keys]))
            journal = tmp_path / f"run{run}.jsonl"

            tmux.start(str(ZH_AGENDA), "--fresh", "--guard", "0", "--journal", str(journal))
            tmux.wait_for(standing_by, "the standby screen", timeout=20)
            for n, key in enumerate(keys[:confirmed_keys]):
                tmux.press(key)
                made = _simulate(keys[: n + 1])
                if made:
                    tmux.wait_for(at_step(made[-1][1]), f"run {run}: step {made[-1][1]}")
            rest = keys[confirmed_keys:]
            if rest:
                tmux.press(*rest)
            time.sleep(rng.uniform(0.0, 0.25))  # the random moment
            screen = tmux.screen()
            tmux.kill(signal.SIGKILL)
            assert tmux.wait_dead() == SIGKILLED

            header, events = read_journal(journal)
            assert header["format"] == "podium-journal/1"
            written = moves(events)
            want = [(e, STEPS[s].item, STEPS[s].cue) for e, s in expected]
            problem = None
            if written != want[: len(written)]:
                problem = f"journal {written} is not a prefix of {want}"
            elif len(written) < confirmed:
                problem = f"journal lost shown events: {written} < {want[:confirmed]}"
            else:
                # Every cue on the screen must be where an event the journal holds put it.
                backed = {expected[j - 1][1] for j in range(max(1, confirmed), len(written) + 1)}
                unbacked = shown_steps(screen, STEPS) - backed
                if unbacked:
                    problem = f"screen showed steps {unbacked} the journal lacks ({written})"
            if problem:
                failures.append(f"run {run} keys={keys} confirmed={confirmed_keys}: {problem}")
            shown_total += confirmed
            written_total += len(written)
            ahead += len(written) > confirmed
            at_confirmed = {expected[confirmed - 1][1]} if confirmed else set()
            caught += bool(shown_steps(screen, STEPS) - at_confirmed)
    # The numbers for the README (pytest -s shows them).
    print(
        f"\n{KILL_RUNS} kill -9 runs (seed {KILL_SEED}): {written_total} events journaled, "
        f"{shown_total} of them confirmed on screen before the kill; {ahead} runs journaled "
        f"more than was confirmed, {caught} screens caught showing an unconfirmed cue; "
        f"{len(failures)} losses"
    )
    assert not failures, "\n".join(failures)
