"""Journal: podium's append + fsync per event against a bare write + flush + fsync of the same
bytes to a file in the same folder (the cost of durability itself)."""

from __future__ import annotations

import datetime as dt
import os
import time

from benchmarks.harness import Context, Figure, compared, interleaved, missing

SECTION = "Journal (per event, fsync'd)"
BLOCK = 20
"""Events per timed block; the figure is a block's time divided by it."""


def measure(ctx: Context) -> list[Figure]:
    try:
        from podium.engine.journal import JournalWriter
    except ImportError as exc:
        return [missing(SECTION, "append + fsync", f"no journal writer yet ({exc})")]
    folder = ctx.work / "journal-cost"
    folder.mkdir(exist_ok=True)
    podium_path = folder / "podium.jsonl"
    bare_path = folder / "bare.jsonl"
    podium_path.touch()
    writer = JournalWriter.append_to(podium_path)
    bare = open(bare_path, "ab")  # noqa: SIM115
    at = dt.datetime(2026, 3, 12, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=8)))
    state = {"cue": 0}

    def podium_block() -> float:
        start = time.perf_counter()
        for _ in range(BLOCK):
            state["cue"] += 1
            writer.record("go", at=at, item="conferral-1", cue=state["cue"])
        return (time.perf_counter() - start) * 1000 / BLOCK

    def bare_block() -> float:
        # The same bytes podium wrote for its latest block, written the plainest durable way.
        with open(podium_path, "rb") as f:
            lines = f.read().splitlines(keepends=True)[-BLOCK:]
        start = time.perf_counter()
        for line in lines:
            bare.write(line)
            bare.flush()
            os.fsync(bare.fileno())
        return (time.perf_counter() - start) * 1000 / BLOCK

    try:
        podium_block()  # a first block so the bare writer has bytes to copy
        samples = interleaved(
            {"podium": podium_block, "bare": bare_block}, ctx.repeats(15), warmup=1
        )
    finally:
        writer.close()
        bare.close()
    if writer.error:
        return [missing(SECTION, "append + fsync", f"the journal writer failed: {writer.error}")]
    return [
        compared(
            SECTION,
            "append + fsync, one `go` event",
            "ms",
            samples["podium"],
            "write + fsync of the same bytes",
            samples["bare"],
            note=f"each sample: mean of {BLOCK} events",
        )
    ]
