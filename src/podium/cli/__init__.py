"""The `podium` command: argument parsing and exit codes only; each subcommand lives in its own
module and is imported only when it runs, so `podium validate` never pays for textual.

Exit codes: 0 success, 1 invalid input (problems printed), 2 usage error or unreadable file,
130 interrupted. Errors are one sentence on stderr; a traceback only with `--debug`.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from podium.i18n import _

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130

PLAN_FORMATS = ("text", "markdown", "csv", "json", "html")
REPORT_FORMATS = ("text", "markdown", "csv", "json")


class UsageError(Exception):
    """Bad arguments or a file that cannot be read: printed as one line, exit 2."""


def error_line(message: str) -> str:
    """`podium: error: MESSAGE`: the start stays fixed (scripts look for it), the message is
    already in the user's language. Control characters (from file names, file content) are
    escaped, never printed raw."""
    from podium.textsafe import printable

    return f"podium: error: {printable(message, one_line=True)}"


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        print(f"{self.prog}: error: {message}", file=sys.stderr)
        raise SystemExit(EXIT_USAGE)


def _localize_argparse() -> None:
    """argparse's own texts (`usage:`, `options`, `the following arguments are required`) in
    the user's language: argparse looks them up through module-level `_` and `ngettext`."""
    from podium.i18n import argparse_translator

    translations = argparse_translator()
    argparse._ = translations.gettext  # type: ignore[attr-defined]
    argparse.ngettext = translations.ngettext  # type: ignore[attr-defined]


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    """The parser of every command; with `only`, the other commands are there (names, help in
    the command list) without their arguments: what a `podium run` does not need to build."""
    _localize_argparse()
    parser = _Parser(prog="podium", description=_("Run a meeting from the lectern."))
    parser.add_argument(
        "--debug", action="store_true", help=_("show a traceback on internal errors")
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"podium {_version()}",
        help=_("show podium's version and exit"),
    )
    sub = parser.add_subparsers(
        dest="command", metavar="COMMAND", parser_class=_Parser, title=_("commands")
    )
    sub.required = True

    p = sub.add_parser("run", help=_("open the podium screen for an agenda"))
    p.set_defaults(module="run")
    if only in (None, "run"):
        p.add_argument("agenda", metavar="AGENDA", help=_("the agenda file (YAML)"))
        p.add_argument(
            "--rehearse",
            action="store_true",
            help=_("rehearsal: a banner on the screen; timing starts at the first GO"),
        )
        p.add_argument(
            "--tts", action="store_true", help=_("read each cue aloud as it becomes current")
        )
        p.add_argument("--voice", metavar="V", help=_("text-to-speech voice id or name"))
        p.add_argument(
            "--rate", metavar="N", type=int, default=None, help=_("words per minute (default: 200)")
        )
        p.add_argument("--ui-lang", metavar="L", help=_("language of the screen's labels (en, zh)"))
        g = p.add_mutually_exclusive_group()
        g.add_argument("--resume", action="store_true", help=_("continue the unfinished journal"))
        g.add_argument("--fresh", action="store_true", help=_("start a new journal"))
        p.add_argument(
            "--journal", metavar="PATH", help=_("where to write (or resume) the journal")
        )
        p.add_argument(
            "--guard",
            metavar="SECONDS",
            type=float,
            default=0.4,
            help=_("double-press guard for GO, in seconds"),
        )
        p.add_argument(
            "--serve",
            metavar="[HOST:]PORT",
            nargs="?",
            const="127.0.0.1:8740",
            help=_("serve the browser views and the remote API (alone: 127.0.0.1:8740)"),
        )
        p.add_argument(
            "--osc",
            metavar="[HOST:]PORT",
            nargs="?",
            const="127.0.0.1:8741",
            help=_("take OSC commands over UDP (alone: 127.0.0.1:8741)"),
        )
        p.add_argument(
            "--osc-allow",
            metavar="CIDR",
            action="append",
            default=[],
            help=_("also take OSC from this network (repeatable; loopback always)"),
        )

    p = sub.add_parser("validate", help=_("check agenda files"))
    p.set_defaults(module="validate")
    if only in (None, "validate"):
        p.add_argument("agendas", metavar="AGENDA", nargs="+", help=_("agenda files to check"))

    p = sub.add_parser("plan", help=_("print the timed run sheet"))
    p.set_defaults(module="plan")
    if only in (None, "plan"):
        p.add_argument("agenda", metavar="AGENDA", help=_("the agenda file (YAML)"))
        p.add_argument(
            "--format",
            choices=PLAN_FORMATS,
            default="text",
            help=_("output format (default: text)"),
        )
        p.add_argument("--start", metavar="HH:MM", help=_("plan from this start time"))
        p.add_argument(
            "--spoken", action="store_true", help=_("measure spoken durations with text-to-speech")
        )

    p = sub.add_parser("report", help=_("planned against actual, from session journals"))
    p.set_defaults(module="report")
    if only in (None, "report"):
        p.add_argument(
            "journals", metavar="JOURNAL", nargs="+", help=_("session journals (.jsonl)")
        )
        p.add_argument(
            "--agenda",
            metavar="PATH",
            help=_("the agenda to compare with (default: the journal's)"),
        )
        p.add_argument("--exclude-pauses", action="store_true", help=_("do not count paused time"))
        p.add_argument(
            "--format",
            choices=REPORT_FORMATS,
            default="text",
            help=_("output format (default: text)"),
        )

    p = sub.add_parser(
        "import", help=_("make a draft agenda from a host script (.txt, .md, .docx)")
    )
    p.set_defaults(module="import_script")
    if only in (None, "import"):
        p.add_argument("script", metavar="SCRIPT", help=_("the host script to import"))
        p.add_argument("-o", "--output", metavar="AGENDA.yaml", help=_("write the draft here"))
        p.add_argument("--force", action="store_true", help=_("replace an existing output file"))
        p.add_argument(
            "--language", choices=("zh", "en"), help=_("the script's language (default: detected)")
        )
        p.add_argument("--title", metavar="TEXT", help=_("the meeting's title"))

    p = sub.add_parser("schema", help=_("print the JSON Schema of the agenda format"))
    p.set_defaults(module="schema")

    p = sub.add_parser("voices", help=_("list text-to-speech voices"))
    p.set_defaults(module="speech", entry="voices")

    p = sub.add_parser("say", help=_("speak TEXT, or write it to a WAV file"))
    p.set_defaults(module="speech", entry="say")
    if only in (None, "say"):
        p.add_argument("text", metavar="TEXT", help=_("what to say"))
        p.add_argument(
            "--lang", metavar="L", help=_("read in this language's voice (en, zh, en-GB …)")
        )
        p.add_argument("--voice", metavar="V", help=_("voice id or name (see `podium voices`)"))
        p.add_argument(
            "--rate", metavar="N", type=int, default=None, help=_("words per minute (default: 200)")
        )
        p.add_argument("--out", metavar="FILE.wav", help=_("write a WAV file instead of playing"))
    return parser


