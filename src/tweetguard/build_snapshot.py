"""Build the catalogue snapshot: ``python -m tweetguard.build_snapshot`` after editing rules/.

A build step, imported by nothing at run time: it parses the default rule files and works out
what each of their patterns requires, and writes src/tweetguard/data/catalogue-snapshot.json,
which tweetguard.catalogue.snapshot reads at start-up.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml

from tweetguard.catalogue import snapshot
from tweetguard.catalogue.loader import _read_yaml, load_catalogue
from tweetguard.core import yamlsafe
from tweetguard.core.errors import CatalogueError, TweetguardError
from tweetguard.core.paths import default_rules_dir
from tweetguard.core.settings import Settings
from tweetguard.engine.checker import compile_rules
from tweetguard.text import prefilter


def build(folder: Path) -> dict[str, Any]:
    """The snapshot of every rule file in ``folder`` that loads without error."""

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
        stored = {"fingerprint": snapshot.fingerprint(data), "rules": rules, "lists": lists}
        if json.loads(json.dumps(stored)) != stored:
            continue  # a value JSON cannot hold exactly (a date, a number as a key): keep the YAML
        files[path.name] = stored
    return {"version": snapshot.VERSION, "files": files, "required": _required(folder), "required_by": snapshot.analyser_fingerprint()}


def _required(folder: Path) -> dict[str, list[list[str]] | None]:
    """What each of the rules' patterns requires, as text/prefilter.py works it out: every
    pattern the rules in ``folder`` hand to it while they are compiled."""

    prefilter.clear_required()
    try:
        compile_rules(load_catalogue([folder], include_default=False), Settings())
    except TweetguardError:
        return {}  # a broken catalogue: its patterns are analysed when loaded
    required: dict[str, list[list[str]] | None] = {}
    for pattern in sorted(prefilter.analysed_patterns()):
        sets = prefilter.analyse_required(pattern)
        required[pattern] = None if sets is None else [sorted(s) for s in sets]
    return required


def write(folder: Path, target: Path | None = None) -> None:
    """Write the snapshot of ``folder`` (by default the shipped one)."""
    target = target or snapshot.SNAPSHOT
    target.write_text(json.dumps(build(folder), ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")


if __name__ == "__main__":
    write(default_rules_dir())
    print(f"wrote {snapshot.SNAPSHOT}")
