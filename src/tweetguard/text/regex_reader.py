"""What every match of a regex must contain, read from the pattern itself.

``analyse_required(pattern)`` reads the common syntax (literals, escapes, classes, groups,
lookarounds, alternation, quantifiers) and gives, for each of up to four sets, strings one of
which every match contains, lower-cased. Anything it does not follow gives None: no shortcut.
"""

from __future__ import annotations

import enum
import sys
from functools import lru_cache
from typing import Any

import regex

from tweetguard.core.patterns import lazy_re, lazy_regex

Required = tuple[frozenset[str], ...] | None

# Bump when the analysis below changes what it answers: stored answers of another version are
# not used (tests/test_snapshot.py checks that the shipped answers are today's).
ANALYSIS_VERSION = 2
# A quantifier's upper bound when there is none ("*", "+", "{2,}").
UNBOUNDED = sys.maxsize


class Op(enum.Enum):
    """The items the reader turns a pattern into."""

    LITERAL = "literal"  # one character (argument: its code point)
    IN = "in"  # a character class (argument: its items)
    CLASS = "class"  # a class no literal list describes (\w, a range, \p{L})
    ANY = "any"  # .
    AT = "at"  # zero width: ^ $ \b
    ASSERT = "assert"  # a lookahead or lookbehind
    MAX_REPEAT = "repeat"  # (low, high, items)
    SUBPATTERN = "group"  # (None, 0, 0, items)
    BRANCH = "branch"  # (None, alternatives)


_BRACE = lazy_regex(r"\{(?:\d+(?:,\d*)?|,\d+)\}")
_NAMED = lazy_regex(r"\\([pPN])(\{[^}]*\}|[A-Za-z])")


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
    if op is Op.LITERAL:
        char = _caseless(arg)
        return None if char is None else [char]
    if op is Op.IN and all(o is Op.LITERAL for o, _ in arg):
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
        if op is Op.AT:  # zero width: the characters either side are still adjacent
            continue
        if op is Op.LITERAL:
            char = _caseless(arg)
            if char is not None:
                tail.append(char)
                continue
        choices = _literal_choices(op, arg)
        optional = None
        if choices is None and op is Op.MAX_REPEAT and arg[0] == 0 and arg[1] == 1 and len(arg[2]) == 1:
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
        if op is Op.SUBPATTERN:
            options.extend(_required(arg[3]))
        elif op is Op.MAX_REPEAT and arg[0] >= 1:
            options.extend(_required(arg[2]))
        elif op is Op.BRANCH:
            alternatives = [_best(_required(a)) for a in arg[1]]
            if all(alternatives):
                options.append(frozenset().union(*alternatives))  # type: ignore[arg-type]
    flush()
    return options


def _best(options: list[frozenset[str]]) -> frozenset[str] | None:
    """The most telling requirement: the longest shortest string, then the fewest strings."""
    return max(options, key=lambda o: (min(map(len, o)), -len(o))) if options else None


class _Unsupported(Exception):
    """Syntax the reader does not follow (backreferences, nested sets, fuzzy matching...)."""


_CLASS_ESCAPES = frozenset("sSwWdD")
_ZERO_WIDTH_ESCAPES = frozenset("bBAZK")  # \\K too: what precedes it is still in the text
_LITERAL_RUN = lazy_re(r"[^\\\[\](){}|?*+.^$]+")
_CONTROL_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "f": "\f", "v": "\v", "a": "\a"}
_OTHER_CLASS = (Op.CLASS, None)  # an item no literal list describes


class _Reader:
    """A reader of the common regex syntax into (Op, argument) items: literals, escapes,
    classes, groups, lookarounds, alternation and quantifiers; anything else is _Unsupported."""

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
        return branches[0] if len(branches) == 1 else [(Op.BRANCH, (None, branches))]

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
                items.extend((Op.LITERAL, ord(c)) for c in self.pattern[self.index : end])
                self.index = end
                continue
            item = self.atom()
            if item is None:
                continue
            items.append(self.quantified(item))

    def quantified(self, item: Any) -> Any:
        char = self.peek()
        if char in ("?", "*", "+"):
            low, high = {"?": (0, 1), "*": (0, UNBOUNDED), "+": (1, UNBOUNDED)}[char]
            self.index += 1
        elif char == "{":
            match = _BRACE.match(self.pattern, self.index)
            if not match:
                raise _Unsupported
            low_text, _, high_text = match.group()[1:-1].partition(",")
            low = int(low_text or 0)
            high = int(high_text) if high_text else (low if "," not in match.group() else UNBOUNDED)
            if high < low:
                raise _Unsupported
            self.index = match.end()
        else:
            return item
        if item[0] in (Op.AT, Op.ASSERT):
            raise _Unsupported  # a quantified zero-width item
        if self.peek() in ("?", "+"):
            self.index += 1  # lazy or possessive: the same characters are required
        if self.peek() in ("?", "*", "+", "{"):
            raise _Unsupported  # "multiple repeat"
        return (Op.MAX_REPEAT, (low, high, [item]))

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
            return (Op.ANY, None)
        if char in "^$":
            return (Op.AT, None)
        if char == "\\":
            return self.escape()
        return (Op.LITERAL, ord(char))

    def escape(self) -> Any:
        if self.index >= len(self.pattern):
            raise _Unsupported
        char = self.pattern[self.index]
        self.index += 1
        if char in _ZERO_WIDTH_ESCAPES:
            return (Op.AT, None)
        if char in _CLASS_ESCAPES:
            return (Op.IN, [_OTHER_CLASS])
        if char in "pP":
            named = _NAMED.match(self.pattern, self.index - 2)
            if not named or not _known_property(named.group()):
                raise _Unsupported
            self.index = named.end()
            return (Op.IN, [_OTHER_CLASS])
        if char in _CONTROL_ESCAPES:
            return (Op.LITERAL, ord(_CONTROL_ESCAPES[char]))
        if char.isascii() and char.isalnum():
            raise _Unsupported  # backreferences, \x, \u, \N, \K, \G...
        return (Op.LITERAL, ord(char))

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
                if item[0] is not Op.LITERAL:
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
                    if item[0] is not Op.LITERAL:
                        raise _Unsupported
                    end_code = item[1]
                else:
                    end_code = ord(end)
                if end_code < code:
                    raise _Unsupported  # a bad range: regex refuses it
                plain = False
                continue
            chars.append((Op.LITERAL, code))
        return (Op.IN, chars if plain and chars else [_OTHER_CLASS])

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
            return (Op.ASSERT, None)
        return (Op.SUBPATTERN, (None, 0, 0, items))


@lru_cache(maxsize=64)
def _known_property(escape: str) -> bool:
    """Whether regex knows this \\p{...} property (a misspelt one must fail at load time)."""
    try:
        regex.compile(escape)
    except regex.error:
        return False
    return True


# "(?i:", "(?-i:", "(?im-sx:": flags for the group only (the common ones both libraries share).
_SCOPED_FLAGS = lazy_regex(r"[aiLmsux]*(?:-[imsx]+)?:")


def analyse_required(pattern: str) -> Required:
    """required_literals worked out from the pattern itself."""
    try:
        items = _Reader(pattern).parse()
    except _Unsupported:
        return None  # syntax the reader does not follow: the pattern always runs
    # Most telling first; ties in a fixed order, so the snapshot is the same on every build.
    options = sorted(set(_required(items)), key=lambda o: (-min(map(len, o)), len(o), sorted(o)))
    return tuple(options[:4]) or None
