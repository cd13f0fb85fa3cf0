"""The machine formats (jsonl, github, sarif, junit) and ``--format auto``, run through the CLI.

The drafts are checked with the default catalogue plus a small rule folder of the test's own,
so that every severity and a names-category finding exist whatever the catalogue holds.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
import regex

from tweetguard.output import resolve_format
from tweetguard.output.github import escape_data, escape_property

DATA = Path(__file__).resolve().parent / "data"
AT = "2026-03-11T10:00"  # a Wednesday morning: drafts without 'scheduled' are in hours

TEST_RULES = """\
rules:
  - id: test-full-name
    category: names
    severity: error
    kind: pattern
    ignore_case: false
    pattern: "Zorblat Quimby"
    suggestion: "Write 'Zorblat'."
    message: "Use only the first name, not '{match}'."
    policy: "Twitter Usage Policy: only use children's first names."
    description: "A made-up full name, so this test does not depend on the catalogue."
    examples: {bad: ["Well done Zorblat Quimby"], good: ["Well done Zorblat"]}
  - id: test-vague
    category: tone
    severity: warning
    kind: pattern
    pattern: "soon-ish"
    message: "'{match}' is vague."
    policy: "Transparency, clause 5: present accurate information."
    examples: {bad: ["Results soon-ish"], good: ["Results on Friday"]}
  - id: test-fyi
    category: tone
    severity: info
    kind: pattern
    pattern: "\\\\bFYI\\\\b"
    message: "'{match}' is jargon to some parents."
    policy: "Aims of Using Twitter: regular updates and information."
    examples: {bad: ["FYI the gate is open"], good: ["The gate is open"]}
"""

DRAFTS = {
    "clean.txt": "Year 3, don't forget your PE kits tomorrow.\n",
    "late.txt": "---\nscheduled: 2026-03-15T23:30\n---\nReading records back on Monday please.\n",
    # '%', ',' and ':' in the message and a name: GitHub escaping and SARIF columns.
    "name.md": "Great effort: 100%, really,\nwell done Zorblat Quimby!\n",
    "thread.txt": "Part one is fine.\n---\nPart two: results soon-ish. FYI\n",
    "sub dir/with space.txt": "Well done Zorblat Quimby, from a folder with a space.\n",
}


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("formats")
    (root / "rules").mkdir()
    (root / "rules" / "test.yaml").write_text(TEST_RULES, encoding="utf-8")
    drafts = root / "drafts"
    for name, text in DRAFTS.items():
        (drafts / name).parent.mkdir(parents=True, exist_ok=True)
        (drafts / name).write_text(text, encoding="utf-8")
    (drafts / "broken.txt").write_bytes(b"caf\xe9\n")
    return root


def run_cli(workspace: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full_env = {k: v for k, v in os.environ.items() if k not in ("GITHUB_ACTIONS", "NO_COLOR")}
    full_env.update(env or {})
    return subprocess.run(
        [sys.executable, "-m", "tweetguard", "check", "drafts", "--rules", "rules", "--at", AT, *args],
        cwd=workspace, env=full_env, capture_output=True, text=True, encoding="utf-8", timeout=120,
    )


def position(name: str, needle: str) -> tuple[int, int]:
    """1-based line and column of ``needle`` in a test draft's file."""
    before = DRAFTS[name][: DRAFTS[name].index(needle)]
    return before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1


# --- jsonl -------------------------------------------------------------------------------------

def test_jsonl_one_violation_per_line(workspace: Path) -> None:
    done = run_cli(workspace, "--format", "jsonl")
    assert done.returncode == 2, done.stderr  # broken.txt could not be read
    assert "broken.txt" in done.stderr
    rows = [json.loads(line) for line in done.stdout.splitlines()]
    keys = {"source", "file", "line", "col", "end_line", "end_col", "rule", "category", "severity", "message",
            "start", "end", "suggestion", "id"}
    assert rows and all(set(row) == keys for row in rows)
    by_rule = {(row["file"], row["rule"]): row for row in rows}
    name = by_rule[("drafts/name.md", "test-full-name")]
    assert (name["line"], name["col"]) == position("name.md", "Zorblat Quimby")
    assert name["end_col"] - name["col"] == len("Zorblat Quimby")
    assert name["message"] == "Use only the first name, not 'Zorblat Quimby'."
    assert name["suggestion"] == "Write 'Zorblat'."
    vague = by_rule[("drafts/thread.txt", "test-vague")]
    assert vague["source"] == "drafts/thread.txt:3" and vague["line"] == 3 and vague["severity"] == "warning"
    assert by_rule[("drafts/late.txt", "posting-hours")]["category"] == "schedule"
    assert not any(row["file"] == "drafts/clean.txt" for row in rows)


