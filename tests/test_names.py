"""The person-name detector (tweetguard.text.names) and the names rules built on it."""

from __future__ import annotations

from dataclasses import replace

import pytest
from conftest import WEEKDAY_MORNING
from namefinder import find_first_names, find_person_names, find_pupil_names

from tweetguard.catalogue.loader import Catalogue, load_catalogue
from tweetguard.core.model import Draft
from tweetguard.core.roster import Pupil, Roster
from tweetguard.core.settings import Settings
from tweetguard.engine.checker import Engine

# Fictional pupils only.
ROSTER = Roster((
    Pupil("Tom", "Reid", True),
    Pupil("Amara", "Okoro", True),
    Pupil("River", "Stone", True),
    Pupil("Jayden", "Hall", False),
    Pupil("Ellie", "Thornton", False),
    Pupil("Funmi", "Bakare", True),
))

# (text, the names expected, as written)
FULL_NAMES = [
    ("Well done to Ellie Thornton for her poem!", ["Ellie Thornton"]),
    ("Look at Kwame Mensah's model of a volcano", ["Kwame Mensah"]),
    ("Maya Singh, Tom Reid and Ella Ward won the relay", ["Maya Singh", "Tom Reid", "Ella Ward"]),
    ("Star of the week: Sam Price (Y3)", ["Sam Price"]),
    ("Lily-Rose McDonagh sang beautifully", ["Lily-Rose McDonagh"]),
    ("Well done Aleksander Nowak-Lee!", ["Aleksander Nowak-Lee"]),
    ("A super poem by Sean O'Neill in Year 6", ["Sean O'Neill"]),
    ("So proud of Siobhan O’Sullivan today", ["Siobhan O’Sullivan"]),
    ("#WellDoneEllieThornton", ["EllieThornton"]),
    ("Huge congratulations #GoMateoFernandez 🎉", ["MateoFernandez"]),
    ("Brilliant work from Ifeoma\nOkonkwo in Year 4", ["Ifeoma\nOkonkwo"]),
    ("Wiktoria Kowalczyk and Chidera Eze led the assembly", ["Wiktoria Kowalczyk", "Chidera Eze"]),
    ("Reading certificate for Zofia Wiśniewska", ["Zofia Wiśniewska"]),
    ("Well done Ellie Mae Thornton!", ["Ellie Mae Thornton"]),
    ("Gold for Poppy Marsh and Isla Green on sports day", ["Poppy Marsh", "Isla Green"]),
    ("Fantastic story by Freya Lindqvist (Year 3)", ["Freya Lindqvist"]),
    ("WELL DONE ELLIE THORNTON", ["ELLIE THORNTON"]),
    ("Thanks to Tomasz Nowicki for helping Reception", ["Tomasz Nowicki"]),
    ("Well done to Ayaan Chaudhry in 4B", ["Ayaan Chaudhry"]),
    # First name + the surname's initial narrows a child down too (tests/corpus/README.md).
    ("Ellie T won the egg and spoon race", ["Ellie T"]),
    ("Reading stars: Bethan R. and Idris K.", ["Bethan R", "Idris K"]),
]

# Names the gazetteer lacks or that need context: unknown first names with a surname cue,
# particles, surname shapes, lists, word-like first names. All fictional.
GENERAL_NAMES = [
    ("Well done to Quillon Brackenridge for his poem", ["Quillon Brackenridge"]),
    ("Certificates for Zorya Fenchurch, Ottoline Marchbank and Ravi Menon", ["Zorya Fenchurch", "Ottoline Marchbank", "Ravi Menon"]),
    ("Great effort from Cian Ó Dálaigh in the cross country", ["Cian Ó Dálaigh"]),
    ("Daan van der Meer read his story in Dutch", ["Daan van der Meer"]),
    ("Superb swimming from Tavi Papadakis", ["Tavi Papadakis"]),
    ("Medals for Layla El-Amin and Yusra Begum", ["Layla El-Amin", "Yusra Begum"]),
    ("Poppy-Mae Atherley is our star of the week", ["Poppy-Mae Atherley"]),
    ("Well done Summer Ashcombe for reading 50 books", ["Summer Ashcombe"]),
    ("Player of the match: Will Pendlebury", ["Will Pendlebury"]),
    ("Well done to Jayden Hall for his kindness", ["Jayden Hall"]),
    ("#WellDoneRoryMcAlpineson", ["RoryMcAlpineson"]),
    ("Well done Emre Yavuzkan 🎉 and Defne Öztunç 🎉", ["Emre Yavuzkan", "Defne Öztunç"]),
    ("Winner of the sack race: Yonatan Kidanemariam.", ["Yonatan Kidanemariam"]),
    ("Congratulations to Harnoor Kaur Sandhu on her black belt", ["Harnoor Kaur Sandhu"]),
    ("A big well done to Mikey Joyce for the 5K", ["Mikey Joyce"]),
]

