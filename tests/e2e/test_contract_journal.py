"""Contract: the session journal `podium run` writes, read from disk as an outside tool would.

Every key a host presses (GO, back, jump, pause, resume, one more / one less minute, the end)
must leave one line in the journal's documented shape: a header first, then one JSON object
per event with `at` (local ISO-8601 with offset and milliseconds), `event`, `item` and `cue`.
The journal's default place is the user's state folder, `podium/journals/<stem>-<stamp>.jsonl`.
"""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
import time
from pathlib import Path
from typing import Any

import pytest

from podium.tui.i18n import t

from .tmux_session import PODIUM, TMUX, Tmux

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(TMUX is None, reason="tmux is not installed"),
]

AGENDA = """\
podium: 1
meeting:
  title: Contract meeting
  language: en
items:
  - id: first
    title: First
    duration: 2m
    script:
      - Welcome, everyone.
      - Our agenda today.
  - id: second
    title: Second
    duration: 1m
    script: A word in the middle.
  - id: third
    title: Third
    duration: 1m
    script: Thank you and goodbye.
"""

AT = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}(?:[+-]\d\d:\d\d)$")
"""ISO-8601 local time with its offset and milliseconds (2026-03-12T09:00:03.120+08:00)."""


def _lines(path: Path) -> list[dict[str, Any]]:
    raw = path.read_bytes()
    if not raw.endswith(b"\n"):  # a line being written: not yet
        raw = raw[: raw.rfind(b"\n") + 1]
    return [json.loads(line) for line in raw.decode("utf-8").splitlines()]


def _wait_lines(path: Path, count: int, what: str, tmux: Tmux) -> list[dict[str, Any]]:
    """Poll the file (appended and flushed on every event) until it has `count` lines."""
    deadline = time.monotonic() + 15
    while True:
        lines = _lines(path) if path.exists() else []
        if len(lines) >= count:
            return lines
        if time.monotonic() > deadline:
            raise AssertionError(f"no journal line for {what}: {lines}\n{tmux.screen()}")
        time.sleep(0.03)


def test_every_key_leaves_one_line_in_the_documented_shape_at_the_default_place(
    tmp_path: Path,
) -> None:
    agenda = tmp_path / "contract meeting.yaml"
    agenda.write_text(AGENDA, encoding="utf-8")
    with Tmux(tmp_path, (100, 30)) as tmux:
        tmux.start(str(agenda), "--guard", "0")
        folder = tmux.state_home / "podium" / "journals"
        screen = tmux.wait_for(lambda s: "Contract meeting" in s, "the standby screen", 25)
        # The header is on disk before the screen opens.
        found = list(folder.glob("*.jsonl"))
        assert len(found) == 1, (found, screen)
        journal = found[0]
        assert re.fullmatch(r"contract meeting-\d{8}-\d{6}\.jsonl", journal.name), journal.name
        assert len(_lines(journal)) == 1

        expected: list[tuple[str, str, int]] = []

        def key(keys: tuple[str, ...], event: str, item: str, cue: int) -> dict[str, Any]:
            tmux.press(*keys)
            expected.append((event, item, cue))
            return _wait_lines(journal, 1 + len(expected), event, tmux)[-1]

        key(("Space",), "go", "first", 0)  # the first GO starts the meeting
        key(("Enter",), "go", "first", 1)
        # every other GO and back key of the clicker table, in a real terminal
        key(("Up",), "back", "first", 0)
        key(("Right",), "go", "first", 1)
        key(("BSpace",), "back", "first", 0)
        key(("Down",), "go", "first", 1)
        key(("PageUp",), "back", "first", 0)
        key(("PageDown",), "go", "first", 1)
        key(("p",), "pause", "first", 1)
        key(("p",), "resume", "first", 1)
        plus = key(("+",), "adjust", "first", 1)
        minus = key(("-",), "adjust", "first", 1)
        key(("Left",), "back", "first", 0)
        tmux.press("j")
        tmux.wait_for(lambda s: t("jump.title", "en") in s, "the jump dialog")
        tmux.press("-l", "third")
        one_of_three = t("jump.count", "en").format(shown=1, total=3)
        tmux.wait_for(lambda s: one_of_three in s, "the filtered list")
        key(("Enter",), "jump", "third", 0)
        tmux.press("PageDown")  # GO on the last cue asks first
        time.sleep(0.5)
        assert len(_lines(journal)) == 1 + len(expected)  # asking is not ending
        end = key(("y",), "end", "third", 0)
        tmux.wait_for(lambda s: t("summary.title", "en") in s, "the summary")
        tmux.press("q")
        assert tmux.wait_dead() == 0

    header, *events = _lines(journal)
    assert set(header) >= {"format", "agenda", "agenda_sha256", "rehearsal", "started_at"}
    assert header["format"] == "podium-journal/1"
    assert header["agenda"] == str(agenda.resolve()) and Path(header["agenda"]).is_absolute()
    assert header["agenda_sha256"] == hashlib.sha256(agenda.read_bytes()).hexdigest()
    assert header["rehearsal"] is False
    assert AT.match(header["started_at"]), header["started_at"]
    # Only the events this contract names, in order, each with its position after it.
    shown = [e for e in events if e["event"] in {"go", "back", "jump", "pause", "resume",
                                                 "adjust", "end"}]  # fmt: skip
    assert [(e["event"], e["item"], e["cue"]) for e in shown] == expected
    for event in events:
        assert AT.match(event["at"]), event
        assert isinstance(event["cue"], int)
    assert plus["delta_s"] == 60 and minus["delta_s"] == -60
    assert end["event"] == "end"

    # And the journal is what `podium report` reads, as it is.
    result = subprocess.run(
        [*PODIUM, "report", str(journal), "--format", "json"],
        capture_output=True, text=True, encoding="utf-8", timeout=60,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["sessions"][0]["ended_at"] == end["at"]
    assert [i["id"] for i in report["items"]] == ["first", "second", "third"]
    assert report["items"][1]["actual_s"] == [None]  # never reached


def test_rehearse_marks_the_journal_as_a_rehearsal(tmp_path: Path) -> None:
    agenda = tmp_path / "a.yaml"
    agenda.write_text(AGENDA, encoding="utf-8")
    journal = tmp_path / "sub" / "j.jsonl"
    with Tmux(tmp_path, (100, 30)) as tmux:
        tmux.start(str(agenda), "--rehearse", "--journal", str(journal))
        tmux.wait_for(lambda s: "Contract meeting" in s, "the standby screen", 25)
        header = _wait_lines(journal, 1, "the header", tmux)[0]
        tmux.press("q")
        time.sleep(0.3)
        tmux.press("y")
        assert tmux.wait_dead() == 0
    assert header["rehearsal"] is True
