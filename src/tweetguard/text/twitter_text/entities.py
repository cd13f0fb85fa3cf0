"""Hashtags and mentions as twitter-text extracts them (extractHashtagsWithIndices,
extractMentionsWithIndices)."""

from __future__ import annotations

import functools
from typing import Any

from tweetguard.core.patterns import compiled_re, compiled_regex
from tweetguard.text.twitter_text.urls import (
    HASHTAG_SPECIAL,
    LATIN_ACCENT,
    extract_urls_with_indices,
    regex_module,
)

# ---------------------------------------------------------------------------
# Hashtags and mentions


@functools.cache
def _entity_patterns() -> dict[str, Any]:
    regex = regex_module()
    alpha = r"[\p{L}\p{M}]"
    alnum = rf"[\p{{L}}\p{{M}}\p{{Nd}}{HASHTAG_SPECIAL}]"
    boundary = rf"(?:^|\uFE0E|\uFE0F|\Z|(?!{alnum}|&)(?s:.))"
    hashtag = (
        rf"(?P<before>{boundary})(?P<hash>[#＃])(?!\uFE0F|\u20E3)"
        rf"(?P<tag>{alnum}*{alpha}{alnum}*)"
    )
    mention_preceding = r"(?:^|[^a-zA-Z0-9_!#$%&*@＠]|(?:^|[^a-zA-Z0-9_+~.\-])(?:rt|RT|rT|Rt):?)"
    mention = (
        rf"(?P<before>{mention_preceding})(?P<at>[@＠])"
        r"(?P<name>[a-zA-Z0-9_]{1,20})(?P<list>/[a-zA-Z][a-zA-Z0-9_\-]{0,24})?"
    )
    return {
        "hashtag": compiled_regex(hashtag, regex.IGNORECASE | regex.VERSION0),
        "end_hashtag": compiled_regex(r"(?:[#＃]|://)"),
        "mention": compiled_re(mention),
        "end_mention": compiled_re(rf"(?:[@＠]|[{LATIN_ACCENT}]|://)"),
    }


def extract_hashtags_with_indices(text: str) -> list[tuple[str, int, int]]:
    """Hashtags as (tag without '#', start, end); those inside URLs dropped."""
    if "#" not in text and "＃" not in text:
        return []
    pats = _entity_patterns()
    tags: list[tuple[str, int, int]] = []
    for m in pats["hashtag"].finditer(text):
        if pats["end_hashtag"].match(text, m.end()):
            continue
        tags.append((m.group("tag"), m.start("hash"), m.end("tag")))
    if not tags:
        return tags
    return _remove_overlapping(tags, extract_urls_with_indices(text))


def _remove_overlapping(
    tags: list[tuple[str, int, int]], urls: list[tuple[str, int, int]]
) -> list[tuple[str, int, int]]:
    """removeOverlappingEntities: sort hashtags and URLs by start (stable,
    hashtags first) and drop each entity that overlaps the last one kept;
    return the hashtags left."""
    entities = sorted(
        [(start, end, tag, True) for tag, start, end in tags]
        + [(start, end, url, False) for url, start, end in urls],
        key=lambda e: e[0],
    )
    kept: list[tuple[int, int, str, bool]] = []
    for ent in entities:
        if kept and kept[-1][1] > ent[0]:
            continue
        kept.append(ent)
    return [(text, start, end) for start, end, text, is_tag in kept if is_tag]


def extract_mentions_with_indices(text: str) -> list[tuple[str, int, int]]:
    """@mentions (not @user/list) as (screen name, start, end) with '@' in range."""
    if "@" not in text and "＠" not in text:
        return []
    pats = _entity_patterns()
    found: list[tuple[str, int, int]] = []
    for m in pats["mention"].finditer(text):
        if pats["end_mention"].match(text, m.end()):
            continue
        if m.group("list"):
            continue
        found.append((m.group("name"), m.start("at"), m.end("name")))
    return found
