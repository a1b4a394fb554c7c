"""The importer's messages to the user: every one goes through `_` (gettext)."""

from __future__ import annotations


def _(message: str) -> str:
    """The message in the user's language (English until the catalogs are wired in)."""
    return message


def ngettext(singular: str, plural: str, n: int) -> str:
    return singular if n == 1 else plural
