"""The core knows no screen: importing the agenda, the engine (every module) or text-to-speech
loads no textual, and text-to-speech loads neither the screen nor the engine. Each check runs in
a fresh interpreter so nothing imported by other tests can hide an import."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest

PROBE = textwrap.dedent(
    """
    import importlib, json, pkgutil, sys

    imported = []
    for name in sys.argv[1:]:
        module = importlib.import_module(name)
        imported.append(name)
        for info in pkgutil.walk_packages(getattr(module, "__path__", []), name + "."):
            importlib.import_module(info.name)
            imported.append(info.name)
    print(json.dumps({"imported": imported, "modules": sorted(sys.modules)}))
    """
)


def probe(*packages: str) -> tuple[list[str], set[str]]:
    """Import `packages` (and every module under them) in a fresh interpreter."""
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *packages], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    return report["imported"], set(report["modules"])


def _loaded(modules: set[str], top: str) -> list[str]:
    return sorted(m for m in modules if m == top or m.startswith(top + "."))


@pytest.mark.parametrize("package", ["podium.agenda", "podium.engine", "podium.tts"])
def test_core_packages_import_no_textual(package: str) -> None:
    imported, modules = probe(package)
    assert imported[0] == package
    assert _loaded(modules, "textual") == []
    assert _loaded(modules, "podium.tui") == []


def test_agenda_loading_stays_light() -> None:
    imported, modules = probe("podium.agenda", "podium.cli.validate", "podium.cli.schema")
    assert "podium.agenda.loader" in imported
    for heavy in ("textual", "jsonschema", "pydantic", "rich", "podium.tui"):
        assert _loaded(modules, heavy) == [], heavy


def test_tts_imports_neither_screen_nor_engine() -> None:
    _, modules = probe("podium.tts")
    assert _loaded(modules, "podium.engine") == []
    assert _loaded(modules, "podium.tui") == []
    assert _loaded(modules, "textual") == []


def test_the_probe_would_notice_textual() -> None:
    """Guard against a probe that can never fail."""
    _, modules = probe("textual.app")
    assert _loaded(modules, "textual") != []
