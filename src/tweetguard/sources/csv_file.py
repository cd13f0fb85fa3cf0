"""A scheduler's bulk-upload spreadsheet (.csv): a header row, then one post per row.

Columns are found by header name, in any case: the text in ``text``, ``message``,
``content``, ``post`` or ``caption``; the posting time in ``scheduled``, ``date``, ``time``
or ``publish_at`` (ISO, ``2026-11-28 19:30`` or UK day-first ``28/11/2026 19:30``); and
optionally ``occasion``, ``media`` (file names split by ``;`` or ``|``), ``alt`` (their
descriptions, in the same order, split the same way) and ``platform``.
Other columns are the scheduler's and are left alone. Each row is ``posts.csv:LINE``,
the line its row starts on. Read a row at a time; a fix rewrites only the text cell.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import BinaryIO, TextIO

from tweetguard.core.errors import DraftError
from tweetguard.core.model import Draft
from tweetguard.sources.base import DraftOrError, Edit, FileChanged, FileSource, read_opened, splice
from tweetguard.sources.decoding import label
from tweetguard.sources.fields import collection_draft

SUFFIX = ".csv"
TEXT_COLUMNS = ("text", "message", "content", "post", "caption")
TIME_COLUMNS = ("scheduled", "date", "time", "publish_at")
OTHER_COLUMNS = ("occasion", "media", "alt", "platform")
# A cell is limited by the csv module's own 131,072 characters (twice Facebook's longest
# post): a larger one is an error on its row. The limit is the process's, so it is not changed.
DAY_FIRST = re.compile(r"\s*(\d{1,2})/(\d{1,2})/(\d{4})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?\s*")


def _columns(header: list[str]) -> dict[str, int]:
    """Which cell holds each field: the first column whose header names it."""
    names = [cell.strip().lower() for cell in header]
    found: dict[str, int] = {}
    for field, choices in (("text", TEXT_COLUMNS), ("scheduled", TIME_COLUMNS),
                           *((name, (name,)) for name in OTHER_COLUMNS)):
        index = next((names.index(c) for c in choices if c in names), None)
        if index is not None:
            found[field] = index
    return found


def _iso(value: str) -> str:
    """A day-first UK time (28/11/2026 19:30) as ISO; anything else as given."""
    m = DAY_FIRST.fullmatch(value)
    if m is None:
        return value
    day, month, year, hour, minute, second = m.groups()
    return f"{year}-{int(month):02d}-{int(day):02d}T{int(hour):02d}:{minute}:{second or '00'}"


def _item(row: list[str], columns: dict[str, int]) -> dict[str, object]:
    """The row as a collection entry: ``text`` and the front-matter keys its cells give."""
    cell = {field: row[i].strip() if i < len(row) else "" for field, i in columns.items()}
    item: dict[str, object] = {"text": row[columns["text"]] if columns["text"] < len(row) else ""}
    if cell.get("scheduled"):
        item["scheduled"] = _iso(cell["scheduled"])
    if cell.get("occasion"):
        item["occasion"] = cell["occasion"].lower()
    if cell.get("media"):
        files = [m.strip() for m in re.split(r"[;|]", cell["media"]) if m.strip()]
        # The alt column describes the photos in the same order, split the same way.
        alts = [a.strip() for a in re.split(r"[;|]", cell.get("alt", ""))]
        item["media"] = [{"file": f, "alt": alts[i]} if i < len(alts) and alts[i] else f for i, f in enumerate(files)]
    if cell.get("platform"):
        item["platform"] = cell["platform"]
    return item


def read_csv(stream: TextIO, path: Path) -> Iterator[DraftOrError]:
    """One draft per row after the header; a blank row is skipped."""
    reader = csv.reader(stream)
    where = label(path)
    try:
        header = next(reader, None)
        if header is None:
            yield DraftError(f"{where}:1", "this CSV is empty; give it a header row with a 'text' column")
            return
        columns = _columns(header)
        if "text" not in columns:
            found = ", ".join(repr(c.strip()) for c in header if c.strip()) or "none"
            yield DraftError(f"{where}:1", f"no text column: name one {', '.join(TEXT_COLUMNS)} "
                                           f"(the columns found: {found})")
            return
        line = reader.line_num + 1
        for row in reader:
            source = f"{where}:{line}"
            line = reader.line_num + 1
            if not any(cell.strip() for cell in row):
                continue
            try:
                yield collection_draft(_item(row, columns), source, path, keys_in="columns")
            except DraftError as exc:
                yield exc
    except csv.Error as exc:
        yield DraftError(f"{where}:{reader.line_num}", f"not valid CSV ({exc}); fix or remove this row")
    except UnicodeDecodeError:
        yield DraftError(f"{where}:{reader.line_num + 1}", "is not UTF-8 text; save it as 'CSV UTF-8' and try again")


def _text_stream(raw: BinaryIO) -> TextIO:
    # newline="": the csv module reads line endings inside quoted cells itself.
    return io.TextIOWrapper(raw, encoding="utf-8-sig", newline="")


def _cell_spans(content: str, start: int) -> Iterator[tuple[int, int]]:
    """The [start, end) of each cell of the CSV row that begins at ``start``, as written."""
    at = start
    while True:
        if content.startswith('"', at):
            end = at + 1
            while True:
                end = content.index('"', end)
                if content.startswith('""', end):
                    end += 2
                    continue
                end += 1
                break
        else:
            end = at
            while end < len(content) and content[end] not in ",\r\n":
                end += 1
        yield at, end
        if end >= len(content) or content[end] != ",":
            return
        at = end + 1


def _encode_cell(text: str, was_quoted: bool) -> str:
    """``text`` as a CSV cell, quoted as before (or when it must be)."""
    if was_quoted or any(c in text for c in ',"\r\n') or text != text.strip():
        return '"' + text.replace('"', '""') + '"'
    return text


class CsvFile(FileSource):
    """A scheduler's .csv, read a row at a time and fixed a text cell at a time."""

    fix_label = ".csv spreadsheets"

    def reads(self, path: Path) -> bool:
        return path.suffix.lower() == SUFFIX

    def read(self, path: Path) -> Iterator[DraftOrError]:
        return read_opened(path, lambda raw: read_csv(_text_stream(raw), path))

    def reread(self, content: str, path: Path) -> list[Draft]:
        stream = _text_stream(io.BytesIO(content.encode("utf-8")))
        return [d for d in read_csv(stream, path) if isinstance(d, Draft)]

    def place(self, content: str, draft: Draft, edits: Sequence[Edit]) -> list[Edit]:
        """One edit: this row's text cell, re-encoded with the fixes applied."""
        body = content.removeprefix("\ufeff")
        shift = len(content) - len(body)
        header_row = next(csv.reader(io.StringIO(body, newline="")), [])
        index = _columns(header_row).get("text")
        row_start = _line_offset(body, draft.line)
        if index is None or row_start is None:
            raise FileChanged(draft.source)
        try:
            spans = list(_cell_spans(body, row_start))
            start, end = spans[index]
        except (IndexError, ValueError):
            raise FileChanged(draft.source) from None
        written = body[start:end]
        quoted = written.startswith('"')
        current = written[1:-1].replace('""', '"') if quoted else written
        if current != draft.text:
            raise FileChanged(draft.source)
        return [Edit(shift + start, shift + end, _encode_cell(splice(draft.text, edits), quoted))]


def _line_offset(content: str, line: int) -> int | None:
    """Where the 1-based physical ``line`` starts in ``content`` (None past the end)."""
    at = 0
    for _ in range(line - 1):
        found = content.find("\n", at)
        if found < 0:
            return None
        at = found + 1
    return at
