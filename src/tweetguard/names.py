"""Finding people's names in a draft, and telling a child's name from an adult's or a place's.

A recogniser in the manner of Presidio: a candidate is a capitalised word sequence (or the
CamelCase parts of a hashtag); evidence for it is a known first name followed by a word that
looks like a surname; evidence against it is context: a title or a role before it ("Mrs",
"author"), a place or organisation word after it ("Primary", "Zoo"), a known place, famous
person or character, or a phrase like "learning about" that introduces one.

With a roster, a pupil's own first name and surname together, or their surname used as a
family name ("the okoro twins"), is found in any letter case.

Public API (used by the names, targeted and media rules and by ``--redact``):

- :func:`find_pupil_names` -> children's full names and family names (``NameMatch``);
- :func:`find_first_names` -> single first-name mentions that are not adults' names;
- :func:`find_person_names` -> both, for masking.

All take the text to search (the normalised view) and return spans in that text.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from typing import Literal, Mapping, Sequence

import regex
import yaml

from tweetguard.roster import Roster

Form = Literal["full", "family", "first"]

# One regex pass: hashtags (so their parts can be split) and words (letters, with inner
# hyphens or apostrophes: Lily-Rose, O'Neill, Nowak-Lee, Mensah's).
TOKEN = regex.compile(
    r"(?P<tag>(?<![\w&])[#＃][\p{L}\p{M}\p{N}_]+)"
    r"|(?P<word>[\p{L}\p{M}]+(?:['’\-][\p{L}\p{M}]+)*)",
    regex.V1,
)
# CamelCase parts of a hashtag: "WellDoneEllieThornton" -> Well, Done, Ellie, Thornton.
CAMEL = regex.compile(r"\p{Lu}[\p{Ll}\p{M}]+(?:['’\-]\p{Lu}?[\p{Ll}\p{M}]+)*|\p{Lu}+(?!\p{Ll})|\p{Ll}+|\p{N}+", regex.V1)
# A class or year label right after a name is evidence that the name is a pupil's.
CLASS_LABEL = regex.compile(r"\s*(?:\(\s*(?:Y|Yr|Year|Class|R|Reception)?\s*\d|\(\s*(?:Y|Yr|Year)\b|in\s+(?:Y|Yr|Year)\s*\d)", regex.I)
SPACE_GAP = regex.compile(r"[ \t\u00a0]+")
LINE_GAP = regex.compile(r"[ \t\u00a0]*\r?\n[ \t\u00a0]*")
TITLE_GAP = regex.compile(r"\.?[ \t\u00a0]+|\.?[ \t\u00a0]*\r?\n[ \t\u00a0]*")
ROLE_GAP = regex.compile(r"[\s,:\-–(]*")
# Words allowed between a role and the name it introduces.
ROLE_LINKS = frozenset("and the our a an local famous award-winning children's special guest former "
                       "renowned acclaimed best-selling bestselling wonderful amazing brilliant fantastic "
                       "talented inspiring very own".split())
# A role word after one of these describes a child: "young writer", "star reader".
CHILD_ROLE_MARKERS = frozenset("young star budding junior little mini pupil pupils class school super".split())
SENTENCE_END = regex.compile(r"[.!?…]|\n\s*\n")
# Words that introduce a place before a "first name + place word" ("a trip to Victoria Park").
PLACE_PREPOSITIONS = frozenset("at to in from near around outside inside visit visited visiting the of".split())
# common_words.txt runs down to rare words and surnames (Pemberton is near 30,000); only the
# words above this rank count as everyday English.
EVERYDAY_RANK = 20000
# A first name that is also a very frequent word (rank in common_words.txt) is weak evidence
# alone: "Will", "May", "Hope", "Summer", "Art", "Mark".
FREQUENT_RANK = 1200

DATA = resources.files("tweetguard") / "data"


@dataclass(frozen=True)
class NameMatch:
    """A name found in the text. ``start``/``end`` cover the whole name (not a trailing "'s").

    ``first`` is the first name's span (None for a family name alone), ``surname`` the span
    of the surname part; ``first_name`` and ``surname_text`` are those words as written.
    ``fix`` is what to write instead (the first name alone; for a hashtag, the hashtag part).
    """

    start: int
    end: int
    form: Form
    first_name: str | None
    surname_text: str | None
    first: tuple[int, int] | None
    surname: tuple[int, int] | None
    reason: str

    @property
    def fix(self) -> str | None:
        return self.first_name


@dataclass(frozen=True)
class Gazetteer:
    first_names: frozenset[str]
    surnames: frozenset[str]
    common_rank: Mapping[str, int]


def _read_words(name: str) -> list[str]:
    text = (DATA / name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


@cache
def gazetteer() -> Gazetteer:
    """The shipped name lists, read once per process."""
    words = _read_words("common_words.txt")[:EVERYDAY_RANK]
    common = {word.lower(): rank for rank, word in enumerate(words)}
    return Gazetteer(
        frozenset(w.casefold() for w in _read_words("first_names.txt")),
        frozenset(w.casefold() for w in _read_words("surnames.txt")),
        common,
    )


@cache
def default_lists() -> Mapping[str, tuple[str, ...]]:
    """The catalogue's people-and-places lists, for callers without a catalogue (``--redact``)."""
    for path in (Path(__file__).resolve().parent / "rules", Path(__file__).resolve().parents[2] / "rules"):
        file = path / "lists-people-places.yaml"
        if file.is_file():
            raw = yaml.safe_load(file.read_text(encoding="utf-8")) or {}
            return {k: tuple(v) for k, v in (raw.get("lists") or {}).items()}
    return {}


