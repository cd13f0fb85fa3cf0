"""Matching words and phrases on word boundaries, shared by the word-list kinds."""

from __future__ import annotations

from functools import lru_cache
from typing import Iterable, Iterator

import regex

# Matching is bounded in time so a pathological draft or custom pattern cannot hang a run.
MATCH_TIMEOUT_SECONDS = 0.5


def phrase_pattern(phrase: str) -> str:
    """A phrase as a regex: its words in order, any run of spaces between them."""
    return r"\s+".join(regex.escape(word) for word in phrase.split())


@lru_cache(maxsize=256)
def _compile(phrases: tuple[str, ...], case_sensitive: bool) -> regex.Pattern[str] | None:
    if not phrases:
        return None
    # Longest first, so "hell of a" wins over "hell".
    body = "|".join(phrase_pattern(p) for p in sorted(set(phrases), key=len, reverse=True))
    flags = regex.V1 | (0 if case_sensitive else regex.IGNORECASE)
    return regex.compile(rf"(?<![\w])(?:{body})(?![\w])", flags)


def find_phrases(text: str, phrases: Iterable[str], case_sensitive: bool = False) -> Iterator[tuple[int, int]]:
    """Spans of whole-word occurrences of any of ``phrases`` in ``text``."""
    pattern = _compile(tuple(phrases), case_sensitive)
    if pattern is None:
        return
    for match in pattern.finditer(text, timeout=MATCH_TIMEOUT_SECONDS):
        yield match.span()


def first_phrase(text: str, phrases: Iterable[str]) -> str | None:
    """The first of ``phrases`` found in ``text`` (as written there), or None."""
    for start, end in find_phrases(text, phrases):
        return text[start:end]
    return None


def inside_any(span: tuple[int, int], others: Iterable[tuple[int, int]]) -> bool:
    start, end = span
    return any(o_start <= start and end <= o_end for o_start, o_end in others)
