"""Safe YAML loading that keeps line numbers and refuses hostile documents.

Drafts and rule files come from users: anchors and aliases are refused (an alias bomb costs
nothing to write and a lot to expand), nesting is bounded, and every mapping and sequence
node keeps its line so errors can name it.
"""

from __future__ import annotations

from typing import Any

import yaml

MAX_DEPTH = 20


class YamlProblem(ValueError):
    """A document that is not valid YAML or that tweetguard refuses; ``line`` is 1-based."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


def _check_node(node: yaml.Node, depth: int) -> None:
    if depth > MAX_DEPTH:
        raise YamlProblem(node.start_mark.line + 1, f"nested more than {MAX_DEPTH} levels deep")
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            _check_node(key, depth + 1)
            _check_node(value, depth + 1)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            _check_node(item, depth + 1)


def compose(text: str) -> yaml.Node | None:
    """Parse ``text`` into a node tree, refusing aliases and deep nesting."""
    try:
        # Events first: an alias is refused before anything is composed or expanded.
        for event in yaml.parse(text, Loader=yaml.SafeLoader):
            if isinstance(event, yaml.AliasEvent):
                line = event.start_mark.line + 1 if event.start_mark else 1
                raise YamlProblem(line, "uses a YAML alias (*name); write the value out instead")
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        raise YamlProblem(line, f"is not valid YAML ({exc.problem or exc.context})") from None
    except yaml.YAMLError as exc:
        raise YamlProblem(1, f"is not valid YAML ({exc})") from None
    except RecursionError:
        raise YamlProblem(1, f"is nested more than {MAX_DEPTH} levels deep") from None
    if node is not None:
        _check_node(node, 0)
    return node


def construct(node: yaml.Node) -> Any:
    """Turn a checked node tree into plain Python values."""
    loader = yaml.SafeLoader("")
    try:
        return loader.construct_document(node)
    except yaml.YAMLError as exc:
        line = node.start_mark.line + 1
        raise YamlProblem(line, f"has a value YAML cannot read ({exc})") from None
    finally:
        loader.dispose()


def load(text: str) -> Any:
    node = compose(text)
    return None if node is None else construct(node)


def line_of(node: yaml.Node) -> int:
    return node.start_mark.line + 1


def mapping_lines(node: yaml.Node) -> dict[str, int]:
    """Line of each key of a mapping node, for errors that name a key."""
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {str(key.value): line_of(key) for key, _ in node.value}
