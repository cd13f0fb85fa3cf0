"""A normalised view of a draft's text, so that disguised words still match.

Rules match the normalised text; every span they report is mapped back to the original
text, which is what the reader sees and what gets published. Normalisation folds what a
reader would read as the same letters (NFKC: fullwidth, mathematical, circled and
superscript letters; Cyrillic, Greek and small-capital look-alikes) and drops what a reader
cannot see (zero-width characters, soft hyphens, bidi controls, strike-through and underline
overlays), and text inside a right-to-left override is put back in the order the reader
sees it. Accented Latin letters ("Café", "Zoë") are kept, and a letter written with a
combining accent ("Zoe" + U+0308) becomes the same single letter as the precomposed one.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# Characters that render as nothing wherever they are: a name split by one of these still
# reads as the name. (Soft hyphen, combining grapheme joiner, Arabic letter mark, Hangul and
# Khmer fillers, Mongolian vowel separator, zero-width space, LTR/RTL marks, bidi embeddings,
# overrides and isolates, word joiner and invisible operators, byte order mark.)
INVISIBLE = frozenset(
    "\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b\u180c\u180d\u180e\u180f"
    "\u200b\u200e\u200f"
    "\u202a\u202b\u202c\u202d\u202e"
    "\u2060\u2061\u2062\u2063\u2064"
    "\u2066\u2067\u2068\u2069\u3164\ufeff\uffa0"
)

# Characters that are invisible inside a word but mean something in an emoji sequence
# (zero-width joiner and non-joiner, variation selectors, flag tag characters): dropped only
# when they follow a letter, so "👩‍👧" and the England flag keep theirs.
_JOINERS = frozenset("\u200c\u200d" + "".join(chr(c) for c in range(0xFE00, 0xFE10)))


def _is_emoji_only_invisible(char: str) -> bool:
    code = ord(char)
    return char in _JOINERS or 0xE0000 <= code <= 0xE007F or 0xE0100 <= code <= 0xE01EF


# Combining marks that decorate text rather than spell it (strike-through, slash and
# underline generators): "J̶a̶m̶e̶s̶" is still James to a reader.
OVERLAYS = frozenset(
    "\u0305\u0332\u0333\u0334\u0335\u0336\u0337\u0338\u033f"
    "\u20d2\u20d3\u20d8\u20d9\u20da\u20dd\u20de\u20df\u20e0\u20e5\u20e6\u20ea\u20eb"
)

# Letters of other scripts (and Latin small capitals) that look like Latin ones after NFKC.
# They are folded inside a word that also has Latin letters ("Jаmes" with a Cyrillic а), or
# whose every letter is a close look-alike (CLOSE, below: "Јое" all in Cyrillic). A real
# Russian or Greek word ("Москва", "Αθήνα") has other letters and is left as it is.
CONFUSABLES = {
    # Cyrillic
    "а": "a", "в": "b", "е": "e", "ё": "ë", "к": "k", "м": "m", "н": "h", "о": "o", "р": "p",
    "с": "c", "т": "t", "у": "y", "х": "x", "ѕ": "s", "і": "i", "ї": "ï", "ј": "j", "ԁ": "d",
    "ԛ": "q", "ԝ": "w", "һ": "h", "ӏ": "l", "ү": "y", "ԍ": "g",
    "А": "A", "В": "B", "Е": "E", "Ё": "Ë", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P",
    "С": "C", "Т": "T", "У": "Y", "Х": "X", "Ѕ": "S", "І": "I", "Ї": "Ï", "Ј": "J", "Ԁ": "D",
    "Ԛ": "Q", "Ԝ": "W", "Һ": "H", "Ӏ": "I", "Ү": "Y",
    # Greek
    "α": "a", "ο": "o", "ν": "v", "ι": "i", "κ": "k", "ρ": "p", "τ": "t", "υ": "u", "χ": "x",
    "ϲ": "c", "ϳ": "j",
    "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M", "Ν": "N",
    "Ο": "O", "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X", "Ϲ": "C", "Ϳ": "J",
    # Armenian
    "օ": "o", "ս": "u", "հ": "h", "ց": "g", "ո": "n",
    # Latin letters that are not the ASCII ones: IPA and small capitals
    "ɡ": "g", "ɑ": "a", "ı": "i", "ȷ": "j", "ɩ": "i",
    "ᴀ": "a", "ʙ": "b", "ᴄ": "c", "ᴅ": "d", "ᴇ": "e", "ꜰ": "f", "ɢ": "g", "ʜ": "h", "ɪ": "i",
    "ᴊ": "j", "ᴋ": "k", "ʟ": "l", "ᴍ": "m", "ɴ": "n", "ᴏ": "o", "ᴘ": "p", "ǫ": "q", "ʀ": "r",
    "ꜱ": "s", "ᴛ": "t", "ᴜ": "u", "ᴠ": "v", "ᴡ": "w", "ʏ": "y", "ᴢ": "z",
}


# Look-alikes a reader cannot tell from the Latin letter in any font (Unicode's confusables).
CLOSE = frozenset("аесһіјӏорԛѕԝхуԁёїАВЕКМНОРСТХЅІЈԚԜҮЁЇοιΑΒΕΖΗΙΚΜΝΟΡΤΥΧϲϳϹͿօս")


def _is_mark(char: str) -> bool:
    return unicodedata.category(char)[0] == "M"


@lru_cache(maxsize=8192)
def _is_latin(char: str) -> bool:
    if char.isascii():
        return char.isalpha()
    return char.isalpha() and unicodedata.name(char, "").startswith("LATIN")


@lru_cache(maxsize=8192)
def _nfkc(cluster: str) -> str:
    """One letter and its combining marks, decorations dropped and compatibility-folded."""
    kept = "".join(c for c in cluster if c not in OVERLAYS)
    return "".join(c for c in unicodedata.normalize("NFKC", kept) if c not in INVISIBLE)


@lru_cache(maxsize=8192)
def _base(char: str) -> str:
    """A letter without its accents ("ӧ" -> "о"), to look it up among the look-alikes."""
    return unicodedata.normalize("NFD", char)[0]


@lru_cache(maxsize=8192)
def _to_latin(cluster: str) -> str:
    # Decomposed first, so an accented look-alike ("ӧ") folds to the accented Latin letter.
    decomposed = unicodedata.normalize("NFD", cluster)
    mapped = "".join(CONFUSABLES.get(c, c) for c in decomposed)
    return unicodedata.normalize("NFC", mapped) if mapped != decomposed else cluster


def _fold_words(pieces: list[str]) -> None:
    """Fold look-alikes in place, a word (a run of letter clusters) at a time."""
    index = 0
    while index < len(pieces):
        if not pieces[index][:1].isalpha():
            index += 1
            continue
        end = index
        while end < len(pieces) and pieces[end][:1].isalpha():
            end += 1
        letters = [_base(c) for piece in pieces[index:end] for c in piece if c.isalpha()]
        if any(c in CONFUSABLES for c in letters) and (
            any(_is_latin(c) for c in letters) or all(c in CLOSE for c in letters)
        ):
            pieces[index:end] = [_to_latin(piece) for piece in pieces[index:end]]
        index = end


@dataclass(frozen=True)
class TextView:
    """The original text, its normalised form, and the map between their offsets."""

    original: str
    text: str
    # For each normalised character, the original [start, end) it came from. Empty when the
    # text needed no change, so the common draft costs nothing.
    _starts: tuple[int, ...] = ()
    _ends: tuple[int, ...] = ()

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a [start, end) span of the normalised text onto the original text.

        A span covering part of what one original character became (one letter of "ﬁ")
        maps to that whole character; invisible characters inside the span are included.
        A span of overridden (reversed) text maps to the smallest span containing it.
        """
        if not self._starts:
            return start, end
        size = len(self.text)
        start = max(0, min(start, size))
        end = max(start, min(end, size))
        if start == size:
            return len(self.original), len(self.original)
        if end == start:
            return self._starts[start], self._starts[start]
        # min/max rather than first/last: text in a right-to-left override is reversed.
        return min(self._starts[start:end]), max(self._ends[start:end])


