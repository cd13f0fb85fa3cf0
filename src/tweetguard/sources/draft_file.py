"""A draft file (.txt or .md): one tweet, or a thread, after optional YAML front matter.

Front matter sits between ``---`` lines at the top. In the body, a line holding only
``---`` separates the tweets of a thread; each gets its own Draft, numbered from 1. A
file of any other suffix named directly on the command line is read the same way, but only
.txt and .md files are picked up in folders and fixed in place.

A fix is placed by finding the draft's text in the file again, character by character, so
front matter, the other tweets, CRLF line endings and a BOM stay as written.
"""

from __future__ import annotations

import fnmatch
import re
from pathlib import Path
from typing import Any, Iterator, Sequence

from tweetguard.core.errors import DraftError
from tweetguard.core.model import Draft
from tweetguard.core.patterns import lazy_re
from tweetguard.sources.base import DraftOrError, Edit, FileChanged, FileSource
from tweetguard.sources.decoding import label, read_whole
from tweetguard.sources.fields import FRONT_MATTER_KEYS, draft_fields

DRAFT_SUFFIXES = (".txt", ".md")
# Matched as include globs always were (case-sensitive except where the OS folds case), so
# a folder's NOTES.TXT is skipped on Linux as before the registry.
FOLDER_GLOBS = ("*.txt", "*.md")
MAX_FILE_BYTES = 1_000_000  # a tweet is 280 characters; a megabyte is no draft
MAX_FRONT_MATTER_CHARS = 20_000
# Plain `re` is enough here; YAML is imported only for drafts that have front matter.
THREAD_SEPARATOR = lazy_re(r"^---[ \t]*\r?$", re.MULTILINE)
FENCE = lazy_re(r"\A\ufeff?---[ \t]*\r?\n")
FENCE_END = lazy_re(r"^---[ \t]*(?:\r?\n|\Z)", re.MULTILINE)


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


def read_text_draft(content: str, source: str, path: Path | None = None) -> list[Draft]:
    """The drafts in one draft file's text (front matter, then a tweet or a thread)."""
    meta, offset, line = _front_matter(content, source)
    fields = draft_fields(meta, f"{source}:{1 if not meta else 2}", FRONT_MATTER_KEYS)
    drafts = list(_body_drafts(content, offset, line, source, path, fields))
    for draft in drafts:
        if not draft.text:
            raise DraftError(f"{source}:{draft.line}", "this draft is empty; write the tweet or remove the file")
    return drafts


def _text_positions(content: str, draft: Draft) -> list[int]:
    """Where each code point of ``draft.text`` (and its end) lies in the decoded file.

    The text is the stripped body with CRLF turned to LF, so an LF may stand for two
    characters of the file. A mismatch means the file changed since it was read.
    """
    positions: list[int] = []
    cursor = draft.text_start
    for char in draft.text:
        positions.append(cursor)
        if char == "\n" and content.startswith("\r\n", cursor):
            cursor += 2
        elif cursor < len(content) and content[cursor] == char:
            cursor += 1
        else:
            raise FileChanged(draft.source)
    positions.append(cursor)
    return positions


class DraftFile(FileSource):
    """A .txt or .md draft file (and, named directly, a file of any other suffix)."""

    fix_label = ".txt/.md drafts"

    def reads(self, path: Path) -> bool:
        return path.suffix.lower() in DRAFT_SUFFIXES

    def found_in_folder(self, path: Path) -> bool:
        return self.reads(path) and any(fnmatch.fnmatch(path.name, glob) for glob in FOLDER_GLOBS)

    def read(self, path: Path) -> Iterator[DraftOrError]:
        try:
            yield from read_text_draft(read_whole(path, MAX_FILE_BYTES, "a tweet draft"), label(path), path)
        except DraftError as exc:
            yield exc

    def reread(self, content: str, path: Path) -> list[Draft]:
        return read_text_draft(content, label(path), path)

    def place(self, content: str, draft: Draft, edits: Sequence[Edit]) -> list[Edit]:
        positions = _text_positions(content, draft)
        newline = "\r\n" if "\r\n" in content else "\n"  # a fix that adds a line keeps the file's endings
        return [Edit(positions[e.start], positions[e.end], e.new.replace("\n", newline)) for e in edits]