# --- github ------------------------------------------------------------------------------------

def parse_command(line: str) -> tuple[str, dict[str, str], str]:
    head, message = line[2:].split("::", 1)
    kind, _, props = head.partition(" ")
    properties = dict(item.split("=", 1) for item in props.split(",")) if props else {}
    return kind, properties, message


def unescape(value: str) -> str:
    for code, char in (("%2C", ","), ("%3A", ":"), ("%0A", "\n"), ("%0D", "\r"), ("%25", "%")):
        value = value.replace(code, char)
    return value


def test_github_escaping_round_trips() -> None:
    nasty = "50% off: a, b\r\nnext %0A"
    assert unescape(escape_property(nasty)) == nasty
    assert "," not in escape_property(nasty) and ":" not in escape_property(nasty)
    assert "\n" not in escape_data(nasty) and unescape(escape_data(nasty)) == nasty


def test_github_annotations(workspace: Path) -> None:
    done = run_cli(workspace, "--format", "github")
    commands = [parse_command(line) for line in done.stdout.splitlines() if line.startswith("::")]
    by_title = {(props.get("file"), props.get("title")): (kind, props, message) for kind, props, message in commands}
    kind, props, message = by_title[("drafts/name.md", "test-full-name")]
    line, col = position("name.md", "Zorblat Quimby")
    assert kind == "error"
    assert (int(props["line"]), int(props["col"]), int(props["endLine"])) == (line, col, line)
    assert int(props["endColumn"]) == col + len("Zorblat Quimby")
    assert unescape(message).startswith("Use only the first name, not 'Zorblat Quimby'.")
    assert by_title[("drafts/thread.txt", "test-vague")][0] == "warning"
    assert by_title[("drafts/thread.txt", "test-fyi")][0] == "notice"
    assert by_title[("drafts/late.txt", "posting-hours")][0] == "error"
    assert ("drafts/sub dir/with space.txt", "test-full-name") in by_title
    problem = [c for c in commands if c[1].get("file") == "drafts/broken.txt"]
    assert problem and problem[0][0] == "error" and "UTF-8" in unescape(problem[0][2])
    # Standard output holds commands only; the summary is on standard error, in plain English.
    assert [line for line in done.stdout.splitlines() if not line.startswith("::")] == []
    summary = [line for line in done.stderr.splitlines() if line.startswith("tweetguard: checked")]
    assert len(summary) == 1 and regex.match(r"tweetguard: checked \d+ drafts: \d+ errors?, ", summary[0])


def test_github_summary_says_one_draft_not_one_drafts(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Well done Year 6!\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "tweetguard", "check", "--at", "2026-11-24T10:00",
                           "--format", "github", str(tmp_path / "a.txt")], capture_output=True, text=True, timeout=60)
    assert done.stdout == ""
    assert done.stderr.strip() == "tweetguard: checked 1 draft: 0 errors, 0 warnings, 1 ready to post."


