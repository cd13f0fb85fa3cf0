"""Reading drafts: single-tweet files with front matter, threads, and collections.

A draft file (.txt or .md) holds one tweet, optionally preceded by YAML front matter between
``---`` lines. In the body, a line holding only ``---`` separates the tweets of a thread.
A collection holds many drafts: JSON Lines (.jsonl) or, when named explicitly, YAML (.yaml).
Reading never changes a file; a draft that cannot be read yields a DraftError and the rest
are still read.
"""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path
from typing import Any, BinaryIO, Iterator, Mapping

from tweetguard.core.errors import DraftError
from tweetguard.core.model import OCCASIONS, Draft

DRAFT_SUFFIXES = (".txt", ".md")
COLLECTION_SUFFIXES = (".jsonl", ".yaml", ".yml")
# The files --fix can write back exactly: drafts, and JSON Lines (one line re-encoded).
FIXABLE_SUFFIXES = (*DRAFT_SUFFIXES, ".jsonl")
FRONT_MATTER_KEYS = ("scheduled", "occasion", "reply_to", "media", "id", "tweetguard")
MAX_FILE_BYTES = 1_000_000  # a tweet is 280 characters; a megabyte is no draft
MAX_LINE_BYTES = 1_000_000  # nor is a megabyte on one JSON Lines row
MAX_COLLECTION_BYTES = 50_000_000  # a YAML collection is read whole; JSON Lines streams
MAX_FRONT_MATTER_CHARS = 20_000
# Plain `re` is enough here; YAML and JSON are imported only for drafts that need them.
THREAD_SEPARATOR = re.compile(r"^---[ \t]*\r?$", re.MULTILINE)
FENCE = re.compile(r"\A\ufeff?---[ \t]*\r?\n")
FENCE_END = re.compile(r"^---[ \t]*(?:\r?\n|\Z)", re.MULTILINE)

DraftOrError = Draft | DraftError


def parse_datetime(value: Any) -> datetime:
    """An ISO 8601 date and time; naive values are the school's local time (set later)."""
    if isinstance(value, datetime):
        return value
    if not isinstance(value, str):
        raise ValueError
    text = value.strip()
    if len(text) <= 10:  # a date alone says nothing about the hour
        raise ValueError
    return datetime.fromisoformat(text.replace("Z", "+00:00").replace(" ", "T", 1))


def _fields(meta: Mapping[str, Any], where: str, allowed: tuple[str, ...]) -> dict[str, Any]:
    """Check front-matter (or collection) keys and turn them into Draft fields."""
    for key in meta:
        if key not in allowed:
            raise DraftError(where, f"unknown key '{key}'; use {', '.join(allowed)}")
    fields: dict[str, Any] = {}
    if meta.get("scheduled") is not None:
        try:
            fields["scheduled"] = parse_datetime(meta["scheduled"])
        except ValueError:
            raise DraftError(
                where, f"scheduled '{meta['scheduled']}' is not a date and time; write it like 2026-03-11T09:30"
            ) from None
    if meta.get("occasion") is not None:
        if meta["occasion"] not in OCCASIONS:
            raise DraftError(where, f"occasion '{meta['occasion']}' is not known; use 'event' or 'urgent'")
        fields["occasion"] = meta["occasion"]
    if meta.get("reply_to") is not None:
        fields["reply_to"] = str(meta["reply_to"])
    media = meta.get("media")
    if media is not None:
        items = [media] if isinstance(media, str) else media
        if not isinstance(items, list) or not all(isinstance(m, str) for m in items):
            raise DraftError(where, f"media '{media}' must be a file name or a list of file names")
        fields["media"] = tuple(items)
    if meta.get("id") is not None:
        fields["id"] = str(meta["id"])
    options = meta.get("tweetguard")
    if options is not None:
        fields["allow"] = _allow(options, where)
    return fields


def _allow(options: Any, where: str) -> dict[str, str]:
    """Suppressions: ``tweetguard: {allow: {RULE_ID: "reason"}}``; a reason is required."""
    if not isinstance(options, dict) or set(options) - {"allow"}:
        raise DraftError(where, "tweetguard: takes only 'allow: {rule-id: \"reason\"}'")
    allow = options.get("allow") or {}
    if not isinstance(allow, dict):
        raise DraftError(where, "tweetguard: allow must map rule ids to reasons")
    for rule_id, reason in allow.items():
        if not isinstance(reason, str) or not reason.strip():
            raise DraftError(where, f"allowing '{rule_id}' needs a reason, like {rule_id}: \"agreed with parents\"")
    return {str(k): str(v) for k, v in allow.items()}


def _front_matter(content: str, source: str) -> tuple[dict[str, Any], int, int]:
    """The front matter of a draft file, the offset where the body starts, and its line."""
    opening = FENCE.match(content)
    if not opening:
        return {}, 1 if content.startswith("\ufeff") else 0, 1
    closing = FENCE_END.search(content, opening.end())
    if not closing:
        raise DraftError(f"{source}:1", "front matter starts with '---' but has no closing '---' line")
    block = content[opening.end() : closing.start()]
    if len(block) > MAX_FRONT_MATTER_CHARS:
        raise DraftError(f"{source}:2", "front matter is too long; keep it to a few keys")
    from tweetguard.core import yamlsafe

    try:
        meta = yamlsafe.load(block)
    except yamlsafe.YamlProblem as exc:
        raise DraftError(f"{source}:{exc.line + 1}", f"front matter {exc.message}") from None
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        raise DraftError(f"{source}:2", "front matter must be 'key: value' lines")
    body_line = content.count("\n", 0, closing.end()) + 1
    return meta, closing.end(), body_line


