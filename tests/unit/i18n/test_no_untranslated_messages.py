"""No English for a Chinese user: every text podium hands to a user-facing sink goes through the
catalog. This walks the syntax tree of every module of `src/podium` and fails on a string
literal with letters (or an f-string, or a concatenation with one) given straight to a sink
without `_()`, `N_()`, `ngettext()`, `pgettext()` or a translator's `.gettext()`.

Sinks (where a text reaches a person):
- podium's own exception classes (found by walking the source: every class deriving from an
  exception), whose message the CLI prints as `podium: error: …`, plus `SystemExit`;
- `error_line(…)`, the CLI's one-line error;
- the agenda diagnostics: `Reporter.error/warn/error_in/warn_in/report/report_at`, and every
  call of a `warn(…)` callback (journal readers, resume, CSV recipients);
- `print(…, file=…)` to anything but `sys.stdout` (stderr, or the stream a caller hands in),
  and `sys.stderr.write(…)`;
- argparse: `help=`, `description=`, `epilog=` of `add_argument`, `add_parser`,
  `ArgumentParser`, `add_argument_group`, and `parser.error(…)`;
- what the screen and the views show: `Message(…)` / `Notice(…)` / `StartNotice(…)`
  constructors, `show_message(…)`, `notify(…)`, `Reason` wording.

What is machine text (JSON keys, protocol words, internal assertions that no user reaches) is
allowed below, each with the reason next to it.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

SRC = Path(__file__).resolve().parents[3] / "src" / "podium"

TRANSLATORS = {
    "_",
    "N_",
    "Phrase",  # podium.i18n.Phrase: a catalog message that can be said again in another language
    "NP_",
    "ngettext",
    "pgettext",
    "npgettext",
    "gettext",
    "t",  # podium.tui.i18n.t(key, lang): a catalog lookup by context key
    "label",  # podium.tui.remote_panel.label / remote.labels.label: catalog lookups by key
}
"""Calls whose result is a translated text (as a function or as a translator's method)."""

SINK_FUNCTIONS = {"error_line", "warn", "show_message", "notify", "SystemExit"}
REPORTER_METHODS = {"error", "warn", "error_in", "warn_in", "report", "report_at"}
ARGPARSE_CALLS = {"add_argument", "add_parser", "ArgumentParser", "_Parser", "add_argument_group"}
ARGPARSE_KEYWORDS = {"help", "description", "epilog"}
SHOWN_CLASSES = {"Message", "Notice", "StartNotice"}

ALLOWED: dict[tuple[str, str], str] = {
    ("cli/remote.py", "aiohttp"): "a Python module's name, filled into a translated sentence",
}
"""Literals that are machine text, by module and exact text, with the reason."""

ALLOWED_SINKS: dict[tuple[str, str], str] = {
    ("remote/server.py", "Refused"): "the HTTP API's JSON `error` (English like its keys, "
    "docs/remote.md); the refusals a person reads on a page are marked in remote/security.py",
    ("host/core.py", "BadArgument"): "a remote command's JSON/OSC `error` reply (the API, "
    "English like its keys); the screen's keys never send a bad argument",
    ("host/registry.py", "BadArgument"): "as host/core.py: the API's reply to a bad argument",
    ("tts/renderer.py", "RendererCrashed"): "internal: the speaker turns it into a `Reason` "
    "(translated) and keeps this text as `detail` for --debug and bug reports",
    ("tts/offline.py", "SpeechUnavailable"): "the `detail=` of a `Reason` (the Reason is what "
    "users read; the detail is for --debug and bug reports)",
}
"""Sinks that, in one module, carry machine text only, with the reason."""

LETTERS = re.compile(r"[^\W\d_]{2,}")
"""Two letters in a row: a word, not `%s`, `{n}`, `:`, `—` or a file-name fragment."""

FIXED_START = re.compile(r"\b(?:podium|error|warning):(?: |$)")
"""The fixed, machine-readable starts (`podium: error: `, `FILE:LINE: warning: `) that stay
English in every language: scripts and editors look for them."""


def has_words(text: str) -> bool:
    return LETTERS.search(FIXED_START.sub("", text)) is not None


def exception_classes(trees: dict[str, ast.Module]) -> set[str]:
    """Names of the classes podium defines that derive (through podium's own classes, too)
    from an exception."""
    bases: dict[str, set[str]] = {}
    for tree in trees.values():
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                names = set()
                for base in node.bases:
                    if isinstance(base, ast.Name):
                        names.add(base.id)
                    elif isinstance(base, ast.Attribute):
                        names.add(base.attr)
                bases.setdefault(node.name, set()).update(names)
    found: set[str] = set()
    changed = True
    while changed:
        changed = False
        for name, parents in bases.items():
            if name in found:
                continue
            if any(p in found or p.endswith(("Error", "Exception")) for p in parents):
                found.add(name)
                changed = True
    return found


def call_name(func: ast.expr) -> str:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


def is_stderr(node: ast.expr) -> bool:
    return (
        isinstance(node, ast.Attribute)
        and node.attr == "stderr"
        and isinstance(node.value, ast.Name)
        and node.value.id == "sys"
    )


def is_stdout(node: ast.expr) -> bool:
    """`sys.stdout`: the output itself (a run sheet, a report, JSON), not a message."""
    return (
        isinstance(node, ast.Attribute)
        and node.attr == "stdout"
        and isinstance(node.value, ast.Name)
        and node.value.id == "sys"
    )


def untranslated(node: ast.expr) -> Iterator[str]:
    """The literal texts with letters in `node` that do not come out of a translator."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        if has_words(node.value):
            yield node.value
    elif isinstance(node, ast.JoinedStr):
        literal = "".join(
            v.value for v in node.values if isinstance(v, ast.Constant) and isinstance(v.value, str)
        )
        if has_words(literal):
            yield literal
        for value in node.values:
            if isinstance(value, ast.FormattedValue):
                yield from untranslated(value.value)
    elif isinstance(node, ast.BinOp):
        yield from untranslated(node.left)
        yield from untranslated(node.right)
    elif isinstance(node, ast.IfExp):
        yield from untranslated(node.body)
        yield from untranslated(node.orelse)
    elif isinstance(node, ast.BoolOp):
        for value in node.values:
            yield from untranslated(value)
    elif isinstance(node, ast.Call):
        name = call_name(node.func)
        if name in TRANSLATORS:
            return
        if name in ("format", "join", "replace", "strip") and isinstance(node.func, ast.Attribute):
            # "...".format(...) / ", ".join(...): the text is the receiver (and the arguments)
            yield from untranslated(node.func.value)
            for arg in node.args:
                yield from untranslated(arg)
            for kw in node.keywords:
                yield from untranslated(kw.value)


def podium_trees() -> dict[str, ast.Module]:
    return {
        str(path.relative_to(SRC)): ast.parse(path.read_text(encoding="utf-8"), str(path))
        for path in sorted(SRC.rglob("*.py"))
    }


def findings(trees: dict[str, ast.Module]) -> list[str]:
    """`module:line: sink(…'text'…)` for every untranslated text given to a sink."""
    errors = exception_classes(trees) | {"SystemExit"}
    out: list[tuple[str, int, str]] = []
    for module, tree in trees.items():
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = call_name(node.func)
            texts: list[ast.expr] = []
            if name in errors or name in SINK_FUNCTIONS or name in SHOWN_CLASSES:
                texts += node.args
                texts += [kw.value for kw in node.keywords]
            elif name in REPORTER_METHODS and isinstance(node.func, ast.Attribute):
                texts += node.args[-1:]  # the message; the others are places and snippets
            elif (
                name == "print"
                and any(kw.arg == "file" and not is_stdout(kw.value) for kw in node.keywords)
            ) or (
                name == "write"
                and isinstance(node.func, ast.Attribute)
                and is_stderr(node.func.value)
            ):
                texts += node.args
            if name in ARGPARSE_CALLS:
                texts += [kw.value for kw in node.keywords if kw.arg in ARGPARSE_KEYWORDS]
            if (module, name) in ALLOWED_SINKS:
                continue
            for expr in texts:
                for text in untranslated(expr):
                    if (module, text) in ALLOWED:
                        continue
                    out.append((module, node.lineno, f"{module}:{node.lineno}: {name}(…{text!r}…)"))
    return [line for _, _, line in sorted(out)]


def test_every_text_given_to_a_user_goes_through_the_catalog() -> None:
    found = findings(podium_trees())
    assert found == [], "untranslated text reaches a user:\n" + "\n".join(found)


def test_the_walk_finds_an_untranslated_message() -> None:
    """The check can fail: each kind of sink, given plain English, is found; the same texts
    through a translator are not."""
    source = """
class UsageError(Exception): ...
class Refused(UsageError): ...

raise UsageError("cannot read the file")
raise Refused(f"{path} is not a journal")
print(f"{n} warning(s)", file=sys.stderr)
reporter.warn(node, "an " + thing)
parser.add_argument("--x", help="the thing")
error_line("no such file: " + path)
raise UsageError(_("cannot read the file"))
raise Refused(_("{path} is not a journal").format(path=path))
print(ngettext("{n} warning", "{n} warnings", n).format(n=n), file=sys.stderr)
print(f"podium: warning: {message}", file=sys.stderr)
reporter.error_in(node, value, 0, "{award}", tr.gettext("no award"))
parser.add_argument("--x", help=_("the thing"))
print("a line of a run sheet")
"""
    found = findings({"m.py": ast.parse(source)})
    assert found == [
        "m.py:5: UsageError(…'cannot read the file'…)",
        "m.py:6: Refused(…' is not a journal'…)",
        "m.py:7: print(…' warning(s)'…)",
        "m.py:8: warn(…'an '…)",
        "m.py:9: add_argument(…'the thing'…)",
        "m.py:10: error_line(…'no such file: '…)",
    ]


def test_no_message_counts_with_an_s_in_brackets() -> None:
    """`{n} warning(s)` reads badly in English and cannot be translated by number: a message
    that counts is a plural (`ngettext`, `NNP_`)."""
    from babel.messages.pofile import read_po

    po = SRC / "locale" / "zh_CN" / "LC_MESSAGES" / "podium.po"
    with po.open("rb") as fp:
        catalog = read_po(fp)
    ids = [i for m in catalog if m.id for i in (m.id if isinstance(m.id, tuple) else (m.id,))]
    assert ids and not [i for i in ids if re.search(r"[a-z]\(s\)", i)]
