"""``length``: the tweet fits the platform's limit, counted as the platform counts it.

Keys: ``max`` (default 280). Weighted length is twitter-text v3: URLs count 23, emoji 2,
most non-Latin characters 2. The part past the limit is what gets highlighted.
"""

from __future__ import annotations

from typing import Iterator, Mapping

from tweetguard.core.model import Draft, Finding, Rule
from tweetguard.kinds.base import Check, Context, Param

PARAMS = {"max": Param(int, default=280)}


def build(rule: Rule, lists: Mapping[str, tuple[str, ...]]) -> Check:
    limit = int(rule.params["max"])

    def check(draft: Draft, context: Context) -> Iterator[Finding]:
        from tweetguard.text.twitter_text import (  # counting data loads only when needed
            V3,
            length_bound,
            parse_tweet,
        )

        config = V3 if limit == V3.max_weighted_length else V3.with_limit(limit)
        if length_bound(draft.text, config) <= limit:
            return  # short enough however it is counted: skip the full parse
        parsed = parse_tweet(draft.text, config)
        if parsed.weighted_length <= limit:
            return
        overflow = min(parsed.valid_range_end + 1, len(draft.text))
        yield Finding(overflow, len(draft.text), "Shorten it, or split it into a thread.",
                      details={"length": str(parsed.weighted_length), "max": str(limit),
                               "over": str(parsed.weighted_length - limit)})

    return check
