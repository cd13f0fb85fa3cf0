"""The targeted rule: personal messages to or about one named child."""

from __future__ import annotations

from dataclasses import replace

import pytest
from conftest import WEEKDAY_MORNING

from tweetguard.catalogue.loader import Catalogue
from tweetguard.core.model import Draft
from tweetguard.core.roster import Pupil, Roster
from tweetguard.core.settings import Settings
from tweetguard.engine.checker import Engine

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
    # a class label between the name and the address; a headline hashtag before it
    "Mirela in 3B: your reading record needs signing please!",
    "#Y4 Lowenna: spellings in by Friday please.",
    # greetings and milestones, with names the gazetteer may not know
    "Dear Kwesi, thank you for the lovely card you made for the office.",
    "We're all thinking of Eitan today ❤️",
    "Please keep Oisin in your thoughts this week; he is in hospital.",
    "It's Ottilie's last day with us today – we'll miss you!",
    "Zainab is back with us after her operation. Welcome back!",
    "Welcome back, Aurelio! We hope your arm is feeling better 🩹",
    "Congratulations on your new baby sister, Ffion! 👶",
    # conduct in the child's sentence, or greeted then told "your"
    "Much better behaviour from Leontyne at lunch today.",
    "Great to see Malachy sitting so nicely on the carpet today.",
    "Casimir was so much calmer at lunchtime today. Proud of him!",
    "Well done Santiago for remembering your reading book every day this week!",
    "Good luck in your piano exam tomorrow, Henrietta!",
    # a name and an initial, then the address
    "Delphine K. – please hand in your trip slip by Friday.",
    # a reminder opening the sentence, then the child addressed
    "Don't forget Ignatius, it's your turn to feed the class fish!",
    # a word the lists know as a surname, opening a sentence about conduct
    "Murphy, that behaviour at the swimming pool was not acceptable.",
    # comfort for one upset child
    "Sending a big hug to Philippa, who was tearful at the school gate today.",
    # greeting a parent, then their child's possessive: not a list of two children
    "Hello Gwendolyn, Barnaby's reading folder was left in the hall.",
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
    # pets, mascots and characters
    "Meet Bramble, our new school dog! 🐶 She'll be visiting classes on Mondays.",
    "Our reading dog, Pepper, loves listening to Year 2 read 🐕",
    "Harry, Ron and Hermione inspired our Year 4 potion lessons today 🧪",
    # a list of children, however the names are spelt
    "Ezra, Hattie and Bilal led our harvest assembly beautifully.",
    # health information is personal data, not a greeting: "his birthday", "be patient"
    "Aarav in Y1 has a severe nut allergy, so please don't send nuts in on his birthday.",
    "Ellis in Y5 finds loud places hard, so please be patient with him on the trip.",
    "Ayaan can finally join swimming lessons this term 🏊",
    "Little Tadhg in Reception lost his first tooth in class today and was VERY proud 🦷",
    # a greeting to everyone, then an achievement in the third person
    "Welcome back, everyone! Congratulations to Ishaan in Year 4, who won the borough chess tournament.",
    "Happy birthday to everyone celebrating this week! Well done to Wren for her swimming badge.",
    "Welcome to Oriane, who joins Year 2 this week 💛",
    "Congratulations Dorothea, Y6 poetry slam champion! 🎤",
    "Congratulations to Ottilie, who has been awarded her Blue Peter badge. Keep it up!",
    # a community or a list of things, not a child
    "Thank you, Sandford, for supporting our fun run!",
    "Spellings: week 9 list online.",
    "Seashells, shellfish and sea glass: Year 1's beach collection is in the hall.",
    "Well done Year 4, a much calmer assembly today!",
    # adults named by their role, and a pet named twice
    "We said goodbye to our school crossing patrol, Maureen, after 20 years. Thank you, Maureen!",
    "A huge thank you to our caretaker, Desmond, for gritting the paths. You're a star, Desmond!",
    "Our class hamster, Nutmeg, went home for the holidays. See you soon, Nutmeg!",
    # a capitalised plural before a colon is a heading
    "Wellies: please make sure they are named!",
    "Sketchbooks: bring yours back on Monday please.",
    # talking about a topic is not a comment on conduct
    "Watch out for Ignatius on the radio this evening – he'll be talking about our garden project!",
    # a titled parent thanked, named with the child (the names rule's finding, not a message to the child)
    "Thank you to Ms Nowak (Jakub's mum) for talking to Year 4 about Poland.",
    "Priya's mum, Dr Patel, ran a brilliant first aid session with Year 6 today.",
]


@pytest.mark.parametrize("text", [
    "Happy birthday to Mrs Quigley's son Alistair!",  # the child is the one greeted
    "Mrs Okoro's son Tobi has been late every day this week. This cannot continue.",
])
def test_a_child_named_through_a_parent_can_still_be_targeted(catalogue: Catalogue, text: str) -> None:
    result, _ = _engine(catalogue).check(Draft(source="t", text=text), WEEKDAY_MORNING)
    assert [v.category for v in result.violations] == ["targeted"]


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
    # names the gazetteer lacks, in a reply about a child
    ("Thanks for letting us know. We'll keep an eye on Chidinma at playtime.", "@Chi_mum", True),
    ("Yes, Nethmi can bring her certificate in on Monday to show the class.", "@Perera_D", True),
    # a reply naming a product, a place or a notion, not a child
    ("Fortnite is rated 12+, so we advise against it.", "@a_parent", False),
    ("Respectfully, the trip to Wroxham is good value.", "@a_parent", False),
    ("Lateness is recorded from 8:50. It's the same for everyone.", "@a_parent", False),
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


