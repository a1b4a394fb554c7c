"""An imported draft opens in `podium run` with no edit (tmux): the opening's first cue with
the host who reads it, the speech item further on, and it quits cleanly."""

from __future__ import annotations

import subprocess
import time
from pathlib import Path

import pytest

from podium.tui.i18n import t

from .tmux_session import PODIUM, ROOT, TMUX, Tmux

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(TMUX is None, reason="tmux is not installed"),
]

CORPUS = ROOT / "tests" / "unit" / "importer" / "corpus"


def test_an_imported_two_host_script_runs(tmp_path: Path) -> None:
    draft = tmp_path / "draft.yaml"
    done = subprocess.run(
        [*PODIUM, "import", str(CORPUS / "two-hosts.zh-Hant.txt"), "-o", str(draft)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    with Tmux(tmp_path, (100, 30)) as tmux:
        tmux.start(str(draft), "--fresh", "--journal", str(tmp_path / "j.jsonl"))
        tmux.wait_for(lambda s: "二〇二六年春季校園表彰大會" in s, "the standby screen", timeout=20)
        tmux.press("PageDown")
        # who, shown before the text
        screen = tmux.wait_for(lambda s: "男：尊敬的各位領導" in s, "the first cue and its host")
        assert "開場" in screen
        for _ in range(6):
            time.sleep(0.5)  # further apart than the double-press guard
            tmux.press("PageDown")
        screen = tmux.wait_for(lambda s: "林美玲" in s, "the call-up with its names")
        assert "請陳小明、林美玲、黃志強上臺領獎。" in screen
        tmux.press("q")
        tmux.wait_for(lambda s: t("confirm.title", "zh") in s, "the quit question")
        tmux.press("y")
        assert tmux.wait_dead() == 0