@lru_cache(maxsize=65536)
def _fold(word: str) -> str:
    """Lookup key: case-folded, curly apostrophe straightened, possessive dropped."""
    key = word.casefold().replace("’", "'")
    if key.endswith("'s"):
        key = key[:-2]
    return key


def _phrases(words: Sequence[str]) -> dict[str, list[tuple[str, ...]]]:
    """Multi-word phrases indexed by their first word, longest first."""
    index: dict[str, list[tuple[str, ...]]] = {}
    for phrase in words:
        parts = tuple(_fold(p) for p in TOKEN_WORDS.findall(phrase))
        if parts:
            index.setdefault(parts[0], []).append(parts)
    for options in index.values():
        options.sort(key=len, reverse=True)
    return index


TOKEN_WORDS = regex.compile(r"[\p{L}\p{M}\p{N}]+(?:['’\-][\p{L}\p{M}\p{N}]+)*", regex.V1)


@dataclass(frozen=True)
class Lexicon:
    """The context word lists, prepared for fast lookups."""

    titles: frozenset[str]
    capitalised_titles: frozenset[str]
    roles: dict[str, list[tuple[str, ...]]]
    adult_cues: dict[str, list[tuple[str, ...]]]
    place_words: dict[str, list[tuple[str, ...]]]
    event_words: frozenset[str]
    place_prefixes: frozenset[str]
    business_words: frozenset[str]
    family_words: frozenset[str]
    known: dict[str, list[tuple[str, ...]]]
    triggers: frozenset[str]  # every word that can start a title, role, cue or known name


_LEXICONS: dict[int, tuple[Mapping[str, tuple[str, ...]], Lexicon]] = {}


def lexicon(lists: Mapping[str, tuple[str, ...]]) -> Lexicon:
    """The lexicon for a set of lists, built once per lists object."""
    cached = _LEXICONS.get(id(lists))
    if cached is not None and cached[0] is lists:
        return cached[1]
    get = lambda name: tuple(lists.get(name, ()))  # noqa: E731
    fields = dict(
        titles=frozenset(_fold(w) for w in get("titles")),
        capitalised_titles=frozenset(_fold(w) for w in get("capitalised-titles")),
        roles=_phrases(get("roles")),
        adult_cues=_phrases(get("adult-cues")),
        place_words=_phrases(get("place-words")),
        event_words=frozenset(_fold(w) for w in get("event-words")),
        place_prefixes=frozenset(_fold(w) for w in get("place-prefixes")),
        business_words=frozenset(_fold(w) for w in get("business-words")),
        family_words=frozenset(_fold(w) for w in get("family-words")),
        known=_phrases(get("places") + get("famous-people") + get("fictional-people") + get("allow-names")),
    )
    triggers = set(fields["titles"]) | set(fields["capitalised_titles"]) | {"by"}  # type: ignore[arg-type]
    for name in ("roles", "adult_cues", "known"):
        triggers.update(fields[name])  # type: ignore[arg-type]
    triggers.update(t.split("-")[0] for t in list(triggers))
    built = Lexicon(**fields, triggers=frozenset(triggers))  # type: ignore[arg-type]
    _LEXICONS[id(lists)] = (lists, built)
    return built


