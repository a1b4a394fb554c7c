"""Language tags, read once and the same way everywhere.

A meeting's `language:` key, `--ui-lang`, `podium say --lang` and the locale's environment
variables all name a language, written in different ways: BCP 47 tags (`zh-Hans-CN`, `en-GB`)
or POSIX locale names (`zh_CN.UTF-8`, `en_GB@euro`, `C`). `parse_language` reads any of them;
`podium_language` says which of podium's languages (`en`, `zh`) that is: a Chinese tag of any
region or script is Chinese, every other tag (and anything unreadable) is English.

Callers ask the facts they need of the result (`cjk` for reading-time estimates, `script` for
simplified or traditional characters, `html_lang` for a page's `lang`) instead of splitting
strings themselves.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from functools import lru_cache

LANGUAGES = ("en", "zh")
"""podium's own languages: the ones its messages, labels and run sheets are written in."""

DEFAULT = "en"

_CHINESE = frozenset(("zh", "cmn"))
_CJK = frozenset(("zh", "cmn", "ja", "ko"))
_TRADITIONAL_REGIONS = frozenset(("TW", "HK", "MO"))
_SUBTAG = re.compile(r"[A-Za-z0-9]{1,8}")


class Language:
    """What a language tag says, in normalized form (immutable; a plain slotted class rather
    than a dataclass so that the command line's first message does not import `dataclasses`).

    - `primary`: the primary language subtag, lower case (`zh`, `en`, `ja`); `und` when
      unreadable.
    - `script`: ISO 15924 script, title case: as written, else implied (`Hans` for zh, zh-CN
      and zh-SG; `Hant` for zh-TW, zh-HK and zh-MO); None when neither.
    - `region`: upper case (`CN`, `GB`, `419`); None when not given.
    - `written_script`: True when the tag names its script (`zh-Hans`), not only implies it.
    """

    __slots__ = ("primary", "region", "script", "written_script")

    primary: str
    script: str | None
    region: str | None
    written_script: bool

    def __init__(
        self, primary: str, script: str | None, region: str | None, written_script: bool = False
    ) -> None:
        object.__setattr__(self, "primary", primary)
        object.__setattr__(self, "script", script)
        object.__setattr__(self, "region", region)
        object.__setattr__(self, "written_script", written_script)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"Language is immutable; cannot set {name}")

    def _key(self) -> tuple[str, str | None, str | None, bool]:
        return (self.primary, self.script, self.region, self.written_script)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Language) and self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return (
            f"Language(primary={self.primary!r}, script={self.script!r}, "
            f"region={self.region!r}, written_script={self.written_script!r})"
        )

    @property
    def code(self) -> str:
        """podium's language: `zh` for any Chinese, `en` for everything else."""
        return "zh" if self.primary in _CHINESE else DEFAULT

    @property
    def is_chinese(self) -> bool:
        return self.code == "zh"

    @property
    def cjk(self) -> bool:
        """Written in CJK characters (Chinese, Japanese, Korean): reading time counts
        characters, not words."""
        return self.primary in _CJK

    @property
    def traditional(self) -> bool:
        """Chinese in traditional characters (zh-Hant, zh-TW, zh-HK, zh-MO)."""
        return self.is_chinese and self.script == "Hant"

    @property
    def tag(self) -> str:
        """The BCP 47 form: `zh-CN` for `zh_CN.UTF-8`, `zh-Hant-TW`, `en-GB`; `und` when the
        input was unreadable. An implied script is not written out."""
        parts = [self.primary]
        if self.script and self.written_script:
            parts.append(self.script)
        if self.region:
            parts.append(self.region)
        return "-".join(parts)

    @property
    def html_lang(self) -> str:
        """A page's `lang`: plain `zh` becomes `zh-CN` so that browsers pick simplified glyphs."""
        if self.primary == "zh" and self.region is None and not self.written_script:
            return "zh-CN"
        return self.tag

    @property
    def list_separator(self) -> str:
        """Between names in running text: `、` in Chinese, `, ` otherwise."""
        return "、" if self.is_chinese else ", "


