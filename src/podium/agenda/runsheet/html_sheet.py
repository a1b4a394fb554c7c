"""The run sheet as one self-contained HTML page, printable on A4 as the host's paper backup."""

from __future__ import annotations

from html import escape

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
from podium.language import parse_language

STYLE = """
@page { size: A4; margin: 16mm 15mm 18mm; }
html { -webkit-text-size-adjust: 100%; }
body {
  font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Hiragino Sans GB",
    "Microsoft YaHei", "WenQuanYi Micro Hei", system-ui, -apple-system, "Segoe UI", Roboto,
    "Helvetica Neue", Arial, sans-serif;
  font-size: 12pt; line-height: 1.55; color: #111; background: #fff;
  max-width: 180mm; margin: 1.5rem auto; padding: 0 1rem;
}
h1 { font-size: 20pt; line-height: 1.25; margin: 0 0 .2em; }
.subtitle { font-size: 14pt; margin: 0 0 .6em; }
.facts, .summary, .legend { margin: .2em 0; }
.legend { font-size: 10pt; color: #444; }
table.overview { border-collapse: collapse; width: 100%; margin: 1em 0 1.5em; font-size: 11pt; }
table.overview th, table.overview td { border-bottom: 1px solid #bbb; padding: .25em .5em;
  text-align: left; vertical-align: top; }
table.overview td.time { text-align: right; white-space: nowrap;
  font-variant-numeric: tabular-nums; }
table.overview tr.gap td { color: #555; font-style: italic; }
table.overview tr { break-inside: avoid; page-break-inside: avoid; }
section.item { border-top: 2px solid #333; padding-top: .4em; margin-top: 1.2em;
  break-inside: avoid; page-break-inside: avoid; }
section.item h2 { font-size: 14pt; margin: 0 0 .2em; break-after: avoid; page-break-after: avoid; }
.when { font-variant-numeric: tabular-nums; white-space: nowrap; }
.tags { font-size: 10pt; color: #444; margin: 0 0 .4em; }
.late { font-weight: bold; }
.notes { border-left: 4px solid #888; background: #f2f2f2; padding: .3em .6em; margin: .4em 0;
  font-size: 11pt; }
ol.cues { margin: .4em 0; padding-left: 2em; }
ol.cues > li { margin: .35em 0; break-inside: avoid; page-break-inside: avoid; }
.kind { font-weight: bold; margin-right: .4em; }
.detail { color: #333; }
ul.names { columns: 2; column-gap: 2em; margin: .2em 0; padding-left: 1.2em; font-size: 11pt; }
ul.names li { break-inside: avoid; page-break-inside: avoid; }
.say { font-style: italic; color: #444; }
@media print {
  body { margin: 0; padding: 0; max-width: none; font-size: 11.5pt; }
  a { color: inherit; text-decoration: none; }
}
"""


def h(text: str) -> str:
    """Text from the agenda, escaped for HTML, inner line breaks kept."""
    return escape(text, quote=True).replace("\n", "<br>\n")


def html_lang(language: str) -> str:
    """The page's `lang`: zh becomes zh-CN so browsers pick simplified Chinese glyphs."""
    return parse_language(language).html_lang


def render_html(plan: Plan, measured: bool = False) -> str:
    """A complete HTML document (no external files), one trailing newline."""
    meeting = plan.agenda.meeting
    labels = labels_for(meeting)
    header = meeting_facts(plan, labels, measured)
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{escape(html_lang(meeting.language))}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="generator" content="podium plan">',
        f"<title>{h(header.title)}</title>",
        f"<style>{STYLE}</style>",
        "</head>",
        "<body>",
        "<header>",
        f"<h1>{h(header.title)}</h1>",
    ]
    if header.subtitle:
        out.append(f'<p class="subtitle">{h(header.subtitle)}</p>')
    if header.facts:
        facts = (
            f"<strong>{escape(label)}</strong>{escape(labels.colon)}{h(value)}"
            for label, value in header.facts
        )
        out.append(f'<p class="facts">{" · ".join(facts)}</p>')
    out.append(f'<p class="summary">{h(header.summary)}</p>')
    if header.legend:
        out.append(f'<p class="legend">{h(header.legend)}</p>')
    out.append("</header>")
    out.extend(overview(plan, labels))
    out.append("<main>")
    for planned in plan.items:
        item = planned.item
        when = escape(start_text(plan, planned.offset_s))
        duration = escape(planned_text(planned.duration_s, item.estimated))
        out += [
            f'<section class="item" id="item-{escape(item.id)}">',
            f'<h2><span class="when">{when}</span> · {h(item.title)} · '
            f'<span class="when">{duration}</span></h2>',
        ]
        tags = [f"<code>{escape(item.id)}</code>"]
        if item.at_s is not None:
            tags.append(escape(labels.fixed.format(at=fixed_clock(planned))))
        if not item.speak:
            tags.append(escape(labels.silent))
        out.append(f'<p class="tags">{" · ".join(tags)}</p>')
        late = late_by(plan, planned)
        if late:
            message = labels.late.format(at=fixed_clock(planned), late=planned_text(late))
            out.append(f'<p class="late">{escape(message)}</p>')
        if item.notes:
            out.append(
                f'<div class="notes"><strong>{escape(labels.note)}</strong>'
                f"{escape(labels.colon)}{h(item.notes)}</div>"
            )
        out.append('<ol class="cues">')
        out.extend(cue_html(cue, item, labels) for cue in item.cues)
        out += ["</ol>", "</section>"]
    out += ["</main>", "</body>", "</html>", ""]
    return "\n".join(out)