RIGHT_TO_LEFT_OVERRIDE = "\u202e"
# What ends an override: pop directional formatting, pop isolate, or a new paragraph.
OVERRIDE_ENDS = frozenset("\u202c\u2069\n\r\u2029")


def _clusters(original: str) -> list[tuple[int, int, str, bool]]:
    """(start, end, visible characters, reversed) for each base character and its marks.

    Invisible characters are dropped here; a span over the letters either side of one
    still covers it, since it runs from the first letter's start to the last one's end.
    ``reversed`` marks text inside a right-to-left override, which a reader sees backwards.
    """
    clusters: list[tuple[int, int, str, bool]] = []
    previous_is_letter = False
    overridden = False
    for index, char in enumerate(original):
        if char == RIGHT_TO_LEFT_OVERRIDE:
            overridden = True
        elif char in OVERRIDE_ENDS:
            overridden = False
        if char in INVISIBLE or (previous_is_letter and _is_emoji_only_invisible(char)):
            continue
        if clusters and _is_mark(char):
            start, _, chars, flag = clusters[-1]
            clusters[-1] = (start, index + 1, chars + char, flag)
            continue
        clusters.append((index, index + 1, char, overridden))
        previous_is_letter = char.isalpha()
    return _visual_order(clusters)


def _visual_order(clusters: list[tuple[int, int, str, bool]]) -> list[tuple[int, int, str, bool]]:
    """Reverse each run of overridden clusters, so the view reads as the reader sees it."""
    ordered: list[tuple[int, int, str, bool]] = []
    run: list[tuple[int, int, str, bool]] = []
    for cluster in clusters:
        if cluster[3]:
            run.append(cluster)
            continue
        ordered.extend(reversed(run))
        run = []
        ordered.append(cluster)
    ordered.extend(reversed(run))
    return ordered


def _needs_work(original: str) -> bool:
    """False for text that normalising would leave exactly as it is (most drafts)."""
    for char in original:
        if char.isascii():
            continue
        if (char in INVISIBLE or _base(char) in CONFUSABLES or _is_emoji_only_invisible(char) or _is_mark(char)
                or _nfkc(char) != char):
            return True
    return False


def normalise(original: str) -> TextView:
    """Build the view rules match against."""
    if original.isascii() or not _needs_work(original):
        return TextView(original, original)
    clusters = _clusters(original)
    pieces = [chars if chars.isascii() else _nfkc(chars) for _, _, chars, _ in clusters]
    _fold_words(pieces)
    starts: list[int] = []
    ends: list[int] = []
    for (start, end, _, _), piece in zip(clusters, pieces):
        starts.extend([start] * len(piece))
        ends.extend([end] * len(piece))
    text = "".join(pieces)
    if text == original:
        return TextView(original, original)
    return TextView(original, text, tuple(starts), tuple(ends))
