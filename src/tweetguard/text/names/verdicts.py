"""What the recogniser decides about a word or a name, and why.

- :class:`Role`: why a word is *not* a child's name (a title before it, a listed place, a
  famous person...). Each token carries one, or None while nothing rules it out.
- :class:`Reason`: why a name *was* judged a child's (each a sentence a maintainer can read
  in a finding's details); :attr:`Reason.ONLY_IN_A_LIST` is the weak evidence that counts
  only next to other children's names.
- :class:`Form`: how much of the child a name gives away (full name, family name, first name).
- :class:`NameMatch`: one name found, with its form and reason.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum, StrEnum


class Form(StrEnum):
    """How a child is named: the rules' ``forms`` key takes these values."""

    FULL = "full"  # a first name and a surname (or its initial)
    FAMILY = "family"  # a surname alone: "the Okoro twins", "K. Owusu"
    FIRST = "first"  # a first name alone
    SURNAME = "surname"  # a surname alone for a child, as match reports do: "Walker was outstanding"


class Role(Enum):
    """Why a word names someone or something other than a child (never a pupil's name)."""

    PLACE = "a listed place"
    FAMOUS = "a famous person"
    CHARACTER = "a fictional character"
    FESTIVAL = "a festival or celebration"
    ALLOWED = "a name the school allows"
    TITLED = "an adult: after a title (Mrs, Dr...)"
    AUTHOR = "an author: after a work's title and 'by'"
    INTRODUCED = "someone a cue introduces (learning about...)"
    ADULT_ROLE = "an adult: next to a role (author, MP...)"
    DATE = "a month in a date (13 April, in May)"
    TITLE = "the title of a show (Oliver! tickets, Act 1 of Oliver)"


class Reason(StrEnum):
    """Why a name was judged a child's; the text is what a finding's details show."""

    PUPIL = "a pupil's first name and surname (roster)"
    FIRST_AND_PUPIL_SURNAME = "a first name followed by a pupil's surname (roster)"
    PUPIL_HASHTAG = "a pupil's name in a hashtag (roster)"
    FIRST_AND_SURNAME = "a first name followed by a surname"
    UNKNOWN_FIRST_AND_SURNAME = "an unknown first name followed by a surname"
    SPLIT_ACROSS_LINE = "an unknown first name and a surname split across a line"
    SHARED_SURNAME = "two first names sharing a surname"
    IN_LIST = "a name in a list of children's names"
    INITIAL = "a first name and the surname's initial"
    INITIAL_SURNAME = "an initial and a surname"
    FAMILY = "a family name"
    TITLED_PARENT = "a child named with a titled parent's surname"
    # "Mrs Okoro, whose daughter Zara started this week, ...": no words can simply replace it.
    TITLED_PARENT_CLAUSE = "a child named in a clause about a titled parent"
    # "Thank you Mr Reid ... Tom's first week", with Tom Reid on the roster.
    ROSTER_FAMILY = "a titled adult sharing a pupil's surname, in a draft naming the pupil (roster)"
    LOWER_CASE = "a full name in lower case"
    REGISTER = "a surname then a first name, as in a register"
    FIRST = "a first name"
    UNKNOWN_WORD = "an unknown capitalised word"
    SURNAME_ADDRESSED = "a surname addressed"
    SURNAME_IN_REPORT = "a pupil's surname alone, for a player in a match report"
    SURNAME_FIRST = "a surname before the first name, as in a register"
    # Weak evidence: a name only in a list with another child's name ("ruby wood").
    ONLY_IN_A_LIST = "weak"

    @property
    def weak(self) -> bool:
        return self is Reason.ONLY_IN_A_LIST


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
    reason: Reason

    @property
    def fix(self) -> str | None:
        return self.first_name
