"""The browser views' labels, through the catalogs like every other message: the page is
served with them in the meeting's language (a JSON data block the scripts read), so the views
keep no dictionary of their own."""

from __future__ import annotations

import json

from podium.i18n import NP_, for_language

LABELS: dict[str, tuple[str, str]] = {
    "lost": NP_("view.lost", "Connection lost — reconnecting…"),
    "standby": NP_("view.standby", "Standing by"),
    "ended": NP_("view.ended", "Meeting ended"),
    "paused": NP_("view.paused", "PAUSED"),
    "normal": NP_("view.normal", "ON TIME"),
    "warning": NP_("view.warning", "WARNING"),
    "danger": NP_("view.danger", "DANGER"),
    "overtime": NP_("view.overtime", "OVERTIME"),
    "speech": NP_("view.speech", "Speech"),
    "break": NP_("view.break", "Break"),
    "item": NP_("view.item", "Item"),
    "on_stage": NP_("view.on_stage", "On stage now"),
    "line_up": NP_("view.line_up", "Line up next"),
    "after": NP_("view.after", "After that"),
    "remaining": NP_("view.remaining", "{n} more batches to come"),
    "remaining_one": NP_("view.remaining_one", "1 more batch to come"),
    "remaining_none": NP_("view.remaining_none", "No more call-ups"),
    "no_callup": NP_("view.no_callup", "No call-up on stage"),
    "current_item": NP_("view.current_item", "Now"),
    "next_item": NP_("view.next_item", "Next item"),
    "batch": NP_("view.batch", "batch {n} of {m}"),
    "go": NP_("view.go", "GO"),
    "back": NP_("view.back", "Back"),
    "pause": NP_("view.pause", "Pause"),
    "resume": NP_("view.resume", "Resume"),
    "plus": NP_("view.plus", "+1 min"),
    "minus": NP_("view.minus", "−1 min"),
    "blank": NP_("view.blank", "Blank"),
    "unblank": NP_("view.unblank", "Unblank"),
    "jump": NP_("view.jump", "Jump"),
    "jump_to": NP_("view.jump_to", "Jump to…"),
    "send": NP_("view.send", "Send"),
    "clear": NP_("view.clear", "Clear"),
    "to_host": NP_("view.to_host", "Message to the host"),
    "to_stage": NP_("view.to_stage", "Message to the speaker"),
    "now": NP_("view.now", "Now"),
    "next": NP_("view.next", "Next"),
    "item_time": NP_("view.item_time", "Item time"),
    "end_q": NP_("view.end_q", "End the meeting?"),
    "end_yes": NP_("view.end_yes", "End"),
    "end_no": NP_("view.end_no", "Continue"),
    "denied": NP_("view.denied", "This address may only watch."),
    "failed": NP_("view.failed", "Not done: {why}"),
    "done": NP_("view.done", "Done"),
    "outcome_ignored_guard": NP_("view.outcome_ignored_guard", "Ignored (double press)"),
    "outcome_at_end": NP_("view.outcome_at_end", "End of the agenda"),
    "outcome_at_start": NP_("view.outcome_at_start", "Already at the first cue"),
    "outcome_not_started": NP_("view.outcome_not_started", "Not started: press GO first"),
    "outcome_paged": NP_("view.outcome_paged", "Next page"),
    "outcome_unavailable": NP_("view.outcome_unavailable", "Not available"),
    "outcome_unblanked": NP_("view.outcome_unblanked", "The screen shows again"),
    "outcome_nothing": NP_("view.outcome_nothing", "Nothing to do"),
    "sheet_time": NP_("view.sheet_time", "Planned"),
    "sheet_item": NP_("view.sheet_item", "Item"),
    "sheet_planned": NP_("view.sheet_planned", "Length"),
    "sheet_actual": NP_("view.sheet_actual", "Actual"),
    "sheet_expected": NP_("view.sheet_expected", "Start / expected"),
    "end_at": NP_("view.end_at", "Ends {t}"),
    "skipped": NP_("view.skipped", "skipped"),
    "blanked": NP_("view.blanked", "The screen is blanked"),
    "viewers": NP_("view.viewers", "{n} viewing"),
}
"""Label key -> (context, English); `{name}` slots are filled by the page."""

TITLES: dict[str, tuple[str, str]] = {
    "index.html": NP_("view.title", "podium · run sheet"),
    "stage.html": NP_("view.title", "podium · stage"),
    "backstage.html": NP_("view.title", "podium · backstage"),
    "control.html": NP_("view.title", "podium · control"),
}
"""Page -> its `<title>` (the browser's tab), in the meeting's language like the labels."""


def title_element(page: str, lang: str) -> bytes:
    """The page's `<title>…</title>` in `lang`."""
    from html import escape

    return f"<title>{escape(for_language(lang).pgettext(*TITLES[page]))}</title>".encode()


def labels(lang: str) -> dict[str, str]:
    """Every label in `lang` (English where the catalog has none)."""
    translate = for_language(lang).pgettext
    return {key: translate(context, english) for key, (context, english) in LABELS.items()}


def labels_block(lang: str) -> bytes:
    """The labels as a `<script type="application/json">` block (data, never run: the pages'
    Content-Security-Policy runs only their own script files)."""
    text = json.dumps(labels(lang), ensure_ascii=False).replace("</", "<\\/")
    return f'<script type="application/json" id="labels">{text}</script>'.encode()
