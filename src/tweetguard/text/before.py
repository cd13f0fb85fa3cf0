"""The word just before a place in a text, found without reading everything before it.

``LAST_WORD.search(text[:end])`` reads the whole text before ``end`` each time it is asked,
so asking it at each match of a long draft was quadratic. A text's word runs are found
once (for the last few texts asked about); each question is then a bisection. The answers
are those of the patterns it replaces, ``(\\w+)\\W*$`` and ``(\\w+)\\s*$`` (regex, version 0).
"""

from __future__ import annotations

from bisect import bisect_left

from tweetguard.core.patterns import lazy_regex

WORD_RUN = lazy_regex(r"\w+")
SPACES = lazy_regex(r"\s*")
_KEPT = 4
_RUNS: dict[str, tuple[list[int], list[int]]] = {}


def word_runs(text: str) -> tuple[list[int], list[int]]:
    """Where each word (``\\w+``, regex version 0) of ``text`` starts, and where it ends."""
    found = _RUNS.get(text)
    if found is None:
        if len(_RUNS) >= _KEPT:
            _RUNS.clear()
        starts: list[int] = []
        ends: list[int] = []
        for match in WORD_RUN.finditer(text):
            starts.append(match.start())
            ends.append(match.end())
        found = _RUNS[text] = (starts, ends)
    return found


def last_word(text: str, end: int, spaces_only: bool = False) -> tuple[int, int] | None:
    """Where the last word of ``text[:end]`` is: what ``(\\w+)\\W*$`` finds there, or with
    ``spaces_only`` what ``(\\w+)\\s*$`` finds (only spaces after the word); None for no word."""
    starts, ends = word_runs(text)
    index = bisect_left(starts, end) - 1  # the last word starting before ``end``
    if index < 0:
        return None
    start, stop = starts[index], min(ends[index], end)
    if spaces_only and SPACES.fullmatch(text, stop, end) is None:
        return None
    return start, stop
