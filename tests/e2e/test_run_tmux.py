"""`podium run` in a real terminal (tmux): the first frame, clicker keys, quitting, the journal."""

from __future__ import annotations

import hashlib
import time
from pathlib import Path

import pytest

from podium.tui.i18n import t

from .tmux_session import TMUX, ZH_AGENDA, Tmux, agenda, moves, read_journal, shown_step, steps

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(TMUX is None, reason="tmux is not installed"),
]

GUARD_S = 0.4
"""`podium run`'s default double-press guard, which these tests keep."""

AGENDA = agenda(ZH_AGENDA)
STEPS = steps(AGENDA)


def at_step(n: int):  # type: ignore[no-untyped-def]
    return lambda screen: shown_step(screen, STEPS) == n


def standing_by(screen: str) -> bool:
    return t("standby", "zh") in screen and AGENDA.meeting.title in screen


@pytest.mark.parametrize("size", [(100, 30), (80, 24)], ids=["100x30", "80x24"])
def test_run_a_chinese_meeting_with_clicker_keys(tmp_path: Path, size: tuple[int, int]) -> None:
    journal = tmp_path / "meeting.jsonl"
    with Tmux(tmp_path, size) as tmux:
        tmux.start(str(ZH_AGENDA), "--fresh", "--journal", str(journal))
        # Chinese labels and the run sheet, waited for together: a capture may come while the
        # first frame's bytes are still arriving.
        tmux.wait_for(
            lambda s: standing_by(s) and "下一步" in s and "会前提示" in s,
            "the standby screen with its labels and run sheet",
            timeout=20,
        )

        last_press = 0.0

        def press(key: str, expect: int, what: str) -> str:
            nonlocal last_press
            # Presses further apart than the guard, as a host's are. The gap counts from when
            # the screen showed the previous press: the guard is measured when podium handles a
            # key, and a loaded machine may handle a key long after tmux sent it.
            time.sleep(max(0.0, last_press + GUARD_S + 0.1 - time.monotonic()))
            tmux.press(key)
            screen = tmux.wait_for(at_step(expect), what)
            last_press = time.monotonic()
            return screen

        press("PageDown", 0, "the first cue after GO")
        press("Space", 1, "the second cue after Space")
        screen = press("PageDown", 2, "the third cue after PageDown")
        assert STEPS[2].prefix in screen and "开场" in screen  # the cue and its item's title
        press("PageUp", 1, "the second cue again after PageUp")
        press("PageDown", 2, "the third cue again")

        # A bouncing clicker: two GO presses within the guard advance once.
        time.sleep(max(0.0, last_press + GUARD_S + 0.1 - time.monotonic()))
        tmux.press("PageDown", "PageDown")
        tmux.wait_for(at_step(3), "one step after a double press")
        deadline = time.monotonic() + GUARD_S + 0.3
        while time.monotonic() < deadline:  # and it never takes a second step
            assert shown_step(tmux.screen(), STEPS) == 3
            time.sleep(0.05)

        # F5 and Esc (a clicker's other button) cancel the quit question; y confirms it.
        tmux.press("q")
        tmux.wait_for(lambda s: t("confirm.title", "zh") in s, "the quit question")
        tmux.press("F5")
        tmux.wait_for(lambda s: t("confirm.title", "zh") not in s, "the question to close")
        assert shown_step(tmux.screen(), STEPS) == 3
        tmux.press("q")
        tmux.wait_for(lambda s: t("confirm.title", "zh") in s, "the quit question")
        tmux.press("Escape")
        tmux.wait_for(lambda s: t("confirm.title", "zh") not in s, "the question to close")
        # Ctrl+C is a key here (the terminal is raw): it asks too, and y quits.
        tmux.press("C-c")
        tmux.wait_for(lambda s: t("confirm.title", "zh") in s, "the quit question after Ctrl+C")
        tmux.press("y")
        assert tmux.wait_dead() == 0

    header, events = read_journal(journal)
    assert header["format"] == "podium-journal/1"
    assert header["agenda"] == str(ZH_AGENDA)
    assert header["agenda_sha256"] == hashlib.sha256(ZH_AGENDA.read_bytes()).hexdigest()
    assert header["rehearsal"] is False
    assert "T" in header["started_at"]
    assert moves(events) == [
        ("go", "reminder", 0),
        ("go", "opening", 0),
        ("go", "opening", 1),
        ("back", "opening", 0),
        ("go", "opening", 1),
        ("go", "leaders", 0),
    ]  # quitting is not the end of the meeting: no `end`, so it can be resumed
    for event in events:
        assert event["at"][:4] == header["started_at"][:4] and "." in event["at"]


