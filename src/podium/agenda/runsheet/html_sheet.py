"""The run sheet as one self-contained HTML page, printable on A4 as the host's paper backup.

Laid out for reading at the lectern: 14 pt text, items numbered as agendas number them
(一、二、 in Chinese, 1. 2. otherwise), times to the minute (`printed.py`), each call-up's
names numbered in stage order in one column, page numbers in print.
"""

from __future__ import annotations

from html import escape

from podium.agenda.model import Cue, CueKind, Item
from podium.agenda.plan import Plan
from podium.agenda.runsheet.header import meeting_facts
from podium.agenda.runsheet.labels import Labels, labels_for
from podium.agenda.runsheet.numbering import entry, item_number, names_listed
from podium.agenda.runsheet.printed import PrintedTimes
from podium.agenda.runsheet.timing import gap_before, gap_estimated, late_by
from podium.language import parse_language

STYLE = """
html { -webkit-text-size-adjust: 100%; }
body {
  font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Hiragino Sans GB",
    "Microsoft YaHei", "WenQuanYi Micro Hei", system-ui, -apple-system, "Segoe UI", Roboto,
    "Helvetica Neue", Arial, sans-serif;
  font-size: 14pt; line-height: 1.5; color: #000; background: #fff;
  max-width: 180mm; margin: 1.5rem auto; padding: 0 1rem;
  line-break: strict; overflow-wrap: break-word;
}
h1 { font-size: 22pt; line-height: 1.25; margin: 0 0 .2em; }
.subtitle { font-size: 16pt; margin: 0 0 .6em; }
.facts, .summary, .legend { margin: .2em 0; }
.legend { font-size: 11pt; color: #333; }
table.overview { border-collapse: collapse; width: 100%; margin: 1em 0 1.5em; }
table.overview th, table.overview td { border-bottom: 1px solid #999; padding: .2em .4em;
  text-align: left; vertical-align: top; }
table.overview td.time { text-align: right; white-space: nowrap;
  font-variant-numeric: tabular-nums; }
table.overview td.num { white-space: nowrap; padding-right: 0; }
table.overview tr.gap td { color: #444; font-style: italic; }
table.overview tr { break-inside: avoid; page-break-inside: avoid; }
section.item { border-top: 2px solid #000; padding-top: .4em; margin-top: 1.2em; }
section.item h2 { font-size: 17pt; margin: 0; break-after: avoid; page-break-after: avoid; }
.when { font-variant-numeric: tabular-nums; white-space: nowrap; margin: 0 0 .4em;
  break-after: avoid; page-break-after: avoid; }
.late { font-weight: bold; }
.notes { border-left: 4px solid #666; background: #eee; padding: .3em .6em; margin: .4em 0; }
ol.cues { margin: .4em 0; padding-left: 2em; }
ol.cues > li { margin: .4em 0; break-inside: avoid; page-break-inside: avoid; }
.kind { font-weight: bold; margin-right: .4em; }
.detail { color: #222; }
ol.names { margin: .2em 0; padding-left: 2em; }
ol.names li { break-inside: avoid; page-break-inside: avoid; }
.say, .note { font-style: italic; color: #333; }
@media print {
  body { margin: 0; padding: 0; max-width: none; }
  a { color: inherit; text-decoration: none; }
}
"""


def h(text: str) -> str:
    """Text from the agenda, escaped for HTML, inner line breaks kept."""
    return escape(text, quote=True).replace("\n", "<br>\n")


def html_lang(language: str) -> str:
    """The page's `lang`: zh becomes zh-CN so browsers pick simplified Chinese glyphs."""
    return parse_language(language).html_lang


def page_style(times: PrintedTimes) -> str:
    """A4 pages, numbered at the foot in the meeting's language."""
    return (
        "@page { size: A4; margin: 16mm 15mm 18mm;\n"
        f"  @bottom-center {{ content: {times.page_css()}; font-family: sans-serif;\n"
        "    font-size: 10pt; color: #333; } }\n"
    )


