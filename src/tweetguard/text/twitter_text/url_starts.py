"""Finding URLs without trying every letter of a long run of dotted words.

twitter-text's URL pattern, tried at each letter of "a.b.c.d..." (or "1.2.3.4..."), reads
on to the end of the run and back, asking at every label for any of 1,574 top-level
domains: a 280-character tweet of such a run took 0.1 s, and 2,000 characters five
seconds. A URL's domain lies inside one run of domain characters and dots, and ends in a
label followed by a dot and a top-level domain; so only runs with such a chain, and only
the places a match could start in them (up to "https://" and the character before), are
tried. :func:`url_matches` finds what ``extract.finditer(text)`` finds, in the same order.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

# How far before a domain a match can start: the preceding character and "https://".
_LEAD = len("https://") + 1


def url_matches(text: str, extract: re.Pattern[str], runs: re.Pattern[str],
                tld: re.Pattern[str]) -> Iterator[re.Match[str]]:
    """``extract.finditer(text)``, trying ``extract`` only where a match can start.

    ``runs`` finds the runs of characters a domain is made of (dots included); ``tld`` is
    the top-level-domain alternation with its lookahead, as ``extract`` has them.
    """
    position = 0  # where finditer would search from: the end of the last match
    tried = 0  # every start before this was tried already
    for low, high in _starts(text, runs, tld):
        for start in range(max(low, position, tried), high):
            tried = start + 1
            if start < position:
                continue
            match = extract.match(text, start)
            if match is not None:
                yield match
                position = match.end()


def _starts(text: str, runs: re.Pattern[str], tld: re.Pattern[str]) -> Iterator[tuple[int, int]]:
    """[low, high) ranges holding every place a URL match can start, left to right."""
    for run in runs.finditer(text):
        if "." not in run.group():
            continue
        labels: list[tuple[int, int]] = []
        at = run.start()
        for label in run.group().split("."):
            labels.append((at, at + len(label)))
            at += len(label) + 1
        # chained[k]: labels k..j (each followed by a dot) then a top-level domain.
        chained = [False] * len(labels)
        for k in range(len(labels) - 2, -1, -1):
            start, end = labels[k]
            if start < end and (chained[k + 1] or tld.match(text, labels[k + 1][0]) is not None):
                chained[k] = True
        for k, (start, end) in enumerate(labels):
            if chained[k]:
                yield max(0, start - _LEAD), end
