"""`{key}` placeholders in agenda texts: a small scanner that substitutes and never evaluates."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from podium.i18n import _
from podium.lazyre import lazy

_MASKED = lazy(r"[*＊×]{2,}|(?<![A-Za-z])X{3,}(?![A-Za-z])")
_STANDIN = lazy(
    r"[\[［][^\[\]［］\n]{0,40}?\b[Nn](?:ame|AME)[Ss]?\b[^\[\]［］\n]{0,40}[\]］]"
    r"|[【［\[][^【】［］\[\]\n]{0,20}?(?:姓名|名字|名单|人名|某某)[^【】［］\[\]\n]{0,20}[】］\]]"
)
"""A bracketed stand-in for a name: `[Name]`, `[Principal's Name]`, `【姓名】`."""


@dataclass(frozen=True, slots=True)
class Field:
    """A `{key}` in a template; `offset` is where its `{` stands in the text."""

    key: str
    offset: int


@dataclass(frozen=True, slots=True)
class Problem:
    """A brace that is neither a placeholder nor an escaped literal."""

    offset: int
    snippet: str
    """The offending characters as written, used to find them in the file."""
    message: str


Part = str | Field


def is_plain_key(key: str) -> bool:
    """A placeholder key: letters, digits, `_` and `-` of any script, not digits alone.

    Letters include their combining marks (Devanagari vowel signs, an accent written as
    e + U+0301), so keys of every script work, whatever normalisation the editor saved."""
    if not key or key.isdigit():
        return False
    if key.isascii():
        return all(c.isalnum() or c == "_" or c == "-" for c in key)
    if unicodedata.category(key[0]).startswith("M"):
        return False
    return all(
        c.isalnum() or c == "_" or c == "-" or unicodedata.category(c).startswith("M") for c in key
    )


def normal_key(key: str) -> str:
    """A key in NFC, so that a key typed composed and one typed decomposed are the same key."""
    return key if key.isascii() else unicodedata.normalize("NFC", key)


def has_braces(text: str) -> bool:
    return "{" in text or "}" in text


def parse_template(text: str) -> tuple[list[Part], list[Problem]]:
    """Split `text` into literal strings and fields; `{{`/`}}` become literal braces."""
    parts: list[Part] = []
    problems: list[Problem] = []
    buf: list[str] = []
    i, n = 0, len(text)
    while i < n:
        o, c = text.find("{", i), text.find("}", i)
        j = o if c < 0 or (0 <= o < c) else c
        if j < 0:
            buf.append(text[i:])
            break
        buf.append(text[i:j])
        if text[j] == "}":
            buf.append("}")
            if text.startswith("}", j + 1):
                i = j + 2
            else:
                problems.append(Problem(j, "}", _("single '}': write '}}' for a literal brace")))
                i = j + 1
            continue
        if text.startswith("{", j + 1):
            buf.append("{")
            i = j + 2
            continue
        k = text.find("}", j + 1)
        if k < 0:
            problems.append(Problem(j, "{", _("unclosed '{': write '{{' for a literal brace")))
            buf.append(text[j:])
            break
        key = text[j + 1 : k]
        if is_plain_key(key):
            if buf:
                parts.append("".join(buf))
                buf = []
            parts.append(Field(normal_key(key), j))
        else:
            snippet = text[j : k + 1]
            problems.append(
                Problem(
                    j,
                    snippet,
                    _(
                        "{snippet} is not a placeholder: a key is letters, digits, '_' and '-' "
                        "(text is substituted, never evaluated; write '{{{{' for a literal brace)"
                    ).format(snippet=_quoted(snippet)),
                )
            )
            buf.append(snippet)
        i = k + 1
    if buf:
        parts.append("".join(buf))
    return parts, problems


def fill(parts: list[Part], value: Callable[[str], str]) -> str:
    """The template with each field replaced by `value(key)`."""
    return "".join(p if isinstance(p, str) else value(p.key) for p in parts)


def looks_masked(text: str) -> bool:
    """True when `text` holds a masked name such as `**`, `××`, `XXX` or a bracketed stand-in
    such as `[Name]` or `【姓名】` (an unfilled template)."""
    if ("*" in text or "＊" in text or "×" in text or "XXX" in text) and _MASKED.search(text):
        return True
    if "[" in text or "【" in text or "［" in text:
        return _STANDIN.search(text) is not None
    return False


def may_look_masked(text: str) -> bool:
    """False when no part of `text` can look masked: a quick test for a whole file at once."""
    return (
        "*" in text
        or "＊" in text
        or "×" in text
        or "XXX" in text
        or "[" in text
        or "【" in text
        or "［" in text
    )


def _quoted(text: str, limit: int = 40) -> str:
    return repr(text if len(text) <= limit else text[: limit - 1] + "…")
