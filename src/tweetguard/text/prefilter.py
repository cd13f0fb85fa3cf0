"""Rules' regexes, compiled when first needed and skipped on texts that cannot match.

Most drafts lack a word every match of a pattern needs (``\\bsuspended\\b`` needs
"suspended"): such a pattern is neither compiled nor run on them. What a pattern requires is
worked out by reading it (``analyse_required``); the default rules' answers are worked out at
build time and stored in the catalogue snapshot, which the catalogue hands to
``remember_required``. Results are the same with or without the shortcut.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Iterable, Iterator, Mapping

import regex

from tweetguard.core.errors import RuleParamError
from tweetguard.core.patterns import compiled_re, compiled_regex
from tweetguard.text.regex_reader import ANALYSIS_VERSION, Required, analyse_required
from tweetguard.text.wordmatch import FLAGS, text_words

__all__ = ["ANALYSIS_VERSION", "LazyPattern", "PatternGroup", "analyse_required", "compile_patterns",
           "lazy_pattern", "remember_required", "required_literals"]

# Every pattern asked about in this process, with its answer. The shipped catalogue
# snapshot holds the answers for the default rules' patterns (worked out at build time from
# this same analysis), so a cold start need not parse them all.
_REQUIRED: dict[str, Required] = {}


def required_literals(pattern: str) -> Required:
    """What every match of ``pattern`` contains: for each set, one of its (lower-cased)
    strings. None when unknown (the pattern then always runs)."""
    if pattern not in _REQUIRED:
        _REQUIRED[pattern] = analyse_required(pattern)
    return _REQUIRED[pattern]


def remember_required(known: Mapping[str, Required]) -> None:
    """Answers worked out at build time (the catalogue snapshot), so a cold start need not
    analyse the default rules' patterns again."""
    for pattern, answer in known.items():
        _REQUIRED.setdefault(pattern, answer)


def analysed_patterns() -> tuple[str, ...]:
    """The patterns required_literals was asked about (for building the snapshot)."""
    return tuple(_REQUIRED)


def clear_required() -> None:
    _REQUIRED.clear()


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
            self._compiled = compiled_regex(self.source, self.flags)
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
    return compiled_re("|".join(re.escape(k) for k in keys)), keys


def compile_patterns(patterns: Iterable[str], key: str) -> PatternGroup:
    """Regexes from a rule, case-insensitive; a bad one is a RuleParamError naming ``key``."""
    compiled = []
    for pattern in patterns:
        try:
            compiled.append(lazy_pattern(str(pattern), FLAGS))
        except regex.error as exc:
            raise RuleParamError(key, f"has a pattern that is not a valid regular expression: {pattern!r} ({exc})") from None
    return PatternGroup(compiled)