UNKNOWN = Language("und", None, None)


@lru_cache(maxsize=64)
def parse_language(text: str | None) -> Language:
    """Read a BCP 47 tag or a POSIX locale name; `UNKNOWN` (English) when it is neither.

    `C` and `POSIX` (with or without a codeset) are English. Extensions and private-use
    subtags after the region are ignored.
    """
    if not text:
        return UNKNOWN
    name = text.strip()
    # POSIX locale names: language[_territory][.codeset][@modifier]
    name = name.split("@", 1)[0].split(".", 1)[0]
    if name.upper() in ("C", "POSIX") or name == "":
        return Language("en", None, None)
    subtags = name.replace("_", "-").split("-")
    if not all(_SUBTAG.fullmatch(s) for s in subtags):
        return UNKNOWN
    primary = subtags[0].lower()
    if not (2 <= len(primary) <= 3 and primary.isalpha()):
        return UNKNOWN
    script: str | None = None
    region: str | None = None
    rest = subtags[1:]
    # extended language subtags (zh-cmn-Hans): three letters right after the primary
    while rest and len(rest[0]) == 3 and rest[0].isalpha() and script is None:
        if primary == "zh" or rest[0].lower() in _CHINESE:
            primary = "zh"
        rest = rest[1:]
    if rest and len(rest[0]) == 4 and rest[0].isalpha():
        script = rest[0].title()
        rest = rest[1:]
    if rest and (
        (len(rest[0]) == 2 and rest[0].isalpha()) or (len(rest[0]) == 3 and rest[0].isdigit())
    ):
        region = rest[0].upper()
    written = script is not None
    if script is None and primary in _CHINESE:
        script = "Hant" if region in _TRADITIONAL_REGIONS else "Hans"
    if primary == "cmn":
        primary = "zh"
    return Language(primary, script, region, written)


def podium_language(text: str | None) -> str:
    """podium's language (`en` or `zh`) for any tag or locale name; English when unreadable."""
    return parse_language(text).code


def supported_language(text: str | None) -> str | None:
    """podium's language when `text` names one of them (`zh_CN` -> `zh`, `en-GB` -> `en`,
    `C` -> `en`), else None (`fr`, `ja`, garbage)."""
    parsed = parse_language(text)
    return parsed.primary if parsed.primary in LANGUAGES else None


def is_valid_tag(text: str) -> bool:
    """Whether `text` reads as a language tag (`zh`, `zh_CN`, `zh-Hant-TW`, `en-GB`)."""
    name = text.strip()
    if "." in name or "@" in name or name.upper() in ("C", "POSIX"):
        return False  # locale names, not language tags
    return parse_language(name) is not UNKNOWN


LOCALE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")
"""Where command-line tools find the user's language, in gettext's order."""


def locale_language(environ: Mapping[str, str] | None = None) -> str:
    """The user's language for command-line messages (`en` or `zh`), as gettext finds it.

    The first of LANGUAGE, LC_ALL, LC_MESSAGES and LANG that is set and not empty decides;
    LANGUAGE may list several languages (`fr:zh_CN:en`), and the first of them podium has
    wins. `zh_CN.UTF-8` is Chinese whether or not that locale is installed here; `C`,
    `C.UTF-8` and `POSIX` are English.
    """
    env = os.environ if environ is None else environ
    for variable in LOCALE_VARIABLES:
        value = env.get(variable)
        if not value:
            continue
        if variable != "LANGUAGE":
            return podium_language(value)
        for entry in value.split(":"):
            code = supported_language(entry)  # C and POSIX are English
            if code is not None:
                return code
        # LANGUAGE named none of podium's languages: gettext goes on to the locale
    return DEFAULT
