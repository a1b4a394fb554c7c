"""Fixtures for the remote tests (the helpers are in remote_helpers.py)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest

from podium.engine.clock import SystemClock

from .remote_helpers import LiveServer, make_host


@pytest.fixture
def host() -> Any:
    return make_host()


@pytest.fixture
def live(host: Any) -> Iterator[LiveServer]:
    server = LiveServer(host)
    yield server
    server.stop()


@pytest.fixture
def live_factory() -> Iterator[Callable[..., LiveServer]]:
    started: list[LiveServer] = []

    def start(host: Any, **options: Any) -> LiveServer:
        server = LiveServer(host, **options)
        started.append(server)
        return server

    yield start
    for server in started:
        server.stop()


@pytest.fixture
def system_clock() -> SystemClock:
    return SystemClock()
