"""The targeted rule's word lists, ready to search (kinds/targeted.py judges with them).

Each list is searched only where its anchor words are in the text (text/wordmatch.py), and a
few are wrapped in what must come before or after them: a greeting just before a name, a
child's belongings just after its possessive or by its pronoun later in the sentence.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Mapping, Sequence

import regex

from tweetguard.core.patterns import compiled_regex
from tweetguard.kinds.base import RuleParamError
from tweetguard.text.names import NameMatch
from tweetguard.text.names.mentions import PetNames, Windows
from tweetguard.text.phrases import anchor_words, phrase_regex
from tweetguard.text.sentences import Span
from tweetguard.text.wordmatch import PhraseIndex

BELONGINGS_WINDOW = 50  # characters after a name read for its belongings: "'s", two words, the thing
WINDOW_KEYS = ("window", "pet_window_before", "pet_window_after", "proper_noun_window")
# A comment on conduct is not one when it is the topic of a talk: "talking about our eco club".
TOPIC_AFTER = r"(?!\s+about\b)"


class Phrases:
    """A word list (in the catalogue's one phrase syntax: text/phrases.py) inside a regex
    (``before`` + the list + ``after``), searched for the
    phrases whose anchor word is in the text only: the whole list is never compiled (that
    was most of the start-up time), and a text without any anchor is not searched at all.
    A phrase whose anchor is absent cannot match, so what is found is the same."""

    def __init__(self, name: str, words: Sequence[str], before: str = "", after: str = "") -> None:
        if not words:
            raise RuleParamError(name, "is empty; give at least one phrase")
        ordered = tuple(sorted({str(w) for w in words}, key=lambda w: (-len(w), w)))
        self.index = PhraseIndex(ordered, self._source, anchor_words, case_sensitive=False)
        self.before, self.after = before, after

    def _source(self, subset: tuple[str, ...]) -> str:
        return _wrapped(self.before, self.after, subset)

    def search(self, text: str) -> bool:
        """Whether any phrase, with what must come before and after it, is in ``text``."""
        return self.index.search(text)


@lru_cache(maxsize=1024)
def _wrapped(before: str, after: str, subset: tuple[str, ...]) -> str:
    body = "|".join(phrase_regex(p) for p in subset)
    return rf"{before}(?<!\w)(?:{body})(?!\w){after}"


class Words:
    """A rule's word lists, ready to search."""

    def __init__(self, params: Mapping[str, Any]) -> None:
        p = params
        greetings: Sequence[str] = p["greetings"]
        self.greetings = Phrases("greetings", greetings)
        self.greeting_before = Phrases("greetings", greetings, "(?:", r")[\s,!]*$")
        self.personal = Phrases("personal", p["personal"])
        conduct: Sequence[str] = p["conduct"]
        self.conduct = Phrases("conduct", conduct, "", TOPIC_AFTER)
        self.reminders = Phrases("reminders", p["reminders"])
        # "Remember Winnie, ...": a reminder opening the sentence, then the name addressed.
        self.reminder_before = Phrases("reminders", p["reminders"], r"(?:^|[.!?…\n])\W*(?:", r")\s+$")
        # "Thank you, Sandford" thanks a community: its "you" does not speak to a child.
        self.second = Phrases("second_person", p["second_person"], r"(?<!\bthank\s+)")
        self.achievements = Phrases("achievements", p["achievements"])
        self.conduct_from = Phrases("conduct", conduct, r"(?<!\w)(?:", r")\s+from\s+$")
        belongings: Sequence[str] = p["belongings"]
        # Read just after the name: its possessive, a word or two ("PE", "missing"), the thing.
        self.belongings_after = Phrases("belongings", belongings, r"^['’]s?\s+(?:[\w-]+\s+){0,2}(?:",
                                        r")(?!\w)(?!\s*-?\s*of\s+arms)") if belongings else None
        # Or later in the sentence, by the child's pronoun: "Harvey (3M) left his coat on the bus".
        self.belongings_told = Phrases("belongings", belongings, r"\b(?:his|her)\s+(?:[\w-]+\s+){0,2}(?:",
                                       r")(?!\w)(?!\s*-?\s*of\s+arms)") if belongings else None
        self.praise = Phrases("praise", p["praise"]) if p["praise"] else None
        animals: Sequence[str] = p["animals"]
        self.animal_before = Phrases("animals", animals, "(?:", r")s?\s*[,:–-]?\s*$")
        self.animal_after = Phrases("animals", animals, r"^\s*,?\s*(?:the|our|a|an|is|was)\s+(?:\w+\s+){0,2}(?:",
                                    r")(?!\w)")
        roles: Sequence[str] = p["roles"]
        self.role_before = Phrases("roles", roles, "(?:", r")s?\s*[,:–-]?\s*$")
        self.group = _group_regex(p["groups"], p["group_patterns"])
        for key in WINDOW_KEYS:
            if int(p[key]) < 0:
                raise RuleParamError(key, f"must be 0 or more characters, not {p[key]}")
        self.windows = Windows(before=int(p["window"]), pet_before=int(p["pet_window_before"]),
                               pet_after=int(p["pet_window_after"]), proper_noun_before=int(p["proper_noun_window"]))

    def pets(self, text: str) -> PetNames:
        """This draft's pet, mascot and role names, each looked up once."""
        return PetNames(text, (self.animal_before, self.role_before), self.animal_after, self.windows)

    @staticmethod
    def has(pattern: Phrases, text: str) -> bool:
        return pattern.search(text)


def _group_regex(words: Sequence[str], patterns: Sequence[str]) -> regex.Pattern[str] | None:
    """``groups`` words and ``group_patterns`` as one regex (None when both are empty)."""
    alternatives = [regex.escape(str(w)) for w in words] + [str(p) for p in patterns]
    if not alternatives:
        return None
    try:
        return compiled_regex(r"\b(?:" + "|".join(alternatives) + r")\b", regex.I)
    except regex.error as exc:
        raise RuleParamError("group_patterns", f"has a pattern that does not compile ({exc})") from None


def belongings(words: Words, text: str, match: NameMatch, last_told: int) -> bool:
    """One child's own things: after their name in the possessive ("Kai's PE kit"), or later
    in the sentence about them by their pronoun ("Ruby, please collect her water bottle"):
    ``last_told`` is where the scope's last pronoun-and-thing starts (see ``last_told``)."""
    if words.belongings_after is None:
        return False
    return words.belongings_after.search(text[match.end:match.end + BELONGINGS_WINDOW]) or last_told >= match.end


def last_told(words: Words, text: str, scope: Span) -> int:
    """Where the last "his coat", "her water bottle" in ``scope`` starts (-1 for none): read
    once per scope, so a long sentence naming many children is not reread for each name."""
    if words.belongings_told is None:
        return -1
    spans = words.belongings_told.index.spans(text[scope[0]:scope[1]])
    return scope[0] + spans[-1][0] if spans else -1