GENERAL_NOT_NAMES = [
    "Year 5 learnt about Walter Raleigh and Francis Drake",
    "Our trip to Leighton Buzzard railway was great",
    "Year 6 watched Stanley Park highlights",
    "Harvest donations go to Dacorum Foodbank",
    "Thank you to Legio Secunda Augusta for the Roman day",
    "ETA Bristol Aquarium 10:30",
    "Great questions about Edward Jenner and smallpox",
    "Thank you to Young Carers Herts for their assembly",
    "Well done Ruby Class and Willow Class",
    "Red Nose Day and World Book Day are this term",
]

NOT_NAMES = [
    "Well done to Ellie for her poem!",
    "Thank you Mrs Reid and Mr John Okafor",
    "Thanks to Dr. Priya Raman and Rev Samuel Adeyemi",
    "Coach Dan Hollis ran our football club",
    "Our visitor, author Jo Bright, read to Year 2",
    "Thanks to illustrator Chris Riddell and local MP Sarah Whitcombe",
    "Councillor Rita Okafor opened the garden",
    "Sarah Whitcombe MP visited today",
    "A trip to Hemel Hempstead, Kings Langley and St Albans Cathedral",
    "Chester Zoo, Hertfordshire Fire and Rescue, Watford FC and Oakfield Primary",
    "Learning about Mary Seacole and Tim Peake, with Paddington Bear and David Walliams",
    "Summer Fair this Saturday! May Day dancing and Art Week",
    "We visited Victoria Park and the River Wye",
    "Year 5 learnt about Grace Darling",
    "Ruby Class and Willow Class won the attendance cup",
    "Year 6 read Holes by Louis Sachar",
    "Year 3 studied the art of Andy Goldsworthy",
    "Lily-Rose's Diwali rangoli was stunning",
    "Ellie's EHCP review went well",
    "Thank you to the Emma Hollis factory for the mugs",
    "Our young writers visited the Jack Petchey Award ceremony",
    "Thank you to Lord-Lieutenant Robert Voss",
    "Thank you to Young Carers Herts for the assembly",
    "Dressed as Tracy Beaker and Harry Potters for World Book Day",
    "A lovely time at Florence Nightingale Hospital",
    "Ellie T-shirts are on sale",  # not an initial
    "Maya I think you were brilliant",  # "I" is a pronoun
]


@pytest.mark.parametrize(("text", "expected"), FULL_NAMES)
def test_full_names_found(text: str, expected: list[str]) -> None:
    found = [text[m.start:m.end] for m in find_pupil_names(text)]
    assert found == expected


@pytest.mark.parametrize("text", NOT_NAMES)
def test_not_a_childs_full_name(text: str) -> None:
    assert [text[m.start:m.end] for m in find_pupil_names(text)] == []


@pytest.mark.parametrize(("text", "expected"), GENERAL_NAMES)
def test_names_beyond_the_gazetteer(text: str, expected: list[str]) -> None:
    assert [text[m.start:m.end] for m in find_pupil_names(text)] == expected


@pytest.mark.parametrize("text", GENERAL_NOT_NAMES)
def test_general_cues_rule_names_out(text: str) -> None:
    assert [text[m.start:m.end] for m in find_pupil_names(text)] == []


@pytest.mark.parametrize(("text", "expected"), [
    ("The Warsinde family donated a rug", "Warsinde"),
    ("Lovely to see the Ó Briain brothers sing", "Ó Briain"),
])
def test_family_names_beyond_the_gazetteer(text: str, expected: str) -> None:
    assert [(text[m.start:m.end], m.form) for m in find_pupil_names(text)] == [(expected, "family")]


def test_initial_and_surname_is_a_family_name() -> None:
    text = "Lost: a grey hoodie, name tag 'K. Owusu'"
    assert [(text[m.start:m.end], m.form) for m in find_pupil_names(text)] == [("K. Owusu", "family")]
    assert find_pupil_names("Thanks to Mrs K. Owusu") == []


@pytest.mark.parametrize(("text", "expected"), [
    ("Merhawi, please see Mrs Lowe about your reading record", "Merhawi"),
    ("Much better listening today, Zarlasht.", "Zarlasht"),
    ("We found Gurveer's water bottle", "Gurveer"),
    ("Dear Bảo, we loved your show-and-tell", "Bảo"),
    ("Well done, Wellbrook.", "Wellbrook"),
    ("GOAL! FINN with a screamer!", "FINN"),
])
def test_unknown_first_names_in_a_persons_slot(text: str, expected: str) -> None:
    assert [m.first_name for m in find_first_names(text)] == [expected]