def _version() -> str:
    from podium import __version__

    return __version__


_ARGPARSE_UNRECOGNIZED = "unrecognized arguments: %s"


def _command(argv: Sequence[str]) -> str | None:
    """The subcommand `argv` names (its first word after the global `--debug`), or None."""
    for arg in argv:
        if arg != "--debug":
            return None if arg.startswith("-") else arg
    return None


def _parse(argv: Sequence[str] | None) -> argparse.Namespace:
    """The arguments; an unknown option is refused by its subcommand's parser, so the usage
    printed is that subcommand's (`podium voices --bad` shows `usage: podium voices …`)."""
    parser = build_parser(_command(sys.argv[1:] if argv is None else argv))
    args, extra = parser.parse_known_args(argv)
    if extra:
        by_name: dict[str, argparse.ArgumentParser] = {}
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                by_name = dict(action.choices)
        owner = by_name.get(getattr(args, "command", None) or "", parser)
        # argparse's own message, translated by argparse's catalog (not ours: a name, not a
        # literal, so our extractor leaves it to that catalog)
        message = argparse._(_ARGPARSE_UNRECOGNIZED)  # type: ignore[attr-defined]
        owner.error(message % " ".join(extra))
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = _parse(argv)
    try:
        module = importlib.import_module(f"podium.cli.{args.module}")
        entry = getattr(module, getattr(args, "entry", "main"))
        if args.module == "run":  # the screen has its own handlers (the journal first)
            return int(entry(args))
        from podium.cli.stopping import signals_exit

        with signals_exit():  # SIGTERM/SIGHUP end every other command as Ctrl+C does: 130
            return int(entry(args))
    except UsageError as exc:
        print(error_line(str(exc)), file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print(_("podium: interrupted"), file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # `podium plan … | head`: the reader left; not an error worth a message.
        sys.stderr.close()
        return EXIT_OK
    except Exception as exc:  # a traceback is a bug; show one line unless asked
        if args.debug:
            raise
        print(
            _("podium: internal error: {error} (rerun with --debug for details)").format(
                error=f"{type(exc).__name__}: {exc}"
            ),
            file=sys.stderr,
        )
        return EXIT_USAGE
