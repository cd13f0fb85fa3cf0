"""Matching words and phrases on word boundaries, shared by the word-list kinds.

Speed without changing what matches: a word list is not compiled into one big regex up
front (that took most of the start-up time). Each phrase has an anchor, one of its words
that any text it matches must contain as a whole word (or, for a stem like ``diagnos*``,
as the start of a word). A text's words are read once (cached), and only the phrases whose
anchors are there are compiled, into a small cached regex built exactly as the big one
was. A phrase whose anchor is absent cannot match, so the spans are the same.
"""

from __future__ import annotations

import marshal
import re
from functools import lru_cache
from typing import Callable, Iterable, Iterator

import regex

from tweetguard.core import diskcache
from tweetguard.core.patterns import compiled_re, compiled_regex, lazy_re, lazy_regex

# Matching is bounded in time so a pathological draft or custom pattern cannot hang a run.
MATCH_TIMEOUT_SECONDS = 0.5
FLAGS = regex.V1 | regex.IGNORECASE

WORD_RUN = lazy_regex(r"\w+", regex.V1)
# The only non-ASCII characters the regex module, ignoring case, equates with ASCII letters
# (ß, dotted and dotless i, long s, Kelvin sign, ligatures...; found by trying every code
# point). A text with one of them is matched the slow, exact way.
CASE_UNSAFE = frozenset(
    "\u00df\u0130\u0131\u0149\u017f\u01f0\u1e96\u1e97\u1e98\u1e99\u1e9a\u1e9e\u212a"
    "\ufb00\ufb01\ufb02\ufb03\ufb04\ufb05\ufb06"
)
_CACHE_SIZE = 256
# On plain text (tweet-sized, every character read alike by both libraries) Python's re
# finds exactly what regex finds with these generated word-list patterns, several times
# faster, and compiles them faster too. regex's \s leaves out the ASCII separators
# \x1c-\x1f, which re counts as spaces; beyond ASCII the two disagree on some characters
# (combining marks and U+FE0F are \w to regex only, superscript digits to re only), so a
# text with one of those takes the exact way.
PLAIN_MAX = 2000
_RE_DIFFERS = lazy_re(r"[\x1c-\x1f]")
_NON_ASCII = lazy_re(r"[^\x00-\x7f]")
_RE_WORD, _RE_SPACE = lazy_re(r"\w"), lazy_re(r"\s")
_REGEX_WORD, _REGEX_SPACE = lazy_regex(r"\w", regex.V1), lazy_regex(r"\s", regex.V1)


@lru_cache(maxsize=4096)
def read_alike(char: str) -> bool:
    """Whether re and regex agree on this non-ASCII character: both or neither call it a
    word character or a space, and neither equates it with an ASCII letter ignoring case."""
    return (char not in CASE_UNSAFE
            and (_RE_WORD.match(char) is None) == (_REGEX_WORD.match(char) is None)
            and (_RE_SPACE.match(char) is None) == (_REGEX_SPACE.match(char) is None))


def _plain(text: str) -> bool:
    if len(text) > PLAIN_MAX or _RE_DIFFERS.search(text):
        return False
    return text.isascii() or all(map(read_alike, set(_NON_ASCII.findall(text))))


@lru_cache(maxsize=8192)
def _uncased(source: str) -> bool:
    """Whether a pattern has no non-ASCII letter with case (the two libraries fold those
    differently: regex fully, re simply), so on plain text re matches it as regex does."""
    return all(c.lower() == c.upper() for c in _NON_ASCII.findall(source))


