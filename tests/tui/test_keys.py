"""Every key of the podium's table, pressed through Pilot on the app as `podium run` builds it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from textual.binding import Binding
from textual.pilot import Pilot

from podium.agenda.model import Agenda
from podium.engine.clock import ManualClock
from podium.engine.session import Position
from podium.tui.app import PodiumApp, make_app
from podium.tui.commands import BACK_KEYS, COMMANDS, GO_KEYS
from podium.tui.screens.confirm import ConfirmScreen
from podium.tui.screens.help import HelpScreen
from podium.tui.screens.jump import JumpScreen
from podium.tui.screens.main import MainScreen

from .harness import press, run


def start(app: PodiumApp, clock: ManualClock, gos: int = 1) -> None:
    """Set the session up directly (GO `gos` times), then show it."""
    for _ in range(gos):
        clock.advance(1)
        app.session.go()
    app.main.show_position()


@pytest.mark.parametrize("key", GO_KEYS)
def test_every_go_key_starts_then_advances(app_en: PodiumApp, clock: ManualClock, key: str) -> None:
    async def scenario(pilot: Pilot[Any]) -> None:
        assert app_en.session.position is None
        await press(pilot, clock, key)
        assert app_en.session.position == Position(0, 0)
        await press(pilot, clock, key)
        assert app_en.session.position == Position(0, 1)
        assert app_en.screen is app_en.main

    run(app_en, scenario)


@pytest.mark.parametrize("key", BACK_KEYS)
def test_every_back_key_goes_back_one_cue(app_en: PodiumApp, clock: ManualClock, key: str) -> None:
    async def scenario(pilot: Pilot[Any]) -> None:
        start(app_en, clock, gos=3)
        assert app_en.session.position == Position(1, 0)
        await press(pilot, clock, key)
        assert app_en.session.position == Position(0, 1)

    run(app_en, scenario)


def test_back_on_the_first_cue_says_so_and_stays(
    app_en: PodiumApp, clock: ManualClock, shown: Callable[[PodiumApp], str]
) -> None:
    async def scenario(pilot: Pilot[Any]) -> None:
        start(app_en, clock)
        await press(pilot, clock, "pageup")
        assert app_en.session.position == Position(0, 0)
        assert "Already at the first cue" in shown(app_en)

    run(app_en, scenario)


def test_guard_ignores_a_second_go_within_the_guard_and_says_so(
    app_en: PodiumApp, clock: ManualClock, shown: Callable[[PodiumApp], str]
) -> None:
    async def scenario(pilot: Pilot[Any]) -> None:
        await press(pilot, clock, "pagedown")
        await press(pilot, clock, "pagedown", gap=0.1)
        assert app_en.session.position == Position(0, 0)
        assert "Ignored (double press)" in shown(app_en)
        await press(pilot, clock, "pagedown", gap=0.5)
        assert app_en.session.position == Position(0, 1)

    run(app_en, scenario)


def test_a_held_go_button_advances_once(app_en: PodiumApp, clock: ManualClock) -> None:
    async def scenario(pilot: Pilot[Any]) -> None:
        start(app_en, clock)
        # held: one press, then auto-repeat every 50 ms for two seconds; each repeat counts as
        # a press, so each falls within the guard of the one before it
        await press(pilot, clock, "pagedown")
        await press(pilot, clock, *["pagedown"] * 40, gap=0.05)
        assert app_en.session.position == Position(0, 1)

    run(app_en, scenario)


def test_guard_follows_the_option(agenda_en: Agenda, clock: ManualClock) -> None:
    app = make_app(agenda_en, clock=clock, guard_s=2.0)

    async def scenario(pilot: Pilot[Any]) -> None:
        await press(pilot, clock, "space")
        await press(pilot, clock, "space", gap=1.5)
        assert app.session.position == Position(0, 0)
        await press(pilot, clock, "space", gap=2.0)
        assert app.session.position == Position(0, 1)

    run(app, scenario)


def test_j_opens_the_jump_dialog_and_enter_jumps(app_en: PodiumApp, clock: ManualClock) -> None:
    async def scenario(pilot: Pilot[Any]) -> None:
        start(app_en, clock)
        await press(pilot, clock, "j")
        assert isinstance(app_en.screen, JumpScreen)
        await pilot.press(*"coffee")  # typing goes to the dialog's search, not to GO
        await pilot.press("enter")
        await pilot.pause()
        assert app_en.screen is app_en.main
        assert app_en.session.position == Position(3, 0)

    run(app_en, scenario)


def test_jump_dialog_escape_changes_nothing(app_en: PodiumApp, clock: ManualClock) -> None:
    async def scenario(pilot: Pilot[Any]) -> None:
        start(app_en, clock)
        await press(pilot, clock, "j")
        await pilot.press("space", "escape")
        await pilot.pause()
        assert app_en.screen is app_en.main
        assert app_en.session.position == Position(0, 0)

    run(app_en, scenario)


def test_jump_before_the_start_is_refused_with_a_notice(
    app_en: PodiumApp, clock: ManualClock, shown: Callable[[PodiumApp], str]
) -> None:
    async def scenario(pilot: Pilot[Any]) -> None:
        await press(pilot, clock, "j")
        assert app_en.screen is app_en.main
        assert "press GO first" in shown(app_en)

    run(app_en, scenario)


def test_command_palette_lists_every_command_and_jumps(
    app_en: PodiumApp, clock: ManualClock
) -> None:
    from podium.tui.palette import PodiumCommands

    async def scenario(pilot: Pilot[Any]) -> None:
        start(app_en, clock)
        provider = PodiumCommands(app_en.screen)
        texts = [hit.text async for hit in provider.discover()]
        for cmd in COMMANDS:
            assert cmd.label["en"] in texts
        assert "Jump to: Coffee break" in texts
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Jump to: Awards")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert app_en.session.position == Position(2, 0)

    run(app_en, scenario)


def test_p_pauses_and_resumes_the_item_timer(
    app_en: PodiumApp, clock: ManualClock, shown: Callable[[PodiumApp], str]
) -> None:
    async def scenario(pilot: Pilot[Any]) -> None:
        start(app_en, clock)
        await press(pilot, clock, "p")
        assert app_en.session.paused
        assert "PAUSED" in shown(app_en)
        clock.advance(30)
        await press(pilot, clock, "p")
        assert not app_en.session.paused
        assert "PAUSED" not in shown(app_en)
        assert app_en.session.item_elapsed_s() == pytest.approx(1.0)  # 31 s paused

    run(app_en, scenario)


def test_plus_and_minus_change_the_items_plan_by_a_minute(
    app_en: PodiumApp, clock: ManualClock, shown: Callable[[PodiumApp], str]
) -> None:
    async def scenario(pilot: Pilot[Any]) -> None:
        start(app_en, clock)
        await press(pilot, clock, "plus")
        assert app_en.session.item_planned_s() == 180
        assert "/ 3:00" in shown(app_en)
        await press(pilot, clock, "minus", "minus")
        assert app_en.session.item_planned_s() == 60
        assert "/ 1:00" in shown(app_en)

    run(app_en, scenario)


@pytest.mark.parametrize("key", ["b", "full_stop"])
def test_blank_shows_only_the_clock_and_returns_without_advancing(
    app_en: PodiumApp, clock: ManualClock, key: str
) -> None:
    async def scenario(pilot: Pilot[Any]) -> None:
        start(app_en, clock)
        main = app_en.main
        await press(pilot, clock, key)
        assert main.blanked
        visible = [w.id for w in main.children if w.display]
        assert visible == ["blank"]
        assert main.query_one("#blank-clock").value == "08:55:02"
        await press(pilot, clock, key)
        assert not main.blanked
        await press(pilot, clock, key)
        assert main.blanked
        await press(pilot, clock, "pagedown")  # GO returns from blank, does not advance
        assert not main.blanked
        assert app_en.session.position == Position(0, 0)
        # a held GO after it (repeats every 0.1 s for a second) is ignored as a whole
        await press(pilot, clock, *["pagedown"] * 10, gap=0.1)
        assert app_en.session.position == Position(0, 0)
        await press(pilot, clock, "pagedown")
        assert app_en.session.position == Position(0, 1)

    run(app_en, scenario)


@pytest.mark.parametrize(("open_key", "close_key"), [("question_mark", "escape"), ("f1", "q")])
def test_help_opens_and_closes_without_quitting(
    app_en: PodiumApp, clock: ManualClock, open_key: str, close_key: str
) -> None:
    async def scenario(pilot: Pilot[Any]) -> None:
        start(app_en, clock)
        await press(pilot, clock, open_key)
        assert isinstance(app_en.screen, HelpScreen)
        await press(pilot, clock, "pagedown")  # keys on the help do not move the meeting
        assert app_en.session.position == Position(0, 0)
        await press(pilot, clock, close_key)
        assert isinstance(app_en.screen, MainScreen)
        assert app_en.is_running

    run(app_en, scenario)


@pytest.mark.parametrize(
    ("key", "answer"), [("q", "n"), ("ctrl+q", "escape"), ("ctrl+c", "f5"), ("q", "ctrl+c")]
)
def test_quit_asks_and_any_other_key_cancels(
    app_en: PodiumApp, clock: ManualClock, key: str, answer: str
) -> None:
    async def scenario(pilot: Pilot[Any]) -> None:
        start(app_en, clock)
        await press(pilot, clock, key)
        assert isinstance(app_en.screen, ConfirmScreen)
        await press(pilot, clock, answer)
        assert app_en.screen is app_en.main
        assert app_en.is_running
        assert app_en.session.position == Position(0, 0)

    run(app_en, scenario)


@pytest.mark.parametrize(("key", "answer"), [("q", "y"), ("ctrl+q", "enter"), ("ctrl+c", "y")])
def test_quit_confirmed_exits_without_ending_the_meeting(
    app_en: PodiumApp, clock: ManualClock, key: str, answer: str
) -> None:
    async def scenario(pilot: Pilot[Any]) -> None:
        start(app_en, clock)
        await press(pilot, clock, key, answer)
        await pilot.pause()
        assert not app_en.is_running or app_en._exit

    run(app_en, scenario)
    assert app_en.return_code == 0
    assert not app_en.session.ended  # a quit leaves the journal unfinished (resumable)


@pytest.mark.parametrize("key", ["escape", "f5"])
def test_escape_and_f5_do_nothing_on_the_main_screen(
    app_en: PodiumApp, clock: ManualClock, key: str
) -> None:
    async def scenario(pilot: Pilot[Any]) -> None:
        start(app_en, clock, gos=2)
        await press(pilot, clock, key, key, key)
        assert app_en.screen is app_en.main
        assert app_en.session.position == Position(0, 1)
        assert not app_en.main.blanked
        assert app_en.is_running

    run(app_en, scenario)


def test_no_widget_takes_focus_so_keys_always_reach_the_host(
    app_en: PodiumApp, clock: ManualClock
) -> None:
    async def scenario(pilot: Pilot[Any]) -> None:
        await press(pilot, clock, "tab", "tab")
        assert app_en.focused is None
        await pilot.click("#run-sheet")
        assert app_en.focused is None
        await press(pilot, clock, "down", "down")
        assert app_en.session.position == Position(0, 1)

    run(app_en, scenario)


def test_textual_defaults_do_not_bypass_the_quit_question() -> None:
    bindings = list(Binding.make_bindings(PodiumApp.BINDINGS))
    assert {b.key: b.action for b in bindings} == {
        "ctrl+q": "quit_request",
        "ctrl+c": "quit_request",
    }
    assert {b.id for b in bindings} == {"quit"}  # from the command table, with its id
    from podium.tui.palette import PodiumCommands

    assert {PodiumCommands} == PodiumApp.COMMANDS  # no "Quit now" system command


def test_every_command_has_an_action_and_run_command_dispatches_by_id(
    app_en: PodiumApp, clock: ManualClock
) -> None:
    for cmd in COMMANDS:
        assert callable(getattr(app_en, f"action_{cmd.action}")), cmd.id

    async def scenario(pilot: Pilot[Any]) -> None:
        clock.advance(1)
        app_en.run_command("go")
        clock.advance(1)
        app_en.run_command("go")
        app_en.run_command("back")
        app_en.run_command("plus-minute")
        await pilot.pause()
        assert app_en.session.position == Position(0, 0)
        assert app_en.session.item_planned_s() == 180

    run(app_en, scenario)


def test_every_key_of_the_spec_is_bound_on_the_main_screen(app_en: PodiumApp) -> None:
    async def scenario(pilot: Pilot[Any]) -> None:
        bound = {key: b.binding.action for key, b in app_en.main.active_bindings.items()}
        spec = {
            "app.go": GO_KEYS,
            "app.go_back": BACK_KEYS,
            "app.jump": ("j",),
            "app.pause": ("p",),
            "app.plus_minute": ("plus",),
            "app.minus_minute": ("minus",),
            "app.tts_toggle": ("t",),
            "app.tts_repeat": ("r",),
            "app.tts_stop": ("s",),
            "app.blank": ("b", "full_stop"),
            "app.help": ("question_mark", "f1"),
        }
        for action, keys in spec.items():
            for key in keys:
                assert bound.get(key) == action, key
        assert bound["q"] == "app.quit_request"
        assert bound["ctrl+q"] == bound["ctrl+c"] == "quit_request"

    run(app_en, scenario)


def test_a_keymap_moves_every_key_of_a_command(app_en: PodiumApp, clock: ManualClock) -> None:
    """`set_keymap({"go": "f9"})` moves Space, Enter, the arrows and PageDown alike: one
    binding per command, all its keys, with the command's id."""

    async def scenario(pilot: Pilot[Any]) -> None:
        app_en.set_keymap({"go": "f9"})
        await pilot.pause()
        for key in GO_KEYS:
            await press(pilot, clock, key)
            assert app_en.session.position is None, key
        await press(pilot, clock, "f9")
        assert app_en.session.position == Position(0, 0)
        assert app_en.keys_of("go") == ("f9",)
        await press(pilot, clock, "left")  # the other commands keep their keys
        assert app_en.session.position == Position(0, 0)

    run(app_en, scenario)


