"""The evidence every name finder weighs: how strongly a word is a first name or a surname,
and what the words around it say (a cue like "Well done to", a class label, a verb of
something a child did, a place preposition).

:class:`Evidence` holds one draft's tokens with the gazetteer, the lexicon and the roster;
the finders in full.py, forms.py and first.py read it.
"""

from __future__ import annotations

from functools import cached_property

import regex

from tweetguard.core.patterns import lazy_regex
from tweetguard.text.names.gazetteer import (
    EVERYDAY_RANK,
    FREQUENT_RANK,
    RARE_RANK,
    SURNAME_WORD_RANK,
    Gazetteer,
)
from tweetguard.text.names.lexicon import Lexicon, RosterIndex
from tweetguard.text.names.tokens import SPACE_GAP, Token, joined
from tweetguard.text.sentences import SENTENCE_END

# A class or year label right after a name is evidence that the name is a pupil's.
CLASS_LABEL = lazy_regex(r"\s*(?:,\s*(?:Y|Yr|Year)\s*\d\b|\(\s*(?:Y|Yr|Year|Class|R|Reception)?\s*\d|\(\s*(?:Y|Yr|Year)\b|in\s+(?:Y|Yr|Year)\s*\d)", regex.I)
# A capital inside a word after three or more small letters is a brand or product
# ("WhatsApp", "YouTube", "PlayStation"), not a name ("McKenzie", "MacLeod", "DeShawn",
# "LaToya", "FitzGerald" have short or known prefixes).
BRAND_SHAPE = lazy_regex(r"(?!(?:Mac|Fitz|Van|Von|Della|Dela)\p{Lu})\p{Lu}\p{Ll}{2,}\p{Lu}", regex.V1)
# A capitalised word after these is a thing or a kind ("a Christian story", "your Bikeability
# support"), not a child's name. "our" is left out: chatty posts say "our Amara"; so are
# "this" and "that", which also join clauses ("So pleased that Jack...").
DETERMINERS = frozenset("a an your their its his her my these those every each any".split())
# Words that introduce a place before a "first name + place word" ("a trip to Victoria Park").
PLACE_PREPOSITIONS = frozenset("at to in from near around outside inside visit visited visiting the of".split())
# Words before a name that put a person in the slot ("Well done to ...", "Thanks to ..."):
# with one, two capitalised words that are not everyday words read as a name even when the
# gazetteer knows neither. Keys are the one or two words just before the name.
PERSON_CUES = frozenset({
    ("done",), ("done", "to"), ("congratulations",), ("congratulations", "to"), ("congrats",),
    ("congrats", "to"), ("thanks", "to"), ("you", "to"), ("goes", "to"), ("go", "to"), ("awarded", "to"),
    ("out", "to"), ("shoutout", "to"), ("shout-out", "to"), ("bravo",), ("proud", "of"), ("birthday",), ("birthday", "to"), ("star",), ("week",),
    ("winner",), ("winners",),
    ("well", "done"), ("welcome", "to"), ("from",), ("by",), ("with",), ("and",), ("for",),
})
# Cues for the rarer reading "an unknown word + an unlisted word": only the clearest ones.
STRONG_PERSON_CUES = PERSON_CUES - {("from",), ("by",), ("with",), ("and",), ("for",), ("welcome", "to")}
# Lower-case words after a name that make it the subject of a sentence about a child.
PERSON_VERBS = frozenset("won wins made makes read reads wrote writes scored scores sang sings played plays "
                         "has had is was did drew painted built designed ran swam received receives achieved "
                         "earned gained led performed completed showed brought came finished helped "
                         "created told shared danced gave gives".split())
# Surname shapes from many communities: Mc/Mac/O'/Fitz..., Al-/El-..., -ski/-wicz/-ov/-escu/-poulos...
SURNAME_SHAPE = lazy_regex(
    r"(?:mc|mac|o'|fitz|al-|el-|abu-|bin-|ibn-|ben-)\p{L}{3,}"
    r"|\p{L}{2,}(?:son|sen|sson|ski|ska|cki|cka|dzki|wicz|czyk|czak|ov|ova|ev|eva|enko|uk|escu|poulos|"
    r"opoulou|idis|akis|oglu|oğlu|ian|yan|vić|vic|ić|dottir|stein|berg|mann|ez|ini|etti|elli|ucci|"
    r"aki|moto|yama|kawa|ingham|worth|ington)",
    regex.V1,
)
# Particles inside a surname: "Saoirse Ní Bhriain", "Daan van der Berg", "Omar bin Salleh".
PARTICLES = frozenset("ní nic ó ua uí mac van von der den de da di del della dos das du le la al el bin "
                      "bint ibn ben ap ter ten".split())
ARABIC_HEBREW_PREFIXES = ("al-", "el-", "abu-", "bin-", "ibn-", "ben-")