@pytest.mark.parametrize("text", [
    "Shiitake, chestnut and button mushrooms were tasted",
    "Respectfully, the supplier was chosen fairly",
    "Thank you, Sandford!",
    "Seashells and sea glass: our beach collection",
    "Find us at Oakfield Road, Wellbrook.",  # the town of an address
    "On the coach now, ETA 10:15!",  # an abbreviation with its value
])
def test_unknown_words_are_not_first_names(text: str) -> None:
    assert find_first_names(text) == []


@pytest.mark.parametrize(("text", "fixed"), [
    ("Well done Tom Reid Maya Singh!", "Well done Tom!"),  # "Tom Maya" would read as a full name
    ("Maya Singh James", "Maya"),  # a double surname
    ("Well done Ella Ward and Tom Reid", "Well done Ella and Tom"),
])
def test_fixing_leaves_no_new_full_name(text: str, fixed: str) -> None:
    out = text
    for match in reversed(find_pupil_names(text)):
        out = out[:match.start] + (match.fix or "") + out[match.end:]
    assert out == fixed
    assert find_pupil_names(out) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("Thanks to the Okoro sisters for the cakes", "Okoro"),
    ("The Kowalski twins read beautifully", "Kowalski"),
    ("Well done to the Adeyemi brothers", "Adeyemi"),
])
def test_family_names(text: str, expected: str) -> None:
    found = find_pupil_names(text)
    assert [(text[m.start:m.end], m.form, m.first_name) for m in found] == [(expected, "family", None)]


@pytest.mark.parametrize("text", [
    "Year 3 learnt about the Wright brothers",
    "Welcome to all our new families",
    "Thank you to the families who baked",
])
def test_not_family_names(text: str) -> None:
    assert find_pupil_names(text) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("well done tom reid", ["tom reid"]),
    ("WELL DONE TOM REID", ["TOM REID"]),
    ("the okoro twins were brilliant", ["okoro"]),
    ("the hall twins led assembly", ["hall"]),
    ("#welldoneelliethornton", ["elliethornton"]),
    ("Well done River Stone", ["River Stone"]),
    ("well done funmi bakare!", ["funmi bakare"]),
])
def test_roster_names_in_any_case(text: str, expected: list[str]) -> None:
    assert [text[m.start:m.end] for m in find_pupil_names(text, roster=ROSTER)] == expected


@pytest.mark.parametrize("text", [
    "a walk by the river",
    "thanks Mrs Reid",
    "the hall was full of parents",
    "river stone circle on the trip",
    "we will reid the book",  # a surname as an ordinary word, after a verb
    "lunch in the hall today",
])
def test_roster_surnames_as_ordinary_words(text: str) -> None:
    assert find_pupil_names(text, roster=ROSTER) == []


def test_match_fields_for_redaction() -> None:
    text = "Look at Kwame Mensah's model"
    (match,) = find_pupil_names(text)
    assert (match.first_name, match.surname_text, match.fix) == ("Kwame", "Mensah", "Kwame")
    assert text[slice(*match.first)] == "Kwame" and text[slice(*match.surname)] == "Mensah"


def test_person_names_include_first_names_but_not_adults() -> None:
    text = "Well done Kwame Mensah and Priya! Thanks Mrs Okafor."
    assert [text[m.start:m.end] for m in find_person_names(text)] == ["Kwame Mensah", "Priya"]
    assert [m.first_name for m in find_first_names(text)] == ["Priya"]


def _names_rules(catalogue: Catalogue) -> Catalogue:
    return replace(catalogue, rules=tuple(r for r in catalogue.rules if r.category == "names"))


@pytest.mark.parametrize(("text", "span", "fix"), [
    ("Well done Ellie Thornton!", "Ellie Thornton", "Ellie"),
    ("Look at Kwame Mensah's model", "Kwame Mensah", "Kwame"),
    ("#WellDoneEllieThornton", "EllieThornton", "Ellie"),
    ("Well done to Ｅllie Thornton", "Ｅllie Thornton", "Ｅllie"),  # fullwidth letter: original span
])
def test_rule_reports_original_span_and_fix(catalogue: Catalogue, text: str, span: str, fix: str) -> None:
    engine = Engine(_names_rules(catalogue), Settings())
    result, failures = engine.check(Draft(source="t", text=text), WEEKDAY_MORNING)
    assert not failures
    (violation,) = result.violations
    assert text[violation.start:violation.end] == span
    assert (violation.fix, violation.suggestion, violation.severity) == (fix, fix, "error")
    assert span in violation.message and "first names only" in violation.message


