"""Word-list matching takes Python's re on plain text: it must find exactly what regex finds."""

from __future__ import annotations

import re
import sys

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from tweetguard.text.phrases import phrase_index
from tweetguard.text.wordmatch import FLAGS, _plain, read_alike, text_words

PHRASES = ("josh", "diagnos*", "mr smith", "don't", "café", "year 6", "well done")
SOURCE = phrase_index(PHRASES)._source(phrase_index(PHRASES).ordered)
ASCII_SOURCE = phrase_index(tuple(p for p in PHRASES if p.isascii()))._source(
    phrase_index(tuple(p for p in PHRASES if p.isascii())).ordered)


def _spans_both(source: str, text: str) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    fast = [m.span() for m in re.finditer(source, text, re.IGNORECASE)]
    exact = [m.span() for m in regex.finditer(source, text, FLAGS)]
    return fast, exact


def _around(char: str) -> str:
    """``char`` at every place it could change a match: inside, before and after words."""
    c = char
    return f"{c}josh {c}Josh{c} mr{c}smith mr {c} smith diagnos{c}ed {c}DIAGNOSIS don{c}t café{c} year{c}6 {c}"


def _code_points() -> list[str]:
    """All of the Basic Multilingual Plane and the emoji blocks; a sample of the rest."""
    points = [cp for cp in range(0x80, 0x10000) if not 0xD800 <= cp <= 0xDFFF]
    points += range(0x1F000, 0x1FB00)
    points += range(0x10000, sys.maxunicode + 1, 61)
    return [chr(cp) for cp in points]


def test_every_character_read_alike_matches_alike() -> None:
    """Every code point that read_alike accepts, in every position that matters."""
    accepted = [c for c in _code_points() if read_alike.__wrapped__(c)]
    assert len(accepted) > 40_000  # letters, symbols, emoji...
    for start in range(0, len(accepted), 400):
        text = " | ".join(_around(c) for c in accepted[start : start + 400])
        fast, exact = _spans_both(ASCII_SOURCE, text)
        assert fast == exact, accepted[start : start + 400]


def test_characters_the_libraries_read_differently_take_the_exact_way() -> None:
    for char in ("\u0301", "\ufe0f", "\u00b2", "\u0130", "\u017f", "\u212a", "\u200d"):
        assert not read_alike(char)
        assert not _plain(f"Well done Josh{char} today")
    assert _plain("Well done Zoë and Josh 🎉 – brilliant £5 “raised”")


TEXT = st.text(alphabet=st.sampled_from(list("josh JOSH mr smith diagnosed don't café year 6 well done,.!-’\n")
                                        + ["é", "Ë", "🎉", "\u0301", "\ufe0f", "ß", "İ", "\u00a0", "\x1c", "–", "ſ"]),
               max_size=80)


@settings(max_examples=400, deadline=None)
@given(TEXT)
def test_phrase_index_finds_what_the_whole_list_finds(text: str) -> None:
    """The anchored, maybe-re path gives the spans of one big regex of every phrase."""
    index = phrase_index(PHRASES)
    expected = [m.span() for m in regex.finditer(SOURCE, text, FLAGS)]
    assert index.spans(text) == expected
    assert index.search(text) == bool(expected)
    assert text_words(text).plain == _plain(text)
