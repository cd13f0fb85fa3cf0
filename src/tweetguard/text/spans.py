"""Spans asked about many times: whether one holds a given span, which start in a stretch.

A long draft has many matches and many spans to test them against (exceptions, a sentence's
bounds, context words); walking every span for every match was quadratic. Sorted once,
each question is a bisection, with the answers of the walks they replace.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from itertools import accumulate

Span = tuple[int, int]


class Spans:
    """Spans in order of start (then end), for questions about where they are."""

    def __init__(self, spans: Iterable[Span]) -> None:
        self.ordered = sorted(spans)
        self._starts = [start for start, _ in self.ordered]
        self._reach = list(accumulate((end for _, end in self.ordered), max))  # furthest end so far

    def __bool__(self) -> bool:
        return bool(self.ordered)

    def hold(self, span: Span) -> bool:
        """Whether one of them holds ``span``: ``any(s <= span[0] and span[1] <= e ...)``."""
        before = bisect_right(self._starts, span[0])  # the spans starting at or before it
        return before > 0 and self._reach[before - 1] >= span[1]

    def starting_in(self, low: int, high: int) -> list[Span]:
        """The spans with ``low <= start < high``, in order."""
        return self.ordered[bisect_left(self._starts, low):bisect_left(self._starts, high)]

    def starting_between(self, low: int, high: int) -> list[Span]:
        """The spans with ``low <= start <= high``, in order."""
        return self.ordered[bisect_left(self._starts, low):bisect_right(self._starts, high)]


def outermost(spans: Iterable[Span]) -> list[Span]:
    """The spans not inside a longer one that starts first, in order: "not good enough" is
    read once, not again as "good"."""
    kept: list[Span] = []
    for span in sorted(spans, key=lambda s: (s[0], -s[1])):
        if kept and span[0] < kept[-1][1]:
            continue
        kept.append(span)
    return kept
