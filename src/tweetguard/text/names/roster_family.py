"""A titled adult who shares a roster pupil's surname, in a draft naming that pupil.

"Thank you Mr Reid for the lovely feedback about Tom's first week": with Tom Reid on the
roster, "Mr Reid" and "Tom" together give a pupil's full name, however far apart. Every
draft of this shape in the labelled corpora (24, by nine authors) is labelled a name
violation. Without a roster nothing ties the two, so nothing is found.
"""

from __future__ import annotations

from tweetguard.text.names.cues import TITLE_GAP
from tweetguard.text.names.evidence import Evidence
from tweetguard.text.names.verdicts import Form, NameMatch, Reason, Role


def roster_families(ev: Evidence) -> list[NameMatch]:
    """Each titled adult ("Mr Reid") whose surname, with a capitalised first name elsewhere
    in the draft, is a roster pupil's name: the match covers the title and surname, and
    names the pupil's first name (what to say instead is the adult's role, not a guess)."""
    roster = ev.roster
    if roster is None:
        return []
    tokens = ev.tokens
    adults = [i for i in range(1, len(tokens)) if tokens[i].cap and tokens[i].key in roster.surnames
              and ev.is_title(tokens[i - 1]) and TITLE_GAP.fullmatch(tokens[i].gap)]
    if not adults:
        return []
    # Where each capitalised word first appears (its first two places: one may be the adult's
    # own surname), read once, so each adult is looked up, not the draft walked again.
    places: dict[str, list[int]] = {}
    for j, token in enumerate(tokens):
        # The roster outweighs context ("about Tom's first week" reads like a topic), not a title.
        if token.cap and token.role is not Role.TITLED and len(places.setdefault(token.key, [])) < 3:
            places[token.key].append(j)
    firsts = _first_names_by_surname(roster.pairs)
    found: list[NameMatch] = []
    for i in adults:
        title, adult = tokens[i - 1], tokens[i]
        child = next((tokens[j] for first in firsts.get(adult.key, ()) for j in places.get(first, ())
                      if j not in (i - 1, i)), None)
        if child is not None:
            found.append(NameMatch(title.start, adult.name_end, Form.FULL, child.text[:child.name_end - child.start],
                                   adult.text[:adult.name_end - adult.start], (child.start, child.name_end),
                                   (adult.start, adult.name_end), Reason.ROSTER_FAMILY))
    return found


def _first_names_by_surname(pairs: frozenset[tuple[str, str]]) -> dict[str, list[str]]:
    """The roster's first names (folded) under each surname, in a fixed order."""
    by_surname: dict[str, list[str]] = {}
    for first, surname in sorted(pairs):
        by_surname.setdefault(surname, []).append(first)
    return by_surname
