"""`podium plan --spoken` with a stand-in for text-to-speech: what is measured, and how the plan
is rebuilt from it. (tests/e2e/test_plan_cli.py measures with the real espeak-ng.)"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from pathlib import Path

import pytest

import podium.tts
from podium.agenda.loader import load_agenda
from podium.cli import EXIT_USAGE, main
from podium.cli.plan import with_spoken_durations
from podium.tts.errors import Reason

DEMO = Path(__file__).resolve().parents[3] / "agendas" / "quick-demo.en.yaml"


@pytest.fixture
def heard(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Every text measured, with its language; each takes 2.5 s to say."""
    calls: list[tuple[str, str]] = []

    def fake(
        texts: Sequence[str], *, language: str, voice: str | None = None, rate: int = 200
    ) -> list[float]:
        calls.extend((text, language) for text in texts)
        return [2.5] * len(texts)

    monkeypatch.setattr(podium.tts, "spoken_durations", fake)
    return calls


def test_every_cue_read_aloud_is_measured_with_its_say_pronunciation(
    heard: list[tuple[str, str]],
) -> None:
    agenda = load_agenda(str(DEMO)).agenda
    assert agenda is not None
    _, spoken = with_spoken_durations(agenda)
    texts = [text for text, _ in heard]
    assert all(language == "en" for _, language in heard)
    # welcome: 2 script cues; talk: intro and outro (the speech itself is not read); prizes:
    # intro, 2 call-ups, outro.
    assert sorted(spoken) == [(0, 0), (0, 1), (1, 0), (1, 2), (2, 0), (2, 1), (2, 2), (2, 3)]
    assert "Please come to the stage: Ana Lima, Joe Min." in texts  # Zhou Min's `say`
    assert not any("Zhou" in text for text in texts)


def test_estimated_items_are_rebuilt_from_the_measurements(heard: list[tuple[str, str]]) -> None:
    agenda = load_agenda(str(DEMO)).agenda
    assert agenda is not None
    rebuilt, _ = with_spoken_durations(agenda)
    welcome, talk, prizes = rebuilt.items
    assert (welcome.duration_s, welcome.estimated) == (5, True)  # 2 × 2.5 s
    assert talk.duration_s == 60  # given, not estimated: unchanged
    assert prizes.duration_s == 2 * 20 + 5  # per_call 20 s for 2 call-ups, intro + outro 2.5 s


def test_json_carries_spoken_seconds(
    heard: list[tuple[str, str]], capsysbinary: pytest.CaptureFixture[bytes]
) -> None:
    assert main(["plan", str(DEMO), "--format", "json", "--spoken"]) == 0
    doc = json.loads(capsysbinary.readouterr().out)
    welcome, talk, prizes = doc["items"]
    assert [c["spoken_s"] for c in welcome["cues"]] == [2.5, 2.5]
    assert welcome["duration_s"] == 5
    assert "spoken_s" not in talk["cues"][1]  # the speech is the speaker's, not read aloud
    assert [c.get("spoken_s") for c in prizes["cues"]] == [2.5] * 4
    assert doc["total_s"] == 5 + 60 + 45


def test_no_speech_engine_is_exit_2_with_the_reason(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def unavailable(texts: Sequence[str], **kwargs: object) -> list[float]:
        raise podium.tts.SpeechUnavailable(Reason.ENGINE_MISSING, detail="libespeak-ng.so.1")

    monkeypatch.setattr(podium.tts, "spoken_durations", unavailable)
    assert main(["plan", str(DEMO), "--spoken"]) == EXIT_USAGE
    out, err = capsys.readouterr()
    assert out == ""
    assert err == (
        "podium: error: --spoken needs text-to-speech: espeak-ng is not installed or does not "
        "start; install it with: sudo apt-get install -y libespeak-ng1 alsa-utils\n"
    )


def test_namespace_without_spoken_never_touches_tts(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def boom(*args: object, **kwargs: object) -> list[float]:
        raise AssertionError("measured without --spoken")

    monkeypatch.setattr(podium.tts, "spoken_durations", boom)
    from podium.cli.plan import main as plan_main

    args = argparse.Namespace(agenda=str(DEMO), format="text", start=None, spoken=False)
    assert plan_main(args) == 0
    assert "~ estimated from reading time" in capsys.readouterr().out
