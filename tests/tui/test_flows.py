"""Whole flows on the podium screen: standby, each kind of cue, the clock bar, the end of the
meeting, resizing, languages, the journal's health and reading aloud."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from podium.agenda.model import Agenda
from podium.engine.clock import ManualClock
from podium.engine.journal import JournalWriter
from podium.engine.session import Position
from podium.tui.app import PodiumApp, make_app
from podium.tui.screens.confirm import ConfirmScreen
from podium.tui.screens.summary import SummaryScreen
from podium.tui.widgets.now_panel import NowPanel
from podium.tui.widgets.run_sheet import RunSheet

from .harness import press, run

Shown = Callable[[PodiumApp], str]
CST = dt.timezone(dt.timedelta(hours=8))


def goto(app: PodiumApp, clock: ManualClock, item: int, cue: int = 0) -> None:
    """Start the meeting and move straight to a cue (set up through the session)."""
    session = app.session
    if not session.started:
        clock.advance(1)
        session.go()
    if (item, cue) != (0, 0):
        session.jump(item)
        for _ in range(cue):
            clock.advance(1)
            session.go()
    app.main.show_position()


async def tick(pilot: Pilot[Any], app: PodiumApp) -> None:
    """What the 4 Hz interval does, without waiting for it."""
    app.main.refresh_times()
    await pilot.pause()


def test_standby_shows_the_first_cue_as_next_and_counts_down_to_the_start(
    app_en: PodiumApp, clock: ManualClock, shown: Shown
) -> None:
    async def scenario(pilot: Pilot[Any]) -> None:
        text = shown(app_en)
        assert "Standing by" in text
        assert "Annual meeting" in text
        assert "Next: [Opening] Good morning, and welcome." in text
        assert "5:00" in text and "starts in" in text  # 08:55 → 09:00
        assert "Start 09:00" in text
        clock.advance(61)
        await tick(pilot, app_en)
        assert "3:59" in shown(app_en)

    run(app_en, scenario)


def test_script_cue_shows_title_text_next_and_notes(
    app_en: PodiumApp, clock: ManualClock, shown: Shown
) -> None:
    async def scenario(pilot: Pilot[Any]) -> None:
        await press(pilot, clock, "space")
        text = shown(app_en)
        assert "Opening" in text
        assert "Good morning, and welcome." in text
        assert "Next: On the stage today: Ana Lima." in text
        assert "Notes: The keynote slides are on the left laptop." in text
        await press(pilot, clock, "space")
        assert "Next: [Keynote] Please welcome Dr. Ana Lima." in shown(app_en)

    run(app_en, scenario)


def test_call_up_shows_names_with_units_award_and_batch(
    app_en: PodiumApp, clock: ManualClock, shown: Shown
) -> None:
    async def scenario(pilot: Pilot[Any]) -> None:
        goto(app_en, clock, 2, 2)
        await pilot.pause()  # the names are laid out for the panel's new height
        text = shown(app_en)
        assert "Team of the Year · batch 2 of 2" in text
        assert "Please come to the stage: Support, Sales." in text
        lines = text.splitlines()
        # numbered in stage order, each with its unit
        assert any(line.startswith("1. Support") and "Faro" in line for line in lines)
        assert any(line.startswith("2. Sales") and "Braga" in line for line in lines)

    run(app_en, scenario)


def test_call_up_in_chinese(app_zh: PodiumApp, clock: ManualClock, shown: Shown) -> None:
    async def scenario(pilot: Pilot[Any]) -> None:
        goto(app_zh, clock, 2, 1)
        text = shown(app_zh)
        assert "先进集体 · 第1批/共2批" in text
        assert "请区委办信息科、区府办综合科上台领奖。" in text

    run(app_zh, scenario)


@pytest.mark.parametrize(
    ("after_s", "digits", "word", "css"),
    [
        (10, "4:50", "ON TIME · 4:50 left", None),
        (180, "2:00", "WARNING · 2:00 left", "-warning"),
        (241, "0:59", "DANGER · 0:59 left", "-danger"),
        (300, "+0:00", "OVERTIME · 0:00 over", "-overtime"),
        (372, "+1:12", "OVERTIME · 1:12 over", "-overtime"),
    ],
)
def test_speech_timer_phases_are_colour_and_word(
    app_en: PodiumApp,
    clock: ManualClock,
    shown: Shown,
    after_s: int,
    digits: str,
    word: str,
    css: str | None,
) -> None:
    async def scenario(pilot: Pilot[Any]) -> None:
        goto(app_en, clock, 1, 1)
        assert "Speaker" in shown(app_en) and "Dr. Ana Lima" in shown(app_en)
        clock.advance(after_s)
        await tick(pilot, app_en)
        now = app_en.main.query_one(NowPanel)
        assert now.query_one("#now-timer").value == digits
        assert word in shown(app_en)
        assert now.border_state == css  # the panel's border (heavy, coloured)
        for phase in ("-warning", "-danger", "-overtime"):
            assert now.query_one("#now-timer").has_class(phase) == (phase == css)
        if css is not None:
            assert now.styles.border.top[0] == "heavy"

    run(app_en, scenario)


def test_speech_phase_words_in_chinese(app_zh: PodiumApp, clock: ManualClock, shown: Shown) -> None:
    async def scenario(pilot: Pilot[Any]) -> None:
        goto(app_zh, clock, 1, 1)
        clock.advance(180)
        await tick(pilot, app_zh)
        assert "提醒 · 剩余 2:00" in shown(app_zh)
        clock.advance(61)
        await tick(pilot, app_zh)
        assert "警告 · 剩余 0:59" in shown(app_zh)  # the word the printed run sheet uses
        clock.advance(131)
        await tick(pilot, app_zh)
        assert "超时 · 超出 1:12" in shown(app_zh)

    run(app_zh, scenario)


def test_break_counts_down(app_en: PodiumApp, clock: ManualClock, shown: Shown) -> None:
    async def scenario(pilot: Pilot[Any]) -> None:
        goto(app_en, clock, 3)
        clock.advance(90)
        await tick(pilot, app_en)
        text = shown(app_en)
        assert "Coffee break" in text and "We break for ten minutes." in text
        assert app_en.main.query_one("#now-timer").value == "8:30"
        assert "end of the agenda" in text  # Next on the last cue

    run(app_en, scenario)


def test_clock_bar_elapsed_behind_ahead_and_projected_end(
    app_en: PodiumApp, clock: ManualClock, shown: Shown
) -> None:
    async def scenario(pilot: Pilot[Any]) -> None:
        clock.advance(5 * 60 - 1)  # 08:59:59
        await press(pilot, clock, "space")  # first GO at 09:00:00 exactly
        assert "on time" in shown(app_en)
        clock.advance(120 + 70)  # the 2-minute opening runs 1:10 over
        await tick(pilot, app_en)
        text = shown(app_en)
        assert "09:03:10 │ Item 3:10 / 2:00 │ +1:10 behind │ End 09:19" in text

    run(app_en, scenario)


def test_ahead_of_plan(app_en: PodiumApp, clock: ManualClock, shown: Shown) -> None:
    async def scenario(pilot: Pilot[Any]) -> None:
        clock.advance(5 * 60 - 1)
        await press(pilot, clock, "space")
        clock.advance(55)
        await press(pilot, clock, "space", "space")  # the speech item starts at 09:00:57
        assert "1:03 ahead" in shown(app_en)

    run(app_en, scenario)


def test_chinese_meeting_gets_chinese_labels(
    app_zh: PodiumApp, clock: ManualClock, shown: Shown
) -> None:
    async def scenario(pilot: Pilot[Any]) -> None:
        text = shown(app_zh)
        assert "准备就绪" in text and "计划开始 09:00" in text and "距开始" in text
        footer = [b.binding.description for b in app_zh.main.active_bindings.values()]
        assert "下一步" in footer and "退出" in footer
        clock.advance(5 * 60 + 69)
        await press(pilot, clock, "space")
        assert "落后 1:10" in shown(app_zh)

    run(app_zh, scenario)


def test_ui_lang_overrides_the_meeting_language(
    agenda_zh: Agenda, clock: ManualClock, shown: Shown
) -> None:
    app = make_app(agenda_zh, clock=clock, ui_lang="en")

    async def scenario(pilot: Pilot[Any]) -> None:
        text = shown(app)
        assert "Standing by" in text and "准备就绪" not in text
        assert "全区信息工作会议" in text  # the agenda's own text stays as written

    run(app, scenario)


def test_english_override_of_a_chinese_meeting_and_back(
    agenda_en: Agenda, clock: ManualClock, shown: Shown
) -> None:
    app = make_app(agenda_en, clock=clock, ui_lang="zh-CN")
    run(app, lambda pilot: _assert_in(shown(app), "准备就绪"))


async def _assert_in(text: str, needle: str) -> None:
    assert needle in text


def test_go_on_the_last_cue_asks_then_ends_with_the_summary(
    agenda_en: Agenda, clock: ManualClock, tmp_path: Path
) -> None:
    journal_path = tmp_path / "j.jsonl"
    writer = JournalWriter.create(journal_path, agenda_en, rehearsal=False, now=clock.now())
    app = make_app(agenda_en, clock=clock, journal=writer)

    async def scenario(pilot: Pilot[Any]) -> None:
        goto(app, clock, 3)
        await press(pilot, clock, "pagedown")
        assert isinstance(app.screen, ConfirmScreen)
        await press(pilot, clock, "escape")  # cancels: still on the last cue
        assert app.screen is app.main and not app.session.ended
        await press(pilot, clock, "pagedown")
        assert isinstance(app.screen, ConfirmScreen)
        await press(pilot, clock, "pagedown", gap=0.1)  # a bounce does not answer
        assert isinstance(app.screen, ConfirmScreen)
        await press(pilot, clock, "pagedown")  # another GO confirms
        assert app.session.ended
        assert isinstance(app.screen, SummaryScreen)
        assert "Clock" not in app.screen.rows  # rows are (title, planned, actual)
        titles = [row[0] for row in app.screen.rows]
        assert titles == ["Opening", "Keynote", "Awards", "Coffee break"]
        await pilot.press("q")
        await pilot.pause()

    run(app, scenario)
    assert app.return_code == 0
    events = [json.loads(line)["event"] for line in journal_path.read_text().splitlines()[1:]]
    assert events == ["go", "jump", "end"]


def test_quit_in_rehearsal_shows_the_summary(agenda_en: Agenda, clock: ManualClock) -> None:
    app = make_app(agenda_en, clock=clock, rehearsal=True)

    async def scenario(pilot: Pilot[Any]) -> None:
        goto(app, clock, 0)
        clock.advance(200)
        await press(pilot, clock, "q", "y")
        assert isinstance(app.screen, SummaryScreen)
        assert app.screen.rehearsal
        assert any("Opening" in hint and "long" in hint for hint in app.screen.hints)
        assert app.main.status.state is not None and app.main.status.state.rehearsal
        await pilot.press("escape")
        await pilot.pause()

    run(app, scenario)
    assert not app.session.ended  # the rehearsal can still be resumed


def test_rehearsal_banner(agenda_zh: Agenda, clock: ManualClock, shown: Shown) -> None:
    app = make_app(agenda_zh, clock=clock, rehearsal=True)
    run(app, lambda pilot: _assert_in(shown(app), "彩排"))


def test_resize_below_80x24_shows_a_notice_and_keeps_time(
    app_en: PodiumApp, clock: ManualClock, shown: Shown
) -> None:
    async def scenario(pilot: Pilot[Any]) -> None:
        goto(app_en, clock, 0)
        await pilot.resize_terminal(39, 20)
        await pilot.pause()
        main = app_en.main
        assert main.has_class("-small")
        assert [w.id for w in main.children if w.display] == ["size-notice"]
        assert "Window too small (39×20)" in shown(app_en)
        clock.advance(3600)
        await tick(pilot, app_en)
        assert "09:55:01" in shown(app_en)  # the clock keeps running behind the notice
        await press(pilot, clock, "space")  # and the keys still work
        assert app_en.session.position == Position(0, 1)
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert not main.has_class("-small")
        assert "Item 1:00:01 / 2:00" in shown(app_en)
        await pilot.resize_terminal(200, 60)
        await pilot.pause()
        assert not main.has_class("-small")

    run(app_en, scenario)


def test_chinese_text_fits_the_run_sheet_and_next_line_at_80_columns(
    app_zh: PodiumApp, clock: ManualClock
) -> None:
    async def scenario(pilot: Pilot[Any]) -> None:
        goto(app_zh, clock, 0)
        for widget_id in ("#next", "#status", "#clock-bar", "#run-sheet", "#now"):
            region = app_zh.main.query_one(widget_id).region
            assert region.right <= 80, widget_id
        lines = app_zh.export_screenshot()  # renders without error with double-width text
        assert "开场" in lines

    run(app_zh, scenario)


def test_run_sheet_marks_done_current_skipped_and_upcoming(
    app_en: PodiumApp, clock: ManualClock
) -> None:
    async def scenario(pilot: Pilot[Any]) -> None:
        clock.advance(5 * 60 - 1)
        await press(pilot, clock, "space")
        clock.advance(95)
        app_en.jump_to(2)  # skip the keynote
        await pilot.pause()
        sheet = app_en.main.query_one(RunSheet)
        rows = [list(sheet.row(i)) for i in range(4)]
        assert rows[0][:2] == ["✓", "1:35"]
        assert rows[1][0] == "–"
        assert rows[2][0] == "▶"
        # planned 09:08:30, but with the keynote skipped it is now expected at 09:03:05
        assert rows[3][:2] == [" ", "~09:03"]
        assert sheet.current_row == 2

    run(app_en, scenario)


def test_a_journal_that_cannot_be_written_is_shown_loudly(
    app_en: PodiumApp, clock: ManualClock, shown: Shown
) -> None:
    class FailingJournal:
        error: str | None = None

        def record(self, event: str, **fields: Any) -> None:
            self.error = "no space left on device"

    journal = FailingJournal()
    app = make_app(app_en.session.plan.agenda, clock=clock, journal=journal)

    async def scenario(pilot: Pilot[Any]) -> None:
        assert "Journal ok" in shown(app)
        await press(pilot, clock, "space")
        assert app.session.position == Position(0, 0)  # the meeting goes on
        text = shown(app)
        assert "JOURNAL ERROR" in text and "no space left on device" in text
        assert app.main.status.has_class("-journal-error")

    run(app, scenario)


def test_a_journal_raising_oserror_does_not_stop_the_meeting(
    agenda_en: Agenda, clock: ManualClock, shown: Shown
) -> None:
    class BrokenJournal:
        def record(self, event: str, **fields: Any) -> None:
            raise OSError(28, "No space left on device")

    app = make_app(agenda_en, clock=clock, journal=BrokenJournal())

    async def scenario(pilot: Pilot[Any]) -> None:
        await press(pilot, clock, "space", "space")
        assert app.session.position == Position(0, 1)
        assert "JOURNAL ERROR" in shown(app)

    run(app, scenario)


def test_reading_aloud_follows_go_repeat_stop_and_toggle(
    agenda_en: Agenda, clock: ManualClock, shown: Shown, speaker: Any
) -> None:
    app = make_app(agenda_en, clock=clock, speaker=speaker)

    async def scenario(pilot: Pilot[Any]) -> None:
        assert "Read aloud: on" in shown(app)
        await press(pilot, clock, "space")
        assert speaker.calls[:2] == [
            ("say", "Good morning, and welcome."),
            (
                "prefetch",
                (
                    "On the stage today: Ana Lima.",
                    "Please welcome Dr. Ana Lima.",
                    "Thank you, Dr. Lima.",  # the speech cue itself is silent
                ),
            ),
        ]
        speaker.calls.clear()
        await press(pilot, clock, "r", "s", "space")
        assert speaker.calls[0] == ("say", "Good morning, and welcome.")
        assert speaker.calls[1] == ("stop", None)
        assert speaker.calls[2] == ("say", "On the stage today: Ana Lima.")
        await press(pilot, clock, "space", "space")  # intro, then the speech: silence
        assert speaker.said()[-2:] == ["Please welcome Dr. Ana Lima.", ""]
        speaker.calls.clear()
        await press(pilot, clock, "t")
        assert speaker.calls == [("enable", False)]
        assert "Read aloud: off" in shown(app)
        await press(pilot, clock, "space", "r")
        assert speaker.said() == []
        await press(pilot, clock, "t")
        assert ("start", None) in speaker.calls and ("enable", True) in speaker.calls

    run(app, scenario)


def test_speaker_state_changes_reach_the_status_line(
    agenda_en: Agenda, clock: ManualClock, shown: Shown, speaker: Any
) -> None:
    from podium.tui.tts_link import TtsStateRelay

    relay = TtsStateRelay()
    app = make_app(agenda_en, clock=clock, speaker=speaker)
    relay.attach(app)

    async def scenario(pilot: Pilot[Any]) -> None:
        # as the real speaker does: the state changes, then the callback reports it
        speaker.state = "SPEAKING"
        relay("SPEAKING", None)
        await pilot.pause()
        assert "Read aloud: speaking" in shown(app)
        speaker.state = "UNAVAILABLE"
        speaker.reason = "espeak-ng is missing: apt install libespeak-ng1 alsa-utils"
        relay("UNAVAILABLE", speaker.reason)
        await pilot.pause()
        assert "Read aloud unavailable: espeak-ng is missing" in shown(app)

    run(app, scenario)


def test_hours_of_meeting_stay_exact(app_en: PodiumApp, clock: ManualClock, shown: Shown) -> None:
    async def scenario(pilot: Pilot[Any]) -> None:
        goto(app_en, clock, 3)
        clock.advance(2 * 3600 + 0.999)
        await tick(pilot, app_en)
        assert "Item 2:00:00 / 10:00" in shown(app_en)
        assert app_en.main.query_one("#now-timer").value == "+1:50:00"

    run(app_en, scenario)


def test_the_clock_is_read_at_display_time(app_en: PodiumApp, clock: ManualClock) -> None:
    wall = dt.datetime(2026, 3, 12, 8, 55, 0, tzinfo=dt.timezone(dt.timedelta(hours=8)))
    assert clock.now() == wall
    app_en.session.clock = clock

    async def scenario(pilot: Pilot[Any]) -> None:
        clock.advance(7)
        await pilot.pause(0.4)  # the 4 Hz interval repaints from the clock by itself
        assert str(app_en.main.query_one("#clock-bar").render()).startswith("08:55:07")

    run(app_en, scenario)


def test_a_start_notice_stays_until_the_first_move(
    agenda_en: Agenda, clock: ManualClock, shown: Shown
) -> None:
    app = make_app(agenda_en, clock=clock, notice="Resumed the session of 09:00")

    async def scenario(pilot: Pilot[Any]) -> None:
        await pilot.pause(2.0)  # longer than a brief notice lasts
        assert "Resumed the session of 09:00" in shown(app)
        await press(pilot, clock, "space")
        assert "Resumed the session" not in shown(app)

    run(app, scenario)


@pytest.mark.tts
def test_the_real_speaker_reads_the_cue_and_the_status_follows(
    agenda_en: Agenda, clock: ManualClock, shown: Shown, tmp_path: Path
) -> None:
    """The real `podium.tts.Speaker` (espeak-ng), played by the TTS tests' stand-in player."""
    import sys

    from podium.tts import Speaker
    from podium.tui.tts_link import TtsStateRelay

    log = tmp_path / "player.log"
    stand_in = Path(__file__).resolve().parents[1] / "tts" / "stand_in_player.py"
    player = [sys.executable, str(stand_in), "--log", str(log), "--speed", "4"]
    relay = TtsStateRelay()
    speaker = Speaker(language="en", player=player, on_state=relay, cache_dir=str(tmp_path))
    speaker.start()
    speaker.enable(True)
    app = make_app(agenda_en, clock=clock, speaker=speaker)
    relay.attach(app)

    async def until(needle: str, timeout: float = 30) -> None:
        for _ in range(int(timeout / 0.1)):
            if needle in shown(app):
                return
            await asyncio.sleep(0.1)
        raise AssertionError(f"{needle!r} never shown: {shown(app)}")

    async def scenario(pilot: Pilot[Any]) -> None:
        await until("Read aloud: on")
        await press(pilot, clock, "space")
        await until("Read aloud: speaking")
        await until("Read aloud: on")  # read to the end
        played = [json.loads(line) for line in log.read_text().splitlines()]
        assert [entry["event"] for entry in played][:1] == ["start"]

    try:
        run(app, scenario)
    finally:
        speaker.close()


