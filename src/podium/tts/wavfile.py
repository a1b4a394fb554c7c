"""Reading and writing the WAV files the renderer makes: 16-bit PCM, mono."""

from __future__ import annotations

import array
import os
import sys
import wave
from collections.abc import Iterable
from pathlib import Path


def wav_duration(path: str | os.PathLike[str]) -> float:
    """The length of a WAV file in seconds, from its frame count."""
    with wave.open(os.fspath(path), "rb") as w:
        return w.getnframes() / w.getframerate()


def read_mono16(path: str | os.PathLike[str]) -> tuple[bytes, int]:
    """The samples of a WAV file as 16-bit mono PCM (converted if needed) and its frame rate."""
    with wave.open(os.fspath(path), "rb") as w:
        channels, width, rate = w.getnchannels(), w.getsampwidth(), w.getframerate()
        frames = w.readframes(w.getnframes())
    if (channels, width) == (1, 2):
        return frames, rate
    return _to_mono16(frames, channels, width), rate


def write_mono16(path: str | os.PathLike[str], frames: bytes, rate: int) -> None:
    """Write 16-bit mono PCM samples as a WAV file."""
    with wave.open(os.fspath(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(frames)


def normalise(path: str | os.PathLike[str]) -> tuple[int, int]:
    """Rewrite a WAV file as 16-bit mono if it is anything else; its frame count and rate."""
    frames, rate = read_mono16(path)
    with wave.open(os.fspath(path), "rb") as w:
        already = (w.getnchannels(), w.getsampwidth()) == (1, 2)
    if not already:
        write_mono16(path, frames, rate)
    return len(frames) // 2, rate


class MonoWavWriter:
    """One 16-bit mono WAV file written piece by piece: `append` adds a WAV file's samples
    (converted if needed), so only one piece is ever held in memory. The frame rate is the
    first piece's (22050 when there is none); a piece of another rate is resampled crudely
    (the renderer gives one rate, so this never happens in practice)."""

    def __init__(self, out: str | os.PathLike[str]) -> None:
        self._out = os.fspath(out)
        self._writer: wave.Wave_write | None = None
        self._rate = 22050
        self.frames = 0

    @property
    def seconds(self) -> float:
        """The length written so far."""
        return self.frames / self._rate

    def append(self, part: str | os.PathLike[str]) -> None:
        frames, rate = read_mono16(part)
        if self._writer is None:
            self._rate = rate
            self._writer = self._open()
        elif rate != self._rate:
            frames = _resample16(frames, rate, self._rate)
        self._writer.writeframes(frames)
        self.frames += len(frames) // 2

    def _open(self) -> wave.Wave_write:
        writer = wave.open(self._out, "wb")  # noqa: SIM115 (closed by close())
        writer.setnchannels(1)
        writer.setsampwidth(2)
        writer.setframerate(self._rate)
        return writer

    def close(self) -> None:
        if self._writer is None:
            self._writer = self._open()
        self._writer.close()

    def __enter__(self) -> MonoWavWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def concatenate(parts: Iterable[str | os.PathLike[str]], out: str | os.PathLike[str]) -> float:
    """Join WAV files into one 16-bit mono file, one part in memory at a time; its length in
    seconds."""
    with MonoWavWriter(out) as writer:
        for part in parts:
            writer.append(part)
        return writer.seconds


def write_silence(path: Path, seconds: float, rate: int = 22050) -> None:
    """A silent WAV file, used to check that the audio player can open the device."""
    write_mono16(path, b"\0\0" * int(seconds * rate), rate)


def _to_mono16(frames: bytes, channels: int, width: int) -> bytes:
    if width == 1:  # unsigned 8-bit
        samples = array.array("h", ((b - 128) << 8 for b in frames))
    elif width == 2:
        samples = array.array("h")
        samples.frombytes(frames)
    elif width == 4:
        wide = array.array("i")
        wide.frombytes(frames)
        if sys.byteorder == "big":
            wide.byteswap()
        samples = array.array("h", (s >> 16 for s in wide))
    else:
        raise ValueError(f"unsupported sample width: {width} bytes")
    if width == 2 and sys.byteorder == "big":
        samples.byteswap()
    mono = samples[::channels] if channels > 1 else samples
    if sys.byteorder == "big":
        mono.byteswap()
    return mono.tobytes()


def _resample16(frames: bytes, rate: int, target: int) -> bytes:
    """16-bit mono samples at `rate` as samples at `target`, nearest neighbour."""
    samples = array.array("h")
    samples.frombytes(frames)
    count = len(samples) * target // rate
    out = array.array("h", (samples[i * rate // target] for i in range(count)))
    return out.tobytes()
