"""Paragraphs → the draft's items: the opening, an item at each boundary, speeches, call-ups,
and the closing, every word the host says kept in order.

Within a part of the meeting (between two boundaries) the host's paragraphs run through a
small state machine:

- a speech request starts a `speech` item (the paragraph is its intro); the next paragraph of
  the host's, unless it starts something new (下面…, Next…), is its outro;
- a call-up starts an `awards` item, taking the host's paragraph right before it as its intro;
  each further call-up is one more group; the next paragraph of the host's is its outro;
- other paragraphs are cues of a `script` item;
- stage directions and "……" lines become notes of the item they fall in.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field

from podium.agenda.placeholders import parse_template
from podium.i18n import _, ngettext
from podium.importer import classify as c
from podium.importer.masks import Entry, Masks
from podium.importer.phrases import (
    AWARD_VERBS,
    HEADER_NAME,
    HEADER_SKIP,
    HEADER_UNIT,
    Phrases,
    fold,
    phrases_for,
    traditional_count,
)
from podium.importer.source import Para, Source, Style

# --- the draft ------------------------------------------------------------------------------


@dataclass
class Cue:
    text: str
    """An agenda template: braces doubled, masked names as {key}."""
    who: str | None
    line: int


@dataclass
class Recipient:
    name: str
    unit: str | None = None
    note: str | None = None


@dataclass
class Group:
    call: str
    recipients: list[Recipient]
    line: int
    batch: int = 1
    standin: bool = False
    """True while its only recipient stands in for people the script does not name."""
    standin_key: str | None = None
    """The `names` entry made for that stand-in (removed when a list of names follows)."""
    warning: Notice | None = None


@dataclass
class Unit:
    kind: str
    lines: list[int] = field(default_factory=list)
    script: list[Cue] = field(default_factory=list)
    intro: Cue | None = None
    outro: Cue | None = None
    speaker: str | None = None
    minutes: int | None = None
    verb_title: str = ""
    obj: str = ""
    groups: list[Group] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    title: str = ""
    id: str = ""
    closed: bool = False

    def cue_count(self) -> int:
        return len(self.script) + (self.intro is not None) + (self.outro is not None)


@dataclass(frozen=True, slots=True)
class Notice:
    line: int
    message: str


@dataclass
class Draft:
    path: str
    language: str
    title: str
    title_line: int | None
    items: list[Unit]
    names: list[Entry]
    warnings: list[Notice]
    host_paragraphs: int
    """How many paragraphs of the host's words were read (0: nothing to import)."""


@dataclass
class _Section:
    title: str = ""
    units: list[Unit] = field(default_factory=list)
    pending_notes: list[str] = field(default_factory=list)
    pending_lines: list[int] = field(default_factory=list)
    opening: bool = False


# --- language -------------------------------------------------------------------------------


def detect_language(paras: tuple[Para, ...]) -> str:
    """zh when the text is mostly Chinese characters, else en."""
    cjk = latin = 0
    for p in paras[:300]:  # the start says enough
        for ch in p.text:
            if c.is_cjk(ch):
                cjk += 1
            elif ch.isascii() and ch.isalpha():
                latin += 1
    return "zh" if cjk * 3 >= latin and cjk > 0 else "en"


def _traditional(source: Source) -> bool:
    """True when the script is written in traditional characters."""
    sample = "".join(p.text for p in source.paras[:400])
    return traditional_count(sample) * 50 > max(1, sum(1 for ch in sample if c.is_cjk(ch)))


# --- the builder ----------------------------------------------------------------------------


