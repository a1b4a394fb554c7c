"""What the podium screen says about remote control: the status line's remote part (viewers,
the last remote command and where it came from, or why the views are down) and the help
screen's addresses with a QR code for phones when tokens are on.

Imported only when the podium serves (`podium run --serve`/`--osc`); segno only when the help
screen is opened.
"""

from __future__ import annotations

from typing import Any

from rich.console import Group, RenderableType
from rich.text import Text

from podium.i18n import NP_, for_language

ACTIVITY_S = 4.0
"""How long the status line names the last remote command."""

_LABELS = {
    "viewers": NP_("remote.viewers", "Remote: {n} viewing"),
    "down": NP_("remote.down", "REMOTE VIEWS DOWN: {reason}"),
    "activity": NP_("remote.activity", "{command} · {via}"),
    "title": NP_("remote.help.title", "Remote views"),
    "view": NP_("remote.help.view", "View"),
    "control": NP_("remote.help.control", "Control"),
    "osc": NP_("remote.help.osc", "OSC"),
    "scan": NP_("remote.help.scan", "Scan for the control page (keep it private):"),
}


def label(key: str, lang: str, **fields: object) -> str:
    context, message = _LABELS[key]
    return for_language(lang).pgettext(context, message).format(**fields)


def status_text(server: Any, lang: str) -> tuple[str, bool]:
    """(the remote part of the status line, whether it is an alarm): how many are viewing, or
    why the remote views are down. (The last remote command is a brief notice of its own.)"""
    if server.problem:
        return label("down", lang, reason=server.problem), True
    return label("viewers", lang, n=len(server.viewers)), False


def help_panel(server: Any, lang: str) -> RenderableType:
    """The addresses of the views (and a QR code of the control page when tokens are on)."""
    parts: list[RenderableType] = [Text(label("title", lang), style="bold")]
    urls = server.urls()
    if urls:
        # each address on a line of its own (folded, never cut, if the box is narrow)
        parts.append(Text(f"{label('view', lang)}:"))
        parts.append(Text(f"  {urls['view']}", overflow="fold"))
        parts.append(Text(f"{label('control', lang)}:"))
        parts.append(Text(f"  {urls['control']}", overflow="fold"))
    if server.osc_address is not None:
        host, port = server.osc_address
        parts.append(Text(f"{label('osc', lang)}:     udp {host}:{port}"))
    if urls and server.gate.tokens_on:
        parts.append(Text(label("scan", lang)))
        parts.append(qr_text(urls["control"]))
    return Group(*parts)


def qr_text(data: str) -> Text:
    """A QR code drawn with half blocks (two modules per character cell, dark on light)."""
    import segno

    rows = [list(row) for row in segno.make(data, error="m").matrix_iter(border=2)]
    if len(rows) % 2:
        rows.append([0] * len(rows[0]))
    lines = []
    for top, bottom in zip(rows[::2], rows[1::2], strict=True):
        line = []
        for upper, lower in zip(top, bottom, strict=True):
            # light modules are drawn, dark ones are the (black) background: a phone reads
            # the code as dark-on-light with the terminal's colours set below
            line.append({(0, 0): "█", (0, 1): "▀", (1, 0): "▄", (1, 1): " "}[(upper, lower)])
        lines.append("".join(line))
    return Text("\n".join(lines), style="white on black", no_wrap=True)
