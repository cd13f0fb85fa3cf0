"""``length``: the post fits its platform's limit, counted as the platform counts it.

Keys: ``max``, a house limit stricter than the platform's (default: the platform's own, or
the config's ``length_limit``); ``measure: hashtags`` counts hashtags instead, against the
platform's hashtag limit (Instagram's 30), and finds nothing where the platform has none.
The part past the limit is what gets highlighted.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping

from tweetguard.core.model import Draft, Finding, Rule
from tweetguard.core.platforms import Platform
from tweetguard.core.settings import Settings
from tweetguard.kinds.base import Check, Context, Param

PARAMS = {
    "max": Param(int, help="a limit of the school's own, below the platform's"),
    "measure": Param(str, default="characters", help="characters or hashtags"),
}
MEASURES = ("characters", "hashtags")


def _limit(house: int | None, platform_limit: int) -> int:
    return platform_limit if house is None else min(house, platform_limit)


def character_limit(params: Mapping[str, object], settings: Settings, platform: Platform) -> int | None:
    """The character limit a ``length`` rule with these params holds a post on ``platform``
    to; None for a rule that counts hashtags."""
    if params.get("measure", "characters") == "hashtags":
        return None
    house = params.get("max")
    return _limit(house if isinstance(house, int) else None, settings.length_limit_for(platform))


def build(rule: Rule, lists: Mapping[str, tuple[str, ...]]) -> Check:
    from tweetguard.core.errors import RuleParamError

    house = rule.params.get("max")
    measure = str(rule.params.get("measure", "characters"))
    if measure not in MEASURES:
        raise RuleParamError("measure", f"is '{measure}'; use {' or '.join(MEASURES)}")
    if measure == "hashtags":
        return _hashtag_check(house)

    def check(draft: Draft, context: Context) -> Iterator[Finding]:
        from tweetguard.text.post_length import could_exceed, post_length

        platform = context.settings.platform_for(draft)
        limit = _limit(house, context.settings.length_limit_for(platform))
        if not could_exceed(draft.text, platform, limit):
            return  # short enough however it is counted: skip the full count
        counted = post_length(draft.text, platform, limit)
        if counted.overflow_start is None:
            return
        yield Finding(counted.overflow_start, len(draft.text), _advice(platform),
                      details={"length": str(counted.length), "max": str(limit),
                               "over": str(counted.length - limit)})

    return check


def _advice(platform: Platform) -> str:
    return "Shorten it, or split it into a thread." if platform.threads else "Shorten it."


def _hashtag_check(house: int | None) -> Check:
    def check(draft: Draft, context: Context) -> Iterator[Finding]:
        platform = context.settings.platform_for(draft)
        if platform.max_hashtags is None or "#" not in draft.text and "＃" not in draft.text:
            return
        from tweetguard.text.post_length import hashtag_spans

        limit = _limit(house, platform.max_hashtags)
        spans = hashtag_spans(draft.text)
        if len(spans) > limit:
            yield Finding(spans[limit][0], spans[-1][1], f"Keep {limit} hashtags or fewer.",
                          details={"length": str(len(spans)), "max": str(limit),
                                   "over": str(len(spans) - limit)})

    return check
