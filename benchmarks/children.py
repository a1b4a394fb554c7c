"""Starting `benchmarks.child` processes from the harness and reading back what they measured."""

from __future__ import annotations

import json
import subprocess
import time
from pathlib import Path
from typing import Any

from benchmarks.harness import ROOT, Context


class ChildFailed(Exception):
    """The child process ended without a result; the message is the last line it printed."""


def run_child(
    ctx: Context,
    mode: str,
    app: str,
    agenda: Path | None = None,
    presses: int = 50,
    tts: bool = False,
    timeout: float = 600,
    extra: tuple[str, ...] = (),
) -> dict[str, Any]:
    """Run one child (a fresh process with its own state folder) and return its JSON result."""
    result = ctx.work / f"{mode}-{time.monotonic_ns()}.json"
    argv = [ctx.python, "-m", "benchmarks.child", mode, "--app", app, "--result", str(result)]
    argv += ["--presses", str(presses)]
    if agenda is not None:
        argv += ["--agenda", str(agenda)]
    if tts:
        argv.append("--tts")
    argv += extra
    env = ctx.child_env()
    try:
        done = subprocess.run(
            argv, cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout
        )
    except subprocess.TimeoutExpired as exc:
        raise ChildFailed(f"{mode} did not finish within {timeout:.0f} s") from exc
    if not result.is_file():
        said = done.stderr.strip() or done.stdout.strip() or f"exit {done.returncode}"
        raise ChildFailed(said.splitlines()[-1][:200])
    return json.loads(result.read_text())
