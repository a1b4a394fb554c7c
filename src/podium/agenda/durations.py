"""Durations (`90`, `1m30s`, `1:30`, `2分钟` …) and clock times (`09:00`) as agendas write them."""

from __future__ import annotations

import re
import unicodedata

from podium.i18n import N_, _

MAX_DURATION_S = 24 * 3600
MAX_DIGITS = 9
"""A number in a duration or clock time longer than this is refused as far too large before
it is converted (a 5,000-digit number must not reach int())."""

DURATION_EXAMPLE = N_("90s, 2m, 1m30s, 1:30 or 2分钟")
CLOCK_EXAMPLE = N_("09:00 or 13:30:00")

# Digits are ASCII here: every other decimal digit is converted first (`ascii_digits`).
HOUR_WORDS = ("h", "hr", "hrs", "小时", "个小时", "時間")
MINUTE_WORDS = ("m", "min", "mins", "分钟", "分鐘", "分")
SECOND_WORDS = ("s", "sec", "secs", "秒钟", "秒鐘", "秒")
"""The unit words of a duration (Latin ones in any case). The JSON Schema's pattern is built
from the same words (`podium.agenda.schema`)."""


def unit_words(words: tuple[str, ...]) -> str:
    """A regular expression group matching any of `words`, Latin letters in either case, without
    regex flags (so the JSON Schema can use it too, and `ſ` is not an `s` as IGNORECASE has it)."""

    def any_case(word: str) -> str:
        return "".join(
            f"[{c.lower()}{c.upper()}]" if c.isascii() and c.isalpha() else re.escape(c)
            for c in word
        )

    return "(?:" + "|".join(any_case(w) for w in sorted(words, key=len, reverse=True)) + ")"


_UNITS = re.compile(
    rf"(?:(?P<h>[0-9]+)\s*{unit_words(HOUR_WORDS)})?\s*"
    rf"(?:(?P<m>[0-9]+)\s*{unit_words(MINUTE_WORDS)})?\s*"
    rf"(?:(?P<s>[0-9]+)\s*{unit_words(SECOND_WORDS)})?"
)
_COLON = re.compile(r"(?:(?P<h>[0-9]+):(?P<hm>[0-5][0-9])|(?P<m>[0-9]+)):(?P<s>[0-5][0-9])")
_CLOCK = re.compile(r"(?P<h>[01]?[0-9]|2[0-3]):(?P<m>[0-5][0-9])(?::(?P<s>[0-5][0-9]))?")
_TOO_LONG = re.compile(f"[0-9]{{{MAX_DIGITS + 1},}}")


def ascii_digits(text: str) -> str:
    """`text` with every decimal digit of any script (full-width ２, Devanagari २, Arabic-Indic
    ٢ …) written as its ASCII digit: the one rule for numbers in durations, clock times and
    whole numbers."""
    if text.isascii():
        return text
    return "".join(str(unicodedata.decimal(c)) if c.isdecimal() else c for c in text)


def too_long(digits: str) -> bool:
    """True when an ASCII-digit text holds a number of more than MAX_DIGITS digits."""
    return len(digits) > MAX_DIGITS and _TOO_LONG.search(digits) is not None


def quoted(raw: str, limit: int = 40) -> str:
    """A value as messages quote it: repr, cut to `limit` characters."""
    if len(raw) > limit:
        raw = raw[: limit - 1] + "…"
    return repr(raw)


def parse_duration(text: str) -> int:
    """Seconds in a duration such as `90`, `90s`, `1h15m`, `1:30`, `1:02:03` or `1小时30分`."""
    raw = text.strip()
    if too_long(ascii_digits(raw)):
        raise ValueError(
            _(
                "bad duration {raw}: the number is far too large; a duration must be at "
                "most 24 hours (24h)"
            ).format(raw=quoted(raw))
        )
    seconds = duration_seconds(raw)
    if seconds is None:
        raise ValueError(
            _("bad duration {raw}: expected a duration such as {example}").format(
                raw=quoted(raw), example=_(DURATION_EXAMPLE)
            )
        )
    if seconds <= 0:
        raise ValueError(
            _("bad duration {raw}: a duration must be more than zero, such as 30s").format(
                raw=quoted(raw)
            )
        )
    if seconds > MAX_DURATION_S:
        raise ValueError(
            _("bad duration {raw}: a duration must be at most 24 hours (24h)").format(
                raw=quoted(raw)
            )
        )
    return seconds


def duration_seconds(text: str) -> int | None:
    """Seconds in `text` if it is written as a duration (any size, zero included), else None."""
    raw = ascii_digits(text.strip())
    if too_long(raw):
        return None
    if raw.isascii() and raw.isdigit():
        return int(raw)
    match = _COLON.fullmatch(raw)
    if match:
        if match["h"] is not None:
            return int(match["h"]) * 3600 + int(match["hm"]) * 60 + int(match["s"])
        return int(match["m"]) * 60 + int(match["s"])
    match = _UNITS.fullmatch(raw)
    if match and raw and any(match.group(g) is not None for g in "hms"):
        h, m, s = (int(match.group(g) or 0) for g in "hms")
        return h * 3600 + m * 60 + s
    return None


def parse_clock(text: str) -> int:
    """Seconds after midnight of a 24-hour clock time `HH:MM` or `HH:MM:SS`."""
    raw = text.strip()
    digits = ascii_digits(raw)
    match = _CLOCK.fullmatch(digits) if digits.isascii() and len(digits) <= 8 else None
    if match is None:
        raise ValueError(
            _("bad clock time {raw}: expected a 24-hour time such as {example}").format(
                raw=quoted(raw), example=_(CLOCK_EXAMPLE)
            )
        )
    return int(match["h"]) * 3600 + int(match["m"]) * 60 + int(match["s"] or 0)


def format_duration(seconds: float) -> str:
    """`m:ss`, or `h:mm:ss` from an hour on; negative values get a leading `-`.

    Fractions of a second are dropped (a countdown showing 0:59 has 59.x seconds left).
    """
    sign = "-" if seconds < 0 else ""
    whole = int(abs(seconds))
    h, rest = divmod(whole, 3600)
    m, s = divmod(rest, 60)
    if h:
        return f"{sign}{h}:{m:02d}:{s:02d}"
    return f"{sign}{m}:{s:02d}"
