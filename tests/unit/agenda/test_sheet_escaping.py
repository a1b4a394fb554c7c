"""Run sheets never carry a control character from the agenda raw (issue 15, terminal escape
injection), whatever the text: CSV cells are escaped cell by cell (controls shown as `\\x1b`,
formulas quoted with `'`), JSON stays exact (its own `\\u` escapes), text, markdown and HTML
go through `printable`. Property tests with arbitrary Unicode, built through the loader."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from podium.agenda.loader import load_agenda
from podium.agenda.model import Agenda
from podium.agenda.plan import make_plan
from podium.agenda.runsheet import render
from podium.agenda.runsheet.csv_sheet import BOM, FORMULA_STARTS
from podium.cli.plan import safe_sheet
from podium.textsafe import printable

SETTINGS = settings(
    max_examples=int(os.environ.get("PODIUM_PROPERTY_EXAMPLES", "100")),
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)

CONTROLS = (
    "\x00\x01\x07\x08\t\n\r\x0b\x0c\x1b\x7f\x80\x85\x9b\x9d\x9f"
    "\u2028\u2029\u200e\u200f\u061c\u202a\u202e\u2066\u2069"
)
TEXT = st.text(
    alphabet=st.one_of(
        st.sampled_from(CONTROLS + "=+-@[]'\"\\,;张三 ab"),
        st.characters(exclude_categories=("Cs",)),
    ),
    min_size=1,
    max_size=40,
).filter(lambda s: s.strip() and "{" not in s and "}" not in s)  # braces: placeholders
RAW = re.compile(f"[{CONTROLS.replace(chr(9), '').replace(chr(10), '')}]")


def dq(s: str) -> str:
    """A YAML double-quoted scalar: everything but printable ASCII as an escape."""

    def escape(ch: str) -> str:
        code = ord(ch)
        if 0x20 <= code < 0x7F and ch not in '"\\':
            return ch
        return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"

    return '"' + "".join(escape(ch) for ch in s) + '"'


def load(title: str, name: str, script: str, speaker: str) -> Agenda:
    text = (
        "podium: 1\nmeeting:\n  title: " + dq(title) + "\nitems:\n"
        "  - id: one\n    title: " + dq(title) + "\n    script: " + dq(script) + "\n"
        "  - kind: speech\n    title: "
        + dq(name)
        + "\n    speaker: "
        + dq(speaker)
        + "\n    duration: 5m\n"
        "  - kind: awards\n    title: a\n    award: " + dq(title) + "\n"
        "    recipients:\n      - {name: " + dq(name) + ", unit: " + dq(speaker) + "}\n"
    )
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "a.yaml"
        path.write_text(text, encoding="utf-8")
        agenda = load_agenda(str(path)).agenda
    assert agenda is not None
    return agenda


def texts_of(agenda: Agenda) -> list[str]:
    """Every text the sheet shows, as loaded."""
    out = [agenda.meeting.title]
    for item in agenda.items:
        out.append(item.title)
        for cue in item.cues:
            out += [cue.text, cue.speaker or "", cue.award or "", *cue.names]
            out += [u or "" for u in cue.units]
    return [t for t in out if t]


def expected_cell(value: str) -> str:
    shown = printable(value)
    return "'" + shown if shown.startswith(FORMULA_STARTS) else shown


@SETTINGS
@given(title=TEXT, name=TEXT, script=TEXT, speaker=TEXT)
def test_csv_cells_carry_no_control_character_and_no_formula(
    title: str, name: str, script: str, speaker: str
) -> None:
    agenda = load(title, name, script, speaker)
    sheet = safe_sheet(render(make_plan(agenda), "csv"), "csv")
    assert sheet.startswith(BOM)
    body = sheet[len(BOM) :]
    assert RAW.search(body.replace("\r\n", "")) is None  # CR only in the row ends
    rows = list(csv.reader(io.StringIO(body, newline="")))
    assert len(rows) == 1 + sum(len(item.cues) for item in agenda.items)
    header = rows[0]
    for row in rows[1:]:
        assert len(row) == len(header)
        for cell in row:
            assert not cell.startswith(FORMULA_STARTS), cell
    first, speech, call = rows[1], rows[2], rows[3]
    items = agenda.items
    assert first[header.index("item_title")] == expected_cell(items[0].title)
    assert first[header.index("text")] == expected_cell(items[0].cues[0].text)
    assert speech[header.index("speaker")] == expected_cell(items[1].cues[0].speaker or "")
    assert call[header.index("award")] == expected_cell(items[2].cues[0].award or "")
    assert call[header.index("names")] == expected_cell(items[2].cues[0].names[0])


@SETTINGS
@given(title=TEXT, name=TEXT, script=TEXT, speaker=TEXT)
def test_json_keeps_every_text_exact_and_prints_none_raw(
    title: str, name: str, script: str, speaker: str
) -> None:
    agenda = load(title, name, script, speaker)
    sheet = safe_sheet(render(make_plan(agenda), "json"), "json")
    assert RAW.search(sheet) is None
    data = json.loads(sheet)
    items = agenda.items
    assert data["items"][0]["title"] == items[0].title
    assert data["items"][0]["cues"][0]["text"] == items[0].cues[0].text
    assert data["items"][1]["cues"][0]["speaker"] == items[1].cues[0].speaker
    assert data["items"][2]["cues"][0]["names"] == list(items[2].cues[0].names)


@SETTINGS
@given(title=TEXT, name=TEXT, script=TEXT, speaker=TEXT)
# A line ending in a carriage return: the sheet trimmed it as trailing white space, so the
# control vanished instead of showing as `\x0d`.
@example(title="0", name="0", script="0", speaker="0\n\r\n0")
def test_text_markdown_and_html_show_every_text_escaped(
    title: str, name: str, script: str, speaker: str
) -> None:
    agenda = load(title, name, script, speaker)
    for fmt in ("text", "markdown", "html"):
        sheet = safe_sheet(render(make_plan(agenda), fmt), fmt)
        assert RAW.search(sheet) is None, fmt
    text = safe_sheet(render(make_plan(agenda), "text"), "text")
    for value in texts_of(agenda):
        for line in printable(value).split("\n"):
            if len(line.strip()) > 3 and "\t" not in line:
                assert line.strip() in text, (value, line)
