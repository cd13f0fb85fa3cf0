"""The catalogue's context lists and the roster, prepared once for fast lookups.

:func:`build_lexicon` turns the ``lists:`` of rules/lists-people-places.yaml (titles, roles,
place words, famous people...) into folded sets and phrase indexes; :func:`build_roster_index`
does the same for a roster. The engine builds both once (per catalogue, per roster) and each
draft's analysis reads them.
"""

from __future__ import annotations

import marshal
from dataclasses import dataclass
from dataclasses import fields as dataclass_fields
from typing import Mapping, Sequence

import regex

from tweetguard.core import diskcache
from tweetguard.core.patterns import lazy_re, lazy_regex
from tweetguard.core.roster import Roster
from tweetguard.text.names.gazetteer import fold, unaccented
from tweetguard.text.names.tokens import Token
from tweetguard.text.names.verdicts import Role

Phrase = tuple[str, ...]
PhraseIndex = dict[str, list[Phrase]]
Lists = Mapping[str, tuple[str, ...]]

TOKEN_WORDS = lazy_regex(r"[\p{L}\p{M}\p{N}]+(?:['’\-][\p{L}\p{M}\p{N}]+)*", regex.V1)
# The same on ASCII text (letters, digits), in Python's re: the lists are read at every start.
TOKEN_WORDS_ASCII = lazy_re(r"[A-Za-z0-9]+(?:['\-][A-Za-z0-9]+)*")
# The lists whose entries are names of someone or something known, and what each says it is.
KNOWN_LISTS = (("places", Role.PLACE), ("famous-people", Role.FAMOUS), ("fictional-people", Role.CHARACTER),
               ("festivals", Role.FESTIVAL), ("allow-names", Role.ALLOWED))


def phrase_words(phrase: str) -> Phrase:
    """A list entry's words, folded as tokens are."""
    pattern = TOKEN_WORDS_ASCII if phrase.isascii() else TOKEN_WORDS
    return tuple(fold(p) for p in pattern.findall(phrase))


def _phrases(words: Sequence[str]) -> PhraseIndex:
    """Multi-word phrases indexed by their first word, longest first."""
    index: PhraseIndex = {}
    for phrase in words:
        parts = phrase_words(phrase)
        if parts:
            index.setdefault(parts[0], []).append(parts)
    for options in index.values():
        options.sort(key=len, reverse=True)
    return index


@dataclass(frozen=True)
class Lexicon:
    """The context word lists, prepared for fast lookups."""

    titles: frozenset[str]
    capitalised_titles: frozenset[str]
    roles: PhraseIndex
    adult_cues: PhraseIndex
    place_words: PhraseIndex
    event_words: frozenset[str]
    place_prefixes: frozenset[str]
    business_words: frozenset[str]
    family_words: frozenset[str]
    known: PhraseIndex
    known_roles: Mapping[Phrase, Role]  # which list a known phrase came from
    triggers: frozenset[str]  # every word that can start a title, role, cue or known name
    context_not_names: frozenset[str]  # first names the context finder never takes alone
    any_titles: frozenset[str]  # titles and capitalised titles: the context finder takes either
    report_words: frozenset[str]  # words of a match or race report, where players go by surname
    surname_first: frozenset[str] = frozenset()  # surnames of cultures that write them first
    team_list_words: frozenset[str] = frozenset()  # words that introduce a team's list of players


def _folded(lists: Lists, name: str) -> frozenset[str]:
    return frozenset(fold(w) for w in lists.get(name, ()))


# The lists build_lexicon reads; LEXICON_VERSION is bumped when it reads them differently
# (a lexicon cached by another version is not used).
READ_LISTS = tuple(name for name, _ in KNOWN_LISTS) + (
    "titles", "capitalised-titles", "roles", "adult-cues", "place-words", "event-words", "place-prefixes",
    "business-words", "family-words", "context-not-names", "report-words", "surname-first-surnames",
    "team-list-words")
LEXICON_VERSION = 3  # 3: team_list_words