def test_school_can_allow_a_name(catalogue: Catalogue) -> None:
    text = "Thank you to Harriet Okonjo for the donation of books"
    draft = Draft(source="t", text=text)
    before, _ = Engine(_names_rules(catalogue), Settings()).check(draft, WEEKDAY_MORNING)
    after, _ = Engine(_names_rules(catalogue), Settings(allow_names=("Harriet Okonjo",))).check(draft, WEEKDAY_MORNING)
    assert before.violations and not after.violations


# Mechanisms from an independent corpus: surname particles, relatives after a possessive,
# siblings sharing a surname, line breaks, chains of initials, a pupil's class label after an
# author credit, hyphenated and sporting roles, organisations, all-caps headlines.
@pytest.mark.parametrize(("text", "expected"), [
    ("Lotte van der Stijnberg's collage is in the hall", ["Lotte van der Stijnberg"]),
    ("Thanks to Priya Ramanathapuram's grandad for the kites", ["Priya Ramanathapuram"]),
    ("Twins Ottilie and Perpetua Vanstraelen ran the stall", ["Perpetua Vanstraelen"]),
    # A describing word before a first name is not a full name, even in a list of names.
    ("Cousins Ottilie and Perpetua Vanstraelen ran the stall", ["Perpetua Vanstraelen"]),
    ("Our poetry prize winner, Tamsin\nHolloway-Okonjo!", ["Tamsin\nHolloway-Okonjo"]),
    ("Well done to B. K. Marchbanks-Obi in Y3", ["B. K. Marchbanks-Obi"]),
    ("Poem by Ilse Drabowska, Y4: 'Frost on glass'", ["Ilse Drabowska"]),
    ("Well done to Hana al-Rashidi for her speech", ["Hana al-Rashidi"]),
    ("PERPETUA QUAREMBY-STOKES AND HER TEAM: WINNERS", ["PERPETUA QUAREMBY-STOKES"]),
])
def test_general_name_mechanisms(text: str, expected: list[str]) -> None:
    assert [text[m.start:m.end] for m in find_pupil_names(text)] == expected


@pytest.mark.parametrize("text", [
    "We met illustrator-author Odalys Brennecke-Fuchs today",
    "Olympic cyclist Marisa Quentell-Hart visited KS1",
    "Y3 raised £95 for the Harriet Pembridge Hospice Trust",
    "Thanks to Mrs K. L. Marchbanks for the books",
])
def test_general_adult_and_organisation_mechanisms(text: str) -> None:
    assert find_pupil_names(text) == []


def test_roster_pupil_in_lower_case_needs_a_person_cue() -> None:
    roster = Roster((Pupil("Daisy", "Field", True), Pupil("Rose", "Hill", True)))
    text = "rose hill painted the mural"
    assert [text[m.start:m.end] for m in find_pupil_names(text, roster=roster)] == ["rose hill"]
    text = "Daisy field and Rose hill helped at the fair"
    assert [text[m.start:m.end] for m in find_pupil_names(text, roster=roster)] == ["Daisy field", "Rose hill"]
    assert find_pupil_names("a walk up rose hill to the daisy field", roster=roster) == []


@pytest.mark.parametrize(("text", "expected", "fixed"), [
    ("Mrs Quigley's son Alistair raised £200!", "Mrs Quigley's son Alistair", "Alistair raised £200!"),
    ("Well done to Mr Adeyemi’s daughter Tobi", "Mr Adeyemi’s daughter Tobi", "Well done to Tobi"),
    ("Dr. Farrow's granddaughter Elowen visited Year 2", "Dr. Farrow's granddaughter Elowen",
     "Elowen visited Year 2"),
])
def test_a_titled_parents_surname_names_their_child(text: str, expected: str, fixed: str) -> None:
    found = find_pupil_names(text)
    assert [text[m.start:m.end] for m in found] == [expected]
    assert text[:found[0].start] + (found[0].fix or "") + text[found[0].end:] == fixed


@pytest.mark.parametrize("text", [
    "Mrs Quigley's class enjoyed the trip",
    "Mr Adeyemi's son is a firefighter who visited today",
    "Mrs Quigley's son, a firefighter, visited Year 2",
])
def test_a_titled_parent_alone_names_no_child(text: str) -> None:
    assert find_pupil_names(text) == []


@pytest.mark.parametrize("text", [
    "The nativity is a Christian story and we will keep telling it.",
    "Thank you for all your Bikeability support",
    "Year 2 planted a Holly bush by the gate",
])
def test_a_capitalised_word_after_a_determiner_is_not_a_childs_name(text: str) -> None:
    assert find_first_names(text) == []


def test_festival_greetings_are_not_names() -> None:
    assert find_person_names("Eid Mubarak to you and your family!") == []


