"""The command line speaks the user's language: `LANG=zh_CN.UTF-8` gets Chinese (whether or not
that locale is installed here), `LANG=C.UTF-8` English; the machine-readable starts of lines
(`FILE:LINE:COL: error:`, `podium: error:`) stay as they are."""

from __future__ import annotations

import contextlib
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


# --- import, report, run: each command's messages in both languages -----------------------

SCRIPT = "主持词\n\n一、开场\n同志们：现在开会。\n\n二、讲话\n请张建国同志讲话。\n"


def test_import_in_both_languages(tmp_path: Path) -> None:
    """Its warning, its summary line and a refusal follow the locale (the draft itself follows
    the script)."""
    (tmp_path / "s.txt").write_text(SCRIPT, encoding="utf-8")
    en = podium("import", "s.txt", "-o", "en.yaml", lang=EN, cwd=tmp_path)
    zh = podium("import", "s.txt", "-o", "zh.yaml", lang=ZH, cwd=tmp_path)
    assert en.returncode == zh.returncode == 0
    en_warning, en_summary = en.stderr.splitlines()
    zh_warning, zh_summary = zh.stderr.splitlines()
    assert en_warning.startswith("s.txt:7: warning: speech: its duration 15 min is a guess")
    assert zh_warning.startswith("s.txt:7: warning: 讲话：时长 15 分钟是根据“讲话”估计的")
    assert (
        en_summary.startswith("s.txt: 2 items (") and "next: podium validate en.yaml" in en_summary
    )
    assert (
        zh_summary.startswith("s.txt：2 项议程（")
        and "下一步：podium validate zh.yaml" in zh_summary
    )
    assert not has_han(en_warning.replace("'讲话'", "")) and not has_han(en_summary)
    again = {
        lang: podium("import", "s.txt", "-o", "en.yaml", lang=lang, cwd=tmp_path)
        for lang in (EN, ZH)
    }
    assert again[EN].returncode == again[ZH].returncode == 2
    assert again[EN].stderr == "podium: error: en.yaml already exists; use --force to replace it\n"
    assert again[ZH].stderr == "podium: error: en.yaml 已存在；如要覆盖，请加 --force\n"


def _journal(agenda_path: Path, journal: Path, *, end: bool) -> None:
    """A session of the agenda at `journal`: GO, 90 s, GO (and `end`), then a torn line."""
    import datetime as dt

    from podium.agenda.loader import load_agenda
    from podium.agenda.plan import make_plan
    from podium.engine.clock import ManualClock
    from podium.engine.journal import JournalWriter
    from podium.engine.session import Session

    agenda = load_agenda(agenda_path).agenda
    assert agenda is not None
    clock = ManualClock(dt.datetime(2026, 3, 12, 9, 0, tzinfo=dt.timezone(dt.timedelta(hours=8))))
    writer = JournalWriter.create(journal, agenda, rehearsal=False, now=clock.now())
    session = Session(make_plan(agenda), clock, journal=writer)
    clock.advance(1)
    session.go()
    clock.advance(90)
    session.go()
    if end:
        session.end()
    writer.close()
    with journal.open("a", encoding="utf-8") as f:
        f.write('{"event": "go", "at": \n')


TWO = "podium: 1\nmeeting: {{title: t, language: {lang}}}\nitems:\n" + (
    "  - {{id: a, title: {a}, duration: 1m, script: Hello.}}\n"
    "  - {{id: b, title: {b}, duration: 2m, script: Bye.}}\n"
)


def test_report_meeting_output_follows_the_meeting_and_messages_the_locale(
    tmp_path: Path,
) -> None:
    """An English meeting reported by a Chinese organiser: the report is English, what the
    command says about the journal is Chinese; and the other way round."""
    en_agenda, zh_agenda = tmp_path / "en.yaml", tmp_path / "zh.yaml"
    en_agenda.write_text(TWO.format(lang="en", a="Opening", b="Closing"), encoding="utf-8")
    zh_agenda.write_text(TWO.format(lang="zh", a="开场", b="散会"), encoding="utf-8")
    _journal(en_agenda, tmp_path / "en.jsonl", end=True)
    _journal(zh_agenda, tmp_path / "zh.jsonl", end=True)

    english = podium("report", "en.jsonl", lang=ZH, cwd=tmp_path)
    assert english.returncode == 0
    assert "t: planned against actual" in english.stdout and "Total" in english.stdout
    assert not has_han(english.stdout)
    assert english.stderr == "en.jsonl:5: warning: 已跳过残缺或无法读取的行\n"

    chinese = podium("report", "zh.jsonl", lang=EN, cwd=tmp_path)
    assert chinese.returncode == 0
    assert "t：计划与实际用时对比" in chinese.stdout and "合计" in chinese.stdout
    assert "Total" not in chinese.stdout
    assert chinese.stderr == "zh.jsonl:5: warning: torn or unreadable line skipped\n"

    both = {
        lang: podium("report", "en.jsonl", "zh.jsonl", lang=lang, cwd=tmp_path) for lang in (EN, ZH)
    }
    assert both[EN].returncode == both[ZH].returncode == 1
    assert both[EN].stderr.endswith(
        "podium: error: en.jsonl and zh.jsonl are journals of different agendas "
        "(en.yaml and zh.yaml), which cannot be compared\n"
    )
    assert both[ZH].stderr.endswith(
        "podium: error: en.jsonl 和 zh.jsonl 是不同议程（en.yaml 和 zh.yaml）的会议记录，无法对比\n"
    )


