"""Silent damage and edges an agenda or CSV can cause (issue 15), each as a class: wrong
decodings, swallowed rows, keys of any script, midnight, repeats through aliases, tags."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from podium.agenda import suggest
from podium.agenda.loader import load_agenda
from podium.agenda.plan import make_plan

EN = "podium: 1\nmeeting:\n  title: T\nitems:\n"


def load(tmp_path: Path, data: bytes | str, name: str = "a.yaml"):
    path = tmp_path / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return load_agenda(str(path))


def messages(result) -> list[str]:
    return [f"{d.line}:{d.col}: {d.severity}: {d.message}" for d in result.diagnostics]


@pytest.mark.parametrize(
    "text",
    [
        EN + "  - title: Grüße aus München\n    script: Café für Müller\n",
        EN + "  - title: Ça va\n    script: Zoë\n",
    ],
)
def test_an_8_bit_agenda_is_never_silently_mojibake(tmp_path: Path, text: str) -> None:
    result = load(tmp_path, text.encode("cp1252"))
    out = messages(result)
    assert out, "a Windows-1252 file must not validate without a word"
    assert any("another encoding" in m or "not UTF-8" in m for m in out)


def test_gb18030_chinese_reads_as_chinese_without_a_warning(tmp_path: Path) -> None:
    text = EN.replace("T", "全区会议") + "  - title: 开场\n    script: 请朱镕基、张喆同志讲话。\n"
    result = load(tmp_path, text.encode("gb18030"))
    assert messages(result) == []
    assert result.agenda is not None and result.agenda.items[0].title == "开场"


def test_a_csv_mixing_utf8_and_gb18030_lines_is_warned_at_a_utf8_line(tmp_path: Path) -> None:
    (tmp_path / "p.csv").write_bytes(
        b"name\n" + "李四\n".encode("gb18030") + "张三\n".encode() + "王五\n".encode("gb18030")
    )
    result = load(tmp_path, EN + "  - kind: awards\n    title: a\n    recipients_csv: p.csv\n")
    out = messages(result)
    assert len(out) == 1
    assert out[0].startswith("7:21: warning: p.csv line 3: this line is UTF-8 but line 2 is not")


@pytest.mark.parametrize(
    ("csv", "line"),
    [
        ('name,unit\nA,x\n"B,y\nC,z\nD,w\n', 3),
        ('name,unit\nA,"x\nB,y\nC,z\n', 2),
        ('name\nA\n"B\nC"\nD\n', 3),
    ],
)
def test_an_unmatched_quote_swallowing_rows_is_warned_with_its_line(
    tmp_path: Path, csv: str, line: int
) -> None:
    (tmp_path / "p.csv").write_text(csv)
    result = load(tmp_path, EN + "  - kind: awards\n    title: a\n    recipients_csv: p.csv\n")
    out = messages(result)
    assert len(out) == 1, out
    assert out[0].startswith(f"7:21: warning: p.csv line {line}: one row runs over")
    assert "closing '\"'" in out[0]


@pytest.mark.parametrize(
    "key",
    ["अध्यक्ष", "नाम", unicodedata.normalize("NFD", "président"), "président", "ชื่อ", "张_1"],
)
def test_placeholder_keys_of_any_script_in_any_normalisation(tmp_path: Path, key: str) -> None:
    composed = unicodedata.normalize("NFC", key)
    decomposed = unicodedata.normalize("NFD", key)
    text = (
        "podium: 1\nmeeting:\n  title: T\nnames:\n"
        f"  {key}: X\nitems:\n  - title: t\n    script: a {{{composed}}} b {{{decomposed}}}\n"
    )
    result = load(tmp_path, text)
    assert messages(result) == []
    assert result.agenda is not None
    assert result.agenda.items[0].cues[0].text == "a X b X"


def test_a_key_twice_in_two_normalisations_is_an_error(tmp_path: Path) -> None:
    nfc, nfd = "é", unicodedata.normalize("NFD", "é")
    text = (
        f"podium: 1\nmeeting:\n  title: T\nnames:\n  {nfc}: A\n  {nfd}: B\nitems:\n  - title: t\n"
    )
    out = messages(load(tmp_path, text))
    assert any(m.startswith("6:3: error: key 'é' given twice") for m in out)


def test_a_meeting_past_midnight_plans_the_next_day(tmp_path: Path) -> None:
    text = (
        "podium: 1\nmeeting:\n  title: T\n  start: '23:30'\nitems:\n"
        "  - {title: a, duration: 30m, script: s}\n"
        "  - {title: b, at: '00:45', duration: 10m, script: s}\n"
    )
    result = load(tmp_path, text)
    assert messages(result) == []
    assert result.agenda is not None
    plan = make_plan(result.agenda)
    assert [p.offset_s for p in plan.items] == [0, 75 * 60]
    assert plan.start_clock(plan.items[1].offset_s) == "00:45:00"
    assert plan.total_s == 85 * 60


def test_an_at_shortly_before_the_start_stays_a_warning(tmp_path: Path) -> None:
    text = (
        "podium: 1\nmeeting:\n  title: T\n  start: '09:00'\nitems:\n"
        "  - {title: b, at: '08:00', duration: 10m, script: s}\n"
    )
    out = messages(load(tmp_path, text))
    assert out == ["6:20: warning: 'at' 08:00:00 is before the meeting's start 09:00:00"]


def test_a_meeting_over_a_day_is_warned(tmp_path: Path) -> None:
    script = " ".join(["word"] * 200_000)
    result = load(tmp_path, EN + f"  - title: t\n    script: {script}\n" * 2)
    out = messages(result)
    assert any("more than a day" in m for m in out), out


def test_a_duplicate_id_through_an_alias_is_reported_at_the_alias(tmp_path: Path) -> None:
    text = EN + (
        "  - &opening\n    id: opening\n    title: Opening\n    script: hi\n"
        "  - {title: x, script: y}\n"
        "  - *opening\n"
        "  - <<: *opening\n    title: again\n"
    )
    out = messages(load(tmp_path, text))
    assert out == [
        "10:5: error: duplicate id 'opening' (first at line 6)",
        "11:5: error: duplicate id 'opening' (first at line 6)",
    ]


@pytest.mark.parametrize("tag", ["!custom", "!!python/object:os.system", "!<tag:x.org,1:y>"])
def test_unknown_tags_are_warned_at_their_place(tmp_path: Path, tag: str) -> None:
    out = messages(load(tmp_path, EN + f"  - title: {tag} hello\n    script: s\n"))
    assert len(out) == 1 and out[0].startswith("5:12: warning: unknown tag")
    assert messages(load(tmp_path, EN + "  - title: !!str hello!\n    script: s!\n")) == []


def test_did_you_mean_is_bounded_for_large_vocabularies(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import difflib

    compared: list[int] = []
    real = difflib.get_close_matches

    def counting(word, possibilities, n=3, cutoff=0.6):
        possibilities = list(possibilities)
        compared.append(len(possibilities))
        return real(word, possibilities, n, cutoff)

    monkeypatch.setattr(difflib, "get_close_matches", counting)
    names = "".join(f"  key_{i:05d}_name: V{i}\n" for i in range(5000))
    typos = " ".join(f"{{kye_{i:05d}_nmae}}" for i in range(300))
    text = (
        "podium: 1\nmeeting:\n  title: T\nnames:\n"
        + names
        + f"items:\n  - title: t\n    script: '{typos}'\n"
    )
    out = messages(load(tmp_path, text))
    assert len(out) == 300
    assert "did you mean '{key_00007_name}'" in out[7]
    assert len(compared) <= suggest.MAX_SUGGESTIONS
    assert max(compared) <= suggest.CANDIDATES