@dataclass(slots=True)
class Token:
    start: int
    end: int
    text: str
    key: str  # _fold(text)
    cap: bool  # starts with a capital letter
    tag: int  # index of the hashtag it is part of, or -1
    gap: str  # the text between the previous token and this one
    adult: bool = False  # an adult's, a known person's or a place's name: never a pupil's


def tokenise(text: str) -> list[Token]:
    tokens: list[Token] = []
    previous_end = 0
    tag_index = 0
    for match in TOKEN.finditer(text):
        gap = text[previous_end : match.start()]
        if match.group("word"):
            word = match.group("word")
            tokens.append(Token(match.start(), match.end(), word, _fold(word), word[0].isupper(), -1, gap))
        else:
            body_start = match.start() + 1
            for index, part in enumerate(CAMEL.finditer(match.group("tag")[1:])):
                word = part.group()
                start = body_start + part.start()
                tokens.append(Token(start, start + len(word), word, _fold(word), word[0].isupper(), tag_index,
                                    gap if index == 0 else " "))
            tag_index += 1
        previous_end = match.end()
    return tokens


def _joined(previous: Token, token: Token) -> bool:
    """Whether two tokens can be parts of one name: same hashtag, or only spaces between."""
    if previous.tag >= 0 or token.tag >= 0:
        return previous.tag == token.tag
    return bool(SPACE_GAP.fullmatch(token.gap))


def _line_joined(previous: Token, token: Token) -> bool:
    return previous.tag < 0 and token.tag < 0 and bool(LINE_GAP.fullmatch(token.gap))


def _phrase_at(tokens: Sequence[Token], i: int, index: Mapping[str, list[tuple[str, ...]]]) -> int:
    """Length (in tokens) of the longest phrase from ``index`` starting at token ``i``, or 0."""
    for phrase in index.get(tokens[i].key, ()):
        n = len(phrase)
        if i + n <= len(tokens) and all(tokens[i + k].key == phrase[k] for k in range(1, n - 1)) \
                and (n == 1 or tokens[i + n - 1].key in (phrase[-1], phrase[-1] + "s")):
            return n
    return 0


def _phrase_ending(tokens: Sequence[Token], end: int, index: Mapping[str, list[tuple[str, ...]]], window: int) -> bool:
    """Whether a phrase from ``index`` ends within ``window`` tokens before token ``end``."""
    for i in range(max(0, end - window - 3), end):
        n = _phrase_at(tokens, i, index)
        if n and end - window <= i + n <= end:
            return True
    return False


