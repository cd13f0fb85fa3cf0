"""Safe YAML loading that keeps line numbers and refuses hostile documents.

Drafts and rule files come from users: anchors and aliases are refused (an alias bomb costs
nothing to write and a lot to expand), nesting is bounded, and every mapping and sequence
node keeps its line so errors can name it.
"""

from __future__ import annotations

from typing import Any

import yaml
from yaml import (
    AliasEvent,
    DocumentEndEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingNode,
    MappingStartEvent,
    ScalarEvent,
    ScalarNode,
    SequenceEndEvent,
    SequenceNode,
    SequenceStartEvent,
)

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
        # An unclosed bracket or quote is only noticed where the text ends: point at where it opened.
        at_end = mark is not None and not text[mark.index:].strip()
        if at_end and exc.context_mark is not None:
            mark = exc.context_mark
        line = mark.line + 1 if mark else default_line
        return YamlProblem(line, f"is not valid YAML ({_one_line(exc.problem or exc.context)})")
    return YamlProblem(default_line, f"is not valid YAML ({_one_line(exc)})")


# libyaml when PyYAML was built with it (much faster, same nodes and line numbers).
_Loader: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _line(event: yaml.Event) -> int:
    return event.start_mark.line + 1 if event.start_mark else 1


def _compose_checked(text: str) -> yaml.Node | None:
    """Compose the nodes from one walk of the parser's events, refusing hostile documents.

    An alias or too deep a nesting is refused as soon as its event is seen, before anything
    is built from it, so an alias bomb is never expanded and a document of a million '['
    stops at the first one too many. Building the nodes here too (as yaml.compose would)
    saves parsing every rule file twice. Errors that composing finds (a duplicate anchor,
    a second document) are raised after the whole stream has been checked, as before.
    """
    loader = _Loader(text)
    composer = _Composer(loader.resolve)
    try:
        while loader.check_event():
            composer.take(loader.get_event())
    finally:
        loader.dispose()
    return composer.result()


class _Composer:
    """The nodes being built from the event stream, and the errors seen on the way."""

    def __init__(self, resolve: Any) -> None:
        self.resolve = resolve
        self.roots: list[yaml.Node] = []
        self.second_document: Any = None
        self.composer_error: yaml.YAMLError | None = None
        self.anchors: dict[str, yaml.Node] = {}
        # Open collections, each with the key waiting for its value (mappings only).
        self.stack: list[list[Any]] = []

    # Events are typed Any: PyYAML's event classes each carry their own attributes, and
    # libyaml's marks are another class than the pure-Python ones the node types name.
    def take(self, event: Any) -> None:
        kind = type(event)
        if kind is ScalarEvent:
            tag = event.tag
            if tag is None or tag == "!":
                tag = self.resolve(ScalarNode, event.value, event.implicit)
            node: yaml.Node = ScalarNode(tag, event.value, event.start_mark, event.end_mark, style=event.style)
            if event.anchor is not None:
                self._anchor(event, node)
            self._attach(node)
        elif kind is SequenceStartEvent or kind is MappingStartEvent:
            self._open(event, SequenceNode if kind is SequenceStartEvent else MappingNode)
        elif kind is SequenceEndEvent or kind is MappingEndEvent:
            node = self.stack.pop()[0]
            node.end_mark = event.end_mark
            self._attach(node)
        elif kind is AliasEvent:
            raise YamlProblem(_line(event), "uses a YAML alias (*name); write the value out instead")
        elif kind is DocumentStartEvent and self.roots and self.second_document is None:
            self.second_document = event
        elif kind is DocumentEndEvent:
            self.anchors = {}

    def _open(self, event: Any, node_type: type) -> None:
        if len(self.stack) >= MAX_DEPTH:
            raise YamlProblem(_line(event), f"is nested more than {MAX_DEPTH} levels deep")
        tag = event.tag
        if tag is None or tag == "!":
            tag = self.resolve(node_type, None, event.implicit)
        node = node_type(tag, [], event.start_mark, None, flow_style=event.flow_style)
        if event.anchor is not None:
            self._anchor(event, node)
        self.stack.append([node, None])

    def _anchor(self, event: Any, node: yaml.Node) -> None:
        self.composer_error = self.composer_error or _anchor(self.anchors, event, node, self.roots)

    def _attach(self, node: yaml.Node) -> None:
        """Put a finished node into its parent: a mapping takes a key, then its value."""
        if not self.stack:
            self.roots.append(node)
            return
        parent = self.stack[-1]
        if type(parent[0]) is SequenceNode:
            parent[0].value.append(node)
        elif parent[1] is None:
            parent[1] = node
        else:
            parent[0].value.append((parent[1], node))
            parent[1] = None

    def result(self) -> yaml.Node | None:
        if self.composer_error is not None:
            raise self.composer_error
        if self.second_document is not None:
            raise yaml.composer.ComposerError("expected a single document in the stream", self.roots[0].start_mark,
                                              "but found another document", self.second_document.start_mark)
        return self.roots[0] if self.roots else None


