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

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Literal, Mapping, Sequence

import regex

from tweetguard.core.paths import DATA, default_rules_dir
from tweetguard.core.roster import Roster

Form = Literal["full", "family", "first"]


@cache
def _unicode_patterns() -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    """The token patterns for any text; compiled on first use, as ASCII drafts never need them."""
    return (
        # One regex pass: hashtags (so their parts can be split) and words (letters, with inner
        # hyphens or apostrophes: Lily-Rose, O'Neill, Nowak-Lee, Mensah's).
        regex.compile(
            r"(?P<tag>(?<![\w&])[#＃][\p{L}\p{M}\p{N}_]+)"
            r"|(?P<word>[\p{L}\p{M}]+(?:['’\-][\p{L}\p{M}]+)*)",
            regex.V1,
        ),
        # CamelCase parts of a hashtag: "WellDoneEllieThornton" -> Well, Done, Ellie, Thornton.
        regex.compile(r"(?:Ma?c(?=\p{Lu}\p{Ll}))?\p{Lu}[\p{Ll}\p{M}]+(?:['’\-]\p{Lu}?[\p{Ll}\p{M}]+)*"
                      r"|\p{Lu}+(?!\p{Ll})|\p{Ll}+|\p{N}+", regex.V1),
    )


# A class or year label right after a name is evidence that the name is a pupil's.
CLASS_LABEL = regex.compile(r"\s*(?:,\s*(?:Y|Yr|Year)\s*\d\b|\(\s*(?:Y|Yr|Year|Class|R|Reception)?\s*\d|\(\s*(?:Y|Yr|Year)\b|in\s+(?:Y|Yr|Year)\s*\d)", regex.I)
SPACE_GAP = regex.compile(r"[ \t\u00a0]+")
# Between two names of a list: "A B, C D and E F".
LIST_GAP = regex.compile(r"[^\w.!?;:\n]*?(?:,|&|\band\b|,\s*and\b)[^\w.!?;:\n]*", regex.I | regex.V1)
# The reason of a candidate that counts only in a list with other names.
WEAK = "weak"
LINE_GAP = regex.compile(r"[ \t\u00a0]*\r?\n[ \t\u00a0]*")
TITLE_GAP = regex.compile(r"\.?[ \t\u00a0]+|\.?[ \t\u00a0]*\r?\n[ \t\u00a0]*")
ROLE_GAP = regex.compile(r"[\s,:\-–(]*")
# Words allowed between a role and the name it introduces.
ROLE_LINKS = frozenset("and the our a an local famous award-winning children's special guest former "
                       "renowned acclaimed best-selling bestselling wonderful amazing brilliant fantastic "
                       "talented inspiring very own".split())
# A role word after one of these describes a child: "young writer", "star reader".
# "Surname, First": the comma between, what may come before (start, line, colon, dash) and
# after (the end, a sentence end, a dash or a bracket).
REGISTER_COMMA = regex.compile(r",[ \t]*")
REGISTER_OPENING = regex.compile(r"(?:\n|[:–—-])\W*$")
REGISTER_CLOSING = regex.compile(r"[ \t]*(?:$|[.!?\n–—(]|-\s)")
# A capital inside a word after three or more small letters is a brand or product
# ("WhatsApp", "YouTube", "PlayStation"), not a name ("McKenzie", "MacLeod", "DeShawn",
# "LaToya", "FitzGerald" have short or known prefixes).
BRAND_SHAPE = regex.compile(r"(?!(?:Mac|Fitz|Van|Von|Della|Dela)\p{Lu})\p{Lu}\p{Ll}{2,}\p{Lu}", regex.V1)
ORDINAL_ENDINGS = frozenset(("st", "nd", "rd", "th"))
# A capitalised word after these is a thing or a kind ("a Christian story", "your Bikeability
# support"), not a child's name. "our" is left out: chatty posts say "our Amara"; so are
# "this" and "that", which also join clauses ("So pleased that Jack...").
DETERMINERS = frozenset("a an your their its his her my these those every each any".split())
CHILD_ROLE_MARKERS = frozenset("young star budding junior little mini pupil pupils class school super".split())
SENTENCE_END = regex.compile(r"[.!?…]|\n\s*\n")
# Words that introduce a place before a "first name + place word" ("a trip to Victoria Park").
PLACE_PREPOSITIONS = frozenset("at to in from near around outside inside visit visited visiting the of".split())
# Words before a name that put a person in the slot ("Well done to ...", "Thanks to ..."):
# with one, two capitalised words that are not everyday words read as a name even when the
# gazetteer knows neither. Keys are the one or two words just before the name.
PERSON_CUES = frozenset({
    ("done",), ("done", "to"), ("congratulations",), ("congratulations", "to"), ("congrats",),
    ("congrats", "to"), ("thanks", "to"), ("you", "to"), ("goes", "to"), ("go", "to"), ("awarded", "to"),
    ("out", "to"), ("bravo",), ("proud", "of"), ("birthday",), ("birthday", "to"), ("star",), ("week",),
    ("winner",), ("winners",),
    ("well", "done"), ("welcome", "to"), ("from",), ("by",), ("with",), ("and",), ("for",),
})
# Cues for the rarer reading "an unknown word + an unlisted word": only the clearest ones.
STRONG_PERSON_CUES = PERSON_CUES - {("from",), ("by",), ("with",), ("and",), ("for",), ("welcome", "to")}
# Word endings of plurals, adverbs and other forms that are not single first names.
NOT_A_NAME_ENDING = regex.compile(r"(?:[^aeiou]s|ies|ly|ing|ed|tion|ness|ment)$")
# Words after "Name," at the start of a sentence that show the name is addressed.
VOCATIVE_NEXT = frozenset("please remember don't dont do you your you're well thank thanks we can could no "
                          "great brilliant lovely fantastic congratulations happy welcome it's".split())
