"""Where a violation is in its file, as machine formats (GitHub, SARIF, JSON Lines) want it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from tweetguard.core.errors import printable
from tweetguard.core.model import Draft, Violation
from tweetguard.output.location import file_of, line_col


@dataclass(frozen=True)
class Region:
    """1-based lines and columns; ``end_col`` is the column just after the last character."""

    line: int
    col: int
    end_line: int
    end_col: int


def region(draft: Draft, violation: Violation) -> Region:
    """The violation's span; a whole-draft violation (start == end) covers the draft's first line."""
    if violation.end <= violation.start:
        first_line = draft.text.split("\n", 1)[0]
        return Region(draft.line, 1, draft.line, len(first_line) + 1)
    line, col = line_col(draft, violation.start)
    end_line, end_col = line_col(draft, violation.end)
    return Region(line, col, end_line, end_col)


def relative_file(draft: Draft) -> str:
    """The draft's file with forward slashes, relative to the current folder when inside it.

    Printable: control characters and bytes that are not UTF-8 escaped, as in the draft's
    source (``relative_path`` keeps them, for SARIF's percent-encoded URIs).
    """
    return printable(relative_path(draft))


def relative_path(draft: Draft) -> str:
    """``relative_file`` as the OS names it (bytes that are not UTF-8 as surrogates)."""
    if draft.path is None:
        return draft.source
    path = draft.path
    if path.is_absolute():
        try:
            path = path.relative_to(Path.cwd())
        except ValueError:
            pass
    return path.as_posix()


def split_where(where: str) -> tuple[str, int | None]:
    """'drafts/a.txt:3' -> ('drafts/a.txt', 3); a where without a line number -> (where, None)."""
    head, sep, tail = where.rpartition(":")
    if sep and tail.isdigit() and head:
        return head, int(tail)
    return where, None


__all__ = ["Region", "region", "relative_file", "relative_path", "split_where", "file_of"]
