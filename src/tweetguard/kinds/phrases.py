"""Phrase lists as whole-word patterns, with word stems, plus sentence splitting.

A phrase is words separated by spaces; a word ending in ``*`` matches any word starting
with it ("diagnos*" finds diagnosed and diagnosis). Apostrophes match straight or curly.
Shared by the kinds that weigh words in context (near, sentiment, profanity).

Rules' own regexes (``*_patterns``) are compiled when first needed: most drafts lack every
word a pattern requires (``\\bsuspended\\b`` needs "suspended"), and those are skipped
without compiling or running it.
"""

from __future__ import annotations

import re._constants as sre
import re._parser as sre_parse
from functools import lru_cache
from typing import Any, Iterable, Iterator

import regex

from tweetguard.kinds.wordmatch import FLAGS, MATCH_TIMEOUT_SECONDS, PhraseIndex, text_words

SENTENCE_END = regex.compile(r"(?<=[.!?])[\"')\]]*\s+|\n+|(?<=\S)\s+[-–—]\s+(?=\S)")


def _word_pattern(word: str) -> str:
    stem = word.endswith("*") and len(word) > 1
    core = word[:-1] if stem else word
    escaped = regex.escape(core).replace("\\'", "'").replace("'", "['’]")
    return escaped + (r"[\w'’-]*" if stem else "")


def phrase_regex(phrase: str) -> str:
    """One phrase as a regex body: its words in order, any run of spaces (or a hyphen) between."""
    return r"(?:\s+|\s*-\s*)".join(_word_pattern(w) for w in phrase.split())


def _stem_words(phrase: str) -> list[tuple[str, bool]]:
    """A phrase's words as (literal core, is a stem), for choosing its anchor."""
    return [(w[:-1], True) if w.endswith("*") and len(w) > 1 else (w, False) for w in phrase.split()]


@lru_cache(maxsize=2048)
def _compile_ordered(ordered: tuple[str, ...]) -> regex.Pattern[str] | None:
    if not ordered:
        return None
    body = "|".join(phrase_regex(p) for p in ordered)
    return regex.compile(rf"(?<![\w])(?:{body})(?![\w])", FLAGS)


@lru_cache(maxsize=512)
def phrase_index(phrases: tuple[str, ...]) -> PhraseIndex:
    """``phrases`` ready to match: case-insensitive, whole words, longest first."""
    ordered = tuple(sorted({p.strip() for p in phrases if p.strip()}, key=lambda p: (-len(p), p)))
    return PhraseIndex(ordered, _compile_ordered, _stem_words, case_sensitive=False)


def compile_phrases(phrases: tuple[str, ...]) -> regex.Pattern[str] | None:
    """All ``phrases`` as one case-insensitive whole-word pattern (longest first)."""
    return _compile_ordered(phrase_index(tuple(phrases)).ordered)


Phrases = PhraseIndex | Iterable[str]


def find_all(text: str, phrases: Phrases, patterns: Iterable[Any] = ()) -> list[tuple[int, int]]:
    """Spans of every phrase and every pattern match in ``text``, in order."""
    index = phrases if isinstance(phrases, PhraseIndex) else phrase_index(tuple(phrases))
    spans = index.spans(text)
    for pattern in patterns:
        spans.extend(m.span() for m in pattern.finditer(text, timeout=MATCH_TIMEOUT_SECONDS) if m.end() > m.start())
    return sorted(spans)


def sentences(text: str) -> Iterator[tuple[int, int]]:
    """[start, end) spans of the sentences (and lines, and dash-separated parts) of ``text``."""
    start = 0
    for match in SENTENCE_END.finditer(text):
        if match.start() > start:
            yield start, match.start()
        start = match.end()
    if start < len(text):
        yield start, len(text)


# --- Rules' regexes, compiled lazily -------------------------------------------------------

# regex syntax that Python's parser reads differently (nested sets and set operations, fuzzy
# matching): such a pattern gets no shortcut.
_BRACE = regex.compile(r"\{(?:\d+(?:,\d*)?|,\d+)\}")
_NAMED = regex.compile(r"\\([pPN])(\{[^}]*\}|[A-Za-z])")


def _plain_syntax(pattern: str) -> str | None:
    """``pattern`` with \\p{..} classes as \\w, when Python's parser reads it as regex does."""
    out: list[str] = []
    in_class = False
    index = 0
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            named = _NAMED.match(pattern, index)
            if named and named.group(1) in "pP":
                out.append("\\w" if named.group(1) == "p" else "\\W")
                index = named.end()
            else:
                end = named.end() if named else index + 2
                out.append(pattern[index:end])
                index = end
            continue
        if in_class:
            if char == "[" or pattern.startswith(("--", "&&", "||", "~~"), index):
                return None
            in_class = char != "]"
        elif char == "[":
            in_class = True
            lead = 3 if pattern.startswith("[^]", index) else 2 if pattern.startswith("[]", index) else 1
            out.append(pattern[index : index + lead])  # a leading ']' is a literal
            index += lead
            continue
        elif char == "{" and not _BRACE.match(pattern, index):
            return None  # fuzzy matching ({e<=1}) or a literal brace: no shortcut
        out.append(char)
        index += 1
    return "".join(out)


_MAX_RUNS = 32


def _caseless(code: int) -> str | None:
    """The character of ``code`` lower-cased, when lower-casing both sides compares it fairly."""
    char = chr(code)
    if char.isascii():
        return char.lower()
    if char.lower() == char == char.upper() == char.casefold():
        return char  # no case at all (curly quotes, dashes)
    return None


