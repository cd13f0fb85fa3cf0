"""Suppression lives in front matter with a reason; one that suppresses nothing is reported."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import run_cli

SATURDAY = "2026-03-14T10:00"


def check_draft(tmp_path: Path, text: str, *args: str) -> tuple[int, dict, str]:  # type: ignore[type-arg]
    draft = tmp_path / "draft.md"
    draft.write_text(text, encoding="utf-8")
    code, out, err = run_cli("check", str(draft), "--at", SATURDAY, "--format", "json",
                             "--select", "schedule,length", *args)
    return code, (json.loads(out)["drafts"][0] if out.strip() and json.loads(out)["drafts"] else {}), err


@pytest.mark.parametrize("key", ["posting-hours", "schedule"])
def test_allow_by_rule_or_category_with_a_reason(tmp_path: Path, key: str) -> None:
    code, draft, _ = check_draft(tmp_path, f'---\ntweetguard:\n  allow:\n    {key}: "Head agreed: term dates go out on Saturday"\n'
                                           "---\nTerm dates for next year are on the website.\n")
    assert code == 0
    assert draft["violations"] == []
    assert any("Head agreed" in note["message"] for note in draft["notes"])


def test_without_the_allow_the_draft_fails(tmp_path: Path) -> None:
    code, draft, _ = check_draft(tmp_path, "Term dates for next year are on the website.\n")
    assert code == 1 and [v["rule"] for v in draft["violations"]] == ["posting-hours"]


def test_an_unused_suppression_is_reported(tmp_path: Path) -> None:
    code, draft, _ = check_draft(tmp_path, '---\ntweetguard: {allow: {tweet-too-long: "it is long"}}\n---\n'
                                           "Short tweet.\n", "--at", "2026-03-11T10:00")
    rules = [v["rule"] for v in draft["violations"]]
    assert "unused-suppression" in rules
    [unused] = [v for v in draft["violations"] if v["rule"] == "unused-suppression"]
    assert "tweet-too-long" in unused["message"] and unused["severity"] == "warning"
    assert code == 0  # a warning: fails only with --strict


@pytest.mark.parametrize("allow", ['posting-hours: ""', "posting-hours:", "posting-hours: 42"])
def test_a_suppression_without_a_reason_is_an_error(tmp_path: Path, allow: str) -> None:
    code, draft, err = check_draft(tmp_path, f"---\ntweetguard:\n  allow:\n    {allow}\n---\nTerm dates.\n")
    assert code == 2 and draft == {}
    assert "needs a reason" in err and "draft.md" in err and len(err.strip().splitlines()) == 1


def test_a_suppression_in_the_tweet_text_does_nothing(tmp_path: Path) -> None:
    # The text is what gets published: a comment there is not a suppression.
    code, draft, _ = check_draft(tmp_path, "Term dates are out. # tweetguard: allow posting-hours\n")
    assert code == 1 and [v["rule"] for v in draft["violations"]] == ["posting-hours"]


def test_other_tweetguard_keys_are_refused(tmp_path: Path) -> None:
    code, _, err = check_draft(tmp_path, "---\ntweetguard: {ignore: [posting-hours]}\n---\nTerm dates.\n")
    assert code == 2 and "allow" in err
