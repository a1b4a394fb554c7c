"""The draft as YAML for a person to finish: a comment block saying what to check, a comment
naming the source lines of each item, block style, keys in the format's order, no anchors.

Written by hand (not by a YAML library's dumper) so the layout is stable and readable: a
scalar is plain when YAML reads it back as the same text, double-quoted otherwise.
"""

from __future__ import annotations

import re

from podium.i18n import _, ngettext
from podium.importer.build import Cue, Draft, Group, Recipient, Unit

_PLAIN_START = re.compile(r"[\w\u0080-\uffff(（【《“‘]")
_NEEDS_QUOTES = re.compile(r":(?:\s|$)|\s#|[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff]|^\s|\s$")
_YAML_WORDS = frozenset(
    [
        "y",
        "n",
        "yes",
        "no",
        "true",
        "false",
        "on",
        "off",
        "null",
        "~",
        "nan",
        "inf",
        ".nan",
        ".inf",
        "-.inf",
        "=",
        "<<",
    ]
)
_NUMBERISH = re.compile(r"^[-+.]?\d|^\.\w|^0[box]")


def scalar(text: str) -> str:
    """`text` as a YAML scalar that reads back as exactly that text."""
    if (
        text
        and _PLAIN_START.match(text)
        and not _NEEDS_QUOTES.search(text)
        and text.lower() not in _YAML_WORDS
        and not _NUMBERISH.match(text)
        and "\n" not in text
        and not text.startswith(("-", "?", ":", "!", "&", "*", "%", "@", "`", "|", ">"))
    ):
        return text
    return quoted(text)


def quoted(text: str) -> str:
    out = ['"']
    for ch in text:
        code = ord(ch)
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif (
            code < 0x20
            or 0x7F <= code <= 0x9F
            or ch in "\u2028\u2029\ufeff"
            or 0xD800 <= code <= 0xDFFF
        ):
            out.append(f"\\u{code:04x}")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


class _Writer:
    def __init__(self) -> None:
        self.lines: list[str] = []

    def line(self, indent: int, text: str) -> None:
        self.lines.append(" " * indent + text)

    def key(self, indent: int, key: str, value: str) -> None:
        self.line(indent, f"{scalar(key)}: {scalar(value)}")

    def cue(self, indent: int, key: str | None, cue: Cue) -> None:
        """A cue text, or `{text, who}` as a block mapping when a host is named."""
        if cue.who is None:
            if key is None:
                self.line(indent, f"- {scalar(cue.text)}")
            else:
                self.key(indent, key, cue.text)
            return
        if key is None:
            self.line(indent, f"- text: {scalar(cue.text)}")
            self.line(indent + 2, f"who: {scalar(cue.who)}")
        else:
            self.line(indent, f"{key}:")
            self.key(indent + 2, "text", cue.text)
            self.key(indent + 2, "who", cue.who)

    def text(self) -> str:
        return "\n".join(self.lines) + "\n"


def render(draft: Draft, out_name: str | None) -> str:
    """The draft agenda's text (the same bytes for the same draft)."""
    w = _Writer()
    for comment in header(draft, out_name):
        w.line(0, f"# {comment}" if comment else "#")
    w.line(0, "podium: 1")
    w.line(0, "meeting:")
    w.key(2, "title", _escape(draft.title))
    w.key(2, "language", draft.language)
    if draft.names:
        w.line(0, "names:")
        for entry in draft.names:
            lines = ", ".join(str(n) for n in entry.lines[:6])
            more = " …" if len(entry.lines) > 6 else ""
            w.line(2, f"{scalar(entry.key)}: {scalar(entry.value)}  # lines {lines}{more}")
    w.line(0, "items:")
    for n, unit in enumerate(draft.items):
        if n:
            w.line(0, "")
        _item(w, draft, unit)
    return w.text()


def _escape(text: str) -> str:
    return text.replace("{", "{{").replace("}", "}}")


