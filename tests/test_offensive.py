"""Offensive language: whole words with disguises undone; innocent look-alikes never match."""

from __future__ import annotations

import pytest
from conftest import WEEKDAY_MORNING

from tweetguard.catalogue.loader import Catalogue
from tweetguard.core.model import Draft, Violation
from tweetguard.core.settings import Settings
from tweetguard.engine.checker import Engine


def found(catalogue: Catalogue, text: str) -> list[Violation]:
    engine = Engine(catalogue, Settings(select=("offensive",)))
    result, failures = engine.check(Draft(source="t", text=text), WEEKDAY_MORNING)
    assert not failures
    return result.violations


@pytest.mark.parametrize(("text", "word"), [
    ("The weather was crap but we had fun", "crap"),
    ("What a hell of a match!", "hell"),
    ("Sh1t, the fair is off", "Sh1t"),
    ("Our Y5s were bl00dy fantastic", "bl00dy"),
    ("What the f*** is going on?", "f***"),
    ("F**k me, what a day", "F**k"),
    ("Holy sh*t, 800 books!", "sh*t"),
    ("Pi$$ing down at Forest School", "Pi$$ing"),
    ("Year 6 are sh!t hot at fractions", "sh!t"),
    ("C r a p weather today", "C r a p"),
    ("A b-a-s-t-a-r-d of a hill", "b-a-s-t-a-r-d"),
    ("c.r.a.p news: the bus is late", "c.r.a.p"),
    ("Craaaap, no more tickets", "Craaaap"),
    ("Year 2 made a crappy robot", "crappy"),
    ("Sodding rain again", "Sodding"),
    ("Some idiot parked across the gate", "idiot"),
    ("Those losers from Greenhill", "losers"),
    ("The referee was an absolute clown", "clown"),
    ("Stupid people let dogs off the lead", "Stupid"),
    ("Our PTA are kick-ass fundraisers", "ass"),
])
def test_offensive_words_are_found_with_their_span(catalogue: Catalogue, text: str, word: str) -> None:
    violations = found(catalogue, text)
    assert [text[v.start:v.end] for v in violations] == [word]


@pytest.mark.parametrize("text", [
    "A partner school in Scunthorpe and pen pals in Penistone",
    "Year 4 made cocktail-stick bridges; fruit cocktails too",
    "Year 6 assessment week begins Monday",
    "We read The Hodgeheg by Dick King-Smith and Moby-Dick",
    "We counted 2 great tits and 3 blue tits",
    "Spotted dick and custard on the menu",
    "Middlesex, Essex and Sussex were Saxon kingdoms",
    "Our class found a snail shell in the grass. Hello spring!",
    "Brilliant analysis in the document, everyone",
    "Hellebores are out and we researched the Hellenic games",
    "Year 6 visited Cockfosters; Lake Titicaca; Mrs Titmuss retires",
    "Year 3 are making scrapbooks from scrap paper",
    "Our Year 4 Arsenal fans loved the bassoon",
    "A visiting clown taught circus skills",
])
def test_innocent_words_are_not_flagged(catalogue: Catalogue, text: str) -> None:
    assert found(catalogue, text) == []


def test_span_is_reported_on_the_original_text_after_normalising(catalogue: Catalogue) -> None:
    # A fullwidth letter and a zero-width space are normalised before matching.
    text = "Ｃrap\u200b weather"
    violations = found(catalogue, text)
    assert len(violations) == 1
    assert text[violations[0].start:violations[0].end] == "Ｃrap"


# New wording, not from either corpus: disguises and derogatory words, and innocent words
# that contain or resemble them.
@pytest.mark.parametrize("text", [
    "That was a pr!ck of a hill on the fun run.",
    "What a load of b0ll0cks, the bouncy castle popped.",
    "Our minibus is f-ing freezing this morning.",
    "The ref was a right wazzock today.",
    "Total bullsh*t that the match was called off.",
    "What the h e l l happened to the weather?!",
    "Crrrrap, the printer is jammed again.",
    "Bl00dy brilliant performance from Y6!",
])
def test_disguised_and_mild_words_in_new_wording(catalogue: Catalogue, text: str) -> None:
    assert found(catalogue, text)


@pytest.mark.parametrize("text", [
    "Year 3 pricked holes in card to make constellations.",
    "Midget gems were the prize at the tombola.",
    "Year 6 learnt about slag heaps and the Aberfan disaster.",
    "Spicy noodles for lunch on Chinese New Year!",
    "Year 3 made shuttlecocks and played badminton.",
    "Cockfosters is the end of the Piccadilly line.",
])
def test_new_innocent_look_alikes(catalogue: Catalogue, text: str) -> None:
    assert not found(catalogue, text)


def test_a_plain_word_is_read_as_the_disguised_ones_are() -> None:
    """Words with no leetspeak, asterisk or '1' take a short way through the lexicon: the
    same answers as undoing every disguise."""
    from tweetguard.text.swearing import Lexicon, _destretched, _variants

    leet = {"0": "o", "1": "i", "3": "e", "@": "a", "$": "s", "!": "i"}
    lexicon = Lexicon(("crap", "damn", "sod"), ("", "s", "ed", "ing", "y"), leet)
    for token in ("crap", "Crappy", "craaap", "damned", "DAMN!", "@sod", "sodding", "scunthorpe", "cocktail",
                  "assessment", "shell", "Sodium", "crapola", "cr4p", "d@mn", "s0d", "crap1", "c*ap", "!!"):
        slow = any(any(form in lexicon.forms for form in _destretched(reading))
                   for reading in _variants(token, leet) if "*" not in reading) or any(
            lexicon._wildcard(reading) for reading in _variants(token, leet) if "*" in reading)
        assert lexicon._matches(token) == slow, token


def test_a_word_spelt_out_with_a_symbol_is_found_in_a_draft_without_other_one_letter_words() -> None:
    from tweetguard.catalogue.loader import load_catalogue
    from tweetguard.text.swearing import SwearFinder
    catalogue = load_catalogue()
    rule = catalogue.get("offensive-language")
    assert rule is not None
    finder = SwearFinder(rule.params, catalogue.lists)
    assert finder.spans("What a t ! t.") and finder.spans("Honestly t ! t")
