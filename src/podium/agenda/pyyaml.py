"""PyYAML, imported for the whole package from here, with the regular expressions PyYAML
compiles at import time compiled when first used instead.

At import, PyYAML compiles about ten regular expressions: the pure-Python reader's class of
non-printable characters (whose ranges `re` expands into a bitmap character by character)
and the YAML 1.1 implicit resolvers and constructors. podium composes nodes with libyaml and
resolves no implicit types (`podium.agenda.yamlnodes`), so it uses none of them, yet compiling
them was about two thirds of importing PyYAML, paid by every `podium run` and `validate`
before anything else. Each is compiled on its first use, so any other user of PyYAML in the
process sees the same behaviour. Only calls made by PyYAML's own modules, during this import,
are deferred; everyone else's `re.compile` is untouched.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from podium.lazyre import LazyPattern

__all__ = ["LazyPattern", "yaml"]

_compile = re.compile


@contextmanager
def _compiled_when_used(package: str) -> Iterator[None]:
    def compile(pattern: Any, flags: int = 0) -> Any:
        caller = sys._getframe(1).f_globals.get("__name__", "")
        if caller == package or caller.startswith(package + "."):
            return LazyPattern(pattern, flags)
        return _compile(pattern, flags)

    re.compile = compile
    try:
        yield
    finally:
        re.compile = _compile


with _compiled_when_used("yaml"):  # (a no-op when PyYAML was imported before)
    import yaml
    import yaml.composer
