"""Swear words, insults and slurs found in a text, including disguised spellings.

Each word of the text is compared whole against the listed words (plus catalogue lists),
with common endings (s, ed, ing, y...; "crappy", "sodding"), so words that merely contain
one ("Scunthorpe", "cocktail", "assessment", "shell") never match. Disguises are undone
first: leetspeak and symbols ("sh1t", "Pi$$ing", "w@nky"), asterisks standing for letters
("f**k", "sh*t"), stretched letters ("craaap") and letters spaced or dotted apart
("c r a p", "b-a-s-t-a-r-d"). ``framed`` words ("clown", "joke") are insults only after
``frames`` ("absolute", "complete", "total"...). ``phrases`` (several words) match as
written. ``exceptions`` are innocent phrases ("great tits", "spotted dick"); ``capitalised_ok``
words are names when capitalised ("Dick King-Smith", "Moby-Dick"). Read by the profanity
kind (offensive language, insults) and by the tone scorer (swearing in exasperation).
"""

from __future__ import annotations

from functools import lru_cache
from itertools import product
from typing import Any, Mapping

import regex

from tweetguard.core.errors import RuleParamError
from tweetguard.core.patterns import lazy_re, lazy_regex
from tweetguard.text.phrases import find_all, gather, phrase_index
from tweetguard.text.spans import Spans
from tweetguard.text.wordmatch import (
    MATCH_TIMEOUT_SECONDS,
    PhraseIndex,
    merge_spans,
    text_words,
)

# The catalogue lists a finder reads its endings and leetspeak from, unless told otherwise.
ENDINGS_LIST = "swear-endings"
LEET_LIST = "leetspeak"
TOKEN = lazy_regex(r"[\p{L}0-9@$!*+]+", regex.V1)
# Single characters joined by spaces, dots, hyphens or underscores: "c r a p", "s.h.i.t".
# The same separator throughout, so "a b-a-s-t-a-r-d" is read from the "b".
SPACED = lazy_regex(r"(?<![\w@$*])[\p{L}0-9@$!*]([ .\-_])[\p{L}0-9@$!*](?:\1[\p{L}0-9@$!*])+(?![\w@$*])", regex.V1)
# The same two patterns for plain ASCII text, in Python's re (several times faster there;
# \p{L} is just A-Z and a-z in ASCII, and \w agrees).
TOKEN_ASCII = lazy_re(r"[A-Za-z0-9@$!*+]+")
SPACED_ASCII = lazy_re(r"(?<![\w@$*])[A-Za-z0-9@$!*]([ .\-_])[A-Za-z0-9@$!*](?:\1[A-Za-z0-9@$!*])+(?![\w@$*])")
SEPARATORS = lazy_regex(r"[ .\-_]")
LETTER = lazy_regex(r"\p{L}")
STRETCHED = lazy_regex(r"(\p{L})\1\1")
STRETCH_RUN = lazy_regex(r"(\p{L})\1\1+")
DOUBLES_LAST = lazy_regex(r"[^aeiou][aeiou][bdgklmnprt]$")
FRAME_WORD = lazy_regex(r"[\w'’]+")
# What can disguise a word or join two (SwearFinder._none_listed): symbols read as letters
# or standing for them, "_", a "!" with a letter after it, and word characters that are
# neither letters nor ASCII digits (a combining mark).
SWEAR_SYMBOLS = frozenset("@$*+_")
INNER_BANG = lazy_re(r"!(?=\w)")
OTHER_WORD_CHARACTER = lazy_regex(r"[^\W\p{L}0-9_]", regex.V1)
# Words seen before, per lexicon: drafts reuse the same few thousand words.
MEMO_SIZE = 50_000


def _variants(token: str, leet: Mapping[str, str]) -> set[str]:
    """The readings of a token once leetspeak and symbols are undone ('1' is i or l)."""
    lowered = token.lower().strip("!@")
    if not lowered:
        return set()
    base = "".join(leet.get(c, c) for c in lowered)
    if "1" not in base:
        return {base}
    parts = base.split("1")
    if len(parts) > 4:
        return {base.replace("1", "i")}
    return {"".join(p + c for p, c in zip(parts, choices + ("",))) for choices in product("il", repeat=len(parts) - 1)}


@lru_cache(maxsize=65536)
def _destretched(word: str) -> frozenset[str]:
    """ "craaap" -> {"crap", "craap"}: runs of three or more letters, read as one or two.
    (Remembered: every rule and word list asks it of the same words.)"""
    if not STRETCHED.search(word):
        return frozenset((word,))
    return frozenset((STRETCH_RUN.sub(r"\1", word), STRETCH_RUN.sub(r"\1\1", word)))


