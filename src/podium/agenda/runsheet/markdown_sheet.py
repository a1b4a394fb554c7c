"""The run sheet as Markdown, for printing a paper copy or pasting into a shared document."""

from __future__ import annotations

import re

from podium.agenda.model import Cue, CueKind, Item
from podium.agenda.plan import Plan
from podium.agenda.runsheet.header import meeting_facts
from podium.agenda.runsheet.labels import Labels, labels_for
from podium.agenda.runsheet.timing import (
    fixed_clock,
    gap_before,
    late_by,
    planned_text,
    start_text,
)

_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~])")
_LINE_START = re.compile(r"^(\s*)([-+=]|\d+[.)])", re.MULTILINE)


def _escape_marker(m: re.Match[str]) -> str:
    """A list or heading marker at a line start made literal: `- x` → `\\- x`, `1. x` → `1\\. x`."""
    marker = m.group(2)
    return m.group(1) + (marker[:-1] + "\\" + marker[-1] if marker[0].isdigit() else "\\" + marker)


def md(text: str) -> str:
    """Text from the agenda made literal in Markdown: markup characters backslash-escaped, and
    inner line breaks kept as hard breaks."""
    escaped = _LINE_START.sub(_escape_marker, _SPECIAL.sub(r"\\\1", text))
    return escaped.replace("\n", "  \n")


def render_markdown(plan: Plan, measured: bool = False) -> str:
    """The whole run sheet as Markdown: a header, an overview table, then each item in full."""
    meeting = plan.agenda.meeting
    labels = labels_for(meeting)
    header = meeting_facts(plan, labels, measured)
    out = [f"# {md(header.title)}", ""]
    if header.subtitle:
        out += [md(header.subtitle), ""]
    if header.facts:
        facts = (f"**{label}**{labels.colon}{md(value)}" for label, value in header.facts)
        out += [" · ".join(facts), ""]
    out += [md(header.summary), ""]
    if header.legend:
        out += [md(header.legend), ""]

    out += [f"| {labels.start} | {labels.duration} | {labels.item} |", "|---:|---:|---|"]
    for index, planned in enumerate(plan.items):
        gap = gap_before(plan, index)
        if gap:
            until = labels.idle.format(until=fixed_clock(planned))
            gap_start = start_text(plan, planned.offset_s - gap)
            out.append(f"| {gap_start} | {planned_text(gap)} | *{md(until)}* |")
        duration = md(planned_text(planned.duration_s, planned.item.estimated))
        title = md(planned.item.title).replace("\n", " ")
        out.append(f"| {start_text(plan, planned.offset_s)} | {duration} | {title} |")
    out.append("")

    for planned in plan.items:
        item = planned.item
        duration = md(planned_text(planned.duration_s, item.estimated))
        heading = f"## {start_text(plan, planned.offset_s)} · {md(item.title)} · {duration}"
        out += [heading.replace("  \n", " "), ""]
        tags = [f"`{item.id}`"]
        if item.at_s is not None:
            tags.append(md(labels.fixed.format(at=fixed_clock(planned))))
        if not item.speak:
            tags.append(md(labels.silent))
        out += [" · ".join(tags), ""]
        late = late_by(plan, planned)
        if late:
            message = labels.late.format(at=fixed_clock(planned), late=planned_text(late))
            out += [f"**{md(message)}**", ""]
        if item.notes:
            out += [f"> **{labels.note}**{labels.colon}" + md(item.notes).replace("\n", "\n> "), ""]
        for number, cue in enumerate(item.cues, 1):
            out.extend(cue_markdown(number, cue, item, labels))
        out.append("")
    return "\n".join(out)


def cue_markdown(number: int, cue: Cue, item: Item, labels: Labels) -> list[str]:
    """One cue as a numbered list entry, with a nested list of recipients for call-ups."""
    kind = labels.cue_kinds[cue.kind]
    hang = " " * (len(str(number)) + 2)
    text = md(cue.text).replace("\n", "\n" + hang)
    if cue.kind is CueKind.SPEECH:
        length = planned_text(cue.duration_s or item.duration_s)
        limits = [
            f"{label} {planned_text(seconds)}"
            for label, seconds in ((labels.warn, item.warn_s), (labels.danger, item.danger_s))
            if seconds is not None
        ]
        suffix = f" ({' · '.join(limits)})" if limits else ""
        speaker = md(cue.speaker or cue.text).replace("\n", "\n" + hang)
        return [f"{number}. **{kind}** {speaker} · {length}{suffix}"]
    if cue.kind is CueKind.BREAK:
        length = planned_text(cue.duration_s or item.duration_s)
        return [f"{number}. **{kind} {length}** {text}".rstrip()]
    if cue.kind is CueKind.CALL:
        head = " · ".join(
            part
            for part in (md(cue.award or ""), f"{cue.batch}/{cue.batches}" if cue.batches else "")
            if part
        )
        lines = [f"{number}. **{kind}** {head}".rstrip()]
        if text:
            lines[0] += "  \n" + hang + text
        if any(cue.units) or cue.say:
            for i, name in enumerate(cue.names):
                entry = md(name)
                unit = cue.units[i] if i < len(cue.units) else None
                if unit:
                    entry += " — " + md(unit)
                if cue.say and cue.say[i] != name:
                    entry += f" · *{labels.say} {md(cue.say[i])}*"
                lines.append(f"{hang}- {entry}")
        return lines
    if cue.who:
        text = f"*{md(cue.who)}*{labels.colon}{text}"
    return [f"{number}. **{kind}** {text}".rstrip()]
