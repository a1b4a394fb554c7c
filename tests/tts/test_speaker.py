"""The Speaker with the real engine and a real (stand-in) player process: ordering,
interruption, prefetch, failures, and the screen's event loop left alone."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from podium.tts import INSTALL_HINT, Speaker, SpeechState
from podium.tts.errors import Reason

from .tts_player_log import StandIn, pid_gone
from .tts_samples import ZH_SPEECH

pytestmark = pytest.mark.tts

FIRST = "下面，向受表彰的先进集体颁发荣誉证书。"
SECOND = "请区委办信息科、区府办综合科、城东街道的代表上台领奖。"
THIRD = "Please welcome our guest of honour."


@pytest.fixture
def speakers() -> Iterator[Callable[..., Speaker]]:
    """Make started Speakers; every one is closed after the test."""
    made: list[Speaker] = []

    def make(*, enable: bool = True, **options: object) -> Speaker:
        options.setdefault("language", "zh")
        options.setdefault("messages", "en")  # reasons in English unless a test asks
        speaker = Speaker(**options)  # type: ignore[arg-type]
        made.append(speaker)
        speaker.start()
        speaker.enable(enable)
        return speaker

    yield make
    for speaker in made:
        speaker.close()


def settled(speaker: Speaker, state: SpeechState, timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while speaker.state is not state and time.monotonic() < deadline:
        time.sleep(0.005)
    assert speaker.state is state, speaker.reason


def test_a_new_cue_kills_the_current_one_and_plays_in_full(speakers, stand_in, capfd):
    player: StandIn = stand_in(speed=4)
    speaker = speakers(player=player.command)
    speaker.say(FIRST)
    events = player.wait_for(lambda ev: any(e["event"] == "start" for e in ev))
    first_pid = events[0]["pid"]
    speaker.say(SECOND)
    assert speaker.wait_idle(timeout=20)
    events = player.events()
    assert [e["event"] for e in events] == ["start", "start", "done"]
    assert events[0]["wav"] == str(speaker.wav_paths(FIRST)[0])
    assert events[1]["wav"] == events[2]["wav"] == str(speaker.wav_paths(SECOND)[0])
    assert pid_gone(int(first_pid))  # killed, never finished
    assert speaker.state is SpeechState.READY
    assert capfd.readouterr() == ("", "")  # the player's chatter stayed off the terminal


def test_cues_pressed_in_quick_succession_end_with_the_last(speakers, stand_in):
    player = stand_in(speed=50)
    speaker = speakers(player=player.command)
    for text in (FIRST, SECOND, THIRD):
        speaker.say(text)
    assert speaker.wait_idle(timeout=20)
    done = [e["wav"] for e in player.events() if e["event"] == "done"]
    assert done == [str(p) for p in speaker.wav_paths(THIRD)]


def test_a_long_cue_plays_all_its_pieces_in_order(speakers, stand_in):
    player = stand_in(speed=200)
    speaker = speakers(player=player.command)
    speech = ZH_SPEECH * 4
    speaker.say(speech)
    assert speaker.wait_idle(timeout=30)
    done = [e["wav"] for e in player.events() if e["event"] == "done"]
    expected = [str(p) for p in speaker.wav_paths(speech)]
    assert len(expected) >= 3 and done == expected


def test_stop_silences_the_player_at_once(speakers, stand_in):
    player = stand_in(speed=1)
    speaker = speakers(player=player.command)
    speaker.say(FIRST)
    pid = int(player.wait_for(lambda ev: bool(ev))[0]["pid"])
    started = time.monotonic()
    speaker.stop()
    call_took = time.monotonic() - started
    while not pid_gone(pid) and time.monotonic() - started < 2:
        time.sleep(0.001)
    gone_after = time.monotonic() - started
    print(f"stop(): call {call_took * 1000:.1f} ms, player gone after {gone_after * 1000:.1f} ms")
    # Functional, not a benchmark (that is benchmarks/): stop() neither waits for the
    # utterance (seconds long at speed 1) nor lets the player finish it.
    assert call_took < 0.5
    assert gone_after < 0.5
    assert speaker.state is SpeechState.READY
    assert not any(e["event"] == "done" for e in player.events())


def test_a_prefetched_cue_plays_from_the_cache(speakers, stand_in):
    player = stand_in(speed=50)
    speaker = speakers(player=player.command)
    speaker.prefetch([FIRST, SECOND])
    deadline = time.monotonic() + 10
    pieces = [p for t in (FIRST, SECOND) for p in speaker.wav_paths(t)]
    while speaker.renders < len(pieces):  # counted just after each file is in place
        assert time.monotonic() < deadline, "prefetch never rendered"
        time.sleep(0.01)
    assert all(p.exists() for p in pieces)
    renders = speaker.renders
    started = time.monotonic()
    speaker.say(SECOND)
    events = player.wait_for(lambda ev: bool(ev))
    latency = events[0]["at"] - started  # time.monotonic is system-wide on Linux
    assert speaker.wait_idle(timeout=10)
    assert speaker.renders == renders  # nothing was rendered again
    assert events[0]["wav"] == str(speaker.wav_paths(SECOND)[0])
    assert latency < 1.0  # stand-in start-up included; the benchmark measures aplay's


def test_turning_speech_off_stops_and_keeps_quiet(speakers, stand_in):
    player = stand_in(speed=1)
    speaker = speakers(player=player.command)
    speaker.say(FIRST)
    pid = int(player.wait_for(lambda ev: bool(ev))[0]["pid"])
    speaker.enable(False)
    assert speaker.state is SpeechState.OFF and not speaker.enabled
    speaker.say(SECOND)  # ignored while off
    time.sleep(0.3)
    assert pid_gone(pid)
    assert [e["wav"] for e in player.events()] == [str(speaker.wav_paths(FIRST)[0])]
    speaker.enable(True)
    assert speaker.state is SpeechState.READY
    speaker.say(THIRD)
    speaker.enable(True)  # turning on again changes nothing
    assert speaker.state is SpeechState.SPEAKING


def test_state_changes_arrive_from_a_background_thread(speakers, stand_in):
    seen: list[tuple[SpeechState, str, bool]] = []
    main = threading.get_ident()

    def on_state(state: SpeechState, reason: str) -> None:
        seen.append((state, reason, threading.get_ident() != main))

    speaker = speakers(player=stand_in(speed=50).command, on_state=on_state)
    speaker.say(THIRD)
    assert speaker.wait_idle(timeout=10)
    time.sleep(0.05)
    assert [s for s, _, _ in seen] == [SpeechState.READY, SpeechState.SPEAKING, SpeechState.READY]
    assert all(off_thread for _, _, off_thread in seen)


def test_without_espeak_speech_is_unavailable_with_the_fix(
    speakers, stand_in, missing_engine, capfd
):
    seen: list[tuple[SpeechState, str]] = []
    speaker = speakers(player=stand_in().command, on_state=lambda s, r: seen.append((s, r)))
    settled(speaker, SpeechState.UNAVAILABLE)
    assert "espeak-ng is not installed" in speaker.reason and INSTALL_HINT in speaker.reason
    speaker.say(FIRST)  # harmless: nothing happens
    assert speaker.state is SpeechState.UNAVAILABLE
    time.sleep(0.05)
    assert seen[-1] == (SpeechState.UNAVAILABLE, speaker.reason)
    assert capfd.readouterr() == ("", "")  # the engine's noise stayed off the terminal


def test_a_player_without_sound_device_makes_speech_unavailable(speakers, stand_in):
    error = "aplay: main:831: audio open error: No such file or directory"
    speaker = speakers(player=stand_in(fail=error).command)
    settled(speaker, SpeechState.UNAVAILABLE)
    assert speaker.reason.startswith("no audio device") and speaker.reason_code is Reason.NO_DEVICE
    assert error not in speaker.reason  # plain words for the status line, never aplay's own
    assert speaker.detail == error


@pytest.mark.parametrize(
    ("messages", "words"),
    [
        ("zh", "没有音频设备：这台电脑无法播放声音"),
        ("zh_CN", "没有音频设备"),
        ("en_GB", "no audio device"),
    ],
)
def test_the_reason_is_in_the_meetings_language(speakers, stand_in, messages, words):
    error = "aplay: main:831: audio open error: No such file or directory"
    speaker = speakers(player=stand_in(fail=error).command, messages=messages)
    settled(speaker, SpeechState.UNAVAILABLE)
    assert speaker.reason.startswith(words) and "aplay: main" not in speaker.reason


def test_a_meeting_speaker_speaks_its_reasons_in_the_meetings_language(stand_in):
    speaker = Speaker(language="zh-CN", player=["no-such-player-here"])
    try:
        speaker.start()
        assert speaker.reason.startswith("没有安装音频播放程序 no-such-player-here")
        assert INSTALL_HINT in speaker.reason
    finally:
        speaker.close()


def test_an_unknown_named_voice_is_reported_at_start(speakers, stand_in):
    speaker = speakers(player=stand_in().command, voice="no-such-voice")
    settled(speaker, SpeechState.UNAVAILABLE)
    assert "unknown voice 'no-such-voice'" in speaker.reason


def test_an_unknown_voice_wins_over_a_missing_sound_device(speakers):
    # The device probe waits until the voice is checked: `podium say --voice nosuch` on a
    # machine without sound said "no audio device" (the probe won the race), hiding the typo.
    # A player that fails at once, as aplay does (the Python stand-in starts too slowly to
    # lose the race).
    fails_at_once = ["sh", "-c", "echo 'aplay: audio open error' >&2; exit 1", "player"]
    speaker = speakers(player=fails_at_once, voice="no-such-voice")
    settled(speaker, SpeechState.UNAVAILABLE)
    assert "unknown voice 'no-such-voice'" in speaker.reason, speaker.reason


def test_a_missing_player_program_makes_speech_unavailable(speakers):
    speaker = speakers(player=["no-such-player-here", "-q"])
    assert speaker.state is SpeechState.UNAVAILABLE
    assert "no-such-player-here" in speaker.reason and INSTALL_HINT in speaker.reason


def test_the_real_aplay_agrees_with_the_machine(speakers, tmp_path: Path):
    """With the default player the state follows what aplay itself can do here (CI has no
    sound card: then UNAVAILABLE with aplay's own complaint)."""
    from podium.tts.wavfile import write_silence

    silence = tmp_path / "silence.wav"
    write_silence(silence, 0.02)
    works = subprocess.run(["aplay", "-q", str(silence)], capture_output=True).returncode == 0
    speaker = speakers()
    settled(speaker, SpeechState.READY if works else SpeechState.UNAVAILABLE)
    if not works:
        assert "no audio device" in speaker.reason and "aplay" in speaker.reason


def test_a_crashed_renderer_is_restarted(speakers, stand_in):
    player = stand_in(speed=50)
    speaker = speakers(player=player.command)
    speaker.say(FIRST)
    assert speaker.wait_idle(timeout=10)
    pid = speaker.renderer_pid
    assert pid is not None
    os.kill(pid, signal.SIGKILL)
    speaker.say(SECOND)
    assert speaker.wait_idle(timeout=20)
    assert speaker.state is SpeechState.READY
    done = [e["wav"] for e in player.events() if e["event"] == "done"]
    assert done[-1] == str(speaker.wav_paths(SECOND)[0])
    assert speaker.renderer_pid not in (None, pid)


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[int(0.95 * (len(ordered) - 1))]


def test_the_event_loop_keeps_its_frame_rate_while_a_long_speech_renders(speakers, stand_in):
    """A 16 ms heartbeat while a 3,000-character speech renders stays within one frame of the
    same heartbeat on the same machine with nothing rendering (side by side, so a loaded CI
    machine moves both; the absolute figures are in benchmarks/README.md)."""
    speaker = speakers(player=stand_in(speed=1000).command)
    speech = (ZH_SPEECH * 30)[:3000]

    async def heartbeat(until) -> list[float]:
        lags: list[float] = []
        expected = time.monotonic()
        while not until(len(lags)):
            expected += 0.016
            await asyncio.sleep(max(0.0, expected - time.monotonic()))
            lags.append(time.monotonic() - expected)
            expected = time.monotonic()
        return lags

    async def measure() -> tuple[list[float], list[float]]:
        idle = await heartbeat(lambda n: n >= 40)
        speaker.say(speech)  # renders piece after piece in the renderer process
        rendering = await heartbeat(lambda n: all(p.exists() for p in speaker.wav_paths(speech)))
        return idle, rendering

    idle, rendering = asyncio.run(asyncio.wait_for(measure(), timeout=30))
    print(
        f"{len(rendering)} ticks; lag p95 {_p95(rendering) * 1000:.1f} ms while rendering, "
        f"{_p95(idle) * 1000:.1f} ms idle; max {max(rendering) * 1000:.1f} ms"
    )
    assert len(rendering) > 5
    assert _p95(rendering) <= _p95(idle) + 0.016  # within one frame of the idle loop


def test_close_ends_processes_and_removes_the_cache(stand_in):
    player = stand_in(speed=1)
    speaker = Speaker(language="zh", player=player.command)
    speaker.start()
    speaker.enable(True)
    speaker.say(FIRST)
    player_pid = int(player.wait_for(lambda ev: bool(ev))[0]["pid"])
    renderer_pid = speaker.renderer_pid
    folder = speaker.wav_paths(FIRST)[0].parent
    assert folder.exists() and renderer_pid is not None
    speaker.close()
    assert pid_gone(player_pid) and pid_gone(renderer_pid)
    assert not folder.exists()


def test_a_kept_cache_folder_serves_the_next_run(tmp_path: Path, speakers, stand_in):
    cache = str(tmp_path / "cache")
    first = speakers(player=stand_in(speed=50).command, cache_dir=cache)
    first.say(THIRD)
    assert first.wait_idle(timeout=10) and first.renders == 1
    first.close()
    second = speakers(player=stand_in(speed=50).command, cache_dir=cache)
    second.say(THIRD)
    assert second.wait_idle(timeout=10) and second.renders == 0
    assert Path(cache).exists()


def test_a_program_that_dies_without_close_leaves_nothing_behind(stand_in, tmp_path: Path):
    player = stand_in(speed=1)
    program = tmp_path / "crash.py"
    program.write_text(
        "import sys, time\n"
        "from podium.tts import Speaker\n"
        f"speaker = Speaker(language='zh', player={player.command!r})\n"
        "speaker.start(); speaker.enable(True)\n"
        f"speaker.say({FIRST!r})\n"
        "from pathlib import Path\n"
        f"wav = str(speaker.wav_paths({FIRST!r})[0])\n"
        f"log = Path({str(player.log)!r})\n"
        "while not (log.exists() and wav in log.read_text()): time.sleep(0.01)\n"
        "print(speaker.renderer_pid, speaker.wav_paths('x')[0].parent, flush=True)\n"
        "raise RuntimeError('the podium crashed')\n",
        encoding="utf-8",
    )
    result = subprocess.run(
        [sys.executable, str(program)], capture_output=True, text=True, timeout=30
    )
    assert "the podium crashed" in result.stderr
    renderer_pid, folder = result.stdout.split()
    player_pid = int(player.events()[0]["pid"])
    deadline = time.monotonic() + 2
    while not (pid_gone(player_pid) and pid_gone(int(renderer_pid))):
        assert time.monotonic() < deadline, "player or renderer outlived the program"
        time.sleep(0.01)
    assert not Path(folder).exists()
