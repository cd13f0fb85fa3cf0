"""A child's name in other forms than "First Surname":

- register style: "ADEBAYO, Timilehin", "Adeyemi, Tobi —";
- a roster pupil's name run together in a lower-case hashtag: "#welldoneelliethornton";
- a family name: "the Okoro sisters", "the Hall twins";
- a titled parent's child: "Mrs Quigley's son Alistair";
- a full name in lower case: "shoutout to zainab akhtar".
"""

from __future__ import annotations

from dataclasses import replace

import regex

from tweetguard.core.patterns import lazy_regex
from tweetguard.text.names.cues import TITLE_GAP
from tweetguard.text.names.evidence import CLASS_LABEL, PARTICLES, Evidence
from tweetguard.text.names.tokens import Token, full_match, joined, unicode_patterns
from tweetguard.text.names.verdicts import Form, NameMatch, Reason

# "Surname, First": the comma between, what may come before (start, line, colon, dash) and
# after (the end, a sentence end, a dash or a bracket).
REGISTER_COMMA = lazy_regex(r",[ \t]*")
REGISTER_OPENING = lazy_regex(r"(?:\n|[:;–—-])\W*$")
REGISTER_CLOSING = lazy_regex(r"[ \t]*(?:$|[.!?;\n–—(]|-\s)")
# "1st Mensah, Kwame; 2nd Adeyemi, Tobi": a place in results opens a register entry too.
ORDINAL_ENDINGS = frozenset(("st", "nd", "rd", "th"))
# "Okoro, Zara (R)": a Reception child, which CLASS_LABEL (a year's number) does not cover.
RECEPTION_LABEL = lazy_regex(r"\s*\(\s*(?:R|Rec|Reception)\s*\)", regex.I)
# Family words after a titled parent's possessive that point to their child: "Mrs Quigley's son Alistair",
# "Mrs Okoro's daughters Amara and Zara".
# Not "children", "boys", "girls": "Mrs Taylor's girls" is her class or team.
CHILD_WORDS = frozenset("son sons daughter daughters child grandson grandsons granddaughter granddaughters "
                        "twins".split())
# A parent named by their child: "Maya's mum, Mrs Singh", "Mrs Okoro, mum of Amara".
PARENT_WORDS = frozenset("mum mam mom dad mother father mummy mommy daddy parent parents grandma grandmother "
                         "grandad granddad grandpa grandfather granny gran nan nana nanna carer stepmum stepdad "
                         "family".split())
OPEN_BRACKET = lazy_regex(r"[ \t]*\([ \t]*")
CLOSE_BRACKET = lazy_regex(r"[ \t]*\)")


def lowercase_tags(ev: Evidence) -> list[NameMatch]:
    """A full name run together in a hashtag without capitals: a roster pupil's anywhere in
    it (#welldoneelliethornton), or, closing it, a listed first name and a listed surname
    that are not everyday words (#welldonefinnlarsen)."""
    if "#" not in ev.text:
        return []
    text = ev.text
    found: list[NameMatch] = []
    for tag in unicode_patterns()[0].finditer(text):
        body = tag.group("tag")
        if not body or any(c.isupper() for c in body[1:]):
            continue
        lowered = body[1:].lower()
        spans = [(at, len(first), len(last)) for first, last in (ev.roster.joined if ev.roster else ())
                 if (at := lowered.find(first + last)) >= 0]
        reason = Reason.PUPIL_HASHTAG
        if not spans:
            spans, reason = _closing_name(ev, lowered), Reason.LOWER_CASE
        for at, first_length, last_length in spans:
            start = tag.start() + 1 + at
            middle, end = start + first_length, start + first_length + last_length
            found.append(NameMatch(start, end, Form.FULL, text[start:middle], text[middle:end],
                                   (start, middle), (middle, end), reason))
    return found


def _closing_name(ev: Evidence, body: str) -> list[tuple[int, int, int]]:
    """Where a hashtag's letters end with a first name then a surname, both listed and neither
    an everyday word: "welldonefinnlarsen" -> finn, larsen. Empty when none does."""
    first_names, surnames, common = ev.gaz.first_names, ev.gaz.surnames, ev.gaz.common_rank
    if not body.isalpha() or len(body) < 7:
        return []
    for split in range(len(body) - 4, 2, -1):  # the surname: 4 letters at least
        surname = body[split:]
        if surname not in surnames or surname in common:
            continue
        for begin in range(max(0, split - 12), split - 2):  # the first name: 3 to 12 letters
            first = body[begin:split]
            if first in first_names and first not in common:
                if (first, surname) in ev.lex.known.get(first, ()):
                    return []  # "#roalddahlday": someone famous, whom the policy allows
                return [(begin, split - begin, len(surname))]
    return []