def build_lexicon(lists: Lists) -> Lexicon:
    """The lexicon for a catalogue's lists (build it once per catalogue: it indexes thousands),
    from the start-up cache when a run before built it from these very lists."""
    store = diskcache.active()
    named = diskcache.digest([str(LEXICON_VERSION).encode()] + [
        f"{name}\n{chr(31).join(lists.get(name, ()))}".encode("utf-8", "surrogatepass") for name in READ_LISTS])
    entry = f"lexicon {named.hex()}"
    cached = store.get(entry)
    if cached is not None:
        try:
            fields = marshal.loads(cached)
            fields["known_roles"] = {phrase: Role[role] for phrase, role in fields["known_roles"].items()}
            return Lexicon(**fields)
        except (ValueError, EOFError, TypeError, KeyError):
            pass  # built again below
    lexicon = _build_lexicon(lists)
    if store.path is not None:
        fields = {f.name: getattr(lexicon, f.name) for f in dataclass_fields(Lexicon)}
        fields["known_roles"] = {phrase: role.name for phrase, role in lexicon.known_roles.items()}
        store.put(entry, marshal.dumps(fields))
    return lexicon


def _build_lexicon(lists: Lists) -> Lexicon:
    def get(name: str) -> tuple[str, ...]:
        return tuple(lists.get(name, ()))

    known_roles: dict[Phrase, Role] = {}
    for name, role in KNOWN_LISTS:
        for phrase in get(name):
            known_roles.setdefault(phrase_words(phrase), role)
    titles, capitalised = _folded(lists, "titles"), _folded(lists, "capitalised-titles")
    roles, adult_cues = _phrases(get("roles")), _phrases(get("adult-cues"))
    known = _phrases(sum((get(name) for name, _ in KNOWN_LISTS), ()))
    triggers = set(titles) | set(capitalised) | {"by"} | set(roles) | set(adult_cues) | set(known)
    triggers.update(t.split("-")[0] for t in list(triggers))
    return Lexicon(
        titles=titles, capitalised_titles=capitalised, roles=roles, adult_cues=adult_cues,
        place_words=_phrases(get("place-words")), event_words=_folded(lists, "event-words"),
        place_prefixes=_folded(lists, "place-prefixes"), business_words=_folded(lists, "business-words"),
        family_words=_folded(lists, "family-words"), known=known, known_roles=known_roles,
        triggers=frozenset(triggers), context_not_names=frozenset(w.lower() for w in get("context-not-names")),
        any_titles=titles | capitalised, report_words=_folded(lists, "report-words"),
        surname_first=frozenset(unaccented(w) for w in _folded(lists, "surname-first-surnames")),
        team_list_words=_folded(lists, "team-list-words"),
    )


def phrase_match(tokens: Sequence[Token], i: int, index: PhraseIndex) -> Phrase | None:
    """The longest phrase from ``index`` starting at token ``i`` (its last word may be plural)."""
    options = index.get(tokens[i].key)
    if not options:
        return None
    count = len(tokens)
    for phrase in options:
        n = len(phrase)
        if n == 1:
            return phrase
        if i + n > count:
            continue
        # The last word first (it rules most phrases out), then any middle words.
        last = tokens[i + n - 1].key
        if last != phrase[-1] and last != phrase[-1] + "s":
            continue
        if n == 2 or all(tokens[i + k].key == phrase[k] for k in range(1, n - 1)):
            return phrase
    return None


def phrase_at(tokens: Sequence[Token], i: int, index: PhraseIndex) -> int:
    """Length (in tokens) of the longest phrase from ``index`` starting at token ``i``, or 0."""
    phrase = phrase_match(tokens, i, index)
    return len(phrase) if phrase else 0


@dataclass(frozen=True)
class RosterIndex:
    """A roster's names as the recogniser looks them up (hashing a whole roster per word would be slow)."""

    first_names: frozenset[str]
    pairs: frozenset[tuple[str, str]]
    joined: tuple[tuple[str, str], ...]  # letters only, for hashtags without capitals
    surnames: frozenset[str]  # lower-cased, and each part of a hyphenated one (Roster.surnames)
    lower_first_names: frozenset[str]  # lower-cased, as the context finder compares them


def build_roster_index(roster: Roster) -> RosterIndex:
    """The lookups for one roster; build it once per roster."""
    def letters(name: str) -> str:
        return regex.sub(r"[\W_]", "", name.lower())

    return RosterIndex(
        frozenset(fold(p.first_name) for p in roster.pupils),
        frozenset((fold(p.first_name), fold(p.last_name)) for p in roster.pupils),
        tuple((letters(p.first_name), letters(p.last_name)) for p in roster.pupils),
        roster.surnames,
        frozenset(p.first_name.lower() for p in roster.pupils),
    )
