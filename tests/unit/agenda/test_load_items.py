"""Items of every kind: defaults, durations, ids, speech timers, fixed `at` times, cues."""

from __future__ import annotations

import textwrap
from collections.abc import Callable

import pytest

from podium.agenda.loader import LoadResult, load_agenda
from podium.agenda.model import CueKind, ItemKind

WriteAgenda = Callable[..., str]
HEAD = "podium: 1\nmeeting:\n  title: T\n  start: '09:00'\nitems:\n"  # items from line 6


def load(write_agenda: WriteAgenda, items: str, head: str = HEAD) -> tuple[LoadResult, list[str]]:
    text = head + textwrap.indent(textwrap.dedent(items).lstrip("\n"), "  ")
    result = load_agenda(write_agenda(text))
    return result, [f"{d.line}:{d.col}: {d.severity}: {d.message}" for d in result.diagnostics]


def test_script_item_cues_and_estimate(write_agenda: WriteAgenda) -> None:
    words = " ".join(["word"] * 70)  # 70 words at 140 wpm = 30 s
    result, diags = load(
        write_agenda,
        f"""
        - id: opening
          title: Opening
          script:
            - {words}
            - {words}
          notes: [check the mics, smile]
        """,
    )
    assert diags == []
    assert result.agenda is not None
    item = result.agenda.items[0]
    assert (item.id, item.kind, item.duration_s, item.estimated) == (
        "opening",
        ItemKind.SCRIPT,
        60,
        True,
    )
    assert [c.kind for c in item.cues] == [CueKind.SCRIPT, CueKind.SCRIPT]
    assert item.cues[0].spoken == words
    assert item.notes == "check the mics\nsmile"
    assert (item.pos.line, item.pos.col) == (6, 5)


def test_given_duration_is_not_estimated(write_agenda: WriteAgenda) -> None:
    result, diags = load(write_agenda, "- {title: a, script: hello there, duration: 2分钟}\n")
    assert diags == []
    assert result.agenda is not None
    assert (result.agenda.items[0].duration_s, result.agenda.items[0].estimated) == (120, False)


def test_script_longer_than_its_duration_warns(write_agenda: WriteAgenda) -> None:
    words = " ".join(["word"] * 78)  # 33.4 s: more than 10 % over 30 s
    _, diags = load(write_agenda, f"- title: a\n  duration: 30s\n  script: {words}\n")
    assert diags == [
        "8:13: warning: the script takes about 0:34 to read (at 140 words per minute), more "
        "than 10% over its item's duration 0:30"
    ]
    _, diags = load(write_agenda, f"- title: a\n  duration: 31s\n  script: {words}\n")
    assert diags == []  # 33.4 s is within 10 % of 31 s


def test_chinese_reading_rate_counts_characters_not_punctuation(
    write_agenda: WriteAgenda,
) -> None:
    head = "podium: 1\nmeeting: {title: T, language: zh, reading_rate: 60}\nitems:\n"
    result, diags = load(write_agenda, "- {title: a, script: 同志们，大家好！OK 2026。}\n", head)
    assert diags == []
    assert result.agenda is not None
    # 同志们大家好 = 6 characters, OK and 2026 one each: 8 at 60 per minute
    assert result.agenda.items[0].duration_s == 8


def test_item_with_nothing_to_say_warns(write_agenda: WriteAgenda) -> None:
    result, diags = load(
        write_agenda,
        """
        - title: Photo
          duration: 5m
        - title: Empty list
          script: []
        - title: Blank entry
          script: [a, '', ~]
        """,
    )
    assert result.agenda is not None
    assert diags == [
        "6:5: warning: this item has nothing to say: it has no 'script'",
        "9:13: warning: this item has nothing to say: 'script' is an empty list",
        "11:17: warning: this script text is empty: nothing to say",
        "11:21: warning: this script text is empty: nothing to say",
    ]
    assert [len(i.cues) for i in result.agenda.items] == [1, 1, 3]
    assert result.agenda.items[0].cues[0].text == ""
    assert result.agenda.items[0].cues[0].spoken == ""


def test_default_and_explicit_ids(write_agenda: WriteAgenda) -> None:
    result, diags = load(
        write_agenda,
        "- {title: a, script: x}\n- {id: lunch_2, title: b, script: x}\n- {title: c, script: x}\n",
    )
    assert diags == []
    assert result.agenda is not None
    assert [i.id for i in result.agenda.items] == ["item-1", "lunch_2", "item-3"]
    assert result.agenda.item_by_id("lunch_2") is result.agenda.items[1]