def family_names(ev: Evidence) -> list[NameMatch]:
    """A surname with a family word: "the Okoro sisters", "the Hall twins"."""
    tokens = ev.tokens
    found: list[NameMatch] = []
    for i in range(1, len(tokens) - 1):
        name, family = tokens[i], tokens[i + 1]
        if family.key not in ev.lex.family_words or name.ruled_out or not joined(name, family):
            continue
        start = i - 1 if i >= 2 and tokens[i - 1].key in PARTICLES and tokens[i - 1].cap else i  # "the Ó Briain"
        if tokens[start - 1].key != "the" or not joined(tokens[start - 1], tokens[start]) \
                or not joined(tokens[start], name):
            continue
        in_roster = ev.roster_word(name)
        # Any capitalised word that is not an everyday word: "the Warsame family".
        if not in_roster and not (name.cap and (ev.surname_strength(name) > 0 or (
                name.key not in ev.gaz.common_rank and len(name.key) > 2))):
            continue
        end = name.name_end
        begin = tokens[start].start
        found.append(NameMatch(begin, end, Form.FAMILY, None, ev.text[begin:end], None, (begin, end),
                               Reason.FAMILY))
    return found


def plural_families(ev: Evidence) -> list[NameMatch]:
    """A roster surname in the plural after "the": "the Reids on the BBQ", "the Hugheses" (a
    family, so its children, named by surname). Not a surname that is also an everyday word
    ("the Woods", "the Marshes", "the Walkers"): in the plural that is a place or a thing."""
    if ev.roster is None:
        return []
    tokens = ev.tokens
    found: list[NameMatch] = []
    for i in range(1, len(tokens)):
        token = tokens[i]
        if not token.cap or token.ruled_out or tokens[i - 1].key != "the" or not joined(tokens[i - 1], token) \
                or token.tag >= 0 or not token.key.endswith("s"):
            continue
        key, surnames = token.key, ev.roster.surnames
        stem = key[:-2] if key.endswith("es") and key[:-2] in surnames else key[:-1] if key[:-1] in surnames else None
        if stem is None or stem in ev.gaz.common_rank:
            continue  # "the Marshes", "the Walkers", "the Bakers", "the Bishops": words first
        found.append(NameMatch(token.start, token.end, Form.FAMILY, None, token.text, None,
                               (token.start, token.end), Reason.FAMILY))
    return found