def render_html(plan: Plan, measured: bool = False) -> str:
    """A complete HTML document (no external files), one trailing newline."""
    meeting = plan.agenda.meeting
    labels = labels_for(meeting)
    times = PrintedTimes.of(plan)
    chinese = meeting.lang.is_chinese
    header = meeting_facts(plan, labels, measured, times)
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{escape(html_lang(meeting.language))}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="generator" content="podium plan">',
        f"<title>{h(header.title)}</title>",
        f"<style>\n{page_style(times)}{STYLE}</style>",
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
    out.extend(overview(plan, labels, times, chinese))
    out.append("<main>")
    for number, planned in enumerate(plan.items, 1):
        item = planned.item
        when = [
            times.start(planned.offset_s),
            times.duration(planned.duration_s, item.estimated),
        ]
        if item.at_s is not None:
            when.append(labels.fixed.format(at=times.clock(item.at_s)))
        if not item.speak:
            when.append(labels.silent)
        out += [
            f'<section class="item" id="item-{escape(item.id)}">',
            f'<h2><span class="num">{item_number(number, chinese)}</span>'
            f"{'' if chinese else ' '}{h(item.title)}</h2>",
            f'<p class="when">{escape(" · ".join(when))}</p>',
        ]
        late = late_by(plan, planned)
        if late and item.at_s is not None:
            message = labels.late.format(at=times.clock(item.at_s), late=times.duration(late))
            out.append(f'<p class="late">{escape(message)}</p>')
        if item.notes:
            out.append(
                f'<div class="notes"><strong>{escape(labels.note)}</strong>'
                f"{escape(labels.colon)}{h(item.notes)}</div>"
            )
        out.append('<ol class="cues">')
        out.extend(cue_html(cue, item, labels, times) for cue in item.cues)
        out += ["</ol>", "</section>"]
    out += ["</main>", "</body>", "</html>", ""]
    return "\n".join(out)


def overview(plan: Plan, labels: Labels, times: PrintedTimes, chinese: bool) -> list[str]:
    """The table of every item's start, duration and numbered title, gaps included."""
    rows = [
        '<table class="overview">',
        f"<thead><tr><th>{escape(labels.start)}</th><th>{escape(labels.duration)}</th>"
        f'<th colspan="2">{escape(labels.item)}</th></tr></thead>',
        "<tbody>",
    ]
    for index, planned in enumerate(plan.items):
        item = planned.item
        gap = gap_before(plan, index)
        if gap and item.at_s is not None:
            until = labels.idle.format(until=times.clock(item.at_s))
            gap_length = times.duration(gap, gap_estimated(plan, index))
            rows.append(
                f'<tr class="gap"><td class="time">{escape(times.start(planned.offset_s - gap))}'
                f'</td><td class="time">{escape(gap_length)}</td>'
                f'<td colspan="2">{escape(until)}</td></tr>'
            )
        duration = times.duration(planned.duration_s, item.estimated)
        rows.append(
            f'<tr><td class="time">{escape(times.start(planned.offset_s))}</td>'
            f'<td class="time">{escape(duration)}</td>'
            f'<td class="num">{item_number(index + 1, chinese)}</td>'
            f'<td><a href="#item-{escape(item.id)}">{h(item.title)}</a></td></tr>'
        )
    rows += ["</tbody>", "</table>"]
    return rows


def cue_html(cue: Cue, item: Item, labels: Labels, times: PrintedTimes) -> str:
    """One cue as a list entry: its kind, then its text and what its kind carries."""
    kind = f'<span class="kind">{escape(labels.cue_kinds[cue.kind])}</span>'
    if cue.kind is CueKind.SPEECH:
        length = times.duration(cue.duration_s or item.duration_s)
        limits = [
            f"{label} {times.duration(seconds)}"
            for label, seconds in ((labels.warn, item.warn_s), (labels.danger, item.danger_s))
            if seconds is not None
        ]
        suffix = f" ({escape(' · '.join(limits))})" if limits else ""
        speaker = h(cue.speaker or cue.text)
        return f'<li class="speech">{kind}{speaker} · {escape(length)}{suffix}</li>'
    if cue.kind is CueKind.BREAK:
        length = times.duration(cue.duration_s or item.duration_s)
        text = f"<br>\n{h(cue.text)}" if cue.text else ""
        return f'<li class="break">{kind}{escape(length)}{text}</li>'
    if cue.kind is CueKind.CALL:
        detail = " · ".join(
            part
            for part in (h(cue.award or ""), f"{cue.batch}/{cue.batches}" if cue.batches else "")
            if part
        )
        parts = [f'<li class="call">{kind}<span class="detail">{detail}</span>']
        if cue.text:
            parts.append(f"<br>\n{h(cue.text)}")
        if names_listed(cue):
            parts.append('\n<ol class="names">')
            parts.extend(f"\n<li>{name_html(cue, i, labels)}</li>" for i in range(len(cue.names)))
            parts.append("\n</ol>")
        parts.append("</li>")
        return "".join(parts)
    who = f'<span class="who">{h(cue.who)}</span>{escape(labels.colon)}' if cue.who else ""
    return f'<li class="{escape(str(cue.kind))}">{kind}{who}{h(cue.text)}</li>'


def name_html(cue: Cue, index: int, labels: Labels) -> str:
    """One recipient: the name, its unit, how to say it and the host's note."""
    one = entry(cue, index)
    html = h(one.name)
    if one.unit:
        html += " — " + h(one.unit)
    if one.say:
        html += f' <span class="say">{escape(labels.say)} {h(one.say)}</span>'
    if one.note:
        html += f' <span class="note">{escape(labels.note + labels.colon)}{h(one.note)}</span>'
    return html
