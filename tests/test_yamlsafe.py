"""yamlsafe composes rule files and front matter in one pass: the same nodes and values as PyYAML."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from tweetguard.core import yamlsafe

RULES = Path(__file__).resolve().parents[1] / "rules"
# Pieces of YAML that exercise tags, styles, anchors, several documents and broken syntax.
PIECES = ["a", ": ", "- ", "[", "]", "{", "}", ", ", "\n", "  ", "&x ", "!!str ", "!!int ", "!!set ", "!!omap ",
          "'q'", '"d\\n"', "1", "2026-03-11T09:30:00", "yes", "~", "---\n", "...\n", "? ", "|\n  lit\n", "#c",
          "1.5", "0x1f", "<<: ", "{b: 2}", "!t ", "=", ".nan"]


def _shape(node: yaml.Node | None) -> Any:
    """Everything a caller can see of a node: type, tag, value, style and where it starts and ends."""
    if node is None:
        return None
    where = (node.start_mark.line, node.start_mark.column, node.end_mark.line, node.end_mark.column)
    head = (type(node).__name__, node.tag, where, getattr(node, "style", None), getattr(node, "flow_style", None))
    if isinstance(node, yaml.ScalarNode):
        return (*head, node.value)
    if isinstance(node, yaml.SequenceNode):
        return (*head, [_shape(item) for item in node.value])
    return (*head, [(_shape(k), _shape(v)) for k, v in node.value])


def _outcome(text: str) -> Any:
    """yamlsafe's nodes and values, or the error it reports."""
    try:
        node = yamlsafe.compose(text)
        return _shape(node), None if node is None else repr(yamlsafe.construct(node))
    except yamlsafe.YamlProblem as problem:
        return problem.line, problem.message


def _pyyaml_outcome(text: str) -> Any:
    """What PyYAML itself makes of a document that yamlsafe accepts."""
    loader = yamlsafe._Loader
    node = yaml.compose(text, Loader=loader)
    return _shape(node), None if node is None else repr(yaml.load(text, Loader=loader))


@pytest.mark.parametrize("path", sorted(RULES.glob("*.yaml")), ids=lambda p: p.name)
def test_rule_files_compose_as_pyyaml_does(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert _outcome(text) == _pyyaml_outcome(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=25).map("".join))
def test_documents_compose_as_pyyaml_does(text: str) -> None:
    outcome = _outcome(text)
    try:
        expected = _pyyaml_outcome(text)
    except Exception:  # noqa: BLE001 - PyYAML fails on odd values in several ways; yamlsafe says which line
        assert isinstance(outcome[0], int) and isinstance(outcome[1], str)  # refused with a line
        return
    if "*" in text or text.count("[") + text.count("{") > yamlsafe.MAX_DEPTH:
        return  # aliases and deep nesting are refused on purpose
    assert outcome == expected


@pytest.mark.parametrize("text, reason", [
    ("a: &x 1\nb: *x\n", "uses a YAML alias"),
    ("[" * 30 + "]" * 30, "nested more than"),
    ("id: !!int abc\n", "invalid literal"),
    ("when: 2026-02-30\n", "day is out of range"),
    ("id: !!int\n", "cannot read"),
    ("a: 1\n---\nb: 2\n", "another document"),
])
def test_refusals_are_one_line_problems(text: str, reason: str) -> None:
    with pytest.raises(yamlsafe.YamlProblem, match=reason):
        yamlsafe.load(text)