def test_go_repaints_two_rows_of_the_run_sheet_even_with_5000_items(
    clock: ManualClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    from podium.agenda.model import Cue, CueKind, Item, ItemKind, Meeting

    items = tuple(
        Item(
            i, f"i{i}", ItemKind.SCRIPT, f"Item {i}", 60, False, (Cue(CueKind.SCRIPT, f"Text {i}"),)
        )
        for i in range(5000)
    )
    agenda = Agenda("/big.yaml", "0" * 64, Meeting(title="Big", start_s=9 * 3600), items)
    app = make_app(agenda, clock=clock)
    changed: list[int] = []
    rendered: list[str] = []
    set_row, strip = RunSheet._set_row, RunSheet._strip

    def counting_set_row(self: RunSheet, index: int, mark: str, time: str) -> None:
        changed.append(index)
        set_row(self, index, mark, time)

    def counting_strip(cells: tuple[str, str, str], width: int, style: Any) -> Any:
        rendered.append(cells[2])
        return strip(cells, width, style)

    async def scenario(pilot: Pilot[Any]) -> None:
        clock.advance(299)  # start on time: no row is expected away from its plan
        await press(pilot, clock, "space")
        monkeypatch.setattr(RunSheet, "_set_row", counting_set_row)
        monkeypatch.setattr(RunSheet, "_strip", staticmethod(counting_strip))
        await press(pilot, clock, "space")
        await pilot.pause()
        sheet = app.main.query_one(RunSheet)
        assert sorted(changed) == [0, 1]
        assert sorted(set(rendered)) == ["Item 0", "Item 1"]  # not the other visible rows
        assert sheet.current_row == 1
        assert sheet.row(0)[0] == "✓" and sheet.row(1)[0] == "▶"
        # Rendered rows are kept per row, not per update: at most the visible ones.
        assert len(sheet._strips) <= sheet.size.height

    run(app, scenario)


def test_without_tts_the_speaker_is_made_only_on_the_first_t(
    agenda_en: Agenda, clock: ManualClock, shown: Shown, fake_speaker: type[Any]
) -> None:
    from podium.tui.tts_link import LazySpeaker

    made: list[Any] = []

    def factory() -> Any:
        made.append(fake_speaker(enabled=False))
        return made[-1]

    app = make_app(agenda_en, clock=clock, speaker=LazySpeaker(factory))

    async def scenario(pilot: Pilot[Any]) -> None:
        await press(pilot, clock, "space", "r", "s")
        assert made == []
        assert "Read aloud: off" in shown(app)
        await press(pilot, clock, "t")
        assert len(made) == 1
        assert made[0].calls == [("start", None), ("enable", True)]
        assert "Read aloud: on" in shown(app)
        await press(pilot, clock, "space")
        assert made[0].said() == ["On the stage today: Ana Lima."]

    run(app, scenario)


def test_a_speaker_that_cannot_be_loaded_says_why(
    agenda_en: Agenda, clock: ManualClock, shown: Shown
) -> None:
    from podium.tui.tts_link import LazySpeaker

    def factory() -> Any:
        raise ImportError("No module named 'pyttsx3'")

    app = make_app(agenda_en, clock=clock, speaker=LazySpeaker(factory))

    async def scenario(pilot: Pilot[Any]) -> None:
        await press(pilot, clock, "t")
        assert "Read aloud unavailable: text-to-speech cannot be loaded" in shown(app)
        await press(pilot, clock, "space")
        assert app.session.position == Position(0, 0)

    run(app, scenario)


def test_a_paused_speech_timer_says_so_and_stands_still(
    app_en: PodiumApp, clock: ManualClock, shown: Shown
) -> None:
    async def scenario(pilot: Pilot[Any]) -> None:
        goto(app_en, clock, 1, 1)
        clock.advance(59)
        await press(pilot, clock, "p")  # a minute into the speech
        clock.advance(600)
        await tick(pilot, app_en)
        assert "ON TIME · 4:00 left · PAUSED" in shown(app_en)
        await press(pilot, clock, "p")
        clock.advance(10)
        await tick(pilot, app_en)
        assert "ON TIME · 3:50 left" in shown(app_en)

    run(app_en, scenario)


def test_the_run_sheet_follows_the_current_item_down_a_long_agenda(clock: ManualClock) -> None:
    from podium.agenda.model import Cue, CueKind, Item, ItemKind, Meeting

    items = tuple(
        Item(i, f"i{i}", ItemKind.SCRIPT, f"Item {i}", 60, False, (Cue(CueKind.SCRIPT, "x"),))
        for i in range(300)
    )
    agenda = Agenda("/big.yaml", "0" * 64, Meeting(title="Big", start_s=9 * 3600), items)
    app = make_app(agenda, clock=clock)

    async def scenario(pilot: Pilot[Any]) -> None:
        sheet = app.main.query_one(RunSheet)
        await press(pilot, clock, "space")
        assert sheet.scroll_y == 0
        app.jump_to(250)
        await pilot.pause()
        visible = sheet.scrollable_content_region.height - 1  # under the header
        top = round(sheet.scroll_y)
        assert top + 2 <= 250 <= top + visible - 3  # two rows of context either side
        lines = [sheet.render_line(y).text for y in range(visible + 1)]
        assert lines[250 - top + 1].startswith("▶ ") and "Item 250" in lines[250 - top + 1]
        app.jump_to(3)
        await pilot.pause()
        assert round(sheet.scroll_y) == 1  # row 3 with two rows above it

    run(app, scenario)


def test_what_the_first_frame_built_is_kept_out_of_garbage_collection(
    app_en: PodiumApp, clock: ManualClock
) -> None:
    import gc

    gc.unfreeze()

    async def scenario(pilot: Pilot[Any]) -> None:
        assert gc.get_freeze_count() > 0  # a full collection would not scan the screen

    run(app_en, scenario)
    assert gc.get_freeze_count() == 0  # and nothing stays frozen after the app is gone


# --- found walking the real terminal (tmux, every size from 40×12 to 200×60) ----------------


def test_the_compact_line_drops_whole_parts_that_do_not_fit(
    app_en: PodiumApp, clock: ManualClock
) -> None:
    """At 40×12 the line ended `… │ 09:03:1…`, at 50×15 `… │ End 0…`: a part of it is shown
    whole or not at all, item time and behind/ahead first; a wider window brings it back."""
    from rich.cells import cell_len

    async def scenario(pilot: Pilot[Any]) -> None:
        goto(app_en, clock, 0)
        clock.advance(70)
        await tick(pilot, app_en)
        line = app_en.main.query_one("#compact-line")
        text = str(line.render())
        assert text.startswith("Item 1:10/2:00 │ ") and text.endswith(" │ 08:56:11")
        assert cell_len(text) <= line.content_size.width
        await pilot.resize_terminal(79, 24)
        await pilot.pause()
        await tick(pilot, app_en)
        assert str(line.render()).endswith(" │ End 09:13")

    run(app_en, scenario, (40, 12))


class _TwoReadsClock(ManualClock):
    """A real clock's wall and monotonic reads are some microseconds apart, never the same."""

    lag = dt.timedelta(0)

    def now(self) -> dt.datetime:
        return super().now() - self.lag


def test_a_fixed_time_reads_as_written_whatever_the_clock_reads_cost(
    agenda_zh: Agenda, shown: Shown
) -> None:
    """The hold banner said 固定 17:36 开始 at one size and 17:37 at the next for an `at` of
    17:37: a computed time a few microseconds early was cut to the minute before."""
    import dataclasses

    items = list(agenda_zh.items)
    items[1] = dataclasses.replace(items[1], at_s=9 * 3600 + 20 * 60)
    agenda = dataclasses.replace(agenda_zh, items=tuple(items))
    clock = _TwoReadsClock(dt.datetime(2026, 3, 12, 8, 55, 0, tzinfo=CST))
    app = make_app(agenda, clock=clock)

    async def scenario(pilot: Pilot[Any]) -> None:
        clock.advance(300)
        goto(app, clock, 1)  # the speech's intro at 09:00:01, fixed at 09:20
        clock.advance(10)
        clock.lag = dt.timedelta(microseconds=3)  # this time the wall clock is read 3 µs early
        await tick(pilot, app)
        text = shown(app)
        assert "固定 09:20 开始" in text, text
        sheet = app.main.query_one(RunSheet)
        assert sheet.row(1)[:2] == ("▶", "09:00")
        # The hold keeps the plan after it: the awards at 09:25, after the speech fixed at
        # 09:20 (not ~09:05, 5 minutes after the intro began), the end at 09:36.
        assert sheet.row(2)[:2] == (" ", "09:25")
        assert "预计结束 09:36" in str(app.main.query_one("#clock-bar").render())

    run(app, scenario, (100, 30))


def test_the_notes_line_keeps_chinese_punctuation_off_line_starts(agenda_zh: Agenda) -> None:
    """At 80×24 the district conference's note on the 区长's speech wrapped to a third line
    holding only `。`: the notes line is broken by podium's 避头尾 rules, at every width."""
    import dataclasses

    from podium.agenda.linebreak import CLOSING, OPENING

    note = (
        "陈区长参加市里的视频会议，九点二十分到会，讲话固定在九点二十分开始；"
        "颁奖提前结束时，请大家稍候。"
    )
    items = list(agenda_zh.items)
    items[1] = dataclasses.replace(items[1], notes=note)
    agenda = dataclasses.replace(agenda_zh, items=tuple(items))
    clock = ManualClock(dt.datetime(2026, 3, 12, 8, 55, 0, tzinfo=CST))
    app = make_app(agenda, clock=clock)

    async def scenario(pilot: Pilot[Any]) -> None:
        goto(app, clock, 1)
        for size in ((80, 24), (81, 30), (100, 30), (120, 40)):
            await pilot.resize_terminal(*size)
            await pilot.pause()
            notes = app.main.query_one("#notes")
            lines = [notes.render_line(y).text.strip() for y in range(notes.size.height)]
            shown = "".join(lines)
            assert shown == "备注：" + note, (size, lines)  # all of it, nothing cut
            for line in lines:
                assert line and line[0] not in CLOSING and line[-1] not in OPENING, (size, lines)

    run(app, scenario, (80, 24))


def test_the_end_question_at_40x12_breaks_as_chinese_is_read(app_zh: PodiumApp) -> None:
    """At 40×12 the question read `结束会议？再按 GO、y 或` / `Enter` / `结束；按其他…`."""
    from podium.agenda.linebreak import CLOSING

    clock = app_zh.session.clock
    assert isinstance(clock, ManualClock)

    async def scenario(pilot: Pilot[Any]) -> None:
        goto(app_zh, clock, 3)
        await press(pilot, clock, "pagedown")
        assert isinstance(app_zh.screen, ConfirmScreen)
        message = app_zh.screen.query_one("#confirm-message")
        lines = [message.render_line(y).text.strip() for y in range(message.size.height)]
        lines = [line for line in lines if line]
        question = "结束会议？再按GO、y或Enter结束；按其他任意键返回。"
        assert "".join(lines).replace(" ", "") == question
        assert "Enter" not in lines and all(line[0] not in CLOSING for line in lines), lines
        assert len(lines) <= 3, lines

    run(app_zh, scenario, (40, 12))


def test_a_note_longer_than_three_lines_says_it_is_cut(app_en: PodiumApp) -> None:
    """The notes take three lines under the next line: a longer note ended mid-sentence with
    nothing to tell the host that more was written; now its third line ends in `…`."""
    import dataclasses

    clock = app_en.session.clock
    assert isinstance(clock, ManualClock)
    long_note = " ".join(f"Check item {n} before the keynote." for n in range(1, 40))
    items = list(app_en.session.plan.agenda.items)
    agenda = dataclasses.replace(
        app_en.session.plan.agenda,
        items=(dataclasses.replace(items[0], notes=long_note), *items[1:]),
    )
    app = make_app(agenda, clock=clock)

    async def scenario(pilot: Pilot[Any]) -> None:
        goto(app, clock, 0)
        await pilot.pause()
        notes = app.main.query_one("#notes")
        lines = [notes.render_line(y).text.rstrip() for y in range(notes.size.height)]
        assert len(lines) == 3 and lines[0].startswith("Notes: Check item 1 "), lines
        assert lines[-1].endswith("…"), lines

    run(app, scenario, (80, 24))
