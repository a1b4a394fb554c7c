"""The podium screen of a podium that serves: the status line counts the viewers and says when
the remote views are down; a remote command is named briefly; the help screen shows the
addresses (and, with tokens, a QR code of the control page)."""

from __future__ import annotations

import asyncio
from typing import Any

from podium.agenda.loader import load_agenda
from podium.engine.clock import ManualClock
from podium.remote.server import RemoteServer
from podium.tui.app import make_app

from .remote_helpers import AGENDAS


def app_with_server(**options: Any) -> Any:
    agenda = load_agenda(str(AGENDAS / "quick-demo.en.yaml")).agenda
    assert agenda is not None
    app = make_app(agenda, clock=ManualClock())
    app.remote = RemoteServer(app.host, http=("127.0.0.1", 8740), **options)
    return app


def status(app: Any) -> str:
    return str(app.main.status.render())


async def shows(pilot: Any, app: Any, needle: str, timeout: float = 15) -> None:
    """Wait until the status line says `needle` (it is refreshed a few times a second; a
    loaded machine may take longer than a fixed pause). Fails with what it said instead."""
    loop = asyncio.get_running_loop()
    end = loop.time() + timeout
    while needle not in status(app):
        assert loop.time() < end, f"status line never said {needle!r}: {status(app)!r}"
        await pilot.pause(0.05)


def test_status_line_counts_viewers_and_says_when_the_views_are_down() -> None:
    app = app_with_server()

    async def scenario() -> None:
        async with app.run_test(size=(120, 40)) as pilot:
            await shows(pilot, app, "Remote: 0 viewing")
            app.host.run("go", via="http 192.168.1.20")
            await shows(pilot, app, "go · http 192.168.1.20")
            app.remote.problem = "the web server stopped listening"
            await shows(pilot, app, "REMOTE VIEWS DOWN: the web server stopped listening")
            assert app.host.session.started  # the meeting runs on

    asyncio.run(scenario())


def test_help_screen_shows_the_addresses_and_a_qr_code_with_tokens() -> None:
    app = app_with_server(tokens=True)

    async def scenario() -> None:
        async with app.run_test(size=(120, 60)) as pilot:
            await pilot.press("question_mark")
            await pilot.pause()
            shown = app.export_screenshot()
            assert app.screen.query_one("#help-remote").region.height > 20  # the code fits
            assert app.remote.gate.control in shown
            assert "█" in shown

    asyncio.run(scenario())