class _Builder:
    def __init__(self, source: Source, language: str) -> None:
        self.source = source
        self.ph: Phrases = phrases_for(language, _traditional(source))
        self.language = language
        self.masks = Masks(self.ph)
        self.warnings: list[Notice] = []
        self.sections: list[_Section] = [_Section(opening=True)]
        self.unit: Unit | None = None
        self.who: str | None = None
        self.last: str = ""
        """What the previous piece of text was: host, call, speech, outro."""
        self.recipients_open = False
        self.host_paragraphs = 0

    @property
    def section(self) -> _Section:
        return self.sections[-1]

    def warn(self, line: int, message: str) -> None:
        self.warnings.append(Notice(line, message))

    # --- units ----------------------------------------------------------------------------
    def new_unit(self, kind: str, line: int) -> Unit:
        unit = Unit(kind)
        unit.notes.extend(self.section.pending_notes)
        unit.lines.extend(self.section.pending_lines)
        self.section.pending_notes.clear()
        self.section.pending_lines.clear()
        unit.lines.append(line)
        self.section.units.append(unit)
        self.unit = unit
        return unit

    def new_section(self, title: str, line: int) -> None:
        self.close_recipients()
        self.sections.append(_Section(title=title))
        self.section.pending_lines.append(line)
        self.unit = None
        self.last = ""

    def note(self, text: str, line: int) -> None:
        note = self.masks.fill(text, line)
        if self.unit is None:
            self.section.pending_notes.append(note)
            self.section.pending_lines.append(line)
        else:
            self.unit.notes.append(note)
            self.unit.lines.append(line)

    def close_recipients(self) -> None:
        self.recipients_open = False

    # --- the host's words -----------------------------------------------------------------
    def host(self, text: str, line: int) -> None:
        """A paragraph (or the part of one) the host reads, not a call-up."""
        self.host_paragraphs += 1
        self.close_recipients()
        request = c.speech_request(text, self.ph)
        cue = Cue(self.masks.fill(text, line), self.who, line)
        if request is not None:
            unit = self.new_unit("speech", line)
            unit.intro = cue
            unit.speaker = self.masks.fill(request.speaker, line)
            unit.minutes = request.verb.minutes or self.ph.default_speech_minutes
            unit.verb_title = request.verb_title or request.verb.title
            unit.obj = request.obj
            unit.title = self._speech_title(request.speaker, unit.verb_title, request.obj)
            self.warn(
                line,
                _(
                    "speech: its duration {minutes} min is a guess from '{verb}'; set the "
                    "speaker's real slot"
                ).format(minutes=unit.minutes, verb=request.verb_written or request.verb.phrase),
            )
            self.last = "speech"
            return
        current = self.unit
        fresh = not self._starts_new(text)
        if current is not None and current.kind == "speech" and not current.closed and fresh:
            current.outro = cue
            current.closed = True
            current.lines.append(line)
            self.last = "outro"
            return
        if (
            current is not None
            and current.kind == "awards"
            and current.outro is None
            and fresh
            and self.last in ("call", "note")
        ):
            current.outro = cue
            current.lines.append(line)
            self.last = "outro"
            return
        script = current if current is not None and current.kind == "script" else None
        if script is None:
            script = self.new_unit("script", line)
        script.script.append(cue)
        script.lines.append(line)
        self.last = "host"

    def call(self, sentence: str, line: int, callup: c.CallUp, at: int = 0) -> None:
        self.host_paragraphs += 1
        unit = self.unit
        if unit is None or unit.kind != "awards" or unit.outro is not None:
            intro: Cue | None = None
            carried_title = ""
            carried_notes: list[str] = []
            carried_lines: list[int] = []
            if self.last == "host" and unit is not None and unit.kind == "script" and unit.script:
                intro = unit.script.pop()
                if not unit.script:
                    self.section.units.remove(unit)
                    carried_title = unit.title
                    carried_notes = unit.notes
                    carried_lines = unit.lines
            elif self.last == "outro" and unit is not None and unit.kind == "awards":
                intro, unit.outro = unit.outro, None
            unit = self.new_unit("awards", line)
            unit.notes[:0] = carried_notes
            unit.lines.extend(carried_lines)
            unit.title = carried_title
            unit.intro = intro
        unit.groups.append(self._group(sentence, line, callup, at))
        unit.lines.append(line)
        if self.who:
            note = _escape(self.ph.call_reader.format(who=self.who))
            if note not in unit.notes:
                unit.notes.append(note)
        self.last = "call"
        self.recipients_open = True

    def _group(self, sentence: str, line: int, callup: c.CallUp, at: int) -> Group:
        sep = "、" if self.language == "zh" else ", "
        names = callup.names
        if names:
            joined = sep.join(names)
            recipients = [Recipient(self.masks.fill(n, line)) for n in names]
            where = sentence.find(joined, callup.people_at)
            if where >= 0:
                call = (
                    self.masks.fill(sentence[:where], line, at)
                    + "{names}"
                    + self.masks.fill(
                        sentence[where + len(joined) :], line, at + where + len(joined)
                    )
                )
            else:
                call = self.masks.fill(sentence, line, at)
            return Group(call, recipients, line, batch=len(recipients))
        call = self.masks.fill(sentence, line, at)
        standin_key = None
        if callup.people:
            people = self.masks.fill(callup.people, line, at + callup.people_at)
        else:
            standin_key = self.masks.add_standin(line)
            people = "{" + standin_key + "}"
        warning = Notice(
            line,
            _(
                "call-up: the script does not name whom it calls; list its recipients "
                "(a list or table of names right after the call-up is read as them)"
            ),
        )
        self.warnings.append(warning)
        return Group(call, [Recipient(people)], line, 1, True, standin_key, warning)

    def recipient_rows(self, para: Para) -> bool:
        """A list item or table row right after a call-up: its recipients. False if not."""
        unit = self.unit
        if not self.recipients_open or unit is None or unit.kind != "awards" or not unit.groups:
            return False
        group = unit.groups[-1]
        if para.style is Style.ROW:
            recipient = self._row(para)
            if recipient is None:
                unit.lines.append(para.line)
                return True
        else:
            recipient = self._bullet(para)
        if group.standin:
            group.recipients = []
            group.standin = False
            if group.standin_key is not None:
                self.masks.entries.pop(group.standin_key, None)
            if group.warning in self.warnings:
                self.warnings.remove(group.warning)
        group.recipients.append(recipient)
        group.batch = max(1, len(group.recipients))
        unit.lines.append(para.line)
        return True

    def _bullet(self, para: Para) -> Recipient:
        text = para.text
        m = re.match(r"^(?P<unit>[^:：]{1,30})[:：]\s*(?P<name>.+)$", text)
        if m:
            unit = m.group("unit").strip()
            name = m.group("name").strip()
            return Recipient(self.masks.fill(name, para.line), self.masks.fill(unit, para.line))
        return Recipient(self.masks.fill(text, para.line))

    def _row(self, para: Para) -> Recipient | None:
        cells = list(para.cells)
        table = para.table
        header = self._headers.get(table)
        if header is None:
            lowered = [fold(x).strip().lower() for x in cells]
            if any(x in HEADER_NAME for x in lowered):
                self._headers[table] = [
                    "name"
                    if x in HEADER_NAME
                    else "unit"
                    if x in HEADER_UNIT
                    else "skip"
                    if x in HEADER_SKIP
                    else "note"
                    for x in lowered
                ]
                return None
            header = self._headers[table] = []
        line = para.line
        if header:
            name = unit = None
            notes: list[str] = []
            for role, cell in zip(header, cells, strict=False):
                if not cell:
                    continue
                if role == "name" and name is None:
                    name = cell
                elif role == "unit" and unit is None:
                    unit = cell
                elif role != "skip":
                    notes.append(cell)
            if name is None:
                name = " ".join(x for x in cells if x)
        else:
            values = [x for x in cells if x and not x.rstrip(".、").isdigit()]
            name = values[0] if values else " ".join(cells)
            unit = values[1] if len(values) > 1 else None
            notes = values[2:]
        return Recipient(
            self.masks.fill(name, line),
            None if unit is None else self.masks.fill(unit, line),
            self.masks.fill(" / ".join(notes), line) if notes else None,
        )

    # --- titles ---------------------------------------------------------------------------
    def _starts_new(self, text: str) -> bool:
        m = c.matchable(text, self.ph).lstrip()
        return any(m.startswith(t.lower() if self.language == "en" else t)
                   for t in self.ph.transitions)  # fmt: skip

    def _speech_title(self, speaker: str, verb_title: str, obj: str) -> str:
        if self.language == "zh":
            who = self.masks.strip(speaker)
            for h in ("同志", "先生", "女士"):
                if who.endswith(h) and len(who) > len(h):
                    who = who[: -len(h)]
            who = who.split("、")[-1]
            return _escape(_short(who + verb_title, 20)) if who else ""
        obj = self.masks.strip(obj).strip(" ,.;:!?")
        obj = re.sub(r"^(?:the|a|an|our|his|her|their)\s+", "", obj, flags=re.IGNORECASE)
        if obj:
            return _escape(_short(obj[0].upper() + obj[1:], 40))
        who = self.masks.strip(speaker).strip(" ,")
        return _escape(_short(self.ph.speech_title.format(speaker=who), 40)) if who else ""

    _headers: dict[int, list[str]]


