"""The lighter first-name finder, for rules that use "a person is named here" as context
(``near`` with ``context_names``: a diagnosis next to a child's name).

Deliberately simple: a capitalised word that is in the first-name gazetteer (or the roster),
not right after a title (the catalogue's ``titles`` and ``capitalised-titles``: adults),
not one of the ``context-not-names`` list, and not a capitalised ordinary
word at the start of a sentence ("Will you...", "May is..."). Rules use it as context, so a
missed adult name costs little; the names rules have the stricter recogniser (analysis.py).
Folding the two together lost precision, so this one stays separate but reads the same
tokens, gazetteer and lists.
"""

from __future__ import annotations

from typing import Sequence

import regex

from tweetguard.core.patterns import lazy_regex
from tweetguard.text.names.gazetteer import Words, gazetteer
from tweetguard.text.names.lexicon import Lexicon, RosterIndex
from tweetguard.text.names.tokens import Token
from tweetguard.text.sentences import starts_sentence

# A candidate word: a capital and at least one more letter, not inside a longer word.
WORD = lazy_regex(r"(?<![\w'’-])\p{Lu}[\p{L}]+(?:[-'’]\p{L}+)*", regex.V1)
POSSESSIVE_END = lazy_regex(r"['’]s$")
SPACE = lazy_regex(r"\s")
WORD_OR_DOT = lazy_regex(r"[\w.]")
# At a sentence's start every word is capitalised, so there a name that is also one of the
# commonest English words ("Will", "May", "Mark") needs a cue after it ("Will's", "Sam is").
COMMON_RANK = 3000
# At a sentence's start a name is usually followed by 's, a comma, 'has' or 'is'.
NAME_CUE_AFTER = lazy_regex(r"(?:['’]s\b|,|\s+(?:has|is|was|and|in|from|who|will)\b)")
POSSESSIVE_BEFORE = lazy_regex(r"(\p{Lu}\p{L}*)['’]s[ \t]+$", regex.V1)
# How far back to look for a capitalised possessive before a word ("St Mary's Church"):
# longer than any one name and its "'s".
POSSESSIVE_WINDOW = 40
# After a name the lists lack: "Sipho, who is...", "Nimmi Rajendran (Y1)", "Winta Haile in Y4",
# "Ikran, one of our...".
PERSON_AFTER = lazy_regex(r"(?:\s+\p{Lu}\p{L}+)?(?:(?i:,\s*who\b|,\s*one\s+of\s+our\b|\s+in\s+(?:y|yr|year)\s*\d)"
                             r"|\s*\((?:Y\d\w*|Yr\s*\d\w*|Year\s*\d\w*|Class\s+\w+|R)\))", regex.V1)


def _candidates(text: str, tokens: Sequence[Token]) -> list[regex.Match[str]]:
    """The capitalised words, read off the shared tokens: a candidate always starts where a
    word token or a hashtag's first part starts (inside a hashtag WORD sees the whole run)."""
    found: list[regex.Match[str]] = []
    previous_tag = -1
    for token in tokens:
        first_part = token.tag < 0 or token.tag != previous_tag
        previous_tag = token.tag
        if first_part and token.text[0].isupper():
            match = WORD.match(text, token.start)
            if match is not None:
                found.append(match)
    return found


def context_first_name_spans(text: str, tokens: Sequence[Token], lexicon: Lexicon,
                             roster: RosterIndex | None) -> list[tuple[int, int]]:
    """Spans of words that read as a person's first name (possessive 's excluded)."""
    gaz = gazetteer()
    known, common_rank = gaz.first_names, gaz.common_rank
    pupils = roster.lower_first_names if roster is not None else frozenset()
    spans: list[tuple[int, int]] = []
    for match in _candidates(text, tokens):
        word = POSSESSIVE_END.sub("", match.group())
        lower = word.lower()
        if word.casefold() not in known and lower not in pupils and not _unlisted_person(text, match.end(), lower):
            continue
        previous = _previous_word(text, match.start())
        if previous and previous.rstrip(".").lower() in lexicon.any_titles:
            continue
        if _after_proper_possessive(text, match.start(), known):
            continue
        if lower in lexicon.context_not_names and lower not in pupils:
            continue
        if (starts_sentence(text, match.start()) and lower not in pupils
                and common_rank.get(lower, COMMON_RANK) < COMMON_RANK
                and not NAME_CUE_AFTER.match(text, match.start() + len(word))):
            continue
        spans.append((match.start(), match.start() + len(word)))
    return spans


def _previous_word(text: str, start: int) -> str | None:
    """The run of word characters and dots just before ``start`` (spaces between allowed),
    or None: what the regex ``([\\w.]+)\\s*$`` finds before ``start``, read backwards so
    that a long draft is not searched from its start once per word."""
    end = start
    while end > 0 and SPACE.match(text, end - 1):
        end -= 1
    begin = end
    while begin > 0 and WORD_OR_DOT.match(text, begin - 1):
        begin -= 1
    return text[begin:end] if begin < end else None


def _after_proper_possessive(text: str, start: int, known: Words) -> bool:
    """ "the Children's Ward", "St Mary's Church": a capitalised word after a capitalised
    possessive that is not someone's name is part of a proper noun, not a person."""
    before = POSSESSIVE_BEFORE.search(text, max(0, start - POSSESSIVE_WINDOW), start)
    return before is not None and before.group(1).casefold() not in known


def _unlisted_person(text: str, end: int, lower: str) -> bool:
    """A capitalised word the lists lack, read as a person by what follows it; not an
    everyday word ("Science, who knew?")."""
    return lower not in gazetteer().common_rank and PERSON_AFTER.match(text, end) is not None
