"""tweetguard init: a starter config, two example drafts and a pre-commit config, never overwriting."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

import pytest
import yaml
from conftest import run_cli

from tweetguard.config import KEYS

EXPECTED = [".tweetguard.yaml", "drafts/science-week.txt", "drafts/netball-tournament.md", ".pre-commit-config.yaml",
            ".gitignore"]


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
    when = datetime.fromisoformat(event["posting_time"])
    assert when.weekday() == 5 and (when.hour, when.minute) == (10, 30)  # its scheduled time, a Saturday
    assert 0 < (when.date() - date.today()).days <= 7  # still to come, so never "in the past"
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
    assert (tmp_path / ".gitignore").read_text(encoding="utf-8").count("roster*.csv") == 1
    assert "Created" not in again and again.count("Left alone") == len(EXPECTED)


def test_a_folder_it_cannot_write_is_one_line(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    code, _, err = run_cli("init", str(blocker / "sub"))
    assert code == 2 and "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_gitignore_gains_the_roster_line_and_keeps_the_rest(tmp_path: Path) -> None:
    (tmp_path / ".gitignore").write_text("*.log", encoding="utf-8")  # no newline at the end
    code, out, _ = run_cli("init", str(tmp_path))
    assert code == 0 and "Added roster*.csv to" in out
    lines = (tmp_path / ".gitignore").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "*.log" and "roster*.csv" in lines


def test_precommit_config_checks_only_drafts_and_never_the_clock(tmp_path: Path) -> None:
    run_cli("init", str(tmp_path))
    [hook] = yaml.safe_load((tmp_path / ".pre-commit-config.yaml").read_text(encoding="utf-8"))["repos"][0]["hooks"]
    assert "--only-scheduled" in hook["entry"].split()
    files = re.compile(hook["files"])
    assert files.search("drafts/term-dates.txt") and files.search("drafts/old/trip.md")
    assert not files.search("README.md") and not files.search("notes/plan.md")
    text = (tmp_path / ".pre-commit-config.yaml").read_text(encoding="utf-8")
    assert "pip install tweetguard" not in text and "git+" in text


def test_init_drafts_pass_at_nine_on_a_saturday_night(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    run_cli("init")
    # The hook's own command line passes whatever the clock says: --only-scheduled leaves the
    # unscheduled example alone, and the scheduled one is a Saturday event.
    entry = yaml.safe_load(Path(".pre-commit-config.yaml").read_text(encoding="utf-8"))["repos"][0]["hooks"][0]["entry"]
    code, out, _ = run_cli(*entry.split()[1:], "drafts/science-week.txt", "drafts/netball-tournament.md")
    assert code == 0, out
    # Without it, a commit at 9pm on a Saturday would fail on init's own example draft.
    code, out, _ = run_cli("check", "--at", "2026-12-05T21:00", "drafts/science-week.txt")
    assert code == 1 and "posting hours" in out


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_first_commit_with_inits_hook_succeeds_and_a_bad_draft_stops_it(tmp_path: Path) -> None:
    # The real framework, the real hook: init, git init, pre-commit install, commit. A README
    # naming a child in full sits outside drafts/ and must not block the commit.
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "PRE_COMMIT"))}
    env.update(PATH=os.pathsep.join([str(Path(sys.executable).parent), env.get("PATH", "")]),
               PRE_COMMIT_HOME=str(tmp_path / "pre-commit-home"), NO_COLOR="1")
    school = tmp_path / "school"
    git = ["git", "-c", "user.name=Head", "-c", "user.email=head@example.invalid", "-c", "commit.gpgsign=false"]

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(args, cwd=school, env=env, capture_output=True, text=True, timeout=300, check=False)

    school.mkdir()
    assert run(sys.executable, "-m", "tweetguard", "init").returncode == 0
    (school / "README.md").write_text("Notes: Josh Smith's form is in the office.\n", encoding="utf-8")
    (school / "roster-2026.csv").write_text("first_name,last_name\nJosh,Smith\n", encoding="utf-8")
    run("git", "init", "-q")
    assert run(sys.executable, "-m", "pre_commit", "install").returncode == 0
    run("git", "add", "-A")
    first = run(*git, "commit", "-q", "-m", "Set up tweetguard")
    assert first.returncode == 0, first.stdout + first.stderr
    tracked = run("git", "ls-files").stdout.split()
    assert "roster-2026.csv" not in tracked and "drafts/netball-tournament.md" in tracked
    (school / "drafts" / "well-done.txt").write_text("Well done Josh Smith, a better lesson today\n", encoding="utf-8")
    run("git", "add", "-A")
    second = run(*git, "commit", "-q", "-m", "A bad draft")
    assert second.returncode == 1 and "full name" in second.stdout + second.stderr