def build(source: Source, language: str | None = None, title: str | None = None) -> Draft:
    """The draft of `source`; `language` overrides the detected one, `title` the found one."""
    lang = language or detect_language(source.paras)
    b = _Builder(source, lang)
    b._headers = {}
    ph = b.ph
    paras = _drop_furniture(source, ph, b)
    doc_title, title_line, paras = _document_title(paras, ph)
    kept = list(paras)
    for index, para in enumerate(kept):
        _read(b, para, kept[index + 1 : index + 4])
    _end_check(b, kept)
    for line, mask, key in b.masks.singles:
        b.warn(
            line,
            _(
                "a single '{mask}' before a title looks like a masked name: it is now "
                "{{{key}}}; check that it means the same person"
            ).format(mask=mask, key=key),
        )
    items = _finish(b)
    meeting_title = title or doc_title or _stem(source.path)
    return Draft(
        path=source.path,
        language=lang,
        title=meeting_title,
        title_line=title_line,
        items=items,
        names=list(b.masks.entries.values()),
        warnings=sorted(b.warnings, key=lambda w: w.line),
        host_paragraphs=b.host_paragraphs,
    )


def _stem(path: str) -> str:
    name = os.path.basename(path)
    for _i in range(2):
        name = os.path.splitext(name)[0] or name
    return name


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _escape(text: str) -> str:
    return text.replace("{", "{{").replace("}", "}}")


