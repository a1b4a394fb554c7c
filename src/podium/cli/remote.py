"""`podium run … --serve [HOST:]PORT --osc [HOST:]PORT --osc-allow CIDR`: the remote server's
ports taken before the screen opens, then served from the screen's own event loop.

Imported only when one of those options is given, so a plain `podium run` never loads the
server (tests/unit/test_import_hygiene.py proves it).
"""

from __future__ import annotations

import argparse
import asyncio
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
    try:
        try:
            loop.run_until_complete(server.start())
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
