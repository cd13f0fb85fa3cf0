"""Finding where a draft mentions a person by first name, for rules about "a named child".

Deliberately simple: a capitalised word that is in the first-name gazetteer (or the roster),
not right after a title (Mr, Mrs, Dr...: those are adults), and not a capitalised ordinary
word at the start of a sentence ("Will you...", "May is..."). Rules use it as context, so a
missed adult name costs little; the names rules have their own, stricter finder.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Mapping

import regex

from tweetguard.text import names

if TYPE_CHECKING:
    from tweetguard.core.roster import Roster

TITLES = frozenset("mr mrs miss ms mx dr rev revd reverend pc sgt coach sir lady lord dame prof professor "
                   "father sister brother canon bishop captain".split())
# Capitalised words that are first names in some community but, in a school tweet, are far
# more often something else (months, days, virtues, ordinary words at a sentence's start).
NOT_NAMES = frozenset("may june april august will grace hope joy faith art bill mark rose summer autumn "
                      "sunny holly ivy dawn sky river star angel king queen prince major duke earl "
                      "victoria christian page miles chase hunter reading year class".split())
WORD = regex.compile(r"(?<![\w'’-])\p{Lu}[\p{L}]+(?:[-'’]\p{L}+)*", regex.V1)
# At a sentence's start every word is capitalised, so there a name that is also one of the
# commonest English words ("Will", "May", "Mark") needs a cue after it ("Will's", "Sam is").
COMMON_RANK = 3000


def _sentence_start(text: str, start: int) -> bool:
    before = text[:start].rstrip()
    return not before or before[-1] in ".!?:\n\"“"


def first_name_spans(text: str, roster: Roster | None = None) -> list[tuple[int, int]]:
    """Spans of words that read as a person's first name (possessive 's excluded)."""
    gazetteer = names.gazetteer()  # the names rules' word lists, read once for both
    known, common_rank = gazetteer.first_names, gazetteer.common_rank
    pupils = {p.first_name.lower() for p in roster.pupils} if roster else set()
    spans: list[tuple[int, int]] = []
    for match in WORD.finditer(text):
        word = regex.sub(r"['’]s$", "", match.group())
        lower = word.lower()
        if word.casefold() not in known and lower not in pupils and not _unlisted_person(text, match.end(), lower,
                                                                                    common_rank):
            continue
        previous = regex.search(r"([\w.]+)\s*$", text[: match.start()])
        if previous and previous.group(1).rstrip(".").lower() in TITLES:
            continue
        if _after_proper_possessive(text, match.start(), known):
            continue
        if lower in NOT_NAMES and lower not in pupils:
            continue
        if (_sentence_start(text, match.start()) and lower not in pupils and common_rank.get(lower, COMMON_RANK) < COMMON_RANK
                and not _followed_by_name_cue(text, match.start() + len(word))):
            continue
        spans.append((match.start(), match.start() + len(word)))
    return spans


def _followed_by_name_cue(text: str, end: int) -> bool:
    """At a sentence's start a name is usually followed by 's, a comma, 'has' or 'is'."""
    return bool(regex.match(r"(?:['’]s\b|,|\s+(?:has|is|was|and|in|from|who|will)\b)", text[end:]))


POSSESSIVE_BEFORE = regex.compile(r"(\p{Lu}\p{L}*)['’]s[ \t]+$", regex.V1)


def _after_proper_possessive(text: str, start: int, known: frozenset[str]) -> bool:
    """ "the Children's Ward", "St Mary's Church": a capitalised word after a capitalised
    possessive that is not someone's name is part of a proper noun, not a person."""
    before = POSSESSIVE_BEFORE.search(text, max(0, start - 40), start)
    return before is not None and before.group(1).casefold() not in known


# After a name the lists lack: "Sipho, who is...", "Nimmi Rajendran (Y1)", "Winta Haile in Y4",
# "Ikran, one of our...".
PERSON_AFTER = regex.compile(r"(?:\s+\p{Lu}\p{L}+)?(?:(?i:,\s*who\b|,\s*one\s+of\s+our\b|\s+in\s+(?:y|yr|year)\s*\d)"
                             r"|\s*\((?:Y\d\w*|Yr\s*\d\w*|Year\s*\d\w*|Class\s+\w+|R)\))", regex.V1)


def _unlisted_person(text: str, end: int, lower: str, common_rank: Mapping[str, int]) -> bool:
    """A capitalised word the lists lack, read as a person by what follows it; not an
    everyday word ("Science, who knew?")."""
    return lower not in common_rank and PERSON_AFTER.match(text, end) is not None
