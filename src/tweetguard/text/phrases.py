"""Phrase lists as whole-word patterns, with word stems, plus sentence splitting.

A phrase is words separated by spaces; a word ending in ``*`` matches any word starting
with it ("diagnos*" finds diagnosed and diagnosis). Apostrophes match straight or curly.
Shared by the kinds that weigh words in context (near, sentiment, profanity).

Rules' own regexes (``*_patterns``) are compiled when first needed: most drafts lack every
word a pattern requires (``\\bsuspended\\b`` needs "suspended"), and those are skipped
without compiling or running it.
"""

from __future__ import annotations

import re
import re._constants as sre
import re._parser as sre_parse
from functools import lru_cache
from typing import Any, Iterable, Iterator

import regex

from tweetguard.text.wordmatch import (
    FLAGS,
    MATCH_TIMEOUT_SECONDS,
    PhraseIndex,
    text_words,
)


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


@lru_cache(maxsize=4096)
def _ordered_source(ordered: tuple[str, ...]) -> str:
    body = "|".join(phrase_regex(p) for p in ordered)
    return rf"(?<![\w])(?:{body})(?![\w])"


@lru_cache(maxsize=512)
def phrase_index(phrases: tuple[str, ...]) -> PhraseIndex:
    """``phrases`` ready to match: case-insensitive, whole words, longest first."""
    ordered = tuple(sorted({p.strip() for p in phrases if p.strip()}, key=lambda p: (-len(p), p)))
    return PhraseIndex(ordered, _ordered_source, _stem_words, case_sensitive=False)


def compile_phrases(phrases: tuple[str, ...]) -> regex.Pattern[str] | None:
    """All ``phrases`` as one case-insensitive whole-word pattern (longest first)."""
    ordered = phrase_index(tuple(phrases)).ordered
    return regex.compile(_ordered_source(ordered), FLAGS) if ordered else None


Phrases = PhraseIndex | Iterable[str]


def find_all(text: str, phrases: Phrases, patterns: Iterable[Any] = ()) -> list[tuple[int, int]]:
    """Spans of every phrase and every pattern match in ``text``, in order."""
    index = phrases if isinstance(phrases, PhraseIndex) else phrase_index(tuple(phrases))
    spans = index.spans(text)
    if isinstance(patterns, PatternGroup):
        patterns = patterns.candidates(text)
    for pattern in patterns:
        spans.extend(m.span() for m in pattern.finditer(text, timeout=MATCH_TIMEOUT_SECONDS) if m.end() > m.start())
    return sorted(spans)


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
                if not _known_property(named.group()):
                    return None
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
    tail: list[str] = []  # single characters not yet added to every run (saves sets)

    def settle() -> None:
        nonlocal runs
        if tail:
            joined = "".join(tail)
            runs = {r + joined for r in runs}
            tail.clear()

    def flush() -> None:
        nonlocal runs
        settle()
        if "" not in runs:
            options.append(frozenset(runs))
        runs = {""}

    for op, arg in items:
        if op is sre.AT:  # zero width: the characters either side are still adjacent
            continue
        if op is sre.LITERAL:
            char = _caseless(arg)
            if char is not None:
                tail.append(char)
                continue
        choices = _literal_choices(op, arg)
        optional = None
        if choices is None and op is sre.MAX_REPEAT and arg[0] == 0 and arg[1] == 1 and len(arg[2]) == 1:
            optional = _literal_choices(*arg[2][0])
        if choices is not None or optional is not None:
            settle()
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


class _Unsupported(Exception):
    """Syntax the quick reader leaves to Python's full parser."""


_CLASS_ESCAPES = frozenset("sSwWdD")
_ZERO_WIDTH_ESCAPES = frozenset("bBAZK")  # \\K too: what precedes it is still in the text
_LITERAL_RUN = re.compile(r"[^\\\[\](){}|?*+.^$]+")
_CONTROL_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "f": "\f", "v": "\v", "a": "\a"}
_OTHER_CLASS = (sre.CATEGORY, None)  # an item no literal list describes


