"""What a paragraph of a host script is, read from the tables in `phrases`.

Every function here takes the text as written and a `Phrases` table; Chinese is matched on
`fold(text)` (same length), English on its lower case, and whatever is returned is cut from
the text as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from podium.importer.phrases import (
    ABBREVIATIONS,
    BRACKETS,
    CJK_FINAL,
    CLAUSE_MARKS,
    DOTS,
    LATIN_FINAL,
    NUMERALS,
    Phrases,
    SpeechVerb,
    fold,
)

# --- helpers ------------------------------------------------------------------------------


def matchable(text: str, ph: Phrases) -> str:
    """The text the tables are matched against: folded (zh) or lower-cased (en), same length."""
    return _matchable(text, ph.language)


@lru_cache(maxsize=256)
def _matchable(text: str, language: str) -> str:
    # One paragraph is matched against many tables in a row: fold it once.
    if language == "zh":
        return fold(text)
    low = text.lower()
    return low if len(low) == len(text) else text


@cache
def longest_first(words: tuple[str, ...]) -> tuple[str, ...]:
    """A table's rows, longest first (so 作重要讲话 is tried before 讲话)."""
    return tuple(sorted(words, key=len, reverse=True))


_FURNITURE: dict[int, re.Pattern[str]] = {}


def _furniture_pattern(ph: Phrases) -> re.Pattern[str]:
    """Every furniture row of a table as one pattern (rows are literal text and `{n}`)."""
    found = _FURNITURE.get(id(ph))
    if found is None:
        found = _FURNITURE[id(ph)] = _compile_furniture(ph)
    return found


def _compile_furniture(ph: Phrases) -> re.Pattern[str]:
    number = f"[{re.escape(NUMERALS)}]+"

    def row(text: str) -> str:
        if ph.language == "en":
            text = text.lower()
        return number.join(re.escape(part) for part in text.split("{n}"))

    lines = "|".join(row(r) for r in ph.furniture_lines)
    phrases = "|".join(row(r) for r in ph.furniture_phrases)
    endings = "|".join(row(r) for r in ph.furniture_endings)
    return re.compile(rf"^\s*(?:{lines})\s*$|{phrases}|(?:{endings})\s*$")


@cache
def template(pattern: str, whole: bool = True, at_end: bool = False) -> re.Pattern[str]:
    """A table row such as `第{n}页` as a pattern: `{n}` is a number, the rest literal."""
    parts = [re.escape(p) for p in pattern.split("{n}")]
    body = f"[{re.escape(NUMERALS)}]+".join(parts)
    if whole:
        return re.compile(rf"^\s*{body}\s*$", re.IGNORECASE)
    if at_end:
        return re.compile(rf"{body}\s*$", re.IGNORECASE)
    return re.compile(rf"^{body}", re.IGNORECASE)