def test_the_schools_own_name_from_its_domain_is_not_a_child() -> None:
    engine = Engine(load_catalogue(), Settings(school_domains=("oakfield.sch.uk",)))
    result, _ = engine.check(Draft(source="t", text="Nobody has signed up yet. Come on, Oakfield!"), WEEKDAY_MORNING)
    assert [v.rule for v in result.violations if v.category in ("names", "targeted")] == []
    engine = Engine(load_catalogue(), Settings(school_domains=("oakfield.sch.uk",)))
    result, _ = engine.check(Draft(source="t", text="Come on, Tobias, you can do it!"), WEEKDAY_MORNING)
    assert "targeted" in {v.category for v in result.violations}


@pytest.mark.parametrize(("text", "expected"), [
    ("Pupil of the month (Y2): OKONJO, Chisom.", ["OKONJO, Chisom"]),
    ("Mensah, Kofi — star reader of the week!", ["Mensah, Kofi"]),
    ("Stars:\nOkafor, Chidi\nBrightwell, Tom", ["Okafor, Chidi", "Brightwell, Tom"]),
])
def test_register_style_surname_then_first_name(text: str, expected: list[str]) -> None:
    assert [text[m.start:m.end] for m in find_pupil_names(text)] == expected


@pytest.mark.parametrize("text", ["Paris, France is lovely", "Well done, Tobi!", "Reading: Smith, Jones and Brown"])
def test_commas_that_are_not_a_register(text: str) -> None:
    assert find_pupil_names(text) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("shoutout to farida qureshi in 5H for her speech", ["farida qureshi"]),
    ("Results: 1st Amani Okafor, 2nd Haoran Zhou", ["Amani Okafor", "Haoran Zhou"]),
    ("Star writer: Wilf O. for his story", ["Wilf O"]),
    ("great swim from kasia nowak today", ["kasia nowak"]),  # a first name no list holds
    ("zuzanna wiśniewska won the spelling bee", ["zuzanna wiśniewska"]),  # a surname no list holds
    ("#welldonefinnlarsen fastest time in the cross country", ["finnlarsen"]),
])
def test_lower_case_ordinals_short_forms_and_east_asian_names(text: str, expected: list[str]) -> None:
    assert [text[m.start:m.end] for m in find_pupil_names(text)] == expected


@pytest.mark.parametrize("text", [
    "grace hall is lovely",  # everyday words: not a name without a roster
    "we had chicken tikka masala and chow mein",
    "Farm visit drivers, WhatsApp Dave when you set off",  # a brand, then an adult's first name
    "thank you for the staffroom flowers",  # a plural of an everyday word
    "happy #roalddahlday everyone",  # a famous author's day
    "#sportsday #worldbookday #welldoneeveryone #readingforpleasure",
])
def test_lower_case_words_and_brands_are_not_full_names(text: str) -> None:
    assert find_pupil_names(text) == []


@pytest.mark.parametrize("text", [
    "Thank you to Deacon Paul Rigby and Pandit Rameshbhai Joshi for joining our assembly.",
    "Congratulations to our cook, Brenda Ashworth, and her team!",
])
def test_religious_titles_and_school_staff_roles_are_adults(text: str) -> None:
    assert find_pupil_names(text) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("Finalists: Okafor, Chidi (Y4); Nowak, Jakub (R).", ["Okafor, Chidi", "Nowak, Jakub"]),
    ("Well done to Harvey, Jack (Y5) and Isla (Y3) for their medals!", []),  # first names listed
    ("Stars of the week: Ellis, Noah (Year 2) and Ruby (Year 6).", []),
    ("Stay & Play: Nowak, Jakub, Year 1", ["Nowak, Jakub"]),
    ("Thanks to Reid, Tom and Maya for helping.", []),  # no class: two people listed, or a name and a list
    ("Mrs Patel, Amara (Y3) is our new reading buddy", []),  # a titled adult, then a child's first name
])
def test_a_registers_surname_comma_first_name_and_class(text: str, expected: list[str]) -> None:
    assert [text[m.start:m.end] for m in find_pupil_names(text)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Y5 poetry slam winner: Stone, River! 🎤", ["Stone, River"]),  # a roster pupil, after a colon
    ("Huge well done to ADEBAYO, Femi (Y5) for his science fair project!", ["ADEBAYO, Femi"]),
    ("Thanks to Reid, Tom and Maya for helping.", []),
])
def test_register_style_with_a_roster_or_a_class(text: str, expected: list[str]) -> None:
    assert [text[m.start:m.end] for m in find_pupil_names(text, ROSTER)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Netball squad v Priory: Reid, Okoro, Bakare. Meet at 3:15.", ["Reid", "Okoro", "Bakare"]),
    ("Relay squad: Stone and Hall 🏃", ["Stone", "Hall"]),  # two, after a colon
    ("Player of the match: Okoro. Goals: Reid (2) and Bakare.", ["Okoro", "Reid", "Bakare"]),
    ("Football tonight. Venue: Hall. Kick off 4pm", []),  # a place after a colon, not an award
    ("Materials for the race: wood, stone and glass", []),  # lower case: everyday words
])
def test_roster_surnames_listed_or_awarded_in_a_report(text: str, expected: list[str]) -> None:
    assert [text[m.start:m.end] for m in find_pupil_names(text, ROSTER)] == expected