class _Reader:
    """A quick reader of the common regex syntax into the shape Python's parser gives.

    Much faster than ``re._parser`` (start-up time matters); anything beyond literals,
    escapes, classes, groups, lookarounds, alternation and quantifiers is _Unsupported.
    """

    def __init__(self, pattern: str) -> None:
        self.pattern = pattern
        self.index = 0

    def parse(self) -> list[Any]:
        items = self.alternation()
        if self.index != len(self.pattern):
            raise _Unsupported  # an unbalanced ")"
        return items

    def alternation(self) -> list[Any]:
        branches = [self.sequence()]
        while self.peek() == "|":
            self.index += 1
            branches.append(self.sequence())
        return branches[0] if len(branches) == 1 else [(sre.BRANCH, (None, branches))]

    def peek(self) -> str:
        return self.pattern[self.index] if self.index < len(self.pattern) else ""

    def sequence(self) -> list[Any]:
        items: list[Any] = []
        while True:
            char = self.peek()
            if char in ("", "|", ")"):
                return items
            run = _LITERAL_RUN.match(self.pattern, self.index)
            if run and run.end() - run.start() > 1:
                # Plain letters in one go; a quantifier after them takes only the last.
                end = run.end() - 1 if self.pattern.startswith(("?", "*", "+", "{"), run.end()) else run.end()
                items.extend((sre.LITERAL, ord(c)) for c in self.pattern[self.index : end])
                self.index = end
                continue
            item = self.atom()
            if item is None:
                continue
            items.append(self.quantified(item))

    def quantified(self, item: Any) -> Any:
        char = self.peek()
        if char in ("?", "*", "+"):
            low, high = {"?": (0, 1), "*": (0, sre.MAXREPEAT), "+": (1, sre.MAXREPEAT)}[char]
            self.index += 1
        elif char == "{":
            match = _BRACE.match(self.pattern, self.index)
            if not match:
                raise _Unsupported
            low_text, _, high_text = match.group()[1:-1].partition(",")
            low = int(low_text or 0)
            high = int(high_text) if high_text else (low if "," not in match.group() else sre.MAXREPEAT)
            if high < low:
                raise _Unsupported
            self.index = match.end()
        else:
            return item
        if item[0] in (sre.AT, sre.ASSERT):
            raise _Unsupported  # a quantified zero-width item
        if self.peek() in ("?", "+"):
            self.index += 1  # lazy or possessive: the same characters are required
        if self.peek() in ("?", "*", "+", "{"):
            raise _Unsupported  # "multiple repeat"
        return (sre.MAX_REPEAT, (low, high, [item]))

    def atom(self) -> Any:
        char = self.pattern[self.index]
        if char in "?*+{":
            raise _Unsupported  # nothing to repeat, or a brace regex reads its own way
        self.index += 1
        if char == "(":
            return self.group()
        if char == "[":
            return self.char_class()
        if char == ".":
            return (sre.ANY, None)
        if char in "^$":
            return (sre.AT, None)
        if char == "\\":
            return self.escape()
        return (sre.LITERAL, ord(char))

    def escape(self) -> Any:
        if self.index >= len(self.pattern):
            raise _Unsupported
        char = self.pattern[self.index]
        self.index += 1
        if char in _ZERO_WIDTH_ESCAPES:
            return (sre.AT, None)
        if char in _CLASS_ESCAPES:
            return (sre.IN, [_OTHER_CLASS])
        if char in "pP":
            named = _NAMED.match(self.pattern, self.index - 2)
            if not named or not _known_property(named.group()):
                raise _Unsupported
            self.index = named.end()
            return (sre.IN, [_OTHER_CLASS])
        if char in _CONTROL_ESCAPES:
            return (sre.LITERAL, ord(_CONTROL_ESCAPES[char]))
        if char.isascii() and char.isalnum():
            raise _Unsupported  # backreferences, \x, \u, \N, \K, \G...
        return (sre.LITERAL, ord(char))

    def char_class(self) -> Any:
        chars: list[Any] = []
        plain = True
        if self.peek() == "^":
            self.index += 1
            plain = False
        first = True
        while True:
            if self.index >= len(self.pattern):
                raise _Unsupported
            char = self.pattern[self.index]
            if char == "]" and not first:
                self.index += 1
                break
            first = False
            if char == "[" or self.pattern.startswith(("--", "&&", "||", "~~"), self.index):
                raise _Unsupported  # regex's nested sets and set operations
            self.index += 1
            if char == "\\":
                item = self.escape()
                if item[0] is not sre.LITERAL:
                    plain = False
                    continue
                code = item[1]
            else:
                code = ord(char)
            if self.peek() == "-" and self.index + 1 < len(self.pattern) and self.pattern[self.index + 1] != "]":
                self.index += 1
                end = self.pattern[self.index]
                self.index += 1
                if end == "\\":
                    item = self.escape()
                    if item[0] is not sre.LITERAL:
                        raise _Unsupported
                    end_code = item[1]
                else:
                    end_code = ord(end)
                if end_code < code:
                    raise _Unsupported  # a bad range: regex refuses it
                plain = False
                continue
            chars.append((sre.LITERAL, code))
        return (sre.IN, chars if plain and chars else [_OTHER_CLASS])

    def group(self) -> Any:
        kind = "capture"
        if self.pattern.startswith("?", self.index):
            rest = self.pattern[self.index + 1 : self.index + 4]
            if rest.startswith(":"):
                self.index += 2
                kind = "group"
            elif rest.startswith(("=", "!")):
                self.index += 2
                kind = "assert"
            elif rest.startswith(("<=", "<!")):
                self.index += 3
                kind = "assert"
            elif rest.startswith(">"):
                self.index += 2
                kind = "group"
            elif rest.startswith("#"):
                end = self.pattern.find(")", self.index)
                if end < 0:
                    raise _Unsupported
                self.index = end + 1
                return None
            else:
                flags = _SCOPED_FLAGS.match(self.pattern, self.index + 1)
                if not flags:
                    raise _Unsupported  # global flags, named groups, conditionals...
                self.index = flags.end()
                kind = "group"
        items = self.alternation()
        if self.peek() != ")":
            raise _Unsupported
        self.index += 1
        if kind == "assert":
            return (sre.ASSERT, None)
        return (sre.SUBPATTERN, (None, 0, 0, items))