class TextWords:
    """The words of one text: as written, lower-cased, and their first letters."""

    __slots__ = ("text", "exact", "lower", "unsafe", "plain", "ascii", "_prefixes", "_lowered")

    def __init__(self, text: str) -> None:
        self.text = text
        self.exact = frozenset(WORD_RUN.findall(text))
        self.lower = frozenset(w.lower() for w in self.exact)
        self.unsafe = not text.isascii() and not CASE_UNSAFE.isdisjoint(text)
        self.ascii = text.isascii()
        self.plain = _plain(text)
        self._prefixes: dict[int, frozenset[str]] = {}
        self._lowered: str | None = None

    def prefixes(self, length: int, case_sensitive: bool = False) -> frozenset[str]:
        """The first ``length`` letters of each word at least that long."""
        key = -length if case_sensitive else length
        found = self._prefixes.get(key)
        if found is None:
            words = self.exact if case_sensitive else self.lower
            found = self._prefixes[key] = frozenset(w[:length] for w in words if len(w) >= length)
        return found

    @property
    def lowered(self) -> str:
        if self._lowered is None:
            self._lowered = self.text.lower()
        return self._lowered


_WORDS: dict[str, TextWords] = {}


def text_words(text: str) -> TextWords:
    """The words of ``text``, read once however many rules ask (a small cache by text)."""
    found = _WORDS.get(text)
    if found is None:
        if len(_WORDS) >= _CACHE_SIZE:
            _WORDS.clear()
        found = _WORDS[text] = TextWords(text)
    return found


def _anchor(words: list[tuple[str, bool]], case_sensitive: bool) -> tuple[str, bool] | None:
    """The longest whole-word run of a phrase (else its longest stem), as (run, is_prefix).

    ``words`` are the phrase's words as (literal core, is a stem). None when the phrase
    has no safe anchor (no word characters, or non-ASCII ones compared ignoring case).
    """
    exact: list[str] = []
    prefix: list[str] = []
    for core, stem in words:
        for match in WORD_RUN.finditer(core):
            (prefix if stem and match.end() == len(core) else exact).append(match.group())
    if not case_sensitive:
        exact = [r.lower() for r in exact if r.isascii()]
        prefix = [r.lower() for r in prefix if r.isascii()]
    if exact:
        return max(exact, key=len), False
    if prefix:
        return max(prefix, key=len), True
    return None


def _needs(words: list[tuple[str, bool]], case_sensitive: bool) -> frozenset[str]:
    """The whole words (word-character runs) a phrase's every match has, as the text's
    words are compared (lower-cased unless case counts; then only ASCII ones): the same
    reading that makes a phrase's anchor one of them. A stem's last run is a prefix, left out."""
    runs: set[str] = set()
    for core, stem in words:
        found = [m.group() for m in WORD_RUN.finditer(core)]
        if stem and found and core.endswith(found[-1]):
            found.pop()
        runs.update(found if case_sensitive else (r.lower() for r in found if r.isascii()))
    return frozenset(runs)


def _uncased_literal(phrase: str) -> bool:
    """A phrase of one token without letters, apostrophes or wildcards (an emoji, a symbol):
    no text can match it without holding it exactly (no case to fold, no gap to vary)."""
    return bool(phrase) and not any(c.isspace() or c in "'’*" or c.isalnum() or c.lower() != c or c.upper() != c
                                    or c.casefold() != c for c in phrase)


Tables = tuple[dict[str, list[int]], dict[str, list[tuple[str, int]]], list[int], int,
               dict[int, frozenset[str]], dict[int, str]]
# Bumped when _tables changes what it builds: cached tables of another version are not used.
TABLES_VERSION = 1


