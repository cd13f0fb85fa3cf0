"""The one phrase syntax of every word list in the catalogue, plus sentence splitting.

A phrase is words separated by spaces, matched as whole words, ignoring case (unless a
rule asks for case), longest first:
- between its words any run of spaces, or a hyphen ("sports day" finds "sports-day");
- a word ending in ``*`` matches any word starting with it ("diagnos*" finds diagnosed and
  diagnosis);
- a ``*`` on its own stands for at most one word ("happy * birthday" finds "happy
  birthday" and "happy 8th birthday");
- an apostrophe matches a straight or a curly one ("don't", "don’t").

Rules' own regexes are compiled lazily and screened by what they require: text/prefilter.py.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Iterable

import regex

from tweetguard.core.errors import RuleParamError
from tweetguard.text.prefilter import PatternGroup
from tweetguard.text.wordmatch import (
    MATCH_TIMEOUT_SECONDS,
    PhraseIndex,
)


def _word_pattern(word: str) -> str:
    stem = word.endswith("*") and len(word) > 1
    core = word[:-1] if stem else word
    escaped = regex.escape(core).replace("\\'", "'").replace("'", "['’]")
    return escaped + (r"[\w'’-]*" if stem else "")


# Between two words of a phrase.
WORD_GAP = r"(?:\s+|\s*-\s*)"
ANY_WORD = "*"


def _words(phrase: str) -> list[str]:
    """A phrase's words; a lone ``*`` at either end has no word to stand between: dropped."""
    words = phrase.split()
    while words and words[0] == ANY_WORD:
        words.pop(0)
    while words and words[-1] == ANY_WORD:
        words.pop()
    return words


def phrase_regex(phrase: str) -> str:
    """One phrase as a regex body: its words in order, a gap between each two."""
    body = ""
    words = _words(phrase)
    for index, word in enumerate(words):
        if word == ANY_WORD:
            body += rf"(?:\S+{WORD_GAP})?"
            continue
        body += _word_pattern(word) + (WORD_GAP if index + 1 < len(words) else "")
    return body


def anchor_words(phrase: str) -> list[tuple[str, bool]]:
    """A phrase's words as (literal core, is a stem), for choosing its anchor."""
    return [(w[:-1], True) if w.endswith("*") else (w, False) for w in _words(phrase) if w != ANY_WORD]


@lru_cache(maxsize=4096)
def _ordered_source(ordered: tuple[str, ...]) -> str:
    body = "|".join(phrase_regex(p) for p in ordered)
    return rf"(?<![\w])(?:{body})(?![\w])"


@lru_cache(maxsize=512)
def phrase_index(phrases: tuple[str, ...], case_sensitive: bool = False) -> PhraseIndex:
    """``phrases`` ready to match: whole words, longest first, ignoring case unless asked."""
    ordered = tuple(sorted({p.strip() for p in phrases if p.strip()}, key=lambda p: (-len(p), p)))
    return PhraseIndex(ordered, _ordered_source, anchor_words, case_sensitive=case_sensitive)


def first_phrase(text: str, phrases: PhraseIndex) -> str | None:
    """The first of ``phrases`` found in ``text`` (as written there), or None."""
    for start, end in phrases.spans(text):
        return text[start:end]
    return None


Phrases = PhraseIndex | Iterable[str]


def find_all(text: str, phrases: Phrases, patterns: Iterable[Any] = ()) -> list[tuple[int, int]]:
    """Spans of every phrase and every pattern match in ``text``, in order."""
    index = phrases if isinstance(phrases, PhraseIndex) else phrase_index(tuple(phrases))
    spans = index.spans(text)
    if isinstance(patterns, PatternGroup):
        patterns = patterns.candidates(text)
    for pattern in patterns:
        spans.extend(m.span() for m in pattern.finditer(text, timeout=MATCH_TIMEOUT_SECONDS) if m.end() > m.start())
    return sorted(spans)




def gather(params_words: Iterable[str] | None, list_names: Iterable[str] | None,
           lists: dict[str, tuple[str, ...]] | object, key: str) -> tuple[str, ...]:
    """A rule's own words plus the catalogue lists it names; an unknown list is an error."""
    words = [str(w) for w in params_words or ()]
    for name in list_names or ():
        if name not in lists:  # type: ignore[operator]
            raise RuleParamError(key, f"names a list '{name}' that no rule file defines under 'lists:'")
        words.extend(lists[name])  # type: ignore[index]
    return tuple(words)
