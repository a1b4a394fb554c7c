"""The viewers or the button traffic of the remote benchmark, in a process of their own so
that they do not share the podium's CPU time: `--viewers` WebSocket clients note when each
revision reaches them; with `--rate`, one HTTP client sends that many requests a second (nine
of ten `GET /api/v1/state` as a button panel polls, one of ten a command, `message` to the
stage) and notes each command's round trip. Runs until its stdin closes, then writes
`--result`.

`benchmarks.remote_child` starts two of these: one with the viewers, one with the requests.
In one process, each command's answer arrived together with the 50 states its change pushed
and waited behind them in the client's own event loop (the phones and the button box are
different machines). A viewer reads the revision from the state's first bytes (`{"rev":N,`,
the snapshot's first field) instead of decoding the whole JSON 50 times over, so the figure is
the server's delivery, not the client's decoding."""

from __future__ import annotations

import argparse
import asyncio
import json
import re
import sys
import time
from typing import Any

import aiohttp

REV = re.compile(r'\{"rev":(\d+)[,}]')


async def viewer(
    session: aiohttp.ClientSession, url: str, seen: dict[int, float], ready: list[int]
) -> None:
    async with session.ws_connect(url, max_msg_size=0) as ws:
        ready.append(1)
        async for message in ws:
            if message.type is not aiohttp.WSMsgType.TEXT:
                break
            now = time.monotonic()
            found = REV.match(message.data)
            rev = int(found.group(1)) if found else json.loads(message.data).get("rev")
            if isinstance(rev, int) and rev not in seen:
                seen[rev] = now


async def requests(session: aiohttp.ClientSession, base: str, rate: int, out: list[float]) -> None:
    period = 1.0 / rate
    n = 0
    next_at = time.monotonic()
    while True:
        n += 1
        started = time.monotonic()
        if n % 10 == 0:
            url = f"{base}/api/v1/commands/message"
            async with session.post(url, json={"to": "stage", "text": f"load {n}"}) as response:
                await response.read()
            out.append((time.monotonic() - started) * 1000)
        else:
            async with session.get(f"{base}/api/v1/state") as response:
                await response.read()
        next_at += period
        await asyncio.sleep(max(0.0, next_at - time.monotonic()))


async def run(port: int, viewers: int, rate: int) -> dict[str, Any]:
    base = f"http://127.0.0.1:{port}"
    seen: list[dict[int, float]] = [{} for _ in range(viewers)]
    ready: list[int] = []
    commands_ms: list[float] = []
    connector = aiohttp.TCPConnector(limit=0)
    async with aiohttp.ClientSession(connector=connector) as session:
        tasks = [
            asyncio.create_task(viewer(session, base.replace("http", "ws") + "/ws", s, ready))
            for s in seen
        ]
        while len(ready) < viewers:
            await asyncio.sleep(0.01)
        if rate > 0:
            tasks.append(asyncio.create_task(requests(session, base, rate, commands_ms)))
        stop = asyncio.get_running_loop().run_in_executor(None, sys.stdin.read)
        await stop
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
    return {"seen": [{str(k): v for k, v in s.items()} for s in seen], "command_ms": commands_ms}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.remote_load")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--viewers", type=int, default=0)
    parser.add_argument("--rate", type=int, default=0, help="HTTP requests a second (0: none)")
    parser.add_argument("--result", required=True)
    args = parser.parse_args(argv)
    data = asyncio.run(run(args.port, args.viewers, args.rate))
    with open(args.result, "w", encoding="utf-8") as out:
        json.dump(data, out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
