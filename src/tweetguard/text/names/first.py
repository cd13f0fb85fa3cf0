"""First names used alone ("Well done Priya"), and capitalised words no list knows.

A capitalised word is a first name when the gazetteer or the roster knows it, or when it is
a word no list knows in a slot only a person fills (addressed, greeted, a possessive, with a
class label). A roster pupil's first name counts in any case unless it is an everyday word.
"""

from __future__ import annotations

from tweetguard.core.patterns import lazy_regex
from tweetguard.text.names.evidence import CLASS_LABEL, STRONG_PERSON_CUES, Evidence
from tweetguard.text.names.gazetteer import EVERYDAY_RANK, FREQUENT_RANK
from tweetguard.text.names.lexicon import phrase_at
from tweetguard.text.names.tokens import Token, joined
from tweetguard.text.names.verdicts import Form, NameMatch, Reason
from tweetguard.text.sentences import SENTENCE_END

# Word endings of plurals, adverbs and other forms that are not single first names.
NUMBER_NEXT = lazy_regex(r"[ \t:]*\d")
NOT_A_NAME_ENDING = lazy_regex(r"(?:[^aeiou]s|ies|ly|ing|ed|tion|ness|ment)$")
# Words after "Name," at the start of a sentence that show the name is addressed.
VOCATIVE_NEXT = frozenset("please remember don't dont do you your you're well thank thanks we can could no "
                          "great brilliant lovely fantastic congratulations happy welcome it's".split())
# Words just before a single first name that greet or thank the child ("Dear Bảo").
GREETING_CUES = STRONG_PERSON_CUES | {("dear",), ("hi",), ("hello",), ("back",), ("thank", "you"), ("thanks",),
                                      ("lovely",)}


def _single(ev: Evidence, token: Token, reason: Reason) -> NameMatch:
    end = token.name_end
    return NameMatch(token.start, end, Form.FIRST, ev.text[token.start:end], None, (token.start, end), None, reason)


def first_names(ev: Evidence, pupil_names: list[NameMatch]) -> list[NameMatch]:
    """Capitalised first names (or a roster pupil's first name in any case) used alone,
    outside the children's full and family names already found."""
    covered = {k for m in pupil_names for k in range(m.start, m.end)}
    found: list[NameMatch] = []
    roster_first = ev.roster.first_names if ev.roster is not None else frozenset()
    for index, token in enumerate(ev.tokens):
        if token.ruled_out or token.start in covered:
            continue
        key = token.key
        if token.cap:
            if key not in ev.gaz.first_names and key not in roster_first and not _unknown_first_alone(ev, index):
                continue
            if ev.after_determiner(index) and key not in roster_first:
                continue
            if ev.lex.known.get(key) and any(len(p) == 1 for p in ev.lex.known[key]):
                continue
            if key not in roster_first and _opens_a_list_of_things(ev, index):
                continue
            if key not in roster_first and _acronym_with_a_value(ev, token):
                continue
        elif key not in roster_first or (key in ev.gaz.common_rank and not _lower_case_name(ev, key)):
            continue
        found.append(_single(ev, token, Reason.FIRST))
    return found


def _opens_a_list_of_things(ev: Evidence, i: int) -> bool:
    """ "Kit, towel, goggles.", "Holly, ivy and mistletoe": an everyday word capitalised only
    because it starts the sentence, then a list of lower-case words."""
    tokens = ev.tokens
    if not ev.sentence_start(i) or tokens[i].key not in ev.gaz.common_rank or i + 2 >= len(tokens):
        return False
    second, third = tokens[i + 1], tokens[i + 2]
    if second.key in VOCATIVE_NEXT or any(t.key in ("you", "your") for t in tokens[i + 1:i + 12]):
        return False  # "Holly, congratulations and well done on your certificate!": addressed
    return ("," in second.gap and not second.cap and (third.key == "and" or "," in third.gap)
            and not third.cap)


def _acronym_with_a_value(ev: Evidence, token: Token) -> bool:
    """ "ETA 10:15", "KS 2": a short word in capitals just before a number is an abbreviation
    with its value, not a child's name shouted."""
    return len(token.text) <= 4 and token.text.isupper() and bool(NUMBER_NEXT.match(ev.text, token.end))


def _lower_case_name(ev: Evidence, key: str) -> bool:
    """A roster pupil's first name that is also a word ("kai", "harper") counts in a draft typed
    all in lower case, where no capital could have told them apart, unless it is one of the
    most frequent words ("will", "river")."""
    return ev.all_lower_case and ev.gaz.common_rank.get(key, EVERYDAY_RANK) >= FREQUENT_RANK


def _unknown_first_alone(ev: Evidence, i: int) -> bool:
    """A word no list knows (Merhawi, Zarlasht) used as a child's first name: addressed
    ("Merhawi, please...", "..., Zarlasht."), greeted ("Dear Bảo", "Happy birthday Ifrah"),
    a possessive ("Gurveer's bottle") or with a class ("Senait in Year 1")."""
    tokens = ev.tokens
    token = tokens[i]
    if not ev.unknown(token) or token.key in ev.gaz.surnames or token.tag >= 0 or "-" in token.key \
            or any(c.isupper() for c in token.text[1:]) or len(token.key) < 3 \
            or NOT_A_NAME_ENDING.search(token.key):
        return False
    after = ev.text[token.end:token.end + 1]
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    if nxt is not None and nxt.cap and joined(token, nxt):
        return False  # part of a longer proper name
    if token.possessive or CLASS_LABEL.match(ev.text, token.end):
        return True
    if ev.sentence_start(i):
        # "Merhawi, please ...": addressed; not "Shiitake, chestnut and button mushrooms".
        return after == "," and nxt is not None and nxt.key in VOCATIVE_NEXT
    if i >= 2 and tokens[i - 1].key in ("you", "thanks") and "," in token.gap:
        return False  # "Thank you, Sandford!": a community, not a child
    if i >= 1 and "," in token.gap and phrase_at(tokens, i - 1, ev.lex.place_words):
        return False  # "Oakfield Road, Wellbrook.": the town of an address
    if ev.person_cue(i, GREETING_CUES):
        return True
    return "," in token.gap and (nxt is None or bool(SENTENCE_END.match(ev.text, token.end)))


def unknown_words(ev: Evidence, covered: set[int]) -> list[NameMatch]:
    """Capitalised words no list knows (Chidinma, Nethmi), not an adult's or a place's,
    not inside a hashtag and not part of a longer proper name, and not starting at one of
    ``covered`` (names already found). Not names by themselves: a rule may accept one where
    its own context puts a person in that slot."""
    tokens = ev.tokens
    found: list[NameMatch] = []
    for i, token in enumerate(tokens):
        if token.ruled_out or token.tag >= 0 or token.start in covered or not ev.unknown(token) \
                or any(c.isupper() for c in token.text[1:]) or token.key in ev.gaz.surnames \
                or phrase_at(tokens, i, ev.lex.place_words) or token.key in ev.lex.business_words:
            continue
        if i + 1 < len(tokens) and tokens[i + 1].cap and joined(token, tokens[i + 1]):
            continue  # "Sandford Echo", "Legio Secunda"
        if ev.after_determiner(i):
            continue  # "your Bikeability support"
        if i > 0 and tokens[i - 1].cap and joined(tokens[i - 1], token) \
                and tokens[i - 1].key not in ev.gaz.common_rank:
            continue  # "Upper Jericho": after another proper name ("Happy Birthday Ifrah" is fine)
        found.append(_single(ev, token, Reason.UNKNOWN_WORD))
    return found
