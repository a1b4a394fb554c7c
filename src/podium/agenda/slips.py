"""The organiser's common slips, answered with what to type instead: a full-width colon `：`
after a key (the commonest input-method slip), a full-width space or a tab in the
indentation, several names in one recipients text, a bare number of seconds meant as
minutes."""

from __future__ import annotations

from podium.agenda.positions import Positions
from podium.i18n import _
from podium.lazyre import lazy

FULLWIDTH_COLON = "："
FULLWIDTH_SPACE = "\u3000"

# A key written with a full-width colon: a word without spaces, then `：`.
_COLON_KEY = lazy(r"[ \t]*([^\s:：#'\"\[\]{},&*!|>%@`-][^\s:：]{0,39})[ \t]*：")
# A line's indentation: ASCII spaces (and list dashes), then what breaks it.
_INDENT = lazy(r"(?:[ ]|-(?=[ \t\u3000]))*([\u3000\t])")
_LINE_KEY = lazy(r"((?:[ ]*-[ ]+)*)")

NAME_SEPARATORS = ("、", "，", ",", ";", "；")
"""What separates names in one text: 赵一、钱二 or A, B; B."""
LIST_SEPARATORS = ("、", "，", "；")
"""Separators that never belong inside one name (a list entry `Smith, John` is one name)."""


def colon_slip(text: str) -> tuple[int, str] | None:
    """(offset of `：`, the key) when `text` starts with a key followed by a full-width colon."""
    if FULLWIDTH_COLON not in text:
        return None
    m = _COLON_KEY.match(text)
    if m is None:
        return None
    return m.end() - 1, m.group(1)


def colon_message(key: str) -> str:
    return _(
        "full-width colon '：' after '{key}': YAML needs an ASCII colon and a space ('{key}: …')"
    ).format(key=key)


def indent_message(char: str) -> str:
    if char == "\t":
        return _("a tab in the indentation: YAML indents with ASCII spaces only")
    return _("a full-width space (U+3000) in the indentation: indent with ASCII spaces only")


def syntax_slip(text: str, positions: Positions, first: int, last: int) -> tuple[int, str] | None:
    """The first slip on lines `first`..`last` (1-based) of `text` that explains a YAML syntax
    error there: (character index, message)."""
    for line in range(max(1, first), last + 1):
        begin = _line_start(positions, line)
        if begin is None:
            break
        end = text.find("\n", begin)
        row = text[begin : end if end >= 0 else len(text)]
        indent = _INDENT.match(row)
        if indent is not None:
            return begin + indent.start(1), indent_message(indent.group(1))
        lead = _LINE_KEY.match(row)
        at = lead.end() if lead else 0
        slip = colon_slip(row[at:])
        if slip is not None:
            return begin + at + slip[0], colon_message(slip[1])
    return None


def _line_start(positions: Positions, line: int) -> int | None:
    starts = positions.line_starts()
    return starts[line - 1] if line <= len(starts) else None


def separated_names(text: str, separators: tuple[str, ...] = NAME_SEPARATORS) -> str | None:
    """The separator when one recipients text holds several names (`赵一、钱二、孙三`)."""
    for sep in separators:
        if sep in text:
            parts = [p.strip() for p in text.split(sep)]
            if len(parts) > 1 and all(parts):
                return sep
    return None


def list_form(text: str, sep: str) -> str:
    names = [p.strip() for p in text.split(sep)]
    shown = ", ".join(names[:4]) + (", …" if len(names) > 4 else "")
    return f"[{shown}]"


def seconds_slip(raw: str, seconds: int) -> str | None:
    """The warning for a speech's or break's bare number under a minute (`duration: 20`)."""
    if not (raw.isdigit() and seconds < 60):
        return None
    return _("{raw} seconds? write {raw}m for minutes (or {raw}s to keep seconds)").format(raw=raw)
