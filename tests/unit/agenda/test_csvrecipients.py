"""Reading `recipients_csv` files: the whole-file read of clean files and the row-by-row read
of unusual ones give the same people, and problems keep their exact lines."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from podium.agenda import csvrecipients
from podium.agenda.csvrecipients import CsvProblem, read_recipients
from podium.agenda.loader import load_agenda
from podium.agenda.model import Recipient

EN = "podium: 1\nmeeting:\n  title: Awards night\nitems:\n"


def read(tmp_path: Path, text: str) -> csvrecipients.CsvRecipients:
    path = tmp_path / "people.csv"
    path.write_text(text, encoding="utf-8", newline="")
    return read_recipients(str(path), "people.csv")


def problem(tmp_path: Path, text: str) -> str:
    with pytest.raises(CsvProblem) as caught:
        read(tmp_path, text)
    return str(caught.value)


CLEAN = "name,unit,say,note\n Ann ,Sales,, \nBo,,Boh,vip\n"
SAME_PEOPLE_MESSIER = [
    "\n\nname,unit,say,note\n Ann ,Sales,, \n,,,\n\nBo,,Boh,vip\n\n",  # blank rows around
    "name,unit,say,note\r\n Ann ,Sales\r\nBo,,Boh,vip\r\n",  # short row, CRLF
    "name;unit;say;note\n Ann ;Sales;;\nBo;;Boh;vip\n",  # semicolons
]


def test_clean_file_values_are_trimmed_and_empty_cells_are_none(tmp_path: Path) -> None:
    out = read(tmp_path, CLEAN)
    assert out.warnings == []
    assert out.recipients == [
        Recipient("Ann", unit="Sales"),
        Recipient("Bo", say="Boh", note="vip"),
    ]


@pytest.mark.parametrize("text", SAME_PEOPLE_MESSIER)
def test_unusual_rows_read_the_same_people(tmp_path: Path, text: str) -> None:
    assert read(tmp_path, text).recipients == read(tmp_path, CLEAN).recipients


@pytest.mark.parametrize(
    "text",
    [
        CLEAN,
        "姓名,单位,读音,备注\n张三,一中,zhang san,\n李四,,,备注\n",
        "name,name,unit\nA,B,U\nC,D,V\n",  # the first 'name' column counts
        "unit,name\nU,A\nV,B\n",
    ],
)
def test_whole_file_read_agrees_with_row_by_row(tmp_path: Path, text: str) -> None:
    first = csv.reader(io.StringIO(text, newline=""))
    clean = csvrecipients._clean(first, csvrecipients._header(first, "x"), True)
    second = csv.reader(io.StringIO(text, newline=""))
    careful = csvrecipients._row_by_row(second, csvrecipients._header(second, "x"), "x")
    assert clean is not None
    assert clean.recipients == careful.recipients
    assert clean.warnings == careful.warnings == []


def test_a_cell_over_two_lines_is_read_row_by_row_without_a_warning() -> None:
    text = 'name,note\n"Ann","two\nlines"\nBo,x\n'
    first = csv.reader(io.StringIO(text, newline=""))
    assert csvrecipients._clean(first, csvrecipients._header(first, "x"), True) is None
    second = csv.reader(io.StringIO(text, newline=""))
    careful = csvrecipients._row_by_row(second, csvrecipients._header(second, "x"), "x")
    assert [r.note for r in careful.recipients] == ["two\nlines", "x"]
    assert careful.warnings == []


def test_masked_names_warn_with_their_lines_after_a_two_line_cell(tmp_path: Path) -> None:
    out = read(tmp_path, 'name,note\n"Ann","two\nlines"\n***\nBo\nXXX Smith\n')
    assert [r.name for r in out.recipients] == ["Ann", "***", "Bo", "XXX Smith"]
    assert out.warnings == [
        ("line 4", "looks like an unfilled name: '***'"),
        ("line 6", "looks like an unfilled name: 'XXX Smith'"),
    ]


HUGE = "x" * 200_000  # past the csv module's field limit: a csv.Error


def test_first_problem_wins_over_a_later_csv_error(tmp_path: Path) -> None:
    assert problem(tmp_path, f"name,unit\nA,x\n,y\n{HUGE},z\n") == (
        "recipients_csv people.csv line 3: the name is empty"
    )


def test_csv_error_keeps_its_line(tmp_path: Path) -> None:
    text = "name\n" + "".join(f"N{i}\n" for i in range(50)) + HUGE + "\nB\n"
    assert problem(tmp_path, text) == (
        "recipients_csv people.csv line 52: field larger than field limit (131072)"
    )


def test_empty_name_in_a_short_row_keeps_its_line(tmp_path: Path) -> None:
    assert problem(tmp_path, "unit,name\nU,A\nV\nW,C\n") == (
        "recipients_csv people.csv line 3: the name is empty"
    )


def test_call_template_with_braces_in_filled_text(tmp_path: Path) -> None:
    """Literal braces and filled `names:` values with braces survive the call-up template."""
    (tmp_path / "people.csv").write_text("name\nA{1}\nB}\n", encoding="utf-8")
    (tmp_path / "a.yaml").write_text(
        "podium: 1\nnames:\n  org: 'R{&}D {x'\n"
        + EN.removeprefix("podium: 1\n")
        + "  - kind: awards\n    title: t\n    batch: 2\n"
        "    call: '{{{org}}} {count}: {names}'\n    recipients_csv: people.csv\n",
        encoding="utf-8",
    )
    result = load_agenda(str(tmp_path / "a.yaml"))
    assert result.agenda is not None, result.diagnostics
    (cue,) = result.agenda.items[0].cues
    assert cue.text == "{R{&}D {x} 2: A{1}, B}"
    assert cue.spoken == cue.text
