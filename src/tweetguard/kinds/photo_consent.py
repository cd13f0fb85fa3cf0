"""``photo_consent``: photos attached to a draft that names a pupil without photo consent.

With a roster, a draft with ``media`` that names (by first name, in any case) a pupil whose
``photo_consent`` is no is reported: the photo may show that child. A first name that is
also an everyday word ("daisy chains") counts only when capitalised. Without a roster there
is nothing to check against, so nothing is reported.

Keys: ``full_names`` (default false): also report photos with any child's full name, since
a photo and a full name together let a stranger recognise the child.
"""

from __future__ import annotations

from typing import Iterator, Mapping

from tweetguard.core.model import Draft, Finding, Rule
from tweetguard.kinds.base import Check, Context, Param
from tweetguard.text.names import Form

PARAMS = {
    "full_names": Param(bool, default=False, help="report photos with any child's full name instead"),
}


def build(rule: Rule, lists: Mapping[str, tuple[str, ...]]) -> Check:
    full_names = bool(rule.params["full_names"])

    def check(draft: Draft, context: Context) -> Iterator[Finding]:
        if not draft.media:
            return
        analysis = context.analysis.names
        if full_names:
            for match in analysis.pupil_names:
                if match.form is Form.FULL:
                    start, end = context.view.to_original(match.start, match.end)
                    # The first name is in the message: shown again alone, it would read as advice.
                    yield Finding(start, end, None, None, {"name": draft.text[start:end], "first": match.first_name or draft.text[start:end]})
            return
        roster = context.roster
        if roster is None:
            return
        no_consent = {p.first_name.casefold() for p in roster.pupils if _refused(p.photo_consent)}
        if not no_consent:
            return
        seen: set[str] = set()
        mentions = [m for m in analysis.pupil_names if m.first is not None] + analysis.first_names()
        for match in sorted(mentions, key=lambda m: m.start):
            key = (match.first_name or "").casefold()
            if key not in no_consent or key in seen:
                continue
            if match.first_name and match.first_name[0].islower() and key in analysis.gaz.common_rank:
                continue  # "daisy chains": an everyday word, not the pupil Daisy
            seen.add(key)
            start, end = context.view.to_original(*(match.first or (match.start, match.end)))
            yield Finding(start, end, None, None, {"name": draft.text[start:end]})

    return check


def _refused(consent: object) -> bool:
    """Consent is refused when the roster says no (False, or the text 'no' from raw data)."""
    return consent is False or (isinstance(consent, str) and consent.strip().lower() in ("no", "n", "false"))
