"""Words of a draft as the name recogniser sees them: :class:`Token` and :func:`tokenise`.

A token is a word (letters, with inner hyphens or apostrophes: Lily-Rose, O'Neill,
Mensah's) or one CamelCase part of a hashtag ("#WellDoneEllie" -> Well, Done, Ellie), with
its folded lookup key, whether it is capitalised, and the text between it and the token
before (which tells whether two words can be one name).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Iterator

import regex

from tweetguard.core.patterns import compiled_re, compiled_regex, lazy_re, lazy_regex
from tweetguard.text.names.gazetteer import fold
from tweetguard.text.names.verdicts import Form, NameMatch, Reason, Role

SPACE_GAP = lazy_regex(r"[ \t\u00a0]+")
LINE_GAP = lazy_regex(r"[ \t\u00a0]*\r?\n[ \t\u00a0]*")
# Lower-case particles joined to a capitalised name by a hyphen: "al-Amiri", "bin-Salleh".
HYPHEN_PARTICLES = frozenset("al el abu bin ibn ben".split())
NON_ASCII = lazy_re(r"[^\x00-\x7f]")
POSSESSIVE = ("'s", "’s")

TokenPattern = re.Pattern[str] | regex.Pattern[str]


@dataclass(slots=True)
class Token:
    start: int
    end: int
    text: str
    key: str  # fold(text)
    cap: bool  # starts with a capital letter
    tag: int  # index of the hashtag it is part of, or -1
    gap: str  # the text between the previous token and this one
    role: Role | None = None  # why it is never a pupil's name (an adult's, a place's...), if so

    @property
    def ruled_out(self) -> bool:
        """Ruled out as a child's name (an adult's, a known person's or a place's)."""
        return self.role is not None

    @property
    def possessive(self) -> bool:
        return self.text.endswith(POSSESSIVE)

    @property
    def name_end(self) -> int:
        """Where the name in this token ends: before a possessive "'s"."""
        return self.end - 2 if self.text.endswith(POSSESSIVE) else self.end


@cache
def unicode_patterns() -> tuple[regex.Pattern[str], regex.Pattern[str]]:
    """The token patterns for any text; compiled on first use, as ASCII drafts never need them."""
    return (
        # One regex pass: hashtags (so their parts can be split) and words (letters, with inner
        # hyphens or apostrophes: Lily-Rose, O'Neill, Nowak-Lee, Mensah's).
        compiled_regex(
            r"(?P<tag>(?<![\w&])[#＃][\p{L}\p{M}\p{N}_]+)"
            r"|(?P<word>[\p{L}\p{M}]+(?:['’\-][\p{L}\p{M}]+)*)",
            regex.V1,
        ),
        # CamelCase parts of a hashtag: "WellDoneEllieThornton" -> Well, Done, Ellie, Thornton.
        compiled_regex(r"(?:Ma?c(?=\p{Lu}\p{Ll}))?\p{Lu}[\p{Ll}\p{M}]+(?:['’\-]\p{Lu}?[\p{Ll}\p{M}]+)*"
                      r"|\p{Lu}+(?!\p{Ll})|\p{Ll}+|\p{N}+", regex.V1),
    )


@cache
def _ascii_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The token patterns restricted to ASCII, in stdlib ``re`` (about twice as fast as ``regex``).
    On text whose letters, digits and apostrophes are all ASCII they find the same matches."""
    return (
        compiled_re(r"(?<![A-Za-z0-9_&])#[A-Za-z0-9_]+|[A-Za-z]+(?:['\-][A-Za-z]+)*"),
        compiled_re(r"(?:Ma?c(?=[A-Z][a-z]))?[A-Z][a-z]+(?:['\-][A-Z]?[a-z]+)*|[A-Z]+(?![a-z])|[a-z]+|[0-9]+"),
    )


@cache
def _ignored(char: str) -> bool:
    """Whether the token pattern treats a non-ASCII character as it treats punctuation (emoji, dashes, “”):
    not a letter, mark, digit or word character, not the curly apostrophe, not a full-width #."""
    return regex.match(r"[\w\p{L}\p{M}\p{N}’＃]", char, regex.V1) is None


def _token_patterns(text: str) -> tuple[TokenPattern, TokenPattern]:
    if text.isascii() or all(_ignored(c) for c in NON_ASCII.findall(text)):
        return _ascii_patterns()
    return unicode_patterns()


def _capitalised(word: str) -> bool:
    """A capital first letter, or "al-Amiri": a lower-case particle joined to a capitalised name."""
    if word[0].isupper():
        return True
    if "-" not in word:
        return False
    hyphen = word.index("-")
    return word[hyphen + 1:hyphen + 2].isupper() and word[:hyphen].lower() in HYPHEN_PARTICLES


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
            append(Token(start, end, word, fold(word), _capitalised(word), -1, gap))
            continue
        body_start = start + 1
        parts: Iterator[re.Match[str] | regex.Match[str]] = camel.finditer(word[1:])
        for index, part in enumerate(parts):
            part_text = part.group()
            part_start = body_start + part.start()
            append(Token(part_start, part_start + len(part_text), part_text, fold(part_text),
                         part_text[0].isupper(), tag_index, gap if index == 0 else " "))
        tag_index += 1
    return tokens


def joined(previous: Token, token: Token) -> bool:
    """Whether two tokens can be parts of one name: same hashtag, or only spaces between."""
    if previous.tag >= 0 or token.tag >= 0:
        return previous.tag == token.tag
    return bool(SPACE_GAP.fullmatch(token.gap))


def line_joined(previous: Token, token: Token) -> bool:
    """Two words of one name split by a line break ("winner, Wren\\nAchebe!")."""
    return previous.tag < 0 and token.tag < 0 and bool(LINE_GAP.fullmatch(token.gap))


def full_match(start: int, first: Token, surname: Token, reason: Reason) -> NameMatch:
    """A full name from ``start`` to the end of its later token (first name or surname, in
    either order), a possessive "'s" left out of both; the fix is the first name."""
    first_end, surname_end = first.name_end, surname.name_end
    return NameMatch(start, max(first_end, surname_end), Form.FULL, first.text[:first_end - first.start],
                     surname.text[:surname_end - surname.start], (first.start, first_end),
                     (surname.start, surname_end), reason)
