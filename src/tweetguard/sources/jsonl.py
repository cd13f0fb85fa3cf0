"""A JSON Lines collection (.jsonl): one draft per row, ``{"text": ..., front-matter keys}``.

Read a row at a time so memory stays flat however long the file. A fix re-encodes just
that row's ``text`` value; the rest of the row, and every other row, stays as written.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import BinaryIO, Iterator, Sequence

from tweetguard.core.errors import DraftError
from tweetguard.core.model import Draft
from tweetguard.sources.base import DraftOrError, Edit, FileChanged, FileSource, read_opened, splice
from tweetguard.sources.decoding import label
from tweetguard.sources.fields import collection_draft

SUFFIX = ".jsonl"
MAX_LINE_BYTES = 1_000_000  # a megabyte on one row is no tweet


def _jsonl_item(raw: bytes, line_no: int, path: Path) -> DraftOrError | None:
    """The draft on one JSON Lines row (None for a blank row), or what is wrong with it."""
    source = f"{label(path)}:{line_no}"
    if len(raw) > MAX_LINE_BYTES:
        return DraftError(source, f"over {MAX_LINE_BYTES:,} bytes on one line is far too long for a tweet; split or remove it")
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return DraftError(source, f"byte 0x{raw[exc.start]:02x} is not UTF-8; save the file as UTF-8 text")
    if not line.strip():
        return None
    import json  # here, not at the top: the CLI starts faster when no .jsonl is read

    try:
        item = json.loads(line)
    except json.JSONDecodeError as exc:
        return DraftError(source, f"not valid JSON ({exc.msg.removesuffix(' at')} at column {exc.colno}); "
                           "fix or remove this line")
    except RecursionError:
        return DraftError(source, "not valid JSON (nested too deeply); fix or remove this line")
    except ValueError:  # Python refuses to read an integer of more than 4,300 digits
        return DraftError(source, "holds a number too long to read; fix or remove this line")
    try:
        return collection_draft(item, source, path)
    except DraftError as exc:
        return exc


def _bounded_rows(stream: BinaryIO) -> Iterator[bytes]:
    """The rows of ``stream``; a row over MAX_LINE_BYTES is cut there (the rest is skipped
    unread into memory), so one endless line cannot fill memory. Its length then reads as
    MAX_LINE_BYTES + 1, enough for the "far too long" error."""
    while True:
        raw = stream.readline(MAX_LINE_BYTES + 1)
        if not raw:
            return
        if len(raw) > MAX_LINE_BYTES and not raw.endswith(b"\n"):
            while (rest := stream.readline(MAX_LINE_BYTES)) and not rest.endswith(b"\n"):
                pass
        yield raw


def read_jsonl(stream: BinaryIO, path: Path) -> Iterator[DraftOrError]:
    """One draft per row.

    Rows end at a newline only (a JSON string may hold U+2028 or a form feed, which
    ``str.splitlines`` would split on); a BOM at the start is skipped.
    """
    for line_no, raw in enumerate(_bounded_rows(stream), start=1):
        if line_no == 1:
            if b"\x00" in raw[:8192]:
                yield DraftError(str(path), "this is a binary file, not JSON Lines; remove it or exclude it")
                return
            raw = raw.removeprefix(b"\xef\xbb\xbf")
        item = _jsonl_item(raw, line_no, path)
        if item is not None:
            yield item


def _skip_space(line: str, index: int) -> int:
    return index + len(line[index:]) - len(line[index:].lstrip())


def _json_text_span(line: str) -> tuple[int, int]:
    """The [start, end) of the ``text`` string literal in one JSON Lines object (last one wins)."""
    import json

    decoder = json.JSONDecoder()
    index = _skip_space(line, 0)
    if not line.startswith("{", index):
        raise ValueError("not an object")
    index += 1
    span: tuple[int, int] | None = None
    while True:
        index = _skip_space(line, index)
        if line.startswith("}", index):
            break
        key, index = json.decoder.scanstring(line, index + 1)  # type: ignore[attr-defined]
        index = _skip_space(line, index) + 1  # the ':'
        index = _skip_space(line, index)
        _, end = decoder.raw_decode(line, index)
        if key == "text":
            span = (index, end)
        index = _skip_space(line, end)
        if line.startswith(",", index):
            index += 1
    if span is None:
        raise ValueError("no text")
    return span


def _rows(content: str) -> list[str]:
    """The rows of a decoded file with their endings, numbered as read_jsonl numbers them.

    Not ``str.splitlines``: it also splits at U+2028, a form feed and others, which a JSON
    string may hold raw, and the rows after one would be miscounted.
    """
    rows = [row + "\n" for row in content.split("\n")]
    rows[-1] = rows[-1][:-1]
    return rows if rows[-1] else rows[:-1]


class JsonLines(FileSource):
    """A .jsonl collection, read a row at a time and fixed a ``text`` value at a time."""

    fix_label = ".jsonl collections"

    def reads(self, path: Path) -> bool:
        return path.suffix.lower() == SUFFIX

    def read(self, path: Path) -> Iterator[DraftOrError]:
        return read_opened(path, lambda stream: read_jsonl(stream, path))

    def reread(self, content: str, path: Path) -> list[Draft]:
        # Rows that could not be read the first time are skipped again, as when checking.
        stream = io.BytesIO(content.encode("utf-8"))
        return [d for d in read_jsonl(stream, path) if isinstance(d, Draft)]

    def place(self, content: str, draft: Draft, edits: Sequence[Edit]) -> list[Edit]:
        """One edit: this row's ``text`` literal, re-encoded with the fixes applied."""
        import json

        lines = _rows(content)
        if draft.line > len(lines):
            raise FileChanged(draft.source)
        offset = sum(len(line) for line in lines[: draft.line - 1])
        line = lines[draft.line - 1]
        if draft.line == 1 and line.startswith("\ufeff"):  # read_jsonl skips a BOM
            offset, line = 1, line[1:]
        try:
            start, end = _json_text_span(line)
            if json.loads(line[start:end]) != draft.text:
                raise ValueError("changed")
        except (ValueError, IndexError):
            raise FileChanged(draft.source) from None
        literal = line[start:end]
        # Keep the row's style: raw non-ASCII stays raw, \u-escaped text stays escaped.
        new_literal = json.dumps(splice(draft.text, edits), ensure_ascii=literal.isascii())
        return [Edit(offset + start, offset + end, new_literal)]
