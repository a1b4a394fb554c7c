"""Big inputs inside every limit load in bounded memory and CPU time (issue 15: work that grows
with input). Each runs `podium validate` in a subprocess under `resource` limits generous
enough for a slow machine; no time is asserted, only that the limits are never hit."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

MiB = 1024 * 1024


def limited(cpu_s: int, memory: int) -> Callable[[], None]:
    def apply() -> None:
        resource.setrlimit(resource.RLIMIT_CPU, (cpu_s, cpu_s))
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))

    return apply


def validate(
    path: Path, cpu_s: int = 240, memory: int = 1536 * MiB
) -> subprocess.CompletedProcess[str]:
    out = subprocess.run(
        [sys.executable, "-m", "podium", "validate", str(path)],
        capture_output=True,
        text=True,
        preexec_fn=limited(cpu_s, memory),
        timeout=cpu_s * 4,
    )
    assert out.returncode in (0, 1), (out.returncode, out.stderr[-2000:])
    assert "internal error" not in out.stderr and "MemoryError" not in out.stderr
    return out


HEAD = "podium: 1\nmeeting:\n  title: T\n"


def test_thousands_of_unknown_placeholders_in_one_text(tmp_path: Path) -> None:
    script = " ".join(f"{{u{i}}}" for i in range(8000))
    path = tmp_path / "a.yaml"
    path.write_text(HEAD + f"items:\n  - title: t\n    script: '{script}'\n")
    out = validate(path, cpu_s=60)
    assert out.returncode == 1
    assert out.stderr.count("unknown placeholder") == 8000
    last = out.stderr.strip().splitlines()[-1]
    assert f":6:{len('    script: ') + 2 + script.rindex('{')}:" in last


def test_tens_of_thousands_of_names_with_typos(tmp_path: Path) -> None:
    names = "".join(f"  key_{i:05d}_name: V{i}\n" for i in range(20_000))
    typos = " ".join(f"{{kye_{i:05d}_nmae}}" for i in range(50))
    path = tmp_path / "a.yaml"
    path.write_text(HEAD + "names:\n" + names + f"items:\n  - title: t\n    script: '{typos}'\n")
    out = validate(path, cpu_s=60)
    assert out.stderr.count("unknown placeholder") == 50
    assert "did you mean '{key_00049_name}'" in out.stderr


BIG_MEMORY = 640 * MiB
"""Address space for the 16 MiB inputs: they peak near 400 MB (the node tree of a 16 MiB
agenda is compact; a CSV counts for every group naming it), PyYAML's own nodes took 740 MB."""


def test_a_16_mib_agenda_inside_every_limit(tmp_path: Path) -> None:
    lines = [HEAD, "items:\n  - kind: awards\n    title: a\n    batch: 5\n    per_call: 1s\n"]
    lines.append("    recipients:\n")
    size, i = sum(map(len, lines)), 0
    while True:
        row = f"      - name: Person {i:07d}\n        unit: Unit {i % 977}\n"
        if size + len(row) > 16 * MiB - 16:
            break
        lines.append(row)
        size += len(row)
        i += 1
    path = tmp_path / "big.yaml"
    path.write_text("".join(lines))
    assert path.stat().st_size <= 16 * MiB
    out = validate(path, memory=BIG_MEMORY)
    assert out.returncode == 0, out.stderr[-500:]
    assert f"ok, 1 item, {(i + 4) // 5:,} cues" in out.stdout


def big_csv(folder: Path) -> int:
    """A 16 MiB people.csv in `folder`; its number of rows."""
    rows, size, i = ["name,unit\n"], 10, 0
    while True:
        row = f"Person {i:07d},Unit {i % 977}\n"
        if size + len(row) > 16 * MiB - 16:
            break
        rows.append(row)
        size += len(row)
        i += 1
    (folder / "people.csv").write_text("".join(rows))
    return i


@pytest.mark.parametrize(("groups", "batch"), [(8, 100), (100, 1_000_000)])
def test_many_groups_reading_the_same_16_mib_csv(tmp_path: Path, groups: int, batch: int) -> None:
    """Each use counts toward the 32 MiB of CSV an agenda may read: two uses fit, the third
    and every later one is refused at its place, so memory stays that of two uses (each use
    makes its own cues, however large the batch)."""
    rows = big_csv(tmp_path)
    names = "".join("      - recipients_csv: people.csv\n" for _ in range(groups))
    path = tmp_path / "a.yaml"
    path.write_text(
        HEAD + f"items:\n  - kind: awards\n    title: a\n    batch: {batch}\n"
        "    per_call: 1s\n    groups:\n" + names
    )
    out = validate(path, memory=BIG_MEMORY)
    assert out.returncode == 1
    errors = out.stderr.splitlines()
    assert len(errors) == groups - 2, errors[:3]
    first_group_line = 10
    assert errors[0].startswith(
        f"{path}:{first_group_line + 2}:25: error: recipients_csv people.csv"
    )
    assert all("would take this agenda's CSV files past 32 MiB in all" in e for e in errors)
    assert rows > 600_000


@pytest.mark.parametrize("source", ["/dev/zero", "/dev/urandom", "fifo", "folder"])
@pytest.mark.parametrize(
    "command", [["validate"], ["plan"], ["plan", "--format", "csv", "--spoken"]]
)
def test_a_special_file_as_the_agenda_is_refused_at_once(
    tmp_path: Path, source: str, command: list[str]
) -> None:
    """Nothing is read from a device, a pipe (nobody writes to it: reading would wait for
    ever) or a folder, by any command that reads an agenda: one sentence, exit 2."""
    if source == "fifo":
        source = str(tmp_path / "agenda.yaml")
        os.mkfifo(source)
    elif source == "folder":
        source = str(tmp_path)
    out = subprocess.run(
        [sys.executable, "-m", "podium", command[0], source, *command[1:]],
        capture_output=True,
        text=True,
        preexec_fn=limited(30, 512 * MiB),
        timeout=120,
    )
    assert out.returncode == 2, out.stderr
    [line] = out.stderr.splitlines()
    assert line.startswith(f"podium: error: cannot open {source}: ")
    assert line.endswith("Is a directory" if source == str(tmp_path) else "not a regular file")
    # validate says it on stdout too, in its one line per file; plan prints no sheet
    assert out.stdout == (f"{source}: cannot be opened\n" if command == ["validate"] else "")
