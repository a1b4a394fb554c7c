"""YAML as a tree of positioned nodes: composed (never constructed), so no YAML 1.1 value
conversion, no object construction and no code can run; plus the alias-expansion guard."""

from __future__ import annotations

from typing import TYPE_CHECKING

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from podium.i18n import N_

if TYPE_CHECKING:  # the same interface either way; the checker needs one static base
    _Base = yaml.SafeLoader
else:
    try:
        _Base = yaml.CSafeLoader
    except AttributeError:  # PyYAML built without libyaml
        _Base = yaml.SafeLoader

_STR_TAG = "tag:yaml.org,2002:str"
_TAGS = {
    ScalarNode: _STR_TAG,
    SequenceNode: "tag:yaml.org,2002:seq",
    MappingNode: "tag:yaml.org,2002:map",
}


class _NodeLoader(_Base):
    """Composes nodes without YAML 1.1 implicit typing: the loader reads every scalar's text
    itself, so resolving `09:00` or `no` to a type would only cost time (half of composing)."""

    def resolve(self, kind: type, value: object, implicit: object) -> str:
        return _TAGS.get(kind, _STR_TAG)


__all__ = [
    "MappingNode",
    "Node",
    "ScalarNode",
    "SequenceNode",
    "compose",
    "expansion_overflow",
    "is_null",
    "kind_name",
]

_NULLS = frozenset(("", "~", "null", "Null", "NULL"))


def compose(text: str) -> Node | None:
    """The document's root node (None for an empty document). Raises yaml.YAMLError."""
    loader = _NodeLoader(text)
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()


def is_null(node: Node) -> bool:
    """A plain empty value, `~` or `null`: the key is there but says nothing."""
    return isinstance(node, ScalarNode) and not node.style and node.value in _NULLS


def kind_name(node: Node) -> str:
    """How to name a node's type in a message (English; translate it with `_()` where shown)."""
    if isinstance(node, MappingNode):
        return N_("a mapping")
    if isinstance(node, SequenceNode):
        return N_("a list")
    return N_("empty") if is_null(node) else N_("text")


def expansion_overflow(root: Node, limit: int) -> Node | None:
    """The node at which expanding aliases passes `limit` nodes, or None if it stays below.

    A node reached again (through an alias) counts again, with everything under it, so a
    "billion laughs" document is stopped after `limit` steps, in bounded memory. A recursive
    alias is stopped the same way.
    """
    seen: set[int] = set()
    expanded = 0
    stack: list[tuple[Node, bool]] = [(root, False)]
    pop, push = stack.pop, stack.append
    while stack:
        node, via_alias = pop()
        if not via_alias:
            if id(node) in seen:
                via_alias = True
            else:
                seen.add(id(node))
        if via_alias:
            expanded += 1
            if expanded > limit:
                return node
        if isinstance(node, ScalarNode):
            continue
        if isinstance(node, SequenceNode):
            for child in node.value:
                push((child, via_alias))
        else:
            for key, value in node.value:
                push((key, via_alias))
                push((value, via_alias))
    return None
