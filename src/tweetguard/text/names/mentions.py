"""Who a single mention of a name names, judged from the words around it (for the
``targeted`` rule, which then judges whether the message targets that child):

- a pet's, a mascot's or an adult's by role ("our reading dog, Biscuit", "our lollipop man,
  Stan"): once a draft says so, every mention of that name is (:class:`PetNames`);
- one of a list of names ("Kofi, Tobi and Ama"): not one child singled out;
- one word of a longer proper noun ("Summer Fair", "Blue Peter");
- a heading ("Lunchboxes: ..."), a place ("a trip to Wroxham"), or a thing opening a sentence;
- a surname that opens a sentence, addressed ("Rafferty, that was...");
- a capitalised word no list knows, in a person's slot (see ``NameAnalysis.unknown_words``).

How far to look either side is the rule's to set (:class:`Windows`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator, Protocol, Sequence

import regex

from tweetguard.core.patterns import lazy_regex
from tweetguard.text.names.analysis import NameAnalysis
from tweetguard.text.names.first import NOT_A_NAME_ENDING
from tweetguard.text.names.gazetteer import FREQUENT_RANK
from tweetguard.text.names.verdicts import Form, NameMatch, Reason

# Between names in a list of children: "Kofi and Tobi", "Jakub, Amara and Sofia".
LIST_GAP = lazy_regex(r"\s*(?:,|&|\+|\band\b|,\s*and\b)\s*", regex.I)
# A list of capitalised names around a name, whether or not the gazetteer knows the others:
# "Harry, Hermione and Ron", "... Hermione and Ron".
CAP = r"\p{Lu}[\p{L}\p{M}'’\-]*"
LIST_AFTER = lazy_regex(rf"(?:\s*,\s*{CAP}(?:\s+{CAP})?)*\s*,?\s*(?:and|&|\+)\s+{CAP}", regex.V1)
LIST_BEFORE = lazy_regex(rf"{CAP}\s*,?\s*(?:and|&|\+)\s*$", regex.V1)
# The start of a sentence, allowing headline hashtags before it ("#Y6 Jericho: ...").
SENTENCE_BEFORE = lazy_regex(r"(?:^|[.!?…\n])(?:\s*[#@][\w]+)*[^\w#@]*$")
# A capitalised plural of a thing before a colon is a heading ("Lunchboxes: ..."), not a name.
HEADING_PLURAL = lazy_regex(r"(?:[xz]|[cs]h|ss)es$|[^aeiou]s$", regex.I)
HEADING_COLON = lazy_regex(r"\s*:")
# In a reply, where a place is as likely as a person: "the trip to Wroxham", "news from Sandford".
TRAVEL_BEFORE = lazy_regex(r"\b(?:to|from|of)\s+$", regex.I)
PLACE_BEFORE = lazy_regex(r"\b(?:at|in|near|visit|visited|visiting|via|towards|around|outside|inside)\s+$", regex.I)
# A lone capitalised word opening a sentence and followed by a comma: "Rafferty, that was...".
OPENING_WORD = lazy_regex(r"(?:^|(?<=[.!?…\n]))\s*(\p{Lu}\p{Ll}{2,})(?=,)", regex.V1)
CAPITAL_AFTER = lazy_regex(r"[ \t]+(\p{Lu})")
CAPITALISED_BEFORE = lazy_regex(r"(\p{Lu}[\p{L}]*)[ \t]+$")
WORD_CHAR = lazy_regex(r"\w")


class Cue(Protocol):
    """A word list searched in a piece of text (the targeted rule's ``Phrases``)."""

    def search(self, text: str) -> bool: ...


@dataclass(frozen=True)
class Windows:
    """How many characters either side of a name the judgements read."""

    before: int = 40  # a greeting, a list or a place preposition before a name
    pet_before: int = 30  # "our school dog, " before a name
    pet_after: int = 40  # ", the school dog" after a name
    proper_noun_before: int = 30  # a capitalised word before a name ("Blue Peter")


def before(text: str, match: NameMatch, windows: Windows) -> str:
    """The text just before a mention, ``windows.before`` characters at most."""
    return text[max(0, match.start - windows.before):match.start]


class PetNames:
    """Which names a draft gives to a pet, a mascot or an adult by their role; each name is
    looked up once per draft (its every mention is checked then), so a long draft naming
    one child many times stays linear."""

    def __init__(self, text: str, before_cues: Sequence[Cue], after_cue: Cue, windows: Windows) -> None:
        self.text = text
        self.before_cues = before_cues
        self.after_cue = after_cue
        self.windows = windows
        self._known: dict[str, bool] = {}

    def names_one(self, match: NameMatch) -> bool:
        """ "our reading dog, Biscuit", "Bramble the school dog", "our lollipop man, Stan"."""
        name = self.text[match.start:match.end]
        if name not in self._known:
            self._known[name] = any(self._at(start, end) for start, end in whole_word_occurrences(self.text, name))
        return self._known[name]

    def _at(self, start: int, end: int) -> bool:
        text, windows = self.text, self.windows
        ahead = text[max(0, start - windows.pet_before):start]
        return any(cue.search(ahead) for cue in self.before_cues) \
            or self.after_cue.search(text[end:end + windows.pet_after])


def whole_word_occurrences(text: str, word: str) -> Iterator[tuple[int, int]]:
    """Where ``word`` stands as a whole word (no word character either side), found
    without compiling a pattern for each name."""
    start = text.find(word)
    while start >= 0:
        end = start + len(word)
        if not (start and WORD_CHAR.match(text, start - 1)) and not WORD_CHAR.match(text, end):
            yield start, end
        start = text.find(word, start + 1)


def in_name_list(text: str, candidates: Sequence[NameMatch], index: int, windows: Windows) -> bool:
    """Whether candidate ``index`` is one of a list of names ("Kofi, Tobi and Ama")."""
    match = candidates[index]
    previous = candidates[index - 1] if index > 0 else None
    following = candidates[index + 1] if index + 1 < len(candidates) else None
    if (previous and LIST_GAP.fullmatch(text, previous.end, match.start)
            and not _possessive_pair(text, previous, match)) \
            or (following and LIST_GAP.fullmatch(text, match.end, following.start)
                and not _possessive_pair(text, match, following)):
        return True
    return among_capitalised(text, match, windows)


def among_capitalised(text: str, match: NameMatch, windows: Windows) -> bool:
    """In a list of capitalised words, known names or not: "Harry, Hermione and Ron"."""
    return bool(LIST_AFTER.match(text, match.end) or LIST_BEFORE.search(before(text, match, windows)))


def _possessive_pair(text: str, first: NameMatch, second: NameMatch) -> bool:
    """ "Hi Sarah, Lucas's jumper...": a comma, then a possessive that no more names follow,
    addresses the first and talks about the second; it is not a list of children."""
    return text[first.end:second.start].strip() == "," and text.startswith(("'s", "’s"), second.end) \
        and not LIST_AFTER.match(text, second.end + 2)


def inside_proper_noun(text: str, match: NameMatch, windows: Windows) -> bool:
    """A first name that is one word of a longer capitalised name ("Summer Fair", "Blue Peter")."""
    if CAPITAL_AFTER.match(text[match.end:match.end + 3]):
        return True
    found = CAPITALISED_BEFORE.search(text[max(0, match.start - windows.proper_noun_before):match.start])
    return found is not None and not opens_sentence(text[:match.start - len(found.group(0))])


def opens_sentence(before_text: str) -> bool:
    """Whether what follows ``before_text`` opens a sentence (headline hashtags allowed)."""
    return bool(SENTENCE_BEFORE.search(before_text))


def heading(text: str, match: NameMatch) -> bool:
    """ "Lunchboxes: please remember...": a capitalised plural before a colon heads a notice."""
    return bool(HEADING_COLON.match(text, match.end) and HEADING_PLURAL.search(match.first_name or ""))


def place_or_sentence_start(before_text: str) -> bool:
    """An unknown word opening a sentence ("Fortnite is rated 12+") or after a place
    preposition ("a trip to Wroxham"): a thing or a place, not a person."""
    return bool(SENTENCE_BEFORE.search(before_text) or PLACE_BEFORE.search(before_text))


def after_travel_word(before_text: str) -> bool:
    """ "the trip to ...", "news from ...": in a reply, a place as likely as a person."""
    return bool(TRAVEL_BEFORE.search(before_text))


def unknown_mentions(analysis: NameAnalysis, pets: PetNames, windows: Windows) -> Iterator[NameMatch]:
    """Capitalised words no list knows that could name a single person: not a pet's, not
    one of a list, not a plural or an adverb, not a heading ("Seashells, shellfish and...",
    "Respectfully, ...", "Lunchboxes: ...")."""
    text = analysis.text
    for match in analysis.unknown_words():
        if pets.names_one(match) or among_capitalised(text, match, windows) \
                or NOT_A_NAME_ENDING.search((match.first_name or "").casefold()) or heading(text, match):
            continue
        yield match


def opening_surnames(analysis: NameAnalysis) -> Iterator[NameMatch]:
    """A word the lists know only as a surname, opening a sentence before a comma: many
    surnames are first names too ("Rafferty, that was not..."). Not an everyday word ("Sadly, ...")."""
    gaz = analysis.gaz
    for found in OPENING_WORD.finditer(analysis.text):
        start, end = found.span(1)
        key = found.group(1).casefold()
        if key not in gaz.surnames or gaz.common_rank.get(key, FREQUENT_RANK) < FREQUENT_RANK \
                or NOT_A_NAME_ENDING.search(key):
            continue
        yield NameMatch(start, end, Form.FIRST, found.group(1), None, (start, end), None, Reason.SURNAME_ADDRESSED)
