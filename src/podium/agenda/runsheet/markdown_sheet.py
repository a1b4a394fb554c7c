"""The run sheet as Markdown, for printing a paper copy or pasting into a shared document."""

from __future__ import annotations

import re

from podium.agenda.model import Cue, CueKind, Item
from podium.agenda.plan import Plan
from podium.agenda.runsheet.header import meeting_facts
from podium.agenda.runsheet.labels import Labels, labels_for
from podium.agenda.runsheet.numbering import entry, item_number, names_listed
from podium.agenda.runsheet.printed import PrintedTimes
from podium.agenda.runsheet.timing import gap_before, gap_estimated, late_by

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
    """The whole run sheet as Markdown: a header, an overview table, then each item in full,
    numbered and timed to the minute like the html sheet."""
    meeting = plan.agenda.meeting
    labels = labels_for(meeting)
    times = PrintedTimes.of(plan)
    chinese = meeting.lang.is_chinese
    header = meeting_facts(plan, labels, measured, times)
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
        item = planned.item
        gap = gap_before(plan, index)
        if gap and item.at_s is not None:
            until = labels.idle.format(until=times.clock(item.at_s))
            gap_start = times.start(planned.offset_s - gap)
            gap_length = md(times.duration(gap, gap_estimated(plan, index)))
            out.append(f"| {gap_start} | {gap_length} | *{md(until)}* |")
        duration = md(times.duration(planned.duration_s, item.estimated))
        title = md(item.title).replace("  \n", " ")
        numbered = numbered_title(index + 1, title, chinese)
        out.append(f"| {times.start(planned.offset_s)} | {duration} | {numbered} |")
    out.append("")

    for number, planned in enumerate(plan.items, 1):
        item = planned.item
        heading = "## " + numbered_title(number, md(item.title), chinese)
        out += [heading.replace("  \n", " "), ""]
        when = [
            times.start(planned.offset_s),
            times.duration(planned.duration_s, item.estimated),
        ]
        if item.at_s is not None:
            when.append(labels.fixed.format(at=times.clock(item.at_s)))
        if not item.speak:
            when.append(labels.silent)
        out += [md(" · ".join(when)), ""]
        late = late_by(plan, planned)
        if late and item.at_s is not None:
            message = labels.late.format(at=times.clock(item.at_s), late=times.duration(late))
            out += [f"**{md(message)}**", ""]
        if item.notes:
            out += [f"> **{labels.note}**{labels.colon}" + md(item.notes).replace("\n", "\n> "), ""]
        for cue_number, cue in enumerate(item.cues, 1):
            out.extend(cue_markdown(cue_number, cue, item, labels, times))
        out.append("")
    return "\n".join(out)


def numbered_title(number: int, title: str, chinese: bool) -> str:
    """`一、开场` or `1. Welcome` (the number escaped, `title` already Markdown)."""
    return md(item_number(number, chinese)) + ("" if chinese else " ") + title


def cue_markdown(
    number: int, cue: Cue, item: Item, labels: Labels, times: PrintedTimes
) -> list[str]:
    """One cue as a numbered list entry, with a numbered list of recipients for call-ups."""
    kind = labels.cue_kinds[cue.kind]
    hang = " " * (len(str(number)) + 2)
    text = md(cue.text).replace("\n", "\n" + hang)
    if cue.kind is CueKind.SPEECH:
        length = md(times.duration(cue.duration_s or item.duration_s))
        limits = [
            f"{label} {md(times.duration(seconds))}"
            for label, seconds in ((labels.warn, item.warn_s), (labels.danger, item.danger_s))
            if seconds is not None
        ]
        suffix = f" ({' · '.join(limits)})" if limits else ""
        speaker = md(cue.speaker or cue.text).replace("\n", "\n" + hang)
        return [f"{number}. **{kind}** {speaker} · {length}{suffix}"]
    if cue.kind is CueKind.BREAK:
        length = md(times.duration(cue.duration_s or item.duration_s))
        return [f"{number}. **{kind} {length}** {text}".rstrip(" ")]
    if cue.kind is CueKind.CALL:
        head = " · ".join(
            part
            for part in (md(cue.award or ""), f"{cue.batch}/{cue.batches}" if cue.batches else "")
            if part
        )
        lines = [f"{number}. **{kind}** {head}".rstrip(" ")]
        if text:
            lines[0] += "  \n" + hang + text
        if names_listed(cue):
            lines.append("")
            for i in range(len(cue.names)):
                one = entry(cue, i)
                listed = md(one.name)
                if one.unit:
                    listed += " — " + md(one.unit)
                if one.say:
                    listed += f" · *{labels.say} {md(one.say)}*"
                if one.note:
                    listed += f" · *{md(labels.note + labels.colon)}{md(one.note)}*"
                lines.append(f"{hang}{i + 1}. {listed}")
            lines.append("")
        return lines
    if cue.who:
        text = f"*{md(cue.who)}*{labels.colon}{text}"
    return [f"{number}. **{kind}** {text}".rstrip(" ")]
