"""`podium run … --serve [HOST:]PORT --osc [HOST:]PORT --osc-allow CIDR`: the remote server's
ports taken before the screen opens, then served from the screen's own event loop.

Imported only when one of those options is given, so a plain `podium run` never loads the
server (tests/unit/test_import_hygiene.py proves it).
"""

from __future__ import annotations

import argparse
import asyncio
import contextvars
import sys
from typing import Any

from podium.cli import UsageError
from podium.i18n import _, os_error_reason


def bind(args: argparse.Namespace) -> Any:
    """The remote server with its ports taken (not serving yet); UsageError says why not."""
    from podium.remote.security import (
        DEFAULT_HTTP_PORT,
        DEFAULT_OSC_PORT,
        parse_cidrs,
        parse_listen,
    )

    if args.osc_allow and not args.osc:
        raise UsageError(_("--osc-allow needs --osc [HOST:]PORT (OSC is off without it)"))
    try:
        http = parse_listen(args.serve, DEFAULT_HTTP_PORT, "--serve") if args.serve else None
        osc = parse_listen(args.osc, DEFAULT_OSC_PORT, "--osc") if args.osc else None
        allowed = parse_cidrs(args.osc_allow)
    except ValueError as exc:
        raise UsageError(str(exc)) from None
    try:
        from podium.remote.server import BindError, RemoteServer
    except ImportError as exc:
        raise UsageError(
            _("remote control needs {module} (pip install podium installs it)").format(
                module=exc.name or "aiohttp"
            )
        ) from None
    server = RemoteServer(None, http=http, osc=osc, osc_allow=allowed)
    try:
        server.bind()
    except BindError as exc:
        raise UsageError(str(exc)) from None
    return server


def attach(server: Any, app: Any) -> None:
    """Serve `app`'s Host; say on stderr where the views are (before the screen opens)."""
    server.attach(app.host)
    server.announce(sys.stderr)
    sys.stderr.flush()
    app.remote = server


def run_app(app: Any, server: Any) -> Any:
    """Run the screen with the server in the same event loop; the app's return value."""
    loop = asyncio.new_event_loop()
    # The server's callbacks (HTTP handlers, OSC datagrams, its tick) change the Host, whose
    # change events paint the screen: they must run in the app's context, as Textual's own
    # tasks do, or a widget mounted from them (the blank view of a remote `blank`) cannot find
    # its app and the screen crashes. Every task and reader the server makes inherits this.
    context = contextvars.copy_context()
    context.run(_make_active, app)
    try:
        try:
            loop.run_until_complete(loop.create_task(server.start(), context=context))
        except OSError as exc:
            server.close_sockets()
            raise UsageError(
                _("the remote server could not start: {reason}").format(reason=os_error_reason(exc))
            ) from None
        try:
            return app.run(loop=loop)
        finally:
            loop.run_until_complete(server.stop())
    finally:
        loop.close()


def _make_active(app: Any) -> None:
    from textual._context import active_app

    active_app.set(app)
