"""The message catalogs: extract, merge, compile and check (`make catalogs`, the catalog tests).

    python tools/catalogs.py          # extract the marked messages, merge into the .po, compile
    python tools/catalogs.py --check  # exit 1 and say what is wrong: a message without Chinese,
                                      # a .po out of date with the source, a stale .mo

Source strings are the English texts (msgids) marked in src/podium with `_()`, `ngettext()`,
`pgettext()`, `N_()`, `NP_()` (and `.gettext()`/`.ngettext()`/`.pgettext()` on a translator).
The Chinese is written in src/podium/locale/zh_CN/LC_MESSAGES/podium.po. argparse.po holds
argparse's own texts (its msgids are CPython's); it is compiled, never extracted.

The .po files are written sorted, without source locations and with a stable header, so that
two people adding messages at once merge cleanly.
"""

from __future__ import annotations

import io
import re
import string
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "src" / "podium"
LOCALES = SOURCE / "locale"
LANGUAGES = ("zh_CN",)
DOMAINS = ("podium", "argparse")
KEYWORDS = {**DEFAULT_KEYWORDS, "NP_": ((1, "c"), 2), "NNP_": ((1, "c"), 2, 3), "Phrase": None}


def po_path(locale: str, domain: str = "podium") -> Path:
    return LOCALES / locale / "LC_MESSAGES" / f"{domain}.po"


def mo_path(locale: str, domain: str = "podium") -> Path:
    return po_path(locale, domain).with_suffix(".mo")


def extract() -> Catalog:
    """Every marked message in the source, as a template catalog."""
    template = Catalog(project="podium", fuzzy=False)
    for filename, lineno, message, comments, context in extract_from_dir(
        SOURCE,
        method_map=[("**.py", "python")],
        keywords=KEYWORDS,
        comment_tags=("TRANSLATORS:",),
        strip_comment_tags=True,
    ):
        template.add(message, None, [(filename, lineno)], auto_comments=comments, context=context)
    return template


def read(path: Path) -> Catalog:
    with path.open("rb") as fp:
        return read_po(fp)


def po_bytes(catalog: Catalog) -> bytes:
    buf = io.BytesIO()
    write_po(buf, catalog, no_location=True, sort_output=True, ignore_obsolete=True, width=100)
    return buf.getvalue()


def mo_bytes(catalog: Catalog) -> bytes:
    buf = io.BytesIO()
    write_mo(buf, catalog)
    return buf.getvalue()


def merged(locale: str) -> Catalog:
    """The locale's catalog with the source's messages: new ones untranslated, gone ones out."""
    catalog = read(po_path(locale))
    catalog.update(extract(), no_fuzzy_matching=True, update_creation_date=False)
    return catalog


def update() -> None:
    for locale in LANGUAGES:
        catalog = merged(locale)
        po_path(locale).write_bytes(po_bytes(catalog))
        for domain in DOMAINS:
            mo_path(locale, domain).write_bytes(mo_bytes(read(po_path(locale, domain))))


_FIELD = string.Formatter()


def _fields(text: str) -> set[str]:
    """The `{name}` fields of a brace-format message (and `%(name)s`/`%s` of a printf one)."""
    try:
        braces = {f"{{{name}}}" for _, name, _, _ in _FIELD.parse(text) if name is not None}
    except ValueError:
        braces = set()
    percents = set(re.findall(r"%\([a-z_]+\)[a-z]|%[a-z]", text))
    return braces | percents


def problems() -> list[str]:
    """What is wrong with the catalogs, one line each; empty when all is well."""
    out: list[str] = []
    template = extract()
    for locale in LANGUAGES:
        for domain in DOMAINS:
            path = po_path(locale, domain)
            catalog = read(path)
            rel = path.relative_to(ROOT)
            if domain == "podium":
                known = {(m.id if isinstance(m.id, str) else m.id[0], m.context) for m in catalog}
                for message in template:
                    if not message.id:
                        continue
                    key = message.id if isinstance(message.id, str) else message.id[0]
                    if (key, message.context) not in known:
                        out.append(f"{rel}: not in the catalog (run make catalogs): {key!r}")
                if po_bytes(merged(locale)) != path.read_bytes():
                    out.append(f"{rel}: out of date with the source (run make catalogs)")
            for message in catalog:
                if not message.id:
                    continue
                ids = [message.id] if isinstance(message.id, str) else list(message.id)
                strs = [message.string] if isinstance(message.string, str) else list(message.string)
                if message.fuzzy:
                    out.append(f"{rel}: fuzzy, check and remove the flag: {ids[0]!r}")
                if not all(strs):
                    out.append(f"{rel}: no translation: {ids[0]!r}")
                    continue
                wanted = set().union(*(_fields(i) for i in ids))
                # a plural form, or a message whose comment says so, may leave fields out
                optional = len(ids) > 1 or any("may leave out" in c for c in message.auto_comments)
                for s in strs:
                    if _fields(s) != wanted and not (optional and _fields(s) <= wanted):
                        out.append(
                            f"{rel}: fields differ ({sorted(_fields(s))} for {sorted(wanted)}): "
                            f"{ids[0]!r}"
                        )
            if mo_path(locale, domain).read_bytes() != mo_bytes(catalog):
                out.append(f"{mo_path(locale, domain).relative_to(ROOT)}: stale (make catalogs)")
    return out


def main(argv: list[str]) -> int:
    if "--check" not in argv:
        update()
    found = problems()
    for line in found:
        print(line, file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
