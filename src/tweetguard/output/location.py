"""Turning a code-point offset in a draft's text into a line and column in its file."""

from __future__ import annotations

from tweetguard.core.model import Draft


def line_col(draft: Draft, offset: int) -> tuple[int, int]:
    """1-based line and column of ``offset`` in the draft's file (columns in code points)."""
    before = draft.text[:offset]
    newlines = before.count("\n")
    if newlines:
        return draft.line + newlines, offset - before.rfind("\n")
    return draft.line, offset + 1


def file_of(draft: Draft) -> str:
    """The file a draft came from, without a ':line' suffix (for annotations)."""
    if draft.path is not None:
        return str(draft.path)
    return draft.source
