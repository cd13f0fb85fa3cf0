"""Counted words for people to read: "1 draft", "2 drafts", "3 fixes"."""

from __future__ import annotations


def plural(count: int, word: str, many: str | None = None) -> str:
    """``count`` and ``word``, in the plural (``many``, or ``word`` + "s") unless it is one."""
    return f"{count} {word if count == 1 else many or word + 's'}"
