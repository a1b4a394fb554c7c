"""The compact node tree: the same tree PyYAML composes (kinds, tags, values, styles, start and
end indexes, aliases as the same node), in a fraction of the memory, and PyYAML's own classes
back in place after every composition, failed ones included."""

from __future__ import annotations

import contextlib
import tracemalloc

import pytest
import yaml
import yaml.composer
import yaml.nodes

from podium.agenda import yamlnodes

SAMPLE = """\
podium: 1
meeting: {title: "T\\u00e9", start: '09:00'}
items:
  - &opening
    id: opening
    title: Opening
    script: |
      Good evening.
      中文，全角
    notes: >
      folded
      text
  - *opening
  - <<: *opening
    title: !custom again
  - kind: awards
    recipients: [赵一, "钱二", {name: 孙三, unit: 单位}]
    empty:
    nothing: ~
"""


def pyyaml_tree(text: str) -> yaml.nodes.Node:
    return yaml.compose(text, Loader=yaml.CSafeLoader)


def same(ours: yamlnodes.Node, theirs: yaml.nodes.Node, pairs: dict[int, int]) -> None:
    if id(ours) in pairs:  # an alias: the same node again, on both sides
        assert pairs[id(ours)] == id(theirs)
        return
    pairs[id(ours)] = id(theirs)
    assert type(ours).__name__ == type(theirs).__name__
    assert (ours.start_mark.index, ours.end_mark.index) == (
        theirs.start_mark.index,
        theirs.end_mark.index,
    )
    if isinstance(ours, yamlnodes.ScalarNode):
        assert (ours.value, ours.style) == (theirs.value, theirs.style)
        if theirs.tag.startswith("!"):
            assert ours.tag == theirs.tag
        return
    assert len(ours.value) == len(theirs.value)
    if isinstance(ours, yamlnodes.MappingNode):
        for (k, v), (k2, v2) in zip(ours.value, theirs.value, strict=True):
            same(k, k2, pairs)
            same(v, v2, pairs)
    else:
        for a, b in zip(ours.value, theirs.value, strict=True):
            same(a, b, pairs)


def test_the_compact_tree_is_the_tree_pyyaml_composes() -> None:
    ours = yamlnodes.compose(SAMPLE)
    assert isinstance(ours, yamlnodes.MappingNode)
    same(ours, pyyaml_tree(SAMPLE), {})
    items = dict((k.value, v) for k, v in ours.value)["items"]
    assert items.value[0] is items.value[1]  # `*opening` is the anchored node itself


def test_pyyamls_own_classes_are_back_after_composing() -> None:
    modules = [yaml.composer]
    if hasattr(yaml, "_yaml"):
        modules.append(yaml._yaml)
    for text in (SAMPLE, "a: [unclosed", "a: *nowhere"):
        with contextlib.suppress(yaml.YAMLError):
            yamlnodes.compose(text)
        for module in modules:
            assert module.ScalarNode is yaml.nodes.ScalarNode
            assert module.MappingNode is yaml.nodes.MappingNode
            assert module.SequenceNode is yaml.nodes.SequenceNode
        assert type(pyyaml_tree("a: b")) is yaml.nodes.MappingNode
        assert yaml.load("a: [1, 2]", Loader=yaml.CSafeLoader) == {"a": [1, 2]}


@pytest.mark.parametrize("text", ["a: [unclosed", "a: *nowhere", "- a\nb: c"])
def test_errors_carry_places_as_before(text: str) -> None:
    with pytest.raises(yaml.MarkedYAMLError) as ours:
        yamlnodes.compose(text)
    with pytest.raises(yaml.MarkedYAMLError) as theirs:
        pyyaml_tree(text)
    mark, their_mark = ours.value.problem_mark, theirs.value.problem_mark
    assert mark is not None and their_mark is not None and mark.index == their_mark.index


def test_a_big_list_of_recipients_takes_less_than_half_the_memory() -> None:
    text = "".join(f"- name: Person {i:07d}\n  unit: Unit {i % 97}\n" for i in range(5000))

    def cost(compose) -> int:
        tracemalloc.start()
        try:
            tree = compose(text)
            size = tracemalloc.get_traced_memory()[0]
            del tree
            return size
        finally:
            tracemalloc.stop()

    assert cost(yamlnodes.compose) < 0.55 * cost(pyyaml_tree)


def test_the_pure_python_composer_builds_the_same_compact_tree() -> None:
    """Where PyYAML was built without libyaml, its Python composer makes the compact nodes."""
    import subprocess
    import sys

    code = (
        "import yaml, sys\n"
        "del yaml.CSafeLoader\n"
        "from podium.agenda import yamlnodes\n"
        "from tests.unit.agenda.test_yamlnodes import SAMPLE, same\n"
        "assert yamlnodes._NodeLoader.__mro__[1] is yaml.SafeLoader\n"
        "tree = yamlnodes.compose(SAMPLE)\n"
        "assert type(tree) is yamlnodes.MappingNode\n"
        "same(tree, yaml.compose(SAMPLE, Loader=yaml.SafeLoader), {})\n"
        "assert yaml.composer.ScalarNode is yaml.nodes.ScalarNode\n"
        "print('same')\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.stdout.strip() == "same", out.stderr[-2000:]