def _title_of(template: str, limit: int) -> str:
    """A short title from an agenda template: its literal text (names left out), shortened."""
    parts, _problems = parse_template(template)
    literal = "".join(p for p in parts if isinstance(p, str))
    return _escape(_short(re.sub(r"\s{2,}", " ", literal).strip(), limit))


# --- page furniture ---------------------------------------------------------------------


def _drop_furniture(source: Source, ph: Phrases, b: _Builder) -> list[Para]:
    kept: list[Para] = []
    block: list[Para] = []
    in_tips = False

    def flush() -> None:
        if not block:
            return
        first, last = block[0].line, block[-1].end
        where = (
            _("line {n}").format(n=first)
            if first == last
            else _("lines {first}-{last}").format(first=first, last=last)
        )
        count = len(block)
        b.warn(
            first,
            _("dropped page furniture of a downloaded document, {lines}: {what}").format(
                lines=where,
                what=" | ".join(_short(p.text, 24) for p in block[:3])
                + (
                    " | … " + ngettext("({n} more)", "({n} more)", count - 3).format(n=count - 3)
                    if count > 3
                    else ""
                ),
            ),
        )
        block.clear()

    for para in source.paras:
        text = para.text
        numbered = para.style is Style.BULLET or bool(re.match(r"^\d+[.、)]", text))
        if c.is_furniture_heading(text, ph):
            in_tips = True
            block.append(para)
            continue
        if in_tips and numbered:
            block.append(para)
            continue
        in_tips = False
        if c.is_furniture(text, ph):
            block.append(para)
            continue
        flush()
        kept.append(para)
    flush()
    return kept


