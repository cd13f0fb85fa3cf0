"""The gazetteer-only name detector ``--redact`` runs beside the recogniser.

Masking a word too many is harmless, one too few is not: this finder ignores context and
takes every capitalised first name the gazetteer knows, and the surname that follows one.
"""

from __future__ import annotations

from typing import Iterator

from tweetguard.core.patterns import lazy_regex
from tweetguard.text.names.gazetteer import fold, gazetteer

WORD = lazy_regex(r"\p{L}[\p{L}\p{M}'’-]*\p{L}|\p{L}")

Span = tuple[int, int]


def gazetteer_name_spans(text: str) -> Iterator[Span]:
    """Capitalised first names, and the surname that follows one.

    A first name that is also an everyday word ("May", "Will", "Rose") only counts when a
    capitalised surname follows it, so "in May" stays readable.
    """
    gaz = gazetteer()
    words = [(m.start(), m.end(), m.group()) for m in WORD.finditer(text)]
    for index, (start, end, word) in enumerate(words):
        if not word[0].isupper() or fold(word) not in gaz.first_names:
            continue
        following = words[index + 1] if index + 1 < len(words) else None
        surname = (following is not None and following[2][0].isupper() and text[end:following[0]].strip() == ""
                   and fold(following[2]) in gaz.surnames)
        if surname and following is not None:
            yield start, end
            yield following[0], following[1]
        elif not gaz.is_everyday(word.lower()):  # "Rose's" is not the everyday "rose"
            yield start, end


def is_everyday_word(word: str) -> bool:
    """An everyday English word that is not also a first name ("Well done Josh": Well, done)."""
    gaz = gazetteer()
    return gaz.is_everyday(word.lower()) and word.casefold() not in gaz.first_names