def _item(w: _Writer, draft: Draft, unit: Unit) -> None:
    lines = sorted(set(unit.lines))
    if lines:
        where = str(lines[0]) if lines[0] == lines[-1] else f"{lines[0]}-{lines[-1]}"
        w.line(2, f"# {draft.path}:{where}")
    fields = [("kind", unit.kind)] if unit.kind != "script" else []
    fields += [("id", unit.id), ("title", unit.title)]
    for n, (k, v) in enumerate(fields):
        if n == 0:
            w.line(2, f"- {k}: {scalar(v)}")
        else:
            w.key(4, k, v)
    if unit.kind == "speech" and unit.minutes:
        w.line(4, f"duration: {unit.minutes}m")
    if unit.notes:
        w.line(4, "notes:")
        for note in unit.notes:
            w.line(6, f"- {scalar(note)}")
    if unit.kind == "script":
        if unit.script:
            w.line(4, "script:")
            for cue in unit.script:
                w.cue(6, None, cue)
    elif unit.kind == "speech":
        w.key(4, "speaker", unit.speaker or "")
        if unit.intro is not None:
            w.cue(4, "intro", unit.intro)
        if unit.outro is not None:
            w.cue(4, "outro", unit.outro)
    elif unit.kind == "awards":
        if unit.intro is not None:
            w.cue(4, "intro", unit.intro)
        if unit.outro is not None:
            w.cue(4, "outro", unit.outro)
        if len(unit.groups) == 1:
            _group(w, 4, unit.groups[0])
        else:
            w.line(4, "groups:")
            for group in unit.groups:
                w.line(6, f"# {draft.path}:{group.line}")
                _group(w, 6, group, dash=True)


def _group(w: _Writer, indent: int, group: Group, dash: bool = False) -> None:
    inner = indent + 2 if dash else indent
    w.line(indent, "- recipients:" if dash else "recipients:")
    for r in group.recipients:
        _recipient(w, inner + 2, r)
    w.key(inner, "call", group.call)
    if group.batch > 1:
        w.line(inner, f"batch: {group.batch}")


def _recipient(w: _Writer, indent: int, r: Recipient) -> None:
    if r.unit is None and r.note is None:
        w.line(indent, f"- {scalar(r.name)}")
        return
    w.line(indent, f"- name: {scalar(r.name)}")
    if r.unit is not None:
        w.key(indent + 2, "unit", r.unit)
    if r.note is not None:
        w.key(indent + 2, "note", r.note)


# --- the comment block ------------------------------------------------------------------


def header(draft: Draft, out_name: str | None) -> list[str]:
    """What the organiser has to check, in the order they will do it."""
    names = draft.names
    speeches = [u for u in draft.items if u.kind == "speech"]
    standins = sum(1 for u in draft.items for g in u.groups if g.standin)
    notes = sum(len(u.notes) for u in draft.items)
    whos = any(
        cue.who
        for u in draft.items
        for cue in [*u.script, *(x for x in (u.intro, u.outro) if x is not None)]
    )
    target = out_name or "AGENDA.yaml"
    out = [
        _("Draft agenda made by `podium import` from {path}.").format(path=draft.path),
        _("It reads every word of the host's as written; check it, then fill in what is missing:"),
    ]
    steps: list[str] = []
    if names:
        steps.append(
            ngettext(
                "names: fill in the {n} masked name below; `podium validate` warns until it is.",
                "names: fill in the {n} masked names below; `podium validate` warns until they "
                "are.",
                len(names),
            ).format(n=len(names))
        )
    if speeches:
        steps.append(
            ngettext(
                "duration of the speech: a guess from its verb; set the real slot.",
                "duration of each of the {n} speeches: a guess from its verb; set the real slot.",
                len(speeches),
            ).format(n=len(speeches))
        )
    if standins:
        steps.append(
            ngettext(
                "recipients: {n} call-up does not name whom it calls; list them.",
                "recipients: {n} call-ups do not name whom they call; list them.",
                standins,
            ).format(n=standins)
        )
    if notes:
        steps.append(
            _("notes: stage directions and the lines where someone else speaks (never read).")
        )
    if whos:
        steps.append(_("who: which host reads a cue, from the labels of the script."))
    steps.append(_("meeting: add date, start and venue; check the title and each item's title."))
    out += [f"  {n}. {step}" for n, step in enumerate(steps, start=1)]
    out.append(
        _("Each item's comment names the lines of {path} it came from.").format(path=draft.path)
    )
    out.append(_("Then: podium validate {out} && podium run {out} --rehearse").format(out=target))
    return out
