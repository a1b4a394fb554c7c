"""One script → one draft agenda: read, build, render."""

from __future__ import annotations

from dataclasses import dataclass

from podium.importer.build import Draft, build
from podium.importer.emit import render
from podium.importer.source import read_source


class NothingToImport(Exception):
    """The document holds none of the host's words (empty, white space, page furniture)."""


@dataclass(frozen=True, slots=True)
class Imported:
    text: str
    """The draft agenda (YAML)."""
    draft: Draft


def import_script(
    path: str,
    *,
    language: str | None = None,
    title: str | None = None,
    out_name: str | None = None,
) -> Imported:
    """Import the script at `path`. Raises `Refused` (exit 2) or `NothingToImport` (exit 1)."""
    source = read_source(path)
    draft = build(source, language, title)
    if draft.host_paragraphs == 0:
        raise NothingToImport(draft)
    return Imported(render(draft, out_name), draft)
