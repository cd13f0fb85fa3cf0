"""Personal data: phone numbers, emails (not the school's), addresses, DOB, a child's health."""

from __future__ import annotations

import pytest
from conftest import WEEKDAY_MORNING

from tweetguard.catalogue.loader import Catalogue
from tweetguard.core.model import Draft
from tweetguard.core.settings import Settings
from tweetguard.engine.checker import Engine


def matches(catalogue: Catalogue, text: str, rule: str = "personal-data") -> list[str]:
    engine = Engine(catalogue, Settings(select=(rule,), school_domains=("oakfield.sch.uk",)))
    result, failures = engine.check(Draft(source="t", text=text), WEEKDAY_MORNING)
    assert not failures
    return [text[v.start:v.end] for v in result.violations]


@pytest.mark.parametrize("number", [
    "07700 900321", "+44 7700 900 321", "07700-900-321", "07700.900.321", "07700900321",
    "+44 (0)7700 900 246", "0044 7700 900321", "020 7946 0958", "(01632) 960123", "01632-960-222",
])
def test_uk_phone_numbers_are_found(catalogue: Catalogue, number: str) -> None:
    assert matches(catalogue, f"For details ring Jo on {number} today.", "phone-number") == [number]


@pytest.mark.parametrize("text", [
    "Dates: 01.04.2026 concert, 15.04.2026 term starts",
    "Y4 won 3-1 and drew 2-2; we raised £1,075.50",
    "Book fair 3:15-4pm in 2025-2026",
    "Our school URN is 117500",
    "Childline is free on 0800 1111 and the council on 0300 123 4567",
    "Any questions? Call the school office on 01632 960000.",
])
def test_things_that_are_not_personal_phone_numbers(catalogue: Catalogue, text: str) -> None:
    assert matches(catalogue, text, "phone-number") == []


@pytest.mark.parametrize(("text", "email"), [
    ("Contact sarah.jones82@gmail.com please", "sarah.jones82@gmail.com"),
    ("email jo dot bloggs at hotmail dot co dot uk", "jo dot bloggs at hotmail dot co dot uk"),
    ("email her: gemma_w [at] btinternet [dot] com", "gemma_w [at] btinternet [dot] com"),
    ("write to jo(at)gmail(dot)com", "jo(at)gmail(dot)com"),
])
def test_emails_plain_and_disguised(catalogue: Catalogue, text: str, email: str) -> None:
    assert matches(catalogue, text, "email-address") == [email]


def test_school_domain_emails_and_ordinary_at_are_fine(catalogue: Catalogue) -> None:
    text = "Email office@oakfield.sch.uk or head@juniors.oakfield.sch.uk. We are at Chester Zoo."
    assert matches(catalogue, text, "email-address") == []


def test_addresses_and_postcodes(catalogue: Catalogue) -> None:
    assert matches(catalogue, "Collect from 22 Beech Avenue, WD4 8LT.", "home-address") == ["22 Beech Avenue", "WD4 8LT"]
    assert matches(catalogue, "Year 5 walked down Church Lane. Year 3 Forest Walk at 3PM.", "home-address") == []


def test_public_places_list_exempts_the_schools_address(catalogue: Catalogue) -> None:
    from dataclasses import replace

    extended = replace(catalogue, lists={**catalogue.lists, "public-places": ("1 School Lane", "HP3 9QD")})
    assert matches(extended, "Find us at 1 School Lane, HP3 9QD.", "home-address") == []


def test_date_of_birth(catalogue: Catalogue) -> None:
    assert matches(catalogue, "Oscar, born on 12/05/2018, is our oldest", "date-of-birth") == ["born on 12/05/2018"]
    assert matches(catalogue, "Happy 60th birthday to our school!", "date-of-birth") == []


@pytest.mark.parametrize("text", [
    "Maya, who has autism, performed brilliantly!",
    "Please keep Tom away from the pets - he's severely asthmatic.",
    "Leo gets free school meals, so please don't charge him.",
    "Thank you to Priya's foster carers for helping!",
    "Zain is back at school after his operation last week.",
    # The child named far back, the condition told of him mid-sentence by a pronoun.
    "Noah's dad has asked us to let everyone in the class know that he's now epileptic.",
])
def test_sensitive_information_about_a_named_child(catalogue: Catalogue, text: str) -> None:
    assert matches(catalogue, text, "child-sensitive-information")


@pytest.mark.parametrize("text", [
    "Flu vaccinations for Reception next Tuesday.",
    "Our SEND information report is on the website.",
    "Families eligible for free school meals can apply now.",
    "Mrs Lewis needs the medical forms by Friday.",
    "Ravi's class raised £450 for Great Ormond Street Hospital.",
    "He's been on the phone to the surgery: flu jabs for Year 2 are on Tuesday.",
    "Dr Anand said he is happy to talk about asthma at parents' evening.",  # a doctor, no condition told
    "Our SENCo Mrs Ahmed says she's happy to talk to any parent about SEN support.",
])
def test_general_health_notices_are_fine(catalogue: Catalogue, text: str) -> None:
    assert matches(catalogue, text, "child-sensitive-information") == []


# New wording, not from either corpus: numbers in words or with the letter o, an address
# said in words, a date of birth after its label, an injury or condition of a named child.
@pytest.mark.parametrize("text", [
    "For lifts, text Marek: zero seven seven double zero, nine double zero, three one four.",
    "Kit queries: ring 077OO-9OO-218.",
    "Call 0 7 7 0 0 9 0 0 4 1 8 for tickets.",
    "Ping jess dot hall at outlook dot com for the rota.",
    "PTA chair: kat.b (at) yahoo (dot) co (dot) uk",
    "Our new caretaker lives on Fenwick Road, so he's always nearby!",
    "Party at Ruby's house: QX3 9BT from 2pm.",
    "Registration: Tomasz Nowak, DOB 14/02/2018.",
    "Get well soon, Oskar, who broke his arm at the weekend.",
    "Well done to Priya, who now wears hearing aids and is doing brilliantly.",
    "Maisie in Year 1 has been referred to CAMHS.",
])
def test_disguised_and_described_personal_data(catalogue: Catalogue, text: str) -> None:
    assert matches(catalogue, text)


@pytest.mark.parametrize("text", [
    "Call Childline free on 0800 1111.",
    "Count down with Reception: ten, nine, eight, seven, six, five, four, three, two, one, zero!",
    "Oh, one more thing: PE is on Tuesday.",
    "Year 5 walked along Station Road to the library.",
    "Autism Awareness Week: we're learning about how everyone's brain is different.",
    "The match is at 10:30 on 12/03/2026 at Greenhill.",
    "Our lollipop lady works on Station Road every morning.",
])
def test_new_hard_negatives_are_fine(catalogue: Catalogue, text: str) -> None:
    assert not matches(catalogue, text)


@pytest.mark.parametrize("text", [
    "Tamsin, who has dyslexia, read aloud beautifully.",
    "Please keep Oyelade Bakare (Y1) away from the nut table: he carries an EpiPen.",
])
def test_health_words_about_a_child_the_gazetteer_lacks(text: str) -> None:
    """Tamsin and Oyelade are in no name list: ", who" and a class label say they are people."""
    from tweetguard.catalogue.loader import load_catalogue

    engine = Engine(load_catalogue(), Settings(select=("child-sensitive-information",)))
    result, _ = engine.check(Draft(source="t", text=text), WEEKDAY_MORNING)
    assert [v.rule for v in result.violations] == ["child-sensitive-information"]
