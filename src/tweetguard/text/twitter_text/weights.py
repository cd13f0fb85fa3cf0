"""twitter-text v3 weighted length (parseTweet): the weighting configuration, each
character's weight, URLs counted as 23 and emoji sequences as one weight."""

from __future__ import annotations

import dataclasses
import functools
import math
import unicodedata
from dataclasses import dataclass, field

from tweetguard.text.twitter_text.emoji import find_emoji
from tweetguard.text.twitter_text.urls import extract_urls_with_indices

# ---------------------------------------------------------------------------
# Configuration


@dataclass(frozen=True)
class WeightRange:
    """Code points ``start``..``end`` weigh ``weight`` (a docstring spares @dataclass making one)."""

    start: int
    end: int
    weight: int


@dataclass(frozen=True)
class WeightConfig:
    """The fields of twitter-text's config/v3.json."""

    version: int = 3
    max_weighted_tweet_length: int = 280
    scale: int = 100
    default_weight: int = 200
    emoji_parsing_enabled: bool = True
    transformed_url_length: int = 23
    ranges: tuple[WeightRange, ...] = field(
        default=(
            WeightRange(0, 4351, 100),
            WeightRange(8192, 8205, 100),
            WeightRange(8208, 8223, 100),
            WeightRange(8242, 8247, 100),
        )
    )

    @property
    def max_weighted_length(self) -> int:
        """Short alias used by the length rule."""
        return self.max_weighted_tweet_length

    def with_limit(self, limit: int) -> WeightConfig:
        """Same weights, another limit (for a policy stricter than 280)."""
        return dataclasses.replace(self, max_weighted_tweet_length=limit)


V3 = WeightConfig()
# "v2" is v3 without emoji discounting; the conformance suite still tests it.
V2 = WeightConfig(version=2, emoji_parsing_enabled=False)


@dataclass(frozen=True)
class ParsedTweet:
    """Result of parse_tweet. Ranges are inclusive code-point indices into
    the text as given (not the NFC-normalised text)."""

    weighted_length: int
    valid: bool
    permillage: int
    display_range: tuple[int, int]
    valid_range: tuple[int, int]

    @property
    def valid_range_end(self) -> int:
        """Index of the last character that still fits (inclusive)."""
        return self.valid_range[1]

    @property
    def display_range_end(self) -> int:
        return self.display_range[1]


# ---------------------------------------------------------------------------
# Weighted length

_INVALID_CHARS = frozenset("\ufffe\ufeff\uffff")


def weighted_length(text: str) -> int:
    """Weighted length under the v3 rules (limit 280)."""
    return parse_tweet(text).weighted_length


def parse_tweet(text: str, config: WeightConfig = V3) -> ParsedTweet:
    """Port of twitter-text's parseTweet."""
    normalized = unicodedata.normalize("NFC", text)
    entity_end = _entity_ends(normalized, config)
    scale = config.scale
    limit = config.max_weighted_tweet_length * scale

    units = 0  # weight in config units (scale 100 = one character)
    valid = True
    valid_index = 0
    i = 0
    n = len(normalized)
    while i < n:
        kind, end = entity_end.get(i, (None, i + 1))
        if kind == "url":
            units += config.transformed_url_length * scale
        elif kind == "emoji":
            units += config.default_weight
        else:
            units += _char_weight(normalized[i], config)
        last = end - 1
        # JS only checks the last UTF-16 unit of each step; invalid chars are
        # BMP and never end a URL or emoji, so this is the same check.
        if valid:
            valid = normalized[last] not in _INVALID_CHARS
        if valid and units <= limit:
            valid_index = last
        i = end

    length_float = units / scale
    valid = valid and 0 < length_float <= config.max_weighted_tweet_length
    # Same float arithmetic as the JS, so rounding agrees.
    permillage = math.floor(length_float / config.max_weighted_tweet_length * 1000)
    valid_index += len(text) - len(normalized)  # JS's normalizationOffset
    return ParsedTweet(
        weighted_length=units // scale,
        valid=valid,
        permillage=permillage,
        display_range=(0, len(text) - 1 if text else 0),
        valid_range=(0, valid_index),
    )


def length_bound(text: str, config: WeightConfig = V3) -> int:
    """A cheap upper bound on ``parse_tweet(text, config).weighted_length``.

    No character or emoji weighs more than the heaviest weight (ASCII text has no emoji, so
    there the heaviest ASCII weight), and every URL has a dot of its own and counts as
    ``transformed_url_length``: a draft under the limit by this bound needs no parse.
    """
    normalized = unicodedata.normalize("NFC", text)
    heaviest = _ascii_weight(config) if normalized.isascii() else _heaviest_weight(config)
    units = heaviest * len(normalized) + config.transformed_url_length * config.scale * normalized.count(".")
    return units // config.scale


@functools.lru_cache(maxsize=8)
def _heaviest_weight(config: WeightConfig) -> int:
    return max([config.default_weight, *(r.weight for r in config.ranges)])


@functools.lru_cache(maxsize=8)
def _ascii_weight(config: WeightConfig) -> int:
    return max(_char_weight(chr(code), config) for code in range(128))


def _entity_ends(text: str, config: WeightConfig) -> dict[int, tuple[str, int]]:
    """Map start index -> (kind, end) for URLs and (if enabled) emoji.
    URLs win over emoji at the same start, as in parseTweet."""
    ends: dict[int, tuple[str, int]] = {}
    if config.emoji_parsing_enabled:
        for start, end in find_emoji(text):
            ends[start] = ("emoji", end)
    for _url, start, end in extract_urls_with_indices(text):
        ends[start] = ("url", end)
    return ends


def _char_weight(ch: str, config: WeightConfig) -> int:
    cp = ord(ch)
    if cp > 0xFFFF:
        # JS weighs an astral char by its low surrogate (charAt after the
        # surrogate-pair skip); mimic that for exactness with custom ranges.
        cp = 0xDC00 + ((cp - 0x10000) & 0x3FF)
    for r in config.ranges:
        if r.start <= cp <= r.end:
            return r.weight
    return config.default_weight