def _tables(ordered: tuple[str, ...], split: Callable[[str], list[tuple[str, bool]]],
            case_sensitive: bool) -> Tables:
    """The index of ``ordered``: phrases by anchor word or stem prefix, those with neither,
    and each phrase's other needed words or literal (see PhraseIndex)."""
    exact: dict[str, list[int]] = {}
    prefix: dict[str, list[tuple[str, int]]] = {}
    always: list[int] = []
    # Beyond its anchor, every whole word a phrase needs (all must be in a text it
    # matches), and for a phrase with no word at all (an emoji) the text it must hold.
    needs: dict[int, frozenset[str]] = {}
    literal: dict[int, str] = {}
    anchors = []
    for index, phrase in enumerate(ordered):
        # Ignoring case, only ASCII phrases have anchors whose case-folding is simple.
        safe = case_sensitive or phrase.replace("’", "").isascii()
        anchor = _anchor(split(phrase), case_sensitive) if safe else None
        anchors.append(anchor)
        if anchor is None:
            always.append(index)
            if _uncased_literal(phrase):
                literal[index] = phrase
            continue
        needed = _needs(split(phrase), case_sensitive)
        if len(needed) > 1:
            needs[index] = needed
        if not anchor[1]:
            exact.setdefault(anchor[0], []).append(index)
    prefix_length = min((len(a[0]) for a in anchors if a and a[1]), default=0)
    # Stems are looked up by their first few letters, then checked in full.
    for index, anchor in enumerate(anchors):
        if anchor and anchor[1]:
            prefix.setdefault(anchor[0][: prefix_length], []).append((anchor[0], index))
    return exact, prefix, always, prefix_length, needs, literal


def _table_entry(ordered: tuple[str, ...], split: Callable[[str], list[tuple[str, bool]]],
                 case_sensitive: bool) -> str:
    named = diskcache.digest([f"{TABLES_VERSION} {split.__module__}.{split.__qualname__} {case_sensitive}".encode(),
                              "\n".join(ordered).encode("utf-8", "surrogatepass")])
    return f"phrase index {named.hex()}"


def _cached_tables(ordered: tuple[str, ...], split: Callable[[str], list[tuple[str, bool]]],
                   case_sensitive: bool) -> Tables | None:
    """The tables a run before built for exactly these phrases (the start-up cache)."""
    data = diskcache.active().get(_table_entry(ordered, split, case_sensitive))
    if data is None:
        return None
    try:
        tables = marshal.loads(data)
    except (ValueError, EOFError, TypeError):
        return None
    return tables if isinstance(tables, tuple) and len(tables) == 6 else None


def _keep_tables(ordered: tuple[str, ...], split: Callable[[str], list[tuple[str, bool]]],
                 case_sensitive: bool, tables: Tables) -> None:
    store = diskcache.active()
    if store.path is not None:
        store.put(_table_entry(ordered, split, case_sensitive), marshal.dumps(tables))


