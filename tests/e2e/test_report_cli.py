"""`podium report` as users run it: the installed command in a subprocess, on real journals."""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from podium.agenda import load_agenda, make_plan
from podium.cli.report import display_width
from podium.engine.clock import ManualClock
from podium.engine.journal import JournalWriter
from podium.engine.session import Outcome, Session

pytestmark = pytest.mark.e2e

ROOT = Path(__file__).resolve().parents[2]
PODIUM = Path(sys.executable).parent / "podium"
TZ = dt.timezone(dt.timedelta(hours=8))


def podium(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(PODIUM), *args], capture_output=True, text=True, timeout=60, check=False
    )


@pytest.fixture
def agenda_path(tmp_path: Path) -> Path:
    """A copy of the bundled Chinese conference (the journals name its absolute path)."""
    path = tmp_path / "district-conference.zh.yaml"
    shutil.copy(ROOT / "agendas/district-conference.zh.yaml", path)
    return path


def run_session(
    agenda_path: Path,
    out: Path,
    *,
    rehearsal: bool,
    seconds_per_cue: float,
    pause_s: float = 0,
    finish: bool = True,
) -> Path:
    """Drive the real engine through the agenda on a fake clock, journaling to `out`."""
    agenda = load_agenda(str(agenda_path)).agenda
    assert agenda is not None
    clock = ManualClock(wall=dt.datetime(2026, 3, 12, 9, 0, 0, tzinfo=TZ))
    writer = JournalWriter.create(out, agenda, rehearsal=rehearsal, now=clock.now())
    session = Session(make_plan(agenda), clock, rehearsal=rehearsal, journal=writer)
    session.go()
    if pause_s:
        session.toggle_pause()
        clock.advance(pause_s)
        session.toggle_pause()
    steps = 0
    while True:
        clock.advance(seconds_per_cue)
        steps += 1
        if session.go() is Outcome.AT_END or (not finish and steps == 5):
            break
    if finish:
        session.end()
    writer.close()
    return out


