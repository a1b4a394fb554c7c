"""An unknown option is answered by the subcommand it was given to: its own usage line, its
own name in the error, exit 2 — so the organiser sees the options that command does take."""

from __future__ import annotations

import argparse

import pytest

from podium.cli import main


@pytest.mark.parametrize(
    ("argv", "usage"),
    [
        (["voices", "--bad"], "usage: podium voices [-h]"),
        (["validate", "--bad", "x.yaml"], "usage: podium validate [-h] AGENDA"),
        (["schema", "extra"], "usage: podium schema [-h]"),
        (["plan", "x.yaml", "--nope"], "usage: podium plan [-h]"),
    ],
)
def test_an_unknown_option_shows_the_subcommands_usage(
    argv: list[str], usage: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stop:
        main(argv)
    assert stop.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith(usage), err
    name = argv[0]
    unknown = " ".join(a for a in argv[1:] if a.startswith("-") or a == "extra")
    assert err.rstrip().endswith(f"podium {name}: error: unrecognized arguments: {unknown}")


def test_a_known_command_line_still_parses(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    assert capsys.readouterr().out.lstrip().startswith("{")


TAKES_ARGUMENTS = {"run", "validate", "plan", "report", "import", "say"}


@pytest.mark.parametrize(
    "argv",
    [
        ["run", "a.yaml", "--fresh", "--journal", "j.jsonl", "--serve", "--guard", "1"],
        ["--debug", "run", "a.yaml", "--tts", "--rate", "180", "--osc-allow", "10.0.0.0/8"],
        ["validate", "a.yaml", "b.yaml"],
        ["plan", "a.yaml", "--format", "json", "--start", "09:00"],
        ["report", "j.jsonl", "--exclude-pauses"],
        ["import", "s.txt", "-o", "a.yaml", "--force", "--language", "zh"],
        ["schema"],
        ["voices"],
        ["say", "你好", "--lang", "zh", "--out", "x.wav"],
    ],
)
def test_a_command_parses_alike_when_only_its_own_arguments_are_built(argv: list[str]) -> None:
    """`podium run` builds the arguments of `run` only (start-up); the other commands keep
    their names and help in the command list, and every command line parses the same."""
    from podium.cli import _command, build_parser

    only = _command(argv)
    assert only == next(a for a in argv if a != "--debug")
    assert build_parser(only).parse_args(argv) == build_parser().parse_args(argv)
    lean = build_parser(only)
    assert lean.format_help() == build_parser().format_help()
    commands = next(a for a in lean._actions if isinstance(a, argparse._SubParsersAction))
    for name, parser in commands.choices.items():
        built = [a.dest for a in parser._actions if a.dest != "help"]
        assert bool(built) == (name == only and name in TAKES_ARGUMENTS), name


def test_no_command_or_help_first_builds_every_command() -> None:
    from podium.cli import _command

    assert _command([]) is None
    assert _command(["--help", "run"]) is None
    assert _command(["--debug", "-h"]) is None