@pytest.mark.parametrize(("text", "expected", "instead"), [
    ("Thanks to Mrs Okoro's daughters Amara and Zara for the stall!", "Mrs Okoro's daughters Amara and Zara",
     "Amara and Zara"),
    ("Thank you to Mrs Okoro, mum of Amara and Zara, for the cakes.", "Mrs Okoro, mum of Amara and Zara",
     "Amara and Zara's mum"),
    ("Ms Nowak (Jakub's mum) has offered to translate.", "Ms Nowak (Jakub's mum)", "Jakub's mum"),
    ("Thank you to Maya's mum, Mrs Singh, for her talk.", "Maya's mum, Mrs Singh", "Maya's mum"),
    # The closing comma goes with the surname, so the fix reads "Thanks to Jakub's dad for...".
    ("Thanks to Mr Nowak, Jakub's dad, for the Polish lesson.", "Mr Nowak, Jakub's dad,", "Jakub's dad"),
    ("We thank Mr Nowak, Jakub's dad.", "Mr Nowak, Jakub's dad", "Jakub's dad"),
    # The comma before "who" stays: "Jakub's dad, who works at the fire station, ..."
    ("Mr Nowak, Jakub's dad, who works at the fire station, came in.", "Mr Nowak, Jakub's dad", "Jakub's dad"),
])
def test_a_child_named_with_a_titled_parents_surname(text: str, expected: str, instead: str) -> None:
    (match,) = find_pupil_names(text)
    assert (text[match.start:match.end], match.fix) == (expected, instead)


@pytest.mark.parametrize("text", [
    "Thank you to Mrs Patel (our SENCo) and Mr Reid.",  # a role in brackets, not a child
    "Thank you to Mrs Okoro, our PTA chair, for the cakes.",
    "Maya's mum came in to read to Year 1.",  # no surname: nobody is identified beyond a first name
])
def test_parents_without_a_childs_full_identity(text: str) -> None:
    assert find_pupil_names(text) == []


@pytest.mark.parametrize("text", [
    "Thanks to Mrs Lee, Mr Nowak, Jakub's dad, and Amara's mum for helping.",  # a list of helpers
    "Thank you to Mr Hughes, Ellie's mum, Sam's dad and Mrs Ford for the cakes.",
    "Thanks to Mrs Hughes, Oakfield's family liaison officer, for the talk.",  # a job
    "Thank you Miss Hall, Oliver's mum says he loved it!",  # a new clause, not Miss Hall's role
])
def test_a_title_then_a_childs_parent_in_a_list_or_a_clause_is_two_people(text: str) -> None:
    assert find_pupil_names(text) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("well done river, a much calmer morning", []),  # "river" is one of the most frequent words
    ("well done jayden, a much calmer morning", ["jayden"]),  # a roster name, not a word
])
def test_a_roster_first_name_in_a_draft_typed_all_in_lower_case(text: str, expected: list[str]) -> None:
    assert [text[m.start:m.end] for m in find_first_names(text, ROSTER)] == expected


def test_a_word_that_is_a_roster_name_counts_only_when_the_draft_has_no_capitals() -> None:
    roster = Roster((Pupil("Harper", "Lane", True),))
    assert [m.first_name for m in find_first_names("harper don't forget your folder", roster)] == ["harper"]
    assert find_first_names("Our harper played at assembly, Year 6 loved it", roster) == []


def test_two_children_after_a_titled_parent_is_advice_not_a_fix() -> None:
    # "Mr Okoro, Amara and Zara's dad" is one man, but "Mrs Hall, Ella and Sam's mum" may be three people
    text = "Thanks to Mr Okoro, Amara and Zara's dad, for the talk."
    (match,) = find_pupil_names(text)
    assert text[match.start:match.end] == "Mr Okoro, Amara and Zara's dad,"
    assert match.reason.name == "TITLED_PARENT_CLAUSE"