def test_every_command_of_the_table_is_one_binding_with_its_id(app_en: PodiumApp) -> None:
    async def scenario(pilot: Pilot[Any]) -> None:
        by_id: dict[str, set[str]] = {}
        for key, bindings in app_en.main._bindings.key_to_bindings.items():
            for binding in bindings:
                if binding.id is not None:
                    by_id.setdefault(binding.id, set()).add(key)
        for cmd in COMMANDS:
            expected = {k for k in cmd.keys if k not in ("ctrl+q", "ctrl+c")}
            assert by_id[cmd.id] == expected, cmd.id

    run(app_en, scenario)


def test_a_remote_end_cancel_takes_the_question_down(app_en: PodiumApp, clock: ManualClock) -> None:
    async def scenario(pilot: Pilot[Any]) -> None:
        start(app_en, clock, gos=10)
        await press(pilot, clock, "space")
        assert app_en.host.end_pending and isinstance(app_en.screen, ConfirmScreen)
        app_en.host.run("end-cancel", via="http 127.0.0.1")
        await pilot.pause()
        assert app_en.screen is app_en.main and not app_en.host.end_pending
        await press(pilot, clock, "space")
        assert isinstance(app_en.screen, ConfirmScreen)
        await press(pilot, clock, "y")
        assert app_en.session.ended

    run(app_en, scenario)


