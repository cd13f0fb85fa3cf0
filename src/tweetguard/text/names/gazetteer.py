"""The shipped word lists the name recogniser reads: first names, surnames, everyday words.

One loader and one folding for every caller (the names rules, the context-name finder and
``--redact``): a word is looked up by :func:`fold` (case-folded, curly apostrophe
straightened, a possessive "'s" dropped).

The lists are 75,000 words; building sets of them took a sixth of a cold start, for the
thirty or so lookups a draft makes. Each list is kept packed instead (its sorted words in
one string and where each starts, from the cache when a run before built them) and
answers by binary search; only after many lookups (a run over many drafts) does it build
the set, which then answers instead. The answers are the same either way.
"""

from __future__ import annotations

import marshal
import unicodedata
import zlib
from array import array
from collections.abc import Callable
from functools import cache, lru_cache
from typing import Protocol, overload

from tweetguard.core import diskcache
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
# Lookups a packed list answers before it builds its set: about thirty drafts' worth.
LOOKUPS_BEFORE_SET = 1000
# Bumped when _pack packs differently: a cached packing of another version is not used.
PACKING = 1


class Words(Protocol):
    def __contains__(self, key: object, /) -> bool: ...


class Ranks(Protocol):
    def __contains__(self, key: object, /) -> bool: ...

    def __getitem__(self, key: str, /) -> int: ...

    @overload
    def get(self, key: str, /) -> int | None: ...

    @overload
    def get(self, key: str, default: int, /) -> int: ...


class PackedWords:
    """Sorted distinct words (with a rank each, or none) looked up by binary search; after
    LOOKUPS_BEFORE_SET lookups, through a frozenset or dict built from them, which is also
    handed to ``on_built`` (so its owner can use it directly from then on)."""

    def __init__(self, text: str, starts: array[int], ranks: array[int] | None,
                 on_built: Callable[[frozenset[str] | dict[str, int]], None]) -> None:
        self._text, self._starts, self._ranks = text, starts, ranks
        self._count = len(starts) - 1
        self._left = LOOKUPS_BEFORE_SET
        self._built: frozenset[str] | dict[str, int] | None = None
        self._on_built = on_built

    def _index(self, key: object) -> int:
        """Where ``key`` is among the words, or -1."""
        if not isinstance(key, str):
            return -1
        text, starts = self._text, self._starts
        low, high = 0, self._count
        while low < high:
            middle = (low + high) // 2
            if text[starts[middle]:starts[middle + 1] - 1] < key:
                low = middle + 1
            else:
                high = middle
        return low if low < self._count and text[starts[low]:starts[low + 1] - 1] == key else -1

    def _ready(self) -> frozenset[str] | dict[str, int] | None:
        if self._built is None:
            self._left -= 1
            if self._left >= 0:
                return None
            words = self._text[:-1].split("\n") if self._count else []
            self._built = frozenset(words) if self._ranks is None else dict(zip(words, self._ranks))
            self._on_built(self._built)
        return self._built

    def __contains__(self, key: object) -> bool:
        built = self._ready()
        return key in built if built is not None else self._index(key) >= 0

    def __getitem__(self, key: str) -> int:
        found = self.get(key)
        if found is None:
            raise KeyError(key)
        return found

    @overload
    def get(self, key: str, /) -> int | None: ...

    @overload
    def get(self, key: str, default: int, /) -> int: ...

    def get(self, key: str, default: int | None = None, /) -> int | None:
        built = self._ready()
        if built is not None:
            assert isinstance(built, dict)
            return built.get(key, default)
        index = self._index(key)
        return default if index < 0 or self._ranks is None else self._ranks[index]


class Gazetteer:
    """Folded first names and surnames, and each everyday word's frequency rank (0 = commonest)."""

    first_names: Words
    surnames: Words
    common_rank: Ranks

    def is_everyday(self, key: str) -> bool:
        """A word among the EVERYDAY_RANK commonest English words (``key`` folded)."""
        return key in self.common_rank


def _read_words(raw: str, lower_only: bool = False) -> list[str]:
    """A data file's words in order, folded. The whole text is folded and split at once: the
    gazetteers are 75,000 lines, so per-line work shows."""
    text = raw.lower() if lower_only else raw.casefold()
    return [word for word in (line.strip() for line in text.split("\n")) if word and word[0] != "#"]


def _pack(words: list[str] | dict[str, int]) -> tuple[str, bytes, bytes | None]:
    """Sorted distinct words joined by newlines, each word's start, and their ranks."""
    ordered = sorted(words)
    starts, position = array("I"), 0
    for word in ordered:
        starts.append(position)
        position += len(word) + 1
    starts.append(position)
    ranks = array("I", (words[w] for w in ordered)).tobytes() if isinstance(words, dict) else None
    return "".join(w + "\n" for w in ordered), starts.tobytes(), ranks


def _packed(name: str, build: Callable[[str], list[str] | dict[str, int]]) -> tuple[str, bytes, bytes | None]:
    """Data file ``name`` packed, from the cache when it holds this very file's packing."""
    data = (DATA / name).read_bytes()
    store = diskcache.active()
    entry = f"gazetteer {PACKING} {name} {len(data)} {zlib.crc32(data)}"
    cached = store.get(entry)
    if cached is not None:
        try:
            text, starts, ranks = marshal.loads(cached)
            if isinstance(text, str) and isinstance(starts, bytes) and isinstance(ranks, (bytes, type(None))):
                return text, starts, ranks
        except (ValueError, EOFError, TypeError):
            pass
    packed = _pack(build(data.decode("utf-8")))
    store.put(entry, marshal.dumps(packed))
    return packed


def _table(gaz: Gazetteer, attribute: str, packed: tuple[str, bytes, bytes | None]) -> PackedWords:
    text, starts, ranks = packed
    return PackedWords(text, array("I", starts), array("I", ranks) if ranks is not None else None,
                       lambda built: setattr(gaz, attribute, built))


def _ranked(raw: str) -> dict[str, int]:
    words = _read_words(raw, lower_only=True)[:EVERYDAY_RANK]
    return {word: rank for rank, word in enumerate(words)}


@cache
def gazetteer() -> Gazetteer:
    """The shipped name lists, read once per process (they are shipped data, not settings)."""
    gaz = Gazetteer()
    gaz.first_names = _table(gaz, "first_names", _packed("first_names.txt", _read_words))
    gaz.surnames = _table(gaz, "surnames", _packed("surnames.txt", _read_words))
    gaz.common_rank = _table(gaz, "common_rank", _packed("common_words.txt", _ranked))
    return gaz


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
