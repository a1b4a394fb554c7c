"""The documentation is the user reference: it covers what the code accepts, and it points only
inside the repository.

- every key the loader accepts (its own key tables) has a row in docs/agenda-format.md, and
  every key documented there is accepted; every example agenda in it loads without error;
- every `podium` command and option (from the real argument parser) is in docs/commands.md;
- README, docs and the source never point at files outside the repository (`shared/`);
- every relative link in README and docs reaches a file (and a heading, with `#`), and the
  docs index links every page.
"""

from __future__ import annotations

import argparse
import re
import unicodedata
from pathlib import Path

import pytest

from podium.agenda import csvrecipients, keys
from podium.agenda.loader import load_agenda
from podium.agenda.model import ItemKind
from podium.cli import build_parser

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
README = ROOT / "README.md"
FORMAT = DOCS / "agenda-format.md"
COMMANDS = DOCS / "commands.md"

# Which section of agenda-format.md documents each of the loader's key tables.
TABLE_SECTIONS = {
    "TOP_KEYS": "The top level",
    "MEETING_KEYS": "`meeting`",
    "COMMON_ITEM_KEYS": "Every item",
    "GROUP_KEYS": "Groups",
    "RECIPIENT_KEYS": "Recipients",
    "CUE_KEYS": "Two hosts: `who`",
}
KIND_SECTIONS = {
    ItemKind.SCRIPT: "Script items",
    ItemKind.SPEECH: "Speech items",
    ItemKind.AWARDS: "Awards items",
    ItemKind.BREAK: "Break items",
}
CSV_SECTION = "Recipient CSV files"


def sections(path: Path) -> dict[str, str]:
    """Heading text → the text under it, up to the next heading of any level."""
    out: dict[str, str] = {}
    heading = ""
    fenced = False
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("```"):
            fenced = not fenced
        match = None if fenced else re.match(r"#{1,6} (.+)", line)
        if match:
            heading = match.group(1).strip()
            out[heading] = ""
        else:
            out[heading] = out.get(heading, "") + line + "\n"
    return out


def table_keys(body: str, cells: int = 1) -> set[str]:
    """The `code` names in the first `cells` cells of each table row (header rows excluded)."""
    found: set[str] = set()
    for line in body.splitlines():
        if not line.startswith("|") or set(line) <= set("|-: "):
            continue
        row = [c.strip() for c in line.strip().strip("|").split("|")]
        for cell in row[:cells]:
            found.update(re.findall(r"`([^`]+)`", cell))
    return found


@pytest.fixture(scope="module")
def format_sections() -> dict[str, str]:
    return sections(FORMAT)


def test_every_key_table_of_the_loader_has_a_section() -> None:
    tables = {
        name
        for name, value in vars(keys).items()
        if name.endswith("_KEYS") and isinstance(value, tuple)
    }
    # ANY_ITEM_KEYS is the union the others make (for an item of unknown kind).
    union = {*keys.COMMON_ITEM_KEYS, *(k for v in keys.KIND_KEYS.values() for k in v)}
    assert set(keys.ANY_ITEM_KEYS) == union
    tables.discard("ANY_ITEM_KEYS")
    assert tables == set(TABLE_SECTIONS), "a new key table needs a section in agenda-format.md"
    assert set(keys.KIND_KEYS) == set(KIND_SECTIONS)


@pytest.mark.parametrize("table", sorted(TABLE_SECTIONS))
def test_each_key_table_is_documented_exactly(format_sections: dict[str, str], table: str) -> None:
    accepted = set(getattr(keys, table))
    documented = table_keys(format_sections[TABLE_SECTIONS[table]])
    assert accepted - documented == set(), f"undocumented keys of {table}"
    assert documented - accepted == set(), f"documented but not accepted ({table})"


@pytest.mark.parametrize("kind", list(ItemKind), ids=str)
def test_each_kinds_own_keys_are_documented_exactly(
    format_sections: dict[str, str], kind: ItemKind
) -> None:
    accepted = set(keys.KIND_KEYS[kind])
    documented = table_keys(format_sections[KIND_SECTIONS[kind]])
    # An awards item may carry one group's keys itself: those rows are in "Groups".
    in_groups = table_keys(format_sections[TABLE_SECTIONS["GROUP_KEYS"]])
    missing = accepted - documented - (in_groups if kind is ItemKind.AWARDS else set())
    assert missing == set(), f"undocumented keys of {kind} items"
    assert documented - accepted == set(), f"documented but not accepted by {kind} items"
    if kind is ItemKind.AWARDS:
        assert accepted & in_groups <= set(keys.GROUP_KEYS)


def test_every_kind_is_named(format_sections: dict[str, str]) -> None:
    kind_row = next(
        line for line in format_sections["Every item"].splitlines() if line.startswith("| `kind`")
    )
    for kind in ItemKind:
        assert f"`{kind.value}`" in kind_row


def test_every_csv_column_name_is_documented(format_sections: dict[str, str]) -> None:
    body = format_sections[CSV_SECTION]
    documented = table_keys(body, cells=2) | {
        name.strip() for name in re.findall(r"`([^`]+)`", body)
    }
    columns = set(csvrecipients._COLUMNS)
    assert columns - documented == set()
    assert {c for c in table_keys(body, cells=1)} <= set(csvrecipients._COLUMNS.values())