def _body_drafts(content: str, offset: int, line: int, source: str, path: Path | None,
                 fields: dict[str, Any]) -> Iterator[Draft]:
    """One Draft per tweet of the body; a thread gets one per part, numbered from 1."""
    body = content[offset:]
    cuts = [0] + [p for m in THREAD_SEPARATOR.finditer(body) for p in (m.start(), m.end())] + [len(body)]
    parts = [(cuts[i], cuts[i + 1]) for i in range(0, len(cuts), 2)]
    for index, (start, end) in enumerate(parts, start=1):
        raw = body[start:end]
        stripped = raw.strip()
        lead = len(raw) - len(raw.lstrip())
        text_start = offset + start + lead
        text_line = line + content.count("\n", offset, text_start)
        yield Draft(
            source=f"{source}:{text_line}" if len(parts) > 1 else source,
            text=stripped.replace("\r\n", "\n"),
            path=path,
            line=text_line,
            text_start=text_start,
            thread_index=index if len(parts) > 1 else None,
            **fields,
        )


def decode_text(raw: bytes, source: str) -> str:
    if b"\x00" in raw[:8192]:
        raise DraftError(source, "this is a binary file, not a text draft; remove it or exclude it")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise DraftError(
            f"{source}:{line}", f"byte 0x{raw[exc.start]:02x} is not UTF-8; save the file as UTF-8 text"
        ) from None


def read_text_draft(content: str, source: str, path: Path | None = None) -> list[Draft]:
    """The drafts in one draft file's text (front matter, then a tweet or a thread)."""
    meta, offset, line = _front_matter(content, source)
    fields = _fields(meta, f"{source}:{1 if not meta else 2}", FRONT_MATTER_KEYS)
    drafts = list(_body_drafts(content, offset, line, source, path, fields))
    for draft in drafts:
        if not draft.text:
            raise DraftError(f"{source}:{draft.line}", "this draft is empty; write the tweet or remove the file")
    return drafts


def _collection_item(item: Any, source: str, path: Path) -> Draft:
    if not isinstance(item, dict):
        raise DraftError(source, "each entry must be an object with a 'text' field")
    text = item.get("text")
    if not isinstance(text, str):
        raise DraftError(source, "this entry has no 'text'; add the tweet as \"text\": \"...\"")
    if not text.strip():
        raise DraftError(source, "this entry's text is empty; write the tweet or remove the entry")
    meta = {k: v for k, v in item.items() if k != "text"}
    fields = _fields(meta, source, FRONT_MATTER_KEYS)
    line = int(source.rsplit(":", 1)[1])
    return Draft(source=source, text=text, path=path, line=line, **fields)


def _jsonl_item(raw: bytes, line_no: int, path: Path) -> DraftOrError | None:
    """The draft on one JSON Lines row (None for a blank row), or what is wrong with it."""
    source = f"{path}:{line_no}"
    if len(raw) > MAX_LINE_BYTES:
        return DraftError(source, f"{len(raw):,} bytes on one line is far too long for a tweet; split or remove it")
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return DraftError(source, f"byte 0x{raw[exc.start]:02x} is not UTF-8; save the file as UTF-8 text")
    if not line.strip():
        return None
    import json

    try:
        item = json.loads(line)
    except json.JSONDecodeError as exc:
        return DraftError(source, f"not valid JSON ({exc.msg.removesuffix(' at')} at column {exc.colno}); "
                           "fix or remove this line")
    except RecursionError:
        return DraftError(source, "not valid JSON (nested too deeply); fix or remove this line")
    try:
        return _collection_item(item, source, path)
    except DraftError as exc:
        return exc


def read_jsonl(stream: BinaryIO, path: Path) -> Iterator[DraftOrError]:
    """One draft per row, read a row at a time so memory stays flat however long the file.

    Rows end at a newline only (a JSON string may hold U+2028 or a form feed, which
    ``str.splitlines`` would split on); a BOM at the start is skipped.
    """
    for line_no, raw in enumerate(stream, start=1):
        if line_no == 1:
            if b"\x00" in raw[:8192]:
                yield DraftError(str(path), "this is a binary file, not JSON Lines; remove it or exclude it")
                return
            raw = raw.removeprefix(b"\xef\xbb\xbf")
        item = _jsonl_item(raw, line_no, path)
        if item is not None:
            yield item


def read_yaml_collection(content: str, path: Path) -> Iterator[DraftOrError]:
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
        source = f"{path}:{yamlsafe.line_of(item_node)}"
        try:
            yield _collection_item(yamlsafe.construct(item_node), source, path)
        except DraftError as exc:
            yield exc
        except yamlsafe.YamlProblem as exc:
            yield DraftError(source, exc.message)


def read_file(path: Path) -> Iterator[DraftOrError]:
    """Every draft in one file, or the error that stops it being read."""
    source = str(path)
    suffix = path.suffix.lower()
    try:
        if suffix == ".jsonl":
            with path.open("rb") as stream:
                yield from read_jsonl(stream, path)
            return
        size = path.stat().st_size
        limit = MAX_COLLECTION_BYTES if suffix in (".yaml", ".yml") else MAX_FILE_BYTES
        if size > limit:
            what = "a YAML collection; use JSON Lines" if limit == MAX_COLLECTION_BYTES else "a tweet draft"
            yield DraftError(source, f"{size:,} bytes is far too long for {what}; split or remove it")
            return
        content = decode_text(path.read_bytes(), source)
    except DraftError as exc:
        yield exc
        return
    except OSError as exc:
        yield DraftError(source, f"cannot read this file ({exc.strerror or exc})")
        return
    if suffix in (".yaml", ".yml"):
        yield from read_yaml_collection(content, path)
    else:
        try:
            yield from read_text_draft(content, source, path)
        except DraftError as exc:
            yield exc
