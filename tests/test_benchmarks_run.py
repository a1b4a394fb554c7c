"""The benchmark harness runs end to end at a tiny size and writes its results; no time is
asserted (timings belong in benchmarks/README.md, not in pass/fail)."""

from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path

import pytest
from benchmarks import report
from benchmarks.harness import Figure, Target, compared
from benchmarks.stats import Summary, percentile

ROOT = Path(__file__).resolve().parent.parent


def test_percentile_interpolates_between_ranks() -> None:
    assert percentile([1, 2, 3, 4, 5], 50) == 3
    assert percentile([10, 20], 90) == pytest.approx(19)
    assert Summary.of([5, 1, 3]).median == 3


def test_ratio_is_paired_run_by_run() -> None:
    figure = compared("s", "x", "ms", [20, 40], "base", [10, 10])
    assert figure.ratio is not None
    assert sorted(figure.ratio.samples) == [2.0, 4.0]


def test_status_follows_the_targets() -> None:
    limit = (Target("ratio", "median", 1.5, "≤ 1.5×"),)
    assert compared("s", "x", "ms", [14, 14], "b", [10, 10], limit).status == "PASS"
    assert compared("s", "x", "ms", [16, 16], "b", [10, 10], limit).status == "MISS"
    assert Figure("s", "x", "", not_measured="no screen yet", targets=limit).status == (
        "not measured"
    )


def test_growth_table_flags_quadratic_growth() -> None:
    def fam(values: list[float]) -> list[Figure]:
        return [
            Figure("s", f"{n}", "ms", value=Summary.of([v, v]), names=n, family="f")
            for n, v in zip((1000, 5000, 20000), values, strict=True)
        ]

    linear = report.growth_rows(fam([10, 50, 200]), (1000, 5000, 20000))
    quadratic = report.growth_rows(fam([1, 25, 400]), (1000, 5000, 20000))
    assert "linearly or better" in linear[-1]
    assert "faster than linearly" in quadratic[-1]


def test_readme_keeps_hand_written_sections(tmp_path: Path) -> None:
    readme = tmp_path / "README.md"
    report.write_readme(readme, f"{report.BEGIN}\nfirst\n{report.END}\n")
    readme.write_text(readme.read_text() + "\n## Profiles\n\nwritten by hand\n")
    report.write_readme(readme, f"{report.BEGIN}\nsecond\n{report.END}\n")
    text = readme.read_text()
    assert "second" in text and "first" not in text
    assert text.count(report.BEGIN) == 1
    assert "written by hand" in text


@pytest.mark.e2e
def test_quick_run_writes_every_measurement(tmp_path: Path) -> None:
    readme = tmp_path / "README.md"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "benchmarks",
            "--quick",
            "--out",
            str(tmp_path),
            "--readme",
            str(readme),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    text = readme.read_text(encoding="utf-8")
    assert report.BEGIN in text and report.END in text
    for fact in ("| cpus |", "| textual |", "| pyyaml |"):
        assert fact in text
    data = json.loads((tmp_path / "latest.json").read_text(encoding="utf-8"))
    figures = data["figures"]
    sections = {f["section"] for f in figures}
    for word in (
        "Loading",
        "Imports",
        "Journal",
        "First frame",
        "GO → repainted",
        "memory",
        "event loop",
    ):
        assert any(word in s for s in sections), f"no {word!r} section in {sorted(sections)}"
    assert not [f for f in figures if "harness failed" in f["not_measured"]]
    for f in figures:
        if f["not_measured"]:
            assert f["status"] == "not measured"
            assert f"not measured: {f['not_measured'][:40]}" in text
            continue
        assert f["value"]["n"] >= 1 and all(v >= 0 for v in f["value"]["samples"])
        if f["ratio"] is not None:
            assert math.isfinite(f["ratio"]["median"]) and f["ratio"]["median"] > 0
    # The baselines themselves never depend on podium: they are always measured.
    baselines = {f["baseline_name"] for f in figures if f["baseline"]}
    assert {"CSafeLoader", "hello-world"} <= baselines
