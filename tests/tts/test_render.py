"""Real espeak-ng renders: WAV length and signal, rate, long texts in full, durations."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from podium.tts import INSTALL_HINT, SpeechUnavailable, list_voices, spoken_durations, write_wav
from podium.tts.voices import MANDARIN_VOICE

from .tts_samples import ENGLISH, SILENCE_RMS, ZH_SPEECH, wav_facts

pytestmark = pytest.mark.tts


def test_chinese_and_english_wavs_have_plausible_length_and_real_signal(tmp_path: Path):
    zh, en = tmp_path / "zh.wav", tmp_path / "en.wav"
    zh_seconds = write_wav("下面请区委书记讲话。", zh, voice=MANDARIN_VOICE, rate=200, strict=True)
    en_seconds = write_wav(ENGLISH, en, voice="en", rate=200, strict=False)
    for path, seconds, low, high in ((zh, zh_seconds, 1.0, 6.0), (en, en_seconds, 2.5, 8.0)):
        duration, rms, channels, width = wav_facts(path)
        assert (channels, width) == (1, 2)  # 16-bit PCM mono
        assert duration == pytest.approx(seconds)
        assert low < duration < high
        assert rms > SILENCE_RMS


def test_a_faster_rate_reads_the_same_text_in_less_time():
    slow, normal, fast = (
        spoken_durations([ENGLISH], language="en", rate=rate)[0] for rate in (120, 200, 350)
    )
    assert slow > normal * 1.3 and normal > fast * 1.3


def test_a_3000_character_speech_is_read_in_full_faster_than_real_time(tmp_path: Path):
    speech = (ZH_SPEECH * 30)[:3000]
    tenth = speech[:300]
    started = time.monotonic()
    out = tmp_path / "speech.wav"
    seconds = write_wav(speech, out, voice=MANDARIN_VOICE, rate=200, strict=True)
    elapsed = time.monotonic() - started
    [short] = spoken_durations([tenth], language="zh")
    # The whole speech lasts about ten times its first tenth: nothing was cut off.
    assert 8.5 * short < seconds < 11.5 * short
    assert seconds > 300  # several minutes of Mandarin
    assert elapsed * 10 < seconds  # at least 10 times faster than real time
    assert wav_facts(out)[1] > SILENCE_RMS


def test_different_spoken_text_gives_different_audio(tmp_path: Path):
    # A call-up's `say` (how a name is pronounced) is what gets rendered, so a different
    # spelling gives different audio.
    written, said = tmp_path / "written.wav", tmp_path / "said.wav"
    write_wav("请单于先生上台。", written, voice=MANDARIN_VOICE, rate=200, strict=True)
    write_wav("请禅于先生上台。", said, voice=MANDARIN_VOICE, rate=200, strict=True)
    assert written.read_bytes() != said.read_bytes()


def test_spoken_durations_follow_the_voice_of_each_text():
    zh_text, en_text = "下面请区委书记讲话。", "Please welcome the secretary."
    durations = spoken_durations(["", zh_text, en_text, zh_text], language="en")
    assert durations[0] == 0.0
    assert durations[1] == durations[3] > 1.0
    assert durations[2] > 1.0
    # The English meeting still reads Chinese text in Mandarin: same length as a zh meeting.
    assert spoken_durations([zh_text], language="zh") == [durations[1]]


def test_an_unknown_voice_is_reported_not_replaced():
    with pytest.raises(SpeechUnavailable, match="unknown voice 'no-such-voice'"):
        spoken_durations(["hello"], language="en", voice="no-such-voice")
    # a language espeak lacks falls back to its primary language
    assert spoken_durations(["hello"], language="en-zz")[0] > 0.2


def test_voices_include_mandarin_and_english():
    ids = {v.id: v for v in list_voices()}
    assert "sit/cmn-latn-pinyin" in ids and "gmw/en" in ids
    assert ids["sit/cmn-latn-pinyin"].name.startswith("Chinese (Mandarin")


def test_no_engine_raises_with_the_missing_piece_and_the_fix(missing_engine: Path, capfd):
    with pytest.raises(SpeechUnavailable) as info:
        spoken_durations(["hello"], language="en")
    assert "espeak-ng is not installed" in str(info.value) and INSTALL_HINT in str(info.value)
    assert capfd.readouterr() == ("", "")  # nothing the engine printed reached the terminal


RATES_IN_ONE_RENDERER = """
import json, os, sys, wave
from podium.tts.synth import Synthesizer

null = os.open(os.devnull, os.O_WRONLY)  # as in the renderer process
os.dup2(null, 1)
os.dup2(null, 2)
synth, lengths = Synthesizer(), []
for i in range(16):
    rate = 300 if i % 2 else 120
    path = f"{sys.argv[1]}/{i}.wav"
    synth.render(sys.argv[2], "en", rate, path, strict=False)
    with wave.open(path) as w:
        lengths.append((rate, w.getnframes() / w.getframerate()))
with open(f"{sys.argv[1]}/lengths.json", "w") as f:
    json.dump(lengths, f)
"""


def test_one_renderer_reads_every_text_at_its_own_rate_and_never_empty(tmp_path: Path):
    """espeak-ng queues a rate change behind its command FIFO, and pyttsx3's end of loop
    cancels that FIFO if espeak has not taken it yet: texts came out at the previous rate, or
    as an empty file (a cue never read). One renderer, output to /dev/null as in the podium,
    renders at alternating rates."""
    import json
    import subprocess
    import sys

    subprocess.run(
        [sys.executable, "-c", RATES_IN_ONE_RENDERER, str(tmp_path), ENGLISH],
        check=True,
        timeout=120,
    )
    lengths = json.loads((tmp_path / "lengths.json").read_text())
    fast = [seconds for rate, seconds in lengths if rate == 300]
    slow = [seconds for rate, seconds in lengths if rate == 120]
    assert min(fast + slow) > 0.5, lengths  # never an empty file
    assert max(fast) < min(slow) * 0.7, lengths  # every text at its own rate