class Analysis:
    """Everything found in one text; built once and shared by the rules that ask."""

    def __init__(self, text: str, lex: Lexicon, roster: Roster | None) -> None:
        self.text = text
        self.lex = lex
        self.roster = roster
        self.gaz = gazetteer()
        self.tokens = tokenise(text)
        self._mark_adults()
        self.pupil_names = self._full_names() + self._family_names()
        self.pupil_names.sort(key=lambda m: m.start)

    # --- context that rules a name out -------------------------------------------------
    def _mark_adults(self) -> None:
        tokens, lex = self.tokens, self.lex
        n = len(tokens)
        i = 0
        triggers = lex.triggers
        while i < n:
            token = tokens[i]
            if token.key not in triggers and token.key.split("-")[0] not in triggers:
                i += 1
                continue
            known = _phrase_at(tokens, i, lex.known)
            if known:
                for k in range(i, i + known):
                    tokens[k].adult = True
                i += known
                continue
            if self._is_title(token) and i + 1 < n and (tokens[i + 1].cap or self._roster_word(tokens[i + 1])) \
                    and TITLE_GAP.fullmatch(tokens[i + 1].gap):
                self._mark_run(i + 1)
            elif token.key == "by" and i > 1 and tokens[i - 1].cap and not self._sentence_start(i - 1):
                self._mark_after(i + 1)  # a work's title, then its author: "Holes by Louis Sachar"
            else:
                cue = _phrase_at(tokens, i, lex.adult_cues)
                role = _phrase_at(tokens, i, lex.roles)
                if role and i > 0 and tokens[i - 1].key in CHILD_ROLE_MARKERS:
                    role = 0  # "young writer Ellie Thornton", "star reader ..." are children
                if cue or role:
                    self._mark_after(i + max(cue, role))
            i += 1

    def _is_title(self, token: Token) -> bool:
        key = token.key
        if "-" in key and key not in self.lex.titles:
            key = key.split("-")[0]  # "Lord-Lieutenant"
        if key in self.lex.capitalised_titles:
            return token.cap
        return key in self.lex.titles

    def _roster_word(self, token: Token) -> bool:
        return self.roster is not None and token.key in self.roster.surnames

    def _mark_run(self, i: int) -> None:
        """Mark the name starting at token ``i`` (up to three joined words) as an adult's."""
        tokens = self.tokens
        tokens[i].adult = True
        for k in range(i + 1, min(i + 3, len(tokens))):
            if not (_joined(tokens[k - 1], tokens[k]) and (tokens[k].cap or self._roster_word(tokens[k]))):
                break
            tokens[k].adult = True

    def _mark_after(self, i: int) -> None:
        """After a role word or cue: a capitalised name next, or after a few linking words
        ("author and illustrator Jo Bright", "our visitor, local poet ..."), is an adult's."""
        tokens = self.tokens
        for k in range(i, min(i + 4, len(tokens))):
            if tokens[k].tag >= 0 or not ROLE_GAP.fullmatch(tokens[k].gap):
                return
            if tokens[k].cap and tokens[k].key not in ROLE_LINKS:
                self._mark_run(k)
                return
            if tokens[k].key not in ROLE_LINKS and not _phrase_at(tokens, k, self.lex.roles):
                return

    def _role_after(self, end: int) -> bool:
        """A role word right after a name: "Jo Bright MP", "Jo Bright, the author"."""
        tokens = self.tokens
        for k in range(end, min(end + 3, len(tokens))):
            if not ROLE_GAP.fullmatch(tokens[k].gap):
                return False
            if _phrase_at(tokens, k, self.lex.roles):
                return True
            if tokens[k].key not in ("the", "our", "a", "an", "local", "famous", "children's"):
                return False
        return False

    def _place_after(self, end: int) -> bool:
        """A place word after the name ("... Primary"), or a business word in any case ("... factory")."""
        tokens = self.tokens
        if end >= len(tokens) or not _joined(tokens[end - 1], tokens[end]):
            return False
        if tokens[end].key in self.lex.business_words:
            return True
        return tokens[end].cap and bool(_phrase_at(tokens, end, self.lex.place_words))

    def _sentence_start(self, i: int) -> bool:
        if i == 0:
            return True
        gap = self.tokens[i].gap
        return bool(SENTENCE_END.search(gap)) or "\n" in gap

    # --- evidence ----------------------------------------------------------------------
    def _first_strength(self, token: Token) -> int:
        """2: a known first name; 1: a first name that is also a frequent word; 0: not a name."""
        key = token.key
        if self.roster is not None and key in _roster_first_names(self.roster):
            return 2
        if key not in self.gaz.first_names:
            return 0
        rank = self.gaz.common_rank.get(key)
        return 1 if rank is not None and rank < FREQUENT_RANK else 2

    def _surname_strength(self, token: Token) -> int:
        """2: surname-like and not an everyday word; 1: a surname that is also a word; 0: no."""
        key = token.key
        if key in self.lex.event_words:
            return 0
        parts = key.split("-") if "-" in key else (key,)
        best = 0
        for part in parts:
            if self.roster is not None and part in self.roster.surnames:
                best = max(best, 2 if part not in self.gaz.common_rank else 1)
                continue
            common = part in self.gaz.common_rank
            if part in self.gaz.surnames:
                best = max(best, 1 if common else 2)
            elif not common and part not in self.gaz.first_names and len(part) > 2:
                best = max(best, 2)  # an unknown capitalised word: most likely a surname
        if best == 0 and len(parts) > 1 and key in self.gaz.first_names:
            return 0
        return best

    def _pupil(self, first: str, last: str) -> bool:
        return self.roster is not None and (first, last) in _roster_pairs(self.roster)

    # --- candidates ----------------------------------------------------------------------
    def _full_names(self) -> list[NameMatch]:
        tokens = self.tokens
        found: list[NameMatch] = []
        i = 0
        while i + 1 < len(tokens):
            match = self._full_name_at(i)
            if match is None:
                i += 1
                continue
            found.append(match[0])
            i = match[1]
        found.extend(self._lowercase_tags())
        return found

    def _full_name_at(self, i: int) -> tuple[NameMatch, int] | None:
        tokens = self.tokens
        first = tokens[i]
        if first.adult:
            return None
        # Cheap exits first: most words are not the start of a name.
        if first.cap:
            if first.key not in self.gaz.first_names and not (
                    self.roster is not None and first.key in _roster_first_names(self.roster)):
                return None
        elif self.roster is None or tokens[i + 1].key not in self.roster.surnames:
            return None
        j = i + 1
        # A middle name: "Ellie Mae Thornton".
        if (j + 1 < len(tokens) and tokens[j].cap and tokens[j + 1].cap and _joined(first, tokens[j])
                and _joined(tokens[j], tokens[j + 1]) and tokens[j].key in self.gaz.first_names
                and self._surname_strength(tokens[j + 1]) == 2 and not tokens[j + 1].adult):
            j += 1
        last = tokens[j]
        if last.adult:
            return None
        joined = _joined(tokens[j - 1], last)
        line_joined = not joined and _line_joined(tokens[j - 1], last)
        if not (joined or line_joined):
            return None
        pupil = self._pupil(first.key, last.key)
        if first.cap and last.cap:
            score = self._score_capitalised(i, j, pupil, line_joined)
        elif self.roster is not None and (first.tag < 0 or first.tag == last.tag):
            score = self._score_any_case(first, last, pupil)
        else:
            score = None
        if score is None:
            return None
        start, end = first.start, last.end
        if last.text.endswith(("'s", "’s")):
            end -= 2
        match = NameMatch(start, end, "full", first.text, self.text[last.start:end],
                          (first.start, first.end), (tokens[i + 1].start, end), score)
        return match, j + 1

    def _score_capitalised(self, i: int, j: int, pupil: bool, line_joined: bool) -> str | None:
        tokens = self.tokens
        first, last = tokens[i], tokens[j]
        if pupil:
            return "a pupil's first name and surname (roster)"
        if first.text.endswith(("'s", "’s")):
            return None  # "Lily-Rose's Diwali rangoli": a possessive ends the name
        if self._place_after(j + 1) or self._role_after(j + 1) or first.key in self.lex.place_prefixes:
            return None
        if last.text.isupper() and not first.text.isupper():
            return None  # an acronym after a name ("Ellie's EHCP") is not a surname
        f, s = self._first_strength(first), self._surname_strength(last)
        if f == 0 or s == 0:
            return None
        if line_joined and s < 2:
            return None
        labelled = bool(CLASS_LABEL.match(self.text, last.end))
        if f == 1 and not labelled and (s == 1 or last.key not in self.gaz.surnames):
            return None  # "Summer Fair", "Young Carers": a word-like first name needs a real surname
        if _phrase_at(tokens, j, self.lex.place_words) and not labelled and self._after_place_preposition(i):
            return None
        return "a first name followed by a surname"

    def _after_place_preposition(self, i: int) -> bool:
        tokens = self.tokens
        return any(tokens[k].key in PLACE_PREPOSITIONS for k in range(max(0, i - 2), i))

    def _score_any_case(self, first: Token, last: Token, pupil: bool) -> str | None:
        """Lower-case names count only with a roster: a pupil's surname after a first name."""
        assert self.roster is not None
        if last.key not in self.roster.surnames:
            return None
        common_first = first.key in self.gaz.common_rank
        common_last = last.key in self.gaz.common_rank
        if pupil and not (common_first and common_last):
            return "a pupil's first name and surname (roster)"
        if self._first_strength(first) == 2 and not common_first and not common_last:
            return "a first name followed by a pupil's surname (roster)"
        return None

    def _lowercase_tags(self) -> list[NameMatch]:
        """A pupil's full name run together in a hashtag without capitals (#welldoneelliethornton)."""
        if self.roster is None or "#" not in self.text:
            return []
        found: list[NameMatch] = []
        for tag in TOKEN.finditer(self.text):
            body = tag.group("tag")
            if not body or any(c.isupper() for c in body[1:]):
                continue
            lowered = body[1:].lower()
            for first, last in _roster_joined(self.roster):
                at = lowered.find(first + last)
                if at >= 0:
                    start = tag.start() + 1 + at
                    end = start + len(first) + len(last)
                    found.append(NameMatch(start, end, "full", self.text[start:start + len(first)],
                                           self.text[start + len(first):end], (start, start + len(first)),
                                           (start + len(first), end), "a pupil's name in a hashtag (roster)"))
        return found

    def _family_names(self) -> list[NameMatch]:
        """A surname with a family word: "the Okoro sisters", "the Hall twins"."""
        tokens = self.tokens
        found: list[NameMatch] = []
        for i in range(1, len(tokens) - 1):
            name, family = tokens[i], tokens[i + 1]
            if family.key not in self.lex.family_words or name.adult or not _joined(name, family):
                continue
            if tokens[i - 1].key != "the" or not _joined(tokens[i - 1], name):
                continue
            in_roster = self.roster is not None and name.key in self.roster.surnames
            if not in_roster and not (name.cap and self._surname_strength(name) > 0):
                continue
            end = name.end - 2 if name.text.endswith(("'s", "’s")) else name.end
            found.append(NameMatch(name.start, end, "family", None, self.text[name.start:end], None,
                                   (name.start, end), "a family name"))
        return found

    # --- first names alone ---------------------------------------------------------------
    def first_names(self) -> list[NameMatch]:
        """Capitalised first names (or a roster pupil's first name in any case) used alone."""
        covered = {k for m in self.pupil_names for k in range(m.start, m.end)}
        found: list[NameMatch] = []
        roster_first = _roster_first_names(self.roster) if self.roster is not None else frozenset()
        for token in self.tokens:
            if token.adult or token.start in covered:
                continue
            key = token.key
            if token.cap:
                if key not in self.gaz.first_names and key not in roster_first:
                    continue
                if self.lex.known.get(key) and any(len(p) == 1 for p in self.lex.known[key]):
                    continue
            elif key not in roster_first or key in self.gaz.common_rank:
                continue
            end = token.end - 2 if token.text.endswith(("'s", "’s")) else token.end
            found.append(NameMatch(token.start, end, "first", self.text[token.start:end], None,
                                   (token.start, end), None, "a first name"))
        return found


