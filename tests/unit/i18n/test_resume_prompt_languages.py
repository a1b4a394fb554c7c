"""The resume question and its refusals in the user's language."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest

from podium.engine.journal import JournalError
from podium.engine.resume import ask_on_terminal

STARTED = dt.datetime(2026, 3, 12, 8, 34)


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    asked: list[str] = []
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True, raising=False)
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True, raising=False)
    answers = iter(["x", "f"])
    monkeypatch.setattr("builtins.input", lambda prompt: asked.append(prompt) or next(answers))
    return asked


def test_the_question_in_english(terminal: list[str]) -> None:
    assert ask_on_terminal(Path("a.jsonl"), STARTED) is False
    assert terminal[0] == "Resume the unfinished session of 08:34? [R]esume / [f]resh: "


def test_the_question_in_chinese(terminal: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    assert ask_on_terminal(Path("a.jsonl"), STARTED) is False
    assert terminal[0] == "恢复 08:34 开始、尚未结束的会议吗？[R] 恢复 / [f] 重新开始："


def test_without_a_terminal_in_chinese(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    monkeypatch.setattr(sys.stdin, "isatty", lambda: False, raising=False)
    with pytest.raises(JournalError, match="用 --resume 继续它，或用 --fresh 开始新的会议"):
        ask_on_terminal(Path("a.jsonl"), STARTED)
