"""Who may do what: listening addresses, tokens, lockout, origins and OSC senders.

Pure Python (no server library), so the rules are unit-tested on their own. The rules are the
ones docs/remote.md describes: no token on loopback; everywhere else a view token (read) and
a control token (read and command), random for each run, compared in constant time; ten
wrong tokens from one address lock it out for a minute, the right token included.
"""

from __future__ import annotations

import hmac
import ipaddress
import secrets
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from urllib.parse import urlsplit

from podium.i18n import N_, _

DEFAULT_HOST = "127.0.0.1"
DEFAULT_HTTP_PORT = 8740
DEFAULT_OSC_PORT = 8741
LOCKOUT_AFTER = 10
LOCKOUT_S = 60.0
MAX_TRACKED_ADDRESSES = 4096
LOOPBACK_NAMES = frozenset({"localhost", "127.0.0.1", "::1", "[::1]"})

IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network


class Access(StrEnum):
    """What a request may do."""

    VIEW = "view"
    CONTROL = "control"


class Refused(Exception):
    """A request the rules refuse: the HTTP status and one sentence why (English: the API's
    JSON `error`; a refusal a person reads on a page is marked `N_()` and translated there)."""

    def __init__(self, status: int, reason: str) -> None:
        super().__init__(reason)
        self.status = status
        self.reason = reason


def parse_listen(text: str, default_port: int, option: str) -> tuple[str, int]:
    """`[HOST:]PORT` as `--serve`/`--osc` take it: `8740`, `0.0.0.0:8740`, `[::1]:8740`.

    Raises ValueError with a one-line reason that names the option.
    """
    raw = text.strip()
    host, port_text = DEFAULT_HOST, raw
    if raw.startswith("["):
        end = raw.find("]")
        if end < 0 or (end + 1 < len(raw) and raw[end + 1] != ":"):
            raise ValueError(
                _("{option} {text}: write an IPv6 address as [::1]:{port}").format(
                    option=option, text=text, port=default_port
                )
            )
        host, port_text = raw[1:end], raw[end + 2 :] if end + 1 < len(raw) else str(default_port)
    elif ":" in raw:
        host, _colon, port_text = raw.rpartition(":")
        if ":" in host:
            raise ValueError(
                _("{option} {text}: write an IPv6 address as [::1]:{port}").format(
                    option=option, text=text, port=default_port
                )
            )
    elif not raw.isdigit():
        host, port_text = raw, str(default_port)
    if not host:
        raise ValueError(
            _("{option} {text}: the address before the port is empty").format(
                option=option, text=text
            )
        )
    if not port_text.isdigit() or not 0 <= int(port_text) <= 65535:
        raise ValueError(
            _("{option} {text}: the port must be a number from 1 to 65535").format(
                option=option, text=text
            )
        )
    return host, int(port_text)


def is_loopback(host: str) -> bool:
    """Whether a listening or peer address is this machine only (127.0.0.0/8, ::1, localhost)."""
    name = host.strip("[]").lower()
    if name == "localhost":
        return True
    try:
        address = ipaddress.ip_address(name.split("%")[0])
    except ValueError:
        return False
    mapped = getattr(address, "ipv4_mapped", None)
    return bool(address.is_loopback or (mapped is not None and mapped.is_loopback))


def parse_cidrs(values: Iterable[str]) -> tuple[IPNetwork, ...]:
    """`--osc-allow` values as networks (`192.168.1.0/24`, `10.0.0.7`); ValueError names one."""
    networks = []
    for value in values:
        try:
            networks.append(ipaddress.ip_network(value.strip(), strict=False))
        except ValueError:
            raise ValueError(
                _("--osc-allow {value}: not an address or network such as 192.168.1.0/24").format(
                    value=value
                )
            ) from None
    return tuple(networks)


def sender_allowed(address: str, allowed: tuple[IPNetwork, ...]) -> bool:
    """OSC: loopback senders always; others only inside a network `--osc-allow` named."""
    if is_loopback(address):
        return True
    try:
        ip = ipaddress.ip_address(address.split("%")[0])
    except ValueError:
        return False
    mapped = getattr(ip, "ipv4_mapped", None)
    if mapped is not None:
        ip = mapped
    return any(ip.version == net.version and ip in net for net in allowed)


