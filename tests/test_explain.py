"""explain, rules and policy: the catalogue and the policy, readable by a head teacher."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import run_cli

from tweetguard.catalogue.loader import load_catalogue
from tweetguard.commands.policy import enforces, load_clauses

CUSTOM = """rules:
  - id: no-sadly
    category: tone
    severity: warning
    kind: lexicon
    policy: "Twitter Usage Policy: the account will only share positive messages about the school."
    message: "'{match}' reads as negative."
    description: Finds words that make a post sound gloomy.
    words: [sadly]
    examples:
      bad: [Sadly it rained]
      good: [{text: "It rained, so we danced indoors", scheduled: "2026-03-11T10:00"}]
"""


@pytest.fixture
def rules(tmp_path: Path) -> Path:
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "tone.yaml").write_text(CUSTOM, encoding="utf-8")
    return tmp_path / "rules"


def test_explain_shows_what_why_and_examples(rules: Path) -> None:
    code, out, _ = run_cli("explain", "no-sadly", "--rules", str(rules))
    assert code == 0
    assert "(tone, warning)" in out
    assert "Finds words that make a post sound gloomy." in out
    assert "positive messages about the school" in out
    assert "✗ Sadly it rained" in out
    assert "✓ It rained, so we danced indoors" in out and "scheduled: 2026-03-11T10:00" in out


def test_explain_every_default_rule() -> None:
    for rule in load_catalogue().rules:
        code, out, _ = run_cli("explain", rule.id)
        assert code == 0 and rule.id in out and rule.bad[0].text.split()[0] in out


@pytest.mark.parametrize("typed, hint", [("posting-hour", "did you mean posting-hours"),
                                         ("schedule", "is a category"),
                                         ("zzzz", "tweetguard rules")])
def test_explain_unknown_rule(typed: str, hint: str) -> None:
    code, out, err = run_cli("explain", typed)
    assert code == 2 and out == ""
    assert hint in err and len(err.strip().splitlines()) == 1


def test_rules_table_lists_every_rule(rules: Path) -> None:
    code, out, _ = run_cli("rules", "--rules", str(rules))
    assert code == 0
    for rule in load_catalogue([rules]).rules:
        assert rule.id in out
    row = next(line for line in out.splitlines() if "no-sadly" in line)
    assert "tone" in row and "warning" in row and "Twitter Usage Policy" in row


def test_rules_json_shape(rules: Path) -> None:
    code, out, _ = run_cli("rules", "--format", "json", "--rules", str(rules))
    assert code == 0
    data = json.loads(out)
    assert set(data) == {"rules"}
    by_id = {r["id"]: r for r in data["rules"]}
    assert len(by_id) == len(load_catalogue([rules]).rules)
    mine = by_id["no-sadly"]
    assert {"id", "category", "severity", "policy", "message", "examples"} <= set(mine)
    assert mine["examples"]["bad"] == ["Sadly it rained"]
    assert mine["examples"]["good"] == [{"text": "It rained, so we danced indoors", "scheduled": "2026-03-11T10:00"}]


def test_rules_from_the_config_are_listed(rules: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / ".tweetguard.yaml").write_text("rules: [rules]\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert "no-sadly" in run_cli("rules")[1]


def test_policy_lists_clauses_rules_and_what_a_person_checks(rules: Path) -> None:
    code, out, _ = run_cli("policy", "--rules", str(rules))
    assert code == 0
    assert "What only a person can check" in out
    for phrase in ("password on a termly basis", "deleted once they have been shared", "only follow",
                   "school devices", "monitor the", "blocked"):
        assert phrase in out.replace("\n  ", " ")
    section = out.split("(positive-messages)")[1].split("\n\n")[0]
    assert "no-sadly" in section
    assert "posting-hours" in out.split("(posting-hours)")[1].split("\n\n")[0]


def test_policy_json_every_default_rule_is_placed_under_a_clause() -> None:
    code, out, _ = run_cli("policy", "--format", "json")
    assert code == 0
    clauses = json.loads(out)["clauses"]
    placed = {rule for clause in clauses for rule in clause["rules"]}
    assert placed == {rule.id for rule in load_catalogue().rules}, "a rule's policy text quotes no clause"
    assert {c["checked_by"] for c in clauses} == {"tweetguard", "person"}
    assert all(c["what_to_do"] for c in clauses if c["checked_by"] == "person")


def test_clause_quotes_are_in_the_policy_itself() -> None:
    policy = " ".join(Path(__file__).resolve().parent.joinpath("data", "policy", "social-media-policy.md")
                      .read_text(encoding="utf-8").lower().split())
    for clause in load_clauses():
        for quote in clause.quotes:
            assert quote.lower() in policy, f"{clause.id}: '{quote}' is not in the policy"


def test_a_rule_citing_a_clause_number_matches_it() -> None:
    [rule] = [r for r in load_catalogue().rules if r.id == "posting-hours"]
    from dataclasses import replace

    clause_5 = next(c for c in load_clauses() if c.number == 5)
    clause_11 = next(c for c in load_clauses() if c.number == 11)
    assert enforces(replace(rule, policy="Transparency, clause 5"), clause_5)
    assert enforces(replace(rule, policy="clauses 3 and 5"), clause_5)
    assert not enforces(replace(rule, policy="clause 15"), clause_5)
    assert not enforces(replace(rule, policy="clause 5"), clause_11)


def test_explain_fills_the_message_from_an_example() -> None:
    # The report's placeholders ({why}, {name}, {match}) are filled by checking the rule's own
    # first bad example, so the head teacher reads a real message, not a template.
    for rule in load_catalogue().rules:
        code, out, _ = run_cli("explain", rule.id)
        said = out.split("What the report says", 1)[1].split("Would be flagged", 1)[0]
        assert code == 0 and "{" not in said and "For \u201c" in said, rule.id
    _, out, _ = run_cli("explain", "targeted-child")
    assert "naming Josh" in out


def test_explain_custom_rule_message_filled(rules: Path) -> None:
    code, out, _ = run_cli("explain", "no-sadly", "--rules", str(rules))
    assert code == 0 and "'Sadly' reads as negative." in out
