"""The notice the screen opens with, worded from the `StartNotice` that choosing the journal
gave (`podium.engine.resume`): resumed, what changed in the agenda, journal lines skipped,
agenda warnings."""

from __future__ import annotations

from podium.engine.journal import shown
from podium.engine.resume import StartNotice
from podium.i18n import in_language
from podium.tui.i18n import t


def start_notice_text(start: StartNotice, lang: str) -> str | None:
    """The status-line notice for `start` in `lang`, or None when there is nothing to say."""
    parts = []
    if start.resumed:
        when = start.resumed_at.strftime("%H:%M") if start.resumed_at else "?"
        parts.append(t("status.resumed", lang, t=when))
        if start.changes:
            changes = "; ".join(shown(in_language(c, lang)) for c in start.changes)
            parts.append(t("status.agenda_changed", lang, changes=changes))
    if start.journal_warnings:
        parts.append(t("status.journal_warnings", lang, n=len(start.journal_warnings)))
        parts.append(shown(start.journal_warnings[0]))
    if start.agenda_warnings:
        parts.append(t("status.agenda_warnings", lang, n=start.agenda_warnings))
    return " · ".join(parts) or None
