"""The default catalogue pre-parsed at build time, so a cold start skips parsing its YAML.

Parsing rules/*.yaml is most of the cost of loading the catalogue (and importing PyYAML adds
more). ``data/catalogue-snapshot.json`` holds each default rule file's parsed rules (with
their lines) and lists, keyed by file name with the file's size and CRC-32. A file is taken
from the snapshot only when its bytes still match; an edited, added or unknown file is read
from its YAML as before, so a stale snapshot costs time, never correctness. Every rule from
the snapshot goes through the same validation as one from YAML. It also holds what each
default pattern requires (text/prefilter.py), used only for that exact pattern text and
only with the version of the analysis that worked it out.

This module only reads the stored data; ``tweetguard.build_snapshot`` writes it (refresh
after editing rules/ with ``python -m tweetguard.build_snapshot``).
"""

from __future__ import annotations

import marshal
import zlib
from functools import cache
from typing import Any

from tweetguard.core import diskcache
from tweetguard.core.paths import DATA
from tweetguard.text.regex_reader import ANALYSIS_VERSION

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
    """The snapshot; empty when there is none or it is unreadable (YAML is used). Parsed
    from the start-up cache when a run before parsed these very bytes (JSON takes longer)."""
    try:
        raw = SNAPSHOT.read_bytes()
    except OSError:
        return {}
    store = diskcache.active()
    entry = f"catalogue snapshot {len(raw)} {zlib.crc32(raw)}"
    cached = store.get(entry)
    data: Any = None
    if cached is not None:
        try:
            data = marshal.loads(cached)
        except (ValueError, EOFError, TypeError):
            data = None
    if data is None:
        import json

        try:
            data = json.loads(raw)
        except ValueError:
            return {}
        try:
            store.put(entry, marshal.dumps(data))
        except ValueError:
            pass  # not marshal's types: parsed again next time
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
    """The default rules' patterns with what each requires (see text/prefilter.py); a pattern
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
    return [ANALYSIS_VERSION]


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
