"""An unknown option is answered by the subcommand it was given to: its own usage line, its
own name in the error, exit 2 — so the organiser sees the options that command does take."""

from __future__ import annotations

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
