"""The names found in one text, tying the finders together: built once per draft.

Order matters: roles first (a word context rules out is never a child's name), then
register-style names (which win over anything they overlap), full names, family names,
titled parents' children and lower-case full names; first names alone and unknown words
are looked for on first ask, outside the names already found.
"""

from __future__ import annotations

from functools import cached_property

from tweetguard.text.names.cues import mark_roles
from tweetguard.text.names.evidence import Evidence
from tweetguard.text.names.first import first_names, unknown_words
from tweetguard.text.names.forms import (
    children_of_titled_parents,
    family_names,
    lower_case_full_names,
    plural_families,
    register_style,
)
from tweetguard.text.names.full import full_names
from tweetguard.text.names.gazetteer import Gazetteer, gazetteer
from tweetguard.text.names.lexicon import Lexicon, RosterIndex
from tweetguard.text.names.reports import surname_first, surnames_in_reports
from tweetguard.text.names.roster_family import roster_families
from tweetguard.text.names.tokens import Token, tokenise
from tweetguard.text.names.verdicts import NameMatch, Role


class NameAnalysis:
    """Everything the recogniser found in one text; shared by the rules that ask."""

    def __init__(self, text: str, lex: Lexicon, roster: RosterIndex | None = None,
                 tokens: list[Token] | None = None) -> None:
        self.text = text
        self.lex = lex
        self.roster = roster
        self.gaz: Gazetteer = gazetteer()
        self.tokens = tokenise(text) if tokens is None else tokens
        self.evidence = Evidence(text, self.tokens, lex, self.gaz, roster)
        mark_roles(self.evidence)
        register = register_style(self.evidence)
        others = (full_names(self.evidence) + surname_first(self.evidence) + family_names(self.evidence)
                  + plural_families(self.evidence)
                  + children_of_titled_parents(self.evidence) + lower_case_full_names(self.evidence))
        # One finding a span: a roster pupil in lower case is also a lower-case full name.
        others = list({(m.start, m.end): m for m in reversed(others)}.values())[::-1]
        found = register + [m for m in others if not any(r.start < m.end and m.start < r.end for r in register)]
        # A titled adult sharing a pupil's surname, unless a finder above has read them already.
        found += [m for m in roster_families(self.evidence)
                  if not any(f.start < m.end and m.start < f.end for f in found)]
        surnames = surnames_in_reports(self.evidence, lex.report_words, lex.team_list_words)
        self.pupil_names = found + [m for m in surnames if not any(f.start < m.end and m.start < f.end for f in found)]
        self.pupil_names.sort(key=lambda m: m.start)

    @cached_property
    def _first_names(self) -> list[NameMatch]:
        return first_names(self.evidence, self.pupil_names)

    def first_names(self) -> list[NameMatch]:
        """Capitalised first names (or a roster pupil's first name in any case) used alone."""
        return list(self._first_names)

    def person_names(self) -> list[NameMatch]:
        """Every child's name found (full, family and first names alone), in text order."""
        return sorted(self.pupil_names + self._first_names, key=lambda m: m.start)

    def unknown_words(self) -> list[NameMatch]:
        """Capitalised words no list knows, outside the names found (see first.unknown_words)."""
        covered = {m.start for m in self.pupil_names} | {m.start for m in self._first_names}
        return unknown_words(self.evidence, covered)

    def ruled_out(self) -> list[tuple[str, Role]]:
        """Each word context ruled out as a child's name, and why: for a maintainer reading a
        misjudged draft ("Holes by Louis Sachar": Louis, Sachar -> an author)."""
        return [(t.text, t.role) for t in self.tokens if t.role is not None]