@dataclass(frozen=True)
class RosterIndex:
    first_names: frozenset[str]
    pairs: frozenset[tuple[str, str]]
    joined: tuple[tuple[str, str], ...]  # letters only, for hashtags without capitals


_ROSTERS: dict[int, tuple[Roster, RosterIndex]] = {}


def roster_index(roster: Roster) -> RosterIndex:
    """Lookups built once per roster object (hashing a whole roster per word would be slow)."""
    cached = _ROSTERS.get(id(roster))
    if cached is not None and cached[0] is roster:
        return cached[1]
    strip = lambda s: regex.sub(r"[\W_]", "", s.lower())  # noqa: E731
    index = RosterIndex(
        frozenset(_fold(p.first_name) for p in roster.pupils),
        frozenset((_fold(p.first_name), _fold(p.last_name)) for p in roster.pupils),
        tuple((strip(p.first_name), strip(p.last_name)) for p in roster.pupils),
    )
    _ROSTERS[id(roster)] = (roster, index)
    return index


def _roster_first_names(roster: Roster) -> frozenset[str]:
    return roster_index(roster).first_names


def _roster_pairs(roster: Roster) -> frozenset[tuple[str, str]]:
    return roster_index(roster).pairs


def _roster_joined(roster: Roster) -> tuple[tuple[str, str], ...]:
    return roster_index(roster).joined


