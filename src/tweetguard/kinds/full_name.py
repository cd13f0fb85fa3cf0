"""``full_name``: a child named beyond their first name (full name, or family name alone).

Keys: ``forms`` (which of ``full``, ``family`` to report; default both); ``adult_context``
(phrases that, in the same sentence, say the name may be an adult's: "for running the PTA").
The detector is tweetguard.text.names; its word lists (titles, roles, places, famous
people...) come from the catalogue's ``lists:`` and the school's config, and the roster when
one is loaded.

The fix keeps the first name, except where that would change what the draft says: two
children with one first name ("Ellie Thornton and Ellie Baxter" would become "Ellie and
Ellie"), or a name the sentence suggests is an adult's that no roster confirms as a pupil's
("Thank you to Sarah Jones for running the PTA"): those are reported with advice and no fix.
The message's ``{advice}`` says which.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator, Mapping

from tweetguard.core.model import Draft, Finding, Rule
from tweetguard.kinds.base import Check, Context, Param, RuleParamError
from tweetguard.text.names.verdicts import NameMatch, Reason
from tweetguard.text.phrases import first_phrase, gather, phrase_index
from tweetguard.text.wordmatch import PhraseIndex

PARAMS = {
    "forms": Param(list, default=["full", "family"],
                   help="full (first name + surname), family (a family's surname), surname (a player's surname alone)"),
    "adult_context": Param(list, default=[], help="phrases that make a name in their sentence possibly an adult's"),
    "adult_context_lists": Param(list, default=[], help="catalogue lists of such phrases"),
}
FORMS = ("full", "family", "surname")
# The roster says so: a pupil's name, whatever the sentence around it suggests.
ON_THE_ROSTER = (Reason.PUPIL, Reason.FIRST_AND_PUPIL_SURNAME, Reason.PUPIL_HASHTAG)


def build(rule: Rule, lists: Mapping[str, tuple[str, ...]]) -> Check:
    forms = tuple(str(f) for f in rule.params["forms"] or ())
    unknown = [f for f in forms if f not in FORMS]
    if unknown or not forms:
        raise RuleParamError("forms", f"must list some of {', '.join(FORMS)}, not {unknown or forms}")
    adult = phrase_index(gather(rule.params["adult_context"], rule.params["adult_context_lists"], lists,
                                "adult_context_lists"))

    def check(draft: Draft, context: Context) -> Iterator[Finding]:
        matches = [m for m in context.analysis.names.pupil_names if m.form in forms]
        shared = _shared_first_names(matches)
        cues = _AdultCues(context, adult)
        for match in matches:
            start, end = context.view.to_original(match.start, match.end)
            details = {"reason": str(match.reason), "surname": match.surname_text or ""}
            if match.first_name is None:
                yield Finding(start, end, None, None, details)
                continue
            # The fix keeps only the first name, so "#WellDoneEllieThornton" becomes
            # "#WellDoneEllie" and "Kwame Mensah's" becomes "Kwame's"; a child named with a
            # titled parent keeps the parent's role ("Ms Nowak (Jakub's mum)": "Jakub's mum").
            first = (match.first_name if match.reason is Reason.TITLED_PARENT or not match.first
                     else draft.text[slice(*context.view.to_original(*match.first))])
            details = {**details, "first_name": first}
            withheld = _why_no_fix(match, first, shared, cues)
            if withheld is None:
                # Text under a right-to-left override is checked in the order it is shown,
                # which is not the order it is stored in: say what to write, fix nothing.
                fix = first if _same_order(match, context) else None
                yield Finding(start, end, first, fix, {**details, "advice": f"write \u201c{first}\u201d instead"})
            else:
                yield Finding(start, end, None, None, {**details, "advice": withheld})

    return check


def _same_order(match: NameMatch, context: Context) -> bool:
    """Whether the name's parts lie in the draft in the order the checked text shows them."""
    if match.first is None or match.surname is None:
        return True
    shown_first = match.first[0] < match.surname[0]
    stored_first = context.view.to_original(*match.first)[0] < context.view.to_original(*match.surname)[0]
    return shown_first == stored_first


def _shared_first_names(matches: list[NameMatch]) -> set[str]:
    """First names (case-folded) that two different children in the draft share."""
    surnames: dict[str, set[str]] = {}
    for match in matches:
        if match.first_name is not None:
            surnames.setdefault(match.first_name.casefold(), set()).add((match.surname_text or "").casefold())
    return {first for first, family in surnames.items() if len(family) > 1}


class _AdultCues:
    """The first adult-context phrase of each sentence, each sentence searched once (a long
    draft of many names is one sentence: searched per name, it would be read N times)."""

    def __init__(self, context: Context, adult: PhraseIndex) -> None:
        self.text = context.view.text
        self.adult = adult
        self.sentences = context.analysis.sentences
        self.starts = [start for start, _ in self.sentences]
        self.found: dict[int, str | None] = {}

    def near(self, match: NameMatch) -> str | None:
        index = bisect_right(self.starts, match.start) - 1
        if index < 0 or match.start >= self.sentences[index][1]:
            return None
        if index not in self.found:
            start, end = self.sentences[index]
            self.found[index] = first_phrase(self.text[start:end], self.adult)
        return self.found[index]


def _why_no_fix(match: NameMatch, first: str, shared: set[str], cues: _AdultCues) -> str | None:
    """Why keeping the first name alone would be wrong here, as advice; None when it is safe."""
    if match.reason is Reason.ROSTER_FAMILY:
        adult = match.surname_text or ""
        return (f"with {first} in this draft, this surname gives a pupil's full name ({first} {adult}): if this "
                f"is {first}'s family, say who they are without the surname (“{first}'s dad”, "
                f"“{first}'s grandma”); if they are not related, say so in the draft's front matter "
                f"(tweetguard: {{allow: {{child-full-name: not related}}}})")
    if match.reason is Reason.TITLED_PARENT_CLAUSE:
        return (f"say who is thanked without the surname that names {first} in full: the parent's title "
                f"and role (\u201c{first}'s mum\u201d), or leave {first} out of the sentence")
    if first.casefold() in shared:
        return (f"two children here are called {first}, so \u201c{first}\u201d alone would not say which is "
                f"meant; tell them apart another way, such as their classes (\u201c{first} in Year 3\u201d)")
    if match.reason not in ON_THE_ROSTER and match.reason is not Reason.TITLED_PARENT:  # the adult is titled
        cue = cues.near(match)
        if cue is not None:
            title = f"Mr or Mrs {match.surname_text}" if match.surname_text else "Mr or Mrs"
            return (f"if this is an adult (\u201c{cue}\u201d reads like one), give their title or role instead "
                    f"({title}, or \u201cour PTA chair\u201d) or add the name to allow_names in the settings; "
                    f"if it is a child, write \u201c{first}\u201d")
    return None
