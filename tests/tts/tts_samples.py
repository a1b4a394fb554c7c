"""Texts the text-to-speech tests read, and how they measure what was rendered."""

from __future__ import annotations

import array
import math
import wave
from pathlib import Path

ZH_SPEECH = (
    "同志们，朋友们：今天我们在这里隆重召开全区工作会议，总结过去一年的工作，部署今后一个时期的任务。"
    "过去一年，全区上下团结一心，攻坚克难，经济社会发展取得了新的成绩！"
    "我们要坚持稳中求进，扎实做好各项工作；确保目标任务圆满完成？"
)
ENGLISH = "Good evening, and welcome to the annual awards night of the society."
SILENCE_RMS = 300  # espeak's speech sits in the thousands; digital silence is 0


def wav_facts(path: Path) -> tuple[float, float, int, int]:
    """Duration in seconds, RMS level (0..32767), channels and sample width of a WAV file."""
    with wave.open(str(path), "rb") as w:
        frames = w.readframes(w.getnframes())
        seconds = w.getnframes() / w.getframerate()
        channels, width = w.getnchannels(), w.getsampwidth()
    samples = array.array("h")
    samples.frombytes(frames)
    rms = math.sqrt(sum(s * s for s in samples) / len(samples)) if samples else 0.0
    return seconds, rms, channels, width