@lru_cache(maxsize=64)
def _known_property(escape: str) -> bool:
    """Whether regex knows this \\p{...} property (a misspelt one must fail at load time)."""
    try:
        regex.compile(escape)
    except regex.error:
        return False
    return True


# "(?i:", "(?-i:", "(?im-sx:": flags for the group only (the common ones both libraries share).
_SCOPED_FLAGS = regex.compile(r"[aiLmsux]*(?:-[imsx]+)?:")


Required = tuple[frozenset[str], ...] | None
# Bump when the analysis below changes what it answers: stored answers of another version are
# not used (tests/test_snapshot.py checks the shipped answers are today's).
REQUIRED_ANALYSIS_VERSION = 2
# Every pattern asked about in this process, with its answer. The shipped catalogue
# snapshot holds the answers for the default rules' patterns (worked out at build time from
# this same analysis), so a cold start need not parse them all.
_REQUIRED: dict[str, Required] = {}


def required_literals(pattern: str) -> Required:
    """What every match of ``pattern`` contains: for each set, one of its (lower-cased)
    strings. None when unknown (the pattern then always runs)."""
    if pattern in _REQUIRED:
        return _REQUIRED[pattern]
    from tweetguard.catalogue import snapshot

    known = snapshot.required_literals()
    found = _REQUIRED[pattern] = known[pattern] if pattern in known else analyse_required(pattern)
    return found


def analysed_patterns() -> tuple[str, ...]:
    """The patterns required_literals was asked about (for building the snapshot)."""
    return tuple(_REQUIRED)


def clear_required() -> None:
    _REQUIRED.clear()


def analyse_required(pattern: str) -> Required:
    """required_literals worked out from the pattern itself."""
    try:
        items = _Reader(pattern).parse()
    except _Unsupported:
        plain = _plain_syntax(pattern)
        if plain is None:
            return None
        try:
            items = sre_parse.parse(plain).data
        except Exception:  # noqa: BLE001 - anything Python cannot read simply gets no shortcut
            return None
    # Most telling first; ties in a fixed order, so the snapshot is the same on every build.
    options = sorted(set(_required(items)), key=lambda o: (-min(map(len, o)), len(o), sorted(o)))
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
        contains = lowered.__contains__
        return all(any(map(contains, option)) for option in self.required)

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


class PatternGroup(tuple):  # type: ignore[type-arg]
    """A rule's regexes, screened together: one scan of the text for the most telling string
    each pattern requires. A text with none of them skips every such pattern at once (most
    drafts); otherwise only the patterns whose string is there are asked (each still checks
    all it requires, so the result is the same as asking every pattern)."""

    _screen: tuple[re.Pattern[str], tuple[str, ...]] | None | bool

    def __new__(cls, patterns: Iterable[LazyPattern]) -> PatternGroup:
        group = super().__new__(cls, tuple(patterns))
        group._screen = False  # compiled on first need
        return group

    def _screened(self) -> tuple[re.Pattern[str], tuple[str, ...]] | None:
        if self._screen is False:
            keys = {k for p in self if p.required is not None for k in p.required[0]}
            self._screen = _compile_screen(tuple(sorted(keys, key=lambda k: (-len(k), k)))) if keys else None
        return self._screen  # type: ignore[return-value]

    def candidates(self, text: str) -> tuple[LazyPattern, ...]:
        """The patterns that could match ``text`` (the rest cannot), in their order."""
        if not self:
            return ()
        screen = self._screened()
        if screen is None:
            return self
        words = text_words(text)
        if words.unsafe:  # letters that fold to ASCII ones: no shortcut
            return self
        lowered = words.lowered
        if screen[0].search(lowered) is None:
            return tuple(p for p in self if p.required is None)
        present = {k for k in screen[1] if k in lowered}
        return tuple(p for p in self if p.required is None or not present.isdisjoint(p.required[0]))


@lru_cache(maxsize=256)
def _compile_screen(keys: tuple[str, ...]) -> tuple[re.Pattern[str], tuple[str, ...]]:
    """Whether any of ``keys`` is in the lower-cased text: plain substrings, exactly as
    LazyPattern.could_match looks for them."""
    return re.compile("|".join(re.escape(k) for k in keys)), keys


def compile_patterns(patterns: Iterable[str], key: str) -> PatternGroup:
    """Regexes from a rule, case-insensitive; a bad one is a RuleParamError naming ``key``."""
    from tweetguard.kinds.base import RuleParamError

    compiled = []
    for pattern in patterns:
        try:
            compiled.append(lazy_pattern(str(pattern), FLAGS))
        except regex.error as exc:
            raise RuleParamError(key, f"has a pattern that is not a valid regular expression: {pattern!r} ({exc})") from None
    return PatternGroup(compiled)


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
