"""`python -m benchmarks [--quick] [--only NAME,…]`: run the measurements, write the results."""

from __future__ import annotations

import argparse
import importlib
import sys
import tempfile
import traceback
from pathlib import Path

from benchmarks import machine, report
from benchmarks.harness import ROOT, Context, Figure, missing

MEASUREMENTS = (
    "loading", "importing", "imports", "journal_cost", "first_frame", "repaint", "memory",
    "speech", "remote", "big_journal",
)  # fmt: skip
"""Modules of this package with a `measure(ctx) -> list[Figure]`, run in this order."""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="tiny sizes, two repeats (tests)")
    parser.add_argument("--only", metavar="NAMES", help="comma list of: " + ",".join(MEASUREMENTS))
    parser.add_argument(
        "--out", type=Path, default=ROOT / "benchmarks" / "results", help="raw results folder"
    )
    parser.add_argument(
        "--readme", type=Path, default=ROOT / "benchmarks" / "README.md", help="README to update"
    )
    args = parser.parse_args(argv)
    chosen = MEASUREMENTS if not args.only else tuple(args.only.split(","))
    unknown = [name for name in chosen if name not in MEASUREMENTS]
    if unknown:
        parser.error(f"unknown measurement {unknown[0]!r}")

    about = machine.describe()
    figures: list[Figure] = []
    with tempfile.TemporaryDirectory(prefix="podium-bench-") as work:
        ctx = Context(quick=args.quick, work=Path(work))
        for name in chosen:
            ctx.log(f"{name} …")
            try:
                module = importlib.import_module(f"benchmarks.{name}")
                figures += module.measure(ctx)
            except Exception as exc:  # one broken measurement must not lose the others
                traceback.print_exc(file=sys.stderr)
                figures.append(missing(name, name, f"the harness failed: {exc!r}"[:200]))
        ctx.log("done")

    report.write_json(args.out / "latest.json", about, figures)
    report.write_readme(args.readme, report.markdown(about, figures, ctx.sizes))
    print(f"wrote {args.readme} and {args.out / 'latest.json'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