def test_run_refuses_an_existing_journal_with_fresh(tmp_path: Path) -> None:
    journal = tmp_path / "used.jsonl"
    journal.write_text('{"format": "podium-journal/1"}\n')
    with Tmux(tmp_path) as tmux:
        tmux.start(str(ZH_AGENDA), "--fresh", "--journal", str(journal))
        status = tmux.wait_dead(timeout=20)
        screen = tmux.screen(joined=True)
    assert status == 2
    assert "podium: error:" in screen and "Traceback" not in screen


def test_jump_end_and_summary_in_a_terminal(tmp_path: Path) -> None:
    journal = tmp_path / "meeting.jsonl"
    last = len(STEPS) - 1
    with Tmux(tmp_path) as tmux:
        tmux.start(str(ZH_AGENDA), "--fresh", "--guard", "0", "--journal", str(journal))
        tmux.wait_for(standing_by, "the standby screen", timeout=20)
        tmux.press("PageDown")
        tmux.wait_for(at_step(0), "the first cue")
        tmux.press("j")
        tmux.wait_for(lambda s: t("jump.title", "zh") in s, "the jump dialog")
        tmux.press("-l", "adjourn")  # the item's id finds it too
        one_of_ten = t("jump.count", "zh").format(shown=1, total=len(AGENDA.items))
        tmux.wait_for(lambda s: one_of_ten in s, "the filtered list")
        tmux.press("Enter")
        tmux.wait_for(at_step(last), "the last cue after the jump")
        tmux.press("PageDown")  # GO on the last cue asks to end the meeting
        end_question = t("confirm.end", "zh").split("？")[0]  # (the dialog wraps the rest)
        tmux.wait_for(lambda s: end_question in s, "the end question")
        tmux.press("y")
        summary = tmux.wait_for(lambda s: t("summary.title", "zh") in s, "the summary")
        assert "合计" in summary and "—" in summary  # totals; items never reached
        tmux.press("q")
        assert tmux.wait_dead() == 0
    _, events = read_journal(journal)
    assert moves(events) == [
        ("go", "reminder", 0),
        ("jump", "adjourn", 0),
        ("end", "adjourn", 0),
    ]


def test_too_small_a_terminal_shows_a_notice_and_keeps_the_meeting(tmp_path: Path) -> None:
    journal = tmp_path / "meeting.jsonl"
    notice = t("small.notice", "zh").split("（")[0]
    with Tmux(tmp_path, (100, 30)) as tmux:
        tmux.start(str(ZH_AGENDA), "--fresh", "--guard", "0", "--journal", str(journal))
        tmux.wait_for(standing_by, "the standby screen", timeout=20)
        tmux.press("PageDown")
        tmux.wait_for(at_step(0), "the first cue")
        tmux.tmux("resize-window", "-t", tmux.target, "-x", "38", "-y", "11")
        tmux.wait_for(lambda s: notice in s, "the too-small notice")
        tmux.press("PageDown")  # keys still work while it is too small
        tmux.tmux("resize-window", "-t", tmux.target, "-x", "80", "-y", "24")
        tmux.wait_for(at_step(1), "the second cue at 80×24")
        tmux.tmux("resize-window", "-t", tmux.target, "-x", "120", "-y", "40")
        tmux.wait_for(at_step(1), "the second cue at 120×40")
        tmux.press("q")
        tmux.wait_for(lambda s: t("confirm.title", "zh") in s, "the quit question")
        tmux.press("y")
        assert tmux.wait_dead() == 0
    _, events = read_journal(journal)
    assert moves(events) == [("go", "reminder", 0), ("go", "opening", 0)]