def children_of_titled_parents(ev: Evidence) -> list[NameMatch]:
    """A titled parent's surname and their child's first name together are the child's full
    name: "Mrs Quigley's son Alistair", "Mrs Okoro's daughters Amara and Zara", "Mrs Okoro,
    mum of Amara and Zara", "Mrs Okoro, whose daughter Zara", "Ms Nowak (Jakub's mum)", "Maya's mum,
    Mrs Singh". What to write
    instead keeps the child and the parent's role, not the surname ("Jakub's mum")."""
    tokens = ev.tokens
    found: list[NameMatch] = []
    for i in range(1, len(tokens) - 1):
        title, parent = tokens[i - 1], tokens[i]
        if not (ev.is_title(title) and parent.cap and (joined(title, parent) or TITLE_GAP.fullmatch(parent.gap))):
            continue
        after = tokens[i + 1]
        if parent.possessive and after.key in CHILD_WORDS and joined(parent, after):  # Mrs Okoro's daughters Amara
            children = _children(ev, i + 2)
            if children:
                found.append(_with_parent(ev, title.start, children[-1].end, children, parent, None))
        elif after.key == "whose" and REGISTER_COMMA.fullmatch(after.gap) and i + 2 < len(tokens) \
                and tokens[i + 2].key in CHILD_WORDS and joined(after, tokens[i + 2]):
            children = _children(ev, i + 3)  # Mrs Okoro, whose daughter Zara
            if children:
                found.append(replace(_with_parent(ev, title.start, children[-1].end, children, parent, None),
                                     reason=Reason.TITLED_PARENT_CLAUSE))
        elif after.key in PARENT_WORDS and REGISTER_COMMA.fullmatch(after.gap) and not parent.possessive \
                and i + 2 < len(tokens) and tokens[i + 2].key == "of" and joined(after, tokens[i + 2]):
            children = _children(ev, i + 3)  # Mrs Okoro, mum of Amara and Zara
            if children:
                found.append(_with_parent(ev, title.start, children[-1].end, children, parent, after.text))
        elif OPEN_BRACKET.fullmatch(after.gap) and after.possessive and _a_child(ev, after) \
                and i + 2 < len(tokens) and tokens[i + 2].key in PARENT_WORDS and joined(after, tokens[i + 2]):
            closing = CLOSE_BRACKET.match(ev.text, tokens[i + 2].end)  # Ms Nowak (Jakub's mum)
            if closing:
                found.append(_with_parent(ev, title.start, closing.end(), [after], parent, tokens[i + 2].text))
        elif (apposed := _apposed_children(ev, i)) is not None:
            # "Mr Nowak, Jakub's dad, came in": the closing comma goes with the surname ("Jakub's dad came in")
            children, role_at = apposed
            end = tokens[role_at].end
            if role_at + 1 < len(tokens) and ev.text.startswith(", ", end) and not tokens[role_at + 1].cap \
                    and tokens[role_at + 1].key not in CLAUSE_WORDS:
                end += 1
            match = _with_parent(ev, title.start, end, children, parent, tokens[role_at].text)
            # "Thanks to Mrs Hall, Ella and Sam's mum" may thank three people: with two children
            # the apposition is a guess, so the rule advises and does not rewrite.
            found.append(match if len(children) == 1 else replace(match, reason=Reason.TITLED_PARENT_CLAUSE))
        else:
            own = _own_child(ev, i)  # Mrs Price and her son Sam; Mrs Bakare, helped by her daughter Funmi
            if own:
                found.append(replace(_with_parent(ev, title.start, own[-1].end, own, parent, None),
                                     reason=Reason.TITLED_PARENT_CLAUSE))
    for i in range(len(tokens) - 3):
        child, role, title, parent = tokens[i:i + 4]  # Maya's mum, Mrs Singh
        if child.possessive and _a_child(ev, child) and role.key in PARENT_WORDS and joined(child, role) \
                and REGISTER_COMMA.fullmatch(title.gap) and ev.is_title(title) and parent.cap \
                and TITLE_GAP.fullmatch(parent.gap):
            found.append(_with_parent(ev, child.start, parent.name_end, [child], parent, role.text))
    return found


# The parent words of "Mr Nowak, Jakub's dad": not "family" ("Oakfield's family liaison officer").
APPOSED_PARENTS = PARENT_WORDS - {"family", "parents"}
# Words that open a clause after a comma: the comma before them stays ("Jakub's dad, who...").
CLAUSE_WORDS = frozenset("who whose which and or but as".split())


def _apposed_children(ev: Evidence, i: int) -> tuple[list[Token], int] | None:
    """After a titled parent ``i``, a comma and their children's role: "Mr Nowak, Jakub's dad",
    "Mr Okoro, Amara and Zara's dad". The children, and where the role word is."""
    tokens = ev.tokens
    if i + 1 >= len(tokens) or not REGISTER_COMMA.fullmatch(tokens[i + 1].gap) or not _a_child(ev, tokens[i + 1]):
        return None
    children = [tokens[i + 1]]
    if not children[0].possessive and i + 3 < len(tokens) and tokens[i + 2].key in ("and", "&") \
            and joined(tokens[i + 1], tokens[i + 2]):
        children += _children(ev, i + 3)  # "Amara and Zara's dad"
    if not children[-1].possessive:
        return None
    role = tokens.index(children[-1], i + 1) + 1
    if role >= len(tokens) or tokens[role].key not in APPOSED_PARENTS or not joined(children[-1], tokens[role]) \
            or not _apposition(ev, i - 1, role):
        return None
    return children, role


