"""Item numbers as a printed agenda writes them (一、二、三、 in Chinese, 1. 2. 3. otherwise),
and when a call-up lists its names, numbered in stage order."""

from __future__ import annotations

from typing import NamedTuple

from podium.agenda.model import Cue

_DIGITS = "零一二三四五六七八九"
_UNITS = ((1000, "千"), (100, "百"), (10, "十"))


def chinese_numeral(n: int) -> str:
    """`n` (1 to 9999) in Chinese numerals: 一, 十, 十一, 二十, 一百零五, 一千零一十.

    Larger numbers are written in digits (no agenda has ten thousand items)."""
    if not 1 <= n <= 9999:
        return str(n)
    out = ""
    rest = n
    zero = False
    for value, unit in _UNITS:
        digit, rest = divmod(rest, value)
        if digit:
            if zero:
                out += "零"
                zero = False
            # 十一, not 一十一, when ten is the leading unit
            out += ("" if value == 10 and not out and digit == 1 else _DIGITS[digit]) + unit
        elif out:
            zero = True
    if rest:
        out += ("零" if zero else "") + _DIGITS[rest]
    return out


def item_number(number: int, chinese: bool) -> str:
    """The mark before an item's title: `一、` for a Chinese meeting, `1.` otherwise."""
    return f"{chinese_numeral(number)}、" if chinese else f"{number}."


def names_listed(cue: Cue) -> bool:
    """A call-up lists its names, numbered in stage order, when there is more than one or
    any has a unit, a pronunciation or a note (one bare name is in the call already)."""
    return len(cue.names) > 1 or any(cue.units) or bool(cue.say) or any(cue.notes)


class Entry(NamedTuple):
    """One recipient of a call-up as every run sheet lists it: the name, its unit, how to
    say it (only when that differs from the name) and the host's note."""

    name: str
    unit: str | None
    say: str | None
    note: str | None


def entry(cue: Cue, index: int) -> Entry:
    """The `index`-th recipient of `cue` (the cue keeps names, units, say and notes side by
    side; units and notes may be shorter, say is all or nothing)."""
    name = cue.names[index]
    unit = cue.units[index] if index < len(cue.units) else None
    say = cue.say[index] if cue.say and index < len(cue.say) else None
    note = cue.notes[index] if index < len(cue.notes) else None
    return Entry(name, unit or None, say if say != name else None, note or None)
