"""``allow_accounts``: the school's own partners (its PTA, its trust) are never a source of
quoting or a debate partner; every other account still is."""

from __future__ import annotations

from pathlib import Path

from conftest import run_cli

CONFIG = 'allow_accounts: ["@OakfieldPTA", "OakfieldTrust"]\n'
AT = ("--at", "2026-03-11T10:00")


def _check(tmp_path: Path, *args: str) -> tuple[int, str]:
    config = tmp_path / ".tweetguard.yaml"
    config.write_text(CONFIG, encoding="utf-8")
    code, out, _ = run_cli("check", "--config", str(config), "--format", "jsonl", *AT, *args)
    return code, out


def test_sharing_an_allowed_account_is_not_quoting(tmp_path: Path) -> None:
    for text in ("RT @OakfieldPTA: cake sale on Friday!", "According to @oakfieldpta the cake sale raised £300",
                 "Lovely news via @OakfieldTrust"):
        code, out = _check(tmp_path, "--text", text)
        assert code == 0 and '"quoting"' not in out, text


def test_another_account_is_still_quoting(tmp_path: Path) -> None:
    code, out = _check(tmp_path, "--text", "RT @SomeParent: the new car park is a disgrace")
    assert '"quoting"' in out


def test_a_reply_to_an_allowed_account_is_not_a_debate(tmp_path: Path) -> None:
    body = "We disagree with your point about the car park; it is not the school's decision.\n"
    partner = tmp_path / "partner.txt"
    partner.write_text("---\nreply_to: '@OakfieldPTA'\n---\n" + body, encoding="utf-8")
    parent = tmp_path / "parent.txt"
    parent.write_text("---\nreply_to: '@SomeParent'\n---\n" + body, encoding="utf-8")
    _, out = _check(tmp_path, str(partner), str(parent))
    debates = [line for line in out.splitlines() if '"debate"' in line]
    assert len(debates) == 1 and "parent.txt" in debates[0]
