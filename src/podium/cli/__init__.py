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

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130

PLAN_FORMATS = ("text", "markdown", "csv", "json", "html")
REPORT_FORMATS = ("text", "markdown", "csv", "json")


class UsageError(Exception):
    """Bad arguments or a file that cannot be read: printed as one line, exit 2."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        print(f"{self.prog}: error: {message}", file=sys.stderr)
        raise SystemExit(EXIT_USAGE)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="podium", description="Run a meeting from the lectern.")
    parser.add_argument("--debug", action="store_true", help="show a traceback on internal errors")
    parser.add_argument("--version", action="version", version=f"podium {_version()}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True

    p = sub.add_parser("run", help="open the podium screen for an agenda")
    p.add_argument("agenda", metavar="AGENDA")
    p.add_argument("--rehearse", action="store_true", help="rehearsal: banner; timing from 1st GO")
    p.add_argument("--tts", action="store_true", help="read each cue aloud as it becomes current")
    p.add_argument("--voice", metavar="V", help="text-to-speech voice id or name")
    p.add_argument("--rate", metavar="N", type=int, default=None, help="speech rate, words/minute")
    p.add_argument("--ui-lang", metavar="L", help="language of the screen's labels (en, zh)")
    g = p.add_mutually_exclusive_group()
    g.add_argument("--resume", action="store_true", help="continue the unfinished journal")
    g.add_argument("--fresh", action="store_true", help="start a new journal")
    p.add_argument("--journal", metavar="PATH", help="where to write (or resume) the journal")
    p.add_argument(
        "--guard", metavar="SECONDS", type=float, default=0.4, help="double-press guard for GO"
    )
    p.set_defaults(module="run")

    p = sub.add_parser("validate", help="check agenda files")
    p.add_argument("agendas", metavar="AGENDA", nargs="+")
    p.set_defaults(module="validate")

    p = sub.add_parser("plan", help="print the timed run sheet")
    p.add_argument("agenda", metavar="AGENDA")
    p.add_argument("--format", choices=PLAN_FORMATS, default="text")
    p.add_argument("--start", metavar="HH:MM", help="plan from this start time")
    p.add_argument("--spoken", action="store_true", help="measure spoken durations with TTS")
    p.set_defaults(module="plan")

    p = sub.add_parser("report", help="planned against actual, from session journals")
    p.add_argument("journals", metavar="JOURNAL", nargs="+")
    p.add_argument("--agenda", metavar="PATH")
    p.add_argument("--exclude-pauses", action="store_true")
    p.add_argument("--format", choices=REPORT_FORMATS, default="text")
    p.set_defaults(module="report")

    p = sub.add_parser("import", help="make a draft agenda from a host script (.txt, .md, .docx)")
    p.add_argument("script", metavar="SCRIPT")
    p.add_argument("-o", "--output", metavar="AGENDA.yaml", help="write the draft here")
    p.add_argument("--force", action="store_true", help="replace an existing output file")
    p.add_argument("--language", choices=("zh", "en"), help="the script's language (detected)")
    p.add_argument("--title", metavar="TEXT", help="the meeting's title")
    p.set_defaults(module="import_script")

    p = sub.add_parser("schema", help="print the JSON Schema of the agenda format")
    p.set_defaults(module="schema")

    p = sub.add_parser("voices", help="list text-to-speech voices")
    p.set_defaults(module="speech", entry="voices")

    p = sub.add_parser("say", help="speak TEXT, or write it to a WAV file")
    p.add_argument("text", metavar="TEXT", help="what to say")
    p.add_argument("--lang", metavar="L", help="read in this language's voice (en, zh, en-GB …)")
    p.add_argument("--voice", metavar="V", help="voice id or name (see `podium voices`)")
    p.add_argument("--rate", metavar="N", type=int, default=None, help="words/minute (200)")
    p.add_argument("--out", metavar="FILE.wav", help="write a WAV file instead of playing")
    p.set_defaults(module="speech", entry="say")
    return parser


def _version() -> str:
    from podium import __version__

    return __version__


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        module = importlib.import_module(f"podium.cli.{args.module}")
        entry = getattr(module, getattr(args, "entry", "main"))
        return int(entry(args))
    except UsageError as exc:
        print(f"podium: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("podium: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # `podium plan … | head`: the reader left; not an error worth a message.
        sys.stderr.close()
        return EXIT_OK
    except Exception as exc:  # a traceback is a bug; show one line unless asked
        if args.debug:
            raise
        print(
            f"podium: internal error: {type(exc).__name__}: {exc} (rerun with --debug for details)",
            file=sys.stderr,
        )
        return EXIT_USAGE
