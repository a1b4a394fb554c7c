"""`podium import SCRIPT [-o AGENDA.yaml] [--force] [--language zh|en] [--title TEXT]`.

The draft goes to stdout or to `-o`; warnings (`SCRIPT:LINE: warning: …`) and one summary
line go to stderr. Exit 0 when a draft was written, 1 when the document holds nothing to
import, 2 when the script cannot be read (a .doc, a PDF, an image, unreadable) or the output
exists without `--force`.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import tempfile

from podium.cli import EXIT_INVALID, EXIT_OK, EXIT_USAGE, error_line
from podium.i18n import _, ngettext, os_error_text, pgettext
from podium.importer.run import NothingToImport, import_script
from podium.importer.source import Refused


def main(args: argparse.Namespace) -> int:
    path: str = args.script
    out: str | None = args.output
    if out is not None and out != "-" and os.path.exists(out) and not args.force:
        print(
            error_line(_("{out} already exists; use --force to replace it").format(out=out)),
            file=sys.stderr,
        )
        return EXIT_USAGE
    to_stdout = out is None or out == "-"
    try:
        imported = import_script(
            path,
            language=args.language,
            title=args.title,
            out_name=None if to_stdout else out,
        )
    except Refused as exc:
        print(error_line(str(exc)), file=sys.stderr)
        return EXIT_USAGE
    except NothingToImport:
        message = _(
            "{path}: nothing to import: no words of the host's found (the file is empty, "
            "white space or page furniture only)"
        ).format(path=path)
        print(message, file=sys.stderr)
        return EXIT_INVALID
    draft = imported.draft
    for warning in draft.warnings:
        print(f"{path}:{warning.line}: warning: {warning.message}", file=sys.stderr)
    if to_stdout:
        sys.stdout.write(imported.text)
        sys.stdout.flush()
    else:
        assert out is not None
        try:
            _write(out, imported.text)
        except OSError as exc:
            reason = os_error_text(exc)
            print(
                error_line(_("cannot write {out}: {reason}").format(out=out, reason=reason)),
                file=sys.stderr,
            )
            return EXIT_USAGE
    print(summary(path, out if not to_stdout else None, draft), file=sys.stderr)
    return EXIT_OK


def summary(path: str, out: str | None, draft: object) -> str:
    """`x.txt: 6 items (3 script items, 2 speeches, 1 awards item), 9 warnings; next: …`."""
    from podium.importer.build import Draft

    assert isinstance(draft, Draft)
    kinds: dict[str, int] = {}
    for unit in draft.items:
        kinds[unit.kind] = kinds.get(unit.kind, 0) + 1
    # The list separator is a message of its own: ", " in English, "、" in Chinese.
    by_kind = pgettext("list separator", ", ").join(_kind_count(k, n) for k, n in kinds.items())
    items = ngettext("{n} item", "{n} items", len(draft.items)).format(n=len(draft.items))
    warnings = ngettext("{n} warning", "{n} warnings", len(draft.warnings)).format(
        n=len(draft.warnings)
    )
    if out is None:
        stem = os.path.splitext(os.path.basename(path))[0] or "agenda"
        nxt = f"podium import {path} -o {stem}.yaml"
    else:
        nxt = f"podium validate {out}"
    return _("{path}: {items} ({kinds}), {warnings}; next: {command}").format(
        path=path, items=items, kinds=by_kind, warnings=warnings, command=nxt
    )


def _kind_count(kind: str, n: int) -> str:
    """`2 speeches` / `2 项讲话`: how many items of one kind the draft has."""
    if kind == "script":
        text = ngettext("{n} script item", "{n} script items", n)
    elif kind == "speech":
        text = ngettext("{n} speech", "{n} speeches", n)
    elif kind == "awards":
        text = ngettext("{n} awards item", "{n} awards items", n)
    elif kind == "break":
        text = ngettext("{n} break", "{n} breaks", n)
    else:  # a kind the importer does not make today: named as the agenda file names it
        text = "{n} " + kind
    return text.format(n=n)


def _write(path: str, text: str) -> None:
    """Write `text` to `path` whole or not at all (a temporary file renamed into place)."""
    folder = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(prefix=".podium-import-", suffix=".yaml", dir=folder)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