class Lexicon:
    """Whole-word lookup of listed words with their endings and asterisk wildcards."""

    def __init__(self, words: tuple[str, ...], endings: tuple[str, ...], leet: Mapping[str, str]) -> None:
        self.leet = leet
        self.forms: set[str] = set()
        for word in (w.lower().strip() for w in words if w.strip()):
            for ending in endings:
                self.forms.add(word + ending)
                if ending and ending[0] in "aeiouy" and DOUBLES_LAST.search(word):
                    self.forms.add(word + word[-1] + ending)  # crap -> crappy, sod -> sodding
        self.by_length: dict[int, list[str]] = {}
        for form in self.forms:
            self.by_length.setdefault(len(form), []).append(form)
        self._memo: dict[str, bool] = {}
        self._leet_chars = frozenset(leet)

    def matches(self, token: str) -> bool:
        found = self._memo.get(token)
        if found is None:
            if len(self._memo) >= MEMO_SIZE:
                self._memo.clear()
            found = self._memo[token] = self._matches(token)
        return found

    def _matches(self, token: str) -> bool:
        lowered = token.lower().strip("!@")
        if lowered and "*" not in lowered and self._leet_chars.isdisjoint(lowered) and "1" not in lowered:
            # No disguise to undo (most words): its only reading is itself, as _variants says.
            return any(form in self.forms for form in _destretched(lowered))
        for reading in _variants(token, self.leet):
            if "*" in reading:
                if self._wildcard(reading):
                    return True
                continue
            if any(form in self.forms for form in _destretched(reading)):
                return True
        return False

    def _wildcard(self, reading: str) -> bool:
        """ "f**k", "sh*t": each asterisk stands for one hidden letter; letters must show too."""
        if not LETTER.search(reading) or reading.strip("*") == "":
            return False
        pattern = regex.compile("^" + "".join("." if c == "*" else regex.escape(c) for c in reading) + "$")
        return any(pattern.match(form) for form in self.by_length.get(len(reading), []))


# What a token says on its own: its letters, where they start, whether it may be a name,
# whether it is a listed word and whether a framed one. None: no letters at all.
Reading = tuple[str, int, bool, bool, bool] | None


class SwearFinder:
    """A rule's word lists, ready to find swear words in drafts; token readings are
    remembered across drafts (drafts reuse the same few thousand words)."""

    def __init__(self, p: Mapping[str, Any], lists: Mapping[str, tuple[str, ...]]) -> None:
        words = gather(p.get("words") or (), p.get("lists") or (), lists, "lists")
        single = tuple(w for w in words if len(w.split()) == 1 and "-" not in w)
        phrases = tuple(str(x) for x in p.get("phrases") or ()) + tuple(w for w in words if w not in single)
        if not (single or phrases):
            raise RuleParamError("words", "is empty; give 'words', 'lists' or 'phrases'")
        endings = gather((), (p.get("endings_list", ENDINGS_LIST),), lists, "endings_list")
        leet = _leet(gather((), (p.get("leet_list", LEET_LIST),), lists, "leet_list"))
        self.lexicon = Lexicon(single, endings, leet)
        self.framed = Lexicon(tuple(str(w) for w in p.get("framed") or ()), endings, leet)
        self.frames = phrase_index(tuple(str(w) for w in p.get("frames") or ()))
        exceptions = gather(p.get("exceptions") or (), p.get("exceptions_lists") or (), lists, "exceptions_lists")
        self.exceptions = phrase_index(exceptions)
        self.phrases = phrase_index(phrases)
        self.capitalised_ok = frozenset(str(w).lower() for w in p.get("capitalised_ok") or ())
        self.seen: dict[str, Reading] = {}
        self.listed_tokens: set[str] = set()  # tokens whose reading is a listed or framed word

    def _reading(self, token: str) -> Reading:
        core = token.rstrip("!").lstrip("@!") or token
        if not LETTER.search(core):
            return None
        maybe_name = core.lower() in self.capitalised_ok and core[0].isupper()
        return (core, token.find(core), maybe_name, self.lexicon.matches(core),
                bool(self.framed.forms) and self.framed.matches(core))

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Where ``text`` has a listed word, phrase or framed insult, disguised or not, less
        the innocent phrases ("great tits"); merged, in order."""
        words = text_words(text)
        plain = words.ascii and words.plain  # the ASCII patterns above: ASCII text only
        spans: list[tuple[int, int]] = find_all(text, self.phrases)
        spans += self._listed(text, plain)
        spans += self._spelt_out(text, plain)
        if not spans:
            return []
        innocent = Spans(find_all(text, self.exceptions) if self.exceptions else ())
        return list(merge_spans(s for s in spans if not innocent.hold(s)))

    def _listed(self, text: str, plain: bool) -> list[tuple[int, int]]:
        """Listed words, and framed words after a frame ("absolute clown")."""
        if self._none_listed(text):
            return []
        tokens = set(TOKEN_ASCII.findall(text) if plain else TOKEN.findall(text, timeout=MATCH_TIMEOUT_SECONDS))
        if len(self.seen) + len(tokens) > MEMO_SIZE:
            self.seen.clear()
            self.listed_tokens.clear()
        for token in tokens.difference(self.seen):
            info = self.seen[token] = self._reading(token)
            if info is not None and (info[3] or info[4]):
                self.listed_tokens.add(token)
        if self.listed_tokens.isdisjoint(tokens):
            return []  # most drafts have no listed word at all: then there is nothing to place
        spans: list[tuple[int, int]] = []
        matches = TOKEN_ASCII.finditer(text) if plain else TOKEN.finditer(text, timeout=MATCH_TIMEOUT_SECONDS)
        for match in matches:
            info = self.seen[match.group()]
            if info is None:
                continue
            core, offset, maybe_name, listed, framed_word = info
            if not (listed or framed_word):
                continue
            start = match.start()
            if maybe_name and _mid_sentence(text, start):
                continue
            if listed or _framed(text, start, self.frames):
                spans.append((start + offset, start + offset + len(core)))
        return spans

    def _none_listed(self, text: str) -> bool:
        """Whether, cheaply, no word of ``text`` is listed: when nothing disguises a word (no
        symbol inside one, no word character other than a letter, a digit or "_"), each token
        is one of the text's words (a "!" after it aside), already split by the shared analysis."""
        if not SWEAR_SYMBOLS.isdisjoint(text) or INNER_BANG.search(text) or (
                not text.isascii() and OTHER_WORD_CHARACTER.search(text)):
            return False
        framed = bool(self.framed.forms)
        return not any(self.lexicon.matches(w) or framed and self.framed.matches(w) for w in text_words(text).exact)

    def _spelt_out(self, text: str, plain: bool) -> list[tuple[int, int]]:
        """Letters spaced or dotted apart: "c r a p", "s.h.i.t"."""
        if not _may_spell_out(text):
            return []
        spans: list[tuple[int, int]] = []
        spaced = SPACED_ASCII.finditer(text) if plain else SPACED.finditer(text, timeout=MATCH_TIMEOUT_SECONDS)
        for match in spaced:
            joined = SEPARATORS.sub("", match.group())
            # "a c r a p day": a lone article or letter may lead or trail the spelt word.
            if any(len(j) >= 3 and self.lexicon.matches(j) for j in (joined, joined[1:], joined[:-1])):
                spans.append(match.span())
        return spans


