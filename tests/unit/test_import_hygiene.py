"""The core knows no screen: importing the agenda, the engine (every module) or text-to-speech
loads no textual, and text-to-speech loads neither the screen nor the engine. Each check runs in
a fresh interpreter so nothing imported by other tests can hide an import."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

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


@pytest.mark.parametrize("package", ["podium.agenda", "podium.engine", "podium.host", "podium.tts"])
def test_core_packages_import_no_textual(package: str) -> None:
    imported, modules = probe(package)
    assert imported[0] == package
    assert _loaded(modules, "textual") == []
    assert _loaded(modules, "podium.tui") == []


def test_agenda_loading_stays_light() -> None:
    imported, modules = probe("podium.agenda", "podium.cli.validate", "podium.cli.schema")
    assert "podium.agenda.loader" in imported
    for heavy in ("textual", "jsonschema", "pydantic", "rich", "podium.tui", "podium.importer",
                  "docx", "lxml"):  # fmt: skip
        assert _loaded(modules, heavy) == [], heavy


def test_the_importer_loads_python_docx_only_for_a_word_file() -> None:
    """Every module of the importer, imported: no python-docx (its reader imports it when a
    .docx is imported), no screen."""
    imported, modules = probe("podium.importer", "podium.cli.import_script")
    assert "podium.importer.docx" in imported
    for heavy in ("docx", "lxml", "textual", "podium.tui", "podium.engine"):
        assert _loaded(modules, heavy) == [], heavy


def test_the_probe_would_notice_python_docx() -> None:
    _, modules = probe("docx")
    assert _loaded(modules, "docx") != []


def test_tts_imports_neither_screen_nor_engine() -> None:
    _, modules = probe("podium.tts")
    assert _loaded(modules, "podium.engine") == []
    assert _loaded(modules, "podium.tui") == []
    assert _loaded(modules, "textual") == []


def test_the_probe_would_notice_textual() -> None:
    """Guard against a probe that can never fail."""
    _, modules = probe("textual.app")
    assert _loaded(modules, "textual") != []


RUN_PROBE = textwrap.dedent(
    """
    import json, sys
    from textual.app import App

    async def shown(pilot):
        await pilot.pause()
        pilot.app.exit()

    run = App.run
    App.run = lambda self, **kw: run(self, headless=True, auto_pilot=shown, **kw)
    from podium.cli import main

    code = main(["run", sys.argv[1], "--fresh", "--journal", sys.argv[2], *sys.argv[3:]])
    print(json.dumps({"code": code, "modules": sorted(sys.modules)}))
    """
)


def test_podium_run_without_tts_loads_no_speech_and_no_dialog(tmp_path: Path) -> None:
    """`podium run` without --tts shows its screen without text-to-speech, the dialogs or the
    report (the first frame is benchmarked against a hello-world app)."""
    agenda = Path(__file__).parents[2] / "agendas" / "district-conference.zh.yaml"
    done = subprocess.run(
        [sys.executable, "-c", RUN_PROBE, str(agenda), str(tmp_path / "journal.jsonl")],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "XDG_STATE_HOME": str(tmp_path)},
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["code"] == 0
    modules = set(report["modules"])
    assert "podium.tui.app" in modules  # the screen did run
    for lazy in ("podium.tts", "pyttsx3", "podium.tui.screens.help", "podium.tui.screens.jump",
                 "podium.tui.screens.confirm", "podium.tui.screens.summary",
                 "podium.engine.report", "podium.engine.restore", "podium.engine.replay",
                 "podium.importer", "docx"):  # fmt: skip
        assert _loaded(modules, lazy) == [], lazy
    # what the first frame does not show: the blank view, the too-small notice, the message
    # to the host, printed run sheets, the other commands, Textual's DataTable
    for lazy in ("podium.tui.widgets.blank_view", "textual.widgets._digits",
                 "podium.tui.widgets.message_banner", "podium.agenda.runsheet.text_sheet",
                 "podium.agenda.runsheet.html_sheet", "podium.agenda.runsheet.markdown_sheet",
                 "podium.agenda.runsheet.csv_sheet", "podium.agenda.runsheet.json_sheet",
                 "podium.agenda.runsheet.printed", "podium.cli.plan", "podium.cli.report",
                 "podium.cli.validate", "podium.cli.import_script", "podium.cli.schema",
                 "textual.widgets._data_table"):  # fmt: skip
        assert _loaded(modules, lazy) == [], lazy
    # remote control: only with --serve/--osc
    for lazy in ("aiohttp", "pythonosc", "segno", "podium.remote", "podium.cli.remote",
                 "podium.tui.remote_panel", "podium.host.snapshot"):  # fmt: skip
        assert _loaded(modules, lazy) == [], lazy


def test_podium_run_with_serve_loads_the_server(tmp_path: Path) -> None:
    """The other side of the rule above: --serve does load the server (so the probe would see
    it), in the same process, and the screen still runs."""
    agenda = Path(__file__).parents[2] / "agendas" / "quick-demo.en.yaml"
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            RUN_PROBE,
            str(agenda),
            str(tmp_path / "journal.jsonl"),
            "--serve",
            "127.0.0.1:0",
            "--osc",
            "127.0.0.1:0",
        ],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "XDG_STATE_HOME": str(tmp_path)},
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["code"] == 0
    modules = set(report["modules"])
    for loaded in ("podium.remote.server", "aiohttp.web", "pythonosc", "podium.tui.app"):
        assert _loaded(modules, loaded) != [], loaded
    assert "podium: view    http://127.0.0.1:" in done.stderr


FIRST_FRAME_PROBE = textwrap.dedent(
    """
    import gc, json, sys
    from textual.app import App

    seen = {}
    display = App._display

    def _display(self, screen, renderable):
        display(self, screen, renderable)
        if renderable is not None and "first" not in seen:
            import yaml

            from podium.agenda.pyyaml import LazyPattern

            found = [yaml.reader.Reader.NON_PRINTABLE]
            found.append(yaml.constructor.SafeConstructor.timestamp_regexp)
            for resolvers in yaml.resolver.Resolver.yaml_implicit_resolvers.values():
                found += [regexp for _tag, regexp in resolvers]
            patterns = [p for p in found if isinstance(p, LazyPattern)]
            from podium.agenda import placeholders, slips, yaml_words

            ours = [placeholders._MASKED, placeholders._STANDIN, slips._COLON_KEY]
            ours += [slips._INDENT, slips._LINE_KEY] + [p for p, _ in yaml_words._PATTERNS]
            seen["first"] = {
                "modules": sorted(sys.modules),
                "patterns": len(patterns),
                "compiled": sum(p.compiled for p in patterns),
                "ours": [isinstance(p, LazyPattern) and not p.compiled for p in ours],
                "footer": [type(w).__name__ for w in self.screen.query("#footer *")],
            }

    async def shown(pilot):
        await pilot.pause()
        await pilot.pause()
        footer = [type(w).__name__ for w in pilot.app.screen.query("#footer *")]
        seen["after"] = {"footer": footer, "collecting": gc.isenabled()}
        pilot.app.exit()

    App._display = _display
    run = App.run
    App.run = lambda self, **kw: run(self, headless=True, auto_pilot=shown, **kw)
    from podium.cli import main

    code = main(["run", sys.argv[1], "--fresh", "--journal", sys.argv[2]])
    print(json.dumps({"code": code, **seen}))
    """
)


def test_the_first_frame_of_podium_run_waits_for_nothing_it_does_not_show(tmp_path: Path) -> None:
    """Before the first frame of a plain `podium run`: no key footer (it moves into its row
    right after, with its keys), none of the regular expressions PyYAML compiles at import
    (podium composes with libyaml and resolves no YAML 1.1 types; they are compiled when first
    used), nor podium's own that only unusual input needs."""
    agenda = Path(__file__).parents[2] / "agendas" / "district-conference.zh.yaml"
    done = subprocess.run(
        [sys.executable, "-c", FIRST_FRAME_PROBE, str(agenda), str(tmp_path / "journal.jsonl")],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "XDG_STATE_HOME": str(tmp_path)},
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["code"] == 0
    first = report["first"]
    modules = set(first["modules"])
    assert "podium.tui.app" in modules and "yaml" in modules  # the probe saw the screen
    for lazy in ("textual.widgets._footer", "textual.widgets._label"):
        assert _loaded(modules, lazy) == [], lazy
    assert first["footer"] == []
    assert "Footer" in report["after"]["footer"]  # and then the footer is there, with its keys
    assert "FooterKey" in report["after"]["footer"]
    assert report["after"]["collecting"]  # the collector, off until the first frame, is back
    assert first["patterns"] >= 5  # PyYAML's import-time expressions, all deferred …
    assert first["compiled"] == 0  # … and loading the agenda compiled none of them
    # podium's own rarely needed expressions (masked names, slips, PyYAML's wording) likewise
    assert first["ours"] and all(first["ours"]), first["ours"]


def test_pyyaml_behaves_as_before_for_anyone_else_in_the_process() -> None:
    """The deferred expressions compile when used: implicit types and the pure-Python reader's
    check of non-printable characters work as in a plain PyYAML."""
    code = textwrap.dedent(
        """
        import json
        import podium.agenda.loader
        import yaml

        typed = yaml.safe_load("a: yes\\nb: 1.5\\nc: 2020-01-02\\nd: ~\\ne: 0x1F")
        try:
            yaml.load("a: \\x07", Loader=yaml.SafeLoader)
            refused = ""
        except yaml.reader.ReaderError as exc:
            refused = str(exc)
        print(json.dumps({"typed": repr(typed), "refused": refused}))
        """
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["typed"] == repr(
        {"a": True, "b": 1.5, "c": __import__("datetime").date(2020, 1, 2), "d": None, "e": 31}
    )
    assert "special characters are not allowed" in report["refused"]