class PhraseIndex:
    """Phrases (already in match-priority order) that find their spans in a text quickly."""

    def __init__(self, ordered: tuple[str, ...], source: Callable[[tuple[str, ...]], str],
                 split: Callable[[str], list[tuple[str, bool]]], case_sensitive: bool) -> None:
        self.ordered = ordered
        self._source = source
        self._flags = regex.V1 | (0 if case_sensitive else regex.IGNORECASE)
        self._re_flags = 0 if case_sensitive else re.IGNORECASE
        self.case_sensitive = case_sensitive
        tables = _cached_tables(ordered, split, case_sensitive)
        if tables is None:
            tables = _tables(ordered, split, case_sensitive)
            _keep_tables(ordered, split, case_sensitive, tables)
        self.exact, self.prefix, self.always, self.prefix_length, self._needs, self._literal = tables
        self._exact_keys = frozenset(self.exact)
        self._prefix_keys = frozenset(self.prefix)

    def __bool__(self) -> bool:
        return bool(self.ordered)

    def candidates(self, text: str) -> tuple[str, ...]:
        """The phrases that could match ``text``, in priority order."""
        if not self.ordered:
            return ()
        words = text_words(text)
        if words.unsafe and not self.case_sensitive:
            return self.ordered
        present = words.exact if self.case_sensitive else words.lower
        literal = self._literal
        picked = [i for i in self.always if i not in literal or literal[i] in text]
        for key in self._exact_keys.intersection(present):
            picked.extend(self.exact[key])
        if self.prefix_length:
            for key in self._prefix_keys.intersection(words.prefixes(self.prefix_length, self.case_sensitive)):
                for stem, index in self.prefix[key]:
                    if any(w.startswith(stem) for w in present):
                        picked.append(index)
        if not picked:
            return ()
        needs = self._needs
        picked = [i for i in picked if i not in needs or needs[i] <= present]
        picked.sort()
        return tuple(self.ordered[i] for i in picked)

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Where the phrases are, exactly as one alternation of the whole list (in priority
        order) would find them scanning left to right, without compiling that alternation:
        every match of each candidate phrase, overlapping ones too, then at each place the
        first phrase in priority order, resuming after its end."""
        subset = self.candidates(text)
        if not subset:
            return []
        if len(subset) == 1:
            return [m.span() for m in self._finditer(subset[0], text)]
        found: list[tuple[int, int, int]] = []
        for rank, phrase in enumerate(subset):
            found.extend((start, rank, end) for start, end in self._every_match(phrase, text))
        found.sort()
        spans: list[tuple[int, int]] = []
        resume = 0
        for start, _rank, end in found:
            if start >= resume:
                if end == start:  # an empty match changes how a scan resumes: scan for real
                    return self._scanned(subset, text)
                spans.append((start, end))
                resume = end
        return spans

    def search(self, text: str) -> bool:
        """Whether any of the phrases is in ``text``."""
        return any(self._search(phrase, text, 0) is not None for phrase in self.candidates(text))

    def _every_match(self, phrase: str, text: str) -> Iterator[tuple[int, int]]:
        """Each match of ``phrase``, one for every place it starts (so overlapping too)."""
        search = self._searcher(phrase, text)
        position = 0
        while (match := search(text, position)) is not None:
            yield match.span()
            position = match.start() + 1

    def _search(self, phrase: str, text: str, position: int) -> re.Match[str] | regex.Match[str] | None:
        return self._searcher(phrase, text)(text, position)

    def _searcher(self, phrase: str, text: str) -> Callable[[str, int], re.Match[str] | regex.Match[str] | None]:
        """``phrase``'s search on ``text``: re's where it reads the text as regex would."""
        fast = self._fast(phrase, text)
        if fast is not None:
            return fast.search
        exact = self._exact(phrase)
        return lambda string, position: exact.search(string, position, timeout=MATCH_TIMEOUT_SECONDS)

    def _finditer(self, phrase: str, text: str) -> Iterator[re.Match[str] | regex.Match[str]]:
        fast = self._fast(phrase, text)
        if fast is not None:
            return fast.finditer(text)
        return self._exact(phrase).finditer(text, timeout=MATCH_TIMEOUT_SECONDS)

    def _scanned(self, subset: tuple[str, ...], text: str) -> list[tuple[int, int]]:
        pattern = _compile_regex(self._source(subset), self._flags)
        return [m.span() for m in pattern.finditer(text, timeout=MATCH_TIMEOUT_SECONDS)]

    def _exact(self, phrase: str) -> regex.Pattern[str]:
        """One phrase's pattern in regex, the matching the whole list is defined by."""
        return _compile_regex(self._source((phrase,)), self._flags)

    def _fast(self, phrase: str, text: str) -> re.Pattern[str] | None:
        """One phrase's pattern in re, when re matches it on ``text`` exactly as regex would."""
        words = text_words(text)
        if not words.plain:
            return None
        source = self._source((phrase,))
        if not _uncased(source):  # "straße", "ﬁeld": regex folds these fully, re does not
            return None
        return _compile_re(source, self._re_flags)


# One entry a phrase (the catalogue has about 2,000) or an odd list that needed a real scan.
@lru_cache(maxsize=8192)
def _compile_regex(source: str, flags: int) -> regex.Pattern[str]:
    return compiled_regex(source, flags)


@lru_cache(maxsize=8192)
def _compile_re(source: str, flags: int) -> re.Pattern[str] | None:
    try:
        return compiled_re(source, flags)
    except re.error:  # a phrase re reads differently: regex alone, then
        return None


def merge_spans(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping spans joined into one, in order: one finding for one stretch of text."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
