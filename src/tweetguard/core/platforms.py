"""The platforms a school posts to: how long a post may be there, and what a post is called.

Each limit is the platform's own documented one (README, "Platforms"). How each counts is
in ``text/post_length.py``; the other rules apply alike everywhere.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

# twitter-text: X's weighted count (URLs 23, emoji 2, most non-Latin characters 2).
# graphemes: what a reader sees as one character ("👨‍👩‍👧" is one), links as written.
# mastodon: graphemes, each link 23, a mention's server part not counted ("@ann@example.org" is "@ann").
Counting = Literal["twitter-text", "graphemes", "mastodon"]


@dataclass(frozen=True)
class Platform:
    """One platform's limits and words."""

    name: str  # as written in --platform and the config
    label: str  # as written in messages
    limit: int
    counting: Counting
    post: str  # what one post is called there
    max_hashtags: int | None = None
    threads: bool = True  # a long post can be split into a thread of replies
    source: str = ""  # where the limit is documented (shown by `tweetguard policy`)


PLATFORMS: dict[str, Platform] = {p.name: p for p in (
    Platform("x", "X", 280, "twitter-text", "tweet",
             source="https://developer.x.com/en/docs/counting-characters"),
    Platform("bluesky", "Bluesky", 300, "graphemes", "post",
             source="atproto lexicon app.bsky.feed.post: text maxGraphemes 300"),
    Platform("mastodon", "Mastodon", 500, "mastodon", "post",
             source="https://docs.joinmastodon.org/user/posting/ (links 23, a mention's domain not counted)"),
    Platform("threads", "Threads", 500, "graphemes", "post",
             source="Threads Help Centre: posts of up to 500 characters"),
    Platform("instagram", "Instagram", 2200, "graphemes", "caption", max_hashtags=30, threads=False,
             source="Instagram Help Centre: captions of up to 2,200 characters and 30 hashtags"),
    Platform("facebook", "Facebook", 63206, "graphemes", "post", threads=False,
             source="Facebook's post limit of 63,206 characters, as measured by publishers (not in its help pages)"),
)}
DEFAULT_PLATFORM = "x"


def platform_named(name: str) -> Platform:
    """The platform called ``name``; ValueError naming the valid ones otherwise."""
    try:
        return PLATFORMS[name.strip().lower()]
    except KeyError:
        raise ValueError(f"is '{name}', which tweetguard does not know; use one of "
                         f"{', '.join(PLATFORMS)}") from None
