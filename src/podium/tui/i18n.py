"""The screen's own labels, looked up by key and translated through the gettext catalog.

Each label is its English text marked with `NP_(key, text)`: the key is the message's context,
so the same English ("Item") can be "议程" in one place and "本项" in another. The Chinese is in
src/podium/locale/zh_CN/LC_MESSAGES/podium.po (`make catalogs`; see docs/translating.md).
"""

from __future__ import annotations

from podium.i18n import NNP_, NP_, for_language
from podium.language import podium_language

LABELS: dict[str, tuple[str, str] | tuple[str, str, str]] = {
    # --- dialogs and summary (B) ---------------------------------------------------------
    "help.title": NP_("help.title", "Keys"),
    "help.key": NP_("help.key", "Key"),
    "help.action": NP_("help.action", "Action"),
    "help.close": NP_("help.close", "Esc, ? or q closes this help"),
    "jump.title": NP_("jump.title", "Jump to an item"),
    "jump.placeholder": NP_("jump.placeholder", "Type to filter by title"),
    "jump.hint": NP_("jump.hint", "↑/↓ choose · Enter jump · Esc cancel"),
    "jump.none": NP_("jump.none", "No item matches"),
    "jump.count": NP_("jump.count", "{shown} of {total} items"),
    "confirm.title": NP_("confirm.title", "Please confirm"),
    "confirm.hint": NP_("confirm.hint", "y or Enter: yes   ·   any other key: no"),
    "summary.title": NP_("summary.title", "Summary: planned vs actual"),
    "summary.title_rehearsal": NP_(
        "summary.title_rehearsal",
        "Rehearsal summary: planned vs actual",
    ),
    "summary.col_no": NP_("summary.col_no", "#"),
    "summary.col_item": NP_("summary.col_item", "Item"),
    "summary.col_planned": NP_("summary.col_planned", "Planned"),
    "summary.col_actual": NP_("summary.col_actual", "Actual"),
    "summary.col_delta": NP_("summary.col_delta", "+/−"),
    "summary.total": NP_("summary.total", "Total"),
    "summary.unreached": NNP_(
        "summary.unreached",
        "{n} item not reached; the total difference counts reached items only.",
        "{n} items not reached; the total difference counts reached items only.",
    ),
    "summary.hints": NP_("summary.hints", "What to change"),
    "summary.leave": NP_("summary.leave", "q, Esc or Enter: close"),
    # --- main screen (A) -----------------------------------------------------------------
    "standby": NP_("standby", "Standing by"),
    "standby.press_go": NP_(
        "standby.press_go",
        "Press GO (Space, → or PgDn) to start the meeting.",
    ),
    "standby.starts_in": NP_("standby.starts_in", "starts in"),
    "standby.late": NP_("standby.late", "planned start was {t} ago"),
    "next": NP_("next", "Next"),
    "next.end": NP_("next.end", "end of the agenda: GO asks to end the meeting"),
    "clock.item": NP_("clock.item", "Item"),
    "clock.behind": NP_("clock.behind", "+{t} behind"),
    "clock.ahead": NP_("clock.ahead", "{t} ahead"),
    "clock.on_time": NP_("clock.on_time", "on time"),
    "clock.end": NP_("clock.end", "End {t}"),
    "clock.start": NP_("clock.start", "Start {t}"),
    "clock.paused": NP_("clock.paused", "PAUSED"),
    "clock.ended": NP_("clock.ended", "Meeting ended"),
    "call.batch": NP_("call.batch", "batch {n} of {m}"),
    "speech.speaker": NP_("speech.speaker", "Speaker"),
    "timer.left": NP_("timer.left", "{t} left"),
    "timer.over": NP_("timer.over", "{t} over"),
    "phase.normal": NP_("phase.normal", "ON TIME"),
    "phase.warning": NP_("phase.warning", "WARNING"),
    "phase.danger": NP_("phase.danger", "DANGER"),
    "phase.overtime": NP_("phase.overtime", "OVERTIME"),
    "break": NP_("break", "Break"),
    "sheet.time": NP_("sheet.time", "Time"),
    "sheet.item": NP_("sheet.item", "Item"),
    "sheet.skipped": NP_("sheet.skipped", "skipped"),
    "status.rehearsal": NP_("status.rehearsal", "REHEARSAL"),
    "status.tts.off": NP_("status.tts.off", "Read aloud: off"),
    "status.tts.on": NP_("status.tts.on", "Read aloud: on"),
    "status.tts.speaking": NP_("status.tts.speaking", "Read aloud: speaking"),
    "status.tts.unavailable": NP_("status.tts.unavailable", "Read aloud unavailable: {reason}"),
    "status.journal.ok": NP_("status.journal.ok", "Journal ok"),
    "status.journal.error": NP_(
        "status.journal.error",
        "JOURNAL ERROR: the journal could not be written ({reason})",
    ),
    "status.ignored": NP_("status.ignored", "Ignored (double press)"),
    "status.at_start": NP_("status.at_start", "Already at the first cue"),
    "status.not_started": NP_("status.not_started", "Not started: press GO first"),
    "status.notes": NP_("status.notes", "Notes"),
    "status.resumed": NP_("status.resumed", "Resumed the session of {t}"),
    "status.agenda_changed": NP_("status.agenda_changed", "agenda changed: {changes}"),
    "status.journal_warnings": NNP_(
        "status.journal_warnings",
        "{n} line of the journal skipped (listed in the terminal)",
        "{n} lines of the journal skipped (listed in the terminal)",
    ),
    "status.agenda_warnings": NNP_(
        "status.agenda_warnings",
        "{n} warning in the agenda: see podium validate",
        "{n} warnings in the agenda: see podium validate",
    ),
    "small.notice": NP_(
        "small.notice",
        "Window too small ({w}×{h}): podium needs at least 40×12.\n"
        "The meeting keeps running; enlarge the window.",
    ),
    "confirm.quit": NP_(
        "confirm.quit",
        "Quit podium? The journal keeps everything; `podium run --resume` continues.",
    ),
    "confirm.end": NP_(
        "confirm.end",
        "End the meeting? GO, y or Enter ends it; any other key goes back.",
    ),
    "message.host": NP_("message.host", "MESSAGE {t}: {text}   (m: dismiss)"),
    "palette.jump": NP_("palette.jump", "Jump to: {title}"),
    "hint.long": NP_("hint.long", "“{title}” ran {t} long"),
    "hint.short": NP_("hint.short", "“{title}” ran {t} short"),
    # --- the screen at arm's length (screen) -----------------------------------------------
    "colon": NP_("colon", ": "),
    "more.follows": NNP_(
        "more.follows",
        "▼ {left} more page · GO turns the page · {n}/{m}",
        "▼ {left} more pages · GO turns the page · {n}/{m}",
    ),
    "more.follows_short": NNP_(
        "more.follows_short", "▼ {left} more page · {n}/{m}", "▼ {left} more pages · {n}/{m}"
    ),
    "more.last": NP_("more.last", "▲ last page {n}/{m} · GO goes on"),
    "text.more": NP_("text.more", "({n} more characters not shown: see the printed run sheet)"),
    "call.say": NP_("call.say", "say: {say}"),
    "call.more": NP_("call.more", "… and {n} more names (see the printed run sheet)"),
    "hold.banner": NP_("hold.banner", "fixed at {at} · {t} to go"),
    "standby.not_today": NP_(
        "standby.not_today",
        "This meeting is dated {date}, not today: timing will count from the first GO.",
    ),
}
"""key -> (context, English label), or (context, singular, plural) for a label that counts
(its number is the `count` given to `t`); the context is the key itself."""


def ui_language(lang: str | None) -> str:
    """The label language for a meeting language or `--ui-lang` value ("zh-CN" -> "zh")."""
    return podium_language(lang)


def t(key: str, lang: str, *, count: int | None = None, **fields: object) -> str:
    """The label for `key` in `lang` (any language tag), English when the catalog has none
    (then the key itself when there is no such label).

    `fields` fill the label's `{name}` slots, e.g. `t("clock.behind", "en", t="4:10")`;
    `count` chooses the singular or plural of a label that counts (default: the field `n`).
    """
    entry = LABELS.get(key)
    if entry is None:
        return key
    if isinstance(entry, dict):  # an entry written the old way: convert it to NP_ (see BOARD)
        old: dict[str, str] = entry
        label = old.get(ui_language(lang)) or old.get("en") or key
    elif len(entry) == 3:
        n = count if count is not None else fields.get("n", 1)
        label = for_language(lang).npgettext(*entry, int(n))  # type: ignore[call-overload]
    else:
        label = for_language(lang).pgettext(*entry)
    return label.format(**fields) if fields else label
