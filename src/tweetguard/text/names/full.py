"""Full names: a first name (known, a roster pupil's, or unknown in a person's slot) followed
by a surname, a surname's initial ("Ellie T."), or an initial and a surname ("K. Owusu").

Each candidate is scored by :func:`score_capitalised` (or :func:`_score_any_case` for a
roster name in lower case) into a :class:`Reason`, None (not a name), or
``Reason.ONLY_IN_A_LIST``: weak evidence, kept only in a list with other children's names
("Tallis Brockway, Oona Fairbairn and ...").
"""

from __future__ import annotations

import regex

from tweetguard.core.patterns import lazy_regex
from tweetguard.text.names.cues import LIST_GAP, place_after, role_after
from tweetguard.text.names.evidence import (
    CLASS_LABEL,
    PARTICLES,
    STRONG_PERSON_CUES,
    SURNAME_SHAPE,
    Evidence,
)
from tweetguard.text.names.forms import lowercase_tags
from tweetguard.text.names.gazetteer import (
    EVERYDAY_RANK,
    FREQUENT_RANK,
    RARE_RANK,
    SURNAME_WORD_RANK,
)
from tweetguard.text.names.lexicon import phrase_at
from tweetguard.text.names.tokens import joined, line_joined
from tweetguard.text.names.verdicts import Form, NameMatch, Reason

WEAK = Reason.ONLY_IN_A_LIST
# A class named after a name: "in 3W", "in Y4", "in Year 5".
IN_CLASS = lazy_regex(r"[ \t]+in[ \t]+(?:\d[A-Z]{1,2}|(?:Y|Yr|Year)[ \t]*\d)\b", regex.I)
INITIAL_GAP = lazy_regex(r"\.[ \t]?")


def full_names(ev: Evidence) -> list[NameMatch]:
    """Every full name, weak candidates kept only where they sit in a list with another."""
    tokens = ev.tokens
    found: list[NameMatch] = []
    weak: list[NameMatch] = []
    i = 0
    n = len(tokens)
    surnames = ev.roster.surnames if ev.roster is not None else None
    while i + 1 < n:
        token = tokens[i]
        # Cheap exit shared by the three tests below: an adult's word never starts a name,
        # and a lower-case one only before a roster surname.
        if token.ruled_out or not token.cap and (surnames is None or tokens[i + 1].key not in surnames):
            i += 1
            continue
        match = _full_name_at(ev, i) or _initial_at(ev, i) or _initial_surname_at(ev, i) or _surname_initial_at(ev, i)
        if match is None:
            i += 1
            continue
        (weak if match[0].reason.weak else found).append(match[0])
        i = match[1]
    if weak and found:
        found.extend(_listed_with(ev, found, weak))
    found.extend(lowercase_tags(ev))
    return found


def _listed_with(ev: Evidence, found: list[NameMatch], weak: list[NameMatch]) -> list[NameMatch]:
    """Weak candidates in a list with a full name ("Tallis Brockway, Oona Fairbairn and ...")
    are names too: a list mixes names the gazetteer knows with names it doesn't."""
    accepted: list[NameMatch] = []
    spans = [(m.start, m.end) for m in found]
    text, first_names = ev.text, ev.gaz.first_names
    changed = True
    while changed and weak:
        changed = False
        for match in list(weak):
            # "Cousins Ottilie and Perpetua Hale": an unknown word before a known first name
            # describes the child ("Cousins", "Captain"); it is not their first name.
            if (match.first_name or "").casefold() not in first_names \
                    and (match.surname_text or "").casefold() in first_names:
                continue
            if any(LIST_GAP.fullmatch(text, e, match.start) or LIST_GAP.fullmatch(text, match.end, s)
                   for s, e in spans):
                weak.remove(match)
                spans.append((match.start, match.end))
                accepted.append(NameMatch(match.start, match.end, Form.FULL, match.first_name, match.surname_text,
                                          match.first, match.surname, Reason.IN_LIST))
                changed = True
    return accepted


def _could_start(ev: Evidence, i: int) -> bool:
    """Cheap exits first: most words are not the start of a name."""
    first, tokens = ev.tokens[i], ev.tokens
    if first.cap:
        return first.key in ev.gaz.first_names or ev.roster_first(first.key) or bool(ev.first_strength(first)) \
            or ev.unknown(first)
    return ev.roster is not None and tokens[i + 1].key in ev.roster.surnames


