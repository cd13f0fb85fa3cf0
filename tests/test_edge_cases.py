"""Edge cases found by reviewing the name forms and rule patterns added for unseen drafts."""

from __future__ import annotations

import pytest
from conftest import WEEKDAY_MORNING
from namefinder import find_pupil_names

from tweetguard.catalogue.loader import load_catalogue
from tweetguard.core.model import Draft
from tweetguard.core.settings import Settings
from tweetguard.engine.checker import Engine


def rules_hit(text: str, settings: Settings | None = None) -> set[str]:
    engine = Engine(load_catalogue(), settings or Settings())
    result, failures = engine.check(Draft(source="t", text=text), WEEKDAY_MORNING)
    assert not failures
    return {v.rule for v in result.violations}


@pytest.mark.parametrize("text", [
    "WOW, Ellie! What a brilliant swim.",  # a shout, then a child addressed
    "Our readers of the week – Harrison, Ellis.",  # two first names, not "Surname, First"
    "Great trip today #Y6MrJohnSmith",  # a hashtag's part after a digit is not an ordinal
])
def test_no_full_name_is_invented(text: str) -> None:
    assert find_pupil_names(text) == []


def test_a_possessive_stays_when_a_lower_case_full_name_is_fixed() -> None:
    text = "Well done to zainab akhtar's painting today"
    (match,) = find_pupil_names(text)
    assert text[:match.start] + (match.fix or "") + text[match.end:] == "Well done to zainab's painting today"


def test_that_joining_clauses_is_not_a_determiner() -> None:
    assert "targeted-child" in rules_hit("So pleased that Jack finally behaved in class today.")


def test_a_school_named_like_a_child_does_not_hide_that_name() -> None:
    settings = Settings(school_domains=("alexandra.sch.uk",))
    assert "targeted-child" in rules_hit("Happy birthday Alexandra!", settings)
    assert "child-full-name" in rules_hit("Well done Alexandra Smith for your poem!", settings)


@pytest.mark.parametrize(("text", "rule"), [
    ("Following an enquiry from Mrs Patel, we have added a vegetarian option to the menu.", "staff-discipline"),
    ("Year 2 painted the beach on the A4 sheets.", "live-location"),
    ("Mrs Patel said she would visit us again next term.", "negative-tone"),
    ("Year 4 were 'over the moon' with their rock 'n' roll show.", "negative-tone"),
])
def test_look_alikes_are_not_flagged(text: str, rule: str) -> None:
    assert rule not in rules_hit(text)


def test_a_childs_birthday_near_a_pet_is_still_a_date_of_birth() -> None:
    assert "date-of-birth" in rules_hit("Oscar, who loves his dog, was born on 12/05/2018.")
    assert "date-of-birth" not in rules_hit("Our school dog Biscuit was born on 2 April 2023!")
