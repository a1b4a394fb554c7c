"""Defaults the agenda format gives to what an agenda leaves out, defined once for the loader,
the engine and the screen."""

from __future__ import annotations

from podium.language import parse_language

DEFAULT_WARN_S = 120
"""A speech timer turns to the warning colour with this much time left (clamped to the
duration)."""
DEFAULT_DANGER_S = 60
"""A speech timer turns to the danger colour with this much time left (clamped to the
warning time and the duration)."""
DEFAULT_PER_CALL_S = 30
"""Planned time of one awards call-up."""
DEFAULT_BATCH = 1
"""Recipients per call-up."""
DEFAULT_READING_RATE_CJK = 220
"""Characters per minute for zh/ja/ko meetings."""
DEFAULT_READING_RATE = 140
"""Words per minute for every other language."""
DEFAULT_LANGUAGE = "en"
DEFAULT_CALL_ZH = "请{names}上台领奖。"
DEFAULT_CALL = "Please come to the stage: {names}."


def default_call(language: str) -> str:
    """The call-up template of a group without `call`, in the meeting's language."""
    return DEFAULT_CALL_ZH if parse_language(language).is_chinese else DEFAULT_CALL


def default_reading_rate(cjk: bool) -> int:
    return DEFAULT_READING_RATE_CJK if cjk else DEFAULT_READING_RATE