class Evidence:
    """One draft's tokens and the word lists, with the tests every finder shares."""

    def __init__(self, text: str, tokens: list[Token], lex: Lexicon, gaz: Gazetteer,
                 roster: RosterIndex | None) -> None:
        self.text = text
        self.tokens = tokens
        self.lex = lex
        self.gaz = gaz
        self.roster = roster

    @cached_property
    def all_lower_case(self) -> bool:
        """Typed without capitals (on a phone, in a hurry): capitals then say nothing about
        which words are names. "I" and its forms do not count as capitals."""
        return not any(t.cap and t.key not in ("i", "i'm", "i've", "i'll", "i'd") for t in self.tokens)

    # --- the word itself -----------------------------------------------------------------
    def is_title(self, token: Token) -> bool:
        key = token.key
        if "-" in key and key not in self.lex.titles:
            key = key.split("-")[0]  # "Lord-Lieutenant"
        if key in self.lex.capitalised_titles:
            return token.cap
        return key in self.lex.titles

    def roster_word(self, token: Token) -> bool:
        return self.roster is not None and token.key in self.roster.surnames

    def roster_first(self, key: str) -> bool:
        return self.roster is not None and key in self.roster.first_names

    def pupil(self, first: str, last: str) -> bool:
        return self.roster is not None and (first, last) in self.roster.pairs

    def first_strength(self, token: Token) -> int:
        """2: a known first name; 1: a first name that is also a frequent word; 0: not a name."""
        key = token.key
        if self.roster_first(key):
            return 2
        if key not in self.gaz.first_names:
            # A double first name whose parts are all first names: "Poppy-Mae", "Anna-Sofia".
            if "-" in key and all(p in self.gaz.first_names for p in key.split("-")):
                return 2
            return 0
        rank = self.gaz.common_rank.get(key)
        return 1 if rank is not None and rank < FREQUENT_RANK else 2

    def unknown(self, token: Token) -> bool:
        """A capitalised word no list knows and that is not an everyday word (Tallulah, Brockway):
        in a person's slot, most likely a name the gazetteer lacks."""
        key = token.key
        return (token.cap and len(key) > 2 and self.gaz.common_rank.get(key, RARE_RANK) >= RARE_RANK
                and key not in self.gaz.first_names
                and key not in self.lex.event_words and not (token.text.isupper() and len(token.text) <= 4)
                and key.replace("-", "").replace("'", "").isalpha() and not BRAND_SHAPE.match(token.text))

    def listed_surname(self, token: Token) -> bool:
        """A surname by the lists or by its shape (each part of a double-barrelled name)."""
        parts = token.key.split("-") if "-" in token.key else (token.key,)
        return self.roster_word(token) or any(
            p in self.gaz.surnames or SURNAME_SHAPE.fullmatch(p) is not None for p in parts)

    def surname_strength(self, token: Token) -> int:
        """2: surname-like and not an everyday word; 1: a surname that is also a word; 0: no."""
        key = token.key
        if key in self.lex.event_words:
            return 0
        if key.startswith(ARABIC_HEBREW_PREFIXES) and key[key.index("-") + 1:].isalpha():
            return 2  # an Arabic or Hebrew family name: "Al-Farsi", "El-Amin", "Ben-David"
        if key.endswith("s") and key[:-1] in self.gaz.common_rank:
            return 0 if key[:-1] not in self.gaz.surnames else 1  # a plural: "Carers", "Heroes"
        parts = key.split("-") if "-" in key else (key,)
        best = max(self._surname_part_strength(part) for part in parts)
        if best == 0 and len(parts) > 1 and key in self.gaz.first_names:
            return 0
        return best

    def _surname_part_strength(self, part: str) -> int:
        rank = self.gaz.common_rank
        if self.roster is not None and part in self.roster.surnames:
            return 2 if part not in rank else 1
        common = rank.get(part, EVERYDAY_RANK) < SURNAME_WORD_RANK
        if part in self.gaz.surnames:
            return 1 if common else 2
        if rank.get(part, 0) >= RARE_RANK and part not in self.gaz.first_names:
            return 1  # a rare word, often a name (Carmichael): a surname after a first name
        if part not in rank and part not in self.gaz.first_names and len(part) > 2:
            # An unknown capitalised word: most likely a surname, unless it looks like a
            # plural noun ("Carers", "Buddies", "Scientists").
            return 1 if part.endswith(("ers", "ies", "ists", "ians")) else 2
        return 0

    # --- the words around it -------------------------------------------------------------
    def sentence_start(self, i: int) -> bool:
        if i == 0:
            return True
        gap = self.tokens[i].gap
        return bool(SENTENCE_END.search(gap)) or "\n" in gap

    def person_cue(self, i: int, cues: frozenset[tuple[str, ...]] = PERSON_CUES) -> bool:
        """One of ``cues`` just before token ``i`` (in the same sentence)."""
        tokens = self.tokens
        if i == 0 or self.sentence_start(i):
            return False
        if (tokens[i - 1].key,) in cues:
            return True
        if ":" in tokens[i].gap or cues is PERSON_CUES and any(c in tokens[i].gap for c in "–—"):
            return True  # "Star of the week: ...", "a named coat – ..."
        return i >= 2 and (tokens[i - 2].key, tokens[i - 1].key) in cues

    def person_after(self, end: int) -> bool:
        """After the name: a class label, a possessive or a verb of something a child did."""
        tokens = self.tokens
        last = tokens[end - 1]
        if last.possessive or CLASS_LABEL.match(self.text, last.end):
            return True
        return end < len(tokens) and not tokens[end].cap and tokens[end].key in PERSON_VERBS \
            and SPACE_GAP.fullmatch(tokens[end].gap) is not None

    def after_place_preposition(self, i: int) -> bool:
        tokens = self.tokens
        for k in range(i - 1, max(-1, i - 3), -1):
            if not SPACE_GAP.fullmatch(tokens[k + 1].gap):
                return False  # "Player of the match: Will ...": the colon ends the place phrase
            if tokens[k].key in PLACE_PREPOSITIONS:
                return True
        return False

    def after_determiner(self, i: int) -> bool:
        """After "a", "your"... or "Class" ("Class Rowan", "Class Puffin" name a class)."""
        tokens = self.tokens
        return i > 0 and (tokens[i - 1].key in DETERMINERS or tokens[i - 1].key == "class") \
            and joined(tokens[i - 1], tokens[i])