def _anchor(anchors: dict[str, yaml.Node], event: Any, node: yaml.Node,
            roots: list[yaml.Node]) -> yaml.YAMLError | None:
    """Record an anchor (in the first document, as yaml.compose does); a duplicate is an error."""
    anchor = event.anchor
    if roots:
        return None
    if anchor in anchors:
        return yaml.composer.ComposerError(f"found duplicate anchor {anchor!r}; first occurrence",
                                           anchors[anchor].start_mark, "second occurrence", event.start_mark)
    anchors[anchor] = node
    return None


def compose(text: str) -> yaml.Node | None:
    """Parse ``text`` into a node tree, refusing aliases and deep nesting."""
    try:
        return _compose_checked(text)
    except yaml.YAMLError as exc:
        raise _problem(exc, text) from None
    except RecursionError:  # not reachable after the depth check; kept as a last guard
        raise YamlProblem(1, f"is nested more than {MAX_DEPTH} levels deep") from None


_STR, _SEQ, _MAP = "tag:yaml.org,2002:str", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map"
_SPECIAL_KEYS = ("tag:yaml.org,2002:merge", "tag:yaml.org,2002:value")


class _Unusual(Exception):
    """A node the quick builder leaves to PyYAML's constructor (merge keys, collections as keys)."""


def _quick(node: yaml.Node, scalar: Any) -> Any:
    """Plain lists, dicts and text built directly; every other scalar by PyYAML's constructor.

    Rule files are almost all text, lists and mappings, and SafeConstructor spends most of its
    time on bookkeeping they do not need. Anything else raises _Unusual.
    """
    kind = type(node)
    if kind is ScalarNode:
        return node.value if node.tag == _STR else scalar(node, deep=True)
    if kind is SequenceNode and node.tag == _SEQ:
        return [_quick(item, scalar) for item in node.value]
    if kind is MappingNode and node.tag == _MAP:
        mapping = {}
        for key_node, value_node in node.value:
            if type(key_node) is not ScalarNode or key_node.tag in _SPECIAL_KEYS:
                raise _Unusual
            mapping[_quick(key_node, scalar)] = _quick(value_node, scalar)
        return mapping
    raise _Unusual


def construct(node: yaml.Node) -> Any:
    """Turn a checked node tree into plain Python values."""
    # A bare constructor: building values from nodes needs no reader, scanner or parser.
    loader = yaml.constructor.SafeConstructor()
    try:
        return _quick(node, loader.construct_object)
    except Exception:  # noqa: BLE001 - unusual or broken: PyYAML builds it (and says what is wrong)
        loader = yaml.constructor.SafeConstructor()
    try:
        return loader.construct_document(node)
    # PyYAML's constructor raises more than YAMLError on odd values: `!!int abc`, `!!int` alone, a 30 February.
    except (yaml.YAMLError, ValueError, LookupError, TypeError) as exc:
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
