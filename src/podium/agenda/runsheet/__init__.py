"""The printed run sheet: a Plan rendered as text, markdown, csv, json or html."""

from __future__ import annotations

from podium.agenda.plan import Plan
from podium.agenda.runsheet.spoken import SpokenSeconds

FORMATS = ("text", "markdown", "csv", "json", "html")


def render(plan: Plan, fmt: str, spoken: SpokenSeconds | None = None) -> str:
    """The run sheet of `plan` in format `fmt`. `spoken` (from `--spoken`) adds each cue's
    measured spoken duration to json and csv; text, markdown and html say that the estimates
    come from it."""
    if fmt == "text":
        from podium.agenda.runsheet.text_sheet import render_text

        return render_text(plan, measured=spoken is not None)
    if fmt == "markdown":
        from podium.agenda.runsheet.markdown_sheet import render_markdown

        return render_markdown(plan, measured=spoken is not None)
    if fmt == "csv":
        from podium.agenda.runsheet.csv_sheet import render_csv

        return render_csv(plan, spoken)
    if fmt == "json":
        from podium.agenda.runsheet.json_sheet import render_json

        return render_json(plan, spoken)
    if fmt == "html":
        from podium.agenda.runsheet.html_sheet import render_html

        return render_html(plan, measured=spoken is not None)
    raise ValueError(f"unknown run sheet format {fmt!r}; choose from {', '.join(FORMATS)}")
