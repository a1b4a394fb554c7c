"""`podium import` of a long host script against reading the same file's text and splitting it
into lines, in-process (interpreter start-up and imports excluded)."""

from __future__ import annotations

import contextlib
import gc
import io
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks.harness import Context, Figure, Target, compared, interleaved, missing

SECTION = "Importing"
PARAGRAPHS = 10_000
IMPORT_TARGET = Target("value", "median", 5000.0, "≤ 5 s for 10,000 paragraphs")

_PARTS = (
    "同志们，今天我们在这里召开全区工作会议，总结经验、部署任务，进一步推动各项工作再上新台阶。",
    "今天在主席台就坐的领导有：区委副书记***同志，区政府副区长***同志。",
    "（奏毕）",
    "请区委办主任***同志宣读**年度表彰决定。",
    "……………",
    "下面，向受表彰的先进集体颁发荣誉证书。",
    "先请****的代表上台领奖。",
    "女：让我们以热烈的掌声表示祝贺！",
    "男：一是要提高认识。信息工作十分重要，是直接为领导服务的工作，大家要进一步统一认识。",
    "请张三、李四、王五上台领奖。",
)


def write_script(folder: Path, paragraphs: int) -> Path:
    """A script of `paragraphs` paragraphs in the styles of real ones: a boundary every 50."""
    lines = ["全区工作会议主持词", ""]
    for n in range(paragraphs):
        if n % 50 == 0:
            lines.append(f"现在进行会议第{n // 50 + 1}项议程，请区委副书记***同志讲话，大家欢迎。")
        else:
            lines.append(_PARTS[n % len(_PARTS)])
    path = folder / f"script-{paragraphs}.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _timed(call: Callable[[], object]) -> Callable[[], float]:
    def run() -> float:
        gc.collect()
        start = time.perf_counter()
        call()
        return (time.perf_counter() - start) * 1000

    return run


def measure(ctx: Context) -> list[Figure]:
    try:
        from podium.cli import main
        from podium.importer.run import import_script  # noqa: F401
    except ImportError as exc:
        return [missing(SECTION, "import", f"`podium import` is not there yet ({exc})")]
    paragraphs = 300 if ctx.quick else PARAGRAPHS
    script = write_script(ctx.work, paragraphs)
    out = ctx.work / "imported.yaml"

    def podium_import() -> None:
        err = io.StringIO()
        with contextlib.redirect_stderr(err):
            code = main(["import", str(script), "-o", str(out), "--force"])
        if code != 0:
            raise RuntimeError(f"podium import exit {code}: {err.getvalue()[-200:]}")

    def read_lines() -> None:
        script.read_text(encoding="utf-8").splitlines()

    ctx.log(f"importing: {paragraphs:,} paragraphs")
    runs = {"read": _timed(read_lines), "import": _timed(podium_import)}
    samples = interleaved(runs, ctx.repeats(5))
    return [
        compared(
            SECTION,
            f"import, {paragraphs:,}-paragraph script",
            "ms",
            samples["import"],
            "read_text().splitlines()",
            samples["read"],
            () if ctx.quick else (IMPORT_TARGET,),
        )
    ]