def _apposition(ev: Evidence, title: int, role: int) -> bool:
    """"Mr Nowak, Jakub's dad" is one person when it is not in a list of people ("Mrs Lee, Mr
    Nowak, Jakub's dad, and Amara's mum"), and the role closes: punctuation or the end after it,
    not a verb ("Thank you Miss Hall, Oliver's mum says he loved it")."""
    tokens, text = ev.tokens, ev.text
    if "," in tokens[title].gap and title > 0 and tokens[title - 1].cap:
        return False  # a name, a comma, then this title: a list
    end = tokens[role].end
    rest = text[end:end + 2]
    if rest[:1] not in ("", ",", ".", "!", "?", ")", ";", ":") and not rest.startswith((" –", " —", " -")):
        return False
    if rest.startswith(",") and role + 1 < len(tokens) and (
            tokens[role + 1].cap or tokens[role + 1].key in ("and", "&")):
        return False  # "..., Jakub's dad, Mrs Lee and the PTA", "..., Jakub's dad, and Amara's mum": a list
    return True


# "her son", "his daughters": the titled adult's own child, named next.
OWN_WORDS = frozenset(("her", "his"))
# Which of them a title takes ("Mrs Price and her son"; Dr, Mx and Rev take either).
TITLE_PRONOUNS = {"mrs": "her", "ms": "her", "miss": "her", "mr": "his"}
# How far after the titled adult "her son Sam" may come, in words, inside one sentence.
OWN_CHILD_REACH = 16


def _own_child(ev: Evidence, i: int) -> list[Token]:
    """The children named as a titled adult's own later in the sentence: "Mrs Price and her
    son Sam", "Mrs Bakare, who came in to cook, helped by her daughter Funmi". Not past the
    sentence's end, another titled adult or anyone named by a first name (whose "her" it
    might be: "Mr Davies helped Amira and her son Yusuf"), and "her" only after a woman's
    title, "his" after a man's."""
    tokens = ev.tokens
    pronoun = TITLE_PRONOUNS.get(tokens[i - 1].key.rstrip("."))
    for j in range(i + 1, min(len(tokens) - 2, i + 1 + OWN_CHILD_REACH)):
        token = tokens[j]
        if ev.sentence_start(j) or ev.is_title(token) or token.cap and ev.first_strength(token) == 2:
            return []
        if token.key in OWN_WORDS and tokens[j + 1].key in CHILD_WORDS and joined(token, tokens[j + 1]):
            return _children(ev, j + 2) if pronoun in (None, token.key) else []
    return []


def _a_child(ev: Evidence, token: Token) -> bool:
    """A capitalised first name (known, or a word no list knows) that context has not ruled out."""
    return token.cap and not token.ruled_out and (ev.first_strength(token) > 0 or ev.unknown(token))


def _children(ev: Evidence, i: int) -> list[Token]:
    """The first names listed from token ``i``: "Amara", "Amara and Zara", "Amara, Zara and Kofi"."""
    tokens = ev.tokens
    children: list[Token] = []
    # Each name right after the word before it (a space, or a comma in a list): never across
    # a sentence's end ("Mrs Taylor's twins! Rose scored twice").
    while i < len(tokens) and _a_child(ev, tokens[i]) and (joined(tokens[i - 1], tokens[i])
                                                            or (children and REGISTER_COMMA.fullmatch(tokens[i].gap))):
        children.append(tokens[i])
        if i + 2 < len(tokens) and tokens[i + 1].key in ("and", "&") and joined(tokens[i], tokens[i + 1]):
            i += 2
        else:
            i += 1
    return children


def _with_parent(ev: Evidence, start: int, end: int, children: list[Token], parent: Token,
                 role: str | None) -> NameMatch:
    """The span naming the children with their parent's surname; what to write instead is the
    children alone, or with the parent's role ("Jakub's mum")."""
    names = ev.text[children[0].start:children[-1].name_end]
    instead = f"{names}'s {role}" if role else names
    return NameMatch(start, end, Form.FULL, instead, parent.text[:parent.name_end - parent.start],
                     (children[0].start, children[-1].name_end), (parent.start, parent.name_end),
                     Reason.TITLED_PARENT)


