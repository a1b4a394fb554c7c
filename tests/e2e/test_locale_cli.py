"""The command line speaks the user's language: `LANG=zh_CN.UTF-8` gets Chinese (whether or not
that locale is installed here), `LANG=C.UTF-8` English; the machine-readable starts of lines
(`FILE:LINE:COL: error:`, `podium: error:`) stay as they are."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.e2e

PODIUM = Path(sys.executable).with_name("podium")
ZH = "zh_CN.UTF-8"
EN = "C.UTF-8"

GOOD = "podium: 1\nmeeting: {title: t}\nitems:\n  - {title: a, script: Hello.}\n"


def podium(
    *args: str, lang: str, cwd: Path | None = None, **env: str
) -> subprocess.CompletedProcess[str]:
    environ = {
        k: v for k, v in os.environ.items() if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES")
    }
    environ.update(LANG=lang, **env)
    done = subprocess.run(
        [str(PODIUM), *args], capture_output=True, text=True, timeout=60, cwd=cwd, env=environ
    )
    assert "Traceback" not in done.stderr
    return done


def has_han(text: str) -> bool:
    return any("\u4e00" <= ch <= "\u9fff" for ch in text)


def test_validate_summary_in_both_languages(tmp_path: Path) -> None:
    (tmp_path / "good.yaml").write_text(GOOD)
    assert podium("validate", "good.yaml", lang=EN, cwd=tmp_path).stdout == (
        "good.yaml: ok, 1 item, 1 cue\n"
    )
    done = podium("validate", "good.yaml", lang=ZH, cwd=tmp_path)
    assert done.returncode == 0
    assert done.stdout == "good.yaml: 无误，1 项议程，1 条提示\n"


def test_validate_unreadable_in_both_languages(tmp_path: Path) -> None:
    en = podium("validate", "missing.yaml", lang=EN, cwd=tmp_path)
    zh = podium("validate", "missing.yaml", lang=ZH, cwd=tmp_path)
    assert en.returncode == zh.returncode == 2
    assert en.stdout == "missing.yaml: cannot be opened\n"
    assert zh.stdout == "missing.yaml: 无法打开\n"
    assert zh.stderr.startswith("podium: error: ")


def test_help_in_both_languages() -> None:
    en = podium("plan", "--help", lang=EN)
    zh = podium("plan", "--help", lang=ZH)
    assert en.returncode == zh.returncode == 0
    assert en.stdout.startswith("usage: podium plan")
    assert "print" not in zh.stdout and not has_han(en.stdout)
    assert zh.stdout.startswith("用法：podium plan")
    assert "显示本帮助并退出" in zh.stdout and "输出格式" in zh.stdout
    top = podium("--help", lang=ZH)
    assert "检查议程文件" in top.stdout and "check agenda files" not in top.stdout


def test_usage_errors_in_both_languages() -> None:
    en = podium("plan", lang=EN)
    zh = podium("plan", lang=ZH)
    assert en.returncode == zh.returncode == 2
    assert "the following arguments are required: AGENDA" in en.stderr
    assert "podium plan: error: 缺少必需的参数：AGENDA" in zh.stderr
    bad = podium("plan", "x.yaml", "--format", "doc", lang=ZH)
    assert bad.returncode == 2 and "无效的选择：'doc'" in bad.stderr
    unknown = podium("frobnicate", lang=ZH)
    assert unknown.returncode == 2 and has_han(unknown.stderr)


@pytest.mark.parametrize(
    ("env", "chinese"),
    [
        ({"LANGUAGE": "zh_CN:en"}, True),
        ({"LC_ALL": "zh_TW.UTF-8"}, True),
        ({"LC_MESSAGES": "zh_CN"}, True),
        ({"LANGUAGE": "en"}, False),
    ],
)
def test_the_locale_variables_in_gettexts_order(env: dict[str, str], chinese: bool) -> None:
    done = podium("--help", lang=EN, **env)
    assert has_han(done.stdout) is chinese