@dataclass(slots=True)
class _Strikes:
    count: int = 0
    locked_until: float = 0.0


@dataclass
class Gate:
    """Tokens and lockout for one run of the server.

    `view` and `control` are None when tokens are off (loopback only): then everyone may
    command. Otherwise a request must present one of them.
    """

    view: str | None = None
    control: str | None = None
    clock: Callable[[], float] = time.monotonic
    _strikes: dict[str, _Strikes] = field(default_factory=dict)

    @classmethod
    def for_listening(cls, host: str, clock: Callable[[], float] = time.monotonic) -> Gate:
        """Tokens off on loopback; on anywhere else (new random tokens each run)."""
        if is_loopback(host):
            return cls(clock=clock)
        return cls(secrets.token_urlsafe(18), secrets.token_urlsafe(18), clock=clock)

    @property
    def tokens_on(self) -> bool:
        return self.control is not None

    def check(self, address: str, presented: str | None) -> Access:
        """What `address` may do with the token it presented; raises Refused (401/429)."""
        now = self.clock()
        strikes = self._strikes.get(address)
        if strikes is not None and strikes.locked_until > now:
            raise Refused(429, N_("too many wrong tokens from this address; try again in a minute"))
        if not self.tokens_on:
            return Access.CONTROL
        if not presented:
            raise Refused(401, N_("a token is needed: open the address podium printed at start"))
        given = presented.encode("utf-8", "replace")
        assert self.view is not None and self.control is not None
        # Both compared every time, in constant time, so timing tells nothing.
        is_control = hmac.compare_digest(given, self.control.encode())
        is_view = hmac.compare_digest(given, self.view.encode())
        if is_control:
            return Access.CONTROL
        if is_view:
            return Access.VIEW
        self._strike(address, now)
        raise Refused(401, N_("wrong token"))

    def access_of(self, presented: str | None) -> Access | None:
        """What a token gives, without counting a wrong one (for a cookie the browser already
        holds); None for no token or a wrong one. Constant time, like `check`."""
        if not self.tokens_on:
            return Access.CONTROL
        if not presented:
            return None
        given = presented.encode("utf-8", "replace")
        assert self.view is not None and self.control is not None
        is_control = hmac.compare_digest(given, self.control.encode())
        is_view = hmac.compare_digest(given, self.view.encode())
        return Access.CONTROL if is_control else Access.VIEW if is_view else None

    def _strike(self, address: str, now: float) -> None:
        if len(self._strikes) >= MAX_TRACKED_ADDRESSES:
            for key in [k for k, s in self._strikes.items() if s.locked_until <= now]:
                del self._strikes[key]
            if len(self._strikes) >= MAX_TRACKED_ADDRESSES:
                self._strikes.clear()
        strikes = self._strikes.setdefault(address, _Strikes())
        if strikes.locked_until and strikes.locked_until <= now:
            strikes.count, strikes.locked_until = 0, 0.0
        strikes.count += 1
        if strikes.count >= LOCKOUT_AFTER:
            strikes.locked_until = now + LOCKOUT_S


def same_origin(origin: str, host_header: str) -> bool:
    """Whether a browser's `Origin` names the server the request was sent to (`Host`)."""
    try:
        parts = urlsplit(origin)
    except ValueError:
        return False
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return False
    return parts.netloc.lower() == host_header.lower()


def host_header_allowed(host_header: str, listening_host: str) -> bool:
    """With tokens off, answer only requests addressed to a loopback name or the listening
    address, so a web page cannot reach the podium through a name it controls (DNS rebinding)."""
    name = host_header.strip().lower()
    if name.startswith("["):
        name = name[: name.find("]") + 1] if "]" in name else name
    else:
        name = name.rpartition(":")[0] if ":" in name else name
    return name in LOOPBACK_NAMES or name.strip("[]") == listening_host.lower() or is_loopback(name)


def new_run_id() -> str:
    """A public id for this run, naming its cookie (a stale cookie of an earlier run is ignored
    instead of counting as a wrong token)."""
    return secrets.token_hex(4)
