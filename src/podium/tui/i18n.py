"""The screen's own labels in English and Chinese, looked up by key."""

from __future__ import annotations

LABELS: dict[str, dict[str, str]] = {
    # --- dialogs and summary (B) ---------------------------------------------------------
    "help.title": {"en": "Keys", "zh": "按键说明"},
    "help.key": {"en": "Key", "zh": "按键"},
    "help.action": {"en": "Action", "zh": "功能"},
    "help.close": {"en": "Esc, ? or q closes this help", "zh": "Esc、? 或 q 关闭帮助"},
    "jump.title": {"en": "Jump to an item", "zh": "跳转到议程"},
    "jump.placeholder": {"en": "Type to filter by title", "zh": "输入标题筛选"},
    "jump.hint": {
        "en": "↑/↓ choose · Enter jump · Esc cancel",
        "zh": "↑/↓ 选择 · Enter 跳转 · Esc 取消",
    },
    "jump.none": {"en": "No item matches", "zh": "没有匹配的议程"},
    "jump.count": {"en": "{shown} of {total} items", "zh": "共 {total} 项,显示 {shown} 项"},
    "confirm.title": {"en": "Please confirm", "zh": "请确认"},
    "confirm.hint": {
        "en": "y or Enter: yes   ·   any other key: no",
        "zh": "y 或 Enter:确定   ·   其他任意键:取消",
    },
    "summary.title": {"en": "Summary: planned vs actual", "zh": "会议小结:计划与实际"},
    "summary.title_rehearsal": {
        "en": "Rehearsal summary: planned vs actual",
        "zh": "彩排小结:计划与实际",
    },
    "summary.col_no": {"en": "#", "zh": "序号"},
    "summary.col_item": {"en": "Item", "zh": "议程"},
    "summary.col_planned": {"en": "Planned", "zh": "计划"},
    "summary.col_actual": {"en": "Actual", "zh": "实际"},
    "summary.col_delta": {"en": "+/−", "zh": "差额"},
    "summary.total": {"en": "Total", "zh": "合计"},
    "summary.unreached": {
        "en": "{n} item(s) not reached; the total difference counts reached items only.",
        "zh": "{n} 项未进行;合计差额只计已进行的议程。",
    },
    "summary.hints": {"en": "What to change", "zh": "改进建议"},
    "summary.leave": {"en": "q, Esc or Enter: close", "zh": "q、Esc 或 Enter:关闭"},
    # --- main screen (A) -----------------------------------------------------------------
    "standby": {"en": "Standing by", "zh": "准备就绪"},
    "standby.press_go": {
        "en": "Press GO (Space, → or PgDn) to start the meeting.",
        "zh": "按 GO(空格、→ 或 PgDn)开始会议。",
    },
    "standby.starts_in": {"en": "starts in", "zh": "距开始"},
    "standby.late": {"en": "planned start was {t} ago", "zh": "已过计划开始时间 {t}"},
    "next": {"en": "Next", "zh": "下一步"},
    "next.end": {
        "en": "end of the agenda: GO asks to end the meeting",
        "zh": "议程结束:再按 GO 结束会议",
    },
    "clock.item": {"en": "Item", "zh": "本项"},
    "clock.behind": {"en": "+{t} behind", "zh": "落后 {t}"},
    "clock.ahead": {"en": "{t} ahead", "zh": "提前 {t}"},
    "clock.on_time": {"en": "on time", "zh": "准时"},
    "clock.end": {"en": "End {t}", "zh": "预计结束 {t}"},
    "clock.start": {"en": "Start {t}", "zh": "计划开始 {t}"},
    "clock.paused": {"en": "PAUSED", "zh": "已暂停"},
    "clock.ended": {"en": "Meeting ended", "zh": "会议已结束"},
    "call.batch": {"en": "batch {n} of {m}", "zh": "第{n}批/共{m}批"},
    "speech.speaker": {"en": "Speaker", "zh": "发言人"},
    "timer.left": {"en": "{t} left", "zh": "剩余 {t}"},
    "timer.over": {"en": "{t} over", "zh": "超出 {t}"},
    "phase.normal": {"en": "ON TIME", "zh": "正常"},
    "phase.warning": {"en": "WARNING", "zh": "提醒"},
    "phase.danger": {"en": "DANGER", "zh": "紧急"},
    "phase.overtime": {"en": "OVERTIME", "zh": "超时"},
    "break": {"en": "Break", "zh": "休息"},
    "sheet.time": {"en": "Time", "zh": "时间"},
    "sheet.item": {"en": "Item", "zh": "议程"},
    "sheet.skipped": {"en": "skipped", "zh": "未进行"},
    "status.rehearsal": {"en": "REHEARSAL", "zh": "彩排"},
    "status.tts.off": {"en": "Read aloud: off", "zh": "朗读:关"},
    "status.tts.on": {"en": "Read aloud: on", "zh": "朗读:开"},
    "status.tts.speaking": {"en": "Read aloud: speaking", "zh": "朗读:播放中"},
    "status.tts.unavailable": {
        "en": "Read aloud unavailable: {reason}",
        "zh": "朗读不可用:{reason}",
    },
    "status.journal.ok": {"en": "Journal ok", "zh": "记录正常"},
    "status.journal.error": {
        "en": "JOURNAL ERROR: the journal could not be written ({reason})",
        "zh": "记录失败:无法写入会议记录({reason})",
    },
    "status.ignored": {"en": "Ignored (double press)", "zh": "已忽略(连按)"},
    "status.at_start": {"en": "Already at the first cue", "zh": "已在第一步"},
    "status.not_started": {"en": "Not started: press GO first", "zh": "会议未开始:请先按 GO"},
    "status.notes": {"en": "Notes", "zh": "备注"},
    "status.resumed": {"en": "Resumed the session of {t}", "zh": "已恢复 {t} 的会议"},
    "status.agenda_changed": {"en": "agenda changed: {changes}", "zh": "议程已改动:{changes}"},
    "status.journal_warnings": {
        "en": "{n} line(s) of the journal skipped (listed in the terminal)",
        "zh": "会议记录有 {n} 行已跳过(详见终端)",
    },
    "status.agenda_warnings": {
        "en": "{n} warning(s) in the agenda: see podium validate",
        "zh": "议程有 {n} 条警告:请用 podium validate 查看",
    },
    "small.notice": {
        "en": "Window too small ({w}×{h}): podium needs at least 80×24.\n"
        "The meeting keeps running; enlarge the window.",
        "zh": "窗口太小({w}×{h}):至少需要 80×24。\n会议计时继续;请放大窗口。",
    },
    "confirm.quit": {
        "en": "Quit podium? The journal keeps everything; `podium run --resume` continues.",
        "zh": "退出 podium?会议记录已全部保存,可用 `podium run --resume` 继续。",
    },
    "confirm.end": {"en": "End the meeting?", "zh": "结束会议?"},
    "palette.jump": {"en": "Jump to: {title}", "zh": "跳转到:{title}"},
    "hint.long": {"en": "“{title}” ran {t} long", "zh": "“{title}”超时 {t}"},
    "hint.short": {"en": "“{title}” ran {t} short", "zh": "“{title}”提前 {t} 结束"},
}
"""key -> {language: label}. English is complete; other languages fall back to it."""


def ui_language(lang: str | None) -> str:
    """The label language for a meeting language or `--ui-lang` value ("zh-CN" -> "zh")."""
    base = (lang or "en").split("-")[0].split("_")[0].lower()
    return base if base in ("en", "zh") else "en"


def t(key: str, lang: str, **fields: object) -> str:
    """The label for `key` in `lang`, falling back to English (then to the key itself).

    `fields` fill the label's `{name}` slots, e.g. `t("clock.behind", "en", t="4:10")`.
    """
    entry = LABELS.get(key)
    if entry is None:
        return key
    label = entry.get(ui_language(lang)) or entry.get("en") or key
    return label.format(**fields) if fields else label
