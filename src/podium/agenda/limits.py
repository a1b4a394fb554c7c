"""The limits an agenda is loaded within (documented in docs/agenda-loading.md). Read through
the module (`limits.MAX_CUES`) so tests can lower them."""

from __future__ import annotations

from podium.agenda.encoding import MAX_CSV_TOTAL_BYTES, MAX_FILE_BYTES
from podium.agenda.reporting import Reporter
from podium.agenda.yamlnodes import Node
from podium.i18n import _

__all__ = [
    "MAX_ALIAS_NODES",
    "MAX_CSV_TOTAL_BYTES",
    "MAX_CUES",
    "MAX_FILE_BYTES",
    "CueBudget",
    "TooManyCues",
]

MAX_ALIAS_NODES = 100_000
"""Nodes that aliases may expand into before a document is refused."""
MAX_CUES = 200_000
"""Cues an agenda may unfold into."""


class TooManyCues(Exception):
    """The agenda unfolds into more cues than MAX_CUES; reading stops."""


class CueBudget:
    """Counts the cues an agenda unfolds into, before they are built."""

    def __init__(self, report: Reporter) -> None:
        self.report = report
        self.total = 0

    def count(self, n: int, node: Node) -> None:
        """Add `n` cues to the total; past the limit report it at `node` and stop reading."""
        self.total += n
        if self.total > MAX_CUES:
            self.report.error(
                node,
                _(
                    "the agenda unfolds into more than {limit} cues; refusing it "
                    "(split the meeting into several agendas)"
                ).format(limit=f"{MAX_CUES:,}"),
            )
            raise TooManyCues
