"""Configuration: found by walking up, --config overrides, and every key has its effect."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import run_cli

from tweetguard.catalogue.loader import load_catalogue
from tweetguard.config import KEYS, find_config, load_settings
from tweetguard.engine.checker import Engine

SATURDAY = "2026-03-14T10:00"
WEDNESDAY_0830 = "2026-03-11T08:30"
# A rule of our own, so these tests do not depend on rules other people are writing.
SADLY_RULE = """rules:
  - id: no-sadly
    category: tone
    severity: warning
    kind: lexicon
    policy: "Twitter Usage Policy: positive messages only"
    message: "'{match}' reads as negative."
    words: [sadly]
    examples: {bad: [Sadly it rained], good: [It rained]}
"""


@pytest.fixture
def school(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A school folder with its own rule folder; tests run from a subfolder of it."""
    (tmp_path / "myrules").mkdir()
    (tmp_path / "myrules" / "tone.yaml").write_text(SADLY_RULE, encoding="utf-8")
    (tmp_path / "drafts" / "spring").mkdir(parents=True)
    monkeypatch.chdir(tmp_path / "drafts" / "spring")
    return tmp_path


def config(school: Path, text: str) -> None:
    (school / ".tweetguard.yaml").write_text(text, encoding="utf-8")


def check(*args: str) -> tuple[int, str, str]:
    return run_cli("check", "--format", "text", "--verbose", *args)  # rule ids are asserted


def test_found_by_walking_up_and_rules_are_relative_to_it(school: Path) -> None:
    config(school, "rules: [myrules]\nselect: [no-sadly]\n")
    assert find_config(Path.cwd()) == school / ".tweetguard.yaml"
    code, out, _ = check("--text", "Sadly the trip is off.", "--at", SATURDAY, "--strict")
    assert code == 1 and "no-sadly" in out and "posting-hours" not in out


def test_pyproject_tool_table(school: Path) -> None:
    (school / "pyproject.toml").write_text('[tool.tweetguard]\nrules = ["myrules"]\nselect = ["tone"]\n',
                                           encoding="utf-8")
    code, out, _ = check("--text", "Sadly it rained.", "--at", SATURDAY)
    assert code == 0 and "no-sadly" in out and "posting-hours" not in out


def test_config_option_overrides_the_found_file(school: Path, tmp_path: Path) -> None:
    config(school, "select: [names]\n")
    other = school / "other.yaml"
    other.write_text("ignore: [schedule]\n", encoding="utf-8")
    assert check("--text", "Reading records due.", "--at", SATURDAY)[0] == 0
    assert check("--config", str(other), "--text", "Reading records due.", "--at", SATURDAY)[0] == 0
    other.write_text("select: [schedule]\n", encoding="utf-8")
    assert check("--config", str(other), "--text", "Reading records due.", "--at", SATURDAY)[0] == 1


def test_unknown_key_names_it_and_its_line(school: Path) -> None:
    config(school, "timezone: Europe/London\nsellect: [names]\n")
    code, out, err = check("--text", "Hello", "--at", WEDNESDAY_0830)
    assert code == 2 and out == ""
    assert ".tweetguard.yaml:2: unknown key 'sellect'" in err and "Traceback" not in err


@pytest.mark.parametrize("text, fragment", [
    ("timezone: Mars/Olympus\n", "'timezone' 'Mars/Olympus' is not a time zone"),
    ("posting_window: {start: 8pm}\n", "start must be a time like 08:00"),
    ("severity: {posting-hours: fatal}\n", "error, warning or info"),
    ("select: 5\n", "must be a list of text values"),
    ("timezone: [unclosed\n", "is not valid YAML"),
])
def test_bad_values_are_one_line_errors(school: Path, text: str, fragment: str) -> None:
    config(school, text)
    code, _, err = check("--text", "Hello", "--at", WEDNESDAY_0830)
    assert code == 2 and fragment in err and len(err.strip().splitlines()) == 1


def test_timezone(school: Path) -> None:
    # 17:30 UTC on a Friday is 17:30 in London but 02:30 on Saturday in Tokyo.
    at = "2026-03-13T17:30:00Z"
    assert check("--text", "Reading records due.", "--at", at)[0] == 0
    config(school, "timezone: Asia/Tokyo\n")
    code, out, _ = check("--text", "Reading records due.", "--at", at)
    assert code == 1 and "Saturday 14 March at 2:30am" in out


