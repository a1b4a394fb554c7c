"""Fixtures for the text-to-speech tests: a stand-in audio player that logs what it played, a
pyttsx3 that fails the way a machine without espeak-ng does."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from .tts_player_log import StandIn

HERE = Path(__file__).resolve().parent
MISSING_ENGINE = '''"""pyttsx3 as it behaves where libespeak-ng is not installed."""
import os, sys
os.write(1, b"espeak noise on stdout\\n")
os.write(2, b"espeak noise on stderr\\n")


def init(driverName=None, debug=False):
    print("more noise", file=sys.stderr)
    raise RuntimeError("This means you probably do not have eSpeak or eSpeak-ng installed!")
'''


@pytest.fixture
def stand_in(tmp_path: Path) -> Callable[..., StandIn]:
    """Make a stand-in player: `stand_in(speed=20)` plays 20 times faster than real time."""

    def make(speed: float = 1.0, fail: str | None = None) -> StandIn:
        log = tmp_path / f"player-{time.monotonic_ns()}.log"
        command = [
            sys.executable,
            str(HERE / "stand_in_player.py"),
            "--log",
            str(log),
            "--speed",
            str(speed),
        ]
        if fail:
            command += ["--fail", fail]
        return StandIn(command, log)

    return make


@pytest.fixture
def missing_engine(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Put a pyttsx3 that fails as on a machine without espeak-ng first on PYTHONPATH, so every
    renderer process started from now on cannot start its engine."""
    folder = tmp_path / "no-espeak"
    (folder / "pyttsx3").mkdir(parents=True)
    (folder / "pyttsx3" / "__init__.py").write_text(MISSING_ENGINE, encoding="utf-8")
    monkeypatch.setenv("PYTHONPATH", str(folder))
    return folder
