"""Surnames where the full-name finder does not look: a player's surname alone in a match
report, and a surname written before the first name."""

from __future__ import annotations

import pytest
from conftest import WEEKDAY_MORNING

from tweetguard.catalogue.loader import Catalogue
from tweetguard.core.model import Draft
from tweetguard.core.roster import Pupil, Roster
from tweetguard.core.settings import Settings
from tweetguard.engine.checker import Engine

ROSTER = Roster((Pupil("Kai", "Walker"), Pupil("Jayden", "Hall"), Pupil("Harper", "Lane"), Pupil("Tom", "Reid")))


def _flagged(catalogue: Catalogue, text: str, roster: Roster | None = ROSTER) -> list[str]:
    engine = Engine(catalogue, Settings(select=("names",)), roster)
    result, _ = engine.check(Draft(source="t", text=text), WEEKDAY_MORNING)
    return [text[v.start:v.end] for v in result.violations]


@pytest.mark.parametrize("text, names", [
    ("Football: 3-1 win! Walker was outstanding in goal.", ["Walker"]),
    ("netball v st mary's: 8-6 win!! hall and lane were unstoppable", ["hall", "lane"]),
    ("reid's free kick in the 89th minute. unreal. #oakfieldfootball", ["reid"]),
    ("Great match! Mensah scored twice.", ["Mensah"]),  # no roster needed: a surname only
    # Credited with a piece of play, after "from" or "by", which otherwise rule a name out.
    ("HT: 2-0 up. A lovely header from Walker and a goal by Lane.", ["Walker", "Lane"]),
    ("hall and lane picked for the county tennis squad!", ["hall", "lane"]),
    # Called out as a sentence of its own or with "again", or doing something ("-ing", "-ed").
    ("GOAL! Walker again! 3-1 with ten minutes left.", ["Walker"]),
    ("Lane. Again. 2-0 up!", ["Lane"]),
    ("Reid keeping another clean sheet, 1-0 with five to go.", ["Reid"]),
    ("Cup semi-final: Hall equalised with a fine header.", ["Hall"]),
])
def test_a_players_surname_in_a_report(catalogue: Catalogue, text: str, names: list[str]) -> None:
    assert _flagged(catalogue, text) == names


@pytest.mark.parametrize("text", [
    "Walker was late to assembly today.",  # no game or race: not a report
    "Football: 3-1 win! Mrs Walker was our referee.",  # after a title: an adult
    "Netball moves to the hall: the field was waterlogged.",  # after a determiner
    "Football: 3-1 win! A goal from the hall end, and letters from Lane End residents.",  # no play credited
    "Football: 3-1 win! Kai Walker scored twice.",  # a full name: the full-name rule's finding
    "Football 3-1 win! The Hall was packed. Walker Road is closed again.",  # a place, not called out
])
def test_not_a_players_surname(catalogue: Catalogue, text: str) -> None:
    found = _flagged(catalogue, text)
    assert "Walker" not in found or "Kai Walker" in found
    assert "hall" not in found and "Mrs Walker" not in found


@pytest.mark.parametrize("text, name", [
    ("CHEN Mei and WONG Leo represented the school.", "CHEN Mei"),
    ("Congratulations to Nagy Bence (Y4) on his certificate.", "Nagy Bence"),
])
def test_a_surname_before_the_first_name(catalogue: Catalogue, text: str, name: str) -> None:
    assert name in _flagged(catalogue, text, None)


@pytest.mark.parametrize("text, name", [
    ("Our Y2 poetry prize goes to Nguyễn Thảo Vy for her poem", "Nguyễn Thảo"),
    ("Nagy Bence read a poem.", "Nagy Bence"),
    ("Well done Szabó Réka!", "Szabó Réka"),
    ("Wang Xiuying won the art prize", "Wang Xiuying"),
])
def test_a_surname_of_a_culture_that_writes_it_first_needs_no_other_cue(catalogue: Catalogue, text: str,
                                                                         name: str) -> None:
    assert _flagged(catalogue, text, None) == [name]


@pytest.mark.parametrize("text", [
    "Evans Ruby read a poem.",  # a surname the list does not hold: capitals or a class label needed
    "Year 5 studied the Tang Dynasty.",  # an everyday word after it
    "Thank you to Mr Wang Lei for the calligraphy workshop.",  # an adult, by title
    "Y4 visited Chen Park on Friday.",  # a place
])
def test_a_surname_first_needs_a_cue(catalogue: Catalogue, text: str) -> None:
    assert _flagged(catalogue, text, None) == []


def test_a_pupils_surname_then_first_name_counts_in_any_case(catalogue: Catalogue) -> None:
    assert _flagged(catalogue, "spelling stars this week: reid tom, walker kai and hall jayden") == [
        "reid tom", "walker kai", "hall jayden"]
    assert _flagged(catalogue, "spelling stars this week: reid tom", None) == []  # only the roster knows


def test_a_possessive_first_name_before_a_pupils_surname_word_is_not_a_full_name(catalogue: Catalogue) -> None:
    roster = Roster((Pupil("Isla", "Green"),))
    assert _flagged(catalogue, "Isla's green fingers in the garden today", roster) == []
    assert _flagged(catalogue, "well done isla green", roster) == ["isla green"]

