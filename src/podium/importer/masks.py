"""Masked names → `{placeholders}`, keyed by the title in front of them, listed once.

A masked name is a run of two or more `*`, `＊` or `×`, a word of three or more capital `X`,
a bracketed stand-in (`[Name]`, `[Principal's Name]`, `【姓名】`), or one `*` right before a
title (`*副书记`). Its key is, in this order: what a specific stand-in names
(`[Principal's Name]` → `principal`); the title in front of it (`区委副书记***同志` →
`区委副书记`); the title right after it (`***局长` → `局长`); what follows it
(`**年度` → `年份`, one entry for all; `****的代表` → `单位1`, `单位2`, one per place);
else a numbered neutral key (`待填1`, `name-1`). The same key in ten places is one entry.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from podium.agenda.placeholders import is_plain_key
from podium.importer.classify import is_direction, longest_first, matchable
from podium.importer.phrases import CLAUSE_MARKS, Phrases

_RUN = re.compile(r"[*＊×]{2,}|(?<![A-Za-z])X{3,}(?![A-Za-z])")
_SINGLE = re.compile(r"(?<![*＊×])[*＊×](?![*＊×])")
_BRACKET = re.compile(r"\[[^\[\]]{1,40}\]|［[^［］]{1,40}］|【[^【】]{1,20}】")
_EN_TOKEN = re.compile(r"[A-Za-z][A-Za-z.'’-]*")


@dataclass
class Entry:
    key: str
    value: str
    """The mask as first written: what `names:` holds until the organiser fills it."""
    lines: list[int] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    standin: str | None = None
    """The inside of a bracketed stand-in."""
    single: bool = False


class Masks:
    """The placeholders of one document, in the order they first appear."""

    def __init__(self, ph: Phrases) -> None:
        self.ph = ph
        self.entries: dict[str, Entry] = {}
        self._numbers: dict[str, int] = {}
        self._placed: dict[tuple[int, int, str], str] = {}
        self.singles: list[tuple[int, str, str]] = []
        """(line, mask, key) of one-character masks: `validate` cannot warn about them."""

    # --- finding --------------------------------------------------------------------------
    def spans(self, text: str) -> list[Span]:
        found: list[Span] = []
        for m in _BRACKET.finditer(text):
            inner = m.group()[1:-1].strip()
            if self._is_standin(inner):
                found.append(Span(m.start(), m.end(), standin=inner))
        for m in _RUN.finditer(text):
            if not any(s.start <= m.start() < s.end for s in found):
                found.append(Span(m.start(), m.end()))
        if self.ph.language == "zh":
            for m in _SINGLE.finditer(text):
                if any(s.start <= m.start() < s.end for s in found):
                    continue
                if self._title_after(text, m.end()) is not None:
                    found.append(Span(m.start(), m.end(), single=True))
        found.sort(key=lambda s: s.start)
        return found

    def _is_standin(self, inner: str) -> bool:
        if not inner or is_direction(inner, self.ph):
            return False
        m = matchable(inner, self.ph)
        if self.ph.language == "en":
            words = set(re.findall(r"[a-z]+", m))
            return any(w in words for w in self.ph.standin_words) and len(m.split()) <= 5
        return any(w in m for w in self.ph.standin_words) or bool(_RUN.fullmatch(inner))

    # --- filling --------------------------------------------------------------------------
    def fill(self, text: str, line: int, at: int | None = None) -> str:
        """`text` as an agenda template: braces doubled, each masked name a `{key}`.

        `at` is where `text` stands in its paragraph: a mask filled twice (a call-up and the
        people it calls) keeps the one key it was given the first time.
        """
        out: list[str] = []
        last = 0
        for span in self.spans(text):
            out.append(_escape(text[last : span.start]))
            mask = text[span.start : span.end]
            place = None if at is None else (line, at + span.start, mask)
            known = None if place is None else self._placed.get(place)
            key = known or self._for_mask(self._key(text, span, mask), mask)
            if place is not None:
                self._placed[place] = key
            entry = self.entries.get(key)
            if entry is None:
                entry = self.entries[key] = Entry(key, mask)
            if span.single and (line, mask, key) not in self.singles:
                self.singles.append((line, mask, key))
            if not entry.lines or entry.lines[-1] != line:
                entry.lines.append(line)
            out.append("{" + key + "}")
            last = span.end
        out.append(_escape(text[last:]))
        return "".join(out)

    def strip(self, text: str) -> str:
        """`text` without its masked names (for titles: 区委副书记***同志 → 区委副书记同志)."""
        out: list[str] = []
        last = 0
        for span in self.spans(text):
            out.append(text[last : span.start])
            last = span.end
        out.append(text[last:])
        return re.sub(r"\s{2,}", " ", "".join(out)).strip()

    def _for_mask(self, key: str, mask: str) -> str:
        """`key`, or a variant of it (区委副书记2) when its entry holds another mask: the draft
        reads exactly as the script until a name is filled, so `**年度` and `****年度` are
        two entries of the same title."""
        entry = self.entries.get(key)
        if entry is None or entry.value == mask:
            return key
        sep = "" if self.ph.language == "zh" else "-"
        n = 2
        while True:
            candidate = f"{key}{sep}{n}"
            other = self.entries.get(candidate)
            if other is None or other.value == mask:
                return candidate
            n += 1

    def _key(self, text: str, span: Span, mask: str) -> str:
        ph = self.ph
        if span.standin is not None:
            key = self._standin_key(span.standin)
            if key is not None:
                return key
        before = self._title_before(text, span.start)
        if before is not None:
            return before
        after = self._title_after(text, span.end)
        if after is not None:
            key = _plain(after)
            return self._known_title(key, mask) if key else self._numbered(ph.fallback_key)
        rest = matchable(text[span.end :], ph)
        for follower in ph.mask_followers:
            if rest.startswith(follower.follows):
                if follower.shared:
                    return follower.key
                return self._numbered(follower.key)
        if span.standin is not None:
            return self._numbered(ph.generic_key)
        return self._numbered(ph.fallback_key)

    def _standin_key(self, inner: str) -> str | None:
        ph = self.ph
        low = matchable(inner, ph).strip()
        if low in ph.generic_standins:
            return None
        if ph.language == "en":
            words = re.sub(r"['’]s\b", "", low)
            words = re.sub(r"\b(?:insert|full|the|of|name|names)\b", " ", words)
            slug = "-".join(re.findall(r"[a-z0-9]+", words))
            if not slug:
                return None
            return self._unreserved(slug)
        key = _plain(inner)
        return self._unreserved(key) if key else None

    def _known_title(self, title: str, mask: str) -> str:
        """The one existing entry of the same mask whose key ends with `title` (感谢***局长
        after 市应急管理局局长***同志 is the same person), else `title` itself."""
        if title in self.entries:
            return title
        matches = [k for k, e in self.entries.items() if k.endswith(title) and e.value == mask]
        return matches[0] if len(matches) == 1 else title

    def _unreserved(self, key: str) -> str:
        if key in self.ph.reserved_keys:
            return self._numbered(key)
        return key

    def _title_before(self, text: str, start: int) -> str | None:
        ph = self.ph
        if ph.language == "en":
            head = text[max(0, start - 60) : start].rstrip(" ,")
            tokens = _EN_TOKEN.findall(head)
            if not head or not tokens or not head.endswith(tokens[-1]):
                return None
            for size in (3, 2, 1):
                words = tokens[-size:]
                if len(words) < size:
                    continue
                phrase = " ".join(words)
                for title in ph.titles:
                    if phrase.lower() == title.lower() and words[0][0].isupper():
                        slug = "-".join(re.findall(r"[a-z0-9]+", phrase.lower()))
                        return self._unreserved(slug) if slug else None
            return None
        i = start
        while i > 0 and text[i - 1] not in CLAUSE_MARKS and start - i < 16:
            i -= 1
        phrase = text[i:start]
        folded = matchable(phrase, ph)
        cut = max((folded.rfind(c) for c in ph.title_breakers), default=-1)
        if cut >= 0:
            phrase, folded = phrase[cut + 1 :], folded[cut + 1 :]
        if _title_end(ph.titles).search(folded) is None:
            return None
        key = _plain(phrase[-12:])
        return key or None

    def _title_after(self, text: str, end: int) -> str | None:
        if self.ph.language != "zh":
            return None
        rest = matchable(text[end : end + 8], self.ph)
        for title in longest_first(self.ph.titles):
            if rest.startswith(title) and title not in ("代表", "主持人"):
                return text[end : end + len(title)]
        return None

    def add_standin(self, line: int) -> str:
        """A new entry standing for people the script does not name (a call-up's)."""
        key = self._numbered(self.ph.list_key)
        self.entries[key] = Entry(key, self.ph.list_standin, [line])
        return key

    def _numbered(self, base: str) -> str:
        n = self._numbers.get(base, 0) + 1
        self._numbers[base] = n
        sep = "" if self.ph.language == "zh" else "-"
        return f"{base}{sep}{n}"


@cache
def _title_end(titles: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("(?:" + "|".join(map(re.escape, longest_first(titles))) + ")$")


def _escape(text: str) -> str:
    return text.replace("{", "{{").replace("}", "}}")


def _plain(text: str) -> str:
    """`text` reduced to what a placeholder key may hold (letters, digits, `_`, `-`)."""
    key = "".join(c for c in text if c.isalnum() or c in "_-")
    return key if is_plain_key(key) else ""
