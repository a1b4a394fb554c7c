"""YAML as a tree of positioned nodes: composed (never constructed), so no YAML 1.1 value
conversion, no object construction and no code can run; compact nodes (a 16 MiB agenda's
tree takes about a third of the memory PyYAML's own nodes take); the alias-expansion guard."""

from __future__ import annotations

import sys
import threading
from typing import TYPE_CHECKING, Any, cast

from podium.agenda.pyyaml import yaml
from podium.i18n import N_

if TYPE_CHECKING:  # the same interface either way; the checker needs one static base
    _Base = yaml.SafeLoader
else:
    try:
        _Base = yaml.CSafeLoader
    except AttributeError:  # PyYAML built without libyaml
        _Base = yaml.SafeLoader


class Mark:
    """Where a node starts or ends: a character index of the decoded text, nothing more (the
    loader computes lines and columns itself, by YAML 1.2's line breaks: `positions`)."""

    __slots__ = ("index",)

    def __init__(self, index: int) -> None:
        self.index = index

    def __str__(self) -> str:
        return f"  at character {self.index}"


class Node:
    """A composed YAML node, compact: PyYAML's nodes keep two mark objects each (name, index,
    line, column, buffer, pointer) in a per-instance dict, about 1.8 KB per recipient of
    `name` and `unit` in a big agenda; these keep the start index and the length in slots,
    short repeated values (keys such as `name`) shared, and make a `Mark` only when asked."""

    __slots__ = ("_length", "_start", "tag", "value")
    tag: str
    value: Any

    def __init__(self, tag: str, value: Any, start_mark: Any, end_mark: Any) -> None:
        self.tag = tag
        self.value = value
        self._start: int = start_mark.index
        self._length: int = 0 if end_mark is None else end_mark.index - self._start

    @property
    def start_mark(self) -> Mark:
        return Mark(self._start)

    @property
    def end_mark(self) -> Mark:
        return Mark(self._start + self._length)

    @end_mark.setter
    def end_mark(self, mark: Any) -> None:  # the composer sets a collection's end last
        self._length = mark.index - self._start


class ScalarNode(Node):
    __slots__ = ("style",)

    def __init__(
        self,
        tag: str,
        value: str,
        start_mark: Any = None,
        end_mark: Any = None,
        style: str | None = None,
    ) -> None:
        # Keys repeat by the thousand in a big agenda: one copy of each (names, which are
        # mostly unique, are not interned: that would only grow the table of interned words).
        if len(value) <= 16 and value.isascii() and value.isidentifier():
            value = sys.intern(value)
        super().__init__(tag, value, start_mark, end_mark)
        self.style = style


class CollectionNode(Node):
    __slots__ = ("flow_style",)

    def __init__(
        self,
        tag: str,
        value: Any,
        start_mark: Any = None,
        end_mark: Any = None,
        flow_style: bool | None = None,
    ) -> None:
        super().__init__(tag, value, start_mark, end_mark)
        self.flow_style = flow_style


class SequenceNode(CollectionNode):
    __slots__ = ()


class MappingNode(CollectionNode):
    __slots__ = ()


_STR_TAG = "tag:yaml.org,2002:str"
_TAGS: dict[type, str] = {
    ScalarNode: _STR_TAG,
    SequenceNode: "tag:yaml.org,2002:seq",
    MappingNode: "tag:yaml.org,2002:map",
}


class _NodeLoader(_Base):
    """Composes nodes without YAML 1.1 implicit typing: the loader reads every scalar's text
    itself, so resolving `09:00` or `no` to a type would only cost time (half of composing)."""

    def resolve(self, kind: type, value: object, implicit: object) -> str:
        return _TAGS.get(kind, _STR_TAG)


# The composers (libyaml's and the pure-Python one) build nodes from these module names.
_COMPOSERS = [yaml.composer]
try:
    import yaml._yaml

    _COMPOSERS.append(yaml._yaml)
except ImportError:  # PyYAML built without libyaml
    pass
_NODE_NAMES = ("ScalarNode", "SequenceNode", "MappingNode")
_COMPOSING = threading.Lock()


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
    """The document's root node (None for an empty document), made of this module's compact
    nodes. Raises yaml.YAMLError.

    PyYAML's composers look their node classes up by name in their modules; for the length
    of one composition (one at a time) those names stand for the compact classes, then for
    PyYAML's own again, so nothing else that uses PyYAML sees a difference."""
    with _COMPOSING:
        saved = [(m, [getattr(m, n) for n in _NODE_NAMES]) for m in _COMPOSERS]
        for module in _COMPOSERS:
            for name, cls in zip(_NODE_NAMES, (ScalarNode, SequenceNode, MappingNode), strict=True):
                setattr(module, name, cls)
        loader = _NodeLoader(text)
        try:
            root: Node | None = cast("Node | None", loader.get_single_node())
            return root
        finally:
            loader.dispose()
            for module, classes in saved:
                for name, cls in zip(_NODE_NAMES, classes, strict=True):
                    setattr(module, name, cls)


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
