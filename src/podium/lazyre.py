"""Regular expressions compiled when first used, for module-level patterns most runs never
need (a check that only a rare input reaches, the wording of an error): compiling one can cost
more than the whole of a start-up's own work with it (`re` expands character classes and
Unicode word boundaries at compile time)."""

from __future__ import annotations

import re
from typing import Any, cast

_compile = re.compile


class LazyPattern:
    """A regular expression compiled on first use; otherwise used like the `re.Pattern` it
    stands for (`match`, `search`, `sub`, `pattern` …). Not accepted where `re` wants a
    compiled pattern object (`re.sub(p, …)`): call its methods."""

    __slots__ = ("_compiled", "_flags", "_pattern")

    def __init__(self, pattern: Any, flags: int = 0) -> None:
        self._pattern = pattern
        self._flags = flags
        self._compiled: re.Pattern[Any] | None = None

    @property
    def compiled(self) -> bool:
        return self._compiled is not None

    def __getattr__(self, name: str) -> Any:
        compiled = self._compiled
        if compiled is None:
            compiled = self._compiled = _compile(self._pattern, self._flags)
        return getattr(compiled, name)


def lazy(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`re.compile(pattern, flags)`, done the first time the pattern is used."""
    return cast("re.Pattern[str]", LazyPattern(pattern, flags))
