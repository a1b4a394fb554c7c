"""`plan --spoken` and `say` do bounded work and leave nothing behind (issue 15): text beyond
`MAX_SPEECH_CHARS` is refused before any audio is made, at most one piece of audio exists at a
time, and the temporary folder is gone after every way out, SIGTERM and SIGINT included. The
subprocess tests run the real `podium` under `resource` limits with TMPDIR pointed at a folder
of the test's own, and wait for events (a file appearing, the process ending), never for a
time."""

from __future__ import annotations

import json
import resource
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from podium.tts import offline
from podium.tts.errors import TooMuchSpeech
from podium.tts.offline import MAX_SPEECH_CHARS, spoken_durations, write_wav
from podium.tts.renderer import RendererProcess

pytestmark = pytest.mark.tts

MiB = 1024 * 1024
SENTENCE = "The committee thanks every volunteer who gave an evening to the district. "


def limited(cpu_s: int = 300, memory: int = 2048 * MiB) -> Callable[[], None]:
    def apply() -> None:
        resource.setrlimit(resource.RLIMIT_CPU, (cpu_s, cpu_s))
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))

    return apply


def files_under(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*"))


def agenda_with_script(tmp_path: Path, script: str) -> Path:
    path = tmp_path / "a.yaml"
    path.write_text(
        "podium: 1\nmeeting:\n  title: T\n  language: en\nitems:\n"
        f"  - title: Welcome\n    script: {json.dumps(script)}\n",
        encoding="utf-8",
    )
    return path


@pytest.fixture
def private_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """TMPDIR of this test alone, in this process and in the children it starts."""
    import tempfile

    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setenv("TMPDIR", str(folder))
    monkeypatch.setattr(tempfile, "tempdir", None)  # forget the cached default
    yield folder
    tempfile.tempdir = None


def spy_on_renders(monkeypatch: pytest.MonkeyPatch, folder: Path) -> list[int]:
    """The number of files in the private folder each time a piece is about to be rendered."""
    seen: list[int] = []
    real = RendererProcess.render

    def render(self: RendererProcess, text: str, voice: str, rate: int, path: str, **kw) -> int:
        seen.append(len(files_under(folder)) - 1)  # the podium-tts-* folder itself
        return real(self, text, voice, rate, path, **kw)

    monkeypatch.setattr(RendererProcess, "render", render)
    return seen


def test_measuring_keeps_no_audio_beyond_the_piece_being_measured(
    private_tmp: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen = spy_on_renders(monkeypatch, private_tmp)
    long_text = SENTENCE * 12  # several pieces of up to 200 characters
    [seconds, again, short] = spoken_durations([long_text, long_text, "Hello."], language="en")
    assert len(seen) >= 6  # every piece rendered, the repeated text once
    assert max(seen) == 0, seen  # the previous piece was gone before each render
    assert seconds == again and seconds > 20 and 0 < short < 3
    assert files_under(private_tmp) == []


def test_writing_a_file_streams_piece_by_piece(
    private_tmp: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from .tts_samples import wav_facts

    seen = spy_on_renders(monkeypatch, private_tmp)
    out = tmp_path / "out.wav"
    seconds = write_wav(SENTENCE * 8, out, voice="en", rate=200, strict=False)
    assert len(seen) >= 3 and max(seen) == 0, seen
    duration, _rms, channels, width = wav_facts(out)
    assert (channels, width) == (1, 2) and duration == pytest.approx(seconds) and seconds > 15
    assert files_under(private_tmp) == []


def test_too_much_speech_is_refused_before_anything_is_rendered(
    private_tmp: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_engine(self: RendererProcess) -> None:
        raise AssertionError("no renderer may start for a refused text")

    monkeypatch.setattr(RendererProcess, "start", no_engine)
    too_long = "x" * (MAX_SPEECH_CHARS + 1)
    with pytest.raises(TooMuchSpeech) as refused:
        spoken_durations([too_long], language="en")
    assert (refused.value.count, refused.value.limit) == (MAX_SPEECH_CHARS + 1, MAX_SPEECH_CHARS)
    with pytest.raises(TooMuchSpeech):
        write_wav(too_long, private_tmp / "x.wav", voice="en", rate=200, strict=False)
    with pytest.raises(TooMuchSpeech):
        offline.check_speech_size(["a" * 60_000, "b" * 60_000])
    offline.check_speech_size(["a" * 60_000] * 50)  # a text repeated is measured once
    assert files_under(private_tmp) == []


def test_plan_spoken_on_a_megabyte_script_answers_at_once_and_leaves_nothing(
    tmp_path: Path, private_tmp: Path
) -> None:
    agenda = agenda_with_script(tmp_path, (SENTENCE * 15_000)[: 1 * MiB])
    out = subprocess.run(
        [sys.executable, "-m", "podium", "plan", str(agenda), "--spoken"],
        capture_output=True,
        text=True,
        preexec_fn=limited(cpu_s=120, memory=1024 * MiB),
        timeout=600,
    )
    assert out.returncode == 2, out.stderr
    [line] = out.stderr.splitlines()
    assert line.startswith("podium: error: --spoken reads at most 100,000 characters aloud")
    assert "1,048,576" in line and out.stdout == ""
    assert files_under(private_tmp) == []


def test_say_refuses_a_text_beyond_the_limit(private_tmp: Path, tmp_path: Path) -> None:
    out = subprocess.run(
        [sys.executable, "-m", "podium", "say", "y " * 60_000, "--out", str(tmp_path / "o.wav")],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert out.returncode == 2
    assert "reads at most 100,000 characters aloud; TEXT has 120,000" in out.stderr
    assert not (tmp_path / "o.wav").exists() and files_under(private_tmp) == []


def processes_with(folder: Path) -> list[int]:
    """Processes (ours and their children) whose environment points TMPDIR at `folder`."""
    needle = f"TMPDIR={folder}".encode()
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if needle in (entry / "environ").read_bytes().split(b"\0"):
                    found.append(int(entry.name))
            except OSError:
                continue
    return found


def wait_for_a_piece(proc: subprocess.Popen[str], folder: Path) -> None:
    """Until the renderer has written audio into the temporary folder (the work is under way);
    the deadline only stops a broken test from hanging, it asserts nothing about speed."""
    deadline = time.monotonic() + 300
    while not any(p.suffix in (".wav", ".part") for p in files_under(folder)):
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline, "no speech was rendered"
        time.sleep(0.05)


# Exit 130 "interrupted" for every signal, as everywhere in podium (the terminal closing or
# a service manager stopping podium is an interruption like Ctrl+C).
@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT, signal.SIGHUP])
@pytest.mark.parametrize("command", ["plan", "say"])
def test_a_signal_mid_way_exits_cleanly_and_removes_every_temporary_file(
    tmp_path: Path, private_tmp: Path, sig: signal.Signals, command: str
) -> None:
    text = (SENTENCE * 1300)[:90_000]  # under the limit, minutes of speech to render
    target = tmp_path / "out" / "speech.wav"
    target.parent.mkdir()
    if command == "plan":
        argv = ["plan", str(agenda_with_script(tmp_path, text)), "--spoken", "--format", "csv"]
    else:
        argv = ["say", text, "--out", str(target)]
    proc = subprocess.Popen(
        [sys.executable, "-m", "podium", *argv],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=limited(),
    )
    try:
        wait_for_a_piece(proc, private_tmp)
        proc.send_signal(sig)
        stdout, stderr = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 130, stderr
    assert "Traceback" not in stderr and "internal error" not in stderr
    assert stdout == ""
    assert stderr.strip() == "podium: interrupted"
    assert files_under(private_tmp) == []  # the temporary speech folder is gone
    assert files_under(target.parent) == []  # no half WAV beside the target
    assert processes_with(private_tmp) == []  # the renderer did not outlive podium
