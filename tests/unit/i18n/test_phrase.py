"""A sentence made before it is known who reads it (`podium.i18n.Phrase`): the terminal gets the
user's language, the screen words it again in its own."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from podium.engine.resume import StartNotice
from podium.i18n import Phrase, in_language
from podium.tui.start_notice import start_notice_text


def test_a_phrase_is_the_users_language_and_can_be_said_in_another(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("LANGUAGE", "en")
    said = Phrase("item '{item}' was removed", item="speech")
    assert said == "item 'speech' was removed" and isinstance(said, str)
    assert said.in_language("zh") == "删除了议程项 'speech'"
    assert in_language(said, "en") == said
    assert in_language("plain text", "zh") == "plain text"
    monkeypatch.setenv("LANGUAGE", "zh_CN")
    assert Phrase("item '{item}' was removed", item="speech") == "删除了议程项 'speech'"


def test_the_screen_words_what_changed_in_its_own_language(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A Chinese meeting on a laptop whose locale is English: the terminal said it in English,
    the Chinese screen says it in Chinese (and the other way round)."""
    monkeypatch.setenv("LANGUAGE", "en")
    start = StartNotice(
        resumed_at=dt.datetime(2026, 3, 12, 9, 0),
        resumed=True,
        changes=(Phrase("item '{item}' now has {n} cues (was {was})", item="a", n=3, was=2),),
    )
    assert start_notice_text(start, "zh") == (
        "已恢复 09:00 的会议 · 议程已改动：议程项 'a' 现有 3 条提示（原为 2 条）"
    )
    monkeypatch.setenv("LANGUAGE", "zh_CN")
    start = StartNotice(resumed=True, changes=(Phrase("the items are in a different order"),))
    assert "the items are in a different order" in (start_notice_text(start, "en") or "")


def test_the_journals_notice_is_worded_again_for_the_screen(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The journal file deleted under a running meeting: the writer writes it again and says
    so once; the screen words that in its own language whatever the locale."""
    from podium.agenda.model import Agenda, Item, ItemKind, Meeting
    from podium.engine.journal import JournalWriter

    monkeypatch.setenv("LANGUAGE", "en")
    agenda = Agenda(
        "/agendas/zh.yaml",
        "0" * 64,
        Meeting(title="t", language="zh"),
        (Item(0, "a", ItemKind.SCRIPT, "a", 60, False, ()),),
    )
    path = tmp_path / "j.jsonl"
    writer = JournalWriter.create(path, agenda, rehearsal=False, now=dt.datetime.now().astimezone())
    try:
        path.unlink()
        writer.check()
        notice = writer.take_notice()
    finally:
        writer.close()
    assert notice is not None and path.exists()
    assert notice.startswith("the journal ") and "wrote it again" in notice
    assert "重新写入" in in_language(notice, "zh")
