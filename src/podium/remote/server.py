"""The remote server: HTTP API, WebSocket state push, the browser views and OSC, all in the
podium's own event loop, calling the Host directly.

`bind()` takes the ports before the screen opens (so a port in use is refused with one
sentence); `start()` then serves them from the running loop (aiohttp's AppRunner and a
SockSite, which touch no signal handlers); `stop()` closes everything. A failure while the
meeting runs never reaches the Host: `problem` says what is down, for the status line.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import socket
import struct
import time
from collections.abc import Callable, Mapping
from importlib import resources
from typing import Any, TextIO
from urllib.parse import quote

from aiohttp import WSMsgType, web

from podium.host.snapshot import run_sheet, snapshot
from podium.i18n import _, os_error_reason, pgettext
from podium.remote import osc as osc_protocol
from podium.remote.api import Answer, command_list, run_command
from podium.remote.security import (
    Access,
    Gate,
    IPNetwork,
    Refused,
    host_header_allowed,
    new_run_id,
    same_origin,
)

MAX_BODY = 16 * 1024
MAX_WS_MESSAGE = 16 * 1024
SEND_QUEUE = 16
"""Replies waiting for one viewer behind; one more and it is dropped."""
BEHIND_BYTES = 64 * 1024
"""Unsent bytes (beyond what the kernel took) that make a viewer "behind"."""
DROP_AFTER_S = 3.0
"""A viewer behind for this long has stopped reading: it is dropped."""
DRAIN_POLL_S = 0.05
SHEET_REFRESH_S = 5.0
POLL_MAX_AGE_S = 0.2
"""`GET /api/v1/state` may answer with an encoding of the same revision this old."""
SHEET_UNCHANGED = frozenset({"message", "message-clear", "blank", "tts-toggle", "tts-repeat",
                             "tts-stop", "end-cancel"})  # fmt: skip
"""Commands after which the run sheet stays as it was (its times still move with the clock)."""
TICK_S = 1.0
"""The state is pushed at least this often, so a view notices a dead link within 3 s."""
TICK_CHECK_S = 0.25
"""How often the server looks whether the once-a-second state is due (a state pushed by a
change counts: 20 messages a second need no extra one)."""
OSC_DENIED_EVERY_S = 1.0
OSC_DENIED_TRACKED = 256
"""Senders answered `denied` within the last second, at most (more get no answer)."""
PAGES = {"/": "index.html", "/stage": "stage.html", "/backstage": "backstage.html",
         "/control": "control.html"}  # fmt: skip
ASSETS = {
    "podium.css": "text/css",
    "podium.js": "text/javascript",
    **{f"{page}.js": "text/javascript" for page in ("stage", "backstage", "control", "index")},
}
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
    "img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)
_QUIET_LOGGERS = ("aiohttp.access", "aiohttp.server", "aiohttp.web", "aiohttp.websocket",
                  "aiohttp.internal")  # fmt: skip


class BindError(Exception):
    """A port that cannot be taken; the message is one sentence naming it and the way out."""


class _Viewer:
    """One WebSocket client. Every state is written straight to its socket as the one frame
    encoded for all viewers; a viewer whose unsent bytes pass `BEHIND_BYTES` is behind: it
    keeps only the newest state (and its few replies) until its socket drains, and is dropped
    when it stays behind for `DROP_AFTER_S` or its replies pile up."""

    __slots__ = ("access", "address", "behind_since", "drainer", "pending", "replies",
                 "request", "transport", "ws")  # fmt: skip

    def __init__(self, ws: web.WebSocketResponse, request: web.Request, access: Access) -> None:
        self.ws = ws
        self.request = request
        self.access = access
        self.address = request.remote or "?"
        self.transport = request.transport
        self.pending: bytes | None = None
        """The newest state frame not yet written (a viewer behind skips the stale ones)."""
        self.replies: list[bytes] = []
        self.behind_since: float | None = None
        self.drainer: asyncio.Task[None] | None = None

    def send(self, frame: bytes, *, state: bool = True) -> bool:
        """Write `frame` now, or keep it for when the socket drains; False: drop this viewer."""
        transport = self.transport
        if transport is None or transport.is_closing() or self.ws.closed:
            return False
        if self.behind_since is None and transport.get_write_buffer_size() <= BEHIND_BYTES:
            transport.write(frame)
            return True
        now = time.monotonic()
        if self.behind_since is None:
            self.behind_since = now
        if state:
            self.pending = frame  # the newest state wins; the one it replaces is stale
        elif len(self.replies) >= SEND_QUEUE:
            return False
        else:
            self.replies.append(frame)
        if now - self.behind_since > DROP_AFTER_S:
            return False
        if self.drainer is None:
            self.drainer = asyncio.create_task(self._drain())
        return True

    def stalled(self) -> bool:
        """Behind for longer than a viewer may be (the server's tick asks)."""
        since = self.behind_since
        return since is not None and time.monotonic() - since > DROP_AFTER_S

    async def _drain(self) -> None:
        """Wait (polling: only viewers behind have a drainer) until the socket takes bytes
        again, then write the replies and the newest state."""
        transport = self.transport
        try:
            while transport is not None and not transport.is_closing():
                if transport.get_write_buffer_size() <= BEHIND_BYTES:
                    for reply in self.replies:
                        transport.write(reply)
                    self.replies.clear()
                    if self.pending is not None:
                        transport.write(self.pending)
                        self.pending = None
                    self.behind_since = None
                    return
                await asyncio.sleep(DRAIN_POLL_S)
        finally:
            self.drainer = None

    def drop(self) -> None:
        """Cut the connection at once; nobody waits for a viewer that stopped reading."""
        if self.drainer is not None:
            self.drainer.cancel()
        self.pending = None
        self.replies.clear()
        transport = self.request.transport
        if transport is not None:
            transport.abort()


def text_frame(payload: bytes) -> bytes:
    """One unmasked, uncompressed WebSocket text frame (RFC 6455 5.2), as a server sends it:
    encoded once per state and written to every viewer's socket as it is."""
    size = len(payload)
    if size < 126:
        header = struct.pack("!BB", 0x81, size)
    elif size < 65536:
        header = struct.pack("!BBH", 0x81, 126, size)
    else:
        header = struct.pack("!BBQ", 0x81, 127, size)
    return header + payload


class _Encoded:
    """One state, encoded once: the JSON text, its UTF-8 bytes (HTTP) and its frame (/ws)."""

    __slots__ = ("_frame", "body", "made", "rev", "text")

    def __init__(self, rev: int, made: float, text: str) -> None:
        self.rev = rev
        self.made = made
        self.text = text
        self.body = text.encode("utf-8")
        self._frame: bytes | None = None

    @property
    def frame(self) -> bytes:
        if self._frame is None:
            self._frame = text_frame(self.body)
        return self._frame


class RemoteServer:
    """HTTP/WebSocket (and optionally OSC) front-end of one Host."""

    def __init__(
        self,
        host: Any,
        *,
        http: tuple[str, int] | None,
        osc: tuple[str, int] | None = None,
        osc_allow: tuple[IPNetwork, ...] = (),
        commands: Mapping[str, Any] | None = None,
        lang: str | None = None,
        tokens: bool | None = None,
    ) -> None:
        """`tokens`: None turns them on exactly when `http` listens beyond loopback."""
        self.host = host
        self.commands: Mapping[str, Any] = commands if commands is not None else {}
        self.http_address = http
        self.osc_address = osc
        self.osc_allow = osc_allow
        self.lang = lang
        self.gate = Gate.for_listening(http[0] if http else "127.0.0.1")
        if tokens is not None and tokens != self.gate.tokens_on:
            self.gate = Gate.for_listening("0.0.0.0" if tokens else "127.0.0.1")
        self.run_id = new_run_id()
        self.cookie_name = f"podium-{self.run_id}"
        self.problem: str | None = None
        """None while serving; else why the remote views are down (for the status line)."""
        self.on_status: Callable[[], None] | None = None
        """Called when the number of viewers or `problem` changes."""
        self.viewers: set[_Viewer] = set()
        self.dropped_viewers = 0
        self.osc_endpoint: osc_protocol.OscEndpoint | None = None
        self.osc_clock: Callable[[], float] = time.monotonic
        self._osc_denied_at: dict[str, float] = {}
        self._http_sock: socket.socket | None = None
        self._osc_sock: socket.socket | None = None
        self._runner: web.AppRunner | None = None
        self._site: web.SockSite | None = None
        self._osc_transport: asyncio.DatagramTransport | None = None
        self._tick_task: asyncio.Task[None] | None = None
        self._unsubscribe: Callable[[], None] | None = None
        self._push_due = False
        self._pushed_at = 0.0
        self._state_cache: _Encoded | None = None
        self._sheet_rev = 0
        """Grows with every change that can move the run sheet (not a message or blank)."""
        self._sheet_cache: tuple[tuple[int, int], list[dict[str, Any]]] | None = None
        self._assets: dict[str, bytes] = {}

    # --- life cycle -----------------------------------------------------------------------
    def attach(self, host: Any, commands: Mapping[str, Any] | None = None) -> None:
        """Serve this Host (and its command table: podium.host.COMMANDS unless told)."""
        self.host = host
        if commands is not None:
            self.commands = commands
        elif not self.commands:
            from podium import host as host_module

            self.commands = getattr(host_module, "COMMANDS")  # noqa: B009 (lands with the Host)

    def bind(self) -> None:
        """Take the ports now (before the screen opens); BindError says which and what to do."""
        if self.http_address is not None:
            self._http_sock = _bind(self.http_address, socket.SOCK_STREAM, "--serve")
            self.http_address = (self.http_address[0], self._http_sock.getsockname()[1])
        if self.osc_address is not None:
            try:
                self._osc_sock = _bind(self.osc_address, socket.SOCK_DGRAM, "--osc")
            except BindError:
                self.close_sockets()
                raise
            self.osc_address = (self.osc_address[0], self._osc_sock.getsockname()[1])

    def close_sockets(self) -> None:
        for sock in (self._http_sock, self._osc_sock):
            if sock is not None:
                sock.close()

    async def start(self) -> None:
        """Serve the bound ports from the running loop."""
        if not self.commands:
            self.attach(self.host)
        if self._http_sock is None and self._osc_sock is None:
            self.bind()
        for name in _QUIET_LOGGERS:
            logger = logging.getLogger(name)
            logger.propagate = False
            if not logger.handlers:
                logger.addHandler(logging.NullHandler())
        loop = asyncio.get_running_loop()
        self._load_assets()
        if self._http_sock is not None:
            app = web.Application(client_max_size=MAX_BODY, middlewares=[self._guard])
            app.router.add_get("/api/v1/state", self._state)
            app.router.add_get("/api/v1/commands", self._commands)
            app.router.add_route("GET", "/api/v1/commands/{id}", self._command)
            app.router.add_route("POST", "/api/v1/commands/{id}", self._command)
            app.router.add_get("/ws", self._websocket)
            for path in PAGES:
                app.router.add_get(path, self._page)
            app.router.add_get("/static/{name}", self._asset)
            app.router.add_get("/favicon.ico", self._no_icon)
            self._runner = web.AppRunner(
                app,
                handle_signals=False,
                access_log=None,
                keepalive_timeout=15,
                max_line_size=8190,
                max_field_size=8190,
                max_headers=64,
                shutdown_timeout=1.0,
            )
            await self._runner.setup()
            self._site = web.SockSite(self._runner, self._http_sock)
            await self._site.start()
        if self._osc_sock is not None:
            endpoint = osc_protocol.OscEndpoint(self._osc_message)
            self.osc_endpoint = endpoint
            transport, _ = await loop.create_datagram_endpoint(
                lambda: endpoint, sock=self._osc_sock
            )
            self._osc_transport = transport
        self._unsubscribe = self.host.subscribe(self._on_change)
        self._tick_task = asyncio.create_task(self._tick())

    async def stop(self) -> None:
        """Close every connection and port (the meeting is over or the host quit)."""
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        if self._tick_task is not None:
            self._tick_task.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._tick_task
        for viewer in list(self.viewers):
            viewer.drop()
        self.viewers.clear()
        if self._osc_transport is not None:
            self._osc_transport.close()
        if self._runner is not None:
            with contextlib.suppress(Exception):
                await self._runner.cleanup()
        self.close_sockets()

    # --- what the podium screen and stderr show ------------------------------------------
    def urls(self) -> dict[str, str]:
        """The addresses to open: `view` (the run sheet) and `control`, tokens included."""
        if self.http_address is None:
            return {}
        base = f"http://{_url_host(self.http_address[0])}:{self.http_address[1]}"
        if not self.gate.tokens_on:
            return {"view": f"{base}/", "control": f"{base}/control"}
        view = quote(self.gate.view or "", safe="")
        control = quote(self.gate.control or "", safe="")
        return {"view": f"{base}/?token={view}", "control": f"{base}/control?token={control}"}

    def announce(self, out: TextIO) -> None:
        """Print where the views are (and the tokens) before the screen opens."""
        if self.http_address is not None:
            urls = self.urls()
            if self.gate.tokens_on:
                need = _(
                    "remote views need a token (listening beyond this machine); "
                    "keep the control address private"
                )
                print(f"podium: {need}", file=out)
            view, control = (
                pgettext("remote address", "view"),
                pgettext("remote address", "control"),
            )
            width = max(len(view), len(control))  # the two addresses aligned
            print(f"podium: {view.ljust(width)} {urls['view']}", file=out)
            print(f"podium: {control.ljust(width)} {urls['control']}", file=out)
        if self.osc_address is not None:
            host, port = self.osc_address
            where = f"{_url_host(host)}:{port}"
            if self.osc_allow:
                osc = _("OSC on udp {where} (senders: loopback and {allowed})").format(
                    where=where, allowed=", ".join(map(str, self.osc_allow))
                )
            else:
                osc = _("OSC on udp {where} (senders: loopback only)").format(where=where)
            print(f"podium: {osc}", file=out)

    # --- pushing the state ------------------------------------------------------------------
    def state_text(self, max_age_s: float = 0.0) -> str:
        """The state as JSON text (see `state_encoded`)."""
        return self.state_encoded(max_age_s).text

    def state_encoded(self, max_age_s: float = 0.0) -> _Encoded:
        """The state, encoded once for every viewer of a push and every poll. `max_age_s`: an
        encoding of the same revision at most that old will do (button panels poll often)."""
        now = time.monotonic()
        cached = self._state_cache
        if (
            cached is not None
            and cached.rev == self.host.revision
            and now - cached.made <= max_age_s
        ):
            return cached
        state = snapshot(self.host, sheet=False)
        # The run sheet is the costly part and changes only with a cue move, a pause or a new
        # plan, or as minutes pass (its times are HH:MM): rebuilt at most every few seconds
        # otherwise (a message to the stage does not rebuild it).
        bucket = (self._sheet_rev, int(now // SHEET_REFRESH_S))
        if self._sheet_cache is None or self._sheet_cache[0] != bucket:
            self._sheet_cache = (bucket, run_sheet(self.host))
        state["sheet"] = self._sheet_cache[1]
        if self.lang:
            state["lang"] = self.lang
        state["viewers"] = len(self.viewers)
        state["type"] = "state"
        text = json.dumps(state, ensure_ascii=False, separators=(",", ":"))
        encoded = _Encoded(self.host.revision, now, text)
        self._state_cache = encoded
        return encoded

    def _on_change(self, change: Any) -> None:
        if getattr(change, "command", None) not in SHEET_UNCHANGED:
            self._sheet_rev += 1
        if not self._push_due:
            self._push_due = True
            asyncio.get_running_loop().call_soon(self._push)

    def _push(self) -> None:
        """The same bytes to every viewer, written at once: no viewer waits for another."""
        self._push_due = False
        self._pushed_at = time.monotonic()
        try:
            frame = self.state_encoded().frame
        except Exception as exc:  # the meeting goes on; the views say they are stale
            self._set_problem(f"the state could not be built ({type(exc).__name__})")
            return
        for viewer in list(self.viewers):
            if not viewer.send(frame):
                self._drop(viewer)

    def _drop(self, viewer: _Viewer) -> None:
        if viewer in self.viewers:
            self.viewers.discard(viewer)
            self.dropped_viewers += 1
            viewer.drop()
            self._status_changed()

    async def _tick(self) -> None:
        while True:
            await asyncio.sleep(TICK_CHECK_S)
            try:
                self._check_health()
                for viewer in [v for v in self.viewers if v.stalled()]:
                    self._drop(viewer)
                # the once-a-second state, unless a change pushed a newer one meanwhile
                if self.viewers and time.monotonic() - self._pushed_at >= TICK_S - TICK_CHECK_S:
                    self._push()
            except Exception as exc:
                self._set_problem(f"{type(exc).__name__}: {exc}")

    def _check_health(self) -> None:
        server = getattr(self._site, "_server", None)
        if self._site is not None and (server is None or not server.is_serving()):
            self._set_problem("the web server stopped listening")

    def _set_problem(self, reason: str | None) -> None:
        if reason != self.problem:
            self.problem = reason
            self._status_changed()

    def _status_changed(self) -> None:
        if self.on_status is not None:
            with contextlib.suppress(Exception):
                self.on_status()

    # --- HTTP -----------------------------------------------------------------------------
    @web.middleware
    async def _guard(self, request: web.Request, handler: Any) -> web.StreamResponse:
        """Every request: Host and lockout rules, JSON errors, no tracebacks, safe headers."""
        response: web.StreamResponse
        try:
            if not self.gate.tokens_on and not host_header_allowed(
                request.host, self.http_address[0] if self.http_address else ""
            ):
                raise Refused(403, "this server answers only requests addressed to it")
            response = await handler(request)
        except Refused as refused:
            response = _json({"ok": False, "error": refused.reason}, refused.status)
        except web.HTTPException as exc:
            if exc.status == 101:
                raise
            response = _json({"ok": False, "error": exc.reason}, exc.status)
        except (asyncio.CancelledError, ConnectionError):
            raise
        except Exception as exc:
            response = _json({"ok": False, "error": f"internal error ({type(exc).__name__})"}, 500)
        if not response.prepared:
            headers = response.headers
            headers["X-Content-Type-Options"] = "nosniff"
            headers["Referrer-Policy"] = "no-referrer"
            headers["X-Frame-Options"] = "DENY"
            headers.setdefault("Cache-Control", "no-store")
        return response

    def _access(self, request: web.Request) -> tuple[Access, bool]:
        """What the request may do, and whether it presented its token in the query."""
        if not self.gate.tokens_on:  # loopback only: nothing to read (200 polls a second)
            return self.gate.check(request.remote or "?", None), False
        token, in_query = _presented(request, self.cookie_name)
        return self.gate.check(request.remote or "?", token), in_query

    def _remember(self, request: web.Request, response: web.StreamResponse, access: Access) -> None:
        """A token given once as `?token=` is kept in a cookie for this run (only when it is the
        token that was checked: a `?token=` beside an `Authorization` header is not). A view
        link never replaces the control token a browser already holds: the stronger one stays."""
        if not self.gate.tokens_on:
            return
        token, in_query = _presented(request, self.cookie_name)
        if not (token and in_query):
            return
        if access is Access.VIEW:
            held = self.gate.access_of(request.cookies.get(self.cookie_name))
            if held is Access.CONTROL:
                return
        response.set_cookie(self.cookie_name, token, httponly=True, samesite="Strict", path="/")

    async def _state(self, request: web.Request) -> web.StreamResponse:
        access, _ = self._access(request)
        response = web.Response(
            body=self.state_encoded(POLL_MAX_AGE_S).body,
            content_type="application/json",
            charset="utf-8",
        )
        self._remember(request, response, access)
        return response

    async def _commands(self, request: web.Request) -> web.StreamResponse:
        self._access(request)
        return _json({"ok": True, "commands": command_list(self.commands)})

    async def _command(self, request: web.Request) -> web.StreamResponse:
        access, _ = self._access(request)
        _refuse_cross_site(request)
        args: dict[str, Any] = {k: v for k, v in request.query.items() if k != "token"}
        if request.method == "POST" and request.can_read_body:
            args.update(await _body_args(request))
        answer: Answer = run_command(
            self.host,
            self.commands,
            request.match_info["id"],
            args,
            access=access,
            via=f"http {request.remote}",
        )
        response = _json(answer.body, answer.status)
        self._remember(request, response, access)
        return response

    async def _page(self, request: web.Request) -> web.StreamResponse:
        try:
            access, _ = self._access(request)
        except Refused as refused:  # a person reads this one: plain words, not JSON
            from podium.i18n import for_language

            tr = for_language(self.lang or str(snapshot_lang(self.host)))
            text = f"podium: {tr.gettext(refused.reason)}\n"
            return web.Response(text=text, status=refused.status)
        if "token" in request.query:
            # keep the token out of the address bar (and of the browser's history)
            response = web.Response(status=303, headers={"Location": request.path})
            self._remember(request, response, access)
            return response
        lang = self.lang or str(snapshot_lang(self.host))
        response = web.Response(
            body=self._page_body(PAGES[request.path], lang),
            content_type="text/html",
            charset="utf-8",
        )
        response.headers["Content-Security-Policy"] = CSP
        return response

    def _page_body(self, name: str, lang: str) -> bytes:
        """The page in `lang`: its `lang` attribute, and its labels from the catalogs."""
        key = f"{lang}:{name}"
        body = self._assets.get(key)
        if body is None:
            from podium.remote.labels import TITLES, labels_block, title_element

            html_lang = "zh-CN" if lang == "zh" else "en"
            body = self._assets[name].replace(
                b'<html lang="en">', f'<html lang="{html_lang}">'.encode(), 1
            )
            body = body.replace(b"</head>", labels_block(lang) + b"\n</head>", 1)
            if name in TITLES:
                english = f"<title>{TITLES[name][1]}</title>".encode()
                body = body.replace(english, title_element(name, lang), 1)
            self._assets[key] = body
        return body

    async def _asset(self, request: web.Request) -> web.StreamResponse:
        self._access(request)
        name = request.match_info["name"]
        if name not in ASSETS:
            raise Refused(404, "no such file")
        return web.Response(body=self._assets[name], content_type=ASSETS[name], charset="utf-8")

    async def _no_icon(self, request: web.Request) -> web.StreamResponse:
        return web.Response(status=204)

    def _load_assets(self) -> None:
        static = resources.files("podium.remote") / "static"
        for name in [*PAGES.values(), *ASSETS]:
            self._assets[name] = (static / name).read_bytes()

    # --- WebSocket ------------------------------------------------------------------------
    async def _websocket(self, request: web.Request) -> web.StreamResponse:
        access, _ = self._access(request)
        origin = request.headers.get("Origin")
        if origin is not None and not same_origin(origin, request.host):
            raise Refused(403, "a WebSocket from another site is refused")
        ws = web.WebSocketResponse(
            max_msg_size=MAX_WS_MESSAGE, compress=False, heartbeat=None, autoping=True
        )
        await ws.prepare(request)
        viewer = _Viewer(ws, request, access)
        self.viewers.add(viewer)
        self._status_changed()
        viewer.send(self.state_encoded().frame)
        try:
            async for message in ws:
                if message.type is WSMsgType.TEXT:
                    reply = self._ws_command(viewer, message.data)
                    if reply is not None and not viewer.send(
                        text_frame(reply.encode("utf-8")), state=False
                    ):
                        self._drop(viewer)
                        break
                elif message.type is WSMsgType.ERROR:
                    break
        except (asyncio.CancelledError, ConnectionError):
            pass
        finally:
            if viewer in self.viewers:
                self.viewers.discard(viewer)
                self._status_changed()
            if viewer.drainer is not None:
                viewer.drainer.cancel()
        return ws

    def _ws_command(self, viewer: _Viewer, data: str) -> str | None:
        """`{"command": "go", "args": {…}, "id": 7}` -> the reply, as JSON text."""
        try:
            request = json.loads(data)
        except (ValueError, RecursionError):  # RecursionError: `[[[[…` nested too deep
            request = None
        if not isinstance(request, dict) or not isinstance(request.get("command"), str):
            body: dict[str, Any] = {"ok": False, "error": 'send {"command": id, "args": {…}}'}
            return json.dumps({"type": "reply", "status": 400, **body})
        args = request.get("args") or {}
        if not isinstance(args, dict):
            args = {"": args}
        answer = run_command(
            self.host,
            self.commands,
            request["command"],
            args,
            access=viewer.access,
            via=f"ws {viewer.address}",
        )
        reply = {"type": "reply", "status": answer.status, **answer.body}
        if isinstance(request.get("id"), int | str):
            reply["id"] = request["id"]
        return json.dumps(reply, ensure_ascii=False)

    # --- OSC ------------------------------------------------------------------------------
    def _osc_denied(self, sender: str) -> dict[str, Any] | None:
        """The `denied` answer, at most once a second per sender and OSC_DENIED_TRACKED a
        second in all: a UDP sender's address can be forged, and podium must not become a
        loudspeaker aimed at someone else's address. Beyond that, silence."""
        now = self.osc_clock()
        denied = self._osc_denied_at
        last = denied.get(sender)
        if last is not None and now - last < OSC_DENIED_EVERY_S:
            return None
        if last is None and len(denied) >= OSC_DENIED_TRACKED:
            for key in [k for k, t in denied.items() if now - t >= OSC_DENIED_EVERY_S]:
                del denied[key]
            if len(denied) >= OSC_DENIED_TRACKED:
                return None
        denied[sender] = now
        return {"status": "denied", "outcome": None, "error": "sender not allowed"}

    def _osc_message(self, name: str, params: list[Any], sender: str) -> dict[str, Any] | None:
        from podium.remote.security import sender_allowed

        if not sender_allowed(sender, self.osc_allow):
            return self._osc_denied(sender)
        if name == "state":
            # without the run sheet (a long agenda's would not fit a datagram: HTTP has it);
            # osc.encode_reply cuts what still does not fit
            state: dict[str, Any] = json.loads(self.state_text())
            state.pop("sheet", None)
            return state
        spec = self.commands.get(name)
        if spec is None or not getattr(spec, "remote", False):
            return {"status": "error", "outcome": None, "error": f"no command {name!r}"}
        args = osc_protocol.osc_args(params, [arg.name for arg in spec.args])
        if args is None:
            return None  # a button's release
        answer = run_command(
            self.host, self.commands, name, args, access=Access.CONTROL, via=f"osc {sender}"
        )
        if answer.ok:
            return {"status": "ok", "outcome": answer.body["outcome"], "rev": answer.body["rev"]}
        return {"status": "error", "outcome": None, "error": answer.body.get("error", "")}


def snapshot_lang(host: Any) -> str:
    from podium.host.snapshot import view_language

    return view_language(getattr(host, "lang", None) or host.session.plan.agenda.meeting.language)


def _bind(address: tuple[str, int], kind: socket.SocketKind, option: str) -> socket.socket:
    host, port = address
    proto = "tcp" if kind is socket.SOCK_STREAM else "udp"
    try:
        infos = socket.getaddrinfo(host, port, type=kind, flags=socket.AI_PASSIVE)
    except socket.gaierror:
        raise BindError(
            _(
                "{option} {host}:{port}: {host} is not an address of this machine; "
                "use 127.0.0.1 or 0.0.0.0"
            ).format(option=option, host=host, port=port)
        ) from None
    family, sockaddr = infos[0][0], infos[0][4]
    sock = socket.socket(family, kind)
    try:
        if kind is socket.SOCK_STREAM:
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        if family == socket.AF_INET6:
            sock.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
        sock.bind(sockaddr)
        if kind is socket.SOCK_STREAM:
            sock.listen(128)
        sock.setblocking(False)
    except OSError as exc:
        sock.close()
        why = os_error_reason(exc)
        raise BindError(
            _(
                "cannot listen on {proto} port {port} of {host} ({why}); "
                "choose another port with {option} [HOST:]PORT or stop what uses it"
            ).format(proto=proto, port=port, host=host, why=why, option=option)
        ) from None
    return sock


def _url_host(host: str) -> str:
    if host in ("0.0.0.0", "::", ""):
        return _lan_address() or socket.gethostname()
    return f"[{host}]" if ":" in host else host


def _lan_address() -> str | None:
    """This machine's first non-loopback IPv4 address (for the URLs phones open)."""
    from podium.remote.security import is_loopback

    try:
        infos = socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)
    except OSError:
        return None
    for info in infos:
        address = str(info[4][0])
        if not is_loopback(address):
            return address
    return None


def _presented(request: web.Request, cookie: str) -> tuple[str | None, bool]:
    auth = request.headers.get("Authorization", "")
    if auth[:7].lower() == "bearer ":
        return auth[7:].strip(), False
    if "token" in request.query:
        return request.query["token"], True
    return request.cookies.get(cookie), False


def _refuse_cross_site(request: web.Request) -> None:
    """A command must not come from another site's page (a form post, an <img src>)."""
    origin = request.headers.get("Origin")
    if origin is not None and origin != "null" and not same_origin(origin, request.host):
        raise Refused(403, "a command from another site's page is refused")
    if origin == "null" or request.headers.get("Sec-Fetch-Site", "same-origin") not in (
        "same-origin",
        "none",
    ):
        raise Refused(403, "a command from another site's page is refused")


async def _body_args(request: web.Request) -> dict[str, Any]:
    if request.content_length is not None and request.content_length > MAX_BODY:
        raise Refused(413, f"the request body is larger than {MAX_BODY // 1024} KiB")
    raw = await request.read()
    if not raw.strip():
        return {}
    if request.content_type == "application/x-www-form-urlencoded":
        from urllib.parse import parse_qsl

        try:
            return dict(parse_qsl(raw.decode("utf-8"), strict_parsing=True))
        except ValueError:
            raise Refused(400, "the form body could not be read") from None
    try:
        body = json.loads(raw)
    except (ValueError, RecursionError):  # RecursionError: `[[[[…` nested too deep
        raise Refused(400, "the body is not JSON") from None
    if not isinstance(body, dict):
        raise Refused(400, 'the body must be a JSON object such as {"item": "speech"}')
    return body


def _json(body: dict[str, Any], status: int = 200) -> web.Response:
    return web.Response(
        text=json.dumps(body, ensure_ascii=False),
        status=status,
        content_type="application/json",
        charset="utf-8",
    )
