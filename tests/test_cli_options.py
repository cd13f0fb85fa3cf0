"""check's options: --select, --ignore, --statistics, --strict, --exit-zero, --quiet."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import run_cli

WEDNESDAY = "2026-03-11T10:00"
SATURDAY = "2026-03-14T10:00"
RULES = """rules:
  - id: no-sadly
    category: tone
    severity: warning
    kind: lexicon
    policy: "Twitter Usage Policy: positive messages only"
    message: "'{match}' reads as negative."
    words: [sadly, unfortunately]
    examples: {bad: [Sadly it rained], good: [It rained]}
  - id: no-detention
    category: targeted
    severity: error
    kind: lexicon
    policy: "Twitter Usage Policy: individually targeted content will not be posted"
    message: "'{match}' singles a child out."
    words: [detention]
    examples: {bad: [in detention], good: [in assembly]}
"""


@pytest.fixture
def drafts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "mine.yaml").write_text(RULES, encoding="utf-8")
    folder = tmp_path / "drafts"
    folder.mkdir()
    (folder / "clean.txt").write_text("Year 4 loved the museum.", encoding="utf-8")
    (folder / "sad.txt").write_text("Sadly, unfortunately, the fair is off.", encoding="utf-8")
    (folder / "mixed.txt").write_text("Sadly two of them are in detention.", encoding="utf-8")
    return folder


def check(drafts: Path, *args: str) -> tuple[int, str, str]:
    return run_cli("check", str(drafts), "--rules", "rules", "--at", WEDNESDAY, "--format", "json", *args)


def rules_found(out: str) -> list[str]:
    return sorted(v["rule"] for d in json.loads(out)["drafts"] for v in d["violations"])


def test_select_by_rule_and_category(drafts: Path) -> None:
    assert rules_found(check(drafts, "--select", "no-sadly")[1]) == ["no-sadly"] * 3
    assert rules_found(check(drafts, "--select", "targeted")[1]) == ["no-detention"]
    assert rules_found(check(drafts, "--select", "tone,targeted")[1]) == ["no-detention"] + ["no-sadly"] * 3


def test_ignore_wins_over_select(drafts: Path) -> None:
    out = check(drafts, "--select", "tone,targeted", "--ignore", "no-detention")[1]
    assert rules_found(out) == ["no-sadly"] * 3


def test_ignore_a_category(drafts: Path) -> None:
    code, out, _ = run_cli("check", "--text", "Reading records due.", "--at", SATURDAY, "--ignore", "schedule",
                           "--select", "schedule,length")
    assert code == 0


def test_statistics_counts_each_rule(drafts: Path) -> None:
    code, out, _ = run_cli("check", str(drafts), "--rules", "rules", "--at", WEDNESDAY, "--format", "text",
                           "--select", "tone,targeted", "--statistics")
    assert code == 1
    lines = [line.split() for line in out.splitlines()]
    assert ["3", "no-sadly"] in lines and ["1", "no-detention"] in lines


def test_strict_counts_warnings(drafts: Path) -> None:
    sad = drafts / "sad.txt"
    base = ("check", str(sad), "--rules", "rules", "--at", WEDNESDAY, "--select", "tone")
    assert run_cli(*base)[0] == 0
    assert run_cli(*base, "--strict")[0] == 1


def test_exit_zero_but_not_for_unreadable_input(drafts: Path) -> None:
    assert check(drafts, "--select", "targeted", "--exit-zero")[0] == 0
    (drafts / "broken.txt").write_bytes(b"\xff\xfe not utf-8")
    code, _, err = check(drafts, "--select", "targeted", "--exit-zero")
    assert code == 2 and "broken.txt" in err


def test_quiet_shows_only_drafts_with_problems(drafts: Path) -> None:
    args = ("check", str(drafts), "--rules", "rules", "--at", WEDNESDAY, "--format", "text", "--select", "targeted")
    loud = run_cli(*args)[1]
    quiet = run_cli(*args, "--quiet")[1]
    assert "clean.txt" in loud and "clean.txt" not in quiet
    assert "mixed.txt" in quiet and "detention" in quiet
    code, out, _ = run_cli("check", str(drafts / "clean.txt"), "--at", WEDNESDAY, "--quiet", "--select", "schedule")
    assert code == 0 and out.strip() == ""


def test_unknown_option_is_a_usage_error(drafts: Path) -> None:
    code, _, err = run_cli("check", str(drafts), "--selct", "names")
    assert code == 2 and "--selct" in err


def test_occasion_flag_exempts_a_typed_draft_out_of_hours() -> None:
    text = "Sorry, the boiler has failed: school is shut to pupils all day."
    code, out, _ = run_cli("check", "--text", text, "--at", "2026-03-14T07:00", "--select", "schedule",
                           "--occasion", "urgent", "--format", "json")
    assert code == 0, out
    code, _, _ = run_cli("check", "--text", "Lovely assembly this week!", "--at", "2026-03-14T07:00",
                         "--select", "schedule")
    assert code == 1


def test_reply_to_and_media_flags_reach_a_typed_draft(tmp_path: Path) -> None:
    roster = tmp_path / "roster.csv"
    roster.write_text("first_name,last_name,photo_consent\nMaisie,Quennell,no\n", encoding="utf-8")
    text = "Maisie loved the pottery workshop!"
    code, out, _ = run_cli("check", "--text", text, "--roster", str(roster), "--select", "media",
                           "--media", "pottery.jpg", "--format", "jsonl", "--at", "2026-03-11T10:00")
    assert code == 0 and '"media"' in out  # a warning: photos and a pupil without consent
    code, out, _ = run_cli("check", "-", "--reply-to", "@a_parent", "--select", "debate", "--format", "jsonl",
                           "--at", "2026-03-11T10:00",
                           input="We disagree: the new uniform policy is not changing, it was agreed by governors.")
    assert '"debate"' in out


def test_front_matter_flags_with_a_file_are_a_one_line_error(tmp_path: Path) -> None:
    draft = tmp_path / "a.txt"
    draft.write_text("Well done Year 6!", encoding="utf-8")
    code, _, err = run_cli("check", str(draft), "--occasion", "event")
    assert code == 2
    assert "--occasion" in err and "front matter" in err and len(err.strip().splitlines()) == 1
