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
    "summary.no_hints": {"en": "Nothing to change: on plan.", "zh": "无需调整:与计划相符。"},
    "summary.leave": {"en": "q, Esc or Enter: close", "zh": "q、Esc 或 Enter:关闭"},
}
"""key -> {language: label}. English is complete; other languages fall back to it."""


def ui_language(lang: str | None) -> str:
    """The label language for a meeting language or `--ui-lang` value ("zh-CN" -> "zh")."""
    base = (lang or "en").split("-")[0].split("_")[0].lower()
    return base if base in ("en", "zh") else "en"


def t(key: str, lang: str) -> str:
    """The label for `key` in `lang`, falling back to English (then to the key itself)."""
    entry = LABELS.get(key)
    if entry is None:
        return key
    return entry.get(ui_language(lang)) or entry.get("en") or key
