"""docs/make_screenshot.py, which makes the README's screenshot, still reaches the keynote
and saves the podium in it (so the picture can always be regenerated)."""

from __future__ import annotations

import asyncio
import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_readme_screenshot_can_be_regenerated(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location(
        "podium_docs_screenshot", ROOT / "docs" / "make_screenshot.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    out = tmp_path / "podium.svg"
    asyncio.run(module.shoot(out))
    svg = out.read_text(encoding="utf-8")
    assert svg.lstrip().startswith("<svg")
    for seen in ("Keynote", "WARNING", "Professor"):
        assert seen in svg
