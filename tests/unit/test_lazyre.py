"""A pattern compiled when first used behaves as the compiled pattern, and only then compiles."""

from __future__ import annotations

import re

from podium.lazyre import LazyPattern, lazy


def test_a_lazy_pattern_compiles_on_first_use_and_answers_as_re_does() -> None:
    pattern = lazy(r"(?P<h>\d{1,2}):(?P<m>\d\d)", re.ASCII)
    assert isinstance(pattern, LazyPattern) and not pattern.compiled
    match = pattern.fullmatch("9:05")
    assert pattern.compiled
    assert match is not None and match["h"] == "9" and match["m"] == "05"
    found = pattern.search("at 10:30 sharp")
    assert found is not None and found.group() == "10:30"
    assert pattern.sub("HH:MM", "9:05 and 10:30") == "HH:MM and HH:MM"
    assert pattern.pattern == r"(?P<h>\d{1,2}):(?P<m>\d\d)" and pattern.flags & re.ASCII
    assert pattern.fullmatch("٩:٠٥") is None  # the flags were kept (ASCII digits only)
