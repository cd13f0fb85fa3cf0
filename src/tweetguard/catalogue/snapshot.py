"""The default catalogue pre-parsed at build time, so a cold start skips parsing its YAML.

Parsing rules/*.yaml is most of the cost of loading the catalogue (and importing PyYAML adds
more). ``data/catalogue-snapshot.json`` holds each default rule file's parsed rules (with
their lines) and lists, keyed by file name with the file's size and CRC-32. A file is taken
from the snapshot only when its bytes still match; an edited, added or unknown file is read
from its YAML as before, so a stale snapshot costs time, never correctness. Every rule from
the snapshot goes through the same validation as one from YAML. It also holds what each
default pattern requires (kinds.phrases), used only for that exact pattern text and only
while kinds/phrases.py is byte for byte the module that worked it out.

Refresh after editing rules/ with ``python -m tweetguard.catalogue.snapshot``.
"""

from __future__ import annotations

import zlib
from functools import cache
from pathlib import Path
from typing import Any

from tweetguard.core.paths import DATA

SNAPSHOT = DATA / "catalogue-snapshot.json"
VERSION = 1


class Entry:
    """One rule file as parsed: its rules as (line, mapping) and its lists."""

    __slots__ = ("lists", "rules")

    def __init__(self, rules: list[tuple[int, Any]], lists: dict[str, Any]) -> None:
        self.rules = rules
        self.lists = lists


def fingerprint(data: bytes) -> list[int]:
    """Size and CRC-32 of a rule file's bytes: enough to notice any edit, cheap to compute."""
    return [len(data), zlib.crc32(data)]


@cache
def _data() -> dict[str, Any]:
    """The snapshot; empty when there is none or it is unreadable (YAML is used)."""
    import json

    try:
        data = json.loads(SNAPSHOT.read_bytes())
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("version") != VERSION:
        return {}
    return data


def clear_cache() -> None:
    """Forget the snapshot read (tests point SNAPSHOT at one of their own)."""
    _data.cache_clear()
    required_literals.cache_clear()


def _files() -> dict[str, Any]:
    files = _data().get("files")
    return files if isinstance(files, dict) else {}


@cache
def required_literals() -> dict[str, tuple[frozenset[str], ...] | None]:
    """The default rules' patterns with what each requires (see kinds.phrases); a pattern
    that is not here (a school's own, or an edited rule) is analysed as usual."""
    stored = _data().get("required")
    if not isinstance(stored, dict) or _data().get("required_by") != analyser_fingerprint():
        return {}  # none, or worked out by another version of the analysis: work them out again
    known: dict[str, tuple[frozenset[str], ...] | None] = {}
    for pattern, sets in stored.items():
        if sets is None:
            known[pattern] = None
        elif isinstance(sets, list) and sets and all(
                isinstance(s, list) and s and all(isinstance(w, str) and w for w in s) for s in sets):
            known[pattern] = tuple(frozenset(s) for s in sets)
    return known


def analyser_fingerprint() -> list[int]:
    """The version of the analysis that works out what a pattern requires: stored answers
    are used only with the analysis that gave them (a test checks they are today's)."""
    from tweetguard.text import phrases

    return [phrases.REQUIRED_ANALYSIS_VERSION]


def entry(name: str, data: bytes) -> Entry | None:
    """The parsed contents of default rule file ``name`` if the snapshot holds these exact bytes."""
    stored = _files().get(name)
    if not isinstance(stored, dict) or stored.get("fingerprint") != fingerprint(data):
        return None
    rules, lists = stored.get("rules"), stored.get("lists")
    if not isinstance(rules, list) or not isinstance(lists, dict):
        return None
    if not all(isinstance(item, list) and len(item) == 2 and isinstance(item[0], int) for item in rules):
        return None
    return Entry([(line, raw) for line, raw in rules], lists)


def build(folder: Path) -> dict[str, Any]:
    """The snapshot of every rule file in ``folder`` that loads without error."""
    import json

    import yaml

    from tweetguard.catalogue.loader import _read_yaml
    from tweetguard.core import yamlsafe
    from tweetguard.core.errors import CatalogueError

    files: dict[str, Any] = {}
    for path in sorted(folder.glob("*.y*ml")):
        data = path.read_bytes()
        text = data.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")
        try:
            _read_yaml(text, path)  # only valid files: an invalid one must fail from its YAML
        except CatalogueError:
            continue
        node = yamlsafe.compose(text)
        assert isinstance(node, yaml.MappingNode)  # checked by _read_yaml
        rules: list[list[Any]] = []
        lists: dict[str, list[str]] = {}
        for key_node, value_node in node.value:
            if key_node.value == "rules":
                rules.extend([yamlsafe.line_of(item), yamlsafe.construct(item)] for item in value_node.value)
            else:
                for name, words in yamlsafe.construct(value_node).items():
                    lists.setdefault(str(name), []).extend(words)
        stored = {"fingerprint": fingerprint(data), "rules": rules, "lists": lists}
        if json.loads(json.dumps(stored)) != stored:
            continue  # a value JSON cannot hold exactly (a date, a number as a key): keep the YAML
        files[path.name] = stored
    return {"version": VERSION, "files": files, "required": _required(folder), "required_by": analyser_fingerprint()}


def _required(folder: Path) -> dict[str, list[list[str]] | None]:
    """What each of the rules' patterns requires, as kinds.phrases works it out: every
    pattern the rules in ``folder`` hand to it while they are compiled."""
    from tweetguard.catalogue.loader import load_catalogue
    from tweetguard.core.errors import TweetguardError
    from tweetguard.core.settings import Settings
    from tweetguard.engine.checker import compile_rules
    from tweetguard.text import phrases

    phrases.clear_required()
    try:
        compile_rules(load_catalogue([folder], include_default=False), Settings())
    except TweetguardError:
        return {}  # a broken catalogue: its patterns are analysed when loaded
    required: dict[str, list[list[str]] | None] = {}
    for pattern in sorted(phrases.analysed_patterns()):
        sets = phrases.analyse_required(pattern)
        required[pattern] = None if sets is None else [sorted(s) for s in sets]
    return required


def write(folder: Path, target: Path = SNAPSHOT) -> None:
    import json

    target.write_text(json.dumps(build(folder), ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")


if __name__ == "__main__":
    from tweetguard.catalogue.loader import default_rules_dir

    write(default_rules_dir())
    print(f"wrote {SNAPSHOT}")
