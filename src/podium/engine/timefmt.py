"""How podium writes durations, countdowns and behind/ahead, the same on screen and in reports.

Whole seconds only. A countdown rounds up (it shows `0:01` until the time is out, then
`+0:00`), elapsed time and overtime round down, so every shown value changes exactly at the
second its phase does.
"""

from __future__ import annotations

import datetime as dt
import math

from podium.agenda.durations import format_duration


def rounded_text(seconds: float) -> str:
    """`m:ss` (or `h:mm:ss` from an hour) of a non-negative duration, rounded to the second."""
    return _clock(whole_seconds(abs(seconds)))


def signed_text(seconds: float) -> str:
    """A signed difference: `+0:11`, `-0:05`, `0:00`."""
    s = whole_seconds(seconds)
    if s == 0:
        return "0:00"
    return ("+" if s > 0 else "-") + _clock(abs(s))


def elapsed_text(seconds: float) -> str:
    """A running timer: whole seconds elapsed (rounded down)."""
    return _clock(max(0, math.floor(seconds + 1e-9)))


def countdown_text(remaining_s: float) -> str:
    """A countdown: `4:59` while time is left (rounded up), `+1:12` once it is out."""
    if remaining_s > 0:
        return _clock(math.ceil(remaining_s - 1e-9))
    return "+" + _clock(math.floor(-remaining_s + 1e-9))


def whole_seconds(seconds: float) -> int:
    """Half a second and up rounds away from zero (so +0.5 and -0.5 stay symmetric)."""
    return int(math.copysign(math.floor(abs(seconds) + 0.5), seconds))


_clock = format_duration


def projected_text(moment: dt.datetime, now: dt.datetime) -> str:
    """A projected time (`End 19:39`): `HH:MM` on today's date; with the date when it falls on
    another day (`12-15 19:39`, or `2027-01-04 19:39` in another year), so that an estimate
    of days never reads as a time today."""
    if moment.date() == now.date():
        return moment.strftime("%H:%M")
    if moment.year == now.year:
        return moment.strftime("%m-%d %H:%M")
    return moment.strftime("%Y-%m-%d %H:%M")
