"""PyYAML's own words about a syntax error ("could not find expected ':'"), in the user's
language: the common ones have a translation; any other is shown as PyYAML wrote it."""

from __future__ import annotations

from podium.i18n import N_, _
from podium.lazyre import lazy

_WORDS = (
    N_("could not find expected ':'"),
    N_("mapping values are not allowed here"),
    N_("did not find expected key"),
    N_("did not find expected '-' indicator"),
    N_("did not find expected node content"),
    N_("found unexpected end of stream"),
    N_("found unexpected ':'"),
    N_("found unknown escape character"),
    N_("while scanning a simple key"),
    N_("while scanning a quoted scalar"),
    N_("while scanning a plain scalar"),
    N_("while scanning an alias"),
    N_("while scanning an anchor"),
    N_("while scanning a block scalar"),
    N_("while parsing a block mapping"),
    N_("while parsing a block collection"),
    N_("while parsing a flow mapping"),
    N_("while parsing a flow sequence"),
    N_("while parsing a flow node"),
    N_("while parsing a block node"),
    N_("while composing a mapping"),
    N_("while scanning for the next token"),
    N_("special characters are not allowed"),
    N_("unacceptable character"),
)

_PATTERNS = (
    (
        lazy(r"found character (.+) that cannot start any token"),
        N_("found character {what} that cannot start any token"),
    ),
    (lazy(r"found undefined alias (.+)"), N_("found undefined alias {what}")),
    (
        lazy(r"found duplicate anchor (.+); first occurrence"),
        N_("found duplicate anchor {what}"),
    ),
    (lazy(r"expected (.+), but found (.+)"), N_("expected {what}, but found {found}")),
)


def yaml_words(text: str) -> str:
    """PyYAML's `problem` or `context` text, translated when it is one podium knows."""
    if text in _WORDS:
        return _(text)
    for pattern, template in _PATTERNS:
        m = pattern.fullmatch(text)
        if m is not None:
            found = m.group(2) if m.lastindex and m.lastindex > 1 else ""
            return _(template).format(what=m.group(1), found=found)
    return text
