"""The run sheet's own words, in the meeting's language (Chinese for zh meetings, else English)."""

from __future__ import annotations

from dataclasses import dataclass

from podium.agenda.model import CueKind, Meeting


@dataclass(frozen=True, slots=True)
class Labels:
    start: str
    duration: str
    item: str
    date: str
    venue: str
    host: str
    total: str
    ends: str
    items: str
    cues: str
    estimated: str
    estimated_spoken: str
    """The legend when estimates come from measured spoken durations (`--spoken`)."""
    note: str
    speaker: str
    warn: str
    danger: str
    say: str
    idle: str
    """Template with {until}: the title of an idle gap before a fixed start."""
    late: str
    """Template with {at} and {late}: a fixed-time item planned to start late."""
    fixed: str
    """Template with {at}: the marker of an item with a fixed start."""
    colon: str
    silent: str
    """Marks an item with `speak: false`."""
    cue_kinds: dict[CueKind, str]


EN = Labels(
    start="Start",
    duration="Duration",
    item="Item",
    date="Date",
    venue="Venue",
    host="Host",
    total="Total",
    ends="ends",
    items="items",
    cues="cues",
    estimated="~ estimated from reading time",
    estimated_spoken="~ estimated from the measured text-to-speech time",
    note="Note",
    speaker="Speaker",
    warn="warn",
    danger="danger",
    say="say",
    idle="(idle until the fixed start at {until})",
    late="fixed at {at}, planned to start {late} late",
    fixed="at {at}",
    colon=": ",
    silent="(not read aloud)",
    cue_kinds={
        CueKind.SCRIPT: "Say",
        CueKind.INTRO: "Intro",
        CueKind.SPEECH: "Speech",
        CueKind.CALL: "Call",
        CueKind.OUTRO: "Outro",
        CueKind.BREAK: "Break",
    },
)

ZH = Labels(
    start="开始",
    duration="时长",
    item="议程",
    date="日期",
    venue="地点",
    host="主持",
    total="总时长",
    ends="结束",
    items="项",
    cues="条提示",
    estimated="~ 为按朗读速度估算的时长",
    estimated_spoken="~ 为按语音合成实测朗读时长估算的时长",
    note="备注",
    speaker="讲话人",
    warn="提醒",
    danger="警告",
    say="读作",
    idle="（空档，等待 {until} 固定开始）",
    late="固定 {at} 开始，预计推迟 {late}",
    fixed="{at} 固定开始",
    colon="：",
    silent="（不朗读）",
    cue_kinds={
        CueKind.SCRIPT: "主持词",
        CueKind.INTRO: "引导语",
        CueKind.SPEECH: "讲话",
        CueKind.CALL: "上台",
        CueKind.OUTRO: "结束语",
        CueKind.BREAK: "休息",
    },
)


def labels_for(meeting: Meeting) -> Labels:
    """Chinese labels for a Chinese meeting, English for every other language."""
    return ZH if meeting.lang.is_chinese else EN