def _surname_start(ev: Evidence, i: int) -> tuple[int, int]:
    """Where the surname starts (after a middle name: "Ellie Mae Thornton") and its particles."""
    tokens, first = ev.tokens, ev.tokens[i]
    j = i + 1
    # A particle starts the surname: "Saoirse Ní Bhriain", "Daan van der Berg".
    particle = _particles(ev, j) if first.cap else 0
    if (not particle and j + 1 < len(tokens) and tokens[j].cap and tokens[j + 1].cap and joined(first, tokens[j])
            and joined(tokens[j], tokens[j + 1]) and tokens[j].key in ev.gaz.first_names
            and ev.surname_strength(tokens[j + 1]) == 2 and not tokens[j + 1].ruled_out):
        j += 1
    return j, particle


def _full_name_at(ev: Evidence, i: int) -> tuple[NameMatch, int] | None:
    tokens = ev.tokens
    first = tokens[i]
    if first.ruled_out or not _could_start(ev, i):
        return None
    surname_at, particle = _surname_start(ev, i)
    j = surname_at + particle
    last = tokens[j]
    if last.ruled_out:
        return None
    is_joined = joined(tokens[j - 1], last)
    is_line_joined = not is_joined and line_joined(tokens[j - 1], last)
    if not (is_joined or is_line_joined):
        return None
    pupil = ev.pupil(first.key, last.key)
    score: Reason | None = None
    if first.cap and last.cap:
        score = score_capitalised(ev, i, j, pupil, is_line_joined, particle > 0)
    elif ev.roster is not None and (first.tag < 0 or first.tag == last.tag):
        score = _score_any_case(ev, i, j, pupil, ev.person_cue(i, STRONG_PERSON_CUES) or ev.person_after(j + 1))
    if score is None:
        return None
    j = _double_surname_end(ev, i, j, score)
    end = tokens[j].name_end
    match = NameMatch(first.start, end, Form.FULL, first.text, ev.text[tokens[surname_at].start:end],
                      (first.start, first.end), (tokens[i + 1].start, end), score)
    return match, j + 1


def _double_surname_end(ev: Evidence, i: int, j: int, score: Reason) -> int:
    """Words that would make a full name with the first name once the surname is removed
    belong to this name ("Maya Singh James", a double surname): the fix keeps the first
    name only, so it must not leave "Maya James" to be found by the next run."""
    tokens, first = ev.tokens, ev.tokens[i]
    while (not score.weak and j + 1 < len(tokens) and tokens[j + 1].cap and not tokens[j + 1].ruled_out
           and joined(tokens[j], tokens[j + 1]) and not tokens[j].possessive
           and score_capitalised(ev, i, j + 1, ev.pupil(first.key, tokens[j + 1].key), False, False)
           not in (None, WEAK)):
        j += 1
    return j


def _initial_at(ev: Evidence, i: int) -> tuple[NameMatch, int] | None:
    """A first name with the surname's initial ("Hamza C.", "Ellie T"): the initial narrows
    the child down within a school, so it counts as a surname (as the corpus is labelled)."""
    tokens = ev.tokens
    first, initial = tokens[i], tokens[i + 1]
    if not first.cap or first.ruled_out or initial.ruled_out or len(initial.text) != 1 or not initial.text.isupper() \
            or not joined(first, initial) or first.text.isupper() or first.possessive:
        return None
    after = ev.text[initial.end:initial.end + 1]
    if initial.text in "AI" and after != ".":
        return None  # "Maya I think", "Sam A star": a pronoun or an article
    if after.isalnum() or after and after in "-'’*+" or not ev.first_strength(first) or ev.sentence_start(i) and (
            i + 2 >= len(tokens) or tokens[i + 2].cap):
        return None
    match = NameMatch(first.start, initial.end, Form.FULL, first.text, initial.text, (first.start, first.end),
                      (initial.start, initial.end), Reason.INITIAL)
    return match, i + 2


def _initial_surname_at(ev: Evidence, i: int) -> tuple[NameMatch, int] | None:
    """An initial and a listed surname ("K. Owusu"), not after a title ("Mrs K. Owusu")."""
    tokens = ev.tokens
    initial, last = tokens[i], tokens[i + 1]
    if len(initial.text) != 1 or not initial.text.isupper() or initial.ruled_out or last.ruled_out or not last.cap \
            or not INITIAL_GAP.fullmatch(last.gap) or not ev.listed_surname(last) \
            or ev.surname_strength(last) < 2 or last.text.isupper():
        return None
    k = i  # "A. J. Fenwick-Sithole": walk back over further initials to the first one
    while k > 0 and len(tokens[k - 1].text) == 1 and tokens[k - 1].text.isupper() \
            and INITIAL_GAP.fullmatch(tokens[k].gap):
        k -= 1
    if k > 0 and (ev.is_title(tokens[k - 1]) or len(tokens[k - 1].text) == 1) or tokens[k].ruled_out:
        return None
    end = last.name_end
    match = NameMatch(tokens[k].start, end, Form.FAMILY, None, ev.text[last.start:end], None, (last.start, end),
                      Reason.INITIAL_SURNAME)
    return match, i + 2


