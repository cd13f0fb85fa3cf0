"""Location, debate and quoting: the warnings that go beyond the policy's wording."""

from __future__ import annotations

import pytest
from conftest import WEEKDAY_MORNING

from tweetguard.catalogue.loader import Catalogue
from tweetguard.core.model import Draft
from tweetguard.core.settings import Settings
from tweetguard.engine.checker import Engine


def flagged(catalogue: Catalogue, category: str, text: str, reply_to: str | None = None) -> bool:
    engine = Engine(catalogue, Settings(select=(category,)))
    result, failures = engine.check(Draft(source="t", text=text, reply_to=reply_to), WEEKDAY_MORNING)
    assert not failures
    assert all(v.severity == "warning" for v in result.violations)
    return bool(result.violations)


@pytest.mark.parametrize(("text", "expected"), [
    ("We're by the lake until 3pm!", True),
    ("Year 6 are at the Science Museum now, lunch in the café at 1pm.", True),
    ("Live from the O2! Our choir are in block 104 and the show starts at 7.", True),
    ("Year 6 had a great day at the Science Museum.", False),
    ("Trip to the zoo next Tuesday: packed lunches please.", False),
    ("Year 3 are in the hall rehearsing right now!", False),
    ("Our term dates are now on the website.", False),
])
def test_location(catalogue: Catalogue, text: str, expected: bool) -> None:
    assert flagged(catalogue, "location", text) is expected


def test_debate_only_checks_replies(catalogue: Catalogue) -> None:
    text = "We disagree: the decision on uniform was consulted on last year."
    assert flagged(catalogue, "debate", text, reply_to="@parent")
    assert not flagged(catalogue, "debate", text)
    assert not flagged(catalogue, "debate", "Thank you! We're very proud of them.", reply_to="@parent")


def test_debate_message_suggests_the_school_office(catalogue: Catalogue) -> None:
    engine = Engine(catalogue, Settings(select=("debate",)))
    result, _ = engine.check(Draft(source="t", text="That's not true.", reply_to="@x"), WEEKDAY_MORNING)
    assert "office" in result.violations[0].message


@pytest.mark.parametrize(("text", "expected"), [
    ("According to a post on Facebook, the head is leaving.", True),
    ("RT @x: the new crossing is a death trap", True),
    ("Reports online say the school is being taken over.", True),
    ("Someone on the parents' WhatsApp said the trip is off.", True),
    ("Thank you @WatfordFCCT for today's visit. Retweets appreciated!", False),
    ("Year 6 wrote newspaper reports about the Gunpowder Plot.", False),
    ("Thank you to the Gazette for featuring our Eco Council!", False),
])
def test_quoting(catalogue: Catalogue, text: str, expected: bool) -> None:
    assert flagged(catalogue, "quoting", text) is expected


def test_quoting_cites_clause_12(catalogue: Catalogue) -> None:
    rule = catalogue.get("repeated-claim")
    assert rule is not None and "repeating libellous information" in rule.policy


# New wording, not from either corpus: replies that take a position are debate; thanks,
# facts and pointing to the office are not.
@pytest.mark.parametrize(("text", "expected"), [
    ("Our charging policy is set by governors and applies to every family, so we can't make exceptions.", True),
    ("That isn't what happened: the whole class stayed in.", True),
    ("We hear your concerns, but the new drop-off times are staying.", True),
    ("The nativity isn't 'cancelled'; it has moved to the church because the hall is being rewired.", True),
    ("Spelling tests are a DfE requirement, so we'll continue to run them weekly.", True),
    ("Homework club is voluntary and no child has ever been punished for missing it.", True),
    ("It's a safeguarding rule, not a punishment.", True),
    ("Thank you, that's so kind! We'll pass it on to Year 2.", False),
    ("Hi Sarah, the trip letter is on the website under Letters Home.", False),
    ("Yes, the disco starts at 6pm and tickets are £2 on the door.", False),
    ("Please contact the school office on Monday and we'll be happy to help.", False),
    ("Sorry, the uniform shop is closed this week; it reopens on Monday.", False),
    ("Thanks for letting us know. We'll keep an eye out for the lost scarf.", False),
])
def test_debate_new_wordings(catalogue: Catalogue, text: str, expected: bool) -> None:
    assert flagged(catalogue, "debate", text, reply_to="@someone") is expected


@pytest.mark.parametrize(("text", "expected"), [
    ("A comment on the Sandhill Parents Facebook page says our lunches are cold. We are checking.", True),
    ("Overheard on the local WhatsApp: 'the head is off to another school'. She isn't!", True),
    ("MT @TownNews: Primary school fined over playground safety", True),
    ("QT @someone: 'worst parking in the county'", True),
    ("A Google reviewer writes that our office is 'always closed'. We'd love to hear more.", True),
    ("An article in the local paper claims the crossing will be removed.", True),
    ("Our caretaker says the new boiler is working brilliantly!", False),
    ("Mrs Obi says well done to everyone who took part in the fun run.", False),
    ("Year 4 wrote book reviews of Charlotte's Web for our website.", False),
    ("Year 6 have been writing match reports for our online newsletter.", False),
    ("Our Year 3 class read 'The Owl Who Was Afraid of the Dark' together.", False),
    ("Online safety week: Mrs Khan says think before you click!", False),
    ("Lots of parents said how much they enjoyed the concert. Thank you!", False),
])
def test_quoting_new_wordings(catalogue: Catalogue, text: str, expected: bool) -> None:
    assert flagged(catalogue, "quoting", text) is expected


# New wording, not from either corpus: a live cue (now, later today with a time, on the
# move, settled for the night, a present-tense activity) beside an away-from-school place.
@pytest.mark.parametrize(("text", "expected"), [
    ("Year 5 are exploring the rock pools at Robin Hood's Bay!", True),
    ("We're currently queuing for the cable car at Emirates Air Line.", True),
    ("Our choir are on stage at the Royal Albert Hall in 20 minutes!", True),
    ("Year 4 will be at Kew Gardens until 2:30 today, then back to school.", True),
    ("On our way to Legoland! Arriving at 10:15.", True),
    ("Year 2 are on the ferry to the Isle of Wight.", True),
    ("Parents: please pick up from Chiltern Leisure Centre at 4pm after the swimming gala.", True),
    ("Here at Whipsnade with Year 1 - the lions are asleep!", True),
    ("Residential night 1: all tucked up in bed at Kingswood. Night night!", True),
    ("Year 4 went to the Roman Baths last Thursday and loved it.", False),
    ("Year 6 will visit the Houses of Parliament on 14th May.", False),
    ("Y5 will be at PGL from Monday to Friday next week. Kit lists are online.", False),
    ("Year 3 are in the library reading their new books.", False),
    ("Our Reception class are learning about the seaside this term.", False),
    ("Year 4's artwork is on display at Watford Museum until 30 June.", False),
    ("Raffle prizes can be collected from Karen at 22 Beech Avenue.", False),
    ("The school day runs from 8:40am until 3:20pm from September.", False),
    ("The coach will leave school at 8:30am on Thursday for London Zoo.", False),
])
def test_location_in_new_wording(catalogue: Catalogue, text: str, expected: bool) -> None:
    assert flagged(catalogue, "location", text) is expected
