"""The shipped catalogs are complete and current: every marked message has its Chinese, the
.po matches the source, the committed .mo is what compiling the .po gives."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from podium.i18n import LOCALE_DIR
from podium.tui.i18n import LABELS

ROOT = Path(__file__).resolve().parents[3]


def _tools():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("catalogs", ROOT / "tools" / "catalogs.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["catalogs"] = module
    spec.loader.exec_module(module)
    return module


def test_every_message_has_chinese_and_the_catalogs_are_current() -> None:
    """Fails on a message without Chinese, a .po behind the source, or a stale .mo: `make
    catalogs`, then write the missing msgstr in the .po (see docs/translating.md)."""
    problems = _tools().problems()
    assert problems == [], "\n".join(problems)


def test_the_compiled_catalogs_are_in_the_package() -> None:
    for domain in ("podium", "argparse"):
        assert (Path(LOCALE_DIR) / "zh_CN" / "LC_MESSAGES" / f"{domain}.mo").is_file()


def test_a_missing_translation_is_found(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The completeness check can fail: a message added to the source without Chinese."""
    tools = _tools()
    monkeypatch.setattr(tools, "SOURCE", tmp_path)
    (tmp_path / "probe.py").write_text('_("a message nobody translated")\n', encoding="utf-8")
    found = tools.problems()
    assert any("a message nobody translated" in p for p in found), found


def test_screen_labels_are_marked_for_the_catalog() -> None:
    """Labels are `NP_(key, English)`: the key is the message context."""
    for key, entry in LABELS.items():
        assert isinstance(entry, tuple) and entry[0] == key, (
            f"{key}: write it as {key!r}: NP_({key!r}, 'English text') and add the Chinese "
            "to the .po (make catalogs)"
        )
