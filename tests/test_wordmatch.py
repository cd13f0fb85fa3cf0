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


# Phrases the screens in PhraseIndex.candidates skip cheaply: several words (all must be
# there, not only the longest), emoji (the text must hold them), stems with other words.
SCREENED = ("the few", "let the school down", "you'll", "a&e", "👎", "🙄", "❤️", "well done*", "get well soon",
            "free school meals", "ok thank*")
SCREENED_SOURCE = phrase_index(SCREENED)._source(phrase_index(SCREENED).ordered)
SCREENED_TEXT = st.lists(st.sampled_from(["the", "few", "The", "FEW", "let", "school", "down", "you", "'ll", "’ll",
                                          "a", "&", "e", "👎", "🙄", "❤", "\ufe0f", "well", "done", "doneness", "get",
                                          "soon", "free", "meals", "ok", "thanks", " ", "  ", "-", ".", "\n", "ß"]),
                         max_size=30).map("".join)


@settings(max_examples=500, deadline=None)
@given(SCREENED_TEXT)
def test_screened_phrases_are_found_as_the_whole_list_finds_them(text: str) -> None:
    index = phrase_index(SCREENED)
    expected = [m.span() for m in regex.finditer(SCREENED_SOURCE, text, FLAGS)]
    assert index.spans(text) == expected
    assert index.search(text) == bool(expected)


def test_every_catalogue_list_finds_what_its_whole_alternation_finds() -> None:
    """Each word list of the default catalogue, on the development drafts: the screens skip
    only phrases that cannot match."""
    import json
    from pathlib import Path

    from tweetguard.catalogue.loader import load_catalogue

    catalogue = load_catalogue()
    lists = {tuple(words) for words in catalogue.lists.values()}
    lists |= {tuple(str(w) for w in value) for rule in catalogue.rules for value in rule.params.values()
              if isinstance(value, list) and value and all(isinstance(w, str) for w in value)}
    corpus = Path(__file__).parent / "corpus" / "drafts.jsonl"
    texts = [json.loads(line)["text"] for line in corpus.read_text(encoding="utf-8").splitlines()][::3]
    checked = 0
    for words in sorted(lists):
        index = phrase_index(words)
        if not index.ordered or any("(?" in w or "\\" in w for w in words):
            continue  # regexes, not phrases
        whole = regex.compile(index._source(index.ordered), FLAGS)
        for text in texts:
            assert index.spans(text) == [m.span() for m in whole.finditer(text)], (words[:3], text)
        checked += 1
    assert checked > 20
