"""Confidential matters: staff discipline and governors' business, not science investigations."""

from __future__ import annotations

import pytest

from conftest import WEEKDAY_MORNING
from tweetguard.catalogue import Catalogue
from tweetguard.engine import Engine
from tweetguard.model import Draft
from tweetguard.settings import Settings


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