# Words just before a single first name that greet or thank the child ("Dear Bảo").
GREETING_CUES = STRONG_PERSON_CUES | {("dear",), ("hi",), ("hello",), ("back",), ("thank", "you"), ("thanks",),
                                      ("lovely",)}
# Lower-case words after a name that make it the subject of a sentence about a child.
PERSON_VERBS = frozenset("won wins made makes read reads wrote writes scored scores sang sings played plays "
                         "has had is was did drew painted built designed ran swam received receives achieved "
                         "earned gained led performed completed showed brought came finished helped "
                         "created told shared danced".split())
# Particles inside a surname: "Saoirse Ní Bhriain", "Daan van der Berg", "Omar bin Salleh".
PARTICLES = frozenset("ní nic ó ua uí mac van von der den de da di del della dos das du le la al el bin "
                      "bint ibn ben ap ter ten".split())
HYPHEN_PARTICLES = frozenset("al el abu bin ibn ben".split())
# Family words after a titled parent's possessive that point to their child: "Mrs Quigley's son Alistair".
CHILD_WORDS = frozenset("son daughter child grandson granddaughter twins".split())
# Surname shapes from many communities: Mc/Mac/O'/Fitz..., Al-/El-..., -ski/-wicz/-ov/-escu/-poulos...
SURNAME_SHAPE = regex.compile(
    r"(?:mc|mac|o'|fitz|al-|el-|abu-|bin-|ibn-|ben-)\p{L}{3,}"
    r"|\p{L}{2,}(?:son|sen|sson|ski|ska|cki|cka|dzki|wicz|czyk|czak|ov|ova|ev|eva|enko|uk|escu|poulos|"
    r"opoulou|idis|akis|oglu|oğlu|ian|yan|vić|vic|ić|dottir|stein|berg|mann|ez|ini|etti|elli|ucci|"
    r"aki|moto|yama|kawa|ingham|worth|ington)",
    regex.V1,
)
# common_words.txt runs down to rare words and surnames (Pemberton is near 30,000); only the
# words above this rank count as everyday English.
EVERYDAY_RANK = 20000
# A first name that is also a very frequent word (rank in common_words.txt) is weak evidence
# alone: "Will", "May", "Hope", "Summer", "Art", "Mark".
FREQUENT_RANK = 1200
# A listed surname that is also a rarer word (Rutherford, rank 16,599) is still a surname.
SURNAME_WORD_RANK = 10000
# Words below this rank in common_words.txt are rare enough to be unlisted surnames.
RARE_RANK = 12000



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


def _read_words(name: str, fold: str = "casefold") -> list[str]:
    """A data file's words in order, folded. The whole text is folded and split at once: the
    gazetteers are 75,000 lines and are read at every start, so per-line work shows."""
    text = getattr((DATA / name).read_text(encoding="utf-8"), fold)()
    return [word for word in (line.strip() for line in text.split("\n")) if word and word[0] != "#"]


@cache
def gazetteer() -> Gazetteer:
    """The shipped name lists, read once per process."""
    words = _read_words("common_words.txt", "lower")[:EVERYDAY_RANK]
    return Gazetteer(
        frozenset(_read_words("first_names.txt")),
        frozenset(_read_words("surnames.txt")),
        {word: rank for rank, word in enumerate(words)},
    )


@cache
def default_lists() -> Mapping[str, tuple[str, ...]]:
    """The catalogue's people-and-places lists, for callers without a catalogue (``--redact``)."""
    for file in (default_rules_dir() / "lists-people-places.yaml",):
        if file.is_file():
            import yaml  # only --redact without a catalogue comes here; yaml is slow to import

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
        pattern = TOKEN_WORDS_ASCII if phrase.isascii() else TOKEN_WORDS
        parts = tuple(_fold(p) for p in pattern.findall(phrase))
        if parts:
            index.setdefault(parts[0], []).append(parts)
    for options in index.values():
        options.sort(key=len, reverse=True)
    return index


TOKEN_WORDS = regex.compile(r"[\p{L}\p{M}\p{N}]+(?:['’\-][\p{L}\p{M}\p{N}]+)*", regex.V1)
# The same on ASCII text (letters, digits), in Python's re: the lists are read at every start.
TOKEN_WORDS_ASCII = re.compile(r"[A-Za-z0-9]+(?:['\-][A-Za-z0-9]+)*")


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
        known=_phrases(get("places") + get("famous-people") + get("fictional-people") + get("festivals")
                       + get("allow-names")),
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


@cache
def _ascii_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The token patterns restricted to ASCII, in stdlib ``re`` (about twice as fast as ``regex``).
    On text whose letters, digits and apostrophes are all ASCII they find the same matches."""
    return (
        re.compile(r"(?<![A-Za-z0-9_&])#[A-Za-z0-9_]+|[A-Za-z]+(?:['\-][A-Za-z]+)*"),
        re.compile(r"(?:Ma?c(?=[A-Z][a-z]))?[A-Z][a-z]+(?:['\-][A-Z]?[a-z]+)*|[A-Z]+(?![a-z])|[a-z]+|[0-9]+"),
    )


@cache
def _ignored(char: str) -> bool:
    """Whether the token pattern treats a non-ASCII character as it treats punctuation (emoji, dashes, “”):
    not a letter, mark, digit or word character, not the curly apostrophe, not a full-width #."""
    return regex.match(r"[\w\p{L}\p{M}\p{N}’＃]", char, regex.V1) is None


