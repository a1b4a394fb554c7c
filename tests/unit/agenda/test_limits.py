"""Limits that keep a hostile or runaway file from hanging or exhausting the podium: size,
alias expansion ("billion laughs"), cue count and nesting depth."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from podium.agenda import limits, loader
from podium.agenda.encoding import MAX_FILE_BYTES
from podium.agenda.loader import load_agenda

WriteAgenda = Callable[..., str]
HEAD = "podium: 1\nmeeting: {title: t}\nitems:\n"


def messages(path: str) -> list[str]:
    result = load_agenda(path)
    assert result.agenda is None
    return [f"{d.line}:{d.col}: {d.severity}: {d.message}" for d in result.diagnostics]


def test_billion_laughs_is_refused(write_agenda: WriteAgenda) -> None:
    lines = ['a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, 10):
        refs = ", ".join([f"*a{i - 1}"] * 9)
        lines.append(f"a{i}: &a{i} [{refs}]")
    text = HEAD.replace("items:\n", "names:\n") + "\n".join("  " + ln for ln in lines) + "\n"
    text += "items:\n  - {title: x, script: '{a9}'}\n"
    diags = messages(write_agenda(text))
    assert len(diags) == 1
    assert "aliases expand past 100,000 nodes" in diags[0]


def test_recursive_alias_is_refused(write_agenda: WriteAgenda) -> None:
    diags = messages(write_agenda(HEAD + "  - &x [*x, *x]\n"))
    assert len(diags) == 1
    assert "aliases expand past 100,000 nodes" in diags[0]


def test_recursive_merge_is_refused(write_agenda: WriteAgenda) -> None:
    diags = messages(write_agenda(HEAD + "  - &x {title: t, <<: *x}\n"))
    assert len(diags) == 1
    assert "aliases expand past 100,000 nodes" in diags[0]


def test_alias_limit_counts_only_expansion(
    write_agenda: WriteAgenda, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(limits, "MAX_ALIAS_NODES", 10)
    # Each use of *r expands the recipient mapping (5 nodes: itself, 2 keys, 2 values) again.
    body = (
        HEAD + "  - kind: awards\n    title: t\n    recipients:\n      - &r {name: A, unit: R&D}\n"
    )
    ok = body + "      - *r\n      - *r\n"
    result = load_agenda(write_agenda(ok))
    assert result.diagnostics == [] and result.agenda is not None
    assert [c.names for c in result.agenda.items[0].cues] == [("A",), ("A",), ("A",)]
    diags = messages(write_agenda(body + "      - *r\n      - *r\n      - *r\n", "b.yaml"))
    assert diags == [
        "7:9: error: aliases expand past 10 nodes (this anchor is used too often, or inside "
        "itself); refusing the document"
    ]


def test_many_nodes_and_one_anchor_are_fine(write_agenda: WriteAgenda) -> None:
    # 30,000 recipients as mappings is some 150,000 nodes; the one anchor makes the alias walk
    # run, and it must count only what aliases expand.
    people = "".join(f"      - {{name: P{i}, unit: *u}}\n" for i in range(30_000))
    text = (
        "podium: 1\nmeeting: {title: t, venue: &u Hall}\nitems:\n"
        "  - kind: awards\n    title: t\n    batch: 10\n    per_call: 20s\n    recipients:\n"
        + people
    )
    result = load_agenda(write_agenda(text))
    assert result.diagnostics == []
    assert result.agenda is not None and result.agenda.cue_count == 3000
    assert result.agenda.items[0].cues[0].units[0] == "Hall"


@pytest.mark.parametrize(
    ("text", "anchored"),
    [
        ("&a x", True),
        ("k: &a x", True),
        ("- &a\n  k: v", True),
        ("k: [&a x, *a]", True),
        ("k: {a: &a x}", True),
        ("k: !!str &a x", True),
        ("k: R&D", False),
        ("k: Q & A", False),
        ("k: 'Tom &Jerry'", True),  # a false alarm only costs the walk
    ],
)
def test_anchor_detection(text: str, anchored: bool) -> None:
    assert (loader._ANCHOR.search(text) is not None) is anchored


def test_oversized_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    path.write_bytes(b"#" * (MAX_FILE_BYTES + 1))
    assert messages(str(path)) == [
        "1:1: error: the file is larger than 16 MiB (16,777,217 bytes or more); an agenda must "
        "be at most 16 MiB"
    ]


def test_file_at_the_size_limit_is_read(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_bytes(b"#" * MAX_FILE_BYTES)
    assert messages(str(path))[0].startswith("1:1: error: the file is empty")


def test_cue_limit(write_agenda: WriteAgenda, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_CUES", 5)
    five = (
        HEAD
        + "  - {title: a, script: [1, 2]}\n  - {kind: awards, title: b, recipients: [A, B, C]}\n"
    )
    result = load_agenda(write_agenda(five))
    assert result.agenda is not None and result.agenda.cue_count == 5
    six = five + "  - {title: c, script: x}\n"
    assert messages(write_agenda(six, "six.yaml")) == [
        "6:5: error: the agenda unfolds into more than 5 cues; refusing it "
        "(split the meeting into several agendas)"
    ]


def test_more_than_200000_cues_is_refused_before_building(write_agenda: WriteAgenda) -> None:
    names = ", ".join(["a"] * 200_001)
    text = HEAD + f"  - {{kind: awards, title: t, recipients: [{names}]}}\n"
    diags = messages(write_agenda(text))
    assert diags == [
        "4:42: error: the agenda unfolds into more than 200,000 cues; refusing it "
        "(split the meeting into several agendas)"
    ]


def test_deep_nesting_is_a_yaml_error_not_a_crash(write_agenda: WriteAgenda) -> None:
    text = HEAD + "  - title: " + "[" * 100_000 + "]" * 100_000 + "\n"
    diags = messages(write_agenda(text))
    assert len(diags) == 1
    assert "not valid YAML" in diags[0]