def _literal_choices(op: Any, arg: Any) -> list[str] | None:
    """The characters a single-character item matches, when it is a short list of literals."""
    if op is sre.LITERAL:
        char = _caseless(arg)
        return None if char is None else [char]
    if op is sre.IN and all(o is sre.LITERAL for o, _ in arg):
        chars = [_caseless(a) for _, a in arg]
        return None if None in chars else sorted(set(chars))  # type: ignore[arg-type]
    return None


def _required(items: Any) -> list[frozenset[str]]:
    """What any match of this parsed sequence contains: for each set, one of its strings.

    Strings are lower-cased literal runs, followed through optional characters and small
    classes ("d\\.?o" gives "do" or "d.o"); a group of alternatives gives one of theirs.
    """
    options: list[frozenset[str]] = []
    runs: set[str] = {""}

    def flush() -> None:
        nonlocal runs
        if "" not in runs:
            options.append(frozenset(runs))
        runs = {""}

    for op, arg in items:
        if op is sre.AT:  # zero width: the characters either side are still adjacent
            continue
        choices = _literal_choices(op, arg)
        optional = None
        if choices is None and op is sre.MAX_REPEAT and arg[0] == 0 and arg[1] == 1 and len(arg[2]) == 1:
            optional = _literal_choices(*arg[2][0])
        if choices is not None or optional is not None:
            extended = {r + c for r in runs for c in (choices or optional or ())}
            if optional is not None:
                extended |= runs
            if len(extended) <= _MAX_RUNS:
                runs = extended
                continue
        flush()
        if op is sre.SUBPATTERN:
            options.extend(_required(arg[3]))
        elif op is sre.ATOMIC_GROUP:
            options.extend(_required(arg))
        elif op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT) and arg[0] >= 1:
            options.extend(_required(arg[2]))
        elif op is sre.BRANCH:
            alternatives = [_best(_required(a)) for a in arg[1]]
            if all(alternatives):
                options.append(frozenset().union(*alternatives))  # type: ignore[arg-type]
    flush()
    return options


def _best(options: list[frozenset[str]]) -> frozenset[str] | None:
    """The most telling requirement: the longest shortest string, then the fewest strings."""
    return max(options, key=lambda o: (min(map(len, o)), -len(o))) if options else None


@lru_cache(maxsize=512)
def required_literals(pattern: str) -> tuple[frozenset[str], ...] | None:
    """What every match of ``pattern`` contains: for each set, one of its (lower-cased)
    strings. None when unknown (the pattern then always runs)."""
    plain = _plain_syntax(pattern)
    if plain is None:
        return None
    try:
        parsed = sre_parse.parse(plain)
    except Exception:  # noqa: BLE001 - anything Python cannot read simply gets no shortcut
        return None
    options = sorted(set(_required(parsed.data)), key=lambda o: (-min(map(len, o)), len(o)))
    return tuple(options[:4]) or None


class LazyPattern:
    """A rule's regex, compiled on first need; a text lacking what it requires is skipped."""

    def __init__(self, source: str, flags: int, required: tuple[frozenset[str], ...] | None) -> None:
        self.source = source
        self.flags = flags
        self.required = required
        self._compiled: regex.Pattern[str] | None = None

    @property
    def compiled(self) -> regex.Pattern[str]:
        if self._compiled is None:
            self._compiled = regex.compile(self.source, self.flags)
        return self._compiled

    def could_match(self, text: str) -> bool:
        if self.required is None:
            return True
        words = text_words(text)
        if words.unsafe:  # letters that fold to ASCII ones: no shortcut
            return True
        lowered = words.lowered
        return all(any(literal in lowered for literal in option) for option in self.required)

    def finditer(self, text: str, *args: Any, **kwargs: Any) -> Iterator[regex.Match[str]]:
        if not self.could_match(text):
            return iter(())
        return self.compiled.finditer(text, *args, **kwargs)

    def search(self, text: str, *args: Any, **kwargs: Any) -> regex.Match[str] | None:
        if not self.could_match(text):
            return None
        return self.compiled.search(text, *args, **kwargs)


def lazy_pattern(pattern: str, flags: int) -> LazyPattern:
    """``pattern`` compiled when first needed; raises regex.error now if it is invalid.

    A pattern Python's own parser reads is taken as valid (regex accepts everything it
    does); anything else is compiled at once, so a bad rule is still refused at load time.
    """
    required = required_literals(pattern)
    lazy = LazyPattern(pattern, flags, required)
    if required is None:
        lazy.compiled  # noqa: B018 - validate (and compile) now
    return lazy


def compile_patterns(patterns: Iterable[str], key: str) -> tuple[LazyPattern, ...]:
    """Regexes from a rule, case-insensitive; a bad one is a RuleParamError naming ``key``."""
    from tweetguard.kinds.base import RuleParamError

    compiled = []
    for pattern in patterns:
        try:
            compiled.append(lazy_pattern(str(pattern), FLAGS))
        except regex.error as exc:
            raise RuleParamError(key, f"has a pattern that is not a valid regular expression: {pattern!r} ({exc})") from None
    return tuple(compiled)


def gather(params_words: Iterable[str] | None, list_names: Iterable[str] | None,
           lists: dict[str, tuple[str, ...]] | object, key: str) -> tuple[str, ...]:
    """A rule's own words plus the catalogue lists it names; an unknown list is an error."""
    from tweetguard.kinds.base import RuleParamError

    words = [str(w) for w in params_words or ()]
    for name in list_names or ():
        if name not in lists:  # type: ignore[operator]
            raise RuleParamError(key, f"names a list '{name}' that no rule file defines under 'lists:'")
        words.extend(lists[name])  # type: ignore[index]
    return tuple(words)
