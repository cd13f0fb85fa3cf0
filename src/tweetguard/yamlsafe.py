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


def _one_line(text: object) -> str:
    """PyYAML's messages span lines and point with '^'; errors here are one line."""
    return " ".join(str(text).split())


def _problem(exc: yaml.YAMLError, text: str, default_line: int = 1) -> YamlProblem:
    """A YAML error as a YamlProblem with a line number and a one-line reason."""
    if isinstance(exc, yaml.reader.ReaderError):
        line = text.count("\n", 0, max(0, exc.position)) + 1
        code = exc.character if isinstance(exc.character, int) else ord(str(exc.character)[:1] or "\0")
        return YamlProblem(line, f"has a character YAML does not allow (U+{code:04X}); remove it")
    if isinstance(exc, yaml.MarkedYAMLError):
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else default_line
        return YamlProblem(line, f"is not valid YAML ({_one_line(exc.problem or exc.context)})")
    return YamlProblem(default_line, f"is not valid YAML ({_one_line(exc)})")


# libyaml when PyYAML was built with it (much faster, same nodes and line numbers).
_Loader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_NESTING = (yaml.SequenceStartEvent, yaml.MappingStartEvent)
_UNNESTING = (yaml.SequenceEndEvent, yaml.MappingEndEvent)


def _line(event: yaml.Event) -> int:
    return event.start_mark.line + 1 if event.start_mark else 1


def _refuse_hostile(text: str) -> None:
    """Walk the events once: refuse an alias or deep nesting as soon as it is seen.

    This runs before anything is composed, so an alias bomb is never expanded and a
    document of a million '[' stops at the first one too many.
    """
    depth = 0
    for event in yaml.parse(text, Loader=_Loader):
        if isinstance(event, yaml.AliasEvent):
            raise YamlProblem(_line(event), "uses a YAML alias (*name); write the value out instead")
        if isinstance(event, _NESTING):
            depth += 1
            if depth > MAX_DEPTH:
                raise YamlProblem(_line(event), f"is nested more than {MAX_DEPTH} levels deep")
        elif isinstance(event, _UNNESTING):
            depth -= 1


def compose(text: str) -> yaml.Node | None:
    """Parse ``text`` into a node tree, refusing aliases and deep nesting."""
    try:
        _refuse_hostile(text)
        return yaml.compose(text, Loader=_Loader)  # type: ignore[no-any-return]
    except yaml.YAMLError as exc:
        raise _problem(exc, text) from None
    except RecursionError:  # not reachable after the depth check; kept as a last guard
        raise YamlProblem(1, f"is nested more than {MAX_DEPTH} levels deep") from None


def construct(node: yaml.Node) -> Any:
    """Turn a checked node tree into plain Python values."""
    # A bare constructor: building values from nodes needs no reader, scanner or parser.
    loader = yaml.constructor.SafeConstructor()
    try:
        return loader.construct_document(node)
    except yaml.YAMLError as exc:
        line = node.start_mark.line + 1
        reason = getattr(exc, "problem", None) or exc
        raise YamlProblem(line, f"has a value YAML cannot read ({_one_line(reason)})") from None


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
