"""tweetguard init: a starter config, two example drafts and a pre-commit config, never overwriting."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from conftest import run_cli

from tweetguard.config import KEYS

EXPECTED = [".tweetguard.yaml", "drafts/science-week.txt", "drafts/netball-tournament.md", ".pre-commit-config.yaml"]


def test_creates_everything_in_an_empty_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, _ = run_cli("init")
    assert code == 0
    for name in EXPECTED:
        assert (tmp_path / name).is_file() and f"Created {name}" in out
    config_text = (tmp_path / ".tweetguard.yaml").read_text(encoding="utf-8")
    assert set(yaml.safe_load(config_text)) == set(KEYS)  # every key, each explained by a comment
    assert config_text.count("\n# ") >= len(KEYS)
    hooks = yaml.safe_load((tmp_path / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    [hook] = hooks["repos"][0]["hooks"]
    assert hook["id"] == "tweetguard" and hook["require_serial"] is True


def test_example_drafts_pass_their_own_check(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    run_cli("init")
    code, out, _ = run_cli("check", "drafts", "--format", "json", "--at", "2026-03-11T10:00")
    report = json.loads(out)
    assert len(report["drafts"]) == 2
    assert [v for d in report["drafts"] for v in d["violations"]] == []
    event = next(d for d in report["drafts"] if d["source"].endswith(".md"))
    assert event["posting_time"].startswith("2026-03-14T10:30")  # its scheduled time, a Saturday
    assert any("occasion: event" in n["message"] for n in event["notes"])


def test_never_overwrites(tmp_path: Path) -> None:
    (tmp_path / "drafts").mkdir()
    (tmp_path / ".tweetguard.yaml").write_text("timezone: Europe/Dublin\n", encoding="utf-8")
    (tmp_path / "drafts" / "science-week.txt").write_text("Mine.", encoding="utf-8")
    code, out, _ = run_cli("init", str(tmp_path))
    assert code == 0
    assert (tmp_path / ".tweetguard.yaml").read_text(encoding="utf-8") == "timezone: Europe/Dublin\n"
    assert (tmp_path / "drafts" / "science-week.txt").read_text(encoding="utf-8") == "Mine."
    assert "Left alone" in out and ".tweetguard.yaml (it already exists)" in out
    assert f"Created {tmp_path / 'drafts' / 'netball-tournament.md'}" in out
    again = run_cli("init", str(tmp_path))[1]
    assert "Created" not in again and again.count("Left alone") == len(EXPECTED)


def test_a_folder_it_cannot_write_is_one_line(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    code, _, err = run_cli("init", str(blocker / "sub"))
    assert code == 2 and "Traceback" not in err and len(err.strip().splitlines()) == 1
