"""The rules of who may do what, on their own: addresses, tokens, lockout, origins."""

from __future__ import annotations

import pytest

from podium.remote.security import (
    LOCKOUT_AFTER,
    Access,
    Gate,
    Refused,
    host_header_allowed,
    is_loopback,
    parse_cidrs,
    parse_listen,
    same_origin,
    sender_allowed,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("8740", ("127.0.0.1", 8740)),
        ("0.0.0.0:9000", ("0.0.0.0", 9000)),
        ("[::1]:8740", ("::1", 8740)),
        ("localhost:81", ("localhost", 81)),
        ("127.0.0.1:0", ("127.0.0.1", 0)),
    ],
)
def test_listen_addresses(text: str, expected: tuple[str, int]) -> None:
    assert parse_listen(text, 8740, "--serve") == expected


@pytest.mark.parametrize("text", ["", "abc:def", "1.2.3.4:99999", ":80", "::1:80", "[::1"])
def test_bad_listen_addresses_name_the_option(text: str) -> None:
    with pytest.raises(ValueError, match="--serve"):
        parse_listen(text, 8740, "--serve")


def test_loopback() -> None:
    assert all(map(is_loopback, ["127.0.0.1", "127.9.9.9", "::1", "[::1]", "localhost"]))
    assert not any(map(is_loopback, ["0.0.0.0", "::", "192.168.1.20", "example.org"]))
    assert is_loopback("::ffff:127.0.0.1")


def test_tokens_are_on_exactly_beyond_loopback() -> None:
    assert not Gate.for_listening("127.0.0.1").tokens_on
    assert not Gate.for_listening("::1").tokens_on
    gate = Gate.for_listening("0.0.0.0")
    assert gate.tokens_on and gate.view != gate.control
    assert len(gate.control or "") >= 20
    assert Gate.for_listening("0.0.0.0").control != gate.control  # new each run


def test_without_tokens_everyone_may_command() -> None:
    assert Gate().check("127.0.0.1", None) is Access.CONTROL


def test_view_and_control_tokens() -> None:
    gate = Gate("v-token", "c-token")
    assert gate.check("10.0.0.5", "c-token") is Access.CONTROL
    assert gate.check("10.0.0.5", "v-token") is Access.VIEW
    with pytest.raises(Refused) as missing:
        gate.check("10.0.0.5", None)
    assert missing.value.status == 401
    with pytest.raises(Refused) as wrong:
        gate.check("10.0.0.5", "c-tokem")
    assert wrong.value.status == 401


def test_what_a_held_cookie_gives_is_looked_up_without_a_strike() -> None:
    gate = Gate("v-token", "c-token")
    assert gate.access_of("c-token") is Access.CONTROL
    assert gate.access_of("v-token") is Access.VIEW
    for _ in range(20):
        assert gate.access_of("stale") is None
    assert gate.access_of(None) is None
    assert gate.check("10.0.0.5", "c-token") is Access.CONTROL  # no lockout from the look-ups
    assert Gate().access_of(None) is Access.CONTROL


def test_ten_wrong_tokens_lock_an_address_out_for_a_minute() -> None:
    now = [100.0]
    gate = Gate("v", "c", clock=lambda: now[0])
    for _ in range(LOCKOUT_AFTER):
        with pytest.raises(Refused) as refused:
            gate.check("10.0.0.9", "guess")
        assert refused.value.status == 401
    with pytest.raises(Refused) as locked:
        gate.check("10.0.0.9", "c")  # the right token included
    assert locked.value.status == 429
    assert gate.check("10.0.0.8", "c") is Access.CONTROL  # other addresses are not punished
    now[0] += 59
    with pytest.raises(Refused):
        gate.check("10.0.0.9", "c")
    now[0] += 2
    assert gate.check("10.0.0.9", "c") is Access.CONTROL
    with pytest.raises(Refused) as again:
        gate.check("10.0.0.9", "guess")
    assert again.value.status == 401  # the count started over


def test_right_tokens_do_not_reset_the_count() -> None:
    """A view token in between must not let its holder keep guessing the control token."""
    gate = Gate("v", "c")
    for _ in range(LOCKOUT_AFTER - 1):
        with pytest.raises(Refused):
            gate.check("10.0.0.9", "guess")
        gate.check("10.0.0.9", "v")
    with pytest.raises(Refused):
        gate.check("10.0.0.9", "guess")
    with pytest.raises(Refused) as locked:
        gate.check("10.0.0.9", "v")
    assert locked.value.status == 429


def test_origins() -> None:
    assert same_origin("http://127.0.0.1:8740", "127.0.0.1:8740")
    assert not same_origin("http://evil.example", "127.0.0.1:8740")
    assert not same_origin("http://127.0.0.1:9999", "127.0.0.1:8740")
    assert not same_origin("null", "127.0.0.1:8740")


def test_host_header_without_tokens_must_be_loopback() -> None:
    assert host_header_allowed("127.0.0.1:8740", "127.0.0.1")
    assert host_header_allowed("localhost:8740", "127.0.0.1")
    assert host_header_allowed("[::1]:8740", "::1")
    assert not host_header_allowed("rebind.example:8740", "127.0.0.1")


def test_osc_senders() -> None:
    nets = parse_cidrs(["192.168.1.0/24", "10.0.0.7"])
    assert sender_allowed("127.0.0.1", ())
    assert not sender_allowed("192.168.1.20", ())
    assert sender_allowed("192.168.1.20", nets)
    assert sender_allowed("10.0.0.7", nets)
    assert not sender_allowed("10.0.0.8", nets)
    with pytest.raises(ValueError, match="--osc-allow"):
        parse_cidrs(["not-a-net"])
