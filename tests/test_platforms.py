"""Each platform's length, counted as the platform counts it, at and around its limit."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import WEEKDAY_MORNING, run_cli

from tweetguard.catalogue.loader import Catalogue
from tweetguard.core.model import Draft
from tweetguard.core.platforms import PLATFORMS
from tweetguard.core.settings import Settings
from tweetguard.engine.checker import Engine
from tweetguard.text.post_length import post_length

FAMILY = "\U0001f468\u200d\U0001f469\u200d\U0001f467"  # one grapheme, five code points
E_ACUTE = "e\u0301"  # "é" typed as a letter and a combining accent: one grapheme
AT = "2026-03-11T10:00"


def length_findings(catalogue: Catalogue, text: str, platform: str, **settings: object) -> list[str]:
    engine = Engine(catalogue, Settings(select=("length",), platform=PLATFORMS[platform], **settings))  # type: ignore[arg-type]
    result, failures = engine.check(Draft("t", text), WEEKDAY_MORNING)
    assert not failures
    return [v.message for v in result.violations]


def words(count: int) -> str:
    """``count`` characters of plain words."""
    return ("Year 6 had a lovely day. " * (count // 25 + 1))[:count]


@pytest.mark.parametrize(("platform", "limit"), [("bluesky", 300), ("threads", 500), ("mastodon", 500),
                                                 ("instagram", 2200), ("facebook", 63206), ("x", 280)])
def test_at_the_limit_passes_and_one_over_fails(catalogue: Catalogue, platform: str, limit: int) -> None:
    assert length_findings(catalogue, words(limit), platform) == []
    [message] = length_findings(catalogue, words(limit + 1), platform)
    label = PLATFORMS[platform].label
    assert f"{limit + 1} characters as {label} counts them, 1 over its {limit} limit" in message


def test_a_message_names_what_a_post_is_called_there(catalogue: Catalogue) -> None:
    assert length_findings(catalogue, words(281), "x")[0].startswith("This tweet is 281")
    assert length_findings(catalogue, words(301), "bluesky")[0].startswith("This post is 301")
    assert length_findings(catalogue, words(2201), "instagram")[0].startswith("This caption is 2201")


def test_bluesky_counts_what_a_reader_sees_as_one_character() -> None:
    bluesky = PLATFORMS["bluesky"]
    assert post_length(FAMILY * 300, bluesky, 300).length == 300
    assert post_length(FAMILY * 300, bluesky, 300).overflow_start is None
    over = post_length(words(299) + FAMILY + E_ACUTE, bluesky, 300)
    assert (over.length, over.overflow_start) == (301, 299 + len(FAMILY))


def test_x_still_weighs_emoji_two_and_links_23(catalogue: Catalogue) -> None:
    assert length_findings(catalogue, FAMILY * 140, "x") == []
    assert length_findings(catalogue, FAMILY * 141, "x")
    # Bluesky counts the same family emoji once each: 141 is well under its 300.
    assert length_findings(catalogue, FAMILY * 141, "bluesky") == []


def test_mastodon_counts_a_link_as_23_and_not_a_mentions_server(catalogue: Catalogue) -> None:
    mastodon = PLATFORMS["mastodon"]
    link = "https://www.oakfield.sch.uk/news/" + "a" * 200
    assert post_length(f"See {link} now", mastodon, 500).length == len("See  now") + 23
    assert post_length("Thanks @ann@example.social!", mastodon, 500).length == len("Thanks @ann!")
    # Without a scheme a domain is counted as written, as Mastodon does.
    assert post_length("See oakfield.sch.uk/news", mastodon, 500).length == len("See oakfield.sch.uk/news")
    assert length_findings(catalogue, words(476) + " " + link, "mastodon") == []  # 476 + 1 + 23 = 500
    assert length_findings(catalogue, words(477) + " " + link, "mastodon")
    # A short link counts 23 too: 492 characters as typed, 504 as Mastodon counts them.
    assert length_findings(catalogue, words(480) + " http://a.co", "mastodon")


def test_a_mastodon_servers_own_limit(catalogue: Catalogue) -> None:
    assert length_findings(catalogue, words(900), "mastodon", length_limit=1000) == []
    [message] = length_findings(catalogue, words(1001), "mastodon", length_limit=1000)
    assert "1 over its 1000 limit" in message


def test_a_house_max_is_never_above_the_platforms(catalogue: Catalogue) -> None:
    rule = next(r for r in catalogue.rules if r.id == "tweet-too-long")
    strict = replace(rule, params={**rule.params, "max": 200})
    loose = replace(rule, params={**rule.params, "max": 5000})
    for house, text, expected in ((strict, words(201), True), (loose, words(501), True), (loose, words(500), False)):
        engine = Engine(replace(catalogue, rules=(house,)), Settings(platform=PLATFORMS["mastodon"]))
        result, _ = engine.check(Draft("t", text), WEEKDAY_MORNING)
        assert bool(result.violations) is expected, (house.params, len(text))


def test_instagram_takes_30_hashtags_and_no_more(catalogue: Catalogue) -> None:
    tags = " ".join(f"#tag{i}" for i in range(31))
    thirty = "Sports day! " + " ".join(f"#tag{i}" for i in range(30))
    assert length_findings(catalogue, thirty, "instagram") == []
    [message] = length_findings(catalogue, "Sports day! " + tags, "instagram")
    assert message.startswith("This caption has 31 hashtags, 1 more than Instagram allows (30)")
    assert length_findings(catalogue, "Sports day! " + tags, "facebook") == []


def test_the_highlight_starts_at_the_first_character_past_the_limit(catalogue: Catalogue) -> None:
    engine = Engine(catalogue, Settings(select=("length",), platform=PLATFORMS["bluesky"]))
    text = FAMILY * 300 + "abc"
    result, _ = engine.check(Draft("t", text), WEEKDAY_MORNING)
    [violation] = result.violations
    assert text[violation.start:violation.end] == "abc"


def test_check_platform_on_the_command_line() -> None:
    code, out, _ = run_cli("check", "--platform", "bluesky", "--at", AT, "--format", "json", "--text", words(301))
    assert code == 1 and "as Bluesky counts them" in out
    code, out, _ = run_cli("check", "--platform", "mastodon", "--at", AT, "--format", "json", "--text", words(301))
    assert code == 0, out


def test_an_unknown_platform_is_exit_2_listing_the_names() -> None:
    code, _, err = run_cli("check", "--platform", "myspace", "--at", AT, "--text", "Hello")
    assert code == 2 and "'myspace'" in err and "bluesky" in err and "Traceback" not in err


def test_the_config_names_the_platform_and_a_servers_limit(tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".tweetguard.yaml").write_text("platform: mastodon\nlength_limit: 600\n")
    assert run_cli("check", "--at", AT, "--text", words(600))[0] == 0
    code, out, _ = run_cli("check", "--at", AT, "--format", "json", "--text", words(601))
    assert code == 1 and "over its 600 limit" in out
    # --platform for another platform: the server's limit no longer applies.
    code, out, _ = run_cli("check", "--platform", "bluesky", "--at", AT, "--format", "json", "--text", words(301))
    assert code == 1 and "over its 300 limit" in out


@pytest.mark.parametrize(("config", "said"), [("platform: myspace\n", "myspace"),
                                               ("length_limit: lots\n", "whole number")])
def test_a_wrong_config_value_is_one_line_naming_the_file_and_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                   config: str, said: str) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".tweetguard.yaml").write_text("timezone: Europe/London\n" + config)
    code, _, err = run_cli("check", "--at", AT, "--text", "Hello")
    assert code == 2 and ".tweetguard.yaml:2" in err and said in err
    assert len(err.strip().splitlines()) == 1


def test_a_drafts_front_matter_names_its_platform(tmp_path: Path) -> None:
    (tmp_path / "ig.txt").write_text("---\nplatform: instagram\n---\n" + words(400) + "\n")
    (tmp_path / "x.txt").write_text(words(400) + "\n")
    code, out, _ = run_cli("check", "--at", AT, "--format", "json", str(tmp_path))
    report = json.loads(out)
    by_file = {Path(d["source"]).name: [v["rule"] for v in d["violations"]] for d in report["drafts"]}
    assert by_file == {"ig.txt": [], "x.txt": ["tweet-too-long"]} and code == 1


def test_a_wrong_front_matter_platform_names_the_file(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("---\nplatform: tiktok\n---\nHello\n")
    (tmp_path / "b.txt").write_text("Hello\n")
    code, _, err = run_cli("check", "--at", AT, str(tmp_path))
    assert code == 2 and "a.txt" in err and "tiktok" in err and "Traceback" not in err


def test_policy_names_each_platforms_limit_and_its_source() -> None:
    code, out, _ = run_cli("policy")
    assert code == 0 and "bluesky: 300 characters as a reader sees them" in out
    assert "instagram: 2,200" in out and "at most 30 hashtags" in out and "docs.joinmastodon.org" in out and "maxGraphemes 300" in out
    code, out, _ = run_cli("policy", "--format", "json")
    platforms = {p["name"]: p for p in json.loads(out)["platforms"]}
    assert set(platforms) == set(PLATFORMS) and platforms["mastodon"]["limit"] == 500
