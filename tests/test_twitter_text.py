"""twitter-text conformance: every case of the weighted-length sections of
validate.yml and the URL / hashtag / mention sections of extract.yml, read at
test time from tests/data/twitter-text (vendored upstream data)."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import pytest
import yaml

from tweetguard.text import twitter_text as tt

CONFORMANCE = Path(__file__).resolve().parent / "data" / "twitter-text"


@functools.cache
def _load(name: str) -> dict[str, list[dict[str, Any]]]:
    with open(CONFORMANCE / name, encoding="utf-8") as fh:
        return yaml.safe_load(fh)["tests"]


def _cases(name: str, section: str) -> list[Any]:
    cases = _load(name)[section]
    return [pytest.param(c, id=f"{section}-{i}-{c['description'][:40]}") for i, c in enumerate(cases)]


def _utf16_to_cp(text: str, index: int) -> int:
    """Code-point index of the character holding UTF-16 unit `index` (the
    expected ranges are UTF-16 offsets with an inclusive end)."""
    units = 0
    for cp_index, ch in enumerate(text):
        units += 2 if ord(ch) > 0xFFFF else 1
        if units > index:
            return cp_index
    return len(text) + (index - units)


WEIGHTED_SECTIONS = {
    "WeightedTweetsCounterTest": tt.V2,
    "WeightedTweetsWithDiscountedEmojiCounterTest": tt.V3,
    "UnicodeDirectionalMarkerCounterTest": tt.V3,
}


def _weighted_params() -> list[Any]:
    return [
        pytest.param(section, p.values[0], id=p.id)
        for section in WEIGHTED_SECTIONS
        for p in _cases("validate.yml", section)
    ]


@pytest.mark.parametrize(("section", "case"), _weighted_params())
def test_weighted_length(section: str, case: dict[str, Any]) -> None:
    text, exp = case["text"], case["expected"]
    got = tt.parse_tweet(text, WEIGHTED_SECTIONS[section])
    assert got.weighted_length == exp["weightedLength"]
    assert got.valid is exp["valid"]
    assert got.permillage == exp["permillage"]
    assert got.display_range == (
        _utf16_to_cp(text, exp["displayRangeStart"]),
        _utf16_to_cp(text, exp["displayRangeEnd"]),
    )
    assert got.valid_range == (
        _utf16_to_cp(text, exp["validRangeStart"]),
        _utf16_to_cp(text, exp["validRangeEnd"]),
    )


def test_weighted_length_helper_uses_v3() -> None:
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467\u200d\U0001f466"
    assert tt.weighted_length("H\U0001f431\u263a" + family) == 7
    assert tt.parse_tweet("H\U0001f431\u263a" + family, tt.V2).weighted_length == 16


def test_custom_limit() -> None:
    text = "x" * 150
    strict = tt.parse_tweet(text, tt.V3.with_limit(140))
    assert (strict.weighted_length, strict.valid, strict.valid_range_end) == (150, False, 139)
    assert tt.V3.max_weighted_length == 280
    assert tt.parse_tweet(text).valid is True


def test_empty_and_invalid() -> None:
    empty = tt.parse_tweet("")
    assert (empty.weighted_length, empty.valid, empty.display_range) == (0, False, (0, 0))
    assert tt.parse_tweet("ok\ufeff").valid is False


@pytest.mark.parametrize("case", _cases("extract.yml", "urls"))
def test_extract_urls(case: dict[str, Any]) -> None:
    assert [u for u, _s, _e in tt.extract_urls_with_indices(case["text"])] == case["expected"]


@pytest.mark.parametrize(
    "case", _cases("extract.yml", "urls_with_indices") + _cases("extract.yml", "urls_with_directional_markers")
)
def test_extract_urls_with_indices(case: dict[str, Any]) -> None:
    expected = [(e["url"], *e["indices"]) for e in case["expected"]]
    assert tt.extract_urls_with_indices(case["text"]) == expected


@pytest.mark.parametrize("case", _cases("tlds.yml", "country") + _cases("tlds.yml", "generic"))
def test_extract_urls_tlds(case: dict[str, Any]) -> None:
    assert [u for u, _s, _e in tt.extract_urls_with_indices(case["text"])] == case["expected"]


@pytest.mark.parametrize(
    "case", _cases("extract.yml", "hashtags") + _cases("extract.yml", "hashtags_from_astral")
)
def test_extract_hashtags(case: dict[str, Any]) -> None:
    assert [h for h, _s, _e in tt.extract_hashtags_with_indices(case["text"])] == case["expected"]


@pytest.mark.parametrize("case", _cases("extract.yml", "hashtags_with_indices"))
def test_extract_hashtags_with_indices(case: dict[str, Any]) -> None:
    expected = [(e["hashtag"], *e["indices"]) for e in case["expected"]]
    assert tt.extract_hashtags_with_indices(case["text"]) == expected


@pytest.mark.parametrize("case", _cases("extract.yml", "mentions"))
def test_extract_mentions(case: dict[str, Any]) -> None:
    assert [m for m, _s, _e in tt.extract_mentions_with_indices(case["text"])] == case["expected"]


@pytest.mark.parametrize("case", _cases("extract.yml", "mentions_with_indices"))
def test_extract_mentions_with_indices(case: dict[str, Any]) -> None:
    expected = [(e["screen_name"], *e["indices"]) for e in case["expected"]]
    assert tt.extract_mentions_with_indices(case["text"]) == expected
