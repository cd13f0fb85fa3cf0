"""The name finders as the tests call them: with the default catalogue's lists (built once),
and a roster given as a Roster."""

from __future__ import annotations

from functools import cache

from tweetguard.catalogue.loader import load_catalogue
from tweetguard.core.roster import Roster
from tweetguard.text import names
from tweetguard.text.names import Lexicon, NameMatch


@cache
def default_lexicon() -> Lexicon:
    return names.build_lexicon(load_catalogue().lists)


def _index(roster: Roster | None) -> names.RosterIndex | None:
    return names.build_roster_index(roster) if roster is not None else None


def find_pupil_names(text: str, roster: Roster | None = None) -> list[NameMatch]:
    return names.find_pupil_names(text, default_lexicon(), _index(roster))


def find_first_names(text: str, roster: Roster | None = None) -> list[NameMatch]:
    return names.find_first_names(text, default_lexicon(), _index(roster))


def find_person_names(text: str, roster: Roster | None = None) -> list[NameMatch]:
    return names.find_person_names(text, default_lexicon(), _index(roster))
