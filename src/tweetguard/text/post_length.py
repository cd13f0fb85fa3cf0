"""A post's length as its platform counts it, and where it passes the limit.

- X: twitter-text v3 (``text/twitter_text``).
- Bluesky, Threads, Instagram, Facebook: Unicode extended grapheme clusters (``regex``'s
  ``\\X``), what a reader sees as one character: a family emoji or an accented letter
  typed as two code points is one.
- Mastodon: graphemes too, but a link with its scheme counts 23 whatever its length, and a
  mention's server part is not counted ("@ann@example.org" counts as "@ann"), as Mastodon's
  StatusLengthValidator does.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from tweetguard.core.platforms import Platform

if TYPE_CHECKING:
    from tweetguard.text.twitter_text import WeightConfig

MASTODON_URL_LENGTH = 23


@dataclass(frozen=True)
class PostLength:
    """How long a post is, and (when it is too long) where the part past the limit starts."""

    length: int
    overflow_start: int | None  # code-point offset of the first character past the limit


@lru_cache(maxsize=1)
def _patterns() -> dict[str, Any]:
    import regex

    return {
        "grapheme": regex.compile(r"\X"),
        # Mastodon's Account::MENTION_RE: '@user' then an optional '@server'.
        "mention": regex.compile(r"(?<![=/\w])@([a-z0-9_]+(?:[a-z0-9_.-]+[a-z0-9_]+)?)(@[\w.-]+\w+)?",
                                 regex.IGNORECASE),
    }


def _grapheme_pieces(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """(offset, 1) for each grapheme of text[start:end]."""
    for m in _patterns()["grapheme"].finditer(text, start, end):
        yield m.start(), 1


def _mastodon_pieces(text: str) -> Iterator[tuple[int, int]]:
    """(offset, weight) pieces: a link weighs 23, a mention its '@user', the rest 1 a grapheme."""
    from tweetguard.text.twitter_text import extract_urls_with_indices

    entities: list[tuple[int, int, int]] = [
        (start, end, MASTODON_URL_LENGTH) for url, start, end in extract_urls_with_indices(text)
        if url.lower().startswith(("http://", "https://"))]
    taken = [(s, e) for s, e, _ in entities]
    for m in _patterns()["mention"].finditer(text):
        if m.group(2) and not any(s < m.end() and m.start() < e for s, e in taken):
            entities.append((m.start(), m.end(), 1 + len(m.group(1))))
    at = 0
    for start, end, weight in sorted(entities):
        yield from _grapheme_pieces(text, at, start)
        yield start, weight
        at = end
    yield from _grapheme_pieces(text, at, len(text))


def _v3(limit: int) -> WeightConfig:
    """twitter-text v3's weights with ``limit`` (the shared config when it is 280)."""
    from tweetguard.text.twitter_text import V3

    return V3 if limit == V3.max_weighted_length else V3.with_limit(limit)


def post_length(text: str, platform: Platform, limit: int) -> PostLength:
    """``text``'s length on ``platform``, and where it passes ``limit``."""
    if platform.counting == "twitter-text":
        from tweetguard.text.twitter_text import parse_tweet

        parsed = parse_tweet(text, _v3(limit))
        over = None if parsed.weighted_length <= limit else min(parsed.valid_range_end + 1, len(text))
        return PostLength(parsed.weighted_length, over)
    pieces = _mastodon_pieces(text) if platform.counting == "mastodon" else _grapheme_pieces(text, 0, len(text))
    length, over = 0, None
    for offset, weight in pieces:
        length += weight
        if over is None and length > limit:
            over = offset
    return PostLength(length, over)


def could_exceed(text: str, platform: Platform, limit: int) -> bool:
    """False when ``text`` is short enough however it is counted (the full count is skipped)."""
    if platform.counting == "twitter-text":
        from tweetguard.text.twitter_text import length_bound

        return length_bound(text, _v3(limit)) > limit
    # A grapheme is at least one code point, and a Mastodon link of 23 or fewer characters
    # is the only piece that can weigh more than it is long.
    return len(text) > limit or (platform.counting == "mastodon" and "://" in text)


def hashtag_spans(text: str) -> list[tuple[int, int]]:
    """Where each hashtag is, as (start, end)."""
    from tweetguard.text.twitter_text import extract_hashtags_with_indices

    return [(start, end) for _, start, end in extract_hashtags_with_indices(text)]
