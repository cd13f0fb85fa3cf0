"""The pre-commit hook, run by the real pre-commit framework (``pre-commit try-repo``).

try-repo installs the hook repository into a fresh virtualenv (dependencies come from PyPI).
It would only see committed files plus edits to tracked ones, so the test snapshots this
checkout's working tree (what pip needs to install it, and the hook manifest) into its own
git repository: the test checks exactly the code beside it, from a clean clone or mid-edit.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO

# What installing tweetguard from source needs, and the hook manifest itself.
SNAPSHOT = ("pyproject.toml", "README.md", "LICENSE", "src", "rules", ".pre-commit-hooks.yaml")
GOOD = """---
scheduled: 2026-03-11T10:00
---
Year 3, don't forget your PE kits tomorrow. Swimming starts at 9:15am.
"""
BAD = """---
scheduled: 2026-03-15T23:30
---
Reminder: reading records back in on Monday please.
"""


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True)


def _commit_all(repo: Path) -> None:
    _git(repo, "init", "-q")
    _git(repo, "add", "-A")
    _git(repo, "-c", "user.name=Test", "-c", "user.email=test@example.invalid", "-c", "commit.gpgsign=false",
         "commit", "-q", "-m", "snapshot")


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """This checkout's working tree, committed into a repository of its own."""
    snapshot = tmp_path_factory.mktemp("hook-repo")
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info")
    for name in SNAPSHOT:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, snapshot / name, ignore=ignore)
        elif source.is_file():
            shutil.copy2(source, snapshot / name)
    _commit_all(snapshot)
    return snapshot


@pytest.fixture(scope="module")
def pre_commit_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("pre-commit-home")


def _try_repo(hook_repo: Path, drafts: dict[str, str], workdir: Path, home: Path) -> subprocess.CompletedProcess[str]:
    workdir.mkdir()
    for name, text in drafts.items():
        (workdir / name).write_text(text, encoding="utf-8")
    _commit_all(workdir)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GIT_", "PRE_COMMIT"))}
    env.update(PRE_COMMIT_HOME=str(home), PRE_COMMIT_COLOR="never", NO_COLOR="1")
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(hook_repo), "tweetguard", "--all-files", "--color", "never"],
        cwd=workdir, env=env, capture_output=True, text=True, timeout=900,
    )


def test_manifest_declares_the_hook() -> None:
    from pre_commit.clientlib import load_manifest

    (hook,) = load_manifest(str(REPO / ".pre-commit-hooks.yaml"))
    assert hook["id"] == "tweetguard"
    assert hook["entry"] == "tweetguard check --only-scheduled --verbose"
    assert hook["language"] == "python"
    assert hook["require_serial"] is True
    assert all(re.search(hook["files"], name) for name in ("drafts/a.txt", "b.md"))
    assert not re.search(hook["files"], "pyproject.toml")


def test_bad_draft_fails_the_hook_and_says_why(hook_repo: Path, pre_commit_home: Path, tmp_path: Path) -> None:
    done = _try_repo(hook_repo, {"good.txt": GOOD, "late-night.txt": BAD}, tmp_path / "drafts", pre_commit_home)
    output = done.stdout + done.stderr
    assert done.returncode == 1, output
    assert "tweetguard" in output and "Failed" in output
    assert "late-night.txt" in output
    assert "outside school posting hours" in output
    assert "posting-hours" in output


def test_good_drafts_pass_the_hook(hook_repo: Path, pre_commit_home: Path, tmp_path: Path) -> None:
    done = _try_repo(hook_repo, {"good.txt": GOOD, "also-good.md": GOOD}, tmp_path / "drafts", pre_commit_home)
    output = done.stdout + done.stderr
    assert done.returncode == 0, output
    assert "Passed" in output
