"""Pilot tests of the dialogs and the summary screen, each pushed on a bare test app."""

from __future__ import annotations

import io
from typing import Any, ClassVar

import pytest
from rich.console import Console
from textual.app import App
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import DataTable, Input, OptionList

from podium.tui.i18n import LABELS, t
from podium.tui.screens.confirm import ConfirmScreen
from podium.tui.screens.help import HelpScreen
from podium.tui.screens.jump import JumpScreen
from podium.tui.screens.summary import SummaryScreen

from .harness import SIZE, pilot_test


class HostApp(App[None]):
    """A bare app with one non-priority binding, to prove dialogs keep keys to themselves."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "go", show=False),
        Binding("pagedown", "go", show=False),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.results: list[Any] = []
        self.go_presses = 0

    def action_go(self) -> None:
        self.go_presses += 1

    def open(self, screen: Screen[Any]) -> None:
        self.push_screen(screen, self.results.append)


def screen_text(app: App[Any]) -> str:
    """The plain text of the current screen, as a terminal would show it."""
    console = Console(
        width=app.size.width,
        height=app.size.height,
        file=io.StringIO(),
        force_terminal=True,
        record=True,
        legacy_windows=False,
    )
    console.print(app.screen._compositor.render_update(full=True))
    return console.export_text()


# --- help ---------------------------------------------------------------------------------


class FakeCommand:
    def __init__(self, id: str, key_display: str, en: str, zh: str) -> None:
        self.id = id
        self.key_display = key_display
        self.label = {"en": en, "zh": zh}


COMMANDS = [
    FakeCommand("go", "Space/→/PgDn", "Next cue", "下一步"),
    FakeCommand("back", "←/PgUp", "Previous cue", "上一步"),
    FakeCommand("quit", "q", "Quit", "退出"),
]


@pytest.mark.parametrize(
    ("lang", "words"), [("en", ["Next cue", "Quit"]), ("zh", ["下一步", "退出"])]
)
@pilot_test
async def test_help_lists_every_command_with_its_keys(lang: str, words: list[str]) -> None:
    app = HostApp()
    async with app.run_test(size=SIZE) as pilot:
        app.open(HelpScreen(lang, COMMANDS))  # type: ignore[arg-type]
        await pilot.pause()
        text = screen_text(app)
        assert t("help.title", lang) in text
        for command in COMMANDS:
            assert command.key_display in text
        for word in words:
            assert word in text


@pytest.mark.parametrize("lang", ["en", "zh"])
@pilot_test
async def test_help_shows_the_whole_command_table_at_80x24(lang: str) -> None:
    from podium.tui.commands import COMMANDS as TABLE

    app = HostApp()
    async with app.run_test(size=SIZE) as pilot:
        app.open(HelpScreen(lang))
        await pilot.pause()
        text = screen_text(app)
        for command in TABLE:
            assert command.key_display in text, command.id
            assert command.label[lang] in text, command.id
        assert t("help.close", lang) in text


@pytest.mark.parametrize("key", ["escape", "question_mark", "f1", "q"])
@pilot_test
async def test_help_closes_on_its_keys_and_q_does_not_quit(key: str) -> None:
    app = HostApp()
    async with app.run_test(size=SIZE) as pilot:
        app.open(HelpScreen("en", COMMANDS))  # type: ignore[arg-type]
        await pilot.pause()
        await pilot.press(key)
        await pilot.pause()
        assert app.results == [None]
        assert not isinstance(app.screen, HelpScreen)
        assert app.is_running


@pilot_test
async def test_help_ignores_other_keys_and_keeps_them_from_the_app() -> None:
    app = HostApp()
    async with app.run_test(size=SIZE) as pilot:
        app.open(HelpScreen("en", COMMANDS))  # type: ignore[arg-type]
        await pilot.pause()
        await pilot.press("space", "pagedown", "f5", "x")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert app.results == []
        assert app.go_presses == 0


# --- jump ---------------------------------------------------------------------------------

JUMP_ITEMS = [
    (0, "Opening", "19:00:00", "opening"),
    (1, "Best Newcomer award", "19:05:00", "newcomer"),
    (2, "Keynote: Dr. Ada", "19:15:00", "keynote"),
    (3, "颁发荣誉证书", "19:40:00", "certificates"),
    (4, "Closing", "19:55:00", "closing"),
]


def shown_indexes(screen: JumpScreen) -> list[int]:
    options = screen.query_one(OptionList)
    return [int(options.get_option_at_index(i).id or -1) for i in range(options.option_count)]


async def open_jump(app: HostApp, pilot: Any, items: Any = JUMP_ITEMS, **kw: Any) -> JumpScreen:
    screen = JumpScreen(items, "en", **kw)
    app.open(screen)
    await pilot.pause()
    return screen


@pilot_test
async def test_jump_lists_all_items_with_start_times_and_focuses_the_filter() -> None:
    app = HostApp()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_jump(app, pilot)
        assert shown_indexes(screen) == [0, 1, 2, 3, 4]
        assert isinstance(app.focused, Input)
        text = screen_text(app)
        assert "19:15:00" in text and "Keynote: Dr. Ada" in text and "颁发荣誉证书" in text


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("o", [0, 1, 2, 4]),  # substring anywhere ("Newcomer", "Keynote")
        ("KEY", [2]),  # case-insensitive
        ("certif", [3]),  # the item id matches too
        ("荣誉", [3]),
        ("5", [4]),  # the item's number as shown
        ("zzz", []),
    ],
)
@pilot_test
async def test_jump_filters_on_each_keystroke(typed: str, expected: list[int]) -> None:
    app = HostApp()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_jump(app, pilot)
        screen.query_one(Input).value = typed
        await pilot.pause()
        assert shown_indexes(screen) == expected
        if not expected:
            assert t("jump.none", "en") in screen_text(app)


@pilot_test
async def test_jump_typing_then_enter_picks_the_items_real_index() -> None:
    app = HostApp()
    async with app.run_test(size=SIZE) as pilot:
        await open_jump(app, pilot)
        await pilot.press("c", "l", "o", "s", "enter")
        await pilot.pause()
        assert app.results == [4]


@pilot_test
async def test_jump_arrows_move_the_highlight_while_typing_stays_possible() -> None:
    app = HostApp()
    async with app.run_test(size=SIZE) as pilot:
        await open_jump(app, pilot)
        await pilot.press("o", "down", "down", "up", "down", "enter")
        await pilot.pause()
        assert app.results == [2]  # rows 0,1,2,4 -> third row is item 2
        assert app.go_presses == 0


@pilot_test
async def test_jump_starts_on_the_current_item() -> None:
    app = HostApp()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_jump(app, pilot, current=3)
        assert screen.query_one(OptionList).highlighted == 3
        await pilot.press("enter")
        await pilot.pause()
        assert app.results == [3]


@pilot_test
async def test_jump_escape_cancels_and_f5_does_nothing() -> None:
    app = HostApp()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_jump(app, pilot)
        await pilot.press("f5", "pagedown")
        await pilot.pause()
        assert app.screen is screen and app.results == [] and app.go_presses == 0
        await pilot.press("escape")
        await pilot.pause()
        assert app.results == [None]


@pilot_test
async def test_jump_enter_with_no_match_keeps_the_dialog_open() -> None:
    app = HostApp()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_jump(app, pilot)
        await pilot.press("z", "z", "enter")
        await pilot.pause()
        assert app.screen is screen and app.results == []


@pilot_test
async def test_jump_accepts_items_without_ids() -> None:
    app = HostApp()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_jump(app, pilot, items=[(0, "Opening", ""), (1, "Closing", "")])
        await pilot.press("c", "l")
        await pilot.pause()
        assert shown_indexes(screen) == [1]
        await pilot.press("enter")
        await pilot.pause()
        assert app.results == [1]


@pilot_test
async def test_jump_filter_follows_every_keystroke_with_hundreds_of_items() -> None:
    """Each keystroke re-filters 800 items (its speed is measured in benchmarks/, not here)."""
    items = [
        (i, f"Item {i} 第{i}项 award batch", f"{9 + i // 60:02d}:{i % 60:02d}:00")
        for i in range(800)
    ]
    app = HostApp()
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_jump(app, pilot, items=items)
        expected = {
            "item 12": [12, *range(120, 130)],
            "第7": [7, *range(70, 80), *range(700, 800)],
            "": list(range(800)),
            "batch": list(range(800)),
            "nothing like this": [],
        }
        for query, indexes in expected.items():
            screen.query_one(Input).value = query
            await pilot.pause()
            assert shown_indexes(screen) == indexes, query


# --- confirm ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "answer"),
    [
        ("y", True),
        ("enter", True),
        ("n", False),
        ("escape", False),
        ("f5", False),
        ("q", False),
        ("space", False),
        ("pagedown", False),
        ("x", False),
    ],
)
@pilot_test
async def test_confirm_only_y_or_enter_say_yes(key: str, answer: bool) -> None:
    app = HostApp()
    async with app.run_test(size=SIZE) as pilot:
        app.open(ConfirmScreen("Quit the meeting?", "en"))
        await pilot.pause()
        await pilot.press(key)
        await pilot.pause()
        assert app.results == [answer]
        assert app.go_presses == 0


@pytest.mark.parametrize(
    ("key", "answer"), [("pagedown", True), ("space", True), ("escape", False)]
)
@pilot_test
async def test_confirm_extra_keys_say_yes(key: str, answer: bool) -> None:
    app = HostApp()
    async with app.run_test(size=SIZE) as pilot:
        app.open(ConfirmScreen("End the meeting?", "en", ("space", "pagedown")))
        await pilot.pause()
        await pilot.press(key)
        await pilot.pause()
        assert app.results == [answer]
        assert app.go_presses == 0


@pilot_test
async def test_confirm_guard_ignores_a_held_go_button() -> None:
    now = [100.0]
    app = HostApp()
    async with app.run_test(size=SIZE) as pilot:
        screen = ConfirmScreen("End?", "en", ("pagedown",), guard_s=0.4, monotonic=lambda: now[0])
        app.open(screen)
        await pilot.pause()
        for _ in range(5):  # auto-repeat: every 33 ms, each within the guard of the last
            now[0] += 0.033
            await pilot.press("pagedown")
        await pilot.pause()
        assert app.screen is screen and app.results == []
        now[0] += 0.5
        await pilot.press("pagedown")
        await pilot.pause()
        assert app.results == [True]


@pilot_test
async def test_confirm_answers_once_however_fast_keys_come() -> None:
    app = HostApp()
    async with app.run_test(size=SIZE) as pilot:
        app.open(ConfirmScreen("Quit?", "en"))
        await pilot.pause()
        await pilot.press("y", "y", "n")
        await pilot.pause()
        assert app.results == [True]


@pytest.mark.parametrize("lang", ["en", "zh"])
@pilot_test
async def test_confirm_shows_the_question_and_how_to_answer(lang: str) -> None:
    app = HostApp()
    async with app.run_test(size=SIZE) as pilot:
        app.open(ConfirmScreen("结束会议?[不是标记]", lang))
        await pilot.pause()
        text = screen_text(app)
        assert "结束会议?[不是标记]" in text
        assert t("confirm.hint", lang).split()[0] in text


# --- summary ------------------------------------------------------------------------------


SUMMARY_ROWS = [
    ("Opening", 120, 131.4),
    ("Best Newcomer award", 300, 255.0),
    ("Keynote: Dr. Ada", 900, 1090.2),
    ("Closing", 180, None),
]


def table_rows(screen: SummaryScreen) -> list[list[str]]:
    table = screen.query_one(DataTable)
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


@pilot_test
async def test_summary_shows_planned_actual_and_signed_deltas_with_totals() -> None:
    app = HostApp()
    async with app.run_test(size=SIZE) as pilot:
        screen = SummaryScreen(SUMMARY_ROWS, [], "en", rehearsal=False)
        app.open(screen)
        await pilot.pause()
        assert table_rows(screen) == [
            ["1", "Opening", "2:00", "2:11", "+0:11"],
            ["2", "Best Newcomer award", "5:00", "4:15", "-0:45"],
            ["3", "Keynote: Dr. Ada", "15:00", "18:10", "+3:10"],
            ["4", "Closing", "3:00", "—", "—"],
            # planned total is the whole plan; the difference counts reached items only
            ["", "Total", "25:00", "24:37", "+2:37"],
        ]
        text = screen_text(app)
        assert t("summary.title", "en") in text
        assert "1 item not reached" in text
        assert t("summary.hints", "en") not in text


@pilot_test
async def test_summary_rehearsal_title_and_hints_in_chinese() -> None:
    hints = [
        "第3项“主旨演讲”在2次彩排中有2次超时3:10",
        "item 4 runs 3:10 long in 2 of 2 rehearsals",
    ]
    app = HostApp()
    async with app.run_test(size=SIZE) as pilot:
        app.open(SummaryScreen(SUMMARY_ROWS[:3], hints, "zh", rehearsal=True))
        await pilot.pause()
        text = screen_text(app)
        assert t("summary.title_rehearsal", "zh") in text
        assert t("summary.hints", "zh") in text
        for hint in hints:
            assert hint in text
        assert "合计" in text and "计划" in text and "实际" in text
        assert "未进行" not in text


@pilot_test
async def test_summary_of_a_meeting_that_never_started() -> None:
    app = HostApp()
    async with app.run_test(size=SIZE) as pilot:
        screen = SummaryScreen([("Opening", 60, None)], [], "en", rehearsal=False)
        app.open(screen)
        await pilot.pause()
        assert table_rows(screen)[-1] == ["", "Total", "1:00", "—", "—"]


@pytest.mark.parametrize("key", ["q", "escape", "enter"])
@pilot_test
async def test_summary_leaves_on_q_escape_enter(key: str) -> None:
    app = HostApp()
    async with app.run_test(size=SIZE) as pilot:
        app.open(SummaryScreen(SUMMARY_ROWS, [], "en", rehearsal=False))
        await pilot.pause()
        await pilot.press("space", "pagedown", "down")
        await pilot.pause()
        assert app.results == []
        await pilot.press(key)
        await pilot.pause()
        assert app.results == [None]


@pilot_test
async def test_summary_ignores_a_bounced_enter_right_after_it_opens() -> None:
    """The Enter that confirmed the end of the meeting bounces: the summary stays."""
    now = [100.0]
    app = HostApp()
    async with app.run_test(size=SIZE) as pilot:
        screen = SummaryScreen(
            SUMMARY_ROWS, [], "en", rehearsal=False, guard_s=0.4, monotonic=lambda: now[0]
        )
        app.open(screen)
        await pilot.pause()
        now[0] += 0.1
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen and app.results == []
        now[0] += 0.4
        await pilot.press("enter")
        await pilot.pause()
        assert app.results == [None]


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
@pilot_test
async def test_summary_long_titles_fit_the_width(size: tuple[int, int]) -> None:
    rows = [("很长的议程标题" * 10, 60, 61.0)] + [
        (f"Item {i} " + "x" * 200, 60, 59.0) for i in range(40)
    ]
    app = HostApp()
    async with app.run_test(size=size) as pilot:
        screen = SummaryScreen(rows, ["a hint"] * 3, "zh", rehearsal=True)
        app.open(screen)
        await pilot.pause()
        table = screen.query_one(DataTable)
        assert table.virtual_size.width <= table.scrollable_content_region.width
        text = screen_text(app)
        assert t("summary.leave", "zh") in text  # the way out is always on screen
        assert t("summary.hints", "zh") in text


def test_every_label_has_english_and_chinese() -> None:
    for key in LABELS:
        if key.split(".")[0] in ("help", "jump", "confirm", "summary"):
            assert t(key, "en") and t(key, "zh") != t(key, "en"), key


@pilot_test
async def test_summary_title_column_follows_a_resize() -> None:
    rows = [("A long item title " * 6, 60, 61.0)]
    app = HostApp()
    async with app.run_test(size=SIZE) as pilot:
        screen = SummaryScreen(rows, [], "en", rehearsal=False)
        app.open(screen)
        await pilot.pause()
        table = screen.query_one(DataTable)
        narrow = table.columns["title"].width  # type: ignore[index]
        await pilot.resize_terminal(140, 30)
        await pilot.pause()
        wide = table.columns["title"].width  # type: ignore[index]
        assert wide == narrow + 60
        assert table.virtual_size.width <= table.scrollable_content_region.width
        assert "A long item title " * 4 in screen_text(app)
