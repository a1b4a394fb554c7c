"""The run sheet for the terminal: aligned columns of start, duration and title, cues in full."""

from __future__ import annotations

from podium.agenda.linebreak import wrap
from podium.agenda.model import Cue, CueKind, Item
from podium.agenda.plan import Plan
from podium.agenda.runsheet.header import MeetingFacts, meeting_facts
from podium.agenda.runsheet.labels import Labels, labels_for
from podium.agenda.runsheet.numbering import entry, item_number, names_listed
from podium.agenda.runsheet.timing import (
    fixed_clock,
    gap_before,
    late_by,
    planned_text,
    start_text,
)
from podium.agenda.runsheet.width import display_width, pad, pad_left

TITLE_COLUMN_MAX = 36
"""Titles are padded to the widest one, but no further than this many columns."""
SHEET_WIDTH = 100
"""Cue texts and notes are wrapped (with 避头尾 rules) to end within this many columns."""
MIN_TEXT_WIDTH = 24


def header_lines(facts: MeetingFacts, labels: Labels) -> list[str]:
    """The meeting-facts header as plain lines."""
    lines = [facts.title]
    if facts.subtitle:
        lines.append(facts.subtitle)
    if facts.facts:
        lines.append(" · ".join(f"{label}{labels.colon}{value}" for label, value in facts.facts))
    lines.append(facts.summary)
    if facts.legend:
        lines.append(facts.legend)
    return lines


def render_text(plan: Plan, measured: bool = False) -> str:
    """The whole run sheet as terminal text, one trailing newline."""
    labels = labels_for(plan.agenda.meeting)
    lines = header_lines(meeting_facts(plan, labels, measured), labels)
    lines.append("")

    starts = [start_text(plan, p.offset_s) for p in plan.items]
    durations = [planned_text(p.duration_s, p.item.estimated) for p in plan.items]
    start_w = max(display_width(labels.start), *(len(s) for s in starts))
    dur_w = max(display_width(labels.duration), *(len(d) for d in durations))
    chinese = plan.agenda.meeting.lang.is_chinese
    titles = [
        item_number(n, chinese) + ("" if chinese else " ") + p.item.title
        for n, p in enumerate(plan.items, 1)
    ]
    title_w = min(
        TITLE_COLUMN_MAX, max(display_width(labels.item), *(display_width(t) for t in titles))
    )
    indent = " " * (start_w + 2 + dur_w + 2)

    def row(start: str, duration: str, title: str) -> str:
        return f"{pad(start, start_w)}  {pad_left(duration, dur_w)}  {title}".rstrip(" ")

    lines.append(row(labels.start, labels.duration, labels.item))
    for index, planned in enumerate(plan.items):
        item = planned.item
        gap = gap_before(plan, index)
        if gap:
            lines.append(
                row(
                    start_text(plan, planned.offset_s - gap),
                    planned_text(gap),
                    labels.idle.format(until=fixed_clock(planned)),
                )
            )
        tags = [item.id]
        if item.at_s is not None:
            tags.append(labels.fixed.format(at=fixed_clock(planned)))
        if not item.speak:
            tags.append(labels.silent)
        lines.append(
            row(
                starts[index],
                durations[index],
                f"{pad(titles[index], title_w)}  " + "  ".join(tags),
            )
        )
        width = SHEET_WIDTH - display_width(indent)
        lines.extend(indent + line for line in item_lines(item, labels, width))
        late = late_by(plan, planned)
        if late:
            lines.append(
                indent + "! " + labels.late.format(at=fixed_clock(planned), late=planned_text(late))
            )
        lines.append("")
    return "\n".join(lines)


def item_lines(item: Item, labels: Labels, width: int | None = None) -> list[str]:
    """The cues of one item, numbered, then its notes; relative to the title column, each
    wrapped to `width` columns (None: not wrapped)."""
    kind_w = max(display_width(label) for label in labels.cue_kinds.values())
    number_w = len(str(len(item.cues)))
    lines: list[str] = []
    for number, cue in enumerate(item.cues, 1):
        head = f"{str(number).rjust(number_w)}. {pad(labels.cue_kinds[cue.kind], kind_w)}  "
        body = _wrapped(cue_lines(cue, item, labels), width, display_width(head))
        hang = " " * display_width(head)
        lines.append((head + body[0]).rstrip(" "))
        lines.extend((hang + line).rstrip(" ") for line in body[1:])
    if item.notes:
        head = f"{labels.note}{labels.colon}"
        note_lines = _wrapped(item.notes.split("\n"), width, display_width(head))
        lines.append(head + note_lines[0])
        lines.extend(" " * display_width(head) + line for line in note_lines[1:])
    return lines


def _wrapped(lines: list[str], width: int | None, hang: int) -> list[str]:
    """Lines wrapped to what is left of `width` after a hanging indent of `hang` columns."""
    if width is None:
        return lines
    room = max(MIN_TEXT_WIDTH, width - hang)
    return [part for line in lines for part in wrap(line, room)]


def cue_lines(cue: Cue, item: Item, labels: Labels) -> list[str]:
    """What a cue shows, as lines (at least one, maybe empty), without the number and kind."""
    text_lines = cue.text.split("\n") if cue.text else []
    if cue.kind is CueKind.SPEECH:
        limits = []
        if item.warn_s is not None:
            limits.append(f"{labels.warn} {planned_text(item.warn_s)}")
        if item.danger_s is not None:
            limits.append(f"{labels.danger} {planned_text(item.danger_s)}")
        length = planned_text(cue.duration_s or item.duration_s)
        if limits:
            length += " (" + " · ".join(limits) + ")"
        speaker = (cue.speaker or cue.text).split("\n")
        return [f"{speaker[0]} · {length}", *speaker[1:]]
    if cue.kind is CueKind.BREAK:
        length = planned_text(cue.duration_s or item.duration_s)
        return [length, *text_lines]
    if cue.kind is CueKind.CALL:
        head = " · ".join(
            part
            for part in (cue.award, f"{cue.batch}/{cue.batches}" if cue.batches else "")
            if part
        )
        lines = [head, *text_lines] if head else list(text_lines)
        if names_listed(cue):
            lines.extend(name_line(cue, i, labels) for i in range(len(cue.names)))
        return lines or [""]
    if cue.who and text_lines:
        text_lines[0] = f"{cue.who}{labels.colon}{text_lines[0]}"
    return text_lines or [""]


def name_line(cue: Cue, index: int, labels: Labels) -> str:
    """One recipient of a call-up, numbered in stage order: `2. name — unit · say … (note)`."""
    width = len(str(len(cue.names)))
    one = entry(cue, index)
    line = f"{str(index + 1).rjust(width)}. {one.name}"
    if one.unit:
        line += " — " + one.unit
    if one.say:
        line += f" · {labels.say} {one.say}"
    if one.note:
        line += f" · {labels.note}{labels.colon}{one.note}"
    return line