def is_cjk(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff"


def ends_sentence(text: str) -> bool:
    """True when the paragraph ends with sentence-final punctuation (or a colon)."""
    text = text.rstrip()
    return bool(text) and text[-1] in CJK_FINAL + LATIN_FINAL + "：:。,，、"


def clause(text: str, start: int = 0) -> str:
    """The text from `start` to the first clause mark."""
    end = start
    while end < len(text) and text[end] not in CLAUSE_MARKS:
        end += 1
    return text[start:end]


def _words(text: str) -> list[str]:
    return text.split()


# --- page furniture -----------------------------------------------------------------------


def is_furniture(text: str, ph: Phrases) -> bool:
    """A page counter, a download or copyright notice, a comment box: not the script."""
    m = matchable(text, ph)
    if ph.language == "zh":
        m = m.replace(" ", "")
    return _furniture_pattern(ph).search(m) is not None


def is_furniture_heading(text: str, ph: Phrases) -> bool:
    m = matchable(text, ph).strip()
    return any(m == (row.lower() if ph.language == "en" else row) for row in ph.furniture_headings)


# --- the document's title -----------------------------------------------------------------


def document_title(text: str, ph: Phrases) -> str | None:
    """The meeting's title when `text` (the first paragraph) is the document's title line."""
    m = matchable(text, ph)
    for marker in ph.title_markers:
        low = marker.lower() if ph.language == "en" else marker
        if m.endswith(low):
            rest = text[: len(text) - len(marker)].strip(" –—-:：_|,，")
            return rest or text
        if m.startswith(low) and ph.language == "en":
            rest = text[len(marker) :].strip(" –—-:：_|,，")
            rest = re.sub(r"^(?:for|of)\s+(?:the\s+)?", "", rest, flags=re.IGNORECASE)
            return rest or text
    return None


# --- speaker labels (two hosts) ------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Label:
    who: str
    rest: str
    """The text after the label (empty when the label stands alone on its line)."""


@cache
def _label_pattern(language: str, words: tuple[str, ...], suffixes: str) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    suffix = f"(?:\\s?[{re.escape(suffixes)}])?"
    short = r"(?:\s*[（(][^()（）]{1,8}[)）])?"
    if language == "en":
        return re.compile(rf"^(?P<who>(?:{alternatives}){suffix}{short})\s*[:：]\s*", re.IGNORECASE)
    return re.compile(rf"^(?P<who>(?:{alternatives}){suffix}{short})\s*[:：]\s*")


def speaker_label(text: str, ph: Phrases) -> Label | None:
    """`女：…`, `主持人甲:`, `E1:`, `Emcee 2 (E2):` at the start of a paragraph."""
    m = _label_pattern(ph.language, ph.label_words, ph.label_suffixes).match(matchable(text, ph))
    if m is None:
        return None
    who = text[: m.end("who")].strip()
    rest = text[m.end() :].strip()
    if ph.language == "en" and len(who) == 1 and rest and not rest[0].isupper():
        return None  # "A: …" in a quiz, not a host
    return Label(who, rest)


# --- stage directions ---------------------------------------------------------------------


def is_dots(text: str) -> bool:
    """A line of only dots or ellipses: someone else speaks here."""
    stripped = text.replace(" ", "")
    if not stripped or any(c not in DOTS for c in stripped):
        return False
    return len(stripped) >= 2 or stripped == "…"


def _bracket_pairs() -> dict[str, str]:
    return dict(BRACKETS)


def whole_bracketed(text: str) -> bool:
    """The paragraph is one bracketed text: `（奏毕）`, `[applause]`, `(Principal's Speech)`."""
    pairs = _bracket_pairs()
    if len(text) < 2 or text[0] not in pairs or not text.endswith(pairs[text[0]]):
        return False
    inner = text[1:-1]
    return text[0] not in inner and pairs[text[0]] not in inner


def is_direction(inner: str, ph: Phrases) -> bool:
    """Whether a bracketed text (without its brackets) is a stage direction."""
    m = matchable(inner, ph).strip()
    if not m:
        return False
    if any(w in m for w in ph.direction_words):
        return True
    return any(m.endswith(s) for s in ph.direction_suffixes)


_OPTIONAL = re.compile(
    r"^(?P<head>[^()（）\[\]]{1,60})\s*[(（\[](?P<inner>[^()（）\[\]]{1,30})[)）\]]$"
)


def is_optional_line(text: str, ph: Phrases) -> bool:
    """A short line ending with a bracketed `(Optional)`: `Prayer (Optional)`."""
    m = re.match(
        r"^(?P<head>[^()（）\[\]]{1,60})\s*[(（\[](?P<inner>[^()（）\[\]]{1,30})[)）\]]$", text
    )
    if m is None or ends_sentence(m.group("head")):
        return False
    inner = matchable(m.group("inner"), ph).strip()
    return any(inner.startswith(w) for w in ph.optional_words)


@dataclass(frozen=True, slots=True)
class Split:
    text: str
    directions: tuple[str, ...]


_INLINE = re.compile(r"（[^（）]{1,40}）|\([^()]{1,60}\)|【[^【】]{1,40}】|\[[^\[\]]{1,60}\]")


def split_directions(text: str, ph: Phrases, is_standin: object = None) -> Split:
    """The host's words without bracketed directions inside them, and those directions.

    `各街道（镇）` keeps its brackets: only brackets holding a direction word come out.
    """
    found: list[str] = []
    out: list[str] = []
    last = 0
    for m in _INLINE.finditer(text):
        inner = m.group()[1:-1]
        if not is_direction(inner, ph):
            continue
        found.append(m.group())
        out.append(text[last : m.start()])
        last = m.end()
    if not found:
        return Split(text, ())
    out.append(text[last:])
    joined = "".join(out)
    joined = re.sub(r"\s{2,}", " ", joined).strip()
    joined = re.sub(r"\s+([,.;:!?，。；：！？])", r"\1", joined)
    return Split(joined, tuple(found))


# --- item boundaries ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Boundary:
    title: str
    """The title after the ordinal phrase (may be empty)."""
    title_at: int
    """Where that title starts in the text."""


def ordinal_boundary(text: str, ph: Phrases) -> Boundary | None:
    """`下面，进行第一项议程，…` / `现在进行会议第二项议程` / `会议进入第二项` at the start."""
    if not ph.ordinal_forms:
        return None
    m = matchable(text, ph)
    if any(w in m for w in ph.overview_words):
        return None
    i = 0
    leads = longest_first(ph.ordinal_lead)
    while i < len(m):
        if m[i] in CLAUSE_MARKS:
            i += 1
            continue
        for lead in leads:
            if m.startswith(lead, i):
                i += len(lead)
                break
        else:
            break
    for form in ph.ordinal_forms:
        hit = template(form, whole=False).match(m[i:])
        if hit is None:
            continue
        j = i + hit.end()
        for tail in longest_first(ph.ordinal_tails):
            if m.startswith(tail, j):
                j += len(tail)
                break
        if j < len(m) and m[j] not in CLAUSE_MARKS and not is_cjk(m[j]):
            continue
        while j < len(m) and m[j] in CLAUSE_MARKS:
            j += 1
        return Boundary(clause(text, j), j)
    return None


def english_heading(text: str, ph: Phrases) -> bool:
    """A segment heading: a short line in title case without final punctuation."""
    if ph.heading_max_words <= 0:
        return False
    words = _words(text)
    if not words or len(words) > ph.heading_max_words or len(text) > 70:
        return False
    if ends_sentence(text) or text[0].islower() or not text[0].isalpha():
        return False
    long_words = [w for w in words if len(w.strip("–—-&()")) > 3]
    if not long_words:
        return len(words) <= 2 and text[0].isupper()
    capital = sum(1 for w in long_words if w[0].isupper() or w[0].isdigit())
    return capital * 10 >= len(long_words) * 6


# --- sentences ----------------------------------------------------------------------------

_SENTENCE_END = re.compile(
    r"[。！？!?；;]+[”’」』\"')）]*|…{2,}[”’」』\"')）]*|\.(?:[”’\"')]*)(?=\s+[A-Z\[\"“(]|\s*$)"
)


def _abbreviation(text: str, dot: int) -> bool:
    """The dot at `dot` ends an abbreviation (Dr., Mr., St.), not a sentence."""
    word = re.search(r"([A-Za-z]+)$", text[:dot])
    return word is not None and word.group(1).lower() in ABBREVIATIONS


def sentences(text: str) -> list[tuple[int, int]]:
    """The spans of the sentences of `text` (white space between them belongs to none)."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        if m.group().startswith(".") and _abbreviation(text, m.start()):
            continue
        end = m.end()
        if text[start:end].strip():
            spans.append((start, end))
        start = end
        while start < len(text) and text[start] == " ":
            start += 1
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans


# --- speech requests ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Request:
    speaker: str
    verb: SpeechVerb
    obj: str
    """What follows the verb in its clause (宣读 X, deliver the opening address)."""
    verb_title: str = ""
    """The verb's title as written (致辭 in a traditional script, where the table says 致辞)."""
    verb_written: str = ""
    """The verb phrase as written."""


def speech_request(text: str, ph: Phrases) -> Request | None:
    """`请区委副书记***同志讲话` / `welcome X to deliver the … speech`: who, and the verb."""
    m = matchable(text, ph)
    if not any(t in m for t in ph.speech_triggers):
        return None
    verbs = _verbs(ph)
    for trigger in ph.speech_triggers:
        for t in _find_words(m, trigger, ph):
            after = t + len(trigger)
            found = _speech_after(text, m, after, verbs, ph)
            if found is not None:
                return found
    return None


_VERBS: dict[int, list[SpeechVerb]] = {}


def _verbs(ph: Phrases) -> list[SpeechVerb]:
    """The speech verbs of a table, longest first."""
    found = _VERBS.get(id(ph))
    if found is None:
        found = _VERBS[id(ph)] = sorted(ph.speech_verbs, key=lambda v: len(v.phrase), reverse=True)
    return found


def _find_words(m: str, word: str, ph: Phrases) -> list[int]:
    out: list[int] = []
    i = m.find(word)
    while i >= 0:
        if ph.language != "en" or (
            (i == 0 or not m[i - 1].isalnum())
            and (i + len(word) >= len(m) or not m[i + len(word)].isalnum())
        ):
            out.append(i)
        i = m.find(word, i + 1)
    return out


def _speech_after(
    text: str, m: str, after: int, verbs: list[SpeechVerb], ph: Phrases
) -> Request | None:
    if ph.speech_connector:
        to = m.find(ph.speech_connector, after)
        if to < 0:
            return None
        speaker = text[after:to].strip(" ,，")
        if not _good_speaker(speaker, ph):
            return None
        predicate_at = to + len(ph.speech_connector)
        predicate = m[predicate_at:]
        end = _clause_end(predicate)
        for verb in verbs:
            for v in _find_words(predicate[:end], verb.phrase, ph):
                obj_at = predicate_at + v + len(verb.phrase)
                obj = text[obj_at : predicate_at + end].strip()
                written = text[predicate_at + v : obj_at]
                return Request(speaker, verb, obj, verb.title, written)
        return None
    limit = after
    while limit < len(m) and m[limit] not in "，,。！？!?；;：:":
        limit += 1
    best: Request | None = None
    best_at = len(m) + 1
    for verb in verbs:
        v = m.find(verb.phrase, after, limit)
        while v >= 0:
            end = v + len(verb.phrase)
            if verb.takes_object or _clause_ends(m, end, ph):
                break
            v = m.find(verb.phrase, v + 1, limit)
        if v < 0 or v >= best_at:
            continue
        speaker = _trim_speaker(text[after:v], ph)
        if not _good_speaker(speaker, ph):
            continue
        end = v + len(verb.phrase)
        inside = verb.phrase.find(verb.title)
        title = verb.title if inside < 0 else text[v + inside : v + inside + len(verb.title)]
        best = Request(speaker, verb, clause(text, end), title, text[v:end])
        best_at = v
    return best


def _clause_end(predicate: str) -> int:
    for i, ch in enumerate(predicate):
        if ch in ".!?;":
            return i
    return len(predicate)


def _clause_ends(m: str, end: int, ph: Phrases) -> bool:
    if end >= len(m) or m[end] in CLAUSE_MARKS:
        return True
    return any(m.startswith(ok, end) for ok in ph.speech_clause_ok)


def _trim_speaker(speaker: str, ph: Phrases) -> str:
    speaker = speaker.strip()
    changed = True
    while changed and speaker:
        changed = False
        for filler in longest_first(ph.speech_fillers):
            if fold(speaker).endswith(filler) and len(speaker) > len(filler):
                speaker = speaker[: -len(filler)].strip()
                changed = True
                break
    return speaker


def _good_speaker(speaker: str, ph: Phrases) -> bool:
    if not speaker or len(speaker) > (60 if ph.language == "en" else 24):
        return False
    m = matchable(speaker, ph)
    if any(m.startswith(a) for a in ph.audience):
        return False
    if ph.language == "zh":
        return not (m.endswith("的") or "请" in m or any(c in m for c in "，。；！？,;!?"))
    return not any(c in speaker for c in ".!?;")


# --- call-ups -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CallUp:
    people: str
    """The people phrase as written (may be empty)."""
    people_at: int
    names: tuple[str, ...]
    """The names it lists, when it lists names (else empty: recipients to be listed)."""


_CALL_HINT = {"zh": "台"}
"""A character every Chinese call-up marker holds: most sentences are no call-up."""


def call_up(sentence: str, ph: Phrases) -> CallUp | None:
    """A sentence calling people to the stage, with whom it calls."""
    m = matchable(sentence, ph)
    if _CALL_HINT.get(ph.language, "") not in m:
        return None
    marker_at = -1
    for marker in ph.call_markers:
        at = m.find(marker.lower() if ph.language == "en" else marker)
        if at >= 0:
            marker_at = at
            break
    if marker_at < 0:
        return None
    if speech_request(sentence, ph) is not None:
        return None
    start = -1
    for trigger in ph.call_triggers:
        hits = _find_words(m[:marker_at], trigger, ph)
        if hits and hits[-1] > start:
            start = hits[-1] + len(trigger)
    if start < 0:
        return CallUp("", marker_at, ())
    people, at = _trim_people(sentence, m, start, marker_at, ph)
    return CallUp(people, at, _names(people, ph))


_PEOPLE_EDGE = " ,，:：、。.!?！？；;\t"


def _trim_people(sentence: str, m: str, start: int, end: int, ph: Phrases) -> tuple[str, int]:
    changed = True
    while changed:
        changed = False
        while start < end and m[start] in _PEOPLE_EDGE:
            start += 1
        while end > start and m[end - 1] in _PEOPLE_EDGE:
            end -= 1
        for word in ph.call_people_trim:
            w = word.lower() if ph.language == "en" else word
            if m.startswith(w, start) and end - start > len(w):
                start += len(w)
                changed = True
            if m.endswith(w, start, end) and end - start > len(w):
                end -= len(w)
                changed = True
        if ph.language == "en":
            for tail in (" to", " to come", " up"):
                if m.endswith(tail, start, end):
                    end -= len(tail)
                    changed = True
    return sentence[start:end].strip(), start


_HONORIFICS = ("同志", "先生", "女士", "老师", "同学")


def _names(people: str, ph: Phrases) -> tuple[str, ...]:
    """The names a people phrase lists, or () when it describes people instead."""
    if not people:
        return ()
    m = matchable(people, ph)
    if any((w in m) for w in ph.description_words):
        return ()
    parts = [people]
    for sep in ph.name_separators:
        parts = [piece for part in parts for piece in part.split(sep)]
    parts = [p.strip() for p in parts]
    if not parts or any(not p for p in parts):
        return ()
    for part in parts:
        core = part
        for h in _HONORIFICS:
            if core.endswith(h) and len(core) > len(h):
                core = core[: -len(h)]
        if ph.language == "zh":
            if len(core) > ph.max_name_chars or len(core) < 2:
                return ()
            if not all(is_cjk(c) or c == "·" for c in core):
                return ()
        else:
            words = core.split()
            if not words or len(words) > 4:
                return ()
            if not all(w[0].isupper() for w in words if w not in ("de", "van", "von", "bin")):
                return ()
    return tuple(parts)
