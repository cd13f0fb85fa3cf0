"""A YAML collection (.yaml, .yml, named directly): a list of drafts, each with ``text:``.

Read whole (YAML cannot be streamed safely), through the project's safe loader. Not fixed
in place: rewriting YAML exactly is not possible, so the report says what to write instead.
"""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

from tweetguard.core.errors import DraftError
from tweetguard.sources.base import DraftOrError, FileSource
from tweetguard.sources.decoding import label, read_whole
from tweetguard.sources.fields import collection_draft

SUFFIXES = (".yaml", ".yml")
MAX_COLLECTION_BYTES = 50_000_000  # read whole, unlike JSON Lines, so a bound on memory


def read_yaml_collection(content: str, path: Path) -> Iterator[DraftOrError]:
    """Every entry of a YAML collection's text, each reported at the line where it starts."""
    import yaml

    from tweetguard.core import yamlsafe

    try:
        node = yamlsafe.compose(content)
    except yamlsafe.YamlProblem as exc:
        yield DraftError(f"{path}:{exc.line}", f"collection {exc.message}")
        return
    if not isinstance(node, yaml.SequenceNode):
        yield DraftError(f"{path}:1", "a YAML collection must be a list of drafts, each with 'text:'")
        return
    for item_node in node.value:
        source = f"{label(path)}:{yamlsafe.line_of(item_node)}"
        try:
            yield collection_draft(yamlsafe.construct(item_node), source, path)
        except DraftError as exc:
            yield exc
        except yamlsafe.YamlProblem as exc:
            yield DraftError(source, exc.message)


class YamlCollection(FileSource):
    """A .yaml or .yml list of drafts; read only when named, never picked up in folders."""

    def reads(self, path: Path) -> bool:
        return path.suffix.lower() in SUFFIXES

    def read(self, path: Path) -> Iterator[DraftOrError]:
        try:
            content = read_whole(path, MAX_COLLECTION_BYTES, "a YAML collection; use JSON Lines")
        except DraftError as exc:
            yield exc
            return
        yield from read_yaml_collection(content, path)
