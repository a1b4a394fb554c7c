"""The end-of-meeting summary: planned against actual per item, totals, and what to change."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Static

from podium.agenda.plan import PlannedTotal, waiting_label
from podium.engine.timefmt import rounded_text, signed_text, whole_seconds
from podium.i18n import for_language
from podium.tui.i18n import t, ui_language

SummaryRow = tuple[str, int, float | None]
"""(item title, planned seconds, actual seconds or None when never reached)."""

NOT_REACHED = "—"
OVER_STYLE = "bold red"
UNDER_STYLE = "bold green"


class SummaryScreen(Screen[None]):
    """Planned vs actual per item with signed differences; q, Esc or Enter leave it."""

    DEFAULT_CSS = """
    SummaryScreen {
        layout: vertical;
        background: $background;
        padding: 0 1;
    }
    SummaryScreen #summary-title {
        dock: top;
        width: 100%;
        text-align: center;
        text-style: bold;
        color: $accent;
        padding: 0 0 1 0;
    }
    SummaryScreen.rehearsal #summary-title {
        color: $warning;
    }
    SummaryScreen #summary-table {
        height: 1fr;
        background: $background;
    }
    SummaryScreen #summary-bottom {
        dock: bottom;
        height: auto;
    }
    SummaryScreen #summary-note {
        color: $text-muted;
    }
    SummaryScreen #summary-hints-box {
        height: auto;
        max-height: 9;
        border-top: solid $accent;
    }
    SummaryScreen #summary-hints-title {
        text-style: bold;
        color: $accent;
    }
    SummaryScreen .summary-hint {
        text-style: bold;
        padding: 0 0 0 2;
    }
    /* Below 24 rows (a large font) the table keeps most of the screen: the hints get three
       rows (they scroll; podium report prints them all) and the title no blank row. */
    SummaryScreen.-compact #summary-title {
        padding: 0;
    }
    SummaryScreen.-compact #summary-hints-box {
        max-height: 4;
    }
    SummaryScreen #summary-leave {
        width: 100%;
        text-align: center;
        color: $text-muted;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "leave(True)", show=False, priority=True),
        Binding("escape", "leave", show=False, priority=True),
        Binding("enter", "leave", show=False, priority=True),
    ]

    # Columns other than the title: number, planned, actual, delta (cells, padding excluded).
    _FIXED = (4, 8, 8, 8)

    def __init__(
        self,
        rows: Sequence[SummaryRow],
        hints: Sequence[str],
        lang: str,
        rehearsal: bool,
        *,
        planned: PlannedTotal | None = None,
        guard_s: float = 0.0,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        """`planned`: the plan's total (`podium.agenda.plan.planned_total`), so that the idle
        time before fixed `at` times is a row and the total is what `podium plan` and `podium
        report` say (default: the rows back to back).
        `guard_s`: Enter and Esc pressed this soon after the summary opens are ignored, so
        the bounce of the Enter that confirmed the end cannot skip the summary (`q` always
        leaves: no clicker sends it)."""
        super().__init__(classes="rehearsal" if rehearsal else None)
        self.guard_s = guard_s
        self._monotonic = monotonic
        self._opened = monotonic()
        self.rows = list(rows)
        self.planned = planned or PlannedTotal(sum(p for _, p, _ in self.rows), 0)
        self.hints = list(hints)
        self.lang = ui_language(lang)
        self.rehearsal = rehearsal

    def compose(self) -> ComposeResult:
        key = "summary.title_rehearsal" if self.rehearsal else "summary.title"
        yield Static(t(key, self.lang), id="summary-title")
        yield DataTable(
            id="summary-table", cursor_type="row", zebra_stripes=True, show_cursor=False
        )
        unreached = sum(1 for _, _, actual in self.rows if actual is None)
        with Vertical(id="summary-bottom"):
            if unreached:
                note = t("summary.unreached", self.lang, n=unreached)
                yield Static(note, id="summary-note")
            if self.hints:
                with VerticalScroll(id="summary-hints-box"):
                    yield Static(t("summary.hints", self.lang), id="summary-hints-title")
                    for hint in self.hints:
                        yield Static(f"• {hint}", classes="summary-hint", markup=False)
            yield Static(t("summary.leave", self.lang), id="summary-leave")

    def on_mount(self) -> None:
        self.set_class(self.app.size.height < self.COMPACT_BELOW, "-compact")
        table = self.query_one(DataTable)
        no_w, planned_w, actual_w, delta_w = self._FIXED
        table.add_column(Text(t("summary.col_no", self.lang), justify="right", end=""), width=no_w)
        table.add_column(t("summary.col_item", self.lang), width=self._title_width(), key="title")
        table.add_column(
            Text(t("summary.col_planned", self.lang), justify="right", end=""), width=planned_w
        )
        table.add_column(
            Text(t("summary.col_actual", self.lang), justify="right", end=""), width=actual_w
        )
        table.add_column(
            Text(t("summary.col_delta", self.lang), justify="right", end=""), width=delta_w
        )
        actual_total = 0.0
        reached_planned = 0
        for number, (title, planned_s, actual_s) in enumerate(self.rows, 1):
            if actual_s is None:
                actual_cell = Text(NOT_REACHED, justify="right", end="", style="dim")
                delta_cell = Text(NOT_REACHED, justify="right", end="", style="dim")
            else:
                actual_total += actual_s
                reached_planned += planned_s
                actual_cell = Text(rounded_text(actual_s), justify="right", end="")
                delta_cell = _delta_cell(whole_seconds(actual_s) - planned_s)
            table.add_row(
                Text(str(number), justify="right", end="", style="dim"),
                Text(title, no_wrap=True, overflow="ellipsis", end=""),
                Text(rounded_text(planned_s), justify="right", end=""),
                actual_cell,
                delta_cell,
            )
        waiting_s = self.planned.waiting_s
        if waiting_s:
            dash = Text(NOT_REACHED, justify="right", end="", style="dim")
            table.add_row(
                Text("", end=""),
                Text(waiting_label(for_language(self.lang)), style="italic", end=""),
                Text(rounded_text(waiting_s), justify="right", end=""),
                dash,
                dash,
                key="waiting",
            )
        reached = any(actual is not None for _, _, actual in self.rows)
        if all(actual is not None for _, _, actual in self.rows):
            reached_planned += waiting_s  # the whole meeting ran: compare with its whole plan
        table.add_row(
            Text("", end=""),
            Text(t("summary.total", self.lang), style="bold", end=""),
            Text(rounded_text(self.planned.total_s), justify="right", end="", style="bold"),
            Text(
                rounded_text(actual_total) if reached else NOT_REACHED,
                justify="right",
                end="",
                style="bold",
            ),
            _delta_cell(whole_seconds(actual_total) - reached_planned)
            if reached
            else Text(NOT_REACHED, justify="right", end="", style="bold dim"),
            key="total",
        )
        table.focus()

    def _title_width(self) -> int:
        # Each column has one cell of padding on both sides; keep room for the scrollbar.
        fixed = sum(self._FIXED) + 2 * (len(self._FIXED) + 1) + 2
        return max(12, self.size.width - 2 - fixed)

    COMPACT_BELOW = 24
    """Rows under which the summary is compact (as the podium screen below 80×24)."""

    def on_resize(self) -> None:
        self.set_class(self.size.height < self.COMPACT_BELOW, "-compact")
        table = self.query_one(DataTable)
        column = table.columns.get("title")  # type: ignore[call-overload]
        if column is not None and column.width != self._title_width():
            column.width = self._title_width()
            table.refresh(layout=True)

    def action_leave(self, deliberate: bool = False) -> None:
        """Leave; Enter and Esc (which clickers send) only once the guard after opening is over."""
        if not deliberate and self._monotonic() - self._opened < self.guard_s:
            return
        self.dismiss(None)


def _delta_cell(delta_s: float) -> Text:
    rounded = whole_seconds(delta_s)
    style = OVER_STYLE if rounded > 0 else UNDER_STYLE if rounded < 0 else ""
    return Text(signed_text(delta_s), justify="right", end="", style=style)
