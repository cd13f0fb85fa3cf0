"""Phrase lists as whole-word patterns, with word stems, plus sentence splitting.

A phrase is words separated by spaces; a word ending in ``*`` matches any word starting
with it ("diagnos*" finds diagnosed and diagnosis). Apostrophes match straight or curly.
Shared by the kinds that weigh words in context (near, sentiment, profanity).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Iterable, Iterator

import regex

from tweetguard.kinds.wordmatch import MATCH_TIMEOUT_SECONDS

SENTENCE_END = regex.compile(r"(?<=[.!?])[\"')\]]*\s+|\n+|(?<=\S)\s+[-–—]\s+(?=\S)")


def _word_pattern(word: str) -> str:
    stem = word.endswith("*") and len(word) > 1
    core = word[:-1] if stem else word
    escaped = regex.escape(core).replace("\\'", "'").replace("'", "['’]")
    return escaped + (r"[\w'’-]*" if stem else "")


def phrase_regex(phrase: str) -> str:
    """One phrase as a regex body: its words in order, any run of spaces (or a hyphen) between."""
    return r"(?:\s+|\s*-\s*)".join(_word_pattern(w) for w in phrase.split())


@lru_cache(maxsize=512)
def compile_phrases(phrases: tuple[str, ...]) -> regex.Pattern[str] | None:
    """All ``phrases`` as one case-insensitive whole-word pattern (longest first)."""
    cleaned = sorted({p.strip() for p in phrases if p.strip()}, key=len, reverse=True)
    if not cleaned:
        return None
    body = "|".join(phrase_regex(p) for p in cleaned)
    return regex.compile(rf"(?<![\w])(?:{body})(?![\w])", regex.V1 | regex.IGNORECASE)


def find_all(text: str, phrases: Iterable[str], patterns: Iterable[regex.Pattern[str]] = ()) -> list[tuple[int, int]]:
    """Spans of every phrase and every pattern match in ``text``, in order."""
    spans: list[tuple[int, int]] = []
    compiled = compile_phrases(tuple(phrases))
    if compiled is not None:
        spans.extend(m.span() for m in compiled.finditer(text, timeout=MATCH_TIMEOUT_SECONDS))
    for pattern in patterns:
        spans.extend(m.span() for m in pattern.finditer(text, timeout=MATCH_TIMEOUT_SECONDS) if m.end() > m.start())
    return sorted(spans)


def sentences(text: str) -> Iterator[tuple[int, int]]:
    """[start, end) spans of the sentences (and lines, and dash-separated parts) of ``text``."""
    start = 0
    for match in SENTENCE_END.finditer(text):
        if match.start() > start:
            yield start, match.start()
        start = match.end()
    if start < len(text):
        yield start, len(text)


def compile_patterns(patterns: Iterable[str], key: str) -> tuple[regex.Pattern[str], ...]:
    """Regexes from a rule, case-insensitive; a bad one is a RuleParamError naming ``key``."""
    from tweetguard.kinds.base import RuleParamError

    compiled = []
    for pattern in patterns:
        try:
            compiled.append(regex.compile(str(pattern), regex.V1 | regex.IGNORECASE))
        except regex.error as exc:
            raise RuleParamError(key, f"has a pattern that is not a valid regular expression: {pattern!r} ({exc})") from None
    return tuple(compiled)


def gather(params_words: Iterable[str] | None, list_names: Iterable[str] | None,
           lists: dict[str, tuple[str, ...]] | object, key: str) -> tuple[str, ...]:
    """A rule's own words plus the catalogue lists it names; an unknown list is an error."""
    from tweetguard.kinds.base import RuleParamError

    words = [str(w) for w in params_words or ()]
    for name in list_names or ():
        if name not in lists:  # type: ignore[operator]
            raise RuleParamError(key, f"names a list '{name}' that no rule file defines under 'lists:'")
        words.extend(lists[name])  # type: ignore[index]
    return tuple(words)
