"""The stand-in player's log as the tests read it, and whether a process is still alive."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest


@dataclass
class StandIn:
    """A stand-in player command and the log it writes."""

    command: list[str]
    log: Path

    def events(self) -> list[dict[str, object]]:
        """Everything logged so far, in order, without the start-up device probe."""
        if not self.log.exists():
            return []
        lines = self.log.read_text(encoding="utf-8").splitlines()
        events = [json.loads(line) for line in lines if line.strip()]
        return [e for e in events if not str(e["wav"]).endswith("probe.wav")]

    def wait_for(
        self, check: Callable[[list[dict[str, object]]], bool], timeout: float = 10.0
    ) -> list[dict[str, object]]:
        """Poll the log until `check(events)` holds; the events (fails the test on timeout)."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            events = self.events()
            if check(events):
                return events
            time.sleep(0.005)
        pytest.fail(f"the stand-in player never got there; it logged {self.events()}")


def pid_gone(pid: int) -> bool:
    """True when the process no longer exists (or is a zombie waiting to be reaped)."""
    stat = Path(f"/proc/{pid}/stat")
    try:
        return stat.read_text().split(")")[-1].split()[0] == "Z"
    except (FileNotFoundError, ProcessLookupError, IndexError):
        return True