@pytest.mark.parametrize(("text", "expected"), [
    ("Thank you to Mrs Price and her son Sam for painting the benches.", "Mrs Price and her son Sam"),
    ("Thanks to Mrs Bakare, who came in to cook for Culture Day, helped by her daughter Funmi.",
     "Mrs Bakare, who came in to cook for Culture Day, helped by her daughter Funmi"),
])
def test_a_titled_adults_own_child_named_later_in_the_sentence(text: str, expected: str) -> None:
    (match,) = find_pupil_names(text)
    assert text[match.start:match.end] == expected
    assert match.reason.name == "TITLED_PARENT_CLAUSE"  # advice, not a fix: no words simply replace it


@pytest.mark.parametrize("text", [
    "Mrs Price came in today. Her son Sam loved it.",  # another sentence: "her" may be anyone's
    "Mrs Price and Mr Okoro brought his son Sam.",  # whose son: the nearer adult's, not Mrs Price's
    "Mrs Green brought her class to see the lambs.",
    "Mrs Ahmed welcomed our new caretaker Gary and his son Leo.",  # Gary's son
    "Thank you Mr Davies for helping Amira and her son Yusuf.",  # Amira's son
    "Mr Price and her son Sam came to the fair.",  # "her" is not Mr Price
])
def test_her_son_is_not_read_past_the_sentence_or_another_adult(text: str) -> None:
    assert [text[m.start:m.end] for m in find_pupil_names(text) if m.start == 0] == []


@pytest.mark.parametrize(("text", "expected"), [
    ("Super proud of SINGH M and PATEL P, picked for the quiz team!", ["SINGH M", "PATEL P"]),
    ("Congratulations to WONG K!", ["WONG K"]),  # the last words of the draft too
    ("Indoor PE is in HALL B today.", []),  # a room
    ("HALL B is closed for painting.", []),  # a surname that is a common word: a room
    ("TEAM A beat TEAM B 3-1.", []),
])
def test_a_registers_capital_surname_and_initial(text: str, expected: list[str]) -> None:
    assert [text[m.start:m.end] for m in find_pupil_names(text)] == expected


def test_race_results_and_a_parent_whose_child_is_named() -> None:
    roster = Roster((Pupil("Amara", "Okoro", True), Pupil("Ellie", "Thornton", True)))
    text = "District cross country, Y5/6 girls: Okoro 1st, Thornton 4th. Brilliant running!"
    assert [text[m.start:m.end] for m in find_pupil_names(text, roster)] == ["Okoro", "Thornton"]
    text = "A huge thank you to Mrs Okoro, whose daughter Zara baked all week."
    (match,) = find_pupil_names(text)
    # Found, but no words can simply replace it: the rule says what to do instead of fixing.
    assert text[match.start:match.end] == "Mrs Okoro, whose daughter Zara"
    assert match.reason.name == "TITLED_PARENT_CLAUSE"


@pytest.mark.parametrize(("text", "expected"), [
    ("Y5 swimming starts Mon. Kit, towel, goggles.", []),  # a list of things, not a child addressed
    ("Holly, ivy and mistletoe decorate the hall.", []),
    ("Holly, please remember your reading book.", ["Holly"]),  # addressed
])
def test_an_everyday_word_opening_a_list_of_things_is_no_first_name(text: str, expected: list[str]) -> None:
    assert [text[m.start:m.end] for m in find_first_names(text)] == expected


@pytest.mark.parametrize("text", [
    "Well done to Mrs Taylor's girls! Rose scored twice in the final.",  # her team, and a new sentence
    "Mrs Taylor's children, Rose and Jack, sang beautifully.",  # her class
])
def test_a_teachers_class_is_no_titled_parents_child(text: str) -> None:
    assert find_pupil_names(text) == []


def test_a_child_addressed_before_praise_is_no_list_of_things() -> None:
    text = "Holly, congratulations and well done on your certificate!"
    assert [text[m.start:m.end] for m in find_first_names(text)] == ["Holly"]


@pytest.mark.parametrize(("text", "expected"), [
    ("jack baker in 3W built the tallest tower!", ["jack baker"]),  # with the child's class
    ("ruby wood gave a brilliant speech", ["ruby wood"]),  # doing what a child does
    ("shoutout to jack baker for the best show and tell", ["jack baker"]),
    ("we made a box out of ruby wood and glass", []),  # both words are words: no cue, no name
    ("our new pond edging is made from river stone and slate", []),  # "from" is a weak cue
    ("ruby wood in 3w built the tallest tower", ["ruby wood"]),  # the class in lower case too
])
def test_a_pupils_two_names_in_lower_case_with_a_cue(text: str, expected: list[str]) -> None:
    roster = Roster((Pupil("Jack", "Baker", True), Pupil("Ruby", "Wood", True), Pupil("River", "Stone", True)))
    assert [text[m.start:m.end] for m in find_pupil_names(text, roster)] == expected