# "in HALL B", "at BLOCK C": a room or a building's part, not a register's "SINGH M".
ROOM_BEFORE = frozenset(("in", "at", "into"))
# Surnames that are also among this many commonest words ("HALL B", "WOOD B": rooms, blocks)
# are not read before an initial; "SINGH M", "PATEL P", "WONG K" are.
ROOM_WORD_RANK = 3000


def _surname_initial_at(ev: Evidence, i: int) -> tuple[NameMatch, int] | None:
    """A surname in a register's capitals and the first name's initial ("SINGH M", "PATEL P."):
    a known surname (or the roster's) that is no common word (ROOM_WORD_RANK), and not a
    place ("in WONG B")."""
    tokens = ev.tokens
    last, initial = tokens[i], tokens[i + 1]
    if not last.text.isupper() or len(last.key) < 3 or last.ruled_out or initial.ruled_out \
            or len(initial.text) != 1 or not initial.text.isupper() or not joined(last, initial):
        return None
    if not (ev.roster_word(last) or last.key in ev.gaz.surnames) \
            or ev.gaz.common_rank.get(last.key, RARE_RANK) < ROOM_WORD_RANK or i > 0 and tokens[i - 1].key in ROOM_BEFORE:
        return None
    after = ev.text[initial.end:initial.end + 1]
    if after.isalnum() or after and after in "-'’*+&":
        return None
    if i > 0 and ev.is_title(tokens[i - 1]):
        return None  # "Mrs SINGH M": an adult
    match = NameMatch(last.start, initial.end, Form.FAMILY, None, ev.text[last.start:last.name_end], None,
                      (last.start, last.name_end), Reason.INITIAL_SURNAME)
    return match, i + 2


def _particles(ev: Evidence, j: int) -> int:
    """How many surname particles start at token ``j`` and are followed by a capitalised word."""
    tokens = ev.tokens
    k = j
    while k < len(tokens) and k - j < 2 and tokens[k].key in PARTICLES and tokens[k].tag < 0 \
            and joined(tokens[k - 1], tokens[k]):
        k += 1
    if k == j or k >= len(tokens) or not tokens[k].cap or not joined(tokens[k - 1], tokens[k]) \
            or ev.gaz.common_rank.get(tokens[k].key, EVERYDAY_RANK) < SURNAME_WORD_RANK \
            and tokens[k].key not in ev.gaz.surnames and not SURNAME_SHAPE.fullmatch(tokens[k].key):
        return 0
    return k - j


def score_capitalised(ev: Evidence, i: int, j: int, pupil: bool, is_line_joined: bool,
                      particle: bool = False) -> Reason | None:
    """Tokens ``i`` (a first name) and ``j`` (a surname), both capitalised: a child's name?"""
    tokens = ev.tokens
    first, last = tokens[i], tokens[j]
    if pupil:
        return Reason.PUPIL
    if first.possessive:
        return None  # "Lily-Rose's Diwali rangoli": a possessive ends the name
    if place_after(ev, j + 1) or role_after(ev, j + 1) or first.key in ev.lex.place_prefixes:
        return None
    if last.text.isupper() and not first.text.isupper():
        return None  # an acronym after a name ("Ellie's EHCP") is not a surname
    if last.key in ev.lex.business_words:
        return None  # "the Emma Hollis factory", "Dacorum Foodbank"
    f, s = ev.first_strength(first), 2 if particle else ev.surname_strength(last)
    if f == 0 and not is_line_joined:
        return _shared_surname(ev, i, _score_unknown_first(ev, i, j, s, particle))
    if f == 0 and s == 2 and ev.unknown(first) and ev.person_cue(i, STRONG_PERSON_CUES):
        return Reason.SPLIT_ACROSS_LINE  # "winner, Wren\nAchebe!"
    if s == 0 or is_line_joined and s < 2 or f == 0:
        return None
    labelled = bool(CLASS_LABEL.match(ev.text, last.end))
    return _shared_surname(ev, i, _score_known_first(ev, i, j, f, s, labelled, particle))


def _shared_surname(ev: Evidence, i: int, score: Reason | None) -> Reason | None:
    """"Elodie and Rafferty Quennell": two first names sharing one surname are siblings."""
    tokens = ev.tokens
    if score is not WEAK or i < 2 or tokens[i - 1].key != "and" or not joined(tokens[i - 1], tokens[i]) \
            or not joined(tokens[i - 2], tokens[i - 1]) or not tokens[i - 2].cap or tokens[i - 2].ruled_out:
        return score
    before = tokens[i - 2]
    if ev.first_strength(before) == 2 or ev.unknown(before):
        return Reason.SHARED_SURNAME
    return score


