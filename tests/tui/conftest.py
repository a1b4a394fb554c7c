"""Agendas built by hand (English and Chinese), a fake speaker, and the app as users get it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

import pytest

from podium.agenda.model import Agenda, Cue, CueKind, Item, ItemKind, Meeting
from podium.engine.clock import ManualClock
from podium.tui.app import PodiumApp, make_app

CST = dt.timezone(dt.timedelta(hours=8))


def _agenda(lang: str) -> Agenda:
    zh = lang == "zh"
    sep = "、" if zh else ", "

    def call(names: list[str], units: list[str], batch: int, award: str) -> Cue:
        joined = sep.join(names)
        text = f"请{joined}上台领奖。" if zh else f"Please come to the stage: {joined}."
        return Cue(
            CueKind.CALL,
            text,
            spoken=text,
            names=tuple(names),
            units=tuple(units),
            award=award,
            batch=batch,
            batches=2,
            duration_s=30,
        )

    def script(text: str) -> Cue:
        return Cue(CueKind.SCRIPT, text, spoken=text)

    if zh:
        opening = (
            "开场",
            ["同志们:今天召开全区信息工作会议。", "今天在主席台就坐的领导有:张建国同志。"],
        )
        speech = ("区委副书记讲话", "区委副书记张建国同志")
        speech_intro, speech_outro = "请张建国同志讲话,大家欢迎。", "感谢张建国同志的重要讲话。"
        award = "先进集体"
        names = [["区委办信息科", "区府办综合科"], ["城东街道", "城西街道"]]
        units = [["区委办", "区府办"], ["东区", "西区"]]
        awards = ("颁发荣誉证书", "下面,向受表彰的先进集体颁发荣誉证书。", "祝贺获奖单位。")
        pause = ("茶歇", "现在休息十分钟。")
        notes = "提醒:讲话稿在左侧文件夹里。"
        title = "全区信息工作会议"
    else:
        opening = ("Opening", ["Good morning, and welcome.", "On the stage today: Ana Lima."])
        speech = ("Keynote", "Dr. Ana Lima")
        speech_intro, speech_outro = "Please welcome Dr. Ana Lima.", "Thank you, Dr. Lima."
        award = "Team of the Year"
        names = [["Design", "Engineering"], ["Support", "Sales"]]
        units = [["Lisbon", "Porto"], ["Faro", "Braga"]]
        awards = ("Awards", "And now, our awards.", "Congratulations to all.")
        pause = ("Coffee break", "We break for ten minutes.")
        notes = "The keynote slides are on the left laptop."
        title = "Annual meeting"
    items = (
        Item(
            0,
            "opening",
            ItemKind.SCRIPT,
            opening[0],
            120,
            False,
            tuple(script(s) for s in opening[1]),
            notes=notes,
        ),
        Item(
            1,
            "speech",
            ItemKind.SPEECH,
            speech[0],
            300,
            False,
            (
                Cue(CueKind.INTRO, speech_intro, spoken=speech_intro),
                Cue(CueKind.SPEECH, speech[1], speaker=speech[1], duration_s=300),
                Cue(CueKind.OUTRO, speech_outro, spoken=speech_outro),
            ),
            warn_s=120,
            danger_s=60,
        ),
        Item(
            2,
            "awards",
            ItemKind.AWARDS,
            awards[0],
            90,
            True,
            (
                Cue(CueKind.INTRO, awards[1], spoken=awards[1]),
                call(names[0], units[0], 1, award),
                call(names[1], units[1], 2, award),
                Cue(CueKind.OUTRO, awards[2], spoken=awards[2]),
            ),
        ),
        Item(
            3,
            "break",
            ItemKind.BREAK,
            pause[0],
            600,
            False,
            (Cue(CueKind.BREAK, pause[1], spoken=pause[1], duration_s=600),),
        ),
    )
    meeting = Meeting(
        title=title,
        date=dt.date(2026, 3, 12),
        start_s=9 * 3600,
        language="zh" if zh else "en",
        reading_rate=220 if zh else 140,
    )
    return Agenda(f"/agendas/{lang}.yaml", "0" * 64, meeting, items)


@pytest.fixture
def agenda_en() -> Agenda:
    return _agenda("en")


@pytest.fixture
def agenda_zh() -> Agenda:
    return _agenda("zh")


@pytest.fixture
def clock() -> ManualClock:
    """08:55 on the meeting's day (five minutes before its planned start)."""
    return ManualClock(dt.datetime(2026, 3, 12, 8, 55, 0, tzinfo=CST))


class FakeSpeaker:
    """Records what the app asks of text-to-speech, in order."""

    def __init__(self, enabled: bool = True) -> None:
        self.calls: list[tuple[str, Any]] = []
        self._enabled = enabled
        self.state: Any = "READY"
        self.reason: str | None = None

    @property
    def enabled(self) -> bool:
        return self._enabled

    def start(self) -> None:
        self.calls.append(("start", None))

    def enable(self, on: bool) -> None:
        self._enabled = on
        self.calls.append(("enable", on))

    def say(self, text: str) -> None:
        self.calls.append(("say", text))

    def prefetch(self, texts: Sequence[str]) -> None:
        self.calls.append(("prefetch", tuple(texts)))

    def stop(self) -> None:
        self.calls.append(("stop", None))

    def close(self) -> None:
        self.calls.append(("close", None))

    def said(self) -> list[str]:
        return [text for kind, text in self.calls if kind == "say"]


@pytest.fixture
def speaker() -> FakeSpeaker:
    return FakeSpeaker()


@pytest.fixture
def fake_speaker() -> type[FakeSpeaker]:
    """The fake speaker's class, for tests that make their own."""
    return FakeSpeaker


@pytest.fixture
def app_en(agenda_en: Agenda, clock: ManualClock) -> PodiumApp:
    return make_app(agenda_en, clock=clock)


@pytest.fixture
def app_zh(agenda_zh: Agenda, clock: ManualClock) -> PodiumApp:
    return make_app(agenda_zh, clock=clock)


@pytest.fixture
def shown() -> Callable[[PodiumApp], str]:
    """Everything the main screen's visible widgets show, as plain text (for assertions)."""
    return screen_text


def screen_text(app: PodiumApp) -> str:
    """Everything the main screen's visible widgets show, as plain text."""
    from textual.widgets import Digits, Label, Static

    parts = []
    for widget in app.main.query("*"):
        if not all(node.display for node in (widget, *widget.ancestors) if node is not app):
            continue
        if isinstance(widget, Digits):
            parts.append(widget.value)
        elif isinstance(widget, (Static, Label)):
            parts.append(str(widget.render()))
    return "\n".join(parts)
