"""Confidential matters: staff discipline and governors' business, not science investigations."""

from __future__ import annotations

import pytest
from conftest import WEEKDAY_MORNING

from tweetguard.catalogue.loader import Catalogue
from tweetguard.core.model import Draft
from tweetguard.core.settings import Settings
from tweetguard.engine.checker import Engine


def flagged(catalogue: Catalogue, text: str) -> bool:
    engine = Engine(catalogue, Settings(select=("confidential",)))
    result, failures = engine.check(Draft(source="t", text=text), WEEKDAY_MORNING)
    assert not failures
    return bool(result.violations)


@pytest.mark.parametrize("text", [
    "We will share the outcome of the disciplinary hearing soon.",
    "Mr Jones has been suspended.",
    "A grievance has been raised by a member of staff.",
    "Governors discussed the matter in the confidential part of the meeting.",
    "Our caretaker was dismissed last week.",
    "A Year 6 pupil has been excluded after the incident.",
    "Mrs Shah is under investigation.",
])
def test_confidential_business_is_flagged(catalogue: Catalogue, text: str) -> None:
    assert flagged(catalogue, text)


@pytest.mark.parametrize("text", [
    "Year 4 investigation into friction: great predictions!",
    "Our confidential reporting line is on the safeguarding page.",
    "Swimming is suspended this week while the pool is repaired.",
    "Year 5 built suspension bridges.",
    "Year 6 studied the Suffragettes, some suspended from their jobs.",
    "The headteacher at St Mary's should be sacked, says one post.",
    "The Annual Governors' Meeting is open to all parents.",
])
def test_ordinary_uses_are_fine(catalogue: Catalogue, text: str) -> None:
    assert not flagged(catalogue, text)


# New wording, not from either corpus: the general signals (a staff member beside an HR,
# health, pay or recruitment matter; a draft that says it is secret; a person suspended).
@pytest.mark.parametrize("text", [
    "Mr Briggs has been sent home pending the outcome of a disciplinary process.",
    "Our cook was let go after an inquiry into missing money from the kitchen.",
    "The Year 2 teacher remains suspended while the council investigates.",
    "Ms Farrow has been off sick with depression since January.",
    "The head is in hospital after a heart attack, so Mrs Lyle is acting head.",
    "Interview candidates for the headship: Mr Price and Mrs Ojo. Decision Friday.",
    "A parent has made an allegation against one of our lunchtime supervisors.",
    "Governors agreed in part 2 to cut three support staff posts.",
    "Strictly confidential: Ofsted have told us we are Outstanding!",
    "Sorry, Y4: Mrs Webb won't be back, she was dismissed on Friday.",
    "Miss Adeyemi's salary is being reviewed by the pay committee.",
    "#Staffing Caretaker sacked after CCTV review.",
    "Our bursar is being investigated over missing funds.",
    "Mr Toll has left with immediate effect. Supply cover from Monday.",
])
def test_staff_and_governor_matters_in_new_wording(catalogue: Catalogue, text: str) -> None:
    assert flagged(catalogue, text)


@pytest.mark.parametrize("text", [
    "Year 6 have been investigating how shadows change through the day.",
    "Mr Khan was shortlisted for Primary Teacher of the Year! Fingers crossed.",
    "The minutes of the last governing body meeting are now on the website.",
    "Ofsted's report is published today: we are proud to be Good in every area.",
    "Football practice is suspended until the pitch dries out.",
    "Staff parking is suspended on Friday for the fun run.",
    "Mrs Lowe retires in July after 25 years. Come to her farewell assembly!",
    "Please don't share photos of other people's children online.",
    "Congratulations to Mrs Grant, who is expecting a baby in the summer!",
    "Mrs Dean is running the Race for Life for Cancer Research UK.",
    "The match between us and Brook Hill ended 2-2!",
    "Interviews for our Year 6 newspaper: pupils asked Mr Lee about his job.",
    "Part 2 of our Egypt topic starts next week!",
    "Your answers to the parent survey are anonymous and confidential.",
])
def test_public_news_in_new_wording_is_fine(catalogue: Catalogue, text: str) -> None:
    assert not flagged(catalogue, text)
