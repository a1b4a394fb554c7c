"""`podium validate` and `podium plan --format json` against a bare CSafeLoader read of the
same bytes, in-process (interpreter start-up and imports excluded, so the ratio is the cost of
podium's loading itself)."""

from __future__ import annotations

import contextlib
import csv
import gc
import io
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks import agendas
from benchmarks.harness import Context, Figure, Target, compared, interleaved, missing

SECTION = "Loading"
VALIDATE_TARGET = Target("ratio", "median", 3.0, "≤ 3× bare YAML load")


def _timed(call: Callable[[], object]) -> Callable[[], float]:
    def run() -> float:
        gc.collect()
        start = time.perf_counter()
        call()
        return (time.perf_counter() - start) * 1000

    return run


def _yaml_load(path: Path, with_csv: list[Path]) -> Callable[[], object]:
    import yaml

    def load() -> object:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
        rows = []
        for file in with_csv:
            with open(file, encoding="utf-8", newline="") as f:
                rows.append(list(csv.DictReader(f)))
        return data, rows

    return load


class CommandFailed(Exception):
    """`podium …` did not succeed; the message is its last line of output."""


def _podium(argv: list[str]) -> Callable[[], object]:
    from podium.cli import main

    def run() -> object:
        out, err = io.StringIO(), io.StringIO()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = main(argv)
        if code not in (0, 1) or (code == 1 and "error" in err.getvalue()):
            lines = (err.getvalue() or out.getvalue()).strip().splitlines() or [f"exit {code}"]
            raise CommandFailed(f"`podium {' '.join(argv[:1])}` exit {code}: {lines[-1][:160]}")
        return out

    return run


def _one(
    ctx: Context,
    label: str,
    agenda: Path,
    csv_files: list[Path],
    names: int | None = None,
    form: str = "",
) -> list[Figure]:
    """validate and plan of one agenda file, interleaved with the bare read of the same bytes."""
    runs = {
        "yaml": _timed(_yaml_load(agenda, csv_files)),
        "validate": _timed(_podium(["validate", str(agenda)])),
        "plan": _timed(_podium(["plan", "--format", "json", str(agenda)])),
    }
    baseline = "CSafeLoader" + (" + csv.DictReader" if csv_files else "")
    try:
        samples = interleaved(runs, ctx.repeats(7))
    except CommandFailed as exc:
        return [
            missing(SECTION, f"validate, {label}", str(exc), names=names),
            missing(SECTION, f"plan --format json, {label}", str(exc), names=names),
        ]
    target = (VALIDATE_TARGET,) if names else ()
    return [
        compared(
            SECTION,
            f"{command}, {label}",
            "ms",
            samples[key],
            baseline,
            samples["yaml"],
            target if key == "validate" else (),
            names=names,
            family=f"{family} ({form})" if form else "",
        )
        for key, command, family in (
            ("validate", "validate", "validate"),
            ("plan", "plan --format json", "plan json"),
        )
    ]


def measure(ctx: Context) -> list[Figure]:
    figures: list[Figure] = []
    try:
        import podium.cli.validate  # noqa: F401
    except ImportError as exc:
        why = f"`podium validate` is not there yet ({exc})"
        return [missing(SECTION, "validate and plan", why)]
    try:
        conf = agendas.conference()
        ctx.log("loading: conference")
        figures += _one(ctx, "conference", conf.path, [])
    except agendas.AgendaMissing as exc:
        figures.append(missing(SECTION, "validate, conference", str(exc)))
    for names in ctx.sizes:
        try:
            agenda = agendas.commencement(names, ctx.work / "agendas")
        except agendas.AgendaMissing as exc:
            figures.append(missing(SECTION, f"validate, {names:,} names", str(exc)))
            continue
        ctx.log(f"loading: {names:,} names")
        inline = agendas.inlined(agenda)
        figures += _one(ctx, f"{names:,} names, one file", inline.path, [], names, "one file")
        figures += _one(
            ctx,
            f"{names:,} names, CSV files",
            agenda.path,
            agendas.csv_files(agenda),
            names,
            "CSV files",
        )
    return figures
