"""The screen at arm's length: compact layout, big countdowns, paging, the hold before a fixed
time, call-ups with `say` and notes, standby away from the meeting's date, and agenda text
that is shown as text (never markup, never raw control characters)."""

from __future__ import annotations

import asyncio
import dataclasses
import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from rich.cells import cell_len
from textual.geometry import Region
from textual.pilot import Pilot

from podium.agenda.model import Agenda, Cue, CueKind, Item, ItemKind, Meeting
from podium.engine.clock import ManualClock
from podium.tui.app import PodiumApp, make_app
from podium.tui.widgets.big_digits import BigDigits, best_scale, glyph, rows_for, text_px
from podium.tui.widgets.cue_text import Columns, CueText
from podium.tui.widgets.now_panel import NowPanel
from podium.tui.widgets.run_sheet import RunSheet

CST = dt.timezone(dt.timedelta(hours=8))
Shown = Callable[[PodiumApp], str]


def run(app: PodiumApp, scenario: Callable[[Pilot[Any]], Any], size: tuple[int, int]) -> None:
    async def main() -> None:
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            await scenario(pilot)

    asyncio.run(main())


def goto(app: PodiumApp, clock: ManualClock, item: int, cue: int = 0) -> None:
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


async def settle(pilot: Pilot[Any], app: PodiumApp) -> None:
    await pilot.pause()
    app.main.refresh_times()
    await pilot.pause()


def _with(agenda: Agenda, index: int, **changes: Any) -> Agenda:
    items = list(agenda.items)
    items[index] = dataclasses.replace(items[index], **changes)
    return dataclasses.replace(agenda, items=tuple(items))


LONG = " ".join(f"Sentence number {n} of the long reading." for n in range(1, 121))


# --- compact layout ---------------------------------------------------------------------------


@pytest.mark.parametrize("size", [(40, 12), (60, 20), (79, 30), (100, 23)])
def test_compact_layout_puts_the_cue_first_then_one_line_of_time(
    app_en: PodiumApp, clock: ManualClock, shown: Shown, size: tuple[int, int]
) -> None:
    async def scenario(pilot: Pilot[Any]) -> None:
        goto(app_en, clock, 0)
        clock.advance(70)
        await settle(pilot, app_en)
        main = app_en.main
        assert main.has_class("-compact") and not main.has_class("-small")
        for hidden in ("#run-sheet", "#notes", "#footer", "#clock-bar"):
            assert not main.query_one(hidden).display, hidden
        text = shown(app_en)
        assert "Good morning, and welcome." in text
        line = main.query_one("#compact-line")
        assert line.display and line.region.y > main.query_one("#now").region.y
        rendered = str(line.render())
        assert rendered.startswith("Item 1:10/2:00")
        assert "ahead" in rendered or "behind" in rendered or "on time" in rendered
        assert "Notes" not in text

    run(app_en, scenario, size)


def test_compact_layout_still_shows_a_journal_error(agenda_en: Agenda, clock: ManualClock) -> None:
    class Broken:
        def record(self, event: str, **fields: Any) -> None:
            raise OSError(28, "No space left on device")

    app = make_app(agenda_en, clock=clock, journal=Broken())

    async def scenario(pilot: Pilot[Any]) -> None:
        clock.advance(1)
        await pilot.press("space")
        await pilot.pause()
        status = app.main.query_one("#status")
        assert status.display and "JOURNAL ERROR" in str(status.render())

    run(app, scenario, (40, 12))


def test_below_40x12_a_notice_and_the_timers_run(
    app_en: PodiumApp, clock: ManualClock, shown: Shown
) -> None:
    async def scenario(pilot: Pilot[Any]) -> None:
        goto(app_en, clock, 1, 1)
        await pilot.resize_terminal(39, 12)
        await settle(pilot, app_en)
        assert app_en.main.has_class("-small")
        assert "40×12" in shown(app_en)
        clock.advance(60)
        await pilot.resize_terminal(40, 12)
        await settle(pilot, app_en)
        assert not app_en.main.has_class("-small")
        assert app_en.main.query_one(BigDigits).value == "4:00"

    run(app_en, scenario, (80, 24))