def _score_known_first(ev: Evidence, i: int, j: int, f: int, s: int, labelled: bool,
                       particle: bool) -> Reason | None:
    tokens = ev.tokens
    last = tokens[j]
    if f == 1 and not labelled and s < 2:
        return None  # "Summer Fair", "Young Carers": a word-like first name needs a real surname
    strong_cue = ev.person_cue(i, STRONG_PERSON_CUES)
    place_word = phrase_at(tokens, j, ev.lex.place_words)
    if place_word and not ev.listed_surname(last):
        return None  # "Bristol Aquarium", "George Cross": a place word that is never a surname
    if place_word and not labelled and not strong_cue:
        # "Victoria Park", "Jayden Hall": a place unless the context says person.
        if ev.after_place_preposition(i):
            return None
        if not ev.person_cue(i) and not ev.person_after(j + 1):
            return WEAK
    if not labelled and not strong_cue and not particle and not ev.listed_surname(last) \
            and ev.after_place_preposition(i) and not ev.person_after(j + 1):
        return WEAK  # "a trip to Leighton Buzzard": an unlisted word after a place preposition
    return Reason.FIRST_AND_SURNAME


def _score_unknown_first(ev: Evidence, i: int, j: int, s: int, particle: bool) -> Reason | None:
    """A first name the gazetteer lacks (Tallulah): the surname and the context must say "person"."""
    tokens, gaz = ev.tokens, ev.gaz
    first, last = tokens[i], tokens[j]
    if not ev.unknown(first) or phrase_at(tokens, j, ev.lex.place_words):
        return None
    if s == 1 and gaz.common_rank.get(last.key, 0) >= RARE_RANK:
        s = 2  # a rare word after an unknown first name: "Ishbel Carmichael"
    if s < 2:
        # "Torin Rennie": a surname that is also a first name counts only in a list of names.
        if last.key not in gaz.first_names or last.key in gaz.common_rank:
            return None
        if last.key in gaz.surnames and ev.person_cue(i, STRONG_PERSON_CUES):
            return Reason.UNKNOWN_FIRST_AND_SURNAME  # "well done to Mikey Joyce"
        return WEAK
    if _longer_proper_name(ev, j):
        return None  # a longer proper name ("Legio Secunda Augusta"): an organisation or a title
    surname_like = particle or ev.listed_surname(last)
    if ev.person_after(j + 1) or ev.person_cue(i, STRONG_PERSON_CUES):
        return Reason.UNKNOWN_FIRST_AND_SURNAME
    if surname_like and (ev.person_cue(i) or not ev.after_place_preposition(i)
                         or last.key not in gaz.common_rank):
        return Reason.UNKNOWN_FIRST_AND_SURNAME
    return WEAK


def _longer_proper_name(ev: Evidence, j: int) -> bool:
    """Another capitalised word after the surname (not a shouted everyday word, not a second surname)."""
    tokens, rank = ev.tokens, ev.gaz.common_rank
    if j + 1 >= len(tokens):
        return False
    last, nxt = tokens[j], tokens[j + 1]
    return nxt.cap and joined(last, nxt) \
        and not (nxt.text.isupper() and nxt.key in rank and rank[nxt.key] < FREQUENT_RANK) \
        and not (ev.listed_surname(last) and ev.listed_surname(nxt))


def _score_any_case(ev: Evidence, i: int, j: int, pupil: bool, cue: bool = False) -> Reason | None:
    """Lower-case names count only with a roster: a pupil's surname after a first name."""
    assert ev.roster is not None
    first, last = ev.tokens[i], ev.tokens[j]
    if last.key not in ev.roster.surnames:
        return None
    if first.possessive and not last.cap:
        return None  # "Isla's green fingers": a possessive ends the name, and "green" is a word
    common_first = first.key in ev.gaz.common_rank
    common_last = last.key in ev.gaz.common_rank
    # "happy birthday jack baker", "shoutout to jack baker" (strong cues: ``cue``), "jack baker
    # in 3W": a pupil's two names together after a cue or before their class; "ruby wood"
    # alone may be wood, "made from river stone" stones (the weak cues "from", "with" say nothing).
    if pupil and (cue or not (common_first and common_last) or IN_CLASS.match(ev.text, last.end)):
        return Reason.PUPIL
    if ev.first_strength(first) == 2 and not common_first and not common_last:
        return Reason.FIRST_AND_PUPIL_SURNAME
    return WEAK if pupil else None  # "ruby wood": a name only in a list with another child's name
