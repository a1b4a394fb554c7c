"""Property tests of the loader with arbitrary Unicode (issue 15): whatever the text, loading
never raises, every place lies inside the file (in characters, LF line breaks), and no
diagnostic carries a control character raw."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from podium.agenda.encoding import Undecodable, decode_text
from podium.agenda.loader import load_agenda
from podium.agenda.plan import make_plan
from podium.agenda.runsheet import render
from podium.textsafe import printable

SETTINGS = settings(
    max_examples=int(os.environ.get("PODIUM_PROPERTY_EXAMPLES", "150")),
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)

# What hostile or careless text holds: controls, YAML 1.1 line breaks, bidi controls,
# combining marks, markup and YAML syntax, CJK and full-width forms, surrogate-free.
SPECIAL = (
    "\x00\x07\x08\t\n\r\x0b\x0c\x1b\x7f\x85\x9b\x9d\u2028\u2029\u200e\u202e\u2066\ufeff"
    "\u0301\u0308\u093f\u0e34[]{}()<>/\\:：#&*!|>'\"%@`-,，、;；?=+~ \u3000"
    "中文名单张三李四ｘ１２"
)
TEXT = st.text(
    alphabet=st.one_of(
        st.sampled_from(SPECIAL),
        st.characters(exclude_categories=("Cs",)),
    ),
    max_size=60,
)


def _check(path: Path) -> None:
    result = load_agenda(str(path))
    try:
        text = decode_text(path.read_bytes())
    except Undecodable:
        text = None
    if text is not None:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        lines = text.split("\n")
    for d in result.diagnostics:
        assert d.line >= 1 and d.col >= 1, d
        if text is not None:
            assert d.line <= len(lines), (d, len(lines))
            assert d.col <= len(lines[d.line - 1]) + 1, (d, lines[d.line - 1])
        shown = str(d)
        assert printable(shown, one_line=True) == shown, shown
    if result.agenda is not None:
        plan = make_plan(result.agenda)
        for fmt in ("text", "markdown", "json", "csv", "html"):
            out = render(plan, fmt)
            if fmt == "json":
                json.loads(out)


def _agenda(title: str, script: str, name: str, key: str) -> str:
    def dq(s: str) -> str:  # a double-quoted YAML scalar with JSON-style escapes
        return json.dumps(s, ensure_ascii=True)

    return (
        "podium: 1\nmeeting:\n  title: " + dq(title) + "\n"
        "names:\n  " + dq(key) + ": " + dq(name) + "\n"
        "items:\n"
        "  - title: " + dq(title) + "\n    script: " + dq(script) + "\n"
        "  - kind: awards\n    title: a\n    recipients: [" + dq(name) + ", " + dq(title) + "]\n"
        "  - kind: speech\n    title: s\n    speaker: " + dq(name) + "\n    duration: 5m\n"
    )


@SETTINGS
@given(title=TEXT, script=TEXT, name=TEXT, key=TEXT)
def test_any_text_in_quoted_values_loads_without_an_internal_error(
    title: str, script: str, name: str, key: str
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "a.yaml"
        path.write_text(_agenda(title, script, name, key), encoding="utf-8")
        _check(path)


@SETTINGS
@given(raw=TEXT, where=st.integers(min_value=0, max_value=400))
def test_any_text_anywhere_in_the_file(raw: str, where: int) -> None:
    base = _agenda("Opening 开场", "Hello {x}", "张三", "x")
    cut = min(where, len(base))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "a.yaml"
        path.write_text(base[:cut] + raw + base[cut:], encoding="utf-8", errors="surrogatepass")
        _check(path)


@SETTINGS
@given(data=st.binary(max_size=300))
def test_any_bytes_as_an_agenda(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "a.yaml"
        path.write_bytes(data)
        _check(path)


@SETTINGS
@given(rows=st.lists(TEXT, min_size=0, max_size=8), encoding=st.sampled_from(["utf-8", "gb18030"]))
def test_any_csv_content(rows: list[str], encoding: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        csv_path = Path(folder) / "p.csv"
        csv_path.write_bytes("\n".join(["name,unit", *rows]).encode(encoding, errors="replace"))
        path = Path(folder) / "a.yaml"
        path.write_text(
            "podium: 1\nmeeting:\n  title: T\nitems:\n"
            "  - kind: awards\n    title: a\n    recipients_csv: p.csv\n",
            encoding="utf-8",
        )
        _check(path)
