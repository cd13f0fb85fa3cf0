"""The shipped word lists the name recogniser reads: first names, surnames, everyday words.

One loader and one folding for every caller (the names rules, the context-name finder and
``--redact``): a word is looked up by :func:`fold` (case-folded, curly apostrophe
straightened, a possessive "'s" dropped).
"""

from __future__ import annotations

import unicodedata

from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Mapping

from tweetguard.core.paths import DATA

# common_words.txt runs down to rare words and surnames (Pemberton is near 30,000); only the
# words above this rank count as everyday English.
EVERYDAY_RANK = 20000
# A first name that is also a very frequent word (rank in common_words.txt) is weak evidence
# alone: "Will", "May", "Hope", "Summer", "Art", "Mark".
FREQUENT_RANK = 1200
# A listed surname that is also a rarer word (Rutherford, rank 16,599) is still a surname.
SURNAME_WORD_RANK = 10000
# Words below this rank in common_words.txt are rare enough to be unlisted surnames.
RARE_RANK = 12000


@dataclass(frozen=True)
class Gazetteer:
    """Folded first names and surnames, and each everyday word's frequency rank (0 = commonest)."""

    first_names: frozenset[str]
    surnames: frozenset[str]
    common_rank: Mapping[str, int]

    def is_everyday(self, key: str) -> bool:
        """A word among the EVERYDAY_RANK commonest English words (``key`` folded)."""
        return key in self.common_rank


def _read_words(name: str, lower_only: bool = False) -> list[str]:
    """A data file's words in order, folded. The whole text is folded and split at once: the
    gazetteers are 75,000 lines and are read at every start, so per-line work shows."""
    raw = (DATA / name).read_text(encoding="utf-8")
    text = raw.lower() if lower_only else raw.casefold()
    return [word for word in (line.strip() for line in text.split("\n")) if word and word[0] != "#"]


@cache
def gazetteer() -> Gazetteer:
    """The shipped name lists, read once per process (they are shipped data, not settings)."""
    words = _read_words("common_words.txt", lower_only=True)[:EVERYDAY_RANK]
    return Gazetteer(
        frozenset(_read_words("first_names.txt")),
        frozenset(_read_words("surnames.txt")),
        {word: rank for rank, word in enumerate(words)},
    )


def unaccented(key: str) -> str:
    """``key`` without its accents: "nguyễn" -> "nguyen", "szabó" -> "szabo"."""
    if key.isascii():
        return key
    return "".join(c for c in unicodedata.normalize("NFD", key) if not unicodedata.combining(c))


@lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """Lookup key: case-folded, curly apostrophe straightened, possessive dropped."""
    key = word.casefold().replace("’", "'")
    if key.endswith("'s"):
        key = key[:-2]
    return key