def overview(plan: Plan, labels: Labels) -> list[str]:
    """The table of every item's start, duration and title, gaps included."""
    rows = [
        '<table class="overview">',
        f"<thead><tr><th>{escape(labels.start)}</th><th>{escape(labels.duration)}</th>"
        f"<th>{escape(labels.item)}</th></tr></thead>",
        "<tbody>",
    ]
    for index, planned in enumerate(plan.items):
        gap = gap_before(plan, index)
        if gap:
            until = labels.idle.format(until=fixed_clock(planned))
            rows.append(
                f'<tr class="gap"><td class="time">'
                f"{escape(start_text(plan, planned.offset_s - gap))}</td>"
                f'<td class="time">{escape(planned_text(gap))}</td><td>{escape(until)}</td></tr>'
            )
        duration = planned_text(planned.duration_s, planned.item.estimated)
        rows.append(
            f'<tr><td class="time">{escape(start_text(plan, planned.offset_s))}</td>'
            f'<td class="time">{escape(duration)}</td>'
            f'<td><a href="#item-{escape(planned.item.id)}">{h(planned.item.title)}</a></td></tr>'
        )
    rows += ["</tbody>", "</table>"]
    return rows


def cue_html(cue: Cue, item: Item, labels: Labels) -> str:
    """One cue as a list entry: its kind, then its text and what its kind carries."""
    kind = f'<span class="kind">{escape(labels.cue_kinds[cue.kind])}</span>'
    if cue.kind is CueKind.SPEECH:
        length = planned_text(cue.duration_s or item.duration_s)
        limits = [
            f"{label} {planned_text(seconds)}"
            for label, seconds in ((labels.warn, item.warn_s), (labels.danger, item.danger_s))
            if seconds is not None
        ]
        suffix = f" ({escape(' · '.join(limits))})" if limits else ""
        speaker = h(cue.speaker or cue.text)
        return f'<li class="speech">{kind}{speaker} · {length}{suffix}</li>'
    if cue.kind is CueKind.BREAK:
        length = planned_text(cue.duration_s or item.duration_s)
        text = f"<br>\n{h(cue.text)}" if cue.text else ""
        return f'<li class="break">{kind}{length}{text}</li>'
    if cue.kind is CueKind.CALL:
        detail = " · ".join(
            part
            for part in (h(cue.award or ""), f"{cue.batch}/{cue.batches}" if cue.batches else "")
            if part
        )
        parts = [f'<li class="call">{kind}<span class="detail">{detail}</span>']
        if cue.text:
            parts.append(f"<br>\n{h(cue.text)}")
        if any(cue.units) or cue.say:
            parts.append('\n<ul class="names">')
            for i, name in enumerate(cue.names):
                entry = h(name)
                unit = cue.units[i] if i < len(cue.units) else None
                if unit:
                    entry += " — " + h(unit)
                if cue.say and cue.say[i] != name:
                    entry += f' <span class="say">{escape(labels.say)} {h(cue.say[i])}</span>'
                parts.append(f"\n<li>{entry}</li>")
            parts.append("\n</ul>")
        parts.append("</li>")
        return "".join(parts)
    who = f'<span class="who">{h(cue.who)}</span>{escape(labels.colon)}' if cue.who else ""
    return f'<li class="{escape(str(cue.kind))}">{kind}{who}{h(cue.text)}</li>'
