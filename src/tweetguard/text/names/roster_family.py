"""A titled adult who shares a roster pupil's surname, in a draft naming that pupil.

"Thank you Mr Reid for the lovely feedback about Tom's first week": with Tom Reid on the
roster, "Mr Reid" and "Tom" together give a pupil's full name, however far apart. Every
draft of this shape in the labelled corpora (24, by nine authors) is labelled a name
violation. Without a roster nothing ties the two, so nothing is found.
"""

from __future__ import annotations

from tweetguard.text.names.cues import TITLE_GAP
from tweetguard.text.names.evidence import Evidence
from tweetguard.text.names.tokens import Token
from tweetguard.text.names.verdicts import Form, NameMatch, Reason, Role


def roster_families(ev: Evidence) -> list[NameMatch]:
    """Each titled adult ("Mr Reid") whose surname, with a capitalised first name elsewhere
    in the draft, is a roster pupil's name: the match covers the title and surname, and
    names the pupil's first name (what to say instead is the adult's role, not a guess)."""
    roster = ev.roster
    if roster is None:
        return []
    tokens = ev.tokens
    found: list[NameMatch] = []
    for i in range(1, len(tokens)):
        title, adult = tokens[i - 1], tokens[i]
        if not (adult.cap and adult.key in roster.surnames and ev.is_title(title) and TITLE_GAP.fullmatch(adult.gap)):
            continue
        child = _their_child(tokens, i, adult.key, roster.pairs)
        if child is not None:
            found.append(NameMatch(title.start, adult.name_end, Form.FULL, child.text[:child.name_end - child.start],
                                   adult.text[:adult.name_end - adult.start], (child.start, child.name_end),
                                   (adult.start, adult.name_end), Reason.ROSTER_FAMILY))
    return found


def _their_child(tokens: list[Token], at: int, surname: str, pairs: frozenset[tuple[str, str]]) -> Token | None:
    """The first capitalised word in the draft, apart from the adult's title and surname,
    that is a roster pupil's first name with this surname (not a first name written just
    before the title: "Tom Mr Reid" is not a shape anyone writes)."""
    for j, token in enumerate(tokens):
        # The roster outweighs context ("about Tom's first week" reads like a topic), not a title.
        if j in (at - 1, at) or not token.cap or token.role is Role.TITLED:
            continue
        if (token.key, surname) in pairs:
            return token
    return None