def test_bad_and_duplicate_ids(write_agenda: WriteAgenda) -> None:
    _, diags = load(
        write_agenda,
        """
        - {id: Opening Speech, title: a, script: x}
        - {id: intro, title: b, script: x}
        - {id: intro, title: c, script: x}
        - {id: item-5, title: d, script: x}
        - {title: e, script: x}
        """,
    )
    assert diags == [
        "6:10: error: bad id 'Opening Speech': an id is a slug of a-z, 0-9, '-' and '_', "
        "such as 'opening-speech'",
        "8:10: error: duplicate id 'intro' (first at line 7)",
        "10:5: error: duplicate id 'item-5' (first at line 9)",
    ]


def test_missing_title_points_at_the_item(write_agenda: WriteAgenda) -> None:
    _, diags = load(write_agenda, "- script: x\n  notes: y\n- title: ''\n  script: x\n")
    assert [d for d in diags if "error" in d] == [
        "6:5: error: missing required key 'title' in item 1",
        "8:12: error: 'title' is empty",
    ]


def test_unknown_kind(write_agenda: WriteAgenda) -> None:
    _, diags = load(write_agenda, "- {title: a, kind: speach, speaker: x, duration: 2m}\n")
    assert diags == [
        "6:22: error: unknown kind 'speach'; did you mean 'speech'? "
        "(script, speech, awards or break)"
    ]


def test_key_of_another_kind(write_agenda: WriteAgenda) -> None:
    _, diags = load(
        write_agenda,
        "- title: a\n  script: x\n  speaker: Ann\n- title: b\n  kind: break\n"
        "  duration: 5m\n  recipients: [x]\n",
    )
    assert diags == [
        "8:5: error: 'speaker' is not used by a script item (only by speech items)",
        "12:5: error: 'recipients' is not used by a break item (only by awards items)",
    ]


def test_bad_durations_say_what_is_expected(write_agenda: WriteAgenda) -> None:
    _, diags = load(
        write_agenda,
        """
        - {title: a, script: x, duration: 5 minutes}
        - {title: b, script: x, duration: 0}
        - {title: c, script: x, duration: 25h}
        - {title: d, script: x, duration: [1]}
        """,
    )
    assert diags == [
        "6:37: error: 'duration': bad duration '5 minutes': expected a duration such as 90s, "
        "2m, 1m30s, 1:30 or 2分钟",
        "7:37: error: 'duration': bad duration '0': a duration must be more than zero, such as 30s",
        "8:37: error: 'duration': bad duration '25h': a duration must be at most 24 hours (24h)",
        "9:37: error: 'duration' must be a duration such as 2m, not a list",
    ]


def test_speech_item(write_agenda: WriteAgenda) -> None:
    result, diags = load(
        write_agenda,
        """
        - kind: speech
          title: Keynote
          speaker: Dr Ada
          intro: Please welcome Dr Ada.
          duration: 25m
          outro: Thank you.
        """,
    )
    assert diags == []
    assert result.agenda is not None
    item = result.agenda.items[0]
    assert (item.duration_s, item.estimated, item.warn_s, item.danger_s) == (1500, False, 120, 60)
    intro, speech, outro = item.cues
    assert (intro.kind, intro.text, intro.spoken) == (
        CueKind.INTRO,
        "Please welcome Dr Ada.",
        "Please welcome Dr Ada.",
    )
    assert (speech.kind, speech.text, speech.speaker, speech.duration_s, speech.spoken) == (
        CueKind.SPEECH,
        "Dr Ada",
        "Dr Ada",
        1500,
        "",
    )
    assert (outro.kind, outro.text) == (CueKind.OUTRO, "Thank you.")


@pytest.mark.parametrize(
    ("extra", "duration", "warn", "danger"),
    [
        ("", "90s", 90, 60),
        ("", "45s", 45, 45),
        ("warn: 5m", "25m", 300, 60),
        ("warn: 30s", "25m", 30, 30),
        ("danger: 90s", "25m", 120, 90),
        ("{warn: 3m, danger: 3m}", "3m", 180, 180),
    ],
)
def test_speech_warn_and_danger_defaults_are_clamped(
    write_agenda: WriteAgenda, extra: str, duration: str, warn: int, danger: int
) -> None:
    if extra.startswith("{"):
        extra = extra.strip("{}").replace(", ", "\n  ")
    result, diags = load(
        write_agenda,
        f"- kind: speech\n  title: s\n  speaker: A\n  duration: {duration}\n  {extra}\n",
    )
    assert diags == []
    assert result.agenda is not None
    assert (result.agenda.items[0].warn_s, result.agenda.items[0].danger_s) == (warn, danger)


