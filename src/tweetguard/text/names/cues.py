"""Context that rules a word out as a child's name, recorded on each token as a :class:`Role`.

A listed place, famous or fictional person, festival or allowed name; a name after a title
("Mrs Okafor"), after a work's title and "by" ("Holes by Louis Sachar"), after a role or an
adult cue ("author Jo Bright", "learning about Walter Raleigh and Francis Drake"). Also the
tests for a role or a place word just *after* a candidate name ("Jo Bright MP",
"Victoria Park"), which the full-name finder asks.
"""

from __future__ import annotations

import regex

from tweetguard.core.patterns import lazy_regex
from tweetguard.text.names.evidence import CLASS_LABEL, Evidence
from tweetguard.text.names.lexicon import phrase_at, phrase_match
from tweetguard.text.names.tokens import SPACE_GAP, joined
from tweetguard.text.names.verdicts import Role

TITLE_GAP = lazy_regex(r"\.?[ \t\u00a0]+|\.?[ \t\u00a0]*\r?\n[ \t\u00a0]*")
ROLE_GAP = lazy_regex(r"[\s,:\-–(]*")
# Between two names of a list: "A B, C D and E F".
LIST_GAP = lazy_regex(r"[^\w.!?;:\n]*?(?:,|&|\band\b|,\s*and\b)[^\w.!?;:\n]*", regex.I | regex.V1)
# Words allowed between a role and the name it introduces.
ROLE_LINKS = frozenset("and the our a an local famous award-winning children's special guest former "
                       "renowned acclaimed best-selling bestselling wonderful amazing brilliant fantastic "
                       "talented inspiring very own".split())
# Words allowed between a name and a role after it: "Jo Bright, the author".
ROLE_AFTER_LINKS = frozenset(("the", "our", "a", "an", "local", "famous", "children's"))
# A role word after one of these describes a child: "young writer", "star reader".
CHILD_ROLE_MARKERS = frozenset("young star budding junior little mini pupil pupils class school super".split())
ORDINAL_ENDINGS = frozenset(("st", "nd", "rd", "th"))
# Months that are also first names, and what makes one a date: a day number beside it
# ("Monday 13 April", "May 4th", "the 1st of June") or a word of time before it ("in May").
NAME_MONTHS = frozenset("april may june august".split())
DAY_BEFORE = lazy_regex(r"\b\d{1,2}(?:st|nd|rd|th)?(?:\s+of)?\s+$", regex.I | regex.V1)
DAY_AFTER = lazy_regex(r"\s+\d{1,2}(?:st|nd|rd|th)?\b(?!\s*(?:[-–:.]\s*\d|am\b|pm\b|%))", regex.I | regex.V1)
TIME_WORDS_BEFORE = frozenset("in during until till since throughout early mid late".split())
# A title ending in "!" that the sentence runs on after ("Oliver! tickets", "Eureka! is open"),
# and a show named after an act of it ("Act 1 of Oliver").
TITLE_BANG = lazy_regex(r"![ \t]+\p{Ll}", regex.V1)
ACT_OF = lazy_regex(r"\bact[ \t]+(?:\d+|one|two|three)[ \t]+of[ \t]+$", regex.I | regex.V1)


def mark_roles(ev: Evidence) -> None:
    """Give every token that context rules out as a child's name its :class:`Role`."""
    _mark_dates_and_titles(ev)
    tokens, lex = ev.tokens, ev.lex
    n = len(tokens)
    i = 0
    triggers = lex.triggers
    while i < n:
        token = tokens[i]
        key = token.key
        if key not in triggers and ("-" not in key or key.split("-")[0] not in triggers) \
                or (key in ORDINAL_ENDINGS and token.tag < 0 and token.start
                    and ev.text[token.start - 1].isdigit()):  # "1st", "2nd": not St
            i += 1
            continue
        known = phrase_match(tokens, i, lex.known)
        if known:
            role = lex.known_roles.get(known, Role.FAMOUS)
            for k in range(i, i + len(known)):
                tokens[k].role = role
            i += len(known)
            continue
        if ev.is_title(token) and i + 1 < n and (tokens[i + 1].cap or ev.roster_word(tokens[i + 1])) \
                and TITLE_GAP.fullmatch(tokens[i + 1].gap):
            mark_run(ev, i + 1, Role.TITLED)
        elif token.key == "by" and i > 1 and tokens[i - 1].cap and not ev.sentence_start(i - 1):
            _mark_after(ev, i + 1, Role.AUTHOR)  # a work's title, then its author: "Holes by Louis Sachar"
        else:
            _mark_after_role_or_cue(ev, i)
        i += 1