def test_posting_window(school: Path) -> None:
    assert check("--text", "Reading records due.", "--at", WEDNESDAY_0830)[0] == 0
    config(school, "posting_window: {start: '09:00', end: '17:00'}\n")
    code, out, _ = check("--text", "Reading records due.", "--at", WEDNESDAY_0830)
    assert code == 1 and "Wednesday 11 March at 9:00am" in out
    config(school, "posting_window: {days: [monday, tuesday, wednesday, thursday, friday, saturday]}\n")
    assert check("--text", "Reading records due.", "--at", SATURDAY)[0] == 0


def test_select_and_ignore(school: Path) -> None:
    config(school, "rules: [myrules]\nselect: [tone, schedule]\nignore: [schedule]\n")
    code, out, _ = check("--text", "Sadly it rained.", "--at", SATURDAY)
    assert code == 0 and "no-sadly" in out and "posting-hours" not in out


def test_severity(school: Path) -> None:
    config(school, "rules: [myrules]\nselect: [no-sadly]\n")
    assert check("--text", "Sadly it rained.", "--at", SATURDAY)[0] == 0  # a warning
    config(school, "rules: [myrules]\nselect: [no-sadly]\nseverity: {no-sadly: error}\n")
    code, out, _ = check("--text", "Sadly it rained.", "--at", SATURDAY)
    assert code == 1 and "Error" in out


def test_roster_path_is_relative_to_the_config(school: Path) -> None:
    config(school, "roster: private/roster.csv\n")
    code, _, err = check("--text", "Hello", "--at", WEDNESDAY_0830)
    assert code == 2 and str(school / "private" / "roster.csv") in err
    (school / "private").mkdir()
    (school / "private" / "roster.csv").write_text("first_name,last_name\nElla,Brightwater\n", encoding="utf-8")
    assert check("--text", "Hello", "--at", WEDNESDAY_0830)[0] == 0


def test_empty_roster_key_means_no_roster(school: Path) -> None:
    config(school, "roster:\n")
    assert check("--text", "Hello", "--at", WEDNESDAY_0830)[0] == 0


def test_include_and_exclude(school: Path) -> None:
    drafts = school / "drafts"
    (drafts / "old").mkdir()
    (drafts / "a.txt").write_text("Sadly it rained.", encoding="utf-8")
    (drafts / "b.md").write_text("Sadly it snowed.", encoding="utf-8")
    (drafts / "old" / "c.txt").write_text("Sadly it hailed.", encoding="utf-8")
    config(school, "rules: [myrules]\nselect: [no-sadly]\ninclude: ['*.txt']\nexclude: ['old/*']\n")
    _, out, _ = check(str(drafts), "--at", WEDNESDAY_0830)
    assert "a.txt" in out and "b.md" not in out and "c.txt" not in out


def test_allow_lists_and_school_domains_reach_the_rules(school: Path) -> None:
    # The rules that read these (names, location, accounts, personal data) take them from the
    # engine's lists and settings; check they arrive there from the file.
    config(school, "allow_names: [Julia Donaldson]\nallow_places: [Oakfield Park]\n"
                   "allow_accounts: ['@OakfieldPTA']\nschool_email_domains: ['@Oakfield.sch.uk']\n")
    settings = load_settings(find_config(Path.cwd()))
    engine = Engine(load_catalogue(), settings)
    assert "Julia Donaldson" in engine.lists["allow-names"]
    assert "Oakfield Park" in engine.lists["places"]
    assert "@OakfieldPTA" in engine.lists["allow-accounts"]
    assert settings.school_domains == ("oakfield.sch.uk",)


def test_every_documented_key_is_known() -> None:
    assert set(KEYS) == {"timezone", "posting_window", "rules", "select", "ignore", "severity", "roster",
                         "allow_names", "allow_places", "allow_accounts", "school_email_domains", "include",
                         "exclude", "platform", "length_limit", "names_with_photos"}


def test_the_init_config_is_valid_and_changes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert run_cli("init")[0] == 0
    settings = load_settings(tmp_path / ".tweetguard.yaml")
    assert settings.timezone == "Europe/London" and settings.roster is None and settings.select == ()


@pytest.mark.parametrize("setting", ["select: [nmes]\n", "ignore: [no-such-rule]\n", "severity: {nope-rule: error}\n"])
def test_unknown_rule_or_category_is_refused(school: Path, setting: str) -> None:
    # A typo must not silently turn every check off and call a draft ready to post.
    config(school, setting)
    code, out, err = check("--text", "Well done to Ellie Thornton", "--at", WEDNESDAY_0830)
    assert code == 2 and out == ""
    assert "unknown rule or category" in err and "Traceback" not in err


def test_unknown_select_on_the_command_line_suggests_the_right_one(school: Path) -> None:
    code, _, err = check("--text", "Hello", "--select", "nmes")
    assert code == 2 and "did you mean names" in err
