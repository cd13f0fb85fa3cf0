"""``full_name``: a child named beyond their first name (full name, or family name alone).

Keys: ``forms`` (which of ``full``, ``family`` to report; default both). The detector is
tweetguard.text.names; its word lists (titles, roles, places, famous people...) come from the
catalogue's ``lists:`` and the school's config, and the roster when one is loaded.
"""

from __future__ import annotations

from typing import Iterator, Mapping

from tweetguard.core.model import Draft, Finding, Rule
from tweetguard.kinds.base import Check, Context, Param, RuleParamError

PARAMS = {
    "forms": Param(list, default=["full", "family"],
                   help="full (first name + surname), family (a family's surname), surname (a player's surname alone)"),
}
FORMS = ("full", "family", "surname")


def build(rule: Rule, lists: Mapping[str, tuple[str, ...]]) -> Check:
    forms = tuple(str(f) for f in rule.params["forms"] or ())
    unknown = [f for f in forms if f not in FORMS]
    if unknown or not forms:
        raise RuleParamError("forms", f"must list some of {', '.join(FORMS)}, not {unknown or forms}")

    def check(draft: Draft, context: Context) -> Iterator[Finding]:
        for match in context.analysis.names.pupil_names:
            if match.form not in forms:
                continue
            start, end = context.view.to_original(match.start, match.end)
            details = {"reason": str(match.reason), "surname": match.surname_text or ""}
            if match.first_name is None:
                yield Finding(start, end, None, None, details)
            else:
                # The fix keeps only the first name, so "#WellDoneEllieThornton" becomes
                # "#WellDoneEllie" and "Kwame Mensah's" becomes "Kwame's".
                first = draft.text[slice(*context.view.to_original(*match.first))] if match.first else match.first_name
                yield Finding(start, end, first, first, {**details, "first_name": first})

    return check