def test_two_rehearsals_side_by_side_as_json(agenda_path: Path, tmp_path: Path) -> None:
    a = run_session(agenda_path, tmp_path / "a.jsonl", rehearsal=True, seconds_per_cue=20)
    b = run_session(
        agenda_path, tmp_path / "b.jsonl", rehearsal=True, seconds_per_cue=30, finish=False
    )
    result = podium("report", str(a), str(b), "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["format"] == "podium-report/1"
    assert data["meeting"] == {"title": "2025年度全区信息工作会议"}
    assert [s["journal"] for s in data["sessions"]] == [str(a), str(b)]
    assert data["sessions"][0]["ended_at"] is not None
    assert data["sessions"][1]["ended_at"] is None
    first = data["items"][0]
    assert first["id"] == "reminder" and first["actual_s"] == [20, 30]
    assert first["delta_s"] == [20 - first["planned_s"], 30 - first["planned_s"]]
    cues = sum(len(item.cues) for item in load_agenda(str(agenda_path)).agenda.items)  # type: ignore[union-attr]
    assert data["actual_total_s"] == [20 * cues, 30 * 5]
    assert data["items"][-1]["actual_s"][1] is None
    assert data["planned_total_s"] == make_plan(load_agenda(str(agenda_path)).agenda).total_s  # type: ignore[arg-type]


def test_text_report_and_exclude_pauses(agenda_path: Path, tmp_path: Path) -> None:
    a = run_session(
        agenda_path, tmp_path / "a.jsonl", rehearsal=False, seconds_per_cue=20, pause_s=100
    )
    text = podium("report", str(a))
    assert text.returncode == 0, text.stderr
    assert "会前提示" in text.stdout and "2:00" in text.stdout  # 20 s + 100 s paused
    data = json.loads(podium("report", str(a), "--format", "json", "--exclude-pauses").stdout)
    assert data["items"][0]["actual_s"] == [20]
    for fmt in ("markdown", "csv"):
        out = podium("report", str(a), "--format", fmt)
        assert out.returncode == 0 and "会前提示" in out.stdout


def test_agenda_option_and_a_moved_agenda(agenda_path: Path, tmp_path: Path) -> None:
    a = run_session(agenda_path, tmp_path / "a.jsonl", rehearsal=True, seconds_per_cue=20)
    moved = tmp_path / "moved.yaml"
    agenda_path.rename(moved)
    gone = podium("report", str(a))
    assert gone.returncode == 2
    assert "--agenda" in gone.stderr and "Traceback" not in gone.stderr
    ok = podium("report", str(a), "--agenda", str(moved), "--format", "json")
    assert ok.returncode == 0, ok.stderr


def test_torn_line_is_a_warning_on_stderr(agenda_path: Path, tmp_path: Path) -> None:
    a = run_session(
        agenda_path, tmp_path / "a.jsonl", rehearsal=True, seconds_per_cue=20, finish=False
    )
    lines = a.read_text(encoding="utf-8").splitlines()
    with a.open("a", encoding="utf-8") as f:
        f.write('{"at": "2026-03-12T09:0')
    result = podium("report", str(a), "--format", "json")
    assert result.returncode == 0
    assert f"{a}:{len(lines) + 1}: warning: torn or unreadable line skipped" in result.stderr


def test_errors_have_one_line_and_the_right_exit_code(agenda_path: Path, tmp_path: Path) -> None:
    missing = podium("report", str(tmp_path / "nope.jsonl"))
    assert missing.returncode == 2
    assert missing.stderr.strip().count("\n") == 0 and "cannot read" in missing.stderr

    foreign = tmp_path / "notes.txt"
    foreign.write_text("shopping list\n")
    result = podium("report", str(foreign))
    assert result.returncode == 1
    assert "is not a podium journal" in result.stderr and "Traceback" not in result.stderr

    a = run_session(agenda_path, tmp_path / "a.jsonl", rehearsal=True, seconds_per_cue=20)
    other = tmp_path / "other.yaml"
    shutil.copy(ROOT / "agendas/quick-demo.en.yaml", other)
    b = run_session(other, tmp_path / "b.jsonl", rehearsal=True, seconds_per_cue=20)
    mixed = podium("report", str(a), str(b))
    assert mixed.returncode == 1
    assert "different agendas" in mixed.stderr and mixed.stdout == ""
    unrelated = podium("report", str(a), "--agenda", str(other))
    assert unrelated.returncode == 1 and "another agenda" in unrelated.stderr


def test_the_same_journal_twice_is_reported_once(agenda_path: Path, tmp_path: Path) -> None:
    a = run_session(agenda_path, tmp_path / "a.jsonl", rehearsal=True, seconds_per_cue=20)
    (tmp_path / "link.jsonl").symlink_to(a)
    result = podium("report", str(a), str(tmp_path / "link.jsonl"), str(a), "--format", "json")
    assert result.returncode == 0, result.stderr
    assert len(json.loads(result.stdout)["sessions"]) == 1
    assert result.stderr.count("is the same journal as") == 2


def test_special_files_and_hostile_lines_never_hang_or_fail(
    agenda_path: Path, tmp_path: Path
) -> None:
    import os

    fifo = tmp_path / "pipe.jsonl"
    os.mkfifo(fifo)
    for special in (str(fifo), "/dev/zero", "/dev/stdin", str(tmp_path)):
        result = podium("report", special)  # returns at once: nothing is read from them
        assert result.returncode == 2, (special, result.stderr)
        assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr
    a = run_session(agenda_path, tmp_path / "a.jsonl", rehearsal=True, seconds_per_cue=20)
    lines = a.read_text(encoding="utf-8").splitlines()
    hostile = [
        '{"at": "2026-03-12T09:00:30.000+08:00", "event": "adjust", "item": "opening", '
        '"cue": 0, "delta_s": NaN}',
        '{"at": "2026-03-12T09:00:30.000+08:00", "event": "adjust", "delta_s": 1e999}',
        '{"at": "9999-12-31T23:59:59.999+14:00", "event": "go", "item": "opening", "cue": 0}',
        '{"at": "2026-03-12T09:00:30.000+08:00", "event": "go", "cue": ' + "9" * 5000 + "}",
        "[" * 50_000,
        '{"at": "2026-03-12T09:00:30.000+08:00", "event": "go\\u001b]0;pwned\\u0007"}',
    ]
    a.write_text("\n".join([lines[0], *hostile, *lines[1:]]) + "\n", encoding="utf-8")
    result = podium("report", str(a))
    assert result.returncode == 0, result.stderr
    warnings = [line for line in result.stderr.splitlines() if ": warning: " in line]
    assert [int(w.split(":")[1]) for w in warnings] == [2, 3, 4, 5, 6, 7]
    assert "\x1b" not in result.stderr + result.stdout and "\\x1b" in result.stderr


def test_csv_cells_never_run_as_formulas(tmp_path: Path) -> None:
    agenda = tmp_path / "a.yaml"
    agenda.write_text(
        "podium: 1\nmeeting: {title: T}\nitems:\n"
        "  - {id: a, title: '=HYPERLINK(\"http://x\")', duration: 1m, script: [Hi.]}\n"
        "  - {id: b, title: '@SUM(A1)', duration: 1m, script: [Bye.]}\n",
        encoding="utf-8",
    )
    j = run_session(agenda, tmp_path / "j.jsonl", rehearsal=False, seconds_per_cue=70)
    result = podium("report", str(j), "--format", "csv")
    assert result.returncode == 0, result.stderr
    rows = result.stdout.lstrip("\ufeff").splitlines()
    assert rows[1].startswith("1,a,\"'=HYPERLINK(") and "'@SUM(A1)" in rows[2]
    assert ",+0:10" in rows[1]  # differences stay numbers


HOSTILE_TITLES = {
    "esc": "Welcome\x1b[2J\x1b[H",  # CSI: clear the screen
    "osc": "Talk\x1b]0;pwned\x07",  # OSC: set the title bar, ended by BEL
    "c1": "Prizes\x9b31m\x9d8;;http://x\x9c",  # C1 CSI, OSC and ST
    "bidi": "Close\u202egnirts\u2028next line",  # right-to-left override, line separator
}
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def test_titles_and_names_never_reach_the_output_with_their_control_characters(
    tmp_path: Path,
) -> None:
    agenda = tmp_path / "hostile.yaml"
    items = "".join(
        f"  - {{id: {key}, title: {json.dumps(title)}, duration: 1m, script: [Hi.]}}\n"
        for key, title in HOSTILE_TITLES.items()
    )
    agenda.write_text(
        'podium: 1\nmeeting: {title: "Board\\e]2;owned\\a meeting"}\nitems:\n' + items,
        encoding="utf-8",
    )
    # The journal's own name is shown in the report too: a file name may hold ESC as well.
    journal = run_session(
        agenda, tmp_path / "j\x1b[31m.jsonl", rehearsal=False, seconds_per_cue=300
    )
    for fmt in ("text", "markdown", "json", "csv"):
        result = podium("report", str(journal), "--format", fmt)
        assert result.returncode == 0, result.stderr
        raw = UNSAFE.findall(result.stdout + result.stderr)
        assert raw == [], (fmt, raw)
        if fmt == "csv":  # each cell escaped by the sheet, as the run sheet's are
            assert "Talk\\x1b]0;pwned\\x07" in result.stdout
            continue
        if fmt == "json":  # the same JSON: the escapes read back as the titles
            document = json.loads(result.stdout)
            assert [i["title"] for i in document["items"]] == list(HOSTILE_TITLES.values())
            assert document["meeting"]["title"] == "Board\x1b]2;owned\x07 meeting"
            continue
        for shown in ("Welcome\\x1b[2J", "Talk\\x1b]0;pwned\\x07", "Prizes\\x9b31m"):
            assert shown in result.stdout, (fmt, result.stdout)
        assert "Close\\u202egnirts\\u2028next line" in result.stdout
        assert "Board\\x1b]2;owned\\x07 meeting" in result.stdout
        assert "j\\x1b[31m.jsonl" in result.stdout
        if fmt == "text":  # escaped before aligning: the planned column still lines up
            rows = [line for line in result.stdout.splitlines() if " 1:00 " in line]
            assert len(rows) == 4
            columns = {display_width(r[: r.index(" 1:00 ")]) for r in rows}
            assert len(columns) == 1, rows
