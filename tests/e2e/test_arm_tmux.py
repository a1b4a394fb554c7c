"""The screen at arm's length in a real terminal: a 300-sentence cue read with PageDown alone
at 80×24, and the hold before a fixed time a few minutes ahead of the real clock."""

from __future__ import annotations

import datetime as dt
import re
import time
from pathlib import Path

import pytest

from .tmux_session import TMUX, Tmux, now_panel, read_journal

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(TMUX is None, reason="tmux is not installed (the CI installs it)"),
]

SENTENCES = 300
SENTENCE = re.compile(r"第(\d+)句")
SCROLLBAR = " ▁▂▃▄▅▆▇█▔"
PAGE = re.compile(r"[▼▲].*?(\d+)/(\d+)")
"""The more-indicator, the Now panel's last line, says `page/pages`."""


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

    def panel(screen: str) -> str:
        # Lines joined as read (a sentence's number may wrap), without the scrollbar's thumb.
        return "".join(line.rstrip(SCROLLBAR) for line in now_panel(screen))

    def text(screen: str) -> str:
        """The panel without its more-indicator (its last line)."""
        return "".join(line.rstrip(SCROLLBAR) for line in now_panel(screen)[:-1])

    def settled(tmux: Tmux) -> str:
        """The screen once its Now panel has stayed the same for a moment."""
        before, deadline = None, time.monotonic() + 10
        while True:
            screen = tmux.screen()
            if panel(screen) == before or time.monotonic() > deadline:
                return screen
            before = panel(screen)
            time.sleep(0.2)

    def page_of(screen: str) -> tuple[int, int] | None:
        lines = now_panel(screen)
        found = PAGE.search(lines[-1]) if lines else None
        return (int(found[1]), int(found[2])) if found else None

    with Tmux(tmp_path, (80, 24)) as tmux:
        agenda = str(_long_agenda(tmp_path))
        tmux.start(agenda, "--fresh", "--guard", "0", "--journal", str(journal))
        tmux.wait_for(lambda s: "长文本宣读" in s, "the standby screen", timeout=20)
        tmux.press("PageDown")
        screen = tmux.wait_for(lambda s: page_of(s) is not None, "the long cue, page 1")
        page, pages = page_of(screen) or (0, 0)
        assert page == 1 and pages > 10  # it really takes pages
        while True:
            screen = settled(tmux)  # the whole page is drawn (a loaded machine paints late)
            assert page_of(screen) == (page, pages)
            seen.update(int(n) for n in SENTENCE.findall(panel(screen)))
            shown = text(screen)
            tmux.press("PageDown")
            if page == pages:
                break
            page += 1
            # The indicator and the text may be painted in separate frames: wait for both.
            tmux.wait_for(
                lambda s, p=page, old=shown: page_of(s) == (p, pages) and text(s) != old,  # type: ignore[misc]
                f"page {page}",
            )
        tmux.wait_for(
            lambda s: "今天的会议就到这里" in panel(s), "the next item after the last page"
        )
        missing = sorted(set(range(1, SENTENCES + 1)) - seen)
        assert not missing, f"sentences never on screen before the next item: {missing[:20]}"
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
