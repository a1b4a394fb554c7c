"""Broken variants of a full agenda: every one loads without an exception, reports its problems,
and has no agenda exactly when it has an error (never a silent refusal)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from podium.agenda.loader import load_agenda

FULL = """\
podium: 1
meeting:
  title: 全区信息工作会议
  date: 2026-03-12
  start: 09:00
  venue: 区委三楼会议室
  language: zh
  reading_rate: 200
names:
  副书记: 张建国
items:
  - id: opening
    title: 开场
    duration: 2m
    notes: 看稿
    script:
      - 同志们:今天召开全区信息工作会议……
      - 区委副书记{副书记}同志
  - id: awards
    kind: awards
    title: 颁发荣誉证书
    intro: 下面颁奖。
    batch: 2
    per_call: 40s
    groups:
      - award: 先进集体
        call: 请{names}的代表上台领奖。
        recipients: [区委办信息科, 区府办综合科, 城东街道]
      - award: 先进个人
        recipients:
          - name: 王芳
            unit: 城东街道
          - {name: 单田芳, say: 善田芳}
  - id: speech
    kind: speech
    title: 区委副书记讲话
    speaker: 区委副书记{副书记}同志
    duration: 25m
    warn: 3m
    danger: 1m
    speak: yes
  - kind: break
    title: 茶歇
    duration: 10m
    at: '10:00'
    script: 休息十分钟
"""

LINES = FULL.splitlines(keepends=True)
VALUE = re.compile(r"^(\s*(?:- )?[^\s:#][^:#]*:)\s+\S.*$")


def variants() -> list[tuple[str, str]]:
    out = []
    for i, line in enumerate(LINES):
        out.append((f"drop line {i + 1}", "".join(LINES[:i] + LINES[i + 1 :])))
        match = VALUE.match(line.rstrip("\n"))
        if match:
            for label, value in [
                ("empty", ""),
                ("null", " ~"),
                ("list", " [x]"),
                ("mapping", " {a: 1}"),
                ("zero", " 0"),
                ("word", " zz"),
            ]:
                changed = match.group(1) + value + "\n"
                out.append(
                    (f"line {i + 1} {label}", "".join([*LINES[:i], changed, *LINES[i + 1 :]]))
                )
    return out


def test_the_full_agenda_is_valid(tmp_path: Path) -> None:
    path = tmp_path / "full.yaml"
    path.write_text(FULL, encoding="utf-8")
    result = load_agenda(str(path))
    assert result.diagnostics == []
    assert result.agenda is not None


@pytest.mark.parametrize(("label", "text"), variants(), ids=[label for label, _ in variants()])
def test_no_agenda_exactly_when_there_is_an_error(tmp_path: Path, label: str, text: str) -> None:
    path = tmp_path / "variant.yaml"
    path.write_text(text, encoding="utf-8")
    result = load_agenda(str(path))
    assert (result.agenda is None) == bool(result.errors), [str(d) for d in result.diagnostics]
    for diag in result.diagnostics:
        assert diag.line >= 1 and diag.col >= 1
        assert diag.message and "\n" not in diag.message


def test_random_character_edits_never_raise(tmp_path: Path) -> None:
    """A seeded fuzz: a few hundred agendas with random YAML punctuation inserted, deleted or
    replaced. Each must load to diagnostics, and no agenda exactly when there is an error."""
    import random

    rng = random.Random(20260312)
    alphabet = [*":-[]{},&*!|>'\"#\n \t~?%@`\\0123456789ab", "{x}", "{{", "<<: ", "\n  - "]
    path = tmp_path / "fuzz.yaml"
    for _ in range(400):
        chars = list(FULL)
        for _ in range(rng.randint(1, 6)):
            i = rng.randrange(len(chars))
            op = rng.random()
            if op < 0.4:
                chars[i] = rng.choice(alphabet)
            elif op < 0.7:
                del chars[i]
            else:
                chars.insert(i, rng.choice(alphabet))
        text = "".join(chars)
        path.write_text(text, encoding="utf-8")
        result = load_agenda(str(path))
        assert (result.agenda is None) == bool(result.errors), text
