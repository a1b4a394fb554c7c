"""Remote control under load: 50 WebSocket viewers and a client sending 200 requests a second
(nine in ten polls of the state, one a command) while the host presses GO.

Measured in three processes (`benchmarks.remote_child` is the podium with its server, on the
first CPU; two `benchmarks.remote_load`, the viewers and the requests, on the others), timed
on CLOCK_MONOTONIC, which they share: GO → podium repaint (against the same presses with no
server: the baseline), GO → the new state received by every viewer (the slowest viewer
counts), and a command over HTTP → its answer.
"""

from __future__ import annotations

import json
import subprocess
import time
from typing import Any

from benchmarks import agendas
from benchmarks.harness import ROOT, Context, Figure, Target, compared, missing
from benchmarks.stats import Summary

SECTION = "Remote control under load (50 WebSocket viewers, 200 HTTP requests/s)"
REPAINT_TARGETS = (
    Target("value", "median", 16.7, "median ≤ 16.7 ms"),
    Target("value", "p99", 50.0, "p99 ≤ 50 ms"),
)
VIEWERS_TARGET = (Target("value", "p99", 50.0, "p99 ≤ 50 ms"),)
COMMAND_TARGET = (Target("value", "p99", 20.0, "p99 ≤ 20 ms"),)


def _child(ctx: Context, agenda: Any, viewers: int, rate: int, presses: int, idle: bool) -> Any:
    result = ctx.work / f"remote-{time.monotonic_ns()}.json"
    argv = [ctx.python, "-m", "benchmarks.remote_child", "--agenda", str(agenda),
            "--result", str(result), "--viewers", str(viewers), "--rate", str(rate),
            "--presses", str(presses)]  # fmt: skip
    if idle:
        argv.append("--idle")
    done = subprocess.run(
        argv, cwd=ROOT, env=ctx.child_env(), capture_output=True, text=True, timeout=600
    )
    if not result.is_file():
        said = done.stderr.strip() or done.stdout.strip() or f"exit {done.returncode}"
        raise RuntimeError(said.splitlines()[-1][:200])
    return json.loads(result.read_text())


def all_viewers_ms(presses: list[dict[str, float]], seen: list[dict[str, float]]) -> list[float]:
    """Per GO: from its key press to the moment the slowest viewer had its revision (or a
    later one, if revisions followed each other faster than the viewer was sent them)."""
    delays = []
    for press in presses:
        rev, posted = int(press["rev"]), press["posted"]
        latest = 0.0
        for viewer in seen:
            arrivals = [t for r, t in viewer.items() if int(r) >= rev and t >= posted]
            if not arrivals:
                latest = float("inf")
                break
            latest = max(latest, min(arrivals))
        if latest != float("inf"):
            delays.append((latest - posted) * 1000)
    return delays


def measure(ctx: Context) -> list[Figure]:
    try:
        import aiohttp  # noqa: F401

        import podium.remote.server  # noqa: F401
    except ImportError as exc:
        return [missing(SECTION, "all", f"the remote server is not installed ({exc})")]
    try:
        agenda = agendas.conference()
    except agendas.AgendaMissing as exc:
        return [missing(SECTION, "all", str(exc))]
    viewers, rate = (5, 20) if ctx.quick else (50, 200)
    presses = 5 if ctx.quick else 50
    rounds = 1 if ctx.quick else 3
    loaded: list[float] = []
    idle: list[float] = []
    to_viewers: list[float] = []
    commands: list[float] = []
    for round_no in range(rounds):
        ctx.log(f"{SECTION}: round {round_no + 1} of {rounds}")
        try:
            base = _child(ctx, agenda.path, viewers, rate, presses, idle=True)
            data = _child(ctx, agenda.path, viewers, rate, presses, idle=False)
        except (RuntimeError, subprocess.TimeoutExpired) as exc:
            return [missing(SECTION, "all", f"the benchmark failed: {exc}"[:200])]
        idle += [p["repaint_ms"] for p in base["presses"]]
        loaded += [p["repaint_ms"] for p in data["presses"]]
        to_viewers += all_viewers_ms(data["presses"], data["load"].get("seen", []))
        commands += data["load"].get("command_ms", [])
    note = f"{viewers} viewers, {rate} requests/s, {presses} GO presses × {rounds} rounds"
    repaint = compared(
        SECTION, "GO → podium repaint", "ms", loaded, "no server", idle, REPAINT_TARGETS, note=note
    )
    figures = [repaint]
    for name, values, targets in (
        ("GO → state at every viewer", to_viewers, VIEWERS_TARGET),
        ("HTTP command → its answer", commands, COMMAND_TARGET),
    ):
        if values:
            figures.append(Figure(SECTION, name, "ms", value=Summary.of(values), targets=targets))
        else:
            figures.append(missing(SECTION, name, "no sample arrived"))
    return figures
