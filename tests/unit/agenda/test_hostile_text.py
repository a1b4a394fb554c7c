"""Hostile text in an agenda (issue 15): positions right in characters, control characters
warned at their place and never printed raw, numbers of any length refused with a place."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from podium.agenda.loader import load_agenda
from podium.cli import main

EN = "podium: 1\nmeeting:\n  title: T\nitems:\n"


def write(tmp_path: Path, text: str, name: str = "a.yaml") -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def places(path: str) -> list[tuple[int, int, str]]:
    return [(d.line, d.col, d.message) for d in load_agenda(path).diagnostics]


def place_of(text: str, needle: str, nth: int = 0) -> tuple[int, int]:
    """Line and column (1-based, characters, LF line breaks) of `needle` in `text`."""
    index = -1
    for _ in range(nth + 1):
        index = text.index(needle, index + 1)
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\x85"])
def test_yaml_1_1_line_breaks_inside_a_quoted_text_do_not_shift_later_lines(
    tmp_path: Path, separator: str
) -> None:
    text = EN + f'  - title: "a{separator}b{separator}c"\n    script: x\n    bogus: 1\n'
    out = places(write(tmp_path, text))
    bogus = [p for p in out if "bogus" in p[2]]
    assert bogus[0][:2] == place_of(text, "bogus")


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\x85"])
@pytest.mark.parametrize(
    "script", ["x中{sep} {{nope}}", "|\n      line\n      中{sep} {{nope}}", "'a{sep} {{nope}}'"]
)
def test_a_raw_line_separator_that_breaks_the_yaml_is_named_at_its_place(
    tmp_path: Path, separator: str, script: str
) -> None:
    """libyaml (YAML 1.1) breaks lines at U+2028, U+2029 and U+0085, editors do not: when
    that makes the file invalid, the error says which character did it, and where."""
    text = EN + "  - title: t\n    script: " + script.format(sep=separator) + "\n"
    found = places(write(tmp_path, text))
    errors = [p for p in found if "not valid YAML" in p[2]]
    if not errors:  # still valid YAML: warned at its place (a NEL may fold into a space)
        assert found and {p[:2] for p in found} <= {
            place_of(text, separator),
            place_of(text, "{nope}"),
        }
        return
    line, col = place_of(text, separator)
    assert (
        errors[0][2].endswith("as a line break") and f"at line {line}, column {col}" in errors[0][2]
    )


def test_a_syntax_error_without_a_separator_gets_no_such_word(tmp_path: Path) -> None:
    text = EN + "  - title: t\n    script: x\n   bad: [\n"
    [(_, _, message)] = places(write(tmp_path, text))
    assert "line break" not in message


def test_a_syntax_error_after_cjk_and_a_control_character_is_placed_in_characters(
    tmp_path: Path,
) -> None:
    text = EN + "  - title: 中文中文中文\n    script: 中文\x07x\n"
    out = places(write(tmp_path, text))
    assert out[0][:2] == place_of(text, "\x07")
    assert out[0][0] <= text.count("\n") + 1


@pytest.mark.parametrize(
    ("quoted", "needle"),
    [
        ('"\\u4e2d\\u6587 {nope}"', "{nope}"),
        ('"\\x41\\t\\\\ {nope}"', "{nope}"),
        ('"a\\\n      {nope}"', "{nope}"),
        ('"line one\n\n      {nope}"', "{nope}"),
        ("'it''s {nope}'", "{nope}"),
        ('"\\x7bnope}"', "\\x7b"),
    ],
)
def test_errors_inside_escaped_or_folded_text_point_at_the_place(
    tmp_path: Path, quoted: str, needle: str
) -> None:
    text = EN + f"  - title: t\n    script: {quoted}\n"
    out = [p for p in places(write(tmp_path, text)) if "nope" in p[2] or "'}'" in p[2]]
    assert out, places(write(tmp_path, text))
    assert out[0][:2] == place_of(text, needle)


def test_control_characters_are_warned_at_their_exact_place(tmp_path: Path) -> None:
    text = (
        EN
        + '  - title: "中文\\e]0;owned\\a"\n'
        + '    script: ["ok", "x\\x9b2J", "\\u202eevil"]\n'
        + "    notes: \u202ehidden\n"
    )
    out = places(write(tmp_path, text))
    found = [(line, col) for line, col, message in out if "control character" in message]
    assert found == [
        place_of(text, "\\e"),
        place_of(text, "\\a"),
        place_of(text, "\\x9b"),
        place_of(text, "\\u202e"),
        place_of(text, "\u202e"),
    ]


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_control_characters_never_reach_the_terminal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "p.csv").write_text("name\nA\x1b[2JB\nC\x00D\n")
    path = write(
        tmp_path,
        EN
        + '  - title: "T\\e]0;pwn\\a\\x9b"\n    script: "s\\u202e"\n'
        + "  - kind: awards\n    title: a\n    recipients_csv: p.csv\n",
        name="x\x1b[31m.yaml",
    )
    broken = write(tmp_path, EN + '  - title: t\n    "bogus\\x1b\\u202e": 1\n', "b\x9b.yaml")
    for argv in (
        ["validate", path, broken],
        ["plan", broken],
        ["plan", path],
        ["plan", path, "--format", "markdown"],
        ["plan", path, "--format", "json"],
        ["plan", path, "--format", "html"],
        ["plan", path, "--format", "csv"],
    ):
        _, out, err = run(argv, capsys)
        for stream in (out.replace("\r\n", "\n"), err):
            bad = [c for c in stream if (ord(c) < 32 and c not in "\n\t") or 0x7F <= ord(c) <= 0x9F]
            assert not bad, (argv, bad)
            assert "\u202e" not in stream
    _, out, _ = run(["plan", path, "--format", "json"], capsys)
    assert json.loads(out)["items"][0]["title"] == "T\x1b]0;pwn\x07\x9b"


def test_csv_names_with_control_characters_are_warned_with_their_line(tmp_path: Path) -> None:
    (tmp_path / "p.csv").write_text("name,unit\nok,x\nA\x1b[2JB,y\nC\x00D,z\n")
    path = write(tmp_path, EN + "  - kind: awards\n    title: a\n    recipients_csv: p.csv\n")
    out = places(path)
    assert [m for _, _, m in out] == [
        "p.csv line 3, column 2: control character U+001B (ESC); podium prints it escaped, "
        "never raw",
        "p.csv line 4, column 2: control character U+0000 (NUL); podium prints it escaped, "
        "never raw",
    ]
    assert all((line, col) == (7, 21) for line, col, _ in out)


@pytest.mark.parametrize("key", ["batch", "per_call", "duration"])
def test_a_five_thousand_digit_number_is_a_positioned_error(tmp_path: Path, key: str) -> None:
    digits = "9" * 5000
    text = EN + f"  - kind: awards\n    title: a\n    recipients: [A]\n    {key}: {digits}\n"
    path = write(tmp_path, text)
    out = subprocess.run(
        [sys.executable, "-m", "podium", "validate", path], capture_output=True, text=True
    )
    assert out.returncode == 1
    assert "internal error" not in out.stderr and "set_int_max_str_digits" not in out.stderr
    assert f"a.yaml:8:{len(key) + 7}: error:" in out.stderr
    assert digits not in out.stderr
    assert len(out.stderr) < 400


def test_a_five_thousand_digit_reading_rate(tmp_path: Path) -> None:
    text = "podium: 1\nmeeting:\n  title: T\n  reading_rate: " + "1" * 5000 + "\nitems:\n"
    out = places(write(tmp_path, text + "  - title: t\n    script: s\n"))
    assert out[0][:2] == (4, 17) and "far too large" in out[0][2]


@pytest.mark.parametrize(
    ("written", "seconds"),
    [("９０", 90), ("２分钟", 120), ("1:３０", 90), ("१२0", 120), ("٢m", 120)],
)
def test_digits_of_any_script_count_in_every_duration_form(
    tmp_path: Path, written: str, seconds: int
) -> None:
    text = EN + f"  - kind: break\n    title: b\n    duration: {written}\n"
    result = load_agenda(write(tmp_path, text))
    assert result.agenda is not None, result.diagnostics
    assert result.agenda.items[0].duration_s == seconds


def test_digits_of_any_script_count_in_clock_times_and_numbers(tmp_path: Path) -> None:
    text = (
        "podium: 1\nmeeting:\n  title: T\n  start: ０９:００\n  reading_rate: ２２０\nitems:\n"
        "  - kind: awards\n    title: a\n    batch: ２\n    recipients: [A, B, C]\n"
    )
    result = load_agenda(write(tmp_path, text))
    assert result.agenda is not None, result.diagnostics
    assert result.agenda.meeting.start_s == 9 * 3600
    assert result.agenda.meeting.reading_rate == 220
    assert len(result.agenda.items[0].cues) == 2
