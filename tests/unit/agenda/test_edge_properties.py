"""Correctness at the edges, as classes (issue 15): placeholder keys of any script in any
normalisation, and `at` times across midnight for any start."""

from __future__ import annotations

import os
import tempfile
import unicodedata
from pathlib import Path

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from podium.agenda.loader import LoadResult, load_agenda
from podium.agenda.plan import make_plan

SETTINGS = settings(
    max_examples=int(os.environ.get("PODIUM_PROPERTY_EXAMPLES", "100")),
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)


def load(text: str) -> LoadResult:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "a.yaml"
        path.write_text(text, encoding="utf-8")
        return load_agenda(str(path))


LETTER = st.characters(categories=("Lu", "Ll", "Lo", "Lm"), min_codepoint=0x80)
REST = st.one_of(
    LETTER,
    st.characters(categories=("Mn", "Mc")),
    st.characters(categories=("Nd",)),
    st.sampled_from("_-éèüñ"),
)


@SETTINGS
@given(
    first=LETTER,
    rest=st.lists(REST, max_size=8).map("".join),
    given_as=st.sampled_from(["NFC", "NFD"]),
    used_as=st.sampled_from(["NFC", "NFD"]),
)
def test_a_key_of_any_script_is_found_in_any_normalisation(
    first: str, rest: str, given_as: str, used_as: str
) -> None:
    key = first + rest
    written, used = unicodedata.normalize(given_as, key), unicodedata.normalize(used_as, key)
    assume(not unicodedata.category(written[0]).startswith("M"))
    assume(all(c.isprintable() for c in written))
    text = (
        "podium: 1\nmeeting:\n  title: T\nnames:\n"
        f'  "{written}": Value\nitems:\n  - title: t\n    script: "a {{{used}}} b"\n'
    )
    result = load(text)
    assert [str(d) for d in result.diagnostics] == [], (key, written, used)
    assert result.agenda is not None
    assert result.agenda.items[0].cues[0].text == "a Value b"


@SETTINGS
@given(
    start=st.integers(min_value=0, max_value=24 * 60 - 1),
    delta=st.integers(min_value=1, max_value=24 * 60 - 1),
)
def test_an_at_is_the_first_such_time_after_the_start_within_twelve_hours(
    start: int, delta: int
) -> None:
    """An `at` later in the day than the start is that day; an earlier one is the next day
    (past midnight) when that is at most 12 hours after the start, else a warning."""
    at = (start + delta) % (24 * 60)
    text = (
        "podium: 1\nmeeting:\n  title: T\n"
        f"  start: '{start // 60:02d}:{start % 60:02d}'\nitems:\n"
        "  - {title: a, duration: 1m, script: s}\n"
        f"  - {{title: b, at: '{at // 60:02d}:{at % 60:02d}', duration: 1m, script: s}}\n"
    )
    result = load(text)
    assert result.agenda is not None, result.diagnostics
    plan = make_plan(result.agenda)
    if at >= start or delta <= 12 * 60:
        assert [str(d) for d in result.diagnostics] == []
        assert plan.items[1].offset_s == delta * 60
        assert plan.start_clock(plan.items[1].offset_s) == f"{at // 60:02d}:{at % 60:02d}:00"
    else:
        [warning] = result.diagnostics
        assert "is before the meeting's start" in warning.message


NAME = st.text(
    alphabet=st.one_of(
        st.characters(exclude_categories=("Cs", "Cc", "Zl", "Zp"), exclude_characters=',"'),
        st.sampled_from("\u2028\u2029\x85\u202e 张三"),
    ),
    min_size=1,
    max_size=12,
).filter(lambda s: s.strip() and not s.strip().startswith(("#", "=", "+", "-", "@")))


@SETTINGS
@given(names=st.lists(NAME, min_size=1, max_size=12), bad=st.integers(min_value=0))
def test_a_csv_problem_is_reported_at_its_csv_line(names: list[str], bad: int) -> None:
    """CSV lines are counted at LF, CRLF or CR, as spreadsheets write them: separators and NEL
    inside names do not shift the line a control character is reported at."""
    bad %= len(names)
    rows = [n.replace("\x1b", "") for n in names]
    rows[bad] = rows[bad] + "\x1b[2J"
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "p.csv").write_text("name\n" + "\n".join(rows) + "\n", encoding="utf-8")
        path = Path(folder) / "a.yaml"
        path.write_text(
            "podium: 1\nmeeting:\n  title: T\nitems:\n"
            "  - kind: awards\n    title: a\n    recipients_csv: p.csv\n",
            encoding="utf-8",
        )
        result = load_agenda(str(path))
    escapes = [d.message for d in result.diagnostics if "U+001B" in d.message]
    assert len(escapes) == 1, [d.message for d in result.diagnostics]
    assert escapes[0].startswith(f"p.csv line {bad + 2}, column {len(rows[bad]) - 3}:")