def _document_title(paras: list[Para], ph: Phrases) -> tuple[str | None, int | None, list[Para]]:
    if not paras:
        return None, None, paras
    first = paras[0]
    rest = paras[1:]
    if first.style is Style.TITLE:
        return c.document_title(first.text, ph) or first.text, first.line, rest
    found = c.document_title(first.text, ph)
    if found is not None:
        return found, first.line, rest
    if not rest:
        return None, None, paras
    text = first.text
    m = c.matchable(text, ph)
    if c.ends_sentence(text) or len(text) > 40 or any(s.lower() in m.lower()
                                                       for s in ph.salutations):  # fmt: skip
        return None, None, paras
    if c.speaker_label(text, ph) or c.ordinal_boundary(text, ph) or c.whole_bracketed(text):
        return None, None, paras
    nxt = rest[0]
    if ph.language == "zh":
        if first.style is Style.HEADING or nxt.style is not Style.HEADING:
            return text, first.line, rest
        return None, None, paras
    heading_next = nxt.style is Style.HEADING or c.english_heading(nxt.text, ph)
    if heading_next and (first.style is Style.HEADING or c.english_heading(text, ph)):
        return text, first.line, rest
    return None, None, paras


# --- one paragraph ------------------------------------------------------------------------


def _read(b: _Builder, para: Para, after: list[Para]) -> None:
    ph = b.ph
    if para.style in (Style.BULLET, Style.ROW) and b.recipient_rows(para):
        return
    text = para.text
    line = para.line
    label = c.speaker_label(text, ph)
    if label is not None:
        b.who = label.who
        text = label.rest
        if not text:
            b.section.pending_lines.append(line) if b.unit is None else b.unit.lines.append(line)
            return
    if para.style is Style.HEADING or para.style is Style.TITLE:
        b.new_section(b.masks.fill(text, line), line)
        return
    if c.is_dots(text) or (c.whole_bracketed(text) and not b.masks.spans(text)):
        b.note(text, line)
        b.last = "note" if b.last in ("call", "note", "speech") else b.last
        return
    if c.is_optional_line(text, ph):
        b.note(text, line)
        return
    if (
        ph.language == "en"
        and label is None
        and para.style is Style.TEXT
        and c.english_heading(text, ph)
        and _host_follows(after, ph)
    ):
        b.new_section(b.masks.fill(text, line), line)
        return
    boundary = c.ordinal_boundary(text, ph)
    if boundary is not None:
        title = boundary.title
        rest = text[boundary.title_at :]
        if title and (c.speech_request(title, ph) or c.call_up(title, ph) or _asks(rest, ph)):
            title = ""
        b.new_section(b.masks.fill(_short(title, 20), line) if title else "", line)
    split = c.split_directions(text, ph)
    for direction in split.directions:
        b.note(direction, line)
    text = split.text
    if not text:
        return
    _sentences(b, text, line)


def _sentences(b: _Builder, text: str, line: int) -> None:
    """The paragraph's call-up sentences one by one, the rest as the host's words."""
    spans = c.sentences(text)
    pending_start: int | None = None
    pending_end = 0
    for start, end in spans:
        callup = c.call_up(text[start:end], b.ph)
        if callup is None:
            if pending_start is None:
                pending_start = start
            pending_end = end
            continue
        if pending_start is not None:
            b.host(text[pending_start:pending_end].strip(), line)
            pending_start = None
        lead = len(text[start:end]) - len(text[start:end].lstrip())
        b.call(text[start:end].strip(), line, callup, start + lead)
    if pending_start is not None:
        b.host(text[pending_start:pending_end].strip(), line)


def _asks(rest: str, ph: Phrases) -> bool:
    """The text after an ordinal phrase asks someone (请…): it is no title."""
    m = c.matchable(rest, ph).lstrip()
    triggers = (*ph.speech_triggers, *ph.call_triggers, "有请")
    return any(m.startswith(t) for t in triggers) and (
        c.speech_request(rest, ph) is not None or c.call_up(rest, ph) is not None
    )


