"""OSC over UDP: `/podium/<command id> [args…]` runs a command, `/podium/state` asks for the
state; every datagram that names something is answered to its sender as
`/podium/reply/<id>` with one JSON string. Anything else is dropped without a word.

Decoding and encoding are python-osc's; the endpoint is our own small asyncio protocol, so a
sender outside the allowed networks or a malformed datagram can never reach the Host.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from typing import Any

from pythonosc.osc_message_builder import OscMessageBuilder
from pythonosc.osc_packet import OscPacket

PREFIX = "/podium/"
REPLY = "/podium/reply/"
MAX_DATAGRAM = 16 * 1024
MAX_REPLY = 8 * 1024
"""A reply is one datagram of at most this many bytes, which every OSC library reads whole."""

Handler = Callable[[str, list[Any], str], dict[str, Any] | None]
"""(command id or "state", the message's values, the sender's address) -> the reply's JSON."""


class OscEndpoint(asyncio.DatagramProtocol):
    """Answers OSC datagrams through `handle`; never raises into the event loop."""

    def __init__(self, handle: Handler) -> None:
        self.handle = handle
        self.transport: asyncio.DatagramTransport | None = None
        self.dropped = 0
        """Datagrams dropped as malformed, oversized or not ours (for tests and the status)."""

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport  # type: ignore[assignment]

    def datagram_received(self, data: bytes, addr: tuple[Any, ...]) -> None:
        try:
            self._received(data, addr)
        except Exception:
            self.dropped += 1

    def error_received(self, exc: Exception) -> None:
        """An ICMP error for an earlier reply (the sender went away): nothing to do."""

    def _received(self, data: bytes, addr: tuple[Any, ...]) -> None:
        if len(data) > MAX_DATAGRAM or not data.startswith((b"/", b"#bundle")):
            self.dropped += 1
            return
        try:
            packet = OscPacket(data)
        except Exception:  # python-osc's ParseError, or worse on hostile bytes
            self.dropped += 1
            return
        for timed in packet.messages[:32]:
            message = timed.message
            address = message.address
            if not isinstance(address, str) or not address.startswith(PREFIX):
                self.dropped += 1
                continue
            name = address[len(PREFIX) :]
            if not name or "/" in name or len(name) > 64:
                self.dropped += 1
                continue
            reply = self.handle(name, list(message.params), str(addr[0]))
            if reply is not None and self.transport is not None:
                self.transport.sendto(encode_reply(name, reply), addr)


def encode_reply(name: str, body: dict[str, Any]) -> bytes:
    """`/podium/reply/<name>` with one string argument: the JSON of `body`, cut to fit one
    datagram of at most MAX_REPLY bytes (see `fitted`)."""
    address = REPLY + name
    # the address and the type tag, each padded to 4 bytes, and the string's own padding
    room = MAX_REPLY - (len(address.encode()) // 4 + 1) * 4 - 4 - 4
    builder = OscMessageBuilder(address=address)
    builder.add_arg(_dumps(fitted(body, room)), "s")
    return bytes(builder.build().dgram)


def fitted(body: dict[str, Any], limit: int) -> dict[str, Any]:
    """`body`, or a copy whose JSON fits `limit` bytes: the largest text or list in it is
    halved (a text ends in "…") until it fits, and `"cut": true` says something was."""
    if len(_dumps(body).encode()) <= limit:
        return body
    cut: dict[str, Any] = {**body, "cut": True}
    sizes = {key: _entry_size(key, value) for key, value in cut.items()}
    while sum(sizes.values()) + 1 > limit:  # `{`, `"key":value,` each, `}` for the last comma
        shrinkable = [k for k, v in cut.items() if isinstance(v, str | list) and v]
        key = max(shrinkable, key=lambda k: sizes[k], default=None)
        if key is None:
            break
        value = cut[key]
        if isinstance(value, str):
            cut[key] = value[: len(value) // 2] + "…" if len(value) > 1 else ""
        else:
            cut[key] = value[: len(value) // 2]
        sizes[key] = _entry_size(key, cut[key])
    while len(_dumps(cut).encode()) > limit and len(cut) > 1:  # numbers only: drop some
        cut.pop(next(k for k in cut if k != "cut"))
    return cut


def _entry_size(key: str, value: Any) -> int:
    return len(_dumps(key).encode()) + len(_dumps(value).encode()) + 2


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def osc_args(params: list[Any], names: list[str]) -> dict[str, Any] | None:
    """OSC values as the command's arguments, in the order the command declares them; None when
    the message is a button's release (a single value 0 for a command without arguments)."""
    values = [p for p in params if not isinstance(p, bytes | bytearray)]
    if not names:
        if len(values) == 1 and isinstance(values[0], int | float) and values[0] == 0:
            return None
        return {}  # a button's press value (1, 1.0, "go") means only "press"
    args: dict[str, Any] = {}
    for name, value in zip(names, values, strict=False):
        if isinstance(value, bool):
            value = int(value)
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        args[name] = value if isinstance(value, str | int | float) else str(value)
    return args
