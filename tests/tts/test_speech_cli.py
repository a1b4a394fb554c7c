"""`podium say` and `podium voices` run as the installed command, in a subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from podium.tts import INSTALL_HINT

from .tts_samples import ENGLISH, SILENCE_RMS, ZH_SPEECH, wav_facts

pytestmark = [pytest.mark.tts, pytest.mark.e2e]

PODIUM = str(Path(sys.executable).with_name("podium"))


def podium(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [PODIUM, *args], capture_output=True, text=True, timeout=120, env=env or dict(os.environ)
    )


def test_say_writes_chinese_to_a_16_bit_mono_wav(tmp_path: Path):
    out = tmp_path / "x.wav"
    result = podium("say", "你好", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    seconds, rms, channels, width = wav_facts(out)
    assert (channels, width) == (1, 2)
    assert 0.3 < seconds < 3.0 and rms > SILENCE_RMS
    assert "cmn-latn-pinyin" in result.stderr  # the voice followed the text
    assert not Path(f"{out}.part").exists()


def test_say_is_much_faster_than_real_time(tmp_path: Path):
    out = tmp_path / "speech.wav"
    started = time.monotonic()
    result = podium("say", ZH_SPEECH * 3, "--out", str(out))
    elapsed = time.monotonic() - started
    assert result.returncode == 0, result.stderr
    seconds = wav_facts(out)[0]
    assert seconds > 30 and elapsed * 10 < seconds


def test_lang_and_voice_choose_the_voice_and_rate_the_speed(tmp_path: Path):
    normal, fast, us = tmp_path / "normal.wav", tmp_path / "fast.wav", tmp_path / "us.wav"
    assert podium("say", ENGLISH, "--lang", "en-GB", "--out", str(normal)).returncode == 0
    assert podium("say", ENGLISH, "--rate", "300", "--out", str(fast)).returncode == 0
    result = podium("say", ENGLISH, "--voice", "English (America)", "--out", str(us))
    assert result.returncode == 0, result.stderr
    assert wav_facts(fast)[0] < wav_facts(normal)[0] * 0.8
    assert us.read_bytes() != normal.read_bytes()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["say", "hello", "--voice", "no-such-voice", "--out", "{tmp}/x.wav"], "unknown voice"),
        (["say", "hello", "--rate", "5", "--out", "{tmp}/x.wav"], "--rate must be between"),
        (["say", "。。。", "--out", "{tmp}/x.wav"], "nothing to say"),
        (["say", "hello", "--out", "{tmp}/no/such/folder/x.wav"], "does not exist"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(tmp_path: Path, args: list[str], message: str):
    result = podium(*[a.replace("{tmp}", str(tmp_path)) for a in args])
    assert result.returncode == 2
    assert message in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_say_without_an_engine_names_the_missing_piece(tmp_path: Path, missing_engine: Path):
    env = dict(os.environ, PYTHONPATH=str(missing_engine))
    for args in (["say", "hello", "--out", str(tmp_path / "x.wav")], ["say", "hello"], ["voices"]):
        result = podium(*args, env=env)
        assert result.returncode == 2, args
        assert "espeak-ng is not installed" in result.stderr, result.stderr
        assert INSTALL_HINT in result.stderr
        assert result.stdout == "" and "noise" not in result.stderr
    assert not (tmp_path / "x.wav").exists()


def test_say_aloud_speaks_or_says_why_not(tmp_path: Path):
    silence = tmp_path / "silence.wav"
    from podium.tts.wavfile import write_silence

    write_silence(silence, 0.02)
    device = subprocess.run(["aplay", "-q", str(silence)], capture_output=True).returncode == 0
    result = podium("say", "hello")
    if device:
        assert result.returncode == 0, result.stderr
    else:  # CI: no sound card
        assert result.returncode == 2
        assert "no audio device" in result.stderr and "--out FILE.wav" in result.stderr
    assert result.stdout == ""


def test_voices_lists_id_name_and_languages():
    result = podium("voices")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["ID", "NAME", "LANGUAGES"]
    mandarin = next(line for line in lines if line.startswith("sit/cmn-latn-pinyin "))
    assert "Chinese (Mandarin, latin as Pinyin)" in mandarin and mandarin.endswith(
        "cmn-latn-pinyin"
    )
    assert len(lines) > 50


def test_say_out_never_touches_another_file_and_refuses_special_targets(tmp_path: Path):
    mine = tmp_path / "x.wav.part"
    mine.write_text("the user's own file")
    out = tmp_path / "x.wav"
    result = podium("say", "hello", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert mine.read_text() == "the user's own file"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x.wav", "x.wav.part"]
    assert "Exception ignored" not in result.stderr
    os.mkfifo(tmp_path / "pipe.wav")
    (tmp_path / "folder.wav").mkdir()
    for target in ("/dev/null", str(tmp_path / "pipe.wav"), str(tmp_path / "folder.wav")):
        result = podium("say", "hello", "--out", target)
        assert result.returncode == 2, (target, result.stderr)
        assert result.stderr.count("\n") == 1 and "Exception ignored" not in result.stderr
    assert Path("/dev/null").is_char_device()
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "folder.wav", "pipe.wav", "x.wav", "x.wav.part",
    ]  # fmt: skip