def _host_follows(after: list[Para], ph: Phrases) -> bool:
    """A heading must be followed by the host's lines (not by another heading or the end)."""
    for para in after[:3]:
        text = para.text
        label = c.speaker_label(text, ph)
        if label is not None:
            if not label.rest:
                continue
            return True
        if c.is_dots(text) or c.whole_bracketed(text) or c.is_optional_line(text, ph):
            continue
        return not (para.style is Style.HEADING or c.english_heading(text, ph))
    return False


def _end_check(b: _Builder, kept: list[Para]) -> None:
    """A downloaded preview often stops mid-sentence: say so at its last line."""
    for para in reversed(kept):
        text = para.text
        if c.is_dots(text) or c.whole_bracketed(text):
            continue
        if len(text) > 20 and not c.ends_sentence(text):
            b.warn(
                para.end,
                _(
                    "the script ends mid-sentence here; the rest of it may be missing "
                    "(a downloaded preview?)"
                ),
            )
        return


# --- titles and ids ---------------------------------------------------------------------


def _finish(b: _Builder) -> list[Unit]:
    ph = b.ph
    sections = b.sections
    for section in sections:
        if section.pending_notes or (section.pending_lines and not section.units):
            unit = Unit("script")
            unit.notes = list(section.pending_notes)
            unit.lines = list(section.pending_lines)
            section.units.append(unit)
    units_all = [u for s in sections for u in s.units]
    last_section = next((s for s in reversed(sections) if s.units), None)
    for section in sections:
        for n, unit in enumerate(section.units):
            if n == 0 and section.title:
                unit.title = section.title
            elif n == 0 and section.opening and unit.kind == "script":
                unit.title = ph.opening_title
                unit.id = "opening"
            if (
                section is last_section
                and n == len(section.units) - 1
                and n > 0
                and unit.kind == "script"
                and units_all
                and unit is units_all[-1]
            ):
                unit.title = ph.closing_title
                unit.id = "closing"
            if not unit.title:
                unit.title = _derived_title(b, unit, section)
    _ids(b, units_all)
    return units_all


def _derived_title(b: _Builder, unit: Unit, section: _Section) -> str:
    ph = b.ph
    if unit.kind == "awards" and unit.intro is not None:
        text = unit.intro.text
        folded = fold(text)
        for verb in AWARD_VERBS:
            at = folded.find(verb)
            if at >= 0:
                return _title_of(c.clause(text, at), 20)
    if unit.kind == "awards":
        return ph.awards_title
    if unit.kind == "speech":
        return _title_of(ph.speech_title.format(speaker=unit.speaker or ""), 40)
    if section.title:
        return section.title
    first = unit.script[0].text if unit.script else ""
    words = first
    for t in ph.transitions:
        if c.matchable(words, ph).startswith(t.lower() if ph.language == "en" else t):
            words = words[len(t) :]
            break
    words = words.lstrip(" ,，:：")
    title = c.clause(words).strip() or c.clause(first).strip()
    return _title_of(title, 16) or ph.opening_title


def _ids(b: _Builder, units: list[Unit]) -> None:
    used: set[str] = {u.id for u in units if u.id}
    counters: dict[str, int] = {}
    prefix = {"script": "part", "speech": "speech", "awards": "awards"}
    for unit in units:
        if unit.id:
            continue
        base = ""
        if b.language == "en":
            base = "-".join(re.findall(r"[a-z0-9]+", unit.title.lower()))[:40].strip("-")
        if not base:
            counters[unit.kind] = counters.get(unit.kind, 0) + 1
            base = f"{prefix[unit.kind]}-{counters[unit.kind]}"
        candidate = base
        n = 2
        while candidate in used:
            candidate = f"{base}-{n}"
            n += 1
        used.add(candidate)
        unit.id = candidate