def lower_case_full_names(ev: Evidence) -> list[NameMatch]:
    """ "shoutout to zainab akhtar": a full name typed in lower case. Without a roster only
    a pair no English dictionary word could be: a listed first name then a listed surname,
    neither of them an everyday word (so not "will smith" or "grace hall"); or one of the two
    listed and the other a word of no list at all ("kasia nowak", "zuzanna wiśniewska")."""
    tokens = ev.tokens
    first_names, surnames, common = ev.gaz.first_names, ev.gaz.surnames, ev.gaz.common_rank
    found: list[NameMatch] = []
    for i in range(len(tokens) - 1):
        first, surname = tokens[i], tokens[i + 1]
        # Word lookups first: they rule out almost every pair at once.
        if first.key in common or surname.key in common:
            continue
        listed_first, listed_surname = first.key in first_names, surname.key in surnames
        if not (listed_first and listed_surname) and not (
                (listed_first and _unlisted(ev, surname)) or (listed_surname and _unlisted(ev, first)
                                                              and surname.key[:-1] not in common)):
            continue  # ("staffroom flowers": a plural of an everyday word)
        if first.cap or surname.cap or first.ruled_out or surname.ruled_out or first.tag >= 0 or surname.tag >= 0:
            continue
        if not joined(first, surname) or len(first.key) < 3 or len(surname.key) < 3:
            continue
        found.append(full_match(first.start, first, surname, Reason.LOWER_CASE))
    return found


def _unlisted(ev: Evidence, token: Token) -> bool:
    """A word of four letters or more that no list knows: no everyday word, name or place."""
    key = token.key
    return len(key) >= 4 and key.isalpha() and key not in ev.gaz.first_names and key not in ev.gaz.surnames \
        and key not in ev.lex.triggers and key not in ev.lex.event_words


def register_style(ev: Evidence) -> list[NameMatch]:
    """ "ADEBAYO, Timilehin", "Adeyemi, Tobi —", "Okoro, Zara (R); Chen, Mei (R)": a surname,
    a comma and a first name, as a register lists them: opening the text, a line or what
    follows a colon or dash, or with the child's class after it (the class says the pair is
    one child, not two people listed: "Thanks to Reid, Tom and Maya"). A roster pupil counts
    in any letter case; never after a title ("Mrs Patel, Amara (Y3)")."""
    tokens, text = ev.tokens, ev.text
    found: list[NameMatch] = []
    for i in range(len(tokens) - 1):
        surname, first = tokens[i], tokens[i + 1]
        if surname.ruled_out or first.ruled_out or surname.tag >= 0 or first.tag >= 0 or surname.possessive:
            continue
        pupil = ev.pupil(first.key, surname.key)
        if not ((surname.cap and first.cap) or pupil) or not REGISTER_COMMA.fullmatch(first.gap):
            continue
        # "1st Mensah": the ordinal's "st" is no title (St), as "Mrs" in "Mrs Patel, Amara (Y3)" is.
        placed = i > 0 and tokens[i - 1].key in ORDINAL_ENDINGS and text[tokens[i - 1].start - 1:tokens[i - 1].start].isdigit()
        if i > 0 and ev.is_title(tokens[i - 1]) and not placed:
            continue
        labelled = bool(CLASS_LABEL.match(text, first.name_end) or RECEPTION_LABEL.match(text, first.name_end))
        opening = (i == 0 or placed or REGISTER_OPENING.search(surname.gap)) and REGISTER_CLOSING.match(text, first.end)
        if not (labelled or opening):
            continue  # "Paris, France and Spain": more words follow
        # With a class alone, the surname must be no first name ("Harvey, Jack (Y5) and Isla" lists
        # children), or written in a register's capitals ("ADEBAYO, Femi (Y5)").
        shouted = surname.text.isupper() and len(surname.key) > 2
        if not pupil and not (_register_surname(ev, i) if opening or shouted else _surname_only(ev, surname)):
            continue
        if not pupil and ev.first_strength(first) < (2 if labelled else 1) and not ev.unknown(first):
            continue
        found.append(full_match(surname.start, first, surname, Reason.REGISTER))
    return found


def _surname_only(ev: Evidence, token: Token) -> bool:
    """A surname the gazetteer knows that is no first name (the gazetteer's or the roster's)."""
    return token.key in ev.gaz.surnames and token.key not in ev.gaz.first_names and not ev.roster_first(token.key)


def _register_surname(ev: Evidence, i: int) -> bool:
    """Register style writes the surname in capitals ("ADEBAYO, Timilehin"), but "WOW, Ellie!"
    shouts a word; in plain case a first name first ("Harrison, Ellis") is a list."""
    surname, gaz = ev.tokens[i], ev.gaz
    if surname.text.isupper() and len(surname.key) > 2:
        return not (surname.key in gaz.common_rank and surname.key not in gaz.surnames)
    return surname.key not in gaz.first_names and (
        ev.surname_strength(surname) == 2 or surname.key in gaz.surnames)
