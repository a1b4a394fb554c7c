"""Checks over every node of a composed document, done only when the text can hold what they
look for: control characters (they can only come from escapes in double-quoted text, or be
raw separators and bidi controls) and explicit tags podium does not know."""

from __future__ import annotations

import re

from podium.agenda.reporting import Reporter
from podium.agenda.yamlnodes import MappingNode, Node, ScalarNode, SequenceNode
from podium.i18n import _
from podium.textsafe import control_name, find_controls, printable

MAX_CONTROL_WARNINGS = 100
"""Control characters warned about one by one; past this, one warning says how many more."""

_RAW_SUSPECT = re.compile("[\x85\u2028\u2029\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]")
_TAG_START = re.compile(r"(?:^|[\s\[{,:?-])!")
_YAML = "tag:yaml.org,2002:"
KNOWN_TAGS = frozenset(
    _YAML + name
    for name in (
        "str",
        "seq",
        "map",
        "int",
        "float",
        "bool",
        "null",
        "timestamp",
        "binary",
        "merge",
        "omap",
        "pairs",
        "set",
        "value",
    )
)


def scan_document(root: Node, text: str, report: Reporter) -> None:
    controls = "\\" in text or _RAW_SUSPECT.search(text) is not None
    tags = "!" in text and _TAG_START.search(text) is not None
    if not (controls or tags):
        return
    seen: set[int] = set()
    stack = [root]
    warned = more = 0
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if tags and node.tag not in KNOWN_TAGS and not _implicit(node):
            report.warn(
                node,
                _("unknown tag '{tag}' ignored: {how}").format(
                    tag=_shown(node.tag), how=_read_as(node)
                ),
            )
        if isinstance(node, ScalarNode):
            if controls:
                value: str = node.value
                for offset in find_controls(value):
                    if warned >= MAX_CONTROL_WARNINGS:
                        more += 1
                        continue
                    warned += 1
                    char = value[offset]
                    report.warn_in(
                        node,
                        value,
                        offset,
                        _(
                            "control character {name} in the text: podium prints it as {shown}, "
                            "never raw; remove it"
                        ).format(name=control_name(char), shown=printable(char, one_line=True)),
                    )
        elif isinstance(node, SequenceNode):
            stack.extend(reversed(node.value))
        elif isinstance(node, MappingNode):
            for key, value_node in reversed(node.value):
                stack.append(value_node)
                stack.append(key)
    if more:
        report.warn(
            root,
            _("{n} more control characters in the file (not listed)").format(n=f"{more:,}"),
        )


def _implicit(node: Node) -> bool:
    """Tags the composer gave (no tag written): plain text, lists and mappings."""
    return node.tag in (_YAML + "str", _YAML + "seq", _YAML + "map")


def _shown(tag: str) -> str:
    return "!!" + tag[len(_YAML) :] if tag.startswith(_YAML) else tag


def _read_as(node: Node) -> str:
    if isinstance(node, MappingNode):
        return _("the value is read as a plain mapping")
    if isinstance(node, SequenceNode):
        return _("the value is read as a plain list")
    return _("the value is read as plain text")