def _may_spell_out(text: str) -> bool:
    """Whether ``text`` could hold a word spelt out ("c r a p", "s.h.1.t"): its letters are
    words of one character, at least two different ones, unless joined by "_" (one word) or
    all symbols ("@ $ $", "t ! t"). Most drafts cannot, and are not searched."""
    singles = {w for w in text_words(text).exact if len(w) == 1}
    return len(singles) >= 2 or "_" in text or not SPELLING_SYMBOLS.isdisjoint(text) or " !" in text


# Symbols that stand for letters in a word spelt out with no letter at all ("@ $ $").
SPELLING_SYMBOLS = frozenset("@$*")


def swear_finder(given: object, lists: Mapping[str, tuple[str, ...]] | None) -> SwearFinder | None:
    """A finder from a rule's ``swearing`` param (None without one): its keys are the
    profanity kind's word keys."""
    if not given:
        return None
    allowed = {"lists", "words", "exceptions_lists", "exceptions", "capitalised_ok"}
    if not isinstance(given, dict) or not set(given) <= allowed:
        raise RuleParamError("swearing", f"may give only {', '.join(sorted(allowed))}")
    return SwearFinder(given, lists or {})


def _leet(pairs: tuple[str, ...]) -> dict[str, str]:
    """ "0=o" -> {"0": "o"}; a malformed entry is a catalogue error naming the list."""
    leet: dict[str, str] = {}
    for pair in pairs:
        symbol, equals, letter = pair.partition("=")
        if not equals or len(symbol) != 1 or len(letter) != 1:
            raise RuleParamError("leet_list", f"has '{pair}'; write each reading as one character, '=', one letter")
        leet[symbol] = letter
    return leet


def _mid_sentence(text: str, start: int) -> bool:
    """Whether something other than a sentence's end comes before ``start`` (spaces aside):
    read back from ``start``, not by copying all the text before it."""
    last = start - 1
    while last >= 0 and text[last].isspace():
        last -= 1
    return last >= 0 and text[last] not in ".!?\n"


def _framed(text: str, start: int, frames: PhraseIndex) -> bool:
    """Whether one of ``frames`` ends within the two words before ``start``."""
    before = text[max(0, start - 40) : start]
    words = FRAME_WORD.findall(before)[-2:]
    return bool(words) and bool(find_all(" ".join(words), frames))