def test_speech_warn_and_danger_errors(write_agenda: WriteAgenda) -> None:
    _, diags = load(
        write_agenda,
        """
        - {kind: speech, title: a, speaker: A, duration: 2m, warn: 3m}
        - {kind: speech, title: b, speaker: A, duration: 5m, danger: 6m}
        - {kind: speech, title: c, speaker: A, duration: 5m, warn: 1m, danger: 2m}
        - {kind: speech, title: d, speaker: A, duration: 25m, danger: 3m}
        """,
    )
    assert diags == [
        "6:62: error: 'warn' 3:00 is longer than the speech's duration 2:00",
        "7:64: error: 'danger' 6:00 is longer than the speech's duration 5:00",
        "8:74: error: 'danger' 2:00 is more than 'warn' 1:00: the timer turns to warning "
        "before danger",
        "9:65: error: 'danger' 3:00 is more than 'warn' 2:00 (the default): the timer turns to "
        "warning before danger",
    ]


def test_speech_and_break_require_their_keys(write_agenda: WriteAgenda) -> None:
    _, diags = load(write_agenda, "- kind: speech\n  title: s\n- kind: break\n  title: b\n")
    assert diags == [
        "6:5: error: missing required key 'speaker' in item 1 (a speech)",
        "6:5: error: missing required key 'duration' in item 1 (a speech's allotted time)",
        "8:5: error: missing required key 'duration' in item 2 (a break's length)",
    ]


def test_break_item(write_agenda: WriteAgenda) -> None:
    result, diags = load(
        write_agenda,
        "- {kind: break, title: Tea, duration: 10m}\n"
        "- {kind: break, title: Lunch, duration: 1h, script: [Lunch is served., Back at 14:00.]}\n"
        "- {kind: break, title: Quiet, duration: 1m, script: shh, speak: no}\n",
    )
    assert diags == []
    assert result.agenda is not None
    tea, lunch, quiet = (item.cues[0] for item in result.agenda.items)
    assert (tea.kind, tea.text, tea.spoken, tea.duration_s) == (CueKind.BREAK, "", "", 600)
    assert lunch.text == "Lunch is served.\nBack at 14:00."
    assert lunch.spoken == lunch.text
    assert (quiet.text, quiet.spoken) == ("shh", "")


def test_speak_false_silences_every_cue_but_keeps_text(write_agenda: WriteAgenda) -> None:
    result, diags = load(
        write_agenda,
        "- {kind: speech, title: s, speaker: A, duration: 5m, intro: Hi, speak: off}\n"
        "- {kind: awards, title: a, recipients: [X Y], speak: false}\n",
    )
    assert diags == []
    assert result.agenda is not None
    cues = [c for item in result.agenda.items for c in item.cues]
    assert [c.text for c in cues] == ["Hi", "A", "Please come to the stage: X Y."]
    assert [c.spoken for c in cues] == ["", "", ""]


def test_fixed_at_times(write_agenda: WriteAgenda) -> None:
    result, diags = load(
        write_agenda,
        """
        - {title: a, script: x, duration: 1h}
        - {kind: break, title: lunch, duration: 1h, at: '12:00'}
        """,
    )
    assert diags == []
    assert result.agenda is not None
    assert result.agenda.items[1].at_s == 12 * 3600


def test_at_overrun_and_before_start_warn(write_agenda: WriteAgenda) -> None:
    result, diags = load(
        write_agenda,
        """
        - {title: a, script: x, duration: 3h}
        - {kind: break, title: lunch, duration: 1h, at: 11:30}
        - {title: early, script: x, duration: 1m, at: 08:00}
        """,
    )
    assert result.agenda is not None
    assert diags == [
        "7:51: warning: earlier items run until 12:00:00, past this item's fixed start 11:30:00",
        "8:49: warning: 'at' 08:00:00 is before the meeting's start 09:00:00",
    ]


def test_at_needs_meeting_start(write_agenda: WriteAgenda) -> None:
    head = "podium: 1\nmeeting: {title: T}\nitems:\n"
    _, diags = load(write_agenda, "- {title: a, script: x, at: '12:00'}\n", head)
    assert diags == ["4:31: error: 'at' needs the meeting's 'start' (meeting.start: 09:00)"]


def test_bad_clock_times(write_agenda: WriteAgenda) -> None:
    head = "podium: 1\nmeeting:\n  title: T\n  start: 9am\nitems:\n"
    _, diags = load(write_agenda, "- {title: a, script: x, at: '25:00'}\n", head)
    assert diags == [
        "4:10: error: 'start': bad clock time '9am': expected a 24-hour time such as 09:00 "
        "or 13:30:00",
        "6:31: error: 'at': bad clock time '25:00': expected a 24-hour time such as 09:00 "
        "or 13:30:00",
    ]


def test_all_problems_in_one_pass(write_agenda: WriteAgenda) -> None:
    _, diags = load(
        write_agenda,
        """
        - {title: a, script: x, duration: soon}
        - {kind: speech, title: b, duration: 5m}
        - {title: c, script: '{nope}', speak: maybe}
        - {kind: awards, title: d, recipients: []}
        """,
    )
    assert len([d for d in diags if "error" in d]) == 5
