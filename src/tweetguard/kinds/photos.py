"""``photos``: what a draft's attached photos carry, and what is published beside them.

Keys: ``check``, one of
- ``location``: an attached photo whose EXIF data gives the place it was taken;
- ``unreadable``: an attached file that is not an image, or cannot be read (so it could not
  be checked for a location);
- ``description``: a photo without a description (alt text), for people who use a screen
  reader;
- ``description_names``: a description that names a child in full, as the text may not
  (the description is published with the photo);
- ``first_names``: a photo and a child's first name together (UK Safer Internet Centre:
  "names, no images; images, no names"). Only when the school's config says
  ``names_with_photos: warn``: this school's policy allows first names beside photos.

Photos are files that exist beside the draft (core.photos); a name that is no file there
(the photo is still on the phone) is checked for its description only.
"""

from __future__ import annotations

from typing import Iterator, Mapping, get_args

from tweetguard.core.model import Draft, Finding, KeysIn, Rule
from tweetguard.kinds.base import Check, Context, Param, RuleParamError
from tweetguard.text.names import Form
from tweetguard.text.names.gazetteer import fold
from tweetguard.text.normalise import normalise

# Where a draft's keys are written (core.model.KeysIn), and a post already out: each may be
# told its own way to act.
ADVICE_FOR: tuple[str, ...] = (*get_args(KeysIn), "published")
CHECKS = ("location", "unreadable", "description", "description_names", "first_names")
PARAMS = {
    "check": Param(str, required=True, help="what to check: " + ", ".join(CHECKS)),
    "advice": Param((str, dict), default="", help="what to do, shown under the message ({file} and {name} "
                    "filled in); or one for each place a draft's keys are written (front matter, entry, "
                    "columns) and for a post already published"),
}


def build(rule: Rule, lists: Mapping[str, tuple[str, ...]]) -> Check:
    what = str(rule.params["check"])
    if what not in CHECKS:
        raise RuleParamError("check", f"'{what}' is not one of {', '.join(CHECKS)}")

    given = rule.params["advice"] or ""
    advice: dict[str, str] = ({str(k): str(v) for k, v in given.items()} if isinstance(given, dict)
                              else dict.fromkeys(ADVICE_FOR, str(given)))
    if set(advice) - set(ADVICE_FOR):
        raise RuleParamError("advice", f"gives advice for {sorted(set(advice) - set(ADVICE_FOR))[0]!r}; "
                             f"use {', '.join(ADVICE_FOR)}")

    def check(draft: Draft, context: Context) -> Iterator[Finding]:
        said = advice.get("published" if draft.published else draft.keys_in) or advice.get("front matter", "")
        for start, end, details in findings(draft, context):
            yield Finding(start, end, said.format_map(details) if said else None, details=details)

    def found(start: int, end: int, **details: str) -> tuple[int, int, dict[str, str]]:
        return start, end, details

    def findings(draft: Draft, context: Context) -> Iterator[tuple[int, int, dict[str, str]]]:
        if not draft.media:
            return
        if what == "location":
            for photo in context.photos(draft):
                if photo.located:
                    yield found(0, 0, file=photo.name)
        elif what == "unreadable":
            for photo in context.photos(draft):
                if photo.problem:
                    yield found(0, 0, file=photo.name, problem=photo.problem)
        elif what == "description":
            from tweetguard.core.photos import is_local_file  # only for a draft with media

            for name in draft.media:
                if name not in draft.descriptions and is_local_file(name):
                    yield found(0, 0, file=name)
        elif what == "description_names":
            for name, description in draft.descriptions.items():
                view = normalise(description)
                for match in context.analyse(view).names.pupil_names:
                    if match.form is Form.FULL:
                        start, end = view.to_original(match.start, match.end)
                        said = description[start:end]
                        yield found(0, 0, file=name, name=said, first=match.first_name or said)
        elif context.settings.names_with_photos:
            names = context.analysis.names
            # With a roster, its pupils only: the gazetteers' first names include everyday
            # words ("Viking", "Sunny") that the roster rules out.
            pupils = names.roster.first_names if names.roster is not None else None
            named = [m for m in names.first_names() if pupils is None or fold(m.first_name or "") in pupils]
            if named:
                start, end = context.view.to_original(named[0].start, named[0].end)
                yield found(start, end, name=draft.text[start:end])

    return check