@pytest.mark.parametrize(("text", "expected"), [
    # Addressed with no comma, as lower-case typing goes: an instruction or a "you" straight after.
    ("chidera please bring your permission slip back tomorrow!!", True),
    ("tomasz don't forget your reading folder 📚", True),
    ("Chidera you were such a kind friend at playtime today", True),
    # The same shape opened by an everyday word is the sentence's own, and a class is a class.
    ("Hope you enjoy these photos from our bonnet parade!", False),
    ("Will you join us for the carol concert?", False),
    ("Year 6 please bring your PE kits tomorrow.", False),
])
def test_a_child_addressed_without_a_comma(catalogue: Catalogue, text: str, expected: bool) -> None:
    result, _ = _engine(catalogue, ROSTER).check(Draft(source="t", text=text), WEEKDAY_MORNING)
    assert bool(result.violations) is expected


@pytest.mark.parametrize(("reply_to", "text", "targeted"), [
    ("@kerry_p", "Hi Kerry - yes, breakfast club opens 7.45. Details on the website.", False),
    ("@GrandadBill", "Thank you, Bill! Raffle prizes can be collected from the office.", False),
    ("@JennyW78", "Thank you so much, Jenny! The children loved your talk.", False),
    ("@Dad_of_Theo", "Yes, we've found Theo's missing jumper, it's in lost property!", True),
    ("@Mum2Tobi", "We did notice Tobi was very tired today, perhaps an earlier bedtime might help?", True),
    ("@AmarasMum", "Amara was a star at sports day today!", True),
    ("@DaveOsei77", "Thanks Dave, Kemi did really well today, much more settled in class.", True),
])
def test_a_name_in_the_reply_accounts_handle(catalogue: Catalogue, reply_to: str, text: str, targeted: bool) -> None:
    """The adult a reply answers is named by their account; a parent's account that names its
    child ("@Dad_of_Theo") is about that child."""
    result, _ = _engine(catalogue).check(Draft(source="t", text=text, reply_to=reply_to), WEEKDAY_MORNING)
    assert any(v.rule == "targeted-child" for v in result.violations) is targeted


@pytest.mark.parametrize(("reply_to", "text"), [
    ("@bellamy_jo", "Ella, well done on your certificate today!"),  # "ella" inside another word of the handle
    ("@NancyW78", "Well done Jack, a much calmer morning today!"),  # the child is not the account holder
])
def test_a_name_only_inside_a_handles_word_is_still_a_child(catalogue: Catalogue, reply_to: str, text: str) -> None:
    result, _ = _engine(catalogue).check(Draft(source="t", text=text, reply_to=reply_to), WEEKDAY_MORNING)
    assert any(v.rule == "targeted-child" for v in result.violations)


def test_a_parent_word_inside_a_name_is_no_parent(catalogue: Catalogue) -> None:
    for reply_to, text in (("@NancyW78", "Thanks Nancy, the forms are in the office."),
                           ("@Grant_Hughes", "Thanks Grant, see you at parents' evening.")):
        result, _ = _engine(catalogue).check(Draft(source="t", text=text, reply_to=reply_to), WEEKDAY_MORNING)
        assert not any(v.rule == "targeted-child" for v in result.violations), text


@pytest.mark.parametrize(("text", "expected"), [
    # One child's own things or records, told to the world, are a message to one family.
    ("Leo's PE kit has been in lost property since half term.", True),
    ("We've found Amara's missing water bottle – it's in the office.", True),
    ("Tobi's dinner money account is in arrears.", True),
    ("James' PE kit has been in lost property since half term.", True),  # a possessive with no s
    # Or later in the sentence about them, by their pronoun.
    ("Harvey (3M) left his coat and book bag on the bus. Please collect from the office.", True),
    ("Could Ruby in 4W please collect her purple water bottle from the office?", True),
    ("Well done Ruby, who designed her own school uniform for the fashion show competition!", False),
    # Not an achievement told of their work, nor a class's things.
    ("Tom's homework project won a prize at the county science fair!", False),
    ("Year 3's PE kits are ready to collect from the hall.", False),
    ("Love Oscar's Christmas jumper!", False),
    ("Ibrahim's attendance has been perfect all year!", False),
    ("Year 4 designed shields: Maya's coat of arms has a lion on it.", False),
])
def test_one_childs_belongings(catalogue: Catalogue, text: str, expected: bool) -> None:
    result, failures = _engine(catalogue).check(Draft(source="t", text=text), WEEKDAY_MORNING)
    assert not failures
    assert bool(result.violations) is expected
    if expected:
        assert "own things" in result.violations[0].message


@pytest.mark.parametrize(("text", "expected"), [
    # Good luck wished to one child is a message to them, even for a final or an exam.
    ("Good luck to Sofia in her ballet exam tomorrow!", True),
    ("Good luck Ebuka in tomorrow's spelling bee final!", True),
    # Not to a team or a year group, nor a show's title taken for a child.
    ("Good luck to our netball team in tomorrow's county tournament!", False),
    ("Good luck to all of Year 6 in SATs week. You've got this!", False),
    ("Interval! Year 6 have nailed Act 1 of Oliver! The raffle is being drawn now – good luck!", False),
    ("Reminder: costumes for Oliver! need to be in school by Wednesday, good luck everyone.", False),
])
def test_good_luck_to_one_child(catalogue: Catalogue, text: str, expected: bool) -> None:
    result, failures = _engine(catalogue).check(Draft(source="t", text=text), WEEKDAY_MORNING)
    assert not failures
    assert any(v.category == "targeted" for v in result.violations) is expected
