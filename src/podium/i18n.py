"""Messages through gettext: English source strings, Chinese from the shipped catalog.

Two kinds of text, two ways to translate:

- What the command line says to its user (errors, warnings, prompts, help, summaries) follows
  the user's locale: `_()`, `ngettext()` and `pgettext()` here, chosen by LANGUAGE, LC_ALL,
  LC_MESSAGES and LANG (see `podium.language.locale_language`).
- What belongs to a meeting (the screen, run sheets, reports, the resume notice) follows the
  meeting's language: `for_language(meeting.language).gettext(...)`.

Messages are marked where they are written, with their English text as the msgid:
`_("cannot read {path}").format(path=p)`. Text that must be translated later (a module-level
table) is marked with `N_()` (or `NP_(context, text)`) and translated where it is shown.
`make catalogs` extracts the marked messages into `src/podium/locale/podium.pot`, merges them
into `zh_CN/LC_MESSAGES/podium.po` (where the Chinese is written) and compiles the `.mo`
shipped in the package. Catalogs are read on first use, once per language per process.
"""

from __future__ import annotations

import gettext as _gettext
import os
from functools import cache

from podium.language import locale_language, podium_language

DOMAIN = "podium"
LOCALE_DIR = os.path.join(os.path.dirname(__file__), "locale")
CATALOG_LOCALES = {"zh": "zh_CN"}
"""podium's language -> the folder of its catalog under LOCALE_DIR (English needs none)."""

Translations = _gettext.NullTranslations


@cache
def _catalog(code: str, domain: str) -> Translations:
    folder = CATALOG_LOCALES.get(code)
    if folder is None:
        return _gettext.NullTranslations()
    try:
        with open(os.path.join(LOCALE_DIR, folder, "LC_MESSAGES", f"{domain}.mo"), "rb") as fp:
            return _gettext.GNUTranslations(fp)
    except OSError:
        return _gettext.NullTranslations()


def for_language(language: str | None) -> Translations:
    """The translator for a meeting's language (any tag: `zh`, `zh_CN`, `zh-Hant-TW`, `en-GB`)."""
    return _catalog(podium_language(language), DOMAIN)


def user_language() -> str:
    """The command-line user's language (`en` or `zh`), from the locale's environment."""
    return locale_language()


def translator() -> Translations:
    """The translator for command-line messages, chosen by the locale at each call (cheap)."""
    return _catalog(locale_language(), DOMAIN)


def _(message: str) -> str:
    """`message` in the user's language."""
    return translator().gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The singular or plural form for `n`, in the user's language."""
    return translator().ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """`message` in the user's language, where the same English needs another word elsewhere."""
    return translator().pgettext(context, message)


def N_(message: str) -> str:
    """Mark `message` for the catalog without translating it yet (translated where shown)."""
    return message


def NP_(context: str, message: str) -> tuple[str, str]:
    """Mark `message` with a context for the catalog; translate later with `pgettext(*pair)`."""
    return context, message


def NNP_(context: str, singular: str, plural: str) -> tuple[str, str, str]:
    """Mark a message with a plural and a context for the catalog; translate later with
    `npgettext(*triple, n)`."""
    return context, singular, plural


def npgettext(context: str, singular: str, plural: str, n: int) -> str:
    """The singular or plural form for `n`, with a context, in the user's language."""
    return translator().npgettext(context, singular, plural, n)


class Phrase(str):
    """A message in the user's language that can be said again in another one.

    For a sentence made before it is known who reads it: what changed in the agenda since a
    resumed session began is printed on the terminal (the user's language) and shown on the
    screen (the meeting's). It is the `str` of the user's language everywhere a `str` goes;
    `in_language(lang)` words it again. Extraction knows `Phrase("…")` as a message."""

    msgid: str
    fields: dict[str, object]

    def __new__(cls, msgid: str, /, **fields: object) -> Phrase:
        self = super().__new__(cls, _(msgid).format(**fields))
        self.msgid = msgid
        self.fields = fields
        return self

    def in_language(self, language: str | None) -> str:
        return for_language(language).gettext(self.msgid).format(**self.fields)


def in_language(text: str, language: str | None) -> str:
    """`text` in `language` when it is a `Phrase`; any other text as it is."""
    return text.in_language(language) if isinstance(text, Phrase) else text


def argparse_translator() -> Translations:
    """argparse's own texts (`usage:`, `options`, its errors) in the user's language."""
    return _catalog(locale_language(), "argparse")


_OS_ERRORS = {
    "ENOENT": N_("no such file or folder"),
    "EACCES": N_("permission denied"),
    "EPERM": N_("permission denied"),
    "EISDIR": N_("it is a folder, not a file"),
    "ENOTDIR": N_("a part of the path is not a folder"),
    "ENOSPC": N_("the disk is full"),
    "EROFS": N_("the disk is read-only"),
    "EEXIST": N_("it exists already"),
    "ENAMETOOLONG": N_("the name is too long"),
    "ELOOP": N_("too many symbolic links"),
    "EIO": N_("an input/output error of the disk"),
    "EADDRINUSE": N_("the address is already in use"),
    "EADDRNOTAVAIL": N_("the address is not available on this machine"),
    "EMFILE": N_("too many open files"),
    "EDQUOT": N_("the disk quota is used up"),
}


def os_error_text(exc: OSError, translations: Translations | None = None) -> str:
    """What went wrong with a file, in the user's language: the system's `strerror` in English
    ("No such file or directory"), our own words in Chinese ("文件或文件夹不存在")."""
    import errno

    name = errno.errorcode.get(exc.errno or 0, "")
    text = _OS_ERRORS.get(name)
    tr = translator() if translations is None else translations
    if text is not None and tr.gettext(text) != text:
        return tr.gettext(text)
    return exc.strerror or str(exc)  # English: the system's own words, as every tool prints


def os_error_reason(exc: OSError, translations: Translations | None = None) -> str:
    """`os_error_text` for the middle of a sentence: the system's English words in lower case
    ("cannot write x: no such file or directory"), our own Chinese as it is."""
    text = os_error_text(exc, translations)
    return text.lower() if text == exc.strerror else text