# --- big countdowns ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("size", "min_rows"), [((40, 12), 4), ((80, 24), 7), ((120, 40), 14), ((200, 60), 15)]
)
def test_the_speech_countdown_fills_the_panel(
    app_en: PodiumApp, clock: ManualClock, size: tuple[int, int], min_rows: int
) -> None:
    async def scenario(pilot: Pilot[Any]) -> None:
        goto(app_en, clock, 1, 1)
        clock.advance(10)
        await settle(pilot, app_en)
        digits = app_en.main.query_one(BigDigits)
        assert digits.value == "4:50"
        assert digits.scale is not None, "block digits at every size from 40×12"
        assert digits.glyph_rows >= min_rows
        assert digits.caption == "ON TIME · 4:50 left"
        # Everything of it is inside the panel.
        now = app_en.main.query_one("#now").region
        assert now.contains_region(digits.region)

    run(app_en, scenario, size)


def test_overtime_counts_up_with_a_plus_in_block_digits(
    app_zh: PodiumApp, clock: ManualClock, shown: Shown
) -> None:
    async def scenario(pilot: Pilot[Any]) -> None:
        goto(app_zh, clock, 1, 1)
        clock.advance(372)
        await settle(pilot, app_zh)
        digits = app_zh.main.query_one(BigDigits)
        assert digits.value == "+1:12"
        assert app_zh.main.query_one(NowPanel).border_state == "-overtime"
        assert digits.has_class("-overtime")
        assert "超时 · 超出 1:12" in shown(app_zh)

    run(app_zh, scenario, (200, 60))


