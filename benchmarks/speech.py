"""Reading aloud: how much a 3,000-character speech being rendered disturbs the event loop (a
16 ms ticker's lateness, against the same ticker with nothing rendering), and the cost of
starting the player (a bare `Popen` of the stand-in player, the floor under GO → player)."""

from __future__ import annotations

import asyncio
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from benchmarks.child import stand_in_player
from benchmarks.harness import Context, Figure, Target, compared, missing
from benchmarks.repaint import PLAYER

SECTION = "Reading aloud: event loop while rendering a 3,000-character speech"
FLOOR = PLAYER  # the floor sits in the same table as GO → player started
TICK_S = 0.016
LAG_TARGET = (Target("value", "median", 16.7, "max lateness ≤ 16.7 ms"),)

_SENTENCES = (
    "同志们，过去一年，全区信息工作坚持围绕中心、服务大局，在辅助决策、反映社情民意、推动工作落实等方面"
    "发挥了重要作用。",
    "一是信息报送质量稳步提升，全年共向上级报送信息一千二百余篇，被采用三百余篇。",
    "二是数字化改革扎实推进，基层治理平台覆盖全区所有街道和社区。",
    "三是队伍建设持续加强，举办业务培训六期，培训信息员四百余人次。",
    "同时也要清醒地看到，我们的工作与上级要求和群众期盼相比还有差距。",
)


def speech_text(chars: int = 3000) -> str:
    """A Chinese speech of about `chars` characters, sentences repeated with their numbers."""
    parts: list[str] = []
    n = 0
    while sum(len(p) for p in parts) < chars:
        parts.append(f"第{n + 1}段。" + _SENTENCES[n % len(_SENTENCES)])
        n += 1
    return "".join(parts)


async def _ticker(stop: asyncio.Event, lateness: list[float]) -> None:
    """Sleep TICK_S again and again; note how late each wake-up is (ms)."""
    loop = asyncio.get_running_loop()
    while not stop.is_set():
        due = loop.time() + TICK_S
        await asyncio.sleep(TICK_S)
        lateness.append(max(0.0, (loop.time() - due) * 1000))


async def _lag_while(work: float | None, text: str, language: str) -> tuple[float, float]:
    """Max ticker lateness (ms) while the speaker renders `text` (or, with `work` given, for
    that many seconds of nothing); returns (max lateness, seconds it took)."""
    from podium.tts import Speaker

    lateness: list[float] = []
    stop = asyncio.Event()
    ticker = asyncio.create_task(_ticker(stop, lateness))
    start = time.perf_counter()
    if work is not None:
        await asyncio.sleep(work)
    else:
        cache = Path(tempfile.mkdtemp(prefix="podium-bench-tts-"))
        speaker = Speaker(language=language, player=stand_in_player(), cache_dir=str(cache))
        try:
            speaker.start()
            speaker.enable(True)
            await asyncio.sleep(0.3)  # the renderer process is up (its start-up is not render)
            lateness.clear()
            start = time.perf_counter()
            speaker.say(text)
            deadline = start + 120
            paths = speaker.wav_paths(text)
            while not all(p.exists() for p in paths) and time.perf_counter() < deadline:
                if speaker.state.name == "UNAVAILABLE":
                    raise RuntimeError(speaker.reason)
                await asyncio.sleep(0.05)
        finally:
            speaker.close()
            shutil.rmtree(cache, ignore_errors=True)
    elapsed = time.perf_counter() - start
    stop.set()
    await ticker
    return (max(lateness) if lateness else 0.0), elapsed


def _lag_figures(ctx: Context) -> list[Figure]:
    text = speech_text(300 if ctx.quick else 3000)
    rendering: list[float] = []
    idle: list[float] = []
    durations: list[float] = []
    for _ in range(ctx.repeats(3)):
        lag, took = asyncio.run(_lag_while(None, text, "zh"))
        rendering.append(lag)
        durations.append(took)
        idle.append(asyncio.run(_lag_while(took, text, "zh"))[0])
    chars = len(text)
    return [
        compared(
            SECTION,
            f"max lateness of a 16 ms ticker, rendering {chars:,} characters",
            "ms",
            rendering,
            "the same ticker, nothing rendering",
            idle,
            LAG_TARGET,
            note=f"rendering took {min(durations):.1f}–{max(durations):.1f} s",
        )
    ]


def _floor_figure(ctx: Context) -> Figure:
    from podium.tts.wavfile import write_silence

    wav = ctx.work / "floor.wav"
    write_silence(wav, 0.02)
    samples = []
    for _ in range(ctx.repeats(20)):
        start = time.perf_counter()
        proc = subprocess.Popen(
            [*stand_in_player(), str(wav)],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        samples.append((time.perf_counter() - start) * 1000)
        proc.wait()
    from benchmarks.stats import Summary

    return Figure(
        FLOOR, "floor: a bare Popen of the stand-in player", "ms", value=Summary.of(samples)
    )


def measure(ctx: Context) -> list[Figure]:
    try:
        from podium.tts import Speaker  # noqa: F401
    except ImportError as exc:
        return [missing(SECTION, "all", f"text-to-speech is not there yet ({exc})")]
    ctx.log("speech: event-loop lag while rendering")
    try:
        figures = _lag_figures(ctx)
    except RuntimeError as exc:
        figures = [missing(SECTION, "rendering", f"speech unavailable: {exc}")]
    figures.append(_floor_figure(ctx))
    return figures
