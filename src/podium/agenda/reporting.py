"""Collecting the problems of one agenda file as positioned diagnostics."""

from __future__ import annotations

from podium.agenda.diagnostics import Diagnostic, Severity
from podium.agenda.positions import Place, Positions, scalar_offsets
from podium.agenda.yamlnodes import Node

__all__ = ["Place", "Reporter"]


class Reporter:
    """The diagnostics of one file: de-duplicated (a node shared through an alias is checked
    once per use), positioned from YAML nodes or from places inside their text."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.positions = Positions("")
        self.diagnostics: list[Diagnostic] = []
        self._seen: set[tuple[int, int, str, str]] = set()
        self._offsets: dict[int, tuple[Node, list[int]]] = {}

    @property
    def source(self) -> str:
        """The decoded text of the file (set once decoded), where places are computed."""
        return self.positions.text

    @source.setter
    def source(self, text: str) -> None:
        self.positions = Positions(text)
        self._offsets.clear()

    def report(self, severity: Severity, line: int, col: int, message: str) -> None:
        key = (line, col, severity.value, message)
        if key not in self._seen:
            self._seen.add(key)
            self.diagnostics.append(Diagnostic(self.path, line, col, severity, message))

    def report_at(self, severity: Severity, index: int, message: str) -> None:
        """A diagnostic at a character index of the file."""
        place = self.positions.place(index)
        self.report(severity, place.line, place.col, message)

    def place(self, node: Node) -> Place:
        """Where a node starts."""
        return self.positions.place(node.start_mark.index)

    def line_of(self, node: Node) -> int:
        return self.place(node).line

    def error(self, node: Node, message: str) -> None:
        self.report_at(Severity.ERROR, node.start_mark.index, message)

    def warn(self, node: Node, message: str) -> None:
        self.report_at(Severity.WARNING, node.start_mark.index, message)

    def error_in(self, node: Node, value: str, offset: int, snippet: str, message: str) -> None:
        """An error at `offset` of `value`, the node's value trimmed (`snippet` is what stands
        there), at its place in the file."""
        self.report_at(Severity.ERROR, self.index_in(node, value, offset), message)

    def warn_in(self, node: Node, value: str, offset: int, message: str) -> None:
        self.report_at(Severity.WARNING, self.index_in(node, value, offset), message)

    def index_in(self, node: Node, value: str, offset: int) -> int:
        """The file index of `offset` in `value`, which is the node's value, maybe trimmed."""
        raw: str = node.value
        lead = len(raw) - len(raw.lstrip()) if value != raw else 0
        at = lead + offset
        cached = self._offsets.get(id(node))
        if cached is None or cached[0] is not node:
            cached = (node, scalar_offsets(self.source, node))
            self._offsets[id(node)] = cached
        offsets = cached[1]
        if 0 <= at < len(offsets):
            return offsets[at]
        return int(node.start_mark.index)

    @property
    def has_errors(self) -> bool:
        return any(d.severity is Severity.ERROR for d in self.diagnostics)

    def sorted(self) -> list[Diagnostic]:
        """Every diagnostic, in the order of their places in the file."""
        self.diagnostics.sort(key=lambda d: (d.line, d.col))
        return self.diagnostics
