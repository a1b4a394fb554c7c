"""What the podium screen says about remote control: viewers, the last remote command, a
server that is down; the help screen's addresses and QR code."""

from __future__ import annotations

from typing import Any

from rich.console import Console

from podium.remote.server import RemoteServer
from podium.tui.remote_panel import help_panel, label, qr_text, status_text

from .remote_helpers import make_host


def rendered(renderable: Any) -> str:
    console = Console(width=120, record=True, color_system=None)
    console.print(renderable)
    return console.export_text()


def server_for(host: Any, **options: Any) -> RemoteServer:
    options.setdefault("http", ("127.0.0.1", 8740))
    return RemoteServer(host, **options)


def test_viewers_and_the_last_remote_command() -> None:
    host = make_host()
    server = server_for(host)
    assert status_text(server, "en") == ("Remote: 0 viewing", False)
    assert status_text(server, "zh")[0] == "远程：0 人在看"
    assert label("activity", "en", command="go", via="http 192.168.1.20") == (
        "go · http 192.168.1.20"
    )


def test_a_server_that_is_down_says_why_loudly() -> None:
    host = make_host()
    server = server_for(host)
    server.problem = "the web server stopped listening"
    assert status_text(server, "en") == (
        "REMOTE VIEWS DOWN: the web server stopped listening",
        True,
    )


def test_help_panel_without_tokens_has_no_qr_code() -> None:
    server = server_for(make_host(), osc=("127.0.0.1", 8741))
    text = rendered(help_panel(server, "en"))
    assert "http://127.0.0.1:8740/control" in text
    assert "udp 127.0.0.1:8741" in text
    assert "█" not in text


def test_help_panel_with_tokens_shows_the_control_address_as_a_qr_code() -> None:
    server = server_for(make_host(), tokens=True)
    text = rendered(help_panel(server, "zh"))
    assert f"control?token={server.gate.control}" in text
    assert "扫码" in text
    assert "█" in text


def test_qr_code_is_square_and_has_finder_patterns() -> None:
    lines = qr_text("http://127.0.0.1:8740/control?token=abc").plain.splitlines()
    width = len(lines[0])
    assert all(len(line) == width for line in lines)
    assert abs(len(lines) * 2 - width) <= 1  # two modules per character row
    assert " ▄▄▄▄▄ " in lines[1]  # the top edge of a finder pattern (dark = blank)