def test_each_second_repaints_only_the_digits_that_changed(
    app_en: PodiumApp, clock: ManualClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    regions: list[tuple[Region, ...]] = []
    original = BigDigits.refresh

    def spy(self: BigDigits, *args: Any, **kwargs: Any) -> Any:
        regions.append(tuple(a for a in args if isinstance(a, Region)))
        return original(self, *args, **kwargs)

    async def scenario(pilot: Pilot[Any]) -> None:
        goto(app_en, clock, 1, 1)
        clock.advance(10.5)
        await settle(pilot, app_en)
        digits = app_en.main.query_one(BigDigits)
        monkeypatch.setattr(BigDigits, "refresh", spy)
        clock.advance(1)  # 4:50 → 4:49: two glyphs change, and the caption's row
        app_en.main.refresh_times()
        area = digits.size.width * digits.size.height
        assert regions, "the countdown was not repainted"
        assert all(regions), "a full refresh of the countdown"
        changed = [r for call in regions for r in call]
        # Only cells of the two glyphs that changed (row by row), and the caption's row.
        assert sum(r.area for r in changed) < area / 6
        assert digits.scale is not None
        glyph_width = 5 * digits.scale[0]
        caption = [r for r in changed if r.width == digits.size.width]
        assert len(caption) == 1
        assert all(r.width <= glyph_width for r in changed if r not in caption)
        regions.clear()
        app_en.main.refresh_times()  # the same second again: nothing to send
        assert regions == []

    run(app_en, scenario, (200, 60))


def test_the_digits_on_screen_are_the_time_after_every_kind_of_change(
    app_en: PodiumApp, clock: ManualClock
) -> None:
    """Whatever the update (same length, a digit fewer, the hold's countdown giving way to the
    speech's), the rows painted are the glyphs of the value now: nothing stale stays."""

    def painted(digits: BigDigits) -> list[str]:
        strips = digits.render_lines(Region(0, 0, digits.size.width, digits.size.height))
        return [s.text.strip() for s in strips if s.text.strip()]

    def expected(digits: BigDigits) -> list[str]:
        assert digits.scale is not None
        sx, sy = digits.scale
        gap = " " * sx
        return [
            gap.join(glyph(c, sx, sy)[row] for c in digits.value).strip()
            for row in range(rows_for(sy))
        ]

    async def scenario(pilot: Pilot[Any]) -> None:
        goto(app_en, clock, 1, 1)  # a 5:00 speech
        for step in (10.5, 1, 290, 60):  # 4:50, 4:49 (same length), 0:59, +0:01
            clock.advance(step)
            await settle(pilot, app_en)
            digits = app_en.main.query_one(BigDigits)
            assert painted(digits)[:-1] == expected(digits), digits.value

    run(app_en, scenario, (200, 60))


def test_glyphs_and_scales() -> None:
    # Half blocks: 7 pixel rows at 1 half-row each take 4 terminal rows.
    assert rows_for(1) == 4 and len(glyph("8", 1, 1)) == 4
    assert {len(r) for r in glyph("0", 3, 5)} == {15}
    assert best_scale("+00:00", text_px("+00:00") - 1, 40) is None  # does not fit: plain text
    sx, sy = best_scale("+00:00", 140, 49) or (0, 0)
    assert rows_for(sy) >= 15 and sx * text_px("+00:00") <= 140
    assert glyph("0", 2, 2) is glyph("0", 2, 2)  # cached


# --- long cues are paged ----------------------------------------------------------------------


def test_go_pages_a_long_cue_and_back_pages_back(agenda_en: Agenda, clock: ManualClock) -> None:
    text = LONG
    agenda = _with(agenda_en, 0, cues=(Cue(CueKind.SCRIPT, text, spoken=text),))
    app = make_app(agenda, clock=clock)

    async def scenario(pilot: Pilot[Any]) -> None:
        goto(app, clock, 0)
        await settle(pilot, app)
        body = app.main.query_one(CueText)
        page, pages = body.pages()
        assert (page, pages) == (1, pages) and pages > 2
        more = app.main.query_one("#now-more")
        assert more.display
        assert f"▼ {pages - 1} more pages · GO turns the page" in str(more.render())
        seen: set[str] = set()
        top_lines = []
        for _ in range(pages - 1):
            visible = body.plain_lines()[
                round(body.scroll_y) : round(body.scroll_y) + body.visible_rows
            ]
            seen.update(visible)
            top_lines.append(round(body.scroll_y))
            assert app.main.page(1)
            await pilot.pause()
        visible = body.plain_lines()[round(body.scroll_y) :]
        seen.update(visible)
        assert body.pages() == (pages, pages)
        assert "last page" in str(more.render())
        assert not app.main.page(1)  # the last page: GO goes on
        assert set(body.plain_lines()) <= seen  # every line was on screen
        assert app.main.page(-1)
        await pilot.pause()
        assert body.pages()[0] == pages - 1
        # paging is not a cue move
        assert app.session.position is not None and app.session.position.cue == 0

    run(app, scenario, (80, 24))


def test_a_new_cue_starts_on_its_first_page(agenda_en: Agenda, clock: ManualClock) -> None:
    agenda = _with(
        agenda_en, 0, cues=(Cue(CueKind.SCRIPT, LONG, spoken=LONG), Cue(CueKind.SCRIPT, LONG))
    )
    app = make_app(agenda, clock=clock)

    async def scenario(pilot: Pilot[Any]) -> None:
        goto(app, clock, 0)
        await settle(pilot, app)
        app.main.page(1)
        clock.advance(1)
        app.session.go()
        app.main.show_position()
        await settle(pilot, app)
        assert app.main.query_one(CueText).pages()[0] == 1

    run(app, scenario, (80, 24))


def test_a_call_up_entry_never_breaks_a_name_its_unit_or_how_to_say_it() -> None:
    """At 40×12 the entry is wider than the panel: what moves to the next line is the whole
    `读作 谢晓东` (or the unit), never half of it; the note, prose, may break anywhere."""
    from podium.tui.widgets.cue_text import wrap_para
    from podium.tui.widgets.now_panel import call_blocks

    cue = Cue(
        CueKind.CALL,
        "请解晓东同志上台领奖。",
        names=("解晓东", "刘洋"),
        units=("区应急管理局", "城西街道党政办"),
        say=("谢晓东", "刘洋"),
        notes=(None, "在市委党校培训，由城西街道张敏同志代领。"),
    )
    entries = call_blocks(cue, "zh")[-1]
    assert isinstance(entries, Columns)
    for width in (38, 30, 24):
        lines = [
            "".join(seg.text for seg in line)
            for e in entries.entries
            for line in wrap_para(e, width)
        ]
        text = "\n".join(lines)
        assert all(cell_len(line) <= width for line in lines), text
        assert any("读作 谢晓东" in line for line in lines), text
        assert any("区应急管理局" in line for line in lines), text
        assert "城西街道党政办" in text.replace("\n", "")


def test_cue_text_keeps_chinese_punctuation_off_line_starts(
    app_zh: PodiumApp, clock: ManualClock
) -> None:
    async def scenario(pilot: Pilot[Any]) -> None:
        for width in range(40, 90, 7):
            await pilot.resize_terminal(width, 24)
            goto(app_zh, clock, 0, 1)
            await settle(pilot, app_zh)
            for line in app_zh.main.query_one(CueText).plain_lines():
                assert not line[:1] or line[0] not in "，。、；：？！）」』”’》", line

    run(app_zh, scenario, (80, 24))


@pytest.mark.parametrize("size", [(80, 24), (120, 40), (200, 60)])
def test_go_from_the_hold_onto_the_speech_moves_nothing(
    agenda_zh: Agenda, clock: ManualClock, monkeypatch: pytest.MonkeyPatch, size: tuple[int, int]
) -> None:
    """The intro in its hold (banner, the hold's countdown, the intro's text) and the speech
    (speaker, its own countdown, no text) share one geometry: GO between them lays nothing
    out, the countdown's box stays where it is, and only the glyph cells that changed, the
    caption and the rows whose text changed are repainted (each new row rendered once)."""
    from podium.tui.screens.main import MainScreen

    app = make_app(_fixed(agenda_zh, "09:20"), clock=clock)
    layouts: list[object] = []
    full: list[object] = []
    rendered: list[str] = []

    def count_layout(self: MainScreen, *args: Any, **kwargs: Any) -> None:
        layouts.append(args)
        original_layout(self, *args, **kwargs)

    def count_refresh(self: BigDigits, *regions: Region, **kwargs: Any) -> Any:
        if not regions and kwargs.get("repaint", True):
            full.append(kwargs)
        return original_refresh(self, *regions, **kwargs)

    def count_line(self: BigDigits, text: str, x0: int | None) -> Any:
        rendered.append(text)
        return original_line(self, text, x0)

    original_layout = MainScreen._refresh_layout
    original_refresh = BigDigits.refresh
    original_line = BigDigits._line

    async def scenario(pilot: Pilot[Any]) -> None:
        clock.advance(300)
        goto(app, clock, 1)  # the speech's intro at 09:00:01, held for 09:20
        clock.advance(14 * 60 + 51)
        await settle(pilot, app)
        now = app.main.query_one(NowPanel)
        digits = app.main.query_one(BigDigits)
        assert now.holding and digits.value == "5:08"
        box = digits.region
        monkeypatch.setattr(MainScreen, "_refresh_layout", count_layout)
        monkeypatch.setattr(BigDigits, "refresh", count_refresh)
        monkeypatch.setattr(BigDigits, "_line", count_line)
        clock.advance(1)
        await pilot.press("pagedown")
        await pilot.pause()
        assert app.session.cue is not None and app.session.cue.kind is CueKind.SPEECH
        assert not now.holding
        assert digits.value == "5:00" and digits.caption.startswith("正常")
        assert layouts == [], "GO from the hold onto the speech laid the screen out"
        assert full == [], "the countdown was repainted whole"
        assert digits.region == box
        assert len(rendered) == len(set(rendered)), "a row was rendered twice"
        _, sy = digits.scale or (0, 0)
        assert len(rendered) <= rows_for(sy) + 1  # the new digits' rows and the caption

    run(app, scenario, size)


def test_a_text_under_the_countdown_leaves_its_box_alone_while_short(
    app_en: PodiumApp, clock: ManualClock
) -> None:
    """The box is the digits and caption, centred in what box and text share: a short text
    under it (none, one line, three) does not change it; a long one takes at most half."""
    from podium.tui.widgets.cue_text import para

    async def scenario(pilot: Pilot[Any]) -> None:
        goto(app_en, clock, 1, 1)
        await settle(pilot, app_en)
        digits = app_en.main.query_one(BigDigits)
        body = app_en.main.query_one(CueText)
        box, rows = digits.region, digits.glyph_rows
        stage = app_en.main.query_one("#now-stage").region
        drawn = digits.drawn_region.translate(box.offset)
        above, below = drawn.y - stage.y, stage.bottom - drawn.bottom - 1  # (a row: the gap)
        assert abs(above - below) <= 1 and above > 5  # centred
        for lines in (1, 3):
            body.show([para(f"line {n}") for n in range(lines)])
            digits.text_changed()
            await settle(pilot, app_en)
            assert digits.region == box, lines
        body.show([para("A long text, " * 400)])
        digits.text_changed()
        await settle(pilot, app_en)
        assert digits.region.height >= (stage.height - 1) // 2
        assert digits.region.height < box.height and digits.glyph_rows <= rows
        assert body.region.y > digits.region.bottom - 1

    run(app_en, scenario, (200, 60))


def test_a_page_turned_back_renders_nothing_again_and_a_burst_does_not_page(
    agenda_en: Agenda, clock: ManualClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The cue text keeps its rendered lines: a page turned back is on screen again without
    a line built anew. And a cue pages only once it was painted: GO pressed again before the
    new cue's first repaint goes on, as on a short text (the box the text will have is not
    known before that repaint)."""
    agenda = _with(agenda_en, 0, cues=(Cue(CueKind.SCRIPT, LONG, spoken=LONG),))
    app = make_app(agenda, clock=clock)
    built: list[int] = []
    original = CueText._content_line

    def counting(self: CueText, index: int) -> Any:
        built.append(index)
        return original(self, index)

    async def scenario(pilot: Pilot[Any]) -> None:
        goto(app, clock, 0)
        await settle(pilot, app)
        body = app.main.query_one(CueText)
        assert body.pages()[1] > 2
        monkeypatch.setattr(CueText, "_content_line", counting)
        assert app.main.page(1)
        await pilot.pause()
        assert built, "the next page was not rendered"
        built.clear()
        assert app.main.page(-1)
        await pilot.pause()
        assert body.pages()[0] == 1
        assert built == [], "lines of the first page were built again"
        # A burst: the long cue shown anew and GO at once, before any repaint.
        app.main.show_position()
        assert not app.main.page(1)
        await pilot.pause()
        assert app.main.page(1)  # painted now: GO pages

    run(app, scenario, (80, 24))


# --- fixed times hold -------------------------------------------------------------------------


def _fixed(agenda: Agenda, at: str) -> Agenda:
    h, m = map(int, at.split(":"))
    return _with(agenda, 1, at_s=h * 3600 + m * 60)


def test_the_hold_before_a_fixed_time(agenda_zh: Agenda, clock: ManualClock, shown: Shown) -> None:
    app = make_app(_fixed(agenda_zh, "09:20"), clock=clock)

    async def scenario(pilot: Pilot[Any]) -> None:
        clock.advance(300)  # 09:00
        goto(app, clock, 1)  # the speech's intro, at 09:00:01
        clock.advance(14 * 60 + 51)  # 09:14:52
        await settle(pilot, app)
        text = shown(app)
        assert "固定 09:20 开始 · 还需等待 5:08" in text
        assert app.main.query_one(BigDigits).value == "5:08"
        assert app.main.query_one(NowPanel).holding
        assert app.main.query_one("#now-meta").has_class("-hold")
        assert "请张建国同志讲话" in text  # the cue is still there, under the hold
        sheet = app.main.query_one(RunSheet)
        clock.advance(5 * 60 + 8)  # 09:20: the leader has arrived
        await settle(pilot, app)
        assert "还需等待" not in shown(app)
        assert not app.main.query_one(NowPanel).holding
        assert not app.main.query_one("#now-meta").has_class("-hold")
        assert sheet.row(1)[0] == "▶"

    run(app, scenario, (80, 24))


def test_no_hold_in_rehearsal(agenda_en: Agenda, clock: ManualClock, shown: Shown) -> None:
    app = make_app(_fixed(agenda_en, "09:20"), clock=clock, rehearsal=True)

    async def scenario(pilot: Pilot[Any]) -> None:
        goto(app, clock, 1)
        await settle(pilot, app)
        assert "fixed at" not in shown(app)

    run(app, scenario, (80, 24))


def test_the_run_sheet_marks_fixed_times_and_expected_starts(
    agenda_en: Agenda, clock: ManualClock
) -> None:
    app = make_app(_fixed(agenda_en, "09:20"), clock=clock)

    async def scenario(pilot: Pilot[Any]) -> None:
        clock.advance(300)
        goto(app, clock, 0)
        sheet = app.main.query_one(RunSheet)
        await settle(pilot, app)
        assert sheet.row(1)[:2] == ("@", "09:20")  # fixed: planned 09:02, held to 09:20
        assert sheet.row(0)[:2] == ("▶", "09:00")  # the current row: when it really started
        clock.advance(25 * 60)  # the opening overruns by 23 minutes
        await settle(pilot, app)
        assert sheet.row(1)[:2] == ("@", "~09:25")
        assert sheet.row(2)[1] == "~09:30"

    run(app, scenario, (100, 30))


# --- call-ups ---------------------------------------------------------------------------------


def _call(
    names: list[str], say: list[str] | None = None, notes: list[str | None] | None = None
) -> Cue:
    return Cue(
        CueKind.CALL,
        "请以下同志上台领奖：",
        names=tuple(names),
        units=tuple(f"单位{n}" for n in range(len(names))),
        say=tuple(say) if say else None,
        notes=tuple(notes) if notes else (),
        award="先进个人",
        batch=1,
        batches=1,
    )


def _call_agenda(agenda: Agenda, cue: Cue) -> Agenda:
    return _with(agenda, 0, cues=(cue,), kind=ItemKind.AWARDS)


def test_call_up_numbers_names_with_say_and_note(agenda_zh: Agenda, clock: ManualClock) -> None:
    names = ["单丽娟", "刘洋", *(f"张{n}" for n in range(8))]
    say = ["善丽娟", "刘洋", *names[2:]]
    notes: list[str | None] = [None, "由张敏同志代领", *([None] * 8)]
    app = make_app(_call_agenda(agenda_zh, _call(names, say, notes)), clock=clock)

    async def scenario(pilot: Pilot[Any]) -> None:
        goto(app, clock, 0)
        await settle(pilot, app)
        body = app.main.query_one(CueText)
        lines = body.plain_lines()
        assert any(line.startswith(" 1. 单丽娟") and "读作 善丽娟" in line for line in lines)
        assert any(line.startswith(" 2. 刘洋") and "由张敏同志代领" in line for line in lines)
        assert not any("读作 刘洋" in line for line in lines)  # said as written: no hint
        assert body.pages() == (1, 1)  # ten names fit at 80×24

    run(app, scenario, (80, 24))


def test_many_names_go_into_columns_when_there_is_width(
    agenda_en: Agenda, clock: ManualClock
) -> None:
    names = [f"Name {n}" for n in range(60)]
    app = make_app(_call_agenda(agenda_en, _call(names)), clock=clock)

    async def scenario(pilot: Pilot[Any]) -> None:
        goto(app, clock, 0)
        await settle(pilot, app)
        body = app.main.query_one(CueText)
        assert body.columns > 1
        first_row = next(x for x in body.plain_lines() if x.lstrip().startswith("1. "))
        assert " 2. " not in first_row  # read down, then across (stage order by column)

    run(app, scenario, (200, 60))


def test_a_call_up_of_100000_names_is_capped_on_screen(
    agenda_en: Agenda, clock: ManualClock, shown: Shown
) -> None:
    names = [f"Graduate {n}" for n in range(100_000)]
    cue = dataclasses.replace(_call(names), text="Please come up: " + ", ".join(names))
    app = make_app(_call_agenda(agenda_en, cue), clock=clock)

    async def scenario(pilot: Pilot[Any]) -> None:
        goto(app, clock, 0)
        await settle(pilot, app)
        body = app.main.query_one(CueText)
        assert body.line_count < 3000
        assert "99,600 more names" in shown(app)
        clock.advance(5)
        await settle(pilot, app)  # the clock goes on
        assert "Item 0:05" in shown(app)

    run(app, scenario, (80, 24))


# --- standby ----------------------------------------------------------------------------------


def test_standby_says_when_the_meeting_is_not_dated_today(agenda_en: Agenda, shown: Shown) -> None:
    clock = ManualClock(dt.datetime(2026, 3, 10, 8, 55, tzinfo=CST))  # two days early
    app = make_app(agenda_en, clock=clock)

    async def scenario(pilot: Pilot[Any]) -> None:
        await settle(pilot, app)
        text = " ".join(shown(app).split())
        assert "dated 2026-03-12, not today: timing will count from the first GO" in text

    run(app, scenario, (80, 24))


def test_standby_on_the_day_says_nothing_about_dates(app_zh: PodiumApp, shown: Shown) -> None:
    async def scenario(pilot: Pilot[Any]) -> None:
        await settle(pilot, app_zh)
        assert "不是今天" not in shown(app_zh)

    run(app_zh, scenario, (80, 24))


# --- agenda text is text ----------------------------------------------------------------------

EVIL = "Q&A [/] [b]bold[/b] [draft] \x1b]0;owned\x07\x1b[2J\r\x9b end"


def test_markup_and_control_characters_in_agenda_text(
    agenda_en: Agenda, clock: ManualClock
) -> None:
    items = []
    for item in agenda_en.items:
        cues = tuple(
            dataclasses.replace(c, text=EVIL, speaker=EVIL if c.speaker else None)
            for c in item.cues
        )
        items.append(dataclasses.replace(item, title=EVIL, notes=EVIL, cues=cues))
    agenda = dataclasses.replace(
        agenda_en, items=tuple(items), meeting=Meeting(title=EVIL, start_s=9 * 3600)
    )
    app = make_app(agenda, clock=clock)

    async def scenario(pilot: Pilot[Any]) -> None:
        await settle(pilot, app)
        for item, cue in ((0, 0), (1, 1), (2, 1), (3, 0)):
            goto(app, clock, item, cue)
            await settle(pilot, app)
            screen = app.export_screenshot()
            assert "[/]" in screen and "[draft]" in screen and "[b]bold[/b]" in screen
            for widget in app.main.query("*"):
                try:
                    rendered = str(widget.render())
                except Exception:  # containers render nothing of their own
                    continue
                assert "\x1b" not in rendered and "\x07" not in rendered, widget
            lines = app.main.query_one(CueText).plain_lines()
            assert all("\x1b" not in line and "\r" not in line for line in lines)
            sheet = app.main.query_one(RunSheet)
            assert all("\x1b" not in sheet.row(i)[2] for i in range(sheet.row_count))

    run(app, scenario, (120, 40))


def test_an_agenda_without_items_content_still_shows() -> None:
    # A minimal meeting: one item, one empty cue (nothing to page, nothing to crash on).
    item = Item(0, "x", ItemKind.SCRIPT, "X", 60, False, (Cue(CueKind.SCRIPT, ""),))
    agenda = Agenda("/x.yaml", "0" * 64, Meeting(title="M"), (item,))
    clock = ManualClock(dt.datetime(2026, 3, 12, 8, 55, tzinfo=CST))
    app = make_app(agenda, clock=clock)

    async def scenario(pilot: Pilot[Any]) -> None:
        goto(app, clock, 0)
        await settle(pilot, app)
        assert not app.main.page(1)
        assert app.main.query_one(CueText).pages() == (1, 1)

    run(app, scenario, (40, 12))


# --- what the screen itself pays per command -------------------------------------------------


def test_the_same_remote_notice_again_moves_its_end_not_its_timer(
    app_en: PodiumApp, clock: ManualClock
) -> None:
    """A control page sending a command 20 times a second: each names it on the status line
    for a moment; the same notice again keeps the timer it has (only its end moves), and the
    notice goes once that end has passed."""

    async def scenario(pilot: Pilot[Any]) -> None:
        goto(app_en, clock, 0)
        await settle(pilot, app_en)
        app_en.run_command("message", via="http 127.0.0.1", to="stage", text="Two minutes")
        timer = app_en._notice_timer
        end = app_en._notice_until
        assert timer is not None and "message · http 127.0.0.1" in str(app_en.main.status.render())
        await asyncio.sleep(0.05)
        app_en.run_command("message", via="http 127.0.0.1", to="stage", text="Two minutes")
        assert app_en._notice_timer is timer and app_en._notice_until > end
        app_en.run_command("message", via="osc 127.0.0.1", to="stage", text="One minute")
        assert app_en._notice_timer is not timer  # another notice: its own timer
        app_en._notice_ended()  # (the timer fires early: the end is later, so it waits)
        assert "osc 127.0.0.1" in str(app_en.main.status.render())
        app_en._notice_until = 0.0
        app_en._notice_ended()
        assert "127.0.0.1" not in str(app_en.main.status.render())

    run(app_en, scenario, (120, 40))
