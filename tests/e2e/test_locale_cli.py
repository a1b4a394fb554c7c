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


def test_plan_and_say_errors_in_both_languages(tmp_path: Path) -> None:
    (tmp_path / "good.yaml").write_text(GOOD)
    en = podium("plan", "good.yaml", "--start", "25:00", lang=EN, cwd=tmp_path)
    zh = podium("plan", "good.yaml", "--start", "25:00", lang=ZH, cwd=tmp_path)
    assert en.returncode == zh.returncode == 2
    assert en.stderr == (
        "podium: error: --start: bad clock time '25:00': expected a 24-hour time such as "
        "09:00 or 13:30:00\n"
    )
    assert zh.stderr.startswith("podium: error: --start：'25:00' 不是有效的时间")
    assert podium("say", "...", lang=ZH).stderr == (
        "podium: error: 没有可朗读的内容：TEXT 里没有文字\n"
    )
    rate = podium("say", "hello", "--rate", "5", lang=ZH)
    assert rate.returncode == 2 and "--rate 必须在每分钟 80 到 450 词之间，不能是 5" in rate.stderr
    folder = podium("say", "hello", "--out", str(tmp_path), lang=ZH)
    assert folder.returncode == 2 and "这是一个文件夹" in folder.stderr


def test_meeting_output_follows_the_meeting_not_the_locale(tmp_path: Path) -> None:
    """A Chinese organiser printing an English meeting's run sheet gets it in English, and
    the other way round."""
    (tmp_path / "en.yaml").write_text(GOOD)
    zh_meeting = GOOD.replace("{title: t}", "{title: t, language: zh_CN}")
    (tmp_path / "zh.yaml").write_text(zh_meeting)
    english = podium("plan", "en.yaml", lang=ZH, cwd=tmp_path)
    chinese = podium("plan", "zh.yaml", lang=EN, cwd=tmp_path)
    assert english.returncode == chinese.returncode == 0
    assert "Item" in english.stdout and "议程" not in english.stdout
    assert "议程" in chinese.stdout and "Item" not in chinese.stdout
    csv = podium("plan", "zh.yaml", "--format", "csv", lang=EN, cwd=tmp_path)
    assert csv.stdout.startswith("\ufeffitem_id,")


def test_validate_problems_in_both_languages(tmp_path: Path) -> None:
    (tmp_path / "bad.yaml").write_text(
        "podium: 1\nmeeting: {title: t}\nitems:\n  - {title: a, kind: speach}\n", encoding="utf-8"
    )
    en = podium("validate", "bad.yaml", lang=EN, cwd=tmp_path)
    zh = podium("validate", "bad.yaml", lang=ZH, cwd=tmp_path)
    assert en.returncode == zh.returncode == 1
    assert en.stderr == (
        "bad.yaml:4:22: error: unknown kind 'speach'; did you mean 'speech'? "
        "(script, speech, awards or break)\n"
    )
    assert zh.stderr == (
        "bad.yaml:4:22: error: 未知的类型 'speach'；是不是 'speech'？"
        "（script、speech、awards 或 break）\n"
    )
    assert en.stdout == "bad.yaml: 1 error\n" and zh.stdout == "bad.yaml: 1 处错误\n"
