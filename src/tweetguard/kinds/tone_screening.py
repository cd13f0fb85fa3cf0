"""The sentiment kind's cheap screens: which lexicon entries can only add to a draft's score,
and for the others what a text must hold for them to match at all (Scorer.could_be_negative)."""

from __future__ import annotations

import unicodedata
from typing import Callable

import regex

from tweetguard.core.patterns import lazy_regex
from tweetguard.text.wordmatch import TextWords

_SEPARATORS = lazy_regex(r"\s*-\s*|\s+")
WORD_RUN = lazy_regex(r"\w+", regex.V1)


def screening(weighted: dict[str, float], stems: list[tuple[str, float]], ordered: tuple[str, ...]
               ) -> tuple[frozenset[str], dict[str, Callable[[TextWords], bool]]]:
    """For Scorer.could_be_negative: the lexicon entries whose every match adds to the score
    (a match's weight is looked up from its text, so hyphens and stems are weighed as the
    scorer would), and for the others a necessary condition for them to match at all."""
    plain_stems = all(" " not in stem and "-" not in stem for stem, _ in stems)
    respaced: dict[str, list[str]] = {}
    for key in weighted:
        respaced.setdefault(_SEPARATORS.sub(" ", key), []).append(key)

    def stem_weight(word: str) -> float:
        return next((w for stem, w in stems if word.startswith(stem)), 0.0)

    harmless = set()
    needs: dict[str, Callable[[TextWords], bool]] = {}
    for phrase in ordered:
        weight = weighted.get(phrase)
        ascii_phrase = phrase.isascii()
        if weight is not None and weight >= 0 and ascii_phrase and not phrase.endswith("*"):
            if " " not in phrase:
                harmless.add(phrase)  # a match is exactly this word: its weight
                continue
            # "well done" may be written "well-done": that text is weighed as a key (none
            # but this one) or by the stem its first word starts with.
            if plain_stems and respaced.get(phrase) == [phrase] and stem_weight(phrase.split()[0]) >= 0:
                harmless.add(phrase)
                continue
        if weight is not None and weight >= 0 and ascii_phrase and " " not in phrase and phrase.endswith("*"):
            # "thank*": a match is weighed as the key it spells or by the first stem it fits.
            stem = phrase[:-1]
            if all(w >= 0 for k, w in weighted.items() if k.startswith(stem)) and all(
                    w >= 0 for t, w in stems if t.startswith(stem) or stem.startswith(t)):
                harmless.add(phrase)
                continue
        if ascii_phrase:
            exact: list[str] = []
            prefix: list[str] = []
            for word in phrase.split():
                is_stem = word.endswith("*") and len(word) > 1
                core = word[:-1] if is_stem else word
                for run in WORD_RUN.finditer(core):
                    (prefix if is_stem and run.end() == len(core) else exact).append(run.group().lower())
            needs[phrase] = has_words(frozenset(exact), tuple(prefix))
        elif all(unicodedata.category(c) in ("So", "Sk") and c.lower() == c == c.upper() for c in phrase):
            needs[phrase] = has_text(phrase)  # an emoji: no case, matched only as itself
    return frozenset(harmless), needs


def has_words(exact: frozenset[str], prefix: tuple[str, ...]) -> Callable[[TextWords], bool]:
    def has(words: TextWords) -> bool:
        return exact <= words.lower and all(any(w.startswith(p) for w in words.lower) for p in prefix)
    return has


def has_text(literal: str) -> Callable[[TextWords], bool]:
    return lambda words: literal in words.text