# --- sarif -------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def sarif_schema() -> dict[str, object]:
    schema = json.loads((DATA / "sarif" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    assert isinstance(schema, dict)
    return schema


def test_sarif_is_valid_and_complete(workspace: Path, sarif_schema: dict[str, object]) -> None:
    done = run_cli(workspace, "--format", "sarif")
    log = json.loads(done.stdout)
    jsonschema.Draft4Validator(sarif_schema).validate(log)
    assert log["version"] == "2.1.0"
    (run,) = log["runs"]
    driver = run["tool"]["driver"]
    assert driver["name"] == "tweetguard" and driver["version"] and driver["informationUri"].startswith("https://")
    rule_ids = [rule["id"] for rule in driver["rules"]]
    assert {"posting-hours", "tweet-too-long", "test-full-name", "test-vague", "test-fyi"} <= set(rule_ids)
    name_rule = driver["rules"][rule_ids.index("test-full-name")]
    assert "only use children's first names" in name_rule["help"]["text"]
    assert name_rule["defaultConfiguration"]["level"] == "error"
    assert driver["rules"][rule_ids.index("test-fyi")]["defaultConfiguration"]["level"] == "note"
    results = run["results"]
    assert results
    for result in results:
        assert rule_ids[result["ruleIndex"]] == result["ruleId"]
        location = result["locations"][0]["physicalLocation"]
        assert not location["artifactLocation"]["uri"].startswith("/")
        assert "\\" not in location["artifactLocation"]["uri"]
        region = location["region"]
        assert region["startLine"] >= 1 and region["startColumn"] >= 1
        assert (region["endLine"], region["endColumn"]) >= (region["startLine"], region["startColumn"])
    by_key = {(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], r["ruleId"]): r for r in results}
    name = by_key[("drafts/name.md", "test-full-name")]
    line, col = position("name.md", "Zorblat Quimby")
    assert name["locations"][0]["physicalLocation"]["region"] == {
        "startLine": line, "startColumn": col, "endLine": line, "endColumn": col + len("Zorblat Quimby")}
    assert name["level"] == "error" and "Zorblat Quimby" in name["message"]["text"]
    # A whole-draft violation points at the draft's first line (after the front matter).
    late = by_key[("drafts/late.txt", "posting-hours")]["locations"][0]["physicalLocation"]["region"]
    assert late["startLine"] == 4 and late["startColumn"] == 1
    assert ("drafts/sub%20dir/with%20space.txt", "test-full-name") in by_key
    assert by_key[("drafts/thread.txt", "test-fyi")]["level"] == "note"
    notifications = run["invocations"][0]["toolExecutionNotifications"]
    assert run["invocations"][0]["executionSuccessful"] is False
    assert any(n["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "drafts/broken.txt"
               for n in notifications)


def test_sarif_clean_run_is_valid(workspace: Path, sarif_schema: dict[str, object]) -> None:
    done = run_cli(workspace, "--format", "sarif", "--select", "test-full-name")
    log = json.loads(done.stdout)
    jsonschema.Draft4Validator(sarif_schema).validate(log)
    assert {r["ruleId"] for r in log["runs"][0]["results"]} == {"test-full-name"}


# --- junit -------------------------------------------------------------------------------------

def test_junit_one_testcase_per_draft(workspace: Path) -> None:
    done = run_cli(workspace, "--format", "junit")
    root = ET.fromstring(done.stdout)
    suite = root.find("testsuite")
    assert suite is not None
    cases = suite.findall("testcase")
    # 5 files, the thread has 2 drafts, plus the unreadable file.
    assert len(cases) == 7 == int(suite.get("tests", "0"))
    failed = [case for case in cases if case.find("failure") is not None]
    assert sorted(case.get("name") for case in failed) == ["drafts/late.txt", "drafts/name.md",
                                                           "drafts/sub dir/with space.txt"]
    assert int(suite.get("failures", "0")) == 3 and int(suite.get("errors", "0")) == 1
    failure = next(case for case in failed if case.get("name") == "drafts/name.md").find("failure")
    assert failure is not None and "test-full-name" in (failure.get("message") or "")
    assert "Zorblat Quimby" in (failure.text or "")
    warning_only = next(case for case in cases if case.get("name") == "drafts/thread.txt:3")
    assert warning_only.find("failure") is None and "soon-ish" in (warning_only.findtext("system-out") or "")


def test_junit_escapes_markup(tmp_path: Path) -> None:
    (tmp_path / "drafts").mkdir()
    (tmp_path / "rules").mkdir()
    (tmp_path / "rules" / "test.yaml").write_text(TEST_RULES, encoding="utf-8")
    (tmp_path / "drafts" / "a&b.txt").write_text('<b>"Zorblat Quimby"</b> & co \x07\n', encoding="utf-8")
    done = run_cli(tmp_path, "--format", "junit")
    case = ET.fromstring(done.stdout).find("testsuite/testcase")
    assert case is not None and case.get("name") == "drafts/a&b.txt"
    assert "Zorblat Quimby" in (case.findtext("failure") or "")


# --- auto --------------------------------------------------------------------------------------

def test_auto_resolution(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    assert resolve_format("auto", is_terminal=True) == "text"
    assert resolve_format("auto", is_terminal=False) == "text"
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    assert resolve_format("auto", is_terminal=False) == "github"
    assert resolve_format("sarif", is_terminal=False) == "sarif"


def test_auto_in_github_actions_annotates(workspace: Path) -> None:
    plain = run_cli(workspace, "--select", "test-full-name")
    assert not any(line.startswith("::") for line in plain.stdout.splitlines())
    assert "Zorblat Quimby" in plain.stdout
    actions = run_cli(workspace, "--select", "test-full-name", env={"GITHUB_ACTIONS": "true"})
    assert any(line.startswith("::error file=drafts/name.md,") for line in actions.stdout.splitlines())
