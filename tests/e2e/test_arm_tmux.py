"""The screen at arm's length in a real terminal: a 300-sentence cue read with PageDown alone
at 80×24, and the hold before a fixed time a few minutes ahead of the real clock."""

from __future__ import annotations

import datetime as dt
import re
import time
from pathlib import Path

import pytest
from tmux_session import TMUX, Tmux, now_panel, read_journal

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(TMUX is None, reason="tmux is not installed (the CI installs it)"),
]

SENTENCES = 300
SENTENCE = re.compile(r"第(\d+)句")


def _long_agenda(folder: Path) -> Path:
    text = "".join(f"第{n}句：主持人用翻页器逐页阅读这段很长的宣读文字。" for n in range(1, 301))
    path = folder / "long.zh.yaml"
    path.write_text(
        "podium: 1\n"
        "meeting:\n  title: 长文本宣读\n  language: zh\n"
        "items:\n"
        f"  - id: reading\n    title: 宣读\n    script: {text}\n"
        "  - id: after\n    title: 散会\n    script: 今天的会议就到这里。\n",
        encoding="utf-8",
    )
    return path


def test_a_300_sentence_cue_is_read_with_pagedown_alone(tmp_path: Path) -> None:
    journal = tmp_path / "j.jsonl"
    seen: set[int] = set()
    with Tmux(tmp_path, (80, 24)) as tmux:
        agenda = str(_long_agenda(tmp_path))
        tmux.start(agenda, "--fresh", "--guard", "0", "--journal", str(journal))
        tmux.wait_for(lambda s: "长文本宣读" in s, "the standby screen", timeout=20)
        tmux.press("PageDown")
        screen = tmux.wait_for(lambda s: "第1句" in s, "the long cue")
        presses = 0
        while "今天的会议就到这里" not in screen:
            panel = "".join(now_panel(screen))
            seen.update(int(n) for n in SENTENCE.findall(panel))
            before = screen
            tmux.press("PageDown")
            presses += 1
            assert presses < 200, "paging never reached the next item"
            screen = tmux.wait_for(lambda s, b=before: s != b, "the next page")  # type: ignore[misc]
            # (the clock line changes too: wait until the panel itself moved on)
            deadline = time.monotonic() + 5
            while now_panel(screen) == now_panel(before) and time.monotonic() < deadline:
                time.sleep(0.05)
                screen = tmux.screen()
        missing = sorted(set(range(1, SENTENCES + 1)) - seen)
        assert not missing, f"sentences never on screen before the next item: {missing[:20]}"
        assert presses > 10  # it really took pages
        tmux.press("q")
        tmux.wait_for(lambda s: "请确认" in s, "the quit question")
        tmux.press("y")
        assert tmux.wait_dead() == 0
    _, events = read_journal(journal)
    # Paging is not a cue move: the journal has the start and one move to the next item.
    assert [(e["event"], e["item"], e["cue"]) for e in events if e["event"] != "end"] == [
        ("go", "reading", 0),
        ("go", "after", 0),
    ]


def test_the_hold_before_a_fixed_time_a_few_minutes_ahead(tmp_path: Path) -> None:
    now = dt.datetime.now().astimezone()
    fixed = (now + dt.timedelta(minutes=4)).replace(second=0, microsecond=0)
    start = (now - dt.timedelta(minutes=2)).replace(second=0, microsecond=0)
    if fixed.date() != now.date() or start.date() != now.date():
        pytest.skip("too close to midnight for a fixed time a few minutes ahead today")
    path = tmp_path / "hold.zh.yaml"
    path.write_text(
        "podium: 1\n"
        f"meeting:\n  title: 固定时间\n  language: zh\n  date: {now.date().isoformat()}\n"
        f"  start: {start:%H:%M}\n"
        "items:\n"
        "  - id: opening\n    title: 开场\n    script: 同志们：现在开会。\n    duration: 1m\n"
        "  - id: speech\n    kind: speech\n    title: 区长讲话\n"
        f"    at: {fixed:%H:%M}\n    speaker: 陈志远同志\n"
        "    intro: 下面请陈志远同志讲话。\n    duration: 10m\n",
        encoding="utf-8",
    )
    banner = re.compile(rf"固定 {fixed:%H:%M} 开始 · 还需等待 (\d+):(\d\d)")
    with Tmux(tmp_path, (100, 30)) as tmux:
        tmux.start(str(path), "--fresh", "--guard", "0", "--journal", str(tmp_path / "j.jsonl"))
        tmux.wait_for(lambda s: "固定时间" in s, "the standby screen", timeout=20)
        tmux.press("PageDown")  # the opening
        tmux.wait_for(lambda s: "现在开会" in s, "the opening")
        tmux.press("PageDown")  # the speech's intro, minutes before its fixed time
        first = tmux.wait_for(lambda s: banner.search(s) is not None, "the hold banner")
        assert "下面请陈志远同志讲话" in first  # the cue is still shown under the hold
        m = banner.search(first)
        assert m is not None
        left = int(m[1]) * 60 + int(m[2])
        assert 60 < left <= 5 * 60
        # It counts down with the real clock.
        later = tmux.wait_for(
            lambda s: (b := banner.search(s)) is not None and int(b[1]) * 60 + int(b[2]) < left,
            "the hold counting down",
        )
        assert "▀" in later or "█" in later or "▄" in later  # the big countdown too
        tmux.press("q")
        tmux.wait_for(lambda s: "请确认" in s, "the quit question")
        tmux.press("y")
        assert tmux.wait_dead() == 0
