"""Choosing the voice and cutting text into pieces: pure functions, no engine."""

from __future__ import annotations

import subprocess
import sys
import wave
from pathlib import Path

import pytest

from podium.tts.chunks import MAX_CHUNK, split_for_speech
from podium.tts.voices import MANDARIN_VOICE, fallback_voice, has_han, language_voice, voice_for
from podium.tts.wavfile import concatenate, read_mono16, wav_duration, write_mono16

from .tts_samples import ZH_SPEECH


@pytest.mark.parametrize(
    ("text", "language", "voice", "expected"),
    [
        ("下面请区委书记讲话。", "en", None, MANDARIN_VOICE),
        ("下面请 John Smith 上台。", "en", None, MANDARIN_VOICE),
        ("Please welcome our speaker.", "en", None, "en"),
        ("Please welcome our speaker.", "en-GB", None, "en-gb"),
        ("2026", "zh", None, MANDARIN_VOICE),  # no Han: the meeting's language, Mandarin
        ("2026", "zh-CN", None, MANDARIN_VOICE),
        ("下面请区委书记讲话。", "zh", "sit/cmn", "sit/cmn"),  # a named voice wins
        ("Hello", "en", "English (America)", "English (America)"),
    ],
)
def test_voice_follows_the_text(text: str, language: str, voice: str | None, expected: str):
    assert voice_for(text, language, voice) == expected


def test_han_detection_covers_the_extensions_but_not_fullwidth_latin():
    assert has_han("𠀀") and has_han("㐀") and has_han("龍")
    assert not has_han("ＡＢＣ，。！") and not has_han("")


def test_language_tags_and_their_fallbacks():
    assert language_voice("EN_us") == "en-us"
    assert language_voice("") == "en"
    assert fallback_voice("de-at") == "de"
    assert fallback_voice(MANDARIN_VOICE) == "cmn"
    assert fallback_voice("gmw/en-us") is None and fallback_voice("en") is None


def test_long_text_is_cut_at_punctuation_and_nothing_is_lost():
    text = ZH_SPEECH * 25  # about 2,600 characters
    pieces = split_for_speech(text)
    assert len(pieces) > 10
    assert all(len(p) <= MAX_CHUNK for p in pieces)
    assert "".join(pieces) == text  # Chinese pieces join without spaces
    assert all(p[-1] in "。！？；：，" for p in pieces)  # every cut is at a punctuation mark


def test_english_is_cut_at_sentence_ends_then_spaces():
    sentence = "This sentence has exactly eight words in it. "
    pieces = split_for_speech(sentence * 40)
    assert all(p.endswith(".") and len(p) <= MAX_CHUNK for p in pieces)
    assert " ".join(pieces).split() == (sentence * 40).split()
    endless = "word " * 100  # no punctuation at all: cut between words
    cut = split_for_speech(endless)
    assert len(cut) > 1 and " ".join(cut).split() == endless.split()
    assert split_for_speech("x" * 450) == ["x" * 200, "x" * 200, "x" * 50]


def test_decimals_stay_whole_and_empty_pieces_are_dropped():
    assert split_for_speech("The budget grew 3.5 percent.") == ["The budget grew 3.5 percent."]
    assert split_for_speech("……。！ \n  ") == []
    assert split_for_speech("第一段。\n\n第二段") == ["第一段。第二段"]


def test_wav_pieces_join_into_one_mono_16_bit_file(tmp_path: Path):
    a, b, out = tmp_path / "a.wav", tmp_path / "b.wav", tmp_path / "out.wav"
    write_mono16(a, b"\x01\x00" * 22050, 22050)
    with wave.open(str(b), "wb") as w:  # stereo 8-bit: converted on the way
        w.setnchannels(2)
        w.setsampwidth(1)
        w.setframerate(22050)
        w.writeframes(bytes([200, 10]) * 11025)
    assert concatenate([a, b], out) == pytest.approx(1.5)
    assert wav_duration(out) == pytest.approx(1.5)
    frames, rate = read_mono16(out)
    assert rate == 22050 and frames[-2:] == ((200 - 128) << 8).to_bytes(2, "little")


def test_pieces_of_another_rate_join_at_the_first_pieces_rate(tmp_path: Path):
    a, b, out = tmp_path / "a.wav", tmp_path / "b.wav", tmp_path / "out.wav"
    write_mono16(a, b"\x01\x00" * 22050, 22050)
    write_mono16(b, b"\x02\x00\x03\x00" * 8000, 16000)  # one second at 16 kHz
    assert concatenate([a, b], out) == pytest.approx(2.0)
    frames, rate = read_mono16(out)
    assert rate == 22050 and len(frames) == 2 * 44100
    assert set(frames[44100:]) <= {0, 2, 3}


def test_no_pieces_make_an_empty_but_valid_file(tmp_path: Path):
    out = tmp_path / "out.wav"
    assert concatenate([], out) == 0
    assert wav_duration(out) == 0


def test_importing_tts_pulls_in_neither_the_engine_nor_the_screen():
    code = (
        "import sys, podium.tts; "
        "bad = [m for m in sys.modules if m.split('.')[0] in ('pyttsx3', 'textual') "
        "or m.startswith('podium.engine') or m.startswith('podium.tui')]; print(bad)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