def test_the_message_to_the_host_stands_out_until_m(app_en: PodiumApp, clock: ManualClock) -> None:
    from podium.tui.widgets.message_banner import MessageBanner

    async def scenario(pilot: Pilot[Any]) -> None:
        start(app_en, clock)
        app_en.host.run("message", via="http 127.0.0.1", to="host", text="The mayor is here")
        await pilot.pause()
        banner = app_en.main.query_one(MessageBanner)
        assert banner.display and "The mayor is here" in str(banner.render())
        await press(pilot, clock, "space", "b")  # moves and blank do not take it down
        assert not banner.display  # (hidden while blank)
        await press(pilot, clock, "b")
        assert banner.display
        await press(pilot, clock, "m")
        assert not banner.display and app_en.host.messages["host"] is None

    run(app_en, scenario)


def test_the_palette_shows_titles_as_written_and_journals_its_via(
    agenda_en: Agenda, clock: ManualClock
) -> None:
    import dataclasses

    items = list(agenda_en.items)
    items[2] = dataclasses.replace(items[2], title="Q&A [/] [b]bold?")
    agenda = dataclasses.replace(agenda_en, items=tuple(items))
    lines: list[dict[str, Any]] = []

    class Journal:
        def record(self, event: str, **fields: Any) -> None:
            lines.append({"event": event, **fields})

    app = make_app(agenda, clock=clock, journal=Journal())

    async def scenario(pilot: Pilot[Any]) -> None:
        start(app, clock)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Q&A [/]")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert app.session.position == Position(2, 0)

    run(app, scenario)
    assert lines[-1]["event"] == "jump" and lines[-1]["via"] == "palette"
