"""examples/: the documented drafts folder, checked by the CLI, gives exactly the recorded rules.

examples/expected.yaml maps each draft file to the rule ids it breaks ([] for a good draft).
A thread's parts are one file, so their rule ids are pooled.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib
from collections import defaultdict
from pathlib import Path

import pytest
import yaml
from conftest import REPO

from tweetguard.core.model import CATEGORIES

EXAMPLES = REPO / "examples"
AT = "2026-03-11T10:00"  # a Wednesday morning in term: drafts without 'scheduled' are in hours


@pytest.fixture(scope="module")
def report() -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, "-m", "tweetguard", "check", "examples/drafts", "--format", "json",
         "--roster", "examples/roster.csv", "--at", AT],
        cwd=REPO, capture_output=True, text=True, encoding="utf-8", timeout=120,
    )
    assert done.returncode == 1, done.stderr  # bad drafts, and nothing unreadable
    assert done.stderr == ""
    result = json.loads(done.stdout)
    assert isinstance(result, dict)
    return result


def _file(source: str) -> str:
    """'examples/drafts/thread.txt:4' -> 'thread.txt'."""
    path = source.rsplit(":", 1)[0] if source.rsplit(":", 1)[-1].isdigit() else source
    return Path(path).relative_to("examples/drafts").as_posix()


def found_rules(report: dict[str, object]) -> dict[str, list[str]]:
    rules: dict[str, set[str]] = defaultdict(set)
    for draft in report["drafts"]:  # type: ignore[attr-defined]
        rules[_file(draft["source"])].update(v["rule"] for v in draft["violations"])
    return {name: sorted(ids) for name, ids in rules.items()}


def expected_rules() -> dict[str, list[str]]:
    expected = yaml.safe_load((EXAMPLES / "expected.yaml").read_text(encoding="utf-8"))
    return {name: sorted(ids or []) for name, ids in expected.items()}


def test_every_draft_is_recorded() -> None:
    on_disk = {p.relative_to(EXAMPLES / "drafts").as_posix() for p in (EXAMPLES / "drafts").rglob("*")
               if p.suffix in (".txt", ".md")}
    assert on_disk == set(expected_rules())


def test_each_draft_breaks_exactly_the_recorded_rules(report: dict[str, object]) -> None:
    found = found_rules(report)
    expected = expected_rules()
    mismatches = {name: {"expected": expected[name], "found": found.get(name, [])}
                  for name in expected if found.get(name, []) != expected[name]}
    assert mismatches == {}


def test_examples_cover_every_category_and_good_drafts(report: dict[str, object]) -> None:
    categories = {v["category"] for draft in report["drafts"] for v in draft["violations"]}  # type: ignore[attr-defined]
    assert categories >= set(CATEGORIES)
    assert sum(1 for ids in expected_rules().values() if not ids) >= 4


def test_example_configs_are_well_formed() -> None:
    workflow = yaml.safe_load((EXAMPLES / "github-workflow.yml").read_text(encoding="utf-8"))
    steps = workflow["jobs"]["tweetguard"]["steps"]
    runs = " ".join(step.get("run", "") for step in steps)
    assert "--format sarif" in runs and "--format github" in runs
    assert any(step.get("uses", "").startswith("github/codeql-action/upload-sarif") for step in steps)
    assert "--roster" in runs and "secrets.ROSTER_CSV" in (EXAMPLES / "github-workflow.yml").read_text(encoding="utf-8")
    config = yaml.safe_load((EXAMPLES / "pre-commit-config.yaml").read_text(encoding="utf-8"))
    hook = config["repos"][0]["hooks"][0]
    assert hook["id"] == "tweetguard" and hook["files"] == "^drafts/"
    # The ref the examples pin is the tag the README tells the school to create: this version.
    version = tomllib.loads((EXAMPLES.parent / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    install = next(step["run"] for step in steps if step.get("name") == "Install tweetguard")
    assert config["repos"][0]["rev"] == f"v{version}" and install.endswith(f"@v{version}\"")
