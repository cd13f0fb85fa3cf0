"""A normalised view of a draft's text, so that disguised words still match.

Rules match the normalised text; every span they report is mapped back to the original
text, which is what the reader sees and what gets published. Normalisation folds what a
reader would read as the same letters (NFKC: fullwidth and mathematical letters; Cyrillic
and Greek look-alikes) and drops what a reader cannot see (zero-width characters, soft
hyphens, bidi controls). Accented Latin letters ("Café", "Zoë") are left as they are.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# Characters that render as nothing: a name split by one of these still reads as the name.
INVISIBLE = frozenset(
    "\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e"
    "\u200b\u200c\u200d\u200e\u200f"
    "\u202a\u202b\u202c\u202d\u202e"
    "\u2060\u2061\u2062\u2063\u2064"
    "\u2066\u2067\u2068\u2069\ufeff"
)

# Letters of other scripts that look like Latin ones (after NFKC). Only look-alikes a reader
# would take for the Latin letter are listed, so real Greek or Cyrillic words are not invented.
CONFUSABLES = {
    # Cyrillic
    "а": "a", "в": "b", "е": "e", "ё": "ë", "к": "k", "м": "m", "н": "h", "о": "o", "р": "p",
    "с": "c", "т": "t", "у": "y", "х": "x", "ѕ": "s", "і": "i", "ї": "ï", "ј": "j", "ԁ": "d",
    "ԛ": "q", "ԝ": "w", "һ": "h", "ӏ": "l", "ɡ": "g",
    "А": "A", "В": "B", "Е": "E", "Ё": "Ë", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P",
    "С": "C", "Т": "T", "У": "Y", "Х": "X", "Ѕ": "S", "І": "I", "Ї": "Ï", "Ј": "J", "Ԁ": "D",
    "Ԛ": "Q", "Ԝ": "W", "Һ": "H", "Ӏ": "I",
    # Greek
    "α": "a", "ο": "o", "ν": "v", "ι": "i", "κ": "k", "ρ": "p", "τ": "t", "υ": "u", "χ": "x",
    "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M", "Ν": "N",
    "Ο": "O", "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X",
}


@lru_cache(maxsize=4096)
def _fold(char: str) -> str:
    """What one original character becomes in the normalised view ('' when invisible)."""
    if char in INVISIBLE:
        return ""
    folded = unicodedata.normalize("NFKC", char) if not char.isascii() else char
    return "".join(CONFUSABLES.get(c, c) for c in folded if c not in INVISIBLE)


@dataclass(frozen=True)
class TextView:
    """The original text, its normalised form, and the map between their offsets."""

    original: str
    text: str
    # For each normalised character, the original [start, end) it came from. Empty when the
    # text needed no change, so the common all-ASCII draft costs nothing.
    _starts: tuple[int, ...] = ()
    _ends: tuple[int, ...] = ()

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a [start, end) span of the normalised text onto the original text."""
        if not self._starts:
            return start, end
        size = len(self.text)
        start = max(0, min(start, size))
        end = max(start, min(end, size))
        original_start = self._starts[start] if start < size else len(self.original)
        if end == start:
            return original_start, original_start
        return original_start, self._ends[end - 1]


def normalise(original: str) -> TextView:
    """Build the view rules match against."""
    if original.isascii():
        return TextView(original, original)
    pieces: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for index, char in enumerate(original):
        folded = _fold(char)
        pieces.append(folded)
        starts.extend([index] * len(folded))
        ends.extend([index + 1] * len(folded))
    text = "".join(pieces)
    if text == original:
        return TextView(original, original)
    return TextView(original, text, tuple(starts), tuple(ends))
