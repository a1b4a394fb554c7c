"""Helpers of the remote tests: a Host over a real session, and the real server on loopback
(its own event loop in a thread, so the tests can be plain blocking clients). A module of
its own name: `conftest` is a name every test folder has."""

from __future__ import annotations

import asyncio
import json
import threading
import urllib.error
import urllib.request
from collections.abc import Callable
from concurrent.futures import Future
from pathlib import Path
from typing import Any

from podium.agenda.loader import load_agenda
from podium.agenda.plan import make_plan
from podium.engine.clock import Clock, ManualClock
from podium.engine.session import Session
from podium.host import COMMANDS, Host

AGENDAS = Path(__file__).resolve().parents[2] / "agendas"


def make_host(agenda: str = "quick-demo.en.yaml", clock: Clock | None = None, **kw: Any) -> Host:
    """A Host for one of the bundled agendas, on a manual clock unless told otherwise."""
    result = load_agenda(str(AGENDAS / agenda))
    assert result.agenda is not None, result.diagnostics
    clock = clock or ManualClock()
    guard = kw.pop("guard_s", 0.4)
    session = Session(make_plan(result.agenda), clock, guard_s=guard)
    return Host(session, guard_s=guard, **kw)


class LiveServer:
    """A RemoteServer serving from its own loop in a thread; `call` runs code in that loop."""

    def __init__(self, host: Any, **options: Any) -> None:
        from podium.remote.server import RemoteServer

        self.host = host
        options.setdefault("http", ("127.0.0.1", 0))
        options.setdefault("commands", COMMANDS)
        self.server = RemoteServer(host, **options)
        self.server.bind()
        self.loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self._thread.start()
        self.call_async(self.server.start())

    @property
    def base(self) -> str:
        host, port = self.server.http_address  # type: ignore[misc]
        return f"http://{host}:{port}"

    @property
    def port(self) -> int:
        return self.server.http_address[1]  # type: ignore[index]

    def call_async(self, coro: Any, timeout: float = 10) -> Any:
        return asyncio.run_coroutine_threadsafe(coro, self.loop).result(timeout)

    def call(self, fn: Callable[[], Any], timeout: float = 10) -> Any:
        """Run `fn` in the server's loop (where the Host lives) and return its result."""
        done: Future[Any] = Future()

        def run() -> None:
            try:
                done.set_result(fn())
            except BaseException as exc:
                done.set_exception(exc)

        self.loop.call_soon_threadsafe(run)
        return done.result(timeout)

    def stop(self) -> None:
        try:
            self.call_async(self.server.stop())
        finally:
            self.loop.call_soon_threadsafe(self.loop.stop)
            self._thread.join(10)
            self.loop.close()


def http(
    method: str,
    url: str,
    *,
    body: Any = None,
    headers: dict[str, str] | None = None,
    raw: bytes | None = None,
) -> tuple[int, Any, dict[str, str]]:
    """(status, decoded JSON or text, headers) of one real HTTP request."""
    data = raw if raw is not None else (None if body is None else json.dumps(body).encode())
    request = urllib.request.Request(url, data=data, method=method, headers=headers or {})
    if data is not None and raw is None:
        request.add_header("Content-Type", "application/json")

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *a: Any, **k: Any) -> None:
            return None

    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(request, timeout=10) as response:
            status, text, head = response.status, response.read(), dict(response.headers)
    except urllib.error.HTTPError as exc:
        status, text, head = exc.code, exc.read(), dict(exc.headers)
    try:
        decoded: Any = json.loads(text)
    except ValueError:
        decoded = text.decode("utf-8", "replace")
    return status, decoded, head