def _yaml_blocks(path: Path) -> list[str]:
    return re.findall(r"```yaml\n(.*?)```", path.read_text(encoding="utf-8"), flags=re.DOTALL)


def test_the_example_agendas_in_the_reference_load(tmp_path: Path) -> None:
    """Whole agendas load as they are; item examples load inside a minimal agenda."""
    blocks = _yaml_blocks(FORMAT)
    tried = 0
    for n, block in enumerate(blocks):
        if block.startswith("podium: 1\n") and "items:" in block:
            text = block
        elif block.startswith("  - "):
            text = "podium: 1\nmeeting: {title: T, start: '09:00', language: zh}\nitems:\n" + block
        else:
            continue  # a fragment of a mapping (names, recipients, the schema modeline)
        for csv_name in re.findall(r"recipients_csv: (\S+)", text):
            (tmp_path / csv_name).write_text("name\n王芳\n", encoding="utf-8")
        path = tmp_path / f"example-{n}.yaml"
        path.write_text(text, encoding="utf-8")
        result = load_agenda(str(path))
        assert result.errors == [], f"example {n} of agenda-format.md:\n{text}"
        tried += 1
    assert tried >= 6


def _subcommands() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


def test_every_command_and_option_is_in_commands_md() -> None:
    docs = sections(COMMANDS)
    top = docs.get("", "")
    top += docs.get("Commands", "")
    for action in build_parser()._actions:
        for option in action.option_strings:
            if option.startswith("--") and option != "--help":
                assert f"`{option}" in top, f"podium {option} is not in commands.md"
    for name, sub in _subcommands().items():
        heading = f"`podium {name}`"
        assert heading in docs, f"commands.md has no section {heading}"
        body = docs[heading] + "".join(
            text for title, text in docs.items() if title.startswith("Where") and name == "run"
        )
        for action in sub._actions:
            if isinstance(action, argparse._HelpAction):
                continue
            names = [o for o in action.option_strings if o.startswith("--")] or [
                str(action.metavar or action.dest)
            ]
            for option in names:
                assert f"`{option}" in body, f"podium {name} {option} is not in commands.md"


def _documents() -> list[Path]:
    return [README, *sorted(DOCS.glob("*.md"))]


def _sources() -> list[Path]:
    src = ROOT / "src" / "podium"
    return [p for p in sorted(src.rglob("*")) if p.suffix in (".py", ".tcss", ".po", ".html")]


@pytest.mark.parametrize(
    "path", [*_documents(), *_sources()], ids=lambda p: str(p.relative_to(ROOT))
)
def test_nothing_points_outside_the_repository(path: Path) -> None:
    text = path.read_text(encoding="utf-8", errors="replace")
    for needle in ("../shared", "shared/"):
        assert needle not in text, f"{path.relative_to(ROOT)} mentions {needle!r}"


@pytest.mark.parametrize("path", _sources(), ids=lambda p: str(p.relative_to(ROOT)))
def test_pages_named_in_the_source_exist(path: Path) -> None:
    """A docstring that sends the reader to `docs/x.md` (or `x.md`) names a page we have."""
    text = path.read_text(encoding="utf-8", errors="replace")
    for name in re.findall(r"[\w./-]*\b[\w-]+\.md\b", text):
        candidates = [ROOT / name, DOCS / Path(name).name, ROOT / Path(name).name]
        assert any(c.is_file() for c in candidates), f"{path.relative_to(ROOT)} names {name}"


def slug(heading: str) -> str:
    """The anchor GitHub (and most Markdown viewers) give a heading."""
    text = heading.strip().lower()
    text = "".join(c for c in text if c in " -_" or unicodedata.category(c)[0] in "LN")
    return text.replace(" ", "-")


_LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)\)")


@pytest.mark.parametrize("path", _documents(), ids=lambda p: str(p.relative_to(ROOT)))
def test_every_relative_link_reaches_its_target(path: Path) -> None:
    text = re.sub(r"```.*?```", "", path.read_text(encoding="utf-8"), flags=re.DOTALL)
    for target in _LINK.findall(text):
        if re.match(r"[a-z]+:", target):
            continue  # http(s), mailto
        file_part, _, anchor = target.partition("#")
        dest = (path.parent / file_part).resolve() if file_part else path
        assert dest.exists(), f"{path.name}: link to {target} goes nowhere"
        assert ROOT in dest.parents or dest == ROOT, f"{path.name}: {target} leaves the repository"
        if anchor and dest.suffix == ".md":
            anchors = {slug(h) for h in sections(dest) if h}
            assert anchor in anchors, f"{path.name}: no heading #{anchor} in {dest.name}"


def test_the_index_links_every_page() -> None:
    index = (DOCS / "README.md").read_text(encoding="utf-8")
    linked = {t.partition("#")[0] for t in _LINK.findall(index)}
    pages = {p.name for p in DOCS.glob("*.md")} - {"README.md"}
    assert pages - linked == set(), "docs/README.md does not link these pages"


def test_the_readme_says_where_journals_go_and_shows_the_podium() -> None:
    readme = README.read_text(encoding="utf-8")
    assert "platformdirs" in readme and "~/.local/state/podium/journals/" in readme
    assert "](docs/podium.svg)" in readme
    svg = (DOCS / "podium.svg").read_text(encoding="utf-8")
    assert svg.lstrip().startswith("<svg") and "Keynote" in svg