def _mark_dates_and_titles(ev: Evidence) -> None:
    """ "Reopens on Monday 13 April", "in May": a month that is also a first name, in a date;
    "costumes for Oliver! need to be in", "Act 2 of Oliver": a show's title."""
    text = ev.text
    for i, token in enumerate(ev.tokens):
        if token.cap and token.tag < 0 and not ev.all_lower_case and (
                TITLE_BANG.match(text, token.end) or ACT_OF.search(text[max(0, token.start - 16):token.start])):
            token.role = Role.TITLE
            continue
        if token.key not in NAME_MONTHS or not token.cap or token.tag >= 0 or token.possessive:
            continue
        before = text[max(0, token.start - 12):token.start]
        if DAY_BEFORE.search(before) or DAY_AFTER.match(text, token.end) or (
                i > 0 and ev.tokens[i - 1].key in TIME_WORDS_BEFORE and SPACE_GAP.fullmatch(token.gap)):
            token.role = Role.DATE


def _mark_after_role_or_cue(ev: Evidence, i: int) -> None:
    """ "author Jo Bright", "learning about Walter Raleigh": mark the name the word introduces."""
    tokens, lex = ev.tokens, ev.lex
    key = tokens[i].key
    cue = phrase_at(tokens, i, lex.adult_cues)
    role = phrase_at(tokens, i, lex.roles)
    if not role and "-" in key and any((p,) in lex.roles.get(p, ()) for p in key.split("-")):
        role = 1  # "author-illustrator Kwabena ...": a hyphenated role
    if role and i > 0 and tokens[i - 1].key in CHILD_ROLE_MARKERS:
        role = 0  # "young writer Ellie Thornton", "star reader ..." are children
    if cue or role:
        _mark_after(ev, i + max(cue, role), Role.INTRODUCED if cue else Role.ADULT_ROLE, listing=bool(cue))


def mark_run(ev: Evidence, i: int, role: Role) -> int:
    """Mark the name starting at token ``i`` (up to three joined words) with ``role``;
    return the index of the token after it."""
    tokens = ev.tokens
    tokens[i].role = role
    for k in range(i + 1, min(i + 3, len(tokens))):
        if not (joined(tokens[k - 1], tokens[k]) and (tokens[k].cap or ev.roster_word(tokens[k]))):
            return k
        tokens[k].role = role
    return min(i + 3, len(tokens))


def _mark_after(ev: Evidence, i: int, role: Role, listing: bool = False) -> None:
    """After a role word or cue: a capitalised name next, or after a few linking words
    ("author and illustrator Jo Bright", "our visitor, local poet ..."), is an adult's."""
    tokens = ev.tokens
    for k in range(i, min(i + 4, len(tokens))):
        if tokens[k].tag >= 0 or not ROLE_GAP.fullmatch(tokens[k].gap):
            return
        if tokens[k].cap and tokens[k].key not in ROLE_LINKS:
            end = mark_run(ev, k, role)
            if CLASS_LABEL.match(ev.text, tokens[end - 1].end):
                for m in range(k, end):  # "Written by Zuzanna Kwiatkowska, Y5": a pupil author
                    tokens[m].role = None
                return
            if listing:
                _mark_list(ev, end, role)
            return
        if tokens[k].key not in ROLE_LINKS and not phrase_at(tokens, k, ev.lex.roles):
            return


def _mark_list(ev: Evidence, end: int, role: Role) -> None:
    """ "learning about Walter Raleigh and Francis Drake": every name of the list."""
    tokens = ev.tokens
    while end < len(tokens):
        nxt = end + 1 if tokens[end].key == "and" and SPACE_GAP.fullmatch(tokens[end].gap) else end
        if nxt >= len(tokens) or not tokens[nxt].cap or tokens[nxt].tag >= 0 or \
                not (nxt > end or LIST_GAP.fullmatch(tokens[nxt].gap)) or \
                (nxt > end and not SPACE_GAP.fullmatch(tokens[nxt].gap)):
            break
        end = mark_run(ev, nxt, role)


def role_after(ev: Evidence, end: int) -> bool:
    """A role word right after a name: "Jo Bright MP", "Jo Bright, the author"."""
    tokens = ev.tokens
    if tokens[end - 1].possessive:
        return False  # "Anjali Venkataraman's dad": the role is a relative's; the name is the child's
    for k in range(end, min(end + 3, len(tokens))):
        if not ROLE_GAP.fullmatch(tokens[k].gap):
            return False
        if phrase_at(tokens, k, ev.lex.roles):
            return True
        if tokens[k].key not in ROLE_AFTER_LINKS:
            return False
    return False


def place_after(ev: Evidence, end: int) -> bool:
    """A place word after the name ("... Primary"), or a business word in any case ("... factory")."""
    tokens = ev.tokens
    if end >= len(tokens) or not joined(tokens[end - 1], tokens[end]):
        return False
    if tokens[end].key in ev.lex.business_words:
        return True
    for k in range(end + 1, min(end + 3, len(tokens))):
        # "the Ellen MacArthur Cancer Trust": a longer capitalised run ending in an organisation word
        if not (tokens[k - 1].cap and tokens[k].cap and joined(tokens[k - 1], tokens[k])):
            break
        if tokens[k].key in ev.lex.business_words:
            return True
    return tokens[end].cap and bool(phrase_at(tokens, end, ev.lex.place_words))
