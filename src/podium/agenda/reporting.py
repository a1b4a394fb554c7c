"""Collecting the problems of one agenda file as positioned diagnostics."""

from __future__ import annotations

from dataclasses import dataclass

from podium.agenda.diagnostics import Diagnostic, Severity
from podium.agenda.yamlnodes import Node


@dataclass(frozen=True, slots=True)
class Place:
    """A 1-based line and column in the agenda file."""

    line: int
    col: int


class Reporter:
    """The diagnostics of one file: de-duplicated (a node shared through an alias is checked
    once per use), positioned from YAML nodes or from places inside their text."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.source = ""
        """The decoded text of the file (set once decoded), where snippets are located."""
        self.diagnostics: list[Diagnostic] = []
        self._seen: set[tuple[int, int, str, str]] = set()

    def report(self, severity: Severity, line: int, col: int, message: str) -> None:
        key = (line, col, severity.value, message)
        if key not in self._seen:
            self._seen.add(key)
            self.diagnostics.append(Diagnostic(self.path, line, col, severity, message))

    def error(self, node: Node, message: str) -> None:
        mark = node.start_mark
        self.report(Severity.ERROR, mark.line + 1, mark.column + 1, message)

    def warn(self, node: Node, message: str) -> None:
        mark = node.start_mark
        self.report(Severity.WARNING, mark.line + 1, mark.column + 1, message)

    def error_in(self, node: Node, value: str, offset: int, snippet: str, message: str) -> None:
        """An error at `snippet`, found at `offset` of the node's (trimmed) value, in the file."""
        place = self.locate(node, value, offset, snippet)
        self.report(Severity.ERROR, place.line, place.col, message)

    def locate(self, node: Node, value: str, offset: int, snippet: str) -> Place:
        """Where the snippet at `offset` of `value` stands in the file, or the node's start."""
        start, end = node.start_mark, node.end_mark
        nth = value.count(snippet, 0, offset)
        idx = start.index - 1
        for _ in range(nth + 1):
            idx = self.source.find(snippet, idx + 1, end.index)
            if idx < 0:
                return Place(start.line + 1, start.column + 1)
        line = start.line + 1 + self.source.count("\n", start.index, idx)
        line_start = self.source.rfind("\n", 0, idx) + 1
        return Place(line, idx - line_start + 1)

    @property
    def has_errors(self) -> bool:
        return any(d.severity is Severity.ERROR for d in self.diagnostics)

    def sorted(self) -> list[Diagnostic]:
        """Every diagnostic, in the order of their places in the file."""
        self.diagnostics.sort(key=lambda d: (d.line, d.col))
        return self.diagnostics