def test_run_refusals_in_both_languages(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("podium: 1\nmeeting: {title: t}\nitems:\n  - {title: a, kind: speach}\n")
    (tmp_path / "good.yaml").write_text(GOOD)
    cases = {
        ("bad.yaml",): (
            "podium: bad.yaml has 1 error; fix it (see `podium validate`) before running it",
            "podium: bad.yaml 有 1 个错误；请先改正（见 `podium validate`）再运行",
        ),
        ("good.yaml", "--guard", "20"): (
            "podium: error: --guard must be between 0 and 10 seconds, not 20",
            "podium: error: --guard 必须在 0 到 10 秒之间，不能是 20",
        ),
        ("good.yaml", "--ui-lang", "fr"): (
            "podium: error: --ui-lang 'fr' is not available (choose en or zh)",
            "podium: error: --ui-lang 'fr' 不可用（请选 en 或 zh）",
        ),
        ("good.yaml", "--resume"): (
            "to resume; start a new one with --fresh",
            "没有未结束的会议可继续；请用 --fresh 新开一场",
        ),
        ("good.yaml", "--journal", str(tmp_path)): (
            f"podium: error: cannot write the journal {tmp_path}: it is a folder",
            f"podium: error: 无法写入会议记录 {tmp_path}：它是文件夹",
        ),
    }
    state = {"XDG_STATE_HOME": str(tmp_path / "state")}
    for args, (english, chinese) in cases.items():
        en = podium("run", *args, lang=EN, cwd=tmp_path, **state)
        zh = podium("run", *args, lang=ZH, cwd=tmp_path, **state)
        assert en.returncode == zh.returncode != 0, args
        assert english in en.stderr and not has_han(en.stderr.replace("speach", "")), args
        assert chinese in zh.stderr, args


def test_runs_resume_question_in_both_languages(tmp_path: Path) -> None:
    """On a terminal `podium run` asks whether to resume the unfinished session, in the user's
    language (no answer: it says how to choose); without a terminal it says so at once."""
    import pty
    import time

    agenda = tmp_path / "agenda.yaml"
    agenda.write_text(TWO.format(lang="en", a="Opening", b="Closing"), encoding="utf-8")
    state = tmp_path / "state"
    _journal(agenda, state / "podium" / "journals" / "agenda-20260312-090000.jsonl", end=False)
    expected = {
        EN: ("Resume the unfinished session of 09:00? [R]esume / [f]resh: ",
             "podium: error: no answer; use --resume or --fresh"),
        ZH: ("恢复 09:00 开始、尚未结束的会议吗？[R] 恢复 / [f] 重新开始：",
             "podium: error: 没有回答；请用 --resume 或 --fresh"),
    }  # fmt: skip
    for lang, (question, no_answer) in expected.items():
        environ = {
            k: v for k, v in os.environ.items() if k not in ("LANGUAGE", "LC_ALL", "LC_MESSAGES")
        }
        environ.update(LANG=lang, XDG_STATE_HOME=str(state), TZ="Asia/Shanghai")
        master, slave = pty.openpty()
        proc = subprocess.Popen(
            [str(PODIUM), "run", str(agenda)],
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=environ,
            cwd=tmp_path,
            start_new_session=True,
        )
        os.close(slave)
        shown = b""
        try:
            deadline = time.monotonic() + 30
            while question.encode() not in shown and time.monotonic() < deadline:
                shown += os.read(master, 65536)
            assert question.encode() in shown, shown[-500:]
            os.write(master, b"\x04")  # end of input: no answer
            assert proc.wait(30) == 2
            with contextlib.suppress(OSError):
                while chunk := os.read(master, 65536):
                    shown += chunk
        finally:
            if proc.poll() is None:
                proc.kill()
            os.close(master)
        text = shown.decode("utf-8", "replace")
        assert no_answer in text and "Traceback" not in text
        refused = podium("run", str(agenda), lang=lang, cwd=tmp_path, XDG_STATE_HOME=str(state))
        assert refused.returncode == 2
        if lang == EN:
            assert "an unfinished session of this agenda exists (" in refused.stderr
        else:
            assert "这份议程有一场未结束的会议（" in refused.stderr
