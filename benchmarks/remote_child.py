"""The podium side of the remote benchmark: the podium app (headless 120×40, fake clock) with
its remote server on loopback, GO pressed as a clicker does while two separate processes
keep 50 WebSocket viewers and 200 HTTP requests a second going (`benchmarks.remote_load`).

    python -m benchmarks.remote_child --agenda A --result R --viewers 50 --rate 200 --presses 50

Writes R (JSON): per GO, the moment its key was posted (CLOCK_MONOTONIC, shared with the load
process), the revision it made, and its repaint time; plus what the load process measured.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from benchmarks import app_driver
from benchmarks.child import podium_app


def _cpus() -> list[int]:
    return sorted(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else []


CPUS = _cpus()
"""The CPUs this benchmark may use: the podium takes the first, the clients the others."""


def _pin(pid: int, cpus: set[int]) -> None:
    if len(CPUS) > 1:
        with contextlib.suppress(OSError):
            os.sched_setaffinity(pid, cpus)


def _load(port: int, option: str, value: int, out: Path) -> subprocess.Popen[bytes]:
    """One load process: the viewers (`--viewers N`) or the requests (`--rate N`), on the
    CPUs the podium does not use."""
    argv = [sys.executable, "-m", "benchmarks.remote_load", "--port", str(port), option,
            str(value), "--result", str(out)]  # fmt: skip
    load = subprocess.Popen(argv, stdin=subprocess.PIPE)
    _pin(load.pid, set(CPUS[1:]))
    return load


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.remote_child")
    parser.add_argument("--agenda", type=Path, required=True)
    parser.add_argument("--result", type=Path, required=True)
    parser.add_argument("--viewers", type=int, default=50)
    parser.add_argument("--rate", type=int, default=200)
    parser.add_argument("--presses", type=int, default=50)
    parser.add_argument("--idle", action="store_true", help="no server: the baseline")
    args = parser.parse_args(argv)
    # The podium on one CPU and its clients on the others, in the baseline as under load. On
    # loopback each answer wakes its client, and the kernel would often run the woken client
    # at once on the podium's own CPU, in the middle of the podium's `send` (measured: the
    # send of an answer took 0.3 ms median, 3 ms p90, 8 ms p99 of wall time that way; 0.05,
    # 0.07 and 0.1 ms with the clients on the other CPU). Phones and button boxes are other
    # machines: their work never takes the podium's CPU.
    _pin(0, {CPUS[0]} if CPUS else set())

    from podium.remote.server import RemoteServer

    watcher = app_driver.PaintWatcher()
    app, clock = podium_app(args.agenda, args.result.with_suffix(".jsonl"))
    load_results = [args.result.with_suffix(f".load-{role}.json") for role in ("ws", "http")]
    presses: list[dict[str, float]] = []
    go_revs: list[int] = []
    # The revision each GO made, noted when it is made: read after the repaint, it was often
    # the revision of a message that came in meanwhile (20 a second), and the viewers were
    # timed until that later state reached them.
    app.host.subscribe(
        lambda change: go_revs.append(change.rev) if change.command == "go" else None
    )

    async def _press(count: int) -> None:
        for _ in range(count):
            clock.advance(1.0)  # past the double-press guard
            if app.session.next_cue() is None:
                app.jump_to(0)
                await app_driver.settle()
            made = len(go_revs)
            posted = time.monotonic()
            repainted, _acted = await app_driver.press_timed(app, watcher)
            rev = go_revs[made] if len(go_revs) > made else app.host.revision
            presses.append({"posted": posted, "rev": rev, "repaint_ms": repainted})
            await app_driver.settle(0.1)

    async def drive() -> None:
        async with app.run_test(size=(120, 40)):
            if args.idle:
                await app_driver.settle(0.2)
                await _press(args.presses)
                app.exit()
                return
            server = RemoteServer(app.host, http=("127.0.0.1", 0))
            server.bind()
            await server.start()
            port = server.http_address[1]  # type: ignore[index]
            loads = [
                _load(port, "--viewers", args.viewers, load_results[0]),
                _load(port, "--rate", args.rate, load_results[1]),
            ]
            try:
                deadline = time.monotonic() + 60
                while len(server.viewers) < args.viewers and time.monotonic() < deadline:
                    await asyncio.sleep(0.05)
                await asyncio.sleep(1.0)  # the request stream is running
                await _press(args.presses)
                await asyncio.sleep(0.5)
            finally:
                for load in loads:  # the load processes write their results and end
                    assert load.stdin is not None
                    load.stdin.close()
                while any(load.poll() is None for load in loads):
                    await asyncio.sleep(0.05)
                await server.stop()
            app.exit()

    asyncio.run(drive())
    loaded: dict[str, Any] = {"seen": [], "command_ms": []}
    for path in load_results:
        if path.is_file():
            part = json.loads(path.read_text())
            loaded["seen"] += part["seen"]
            loaded["command_ms"] += part["command_ms"]
    args.result.write_text(json.dumps({"presses": presses, "load": loaded}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
