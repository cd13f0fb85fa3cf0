"""The targeted rule: personal messages to or about one named child."""

from __future__ import annotations

from dataclasses import replace

import pytest

from conftest import WEEKDAY_MORNING
from tweetguard.catalogue import Catalogue
from tweetguard.engine import Engine
from tweetguard.model import Draft
from tweetguard.roster import Pupil, Roster
from tweetguard.settings import Settings

ROSTER = Roster((Pupil("Tomasz", "Nowicki", True), Pupil("Chidera", "Eze", True), Pupil("Maya", "Green", True)))

TARGETED = [
    # the policy's and issue 3's own examples
    "Well done Josh a better lesson today",
    "Sam, remember your swimming kit",
    "nice to see Ellie sitting still in assembly",
    "Much calmer today, Kai",
    "Happy birthday Amara!",
    # direct address with an instruction or reminder
    "Tomasz, don't forget your violin on Friday! 🎻",
    "Chidera – please bring your reading folder back tomorrow.",
    "Oluwaseun, your coat is in lost property.",
    "Rhiannon, please come to the office at break.",
    # conduct, behaviour and effort
    "So pleased with how Dawid settled in class this morning.",
    "Great listening from Saoirse in assembly – a real improvement!",
    "Lovely to see Hamza sharing the footballs instead of keeping them.",
    "Much better focus from Ines today. Keep it up!",
    "Well done Ayaan, you actually finished your work today!",
    # personal greetings
    "Happy 9th birthday to Mehmet in Year 4! 🎂",
    "Wishing Nadia a very happy birthday today!",
    "Get well soon Kacper, we miss you ❤️",
    "Welcome back to school, Zeynep!",
    "Congratulations on becoming a big brother, Yaw!",
    # a full name counts too (the names rule reports the surname separately)
    "Chidera Eze, please remember your PE kit.",
]

NOT_TARGETED = [
    "Congratulations to Maya in Year 5, who won the regional spelling bee",
    "Year 2, don't forget your wellies tomorrow",
    "Mrs Patel, thank you for a wonderful concert.",
    "Well done to Tomasz for reaching Level 5 in swimming! 🏊",
    "Congratulations to Saoirse, who was selected for the county netball team!",
    "Kofi, Ama and Yaw led our Black History Month assembly beautifully.",
    "Star of the Week certificates for Ines, Dawid and Hamza! ⭐",
    "Oluwaseun and Zeynep, our new Head Girl and Head Boy! 🎉",
    "Don't forget the Summer Fair on Saturday!",
    "Reminder: SATs begin on 11th May. Good luck, Year 6!",
    "Reception, remember to bring your teddy for the Teddy Bears' Picnic!",
    "Thank you, Joe Wicks, for keeping us moving this morning!",
    "Brilliant science homework from Nadia – a working model of the solar system!",
    "Well done Mehmet for being the first in Year 2 to learn all his number bonds!",
    "Year 4 loved listening to author Jo Bright read her new book.",
    "Our Young Voices choir sang beautifully at the O2!",
    "Please remember that school closes at 1pm on Friday.",
]


def _engine(catalogue: Catalogue, roster: Roster | None = None) -> Engine:
    rules = tuple(r for r in catalogue.rules if r.category == "targeted")
    return Engine(replace(catalogue, rules=rules), Settings(), roster)


@pytest.mark.parametrize("text", TARGETED)
def test_targeted(catalogue: Catalogue, text: str) -> None:
    result, failures = _engine(catalogue).check(Draft(source="t", text=text), WEEKDAY_MORNING)
    assert not failures
    assert [v.category for v in result.violations] == ["targeted"]
    violation = result.violations[0]
    assert violation.severity == "error"
    assert text[violation.start:violation.end][0].isupper()  # the span is the child's name


@pytest.mark.parametrize("text", NOT_TARGETED)
def test_not_targeted(catalogue: Catalogue, text: str) -> None:
    result, failures = _engine(catalogue).check(Draft(source="t", text=text), WEEKDAY_MORNING)
    assert not failures and result.violations == []


@pytest.mark.parametrize(("text", "reply_to", "expected"), [
    ("Thanks, Leo was much better today", "@jsmith", True),
    ("So glad Layla enjoyed the disco!", "@layla_mum", True),
    ("Thank you for your kind words – we'll pass them on!", "@GrandmaJoan", False),
    ("Thank you! We're very proud of our Year 6 team.", "@LocalFC", False),
])
def test_replies_naming_a_child(catalogue: Catalogue, text: str, reply_to: str, expected: bool) -> None:
    result, _ = _engine(catalogue).check(Draft(source="t", text=text, reply_to=reply_to), WEEKDAY_MORNING)
    assert bool(result.violations) is expected


def test_roster_first_name_that_is_a_word(catalogue: Catalogue) -> None:
    # "Maya" is also an everyday word in the word list; the roster makes it a pupil's name.
    text = "Great listening from Maya in phonics – a big improvement!"
    result, _ = _engine(catalogue, ROSTER).check(Draft(source="t", text=text), WEEKDAY_MORNING)
    assert [v.category for v in result.violations] == ["targeted"]


def test_message_explains_why(catalogue: Catalogue) -> None:
    result, _ = _engine(catalogue).check(Draft(source="t", text="Happy birthday Amara!"), WEEKDAY_MORNING)
    (violation,) = result.violations
    assert "Amara" in violation.message and "personal greeting" in violation.message
