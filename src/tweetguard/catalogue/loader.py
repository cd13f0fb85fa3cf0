"""Loading and validating the rule catalogue (rules/*.yaml).

A rule file is a mapping with a ``rules:`` list and, optionally, ``lists:`` (named word
lists that kinds read and that a school's own rule files extend). Anything tweetguard cannot
use exactly as written is refused with the file, the line and the rule id, so a misspelt key
never silently turns a rule off.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Mapping

from tweetguard.catalogue import snapshot
from tweetguard.core import diskcache
from tweetguard.core.errors import CatalogueError
from tweetguard.core.model import CATEGORIES, SEVERITIES, Example, Rule
from tweetguard.core.paths import default_rules_dir
from tweetguard.core.patterns import lazy_re
from tweetguard.kinds import kind_names, load_kind
from tweetguard.kinds.base import Param
from tweetguard.text import prefilter

RULE_KEYS = {
    "id": Param(str, required=True),
    "category": Param(str, required=True),
    "severity": Param(str, required=True),
    "message": Param(str, required=True),
    "policy": Param(str, required=True),
    "kind": Param(str, required=True),
    "examples": Param(dict, required=True),
    "description": Param(str, default=""),
    # Report the rule at most once a draft (at its first match): one argument in a reply is
    # enough to say; five warnings for one sentence is noise.
    "once": Param(bool, default=False),
}
FILE_KEYS = {"rules", "lists"}
# config: the school config keys the example needs (a rule that is off unless the config turns it on).
EXAMPLE_KEYS = {"text", "scheduled", "occasion", "reply_to", "media", "platform", "roster", "config"}
RULE_ID = lazy_re(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass(frozen=True)
class Catalogue:
    """The loaded rules, in file order, and the merged word lists."""

    rules: tuple[Rule, ...]
    lists: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    # Names every rule file read, by its path and bytes: part of the start-up cache's key.
    digest: bytes = b""

    def get(self, rule_id: str) -> Rule | None:
        return next((rule for rule in self.rules if rule.id == rule_id), None)


def _type_name(expected: type | tuple[type, ...]) -> str:
    names = {str: "text", bool: "true or false", int: "a whole number", float: "a number",
             list: "a list", dict: "a mapping"}
    types = expected if isinstance(expected, tuple) else (expected,)
    return " or ".join(names.get(t, t.__name__) for t in types)


def _matches_type(value: Any, expected: type | tuple[type, ...]) -> bool:
    types = expected if isinstance(expected, tuple) else (expected,)
    if isinstance(value, bool) and bool not in types:
        return False  # YAML's `yes` is not a number
    if float in types and isinstance(value, int):
        return True
    return isinstance(value, types)


def _check_message(message: str, where: str, label: str) -> None:
    """Placeholders are plain names like {match}: anything else would fail, or leak Python
    internals into a report, only when a draft breaks the rule."""
    import string

    try:
        fields = [(name, spec, conversion) for _, name, spec, conversion in string.Formatter().parse(message)
                  if name is not None]
    except ValueError as exc:
        raise CatalogueError(where, f"{label}: 'message' has a broken placeholder ({exc}); "
                             "write {match} or {suggestion}, and {{ }} for braces") from None
    for name, spec, conversion in fields:
        if not name.isidentifier():
            raise CatalogueError(where, f"{label}: 'message' placeholder '{{{name}}}' must be a plain name "
                                 "like {match} or {suggestion}")
        if spec or conversion:
            # A width like {match:>99999999} would print megabytes for every match.
            written = "{" + name + (f"!{conversion}" if conversion else "") + (f":{spec}" if spec else "") + "}"
            raise CatalogueError(where, f"{label}: 'message' placeholder '{written}' has a format or conversion; "
                                 f"write it plainly as {{{name}}}")


def _examples(value: Any, where: str) -> tuple[tuple[Example, ...], tuple[Example, ...]]:
    if set(value) - {"bad", "good"}:
        unknown = sorted(set(value) - {"bad", "good"})[0]
        raise CatalogueError(where, f"examples has unknown key '{unknown}'; use 'bad' and 'good'")
    groups: list[tuple[Example, ...]] = []
    for group in ("bad", "good"):
        items = value.get(group) or []
        if not isinstance(items, list) or not items:
            raise CatalogueError(where, f"examples.{group} must be a non-empty list of drafts")
        parsed: list[Example] = []
        for item in items:
            if isinstance(item, str):
                parsed.append(Example(item))
            elif isinstance(item, dict) and isinstance(item.get("text"), str):
                unknown_keys = set(item) - EXAMPLE_KEYS
                if unknown_keys:
                    raise CatalogueError(
                        where, f"an example has unknown key '{sorted(unknown_keys)[0]}'"
                    )
                front = {k: v for k, v in item.items() if k != "text"}
                parsed.append(Example(item["text"], front))
            else:
                raise CatalogueError(where, f"examples.{group} items must be text or have 'text'")
        groups.append(tuple(parsed))
    return groups[0], groups[1]


def _rule(raw: Any, line: int, key_lines: Mapping[str, int], path: Path) -> Rule:
    """One validated rule; ``line`` is where it starts, ``key_lines`` where each key is."""
    if not isinstance(raw, dict):
        raise CatalogueError(f"{path}:{line}", "each item of 'rules' must be a mapping")
    rule_id = raw.get("id")
    label = f"rule '{rule_id}'" if isinstance(rule_id, str) else "a rule without an id"
    where = f"{path}:{line}"
    kind_name = raw.get("kind")
    if isinstance(kind_name, str) and kind_name not in kind_names():
        where = f"{path}:{key_lines.get('kind', line)}"
        raise CatalogueError(
            where, f"{label}: unknown kind '{kind_name}'; known kinds: {', '.join(kind_names())}"
        )
    kind_params: Mapping[str, Param] = load_kind(kind_name).PARAMS if isinstance(kind_name, str) else {}
    for key, value in raw.items():
        spec = RULE_KEYS.get(key) or kind_params.get(key)
        where = f"{path}:{key_lines.get(str(key), line)}"
        if spec is None:
            known = sorted(set(RULE_KEYS) | set(kind_params))
            raise CatalogueError(where, f"{label}: unknown key '{key}'; known keys: {', '.join(known)}")
        if not _matches_type(value, spec.type):
            raise CatalogueError(where, f"{label}: '{key}' must be {_type_name(spec.type)}, not {value!r}")
    for key, spec in {**RULE_KEYS, **kind_params}.items():
        if spec.required and key not in raw:
            raise CatalogueError(f"{path}:{line}", f"{label}: missing required key '{key}'")
    where = f"{path}:{line}"
    assert isinstance(rule_id, str) and isinstance(kind_name, str)  # checked above: required text keys
    if not RULE_ID.match(rule_id):
        raise CatalogueError(where, f"{label}: ids are lower-case kebab-case, like 'full-name'")
    if raw["category"] not in CATEGORIES:
        raise CatalogueError(
            where, f"{label}: unknown category '{raw['category']}'; use one of {', '.join(CATEGORIES)}"
        )
    if raw["severity"] not in SEVERITIES:
        raise CatalogueError(where, f"{label}: severity '{raw['severity']}' must be error, warning or info")
    _check_message(raw["message"], where, label)
    bad, good = _examples(raw["examples"], f"{where}: {label}")
    params = {key: raw.get(key, spec.default) for key, spec in kind_params.items()}
    return Rule(
        id=rule_id,
        category=raw["category"],
        severity=raw["severity"],
        message=raw["message"].strip(),
        policy=raw["policy"].strip(),
        kind=kind_name,
        params=params,
        bad=bad,
        good=good,
        description=raw.get("description", "").strip(),
        once=bool(raw.get("once", False)),
        source=f"{path}:{line}",
    )


def _read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as exc:
        raise CatalogueError(str(path), f"cannot read this rule file ({exc})") from None


def _read_file(path: Path, data: bytes, use_snapshot: bool = False) -> tuple[list[Rule], dict[str, list[str]]]:
    """A rule file's rules and lists: from the shipped snapshot when it holds exactly this
    file (the default catalogue, unchanged), else parsed from the YAML."""
    if use_snapshot:
        entry = snapshot.entry(path.name, data)
        if entry is not None:
            try:
                return _from_snapshot(entry, path)
            except CatalogueError:
                pass  # the YAML below says exactly where (kinds' keys may have changed since)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise CatalogueError(str(path), f"cannot read this rule file ({exc})") from None
    # Universal newlines, as reading in text mode gives.
    return _read_yaml(text.replace("\r\n", "\n").replace("\r", "\n"), path)


def _from_snapshot(entry: snapshot.Entry, path: Path) -> tuple[list[Rule], dict[str, list[str]]]:
    """The same checks as for YAML, on values parsed at build time (no key lines needed: on
    any error the caller re-reads the YAML, which names the line)."""
    rules = [_rule(raw, line, {}, path) for line, raw in entry.rules]
    lists: dict[str, list[str]] = {}
    if not _is_lists(entry.lists):
        raise CatalogueError(str(path), "'lists' must map list names to lists of words")
    for name, words in entry.lists.items():
        lists.setdefault(str(name), []).extend(words)
    return rules, lists


def _is_lists(value: Any) -> bool:
    return isinstance(value, dict) and all(
        isinstance(v, list) and all(isinstance(w, str) for w in v) for v in value.values()
    )


def _read_yaml(text: str, path: Path) -> tuple[list[Rule], dict[str, list[str]]]:
    import yaml  # only for rule files the snapshot does not hold: yaml is slow to import

    from tweetguard.core import yamlsafe

    try:
        node = yamlsafe.compose(text)
    except yamlsafe.YamlProblem as exc:
        raise CatalogueError(f"{path}:{exc.line}", f"rule file {exc.message}") from None
    if not isinstance(node, yaml.MappingNode):
        raise CatalogueError(f"{path}:1", "a rule file must be a mapping with a 'rules:' list")
    key_lines = yamlsafe.mapping_lines(node)
    for key in key_lines:
        if key not in FILE_KEYS:
            raise CatalogueError(f"{path}:{key_lines[key]}", f"unknown top-level key '{key}'; use 'rules' and 'lists'")
    rules: list[Rule] = []
    lists: dict[str, list[str]] = {}
    for key_node, value_node in node.value:
        value = yamlsafe.construct(value_node)
        where = f"{path}:{yamlsafe.line_of(key_node)}"
        if key_node.value == "rules":
            if not isinstance(value_node, yaml.SequenceNode):
                raise CatalogueError(where, "'rules' must be a list of rules")
            rules.extend(
                _rule(item, yamlsafe.line_of(item_node), yamlsafe.mapping_lines(item_node), path)
                for item, item_node in zip(value, value_node.value)
            )
        else:
            if not _is_lists(value):
                raise CatalogueError(where, "'lists' must map list names to lists of words")
            for name, words in value.items():
                lists.setdefault(str(name), []).extend(words)
    return rules, lists


def _rule_files(dirs: list[Path]) -> tuple[list[tuple[Path, Path, bytes]], CatalogueError | None]:
    """Each folder's rule files with their bytes, in order, up to the first folder or file
    that cannot be read (returned too: it is raised when the files before it are loaded,
    so errors come in the order they always did)."""
    found: list[tuple[Path, Path, bytes]] = []
    try:
        for folder in dirs:
            if not folder.is_dir():
                raise CatalogueError(str(folder), "rule folder not found; check the --rules path")
            found.extend((folder, path, _read_bytes(path)) for path in sorted(folder.glob("*.y*ml")))
    except CatalogueError as failure:
        return found, failure
    return found, None


def open_cache(catalogue_digest: bytes) -> diskcache.Store:
    """The start-up cache for this catalogue: keyed by tweetguard's and regex's versions and
    the rule files' bytes (core.diskcache adds Python's)."""
    import regex

    from tweetguard import __version__

    return diskcache.open_store((__version__.encode(), regex.__version__.encode(), catalogue_digest))


def load_catalogue(extra_dirs: Iterable[Path] = (), include_default: bool = True) -> Catalogue:
    """The default catalogue plus the user's rule folders; later files extend lists."""
    default = default_rules_dir()
    files, failure = _rule_files(([default] if include_default else []) + list(extra_dirs))
    fingerprint = diskcache.digest(part for _, path, data in files
                                   for part in (path.name.encode("utf-8", "surrogateescape"), data))
    if failure is None:
        open_cache(fingerprint)  # before any rule is read: what they compile is kept
    rules: list[Rule] = []
    lists: dict[str, list[str]] = {}
    seen: dict[str, str] = {}
    if include_default:
        prefilter.remember_required(snapshot.required_literals())
    for folder, path, data in files:
        file_rules, file_lists = _read_file(path, data, use_snapshot=folder == default)
        for rule in file_rules:
            if rule.id in seen:
                raise CatalogueError(rule.source, f"rule id '{rule.id}' is already used at {seen[rule.id]}")
            seen[rule.id] = rule.source
        rules.extend(file_rules)
        for name, words in file_lists.items():
            lists.setdefault(name, []).extend(words)
    if failure is not None:
        raise failure
    return Catalogue(tuple(rules), {name: tuple(dict.fromkeys(words)) for name, words in lists.items()},
                     fingerprint)
