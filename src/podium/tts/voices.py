"""Which espeak-ng voice reads a text: Mandarin for Chinese, else the meeting's language."""

from __future__ import annotations

from dataclasses import dataclass

from podium.language import UNKNOWN, parse_language

MANDARIN_VOICE = "cmn-latn-pinyin"
"""espeak-ng's Mandarin voice that reads Han characters (plain `cmn` reads them as English)."""

_HAN_RANGES = (
    (0x3400, 0x4DBF),  # CJK Unified Ideographs Extension A
    (0x4E00, 0x9FFF),  # CJK Unified Ideographs
    (0xF900, 0xFAFF),  # CJK Compatibility Ideographs
    (0x20000, 0x3134F),  # Extensions B to G
)


@dataclass(frozen=True, slots=True)
class VoiceInfo:
    """One voice the engine offers: its id, its human name and the languages it speaks."""

    id: str
    name: str
    languages: tuple[str, ...]


def has_han(text: str) -> bool:
    """True when `text` contains a Chinese (Han) character."""
    return any(lo <= ord(ch) <= hi for ch in text if ord(ch) >= 0x3400 for lo, hi in _HAN_RANGES)


def language_voice(language: str) -> str:
    """The espeak-ng voice for a language tag: `zh`, `zh-CN` → Mandarin, `en-GB` → `en-gb`."""
    parsed = parse_language(language)
    if parsed.is_chinese:
        return MANDARIN_VOICE
    if parsed is UNKNOWN:
        return language.strip().lower() or "en"
    return parsed.tag.lower()


def voice_for(text: str, language: str, voice: str | None) -> str:
    """The voice for one cue: the named voice, else Mandarin for Han text, else the language's."""
    if voice:
        return voice
    if has_han(text):
        return MANDARIN_VOICE
    return language_voice(language)


def fallback_voice(voice: str) -> str | None:
    """A broader voice to try when a language tag is unknown to espeak (`de-at` → `de`)."""
    if "/" in voice or "-" not in voice:
        return None
    return voice.split("-")[0]
