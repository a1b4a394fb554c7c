"""Filling `{key}` placeholders of agenda texts from `names` and the meeting's fields, with
every unknown or malformed placeholder reported at its place in the file."""

from __future__ import annotations

from collections.abc import Collection

from podium.agenda.keys import MEETING_FALLBACKS
from podium.agenda.placeholders import Field, Part, parse_template
from podium.agenda.reporting import Reporter
from podium.agenda.suggest import Suggester
from podium.agenda.yamlnodes import Node
from podium.i18n import _


class PlaceholderFiller:
    """The values placeholders are filled with: `names` keys, then the meeting's fields."""

    def __init__(self, report: Reporter) -> None:
        self.report = report
        self.names: dict[str, str] = {}
        self.fallbacks: dict[str, str] = {}
        """`title`, `date`, `venue`, `host` of the meeting, as far as it gives them."""
        self._suggest: Suggester | None = None
        self._suggest_size = (0, 0)

    def template(self, node: Node, value: str, dynamic: Collection[str] = ()) -> list[Part]:
        """`value` split into literal text and the `dynamic` fields left to fill later; every
        other placeholder is filled from `names` (or the meeting) or reported."""
        parts, problems = parse_template(value)
        for problem in problems:
            self.report.error_in(node, value, problem.offset, problem.snippet, problem.message)
        out: list[Part] = []
        for part in parts:
            if isinstance(part, str) or part.key in dynamic:
                out.append(part)
                continue
            filled = self.names.get(part.key)
            if filled is None:
                filled = self.fallbacks.get(part.key)
            if filled is None:
                self._unknown(node, value, part)
                filled = "{" + part.key + "}"
            out.append(filled)
        return out

    def substitute(self, node: Node, value: str) -> str:
        """`value` with every placeholder filled (unknown ones reported and left as written)."""
        return "".join(
            p if isinstance(p, str) else "{" + p.key + "}" for p in self.template(node, value)
        )

    def _suggester(self) -> Suggester:
        """One suggester per vocabulary (the meeting's texts are filled before its fields are
        all known, so the vocabulary can still grow then)."""
        size = (len(self.names), len(self.fallbacks))
        if self._suggest is None or self._suggest_size != size:
            self._suggest = Suggester([*self.names, *self.fallbacks])
            self._suggest_size = size
        return self._suggest

    def _unknown(self, node: Node, value: str, part: Field) -> None:
        snippet = "{" + part.key + "}"
        close = self._suggester().closest(part.key, 0.5)
        if close:
            message = _("unknown placeholder '{snippet}'; did you mean '{close}'?")
        elif part.key in MEETING_FALLBACKS:
            message = _(
                "unknown placeholder '{snippet}': the meeting has no {key} and 'names' does not "
                "define it"
            )
        else:
            message = _("unknown placeholder '{snippet}': define it under 'names'")
        text = message.format(
            snippet=snippet, key=part.key, close="{" + close + "}" if close else ""
        )
        self.report.error_in(node, value, part.offset, snippet, text)
