"""Finding people's names in a draft, and telling a child's name from an adult's or a place's.

A recogniser in the manner of Presidio: a candidate is a capitalised word sequence (or the
CamelCase parts of a hashtag); evidence for it is a known first name followed by a word that
looks like a surname; evidence against it is context: a title or a role before it ("Mrs",
"author"), a place or organisation word after it ("Primary", "Zoo"), a known place, famous
person or character, or a phrase like "learning about" that introduces one. With a roster,
a pupil's own first name and surname together, or their surname used as a family name
("the okoro twins"), is found in any letter case.

Modules, by job: gazetteer (the shipped word lists, folding), tokens, lexicon (the
catalogue's context lists and the roster, prepared once), verdicts (Form, Role, Reason,
NameMatch), evidence and cues (what makes or rules out a name), full (full names), forms
(register style, hashtags, family names, titled parents' children, lower case), first
(first names alone), analysis (ties them), mentions (who one mention names: a pet, one of a
list, a place... for the targeted rule), context (the lighter first-name finder rules use as
context) and lighter (the gazetteer-only finder ``--redact`` runs beside the recogniser).

Public API (used by the names, targeted and media rules and by ``--redact``): build a
:class:`Lexicon` once per catalogue (:func:`build_lexicon`) and a :class:`RosterIndex` once
per roster (:func:`build_roster_index`), then :class:`NameAnalysis` per text, or:

- :func:`find_pupil_names` -> children's full names and family names (``NameMatch``);
- :func:`find_first_names` -> single first-name mentions that are not adults' names;
- :func:`find_person_names` -> both, for masking.

All take the text to search (the normalised view) and return spans in that text.
"""

from __future__ import annotations

from tweetguard.text.names.analysis import NameAnalysis
from tweetguard.text.names.gazetteer import FREQUENT_RANK, Gazetteer, fold, gazetteer
from tweetguard.text.names.lexicon import (
    Lexicon,
    RosterIndex,
    build_lexicon,
    build_roster_index,
)
from tweetguard.text.names.tokens import Token, tokenise
from tweetguard.text.names.verdicts import Form, NameMatch, Reason, Role


def find_pupil_names(text: str, lex: Lexicon, roster: RosterIndex | None = None) -> list[NameMatch]:
    """Children's names that go beyond a first name: full names and family names."""
    return list(NameAnalysis(text, lex, roster).pupil_names)


def find_first_names(text: str, lex: Lexicon, roster: RosterIndex | None = None) -> list[NameMatch]:
    """First names used alone that are not an adult's, a place's or a known person's."""
    return NameAnalysis(text, lex, roster).first_names()


def find_person_names(text: str, lex: Lexicon, roster: RosterIndex | None = None) -> list[NameMatch]:
    """Every child's name found (full, family and first names alone), in text order."""
    return NameAnalysis(text, lex, roster).person_names()


__all__ = [
    "FREQUENT_RANK", "Form", "Gazetteer", "Lexicon", "NameAnalysis", "NameMatch", "Reason", "Role", "RosterIndex",
    "Token", "build_lexicon", "build_roster_index", "find_first_names", "find_person_names", "find_pupil_names",
    "fold", "gazetteer", "tokenise",
]