def _token_patterns(text: str) -> tuple[re.Pattern[str] | regex.Pattern[str], re.Pattern[str] | regex.Pattern[str]]:
    if text.isascii() or all(_ignored(c) for c in NON_ASCII.findall(text)):
        return _ascii_patterns()
    return _unicode_patterns()


NON_ASCII = re.compile(r"[^\x00-\x7f]")


def tokenise(text: str) -> list[Token]:
    tokens: list[Token] = []
    append = tokens.append
    previous_end = 0
    tag_index = 0
    token_pattern, camel = _token_patterns(text)
    for match in token_pattern.finditer(text):
        start, end = match.span()
        word = match.group()
        gap = text[previous_end:start]
        previous_end = end
        if word[0] not in "#＃":  # a word starts with a letter or mark, a hashtag with its sign
            # "al-Amiri", "bin-Salleh": a lower-case particle joined to a capitalised name.
            cap = word[0].isupper() or ("-" in word and word[word.index("-") + 1:word.index("-") + 2].isupper()
                                        and word[:word.index("-")].lower() in HYPHEN_PARTICLES)
            append(Token(start, end, word, _fold(word), cap, -1, gap))
            continue
        body_start = start + 1
        for index, part in enumerate(camel.finditer(word[1:])):
            part_text = part.group()
            part_start = body_start + part.start()
            append(Token(part_start, part_start + len(part_text), part_text, _fold(part_text),
                         part_text[0].isupper(), tag_index, gap if index == 0 else " "))
        tag_index += 1
    return tokens


def _full_match(start: int, first: Token, surname: Token, reason: str) -> NameMatch:
    """A full name from ``start`` to the end of its later token (first name or surname, in
    either order), a possessive "'s" left out of both; the fix is the first name."""
    first_end = first.end - 2 if first.text.endswith(("'s", "’s")) else first.end
    surname_end = surname.end - 2 if surname.text.endswith(("'s", "’s")) else surname.end
    return NameMatch(start, max(first_end, surname_end), "full", first.text[:first_end - first.start],
                     surname.text[:surname_end - surname.start], (first.start, first_end),
                     (surname.start, surname_end), reason)


def _joined(previous: Token, token: Token) -> bool:
    """Whether two tokens can be parts of one name: same hashtag, or only spaces between."""
    if previous.tag >= 0 or token.tag >= 0:
        return previous.tag == token.tag
    return bool(SPACE_GAP.fullmatch(token.gap))


def _line_joined(previous: Token, token: Token) -> bool:
    return previous.tag < 0 and token.tag < 0 and bool(LINE_GAP.fullmatch(token.gap))