def test_team_alone_is_no_report() -> None:
    roster = Roster((Pupil("Ruby", "Wood", True), Pupil("River", "Stone", True), Pupil("Jayden", "Hall", True),
                     Pupil("Ella", "Campbell", True), Pupil("Olivia", "Hughes", True), Pupil("Ava", "Price", True)))
    for text in ("The school hall was transformed for our art exhibition. #TeamOakfield",
                 "Thanks to our site team: wood was collected for the bug hotel and stone was moved to the pond."):
        assert find_pupil_names(text, roster) == [], text
    # "team" does introduce a list of players, read as such: three surnames listed
    text = "Team photo! Back row: Campbell, Hughes, Price."
    assert [text[m.start:m.end] for m in find_pupil_names(text, roster)] == ["Campbell", "Hughes", "Price"]


def test_a_team_sheet_by_lines_and_results_by_place() -> None:
    roster = Roster(tuple(Pupil(first, last, True) for first, last in (
        ("Ava", "Price"), ("Ella", "Campbell"), ("Nia", "Evans"), ("Kwame", "Mensah"), ("Tobi", "Adeyemi"))))
    text = "Team sheet v Penhallow: Price; Campbell, Evans, Mensah. Well played!"
    assert [text[m.start:m.end] for m in find_pupil_names(text, roster)] == ["Price", "Campbell", "Evans", "Mensah"]
    text = "Sprint results, Year 4: 1st Mensah, Kwame; 2nd Adeyemi, Tobi. Well run!"
    assert [text[m.start:m.end] for m in find_pupil_names(text, roster)] == ["Mensah, Kwame", "Adeyemi, Tobi"]
    assert find_pupil_names("Our trip: Paris, France; Rome, Italy.", roster) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("Thank you to the Reids on the BBQ and the Hugheses for the gazebo!", ["Reids", "Hugheses"]),
    ("We walked in the Woods and met the Greens at the golf club.", []),  # common words: places, things
    ("Year 2 went pond dipping on the Marshes.", []),
    ("Thanks to the Walkers for the crisps at the disco!", []),
    ("The Reids' dog came too.", ["Reids"]),
])
def test_a_roster_surname_in_the_plural_names_a_family(text: str, expected: list[str]) -> None:
    roster = Roster((Pupil("Tom", "Reid", True), Pupil("Olivia", "Hughes", True), Pupil("Ruby", "Wood", True),
                     Pupil("Ava", "Green", True), Pupil("Ivy", "Marsh", True), Pupil("Leo", "Walker", True)))
    assert [text[m.start:m.end] for m in find_pupil_names(text, roster)] == expected


@pytest.mark.parametrize(("text", "flagged"), [
    # With Tom Reid on the roster, "Mr Reid" and "Tom" give his full name, however far apart.
    ("Thank you Mr Reid for the lovely feedback about Tom's first week 😊", True),
    ("Thank you, Mrs Okoro. Amara's certificate will be presented on Friday.", True),
    # Another pupil's first name, or no pupil named, ties nothing.
    ("Thank you Mr Reid for the lovely feedback about Amara's first week", False),
    ("Thank you Mr Reid for running the chess club!", False),
])
def test_a_titled_adult_sharing_a_pupils_surname(catalogue: Catalogue, text: str, flagged: bool) -> None:
    rules = tuple(r for r in catalogue.rules if r.id == "child-full-name")
    engine = Engine(replace(catalogue, rules=rules), Settings(), ROSTER)
    result, _ = engine.check(Draft(source="t", text=text), WEEKDAY_MORNING)
    assert bool(result.violations) is flagged
    if flagged:
        (violation,) = result.violations
        assert text[violation.start:violation.end].startswith("M") and violation.fix is None  # advice, no guess
    # Without a roster nothing ties the two.
    plain = Engine(replace(catalogue, rules=rules), Settings())
    assert plain.check(Draft(source="t", text=text), WEEKDAY_MORNING)[0].violations == []


@pytest.mark.parametrize(("text", "expected"), [
    ("Reminder: school reopens on Monday 13 April. See you then!", []),
    ("Sports day is on June 24th, and the fair in May.", []),
    ("SATs start on the 11th of May.", []),
    # A month beside a time or a score, or with a possessive, is the child it names.
    ("Well done April, 3-1 winners!", ["April"]),
    ("Lovely to see June's poem on the wall.", ["June"]),
    ("Thank you May for helping at 3:30.", ["May"]),
])
def test_a_month_in_a_date_is_not_a_first_name(text: str, expected: list[str]) -> None:
    assert [m.first_name for m in find_first_names(text)] == expected