_LAST: list[tuple[tuple[str, int, int], Analysis]] = []


def analyse(text: str, lists: Mapping[str, tuple[str, ...]] | None = None,
            roster: Roster | None = None) -> Analysis:
    """The analysis of ``text``; the last few are kept, as several rules ask about one draft."""
    lists = default_lists() if lists is None else lists
    key = (text, id(lists), id(roster))
    for cached_key, analysis in _LAST:
        if cached_key == key:
            return analysis
    analysis = Analysis(text, lexicon(lists), roster)
    _LAST.insert(0, (key, analysis))
    del _LAST[4:]
    return analysis


def find_pupil_names(text: str, lists: Mapping[str, tuple[str, ...]] | None = None,
                     roster: Roster | None = None) -> list[NameMatch]:
    """Children's names that go beyond a first name: full names and family names."""
    return list(analyse(text, lists, roster).pupil_names)


def find_first_names(text: str, lists: Mapping[str, tuple[str, ...]] | None = None,
                     roster: Roster | None = None) -> list[NameMatch]:
    """First names used alone that are not an adult's, a place's or a known person's."""
    return analyse(text, lists, roster).first_names()


def find_person_names(text: str, lists: Mapping[str, tuple[str, ...]] | None = None,
                      roster: Roster | None = None) -> list[NameMatch]:
    """Every child's name found (full, family and first names alone), in text order."""
    analysis = analyse(text, lists, roster)
    return sorted(analysis.pupil_names + analysis.first_names(), key=lambda m: m.start)