def _phrase_at(tokens: Sequence[Token], i: int, index: Mapping[str, list[tuple[str, ...]]]) -> int:
    """Length (in tokens) of the longest phrase from ``index`` starting at token ``i``, or 0."""
    options = index.get(tokens[i].key)
    if not options:
        return 0
    count = len(tokens)
    for phrase in options:
        n = len(phrase)
        if n == 1:
            return 1
        if i + n > count:
            continue
        # The last word first (it rules most phrases out), then any middle words.
        last = tokens[i + n - 1].key
        if last != phrase[-1] and last != phrase[-1] + "s":
            continue
        if n == 2 or all(tokens[i + k].key == phrase[k] for k in range(1, n - 1)):
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
        register = self._register_style()
        self.pupil_names = register + [m for m in self._full_names() + self._family_names()
                                       + self._children_of_titled_parents() + self._lower_case_full_names()
                                       if not any(r.start < m.end and m.start < r.end for r in register)]
        self.pupil_names.sort(key=lambda m: m.start)
        self._first_names: list[NameMatch] | None = None  # built on first ask, then shared

    # --- context that rules a name out -------------------------------------------------
    def _mark_adults(self) -> None:
        tokens, lex = self.tokens, self.lex
        n = len(tokens)
        i = 0
        triggers = lex.triggers
        while i < n:
            token = tokens[i]
            key = token.key
            if key not in triggers and ("-" not in key or key.split("-")[0] not in triggers) \
                    or (key in ORDINAL_ENDINGS and token.tag < 0 and token.start
                        and self.text[token.start - 1].isdigit()):  # "1st", "2nd": not St
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
                if not role and "-" in key and any((p,) in lex.roles.get(p, ()) for p in key.split("-")):
                    role = 1  # "author-illustrator Kwabena ...": a hyphenated role
                if role and i > 0 and tokens[i - 1].key in CHILD_ROLE_MARKERS:
                    role = 0  # "young writer Ellie Thornton", "star reader ..." are children
                if cue or role:
                    self._mark_after(i + max(cue, role), listing=bool(cue))
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

    def _mark_run(self, i: int) -> int:
        """Mark the name starting at token ``i`` (up to three joined words) as an adult's;
        return the index of the token after it."""
        tokens = self.tokens
        tokens[i].adult = True
        for k in range(i + 1, min(i + 3, len(tokens))):
            if not (_joined(tokens[k - 1], tokens[k]) and (tokens[k].cap or self._roster_word(tokens[k]))):
                return k
            tokens[k].adult = True
        return min(i + 3, len(tokens))

    def _mark_after(self, i: int, listing: bool = False) -> None:
        """After a role word or cue: a capitalised name next, or after a few linking words
        ("author and illustrator Jo Bright", "our visitor, local poet ..."), is an adult's."""
        tokens = self.tokens
        for k in range(i, min(i + 4, len(tokens))):
            if tokens[k].tag >= 0 or not ROLE_GAP.fullmatch(tokens[k].gap):
                return
            if tokens[k].cap and tokens[k].key not in ROLE_LINKS:
                end = self._mark_run(k)
                if CLASS_LABEL.match(self.text, tokens[end - 1].end):
                    for m in range(k, end):  # "Written by Zuzanna Kwiatkowska, Y5": a pupil author
                        tokens[m].adult = False
                    return
                while listing and end < len(tokens):
                    # "learning about Walter Raleigh and Francis Drake": the whole list.
                    nxt = end + 1 if tokens[end].key == "and" and SPACE_GAP.fullmatch(tokens[end].gap) else end
                    if nxt >= len(tokens) or not tokens[nxt].cap or tokens[nxt].tag >= 0 or \
                            not (nxt > end or LIST_GAP.fullmatch(tokens[nxt].gap)) or \
                            (nxt > end and not SPACE_GAP.fullmatch(tokens[nxt].gap)):
                        break
                    end = self._mark_run(nxt)
                return
            if tokens[k].key not in ROLE_LINKS and not _phrase_at(tokens, k, self.lex.roles):
                return

    def _role_after(self, end: int) -> bool:
        """A role word right after a name: "Jo Bright MP", "Jo Bright, the author"."""
        tokens = self.tokens
        if tokens[end - 1].text.endswith(("'s", "’s")):
            return False  # "Anjali Venkataraman's dad": the role is a relative's; the name is the child's
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
        for k in range(end + 1, min(end + 3, len(tokens))):
            # "the Ellen MacArthur Cancer Trust": a longer capitalised run ending in an organisation word
            if not (tokens[k - 1].cap and tokens[k].cap and _joined(tokens[k - 1], tokens[k])):
                break
            if tokens[k].key in self.lex.business_words:
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
            # A double first name whose parts are all first names: "Poppy-Mae", "Anna-Sofia".
            if "-" in key and all(p in self.gaz.first_names for p in key.split("-")):
                return 2
            return 0
        rank = self.gaz.common_rank.get(key)
        return 1 if rank is not None and rank < FREQUENT_RANK else 2

    def _unknown(self, token: Token) -> bool:
        """A capitalised word no list knows and that is not an everyday word (Tallulah, Brockway):
        in a person's slot, most likely a name the gazetteer lacks."""
        key = token.key
        return (token.cap and len(key) > 2 and self.gaz.common_rank.get(key, RARE_RANK) >= RARE_RANK
                and key not in self.gaz.first_names
                and key not in self.lex.event_words and not (token.text.isupper() and len(token.text) <= 4)
                and key.replace("-", "").replace("'", "").isalpha() and not BRAND_SHAPE.match(token.text))

    def _person_cue(self, i: int, cues: frozenset[tuple[str, ...]] = PERSON_CUES) -> bool:
        """One of PERSON_CUES just before token ``i`` (in the same sentence)."""
        tokens = self.tokens
        if i == 0 or self._sentence_start(i):
            return False
        one = (tokens[i - 1].key,)
        if one in cues:
            return True
        if ":" in tokens[i].gap or cues is PERSON_CUES and any(c in tokens[i].gap for c in "–—"):
            return True  # "Star of the week: ...", "a named coat – ..."
        return i >= 2 and (tokens[i - 2].key, tokens[i - 1].key) in cues

    def _listed_surname(self, token: Token) -> bool:
        """A surname by the lists or by its shape (each part of a double-barrelled name)."""
        parts = token.key.split("-") if "-" in token.key else (token.key,)
        return self._roster_word(token) or any(
            p in self.gaz.surnames or SURNAME_SHAPE.fullmatch(p) is not None for p in parts)

    def _person_after(self, end: int) -> bool:
        """After the name: a class label, a possessive or a verb of something a child did."""
        tokens = self.tokens
        last = tokens[end - 1]
        if last.text.endswith(("'s", "’s")) or CLASS_LABEL.match(self.text, last.end):
            return True
        return end < len(tokens) and not tokens[end].cap and tokens[end].key in PERSON_VERBS \
            and SPACE_GAP.fullmatch(tokens[end].gap) is not None

    def _surname_strength(self, token: Token) -> int:
        """2: surname-like and not an everyday word; 1: a surname that is also a word; 0: no."""
        key = token.key
        if key in self.lex.event_words:
            return 0
        if key.startswith(("al-", "el-", "abu-", "bin-", "ibn-", "ben-")) and key[key.index("-") + 1:].isalpha():
            return 2  # an Arabic or Hebrew family name: "Al-Farsi", "El-Amin", "Ben-David"
        if key.endswith("s") and key[:-1] in self.gaz.common_rank:
            return 0 if key[:-1] not in self.gaz.surnames else 1  # a plural: "Carers", "Heroes"
        parts = key.split("-") if "-" in key else (key,)
        best = 0
        for part in parts:
            if self.roster is not None and part in self.roster.surnames:
                best = max(best, 2 if part not in self.gaz.common_rank else 1)
                continue
            common = self.gaz.common_rank.get(part, EVERYDAY_RANK) < SURNAME_WORD_RANK
            if part in self.gaz.surnames:
                best = max(best, 1 if common else 2)
            elif self.gaz.common_rank.get(part, 0) >= RARE_RANK and part not in self.gaz.first_names:
                best = max(best, 1)  # a rare word, often a name (Carmichael): a surname after a first name
            elif part not in self.gaz.common_rank and part not in self.gaz.first_names and len(part) > 2:
                # An unknown capitalised word: most likely a surname, unless it looks like a
                # plural noun ("Carers", "Buddies", "Scientists").
                best = max(best, 1 if part.endswith(("ers", "ies", "ists", "ians")) else 2)
        if best == 0 and len(parts) > 1 and key in self.gaz.first_names:
            return 0
        return best

    def _pupil(self, first: str, last: str) -> bool:
        return self.roster is not None and (first, last) in _roster_pairs(self.roster)

    # --- candidates ----------------------------------------------------------------------
    def _full_names(self) -> list[NameMatch]:
        tokens = self.tokens
        found: list[NameMatch] = []
        weak: list[NameMatch] = []
        i = 0
        n = len(tokens)
        surnames = self.roster.surnames if self.roster is not None else None
        while i + 1 < n:
            token = tokens[i]
            # Cheap exit shared by the three tests below: an adult's word never starts a name,
            # and a lower-case one only before a roster surname.
            if token.adult or not token.cap and (surnames is None or tokens[i + 1].key not in surnames):
                i += 1
                continue
            match = self._full_name_at(i) or self._initial_at(i) or self._initial_surname_at(i)
            if match is None:
                i += 1
                continue
            (weak if match[0].reason == WEAK else found).append(match[0])
            i = match[1]
        if weak and found:
            found.extend(self._listed_with(found, weak))
        found.extend(self._lowercase_tags())
        return found

    def _listed_with(self, found: list[NameMatch], weak: list[NameMatch]) -> list[NameMatch]:
        """Weak candidates in a list with a full name ("Tallis Brockway, Oona Fairbairn and ...")
        are names too: a list mixes names the gazetteer knows with names it doesn't."""
        accepted: list[NameMatch] = []
        spans = [(m.start, m.end) for m in found]
        changed = True
        while changed and weak:
            changed = False
            for match in list(weak):
                # "Cousins Ottilie and Perpetua Hale": an unknown word before a known first name
                # describes the child ("Cousins", "Captain"); it is not their first name.
                if match.first_name.casefold() not in self.gaz.first_names \
                        and (match.surname_text or "").casefold() in self.gaz.first_names:
                    continue
                if any(LIST_GAP.fullmatch(self.text, e, match.start) or LIST_GAP.fullmatch(self.text, match.end, s)
                       for s, e in spans):
                    weak.remove(match)
                    spans.append((match.start, match.end))
                    accepted.append(NameMatch(match.start, match.end, "full", match.first_name, match.surname_text,
                                              match.first, match.surname, "a name in a list of children's names"))
                    changed = True
        return accepted

    def _full_name_at(self, i: int) -> tuple[NameMatch, int] | None:
        tokens = self.tokens
        first = tokens[i]
        if first.adult:
            return None
        # Cheap exits first: most words are not the start of a name.
        if first.cap:
            if first.key not in self.gaz.first_names and not (
                    self.roster is not None and first.key in _roster_first_names(self.roster)) \
                    and not self._first_strength(first) and not self._unknown(first):
                return None
        elif self.roster is None or tokens[i + 1].key not in self.roster.surnames:
            return None
        j = i + 1
        # A particle starts the surname: "Saoirse Ní Bhriain", "Daan van der Berg".
        particle = self._particles(j) if first.cap else 0
        # A middle name: "Ellie Mae Thornton".
        if (not particle and j + 1 < len(tokens) and tokens[j].cap and tokens[j + 1].cap and _joined(first, tokens[j])
                and _joined(tokens[j], tokens[j + 1]) and tokens[j].key in self.gaz.first_names
                and self._surname_strength(tokens[j + 1]) == 2 and not tokens[j + 1].adult):
            j += 1
        surname_at = j
        j += particle
        last = tokens[j]
        if last.adult:
            return None
        joined = _joined(tokens[j - 1], last)
        line_joined = not joined and _line_joined(tokens[j - 1], last)
        if not (joined or line_joined):
            return None
        pupil = self._pupil(first.key, last.key)
        if first.cap and last.cap:
            score = self._score_capitalised(i, j, pupil, line_joined, particle > 0)
        elif self.roster is not None and (first.tag < 0 or first.tag == last.tag):
            score = self._score_any_case(first, last, pupil, self._person_cue(i, STRONG_PERSON_CUES)
                                         or self._person_after(j + 1))
        else:
            score = None
        if score is None:
            return None
        # Words that would make a full name with the first name once the surname is removed
        # belong to this name ("Maya Singh James", a double surname): the fix keeps the first
        # name only, so it must not leave "Maya James" to be found by the next run.
        while (score != WEAK and j + 1 < len(tokens) and tokens[j + 1].cap and not tokens[j + 1].adult
               and _joined(tokens[j], tokens[j + 1]) and not tokens[j].text.endswith(("'s", "’s"))
               and self._score_capitalised(i, j + 1, self._pupil(first.key, tokens[j + 1].key), False, False)
               not in (None, WEAK)):
            j += 1
        last = tokens[j]
        start, end = first.start, last.end
        if last.text.endswith(("'s", "’s")):
            end -= 2
        match = NameMatch(start, end, "full", first.text, self.text[tokens[surname_at].start:end],
                          (first.start, first.end), (tokens[i + 1].start, end), score)
        return match, j + 1

    def _initial_at(self, i: int) -> tuple[NameMatch, int] | None:
        """A first name with the surname's initial ("Hamza C.", "Ellie T"): the initial narrows
        the child down within a school, so it counts as a surname (as the corpus is labelled)."""
        tokens = self.tokens
        first, initial = tokens[i], tokens[i + 1]
        if not first.cap or first.adult or initial.adult or len(initial.text) != 1 or not initial.text.isupper() \
                or not _joined(first, initial) or first.text.isupper() or first.text.endswith(("'s", "’s")):
            return None
        after = self.text[initial.end:initial.end + 1]
        if initial.text in "AI" and after != ".":
            return None  # "Maya I think", "Sam A star": a pronoun or an article
        if after.isalnum() or after in "-'’*+" or not self._first_strength(first) or self._sentence_start(i) and (
                i + 2 >= len(tokens) or tokens[i + 2].cap):
            return None
        end = initial.end
        match = NameMatch(first.start, end, "full", first.text, initial.text, (first.start, first.end),
                          (initial.start, end), "a first name and the surname's initial")
        return match, i + 2

    def _initial_surname_at(self, i: int) -> tuple[NameMatch, int] | None:
        """An initial and a listed surname ("K. Owusu"), not after a title ("Mrs K. Owusu")."""
        tokens = self.tokens
        initial, last = tokens[i], tokens[i + 1]
        if len(initial.text) != 1 or not initial.text.isupper() or initial.adult or last.adult or not last.cap \
                or not regex.fullmatch(r"\.[ \t]?", last.gap) or not self._listed_surname(last) \
                or self._surname_strength(last) < 2 or last.text.isupper():
            return None
        k = i  # "A. J. Fenwick-Sithole": walk back over further initials to the first one
        while k > 0 and len(tokens[k - 1].text) == 1 and tokens[k - 1].text.isupper() \
                and regex.fullmatch(r"\.[ \t]?", tokens[k].gap):
            k -= 1
        if k > 0 and (self._is_title(tokens[k - 1]) or len(tokens[k - 1].text) == 1) or tokens[k].adult:
            return None
        initial = tokens[k]
        end = last.end - 2 if last.text.endswith(("'s", "’s")) else last.end
        match = NameMatch(initial.start, end, "family", None, self.text[last.start:end], None, (last.start, end),
                          "an initial and a surname")
        return match, i + 2

    def _particles(self, j: int) -> int:
        """How many surname particles start at token ``j`` and are followed by a capitalised word."""
        tokens = self.tokens
        k = j
        while k < len(tokens) and k - j < 2 and tokens[k].key in PARTICLES and tokens[k].tag < 0 \
                and _joined(tokens[k - 1], tokens[k]):
            k += 1
        if k == j or k >= len(tokens) or not tokens[k].cap or not _joined(tokens[k - 1], tokens[k]) \
                or self.gaz.common_rank.get(tokens[k].key, EVERYDAY_RANK) < SURNAME_WORD_RANK \
                and tokens[k].key not in self.gaz.surnames and not SURNAME_SHAPE.fullmatch(tokens[k].key):
            return 0
        return k - j

    def _score_capitalised(self, i: int, j: int, pupil: bool, line_joined: bool, particle: bool = False) -> str | None:
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
        if last.key in self.lex.business_words:
            return None  # "the Emma Hollis factory", "Dacorum Foodbank"
        f, s = self._first_strength(first), 2 if particle else self._surname_strength(last)
        if f == 0 and not line_joined:
            return self._shared_surname(i, self._score_unknown_first(i, j, s, particle))
        if f == 0 and s == 2 and self._unknown(first) and self._person_cue(i, STRONG_PERSON_CUES):
            return "an unknown first name and a surname split across a line"  # "winner, Wren\nAchebe!"
        if s == 0:
            return None
        if line_joined and s < 2:
            return None
        labelled = bool(CLASS_LABEL.match(self.text, last.end))
        if f == 0:
            return None
        return self._shared_surname(i, self._score_known_first(i, j, f, s, labelled, particle))

    def _shared_surname(self, i: int, score: str | None) -> str | None:
        """"Elodie and Rafferty Quennell": two first names sharing one surname are siblings."""
        tokens = self.tokens
        if score != WEAK or i < 2 or tokens[i - 1].key != "and" or not _joined(tokens[i - 1], tokens[i]) \
                or not _joined(tokens[i - 2], tokens[i - 1]) or not tokens[i - 2].cap or tokens[i - 2].adult:
            return score
        before = tokens[i - 2]
        if self._first_strength(before) == 2 or self._unknown(before):
            return "two first names sharing a surname"
        return score

    def _score_known_first(self, i: int, j: int, f: int, s: int, labelled: bool, particle: bool) -> str | None:
        tokens = self.tokens
        last = tokens[j]
        if f == 1 and not labelled and s < 2:
            return None  # "Summer Fair", "Young Carers": a word-like first name needs a real surname
        strong_cue = self._person_cue(i, STRONG_PERSON_CUES)
        place_word = _phrase_at(tokens, j, self.lex.place_words)
        if place_word and not self._listed_surname(last):
            return None  # "Bristol Aquarium", "George Cross": a place word that is never a surname
        if place_word and not labelled and not strong_cue:
            # "Victoria Park", "Jayden Hall": a place unless the context says person.
            if self._after_place_preposition(i):
                return None
            if not self._person_cue(i) and not self._person_after(j + 1):
                return WEAK
        if not labelled and not strong_cue and not particle and not self._listed_surname(last) \
                and self._after_place_preposition(i) and not self._person_after(j + 1):
            return WEAK  # "a trip to Leighton Buzzard": an unlisted word after a place preposition
        return "a first name followed by a surname"

    def _score_unknown_first(self, i: int, j: int, s: int, particle: bool) -> str | None:
        """A first name the gazetteer lacks (Tallulah): the surname and the context must say "person"."""
        tokens = self.tokens
        first, last = tokens[i], tokens[j]
        if not self._unknown(first) or _phrase_at(tokens, j, self.lex.place_words):
            return None
        if s == 1 and self.gaz.common_rank.get(last.key, 0) >= RARE_RANK:
            s = 2  # a rare word after an unknown first name: "Ishbel Carmichael"
        if s < 2:
            # "Torin Rennie": a surname that is also a first name counts only in a list of names.
            if last.key not in self.gaz.first_names or last.key in self.gaz.common_rank:
                return None
            if last.key in self.gaz.surnames and self._person_cue(i, STRONG_PERSON_CUES):
                return "an unknown first name followed by a surname"  # "well done to Mikey Joyce"
            return WEAK
        if j + 1 < len(tokens) and tokens[j + 1].cap and _joined(last, tokens[j + 1]) \
                and not (tokens[j + 1].text.isupper() and tokens[j + 1].key in self.gaz.common_rank
                         and self.gaz.common_rank[tokens[j + 1].key] < FREQUENT_RANK) \
                and not (self._listed_surname(last) and self._listed_surname(tokens[j + 1])):
            return None  # a longer proper name ("Legio Secunda Augusta"): an organisation or a title
        surname_like = particle or self._listed_surname(last)
        if self._person_after(j + 1) or self._person_cue(i, STRONG_PERSON_CUES):
            return "an unknown first name followed by a surname"
        if surname_like and (self._person_cue(i) or not self._after_place_preposition(i)
                             or last.key not in self.gaz.common_rank):
            return "an unknown first name followed by a surname"
        return WEAK

    def _after_place_preposition(self, i: int) -> bool:
        tokens = self.tokens
        for k in range(i - 1, max(-1, i - 3), -1):
            if not SPACE_GAP.fullmatch(tokens[k + 1].gap):
                return False  # "Player of the match: Will ...": the colon ends the place phrase
            if tokens[k].key in PLACE_PREPOSITIONS:
                return True
        return False

    def _score_any_case(self, first: Token, last: Token, pupil: bool, cue: bool = False) -> str | None:
        """Lower-case names count only with a roster: a pupil's surname after a first name."""
        assert self.roster is not None
        if last.key not in self.roster.surnames:
            return None
        common_first = first.key in self.gaz.common_rank
        common_last = last.key in self.gaz.common_rank
        if pupil and (cue or not (common_first and common_last)):
            return "a pupil's first name and surname (roster)"  # "happy birthday jack baker"
        if self._first_strength(first) == 2 and not common_first and not common_last:
            return "a first name followed by a pupil's surname (roster)"
        return WEAK if pupil else None  # "ruby wood": a name only in a list with another child's name

    def _lowercase_tags(self) -> list[NameMatch]:
        """A pupil's full name run together in a hashtag without capitals (#welldoneelliethornton)."""
        if self.roster is None or "#" not in self.text:
            return []
        found: list[NameMatch] = []
        for tag in _unicode_patterns()[0].finditer(self.text):
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
            start = i - 1 if i >= 2 and tokens[i - 1].key in PARTICLES and tokens[i - 1].cap else i  # "the Ó Briain"
            if tokens[start - 1].key != "the" or not _joined(tokens[start - 1], tokens[start]) \
                    or not _joined(tokens[start], name):
                continue
            in_roster = self.roster is not None and name.key in self.roster.surnames
            # Any capitalised word that is not an everyday word: "the Warsame family".
            if not in_roster and not (name.cap and (self._surname_strength(name) > 0 or (
                    name.key not in self.gaz.common_rank and len(name.key) > 2))):
                continue
            end = name.end - 2 if name.text.endswith(("'s", "’s")) else name.end
            begin = tokens[start].start
            found.append(NameMatch(begin, end, "family", None, self.text[begin:end], None,
                                   (begin, end), "a family name"))
        return found

    def _children_of_titled_parents(self) -> list[NameMatch]:
        """ "Mrs Quigley's son Alistair": a titled parent's surname and their child's first
        name together are the child's full name."""
        tokens = self.tokens
        found: list[NameMatch] = []
        for i in range(1, len(tokens) - 2):
            title, parent, relation, child = tokens[i - 1], tokens[i], tokens[i + 1], tokens[i + 2]
            if relation.key not in CHILD_WORDS or not parent.text.endswith(("'s", "’s")) or not parent.cap:
                continue
            if not self._is_title(title) or not child.cap or child.adult:
                continue
            if not (_joined(title, parent) or TITLE_GAP.fullmatch(parent.gap)) or not _joined(parent, relation) \
                    or not _joined(relation, child):
                continue
            if self._first_strength(child) == 0 and not self._unknown(child):
                continue
            found.append(_full_match(title.start, child, parent,
                                     "a child named with a titled parent's surname"))
        return found

    def _lower_case_full_names(self) -> list[NameMatch]:
        """ "shoutout to zainab akhtar": a full name typed in lower case. Without a roster only
        a pair no English dictionary word could be: a listed first name then a listed surname,
        neither of them an everyday word (so not "will smith" or "grace hall")."""
        tokens = self.tokens
        first_names, surnames, common = self.gaz.first_names, self.gaz.surnames, self.gaz.common_rank
        found: list[NameMatch] = []
        for i in range(len(tokens) - 1):
            first, surname = tokens[i], tokens[i + 1]
            # Word lookups first: they rule out almost every pair at once.
            if first.key in common or first.key not in first_names or surname.key not in surnames \
                    or surname.key in common:
                continue
            if first.cap or surname.cap or first.adult or surname.adult or first.tag >= 0 or surname.tag >= 0:
                continue
            if not _joined(first, surname) or len(first.key) < 3 or len(surname.key) < 3:
                continue
            found.append(_full_match(first.start, first, surname, "a full name in lower case"))
        return found

    def _register_style(self) -> list[NameMatch]:
        """ "ADEBAYO, Timilehin", "Adeyemi, Tobi —": a surname, a comma and a first name, as a
        register lists them, opening the text, a line or what follows a colon or dash."""
        tokens, text = self.tokens, self.text
        found: list[NameMatch] = []
        for i in range(len(tokens) - 1):
            surname, first = tokens[i], tokens[i + 1]
            if surname.adult or first.adult or surname.tag >= 0 or first.tag >= 0:
                continue
            if not (surname.cap and first.cap) or not REGISTER_COMMA.fullmatch(first.gap):
                continue
            if not (i == 0 or REGISTER_OPENING.search(surname.gap)):
                continue
            if not REGISTER_CLOSING.match(text, first.end):
                continue  # "Paris, France and Spain": more words follow
            # Register style writes the surname in capitals ("ADEBAYO, Timilehin"), but "WOW, Ellie!"
            # shouts a word; in plain case a first name first ("Harrison, Ellis") is a list.
            if surname.text.isupper() and len(surname.key) > 2:
                if surname.key in self.gaz.common_rank and surname.key not in self.gaz.surnames:
                    continue
            elif surname.key in self.gaz.first_names or not (
                    self._surname_strength(surname) == 2 or surname.key in self.gaz.surnames):
                continue
            if self._first_strength(first) == 0 and not self._unknown(first):
                continue
            found.append(_full_match(surname.start, first, surname,
                                     "a surname then a first name, as in a register"))
        return found

    # --- first names alone ---------------------------------------------------------------
    def first_names(self) -> list[NameMatch]:
        """Capitalised first names (or a roster pupil's first name in any case) used alone."""
        if self._first_names is None:
            self._first_names = self._find_first_names()
        return list(self._first_names)

    def _find_first_names(self) -> list[NameMatch]:
        covered = {k for m in self.pupil_names for k in range(m.start, m.end)}
        found: list[NameMatch] = []
        roster_first = _roster_first_names(self.roster) if self.roster is not None else frozenset()
        for index, token in enumerate(self.tokens):
            if token.adult or token.start in covered:
                continue
            key = token.key
            if token.cap:
                if key not in self.gaz.first_names and key not in roster_first and not self._unknown_first_alone(index):
                    continue
                if self._after_determiner(index) and key not in roster_first:
                    continue
                if self.lex.known.get(key) and any(len(p) == 1 for p in self.lex.known[key]):
                    continue
            elif key not in roster_first or key in self.gaz.common_rank:
                continue
            end = token.end - 2 if token.text.endswith(("'s", "’s")) else token.end
            found.append(NameMatch(token.start, end, "first", self.text[token.start:end], None,
                                   (token.start, end), None, "a first name"))
        return found


    def _unknown_first_alone(self, i: int) -> bool:
        """A word no list knows (Merhawi, Zarlasht) used as a child's first name: addressed
        ("Merhawi, please...", "..., Zarlasht."), greeted ("Dear Bảo", "Happy birthday Ifrah"),
        a possessive ("Gurveer's bottle") or with a class ("Senait in Year 1")."""
        tokens = self.tokens
        token = tokens[i]
        if not self._unknown(token) or token.key in self.gaz.surnames or token.tag >= 0 or "-" in token.key \
                or any(c.isupper() for c in token.text[1:]) or len(token.key) < 3 \
                or NOT_A_NAME_ENDING.search(self._fold_possessive(token)):
            return False
        after = self.text[token.end:token.end + 1]
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if nxt is not None and nxt.cap and _joined(token, nxt):
            return False  # part of a longer proper name
        if token.text.endswith(("'s", "’s")) or CLASS_LABEL.match(self.text, token.end):
            return True
        if self._sentence_start(i):
            # "Merhawi, please ...": addressed; not "Shiitake, chestnut and button mushrooms".
            return after == "," and nxt is not None and nxt.key in VOCATIVE_NEXT
        if i >= 2 and tokens[i - 1].key in ("you", "thanks") and "," in token.gap:
            return False  # "Thank you, Sandford!": a community, not a child
        if self._person_cue(i, GREETING_CUES):
            return True
        return "," in token.gap and (nxt is None or bool(SENTENCE_END.match(self.text, token.end)))

    def unknown_words(self) -> list[NameMatch]:
        """Capitalised words no list knows (Chidinma, Nethmi), not an adult's or a place's,
        not inside a hashtag and not part of a longer proper name. Not names by themselves:
        a rule may accept one where its own context puts a person in that slot."""
        tokens = self.tokens
        covered = {m.start for m in self.pupil_names} | {m.start for m in self.first_names()}
        found: list[NameMatch] = []
        for i, token in enumerate(tokens):
            if token.adult or token.tag >= 0 or token.start in covered or not self._unknown(token) \
                    or any(c.isupper() for c in token.text[1:]) or token.key in self.gaz.surnames \
                    or _phrase_at(tokens, i, self.lex.place_words) or token.key in self.lex.business_words:
                continue
            if i + 1 < len(tokens) and tokens[i + 1].cap and _joined(token, tokens[i + 1]):
                continue  # "Sandford Echo", "Legio Secunda"
            if self._after_determiner(i):
                continue  # "your Bikeability support"
            if i > 0 and tokens[i - 1].cap and _joined(tokens[i - 1], token) \
                    and tokens[i - 1].key not in self.gaz.common_rank:
                continue  # "Upper Jericho": after another proper name ("Happy Birthday Ifrah" is fine)
            end = token.end - 2 if token.text.endswith(("'s", "’s")) else token.end
            found.append(NameMatch(token.start, end, "first", self.text[token.start:end], None,
                                   (token.start, end), None, "an unknown capitalised word"))
        return found

    def _after_determiner(self, i: int) -> bool:
        """After "a", "your"... or "Class" ("Class Rowan", "Class Puffin" name a class)."""
        return i > 0 and (self.tokens[i - 1].key in DETERMINERS or self.tokens[i - 1].key == "class") \
            and _joined(self.tokens[i - 1], self.tokens[i])

    @staticmethod
    def _fold_possessive(token: Token) -> str:
        return token.key  # _fold already dropped a possessive "'s"


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
