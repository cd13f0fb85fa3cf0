"""The catalogue loader: every way a rule file can be wrong is refused with file, line and rule id."""

from __future__ import annotations

from pathlib import Path

import pytest

from tweetguard.catalogue.loader import default_rules_dir, load_catalogue
from tweetguard.core.errors import CatalogueError
from tweetguard.core.model import CATEGORIES
from tweetguard.core.settings import Settings
from tweetguard.engine.checker import Engine

GOOD_RULE = """\
rules:
  - id: no-homework-jokes
    category: tone
    severity: warning
    kind: lexicon
    policy: "Twitter Usage Policy: positive messages only"
    message: "'{match}' may read as negative."
    words: [homework is boring]
    examples:
      bad: ["Homework is boring"]
      good: ["Homework is fun"]
"""


def write_rules(tmp_path: Path, text: str, name: str = "custom.yaml") -> Path:
    folder = tmp_path / "rules"
    folder.mkdir(exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    return folder


def load_error(tmp_path: Path, text: str) -> CatalogueError:
    folder = write_rules(tmp_path, text)
    with pytest.raises(CatalogueError) as caught:
        Engine(load_catalogue([folder], include_default=False), Settings())
    return caught.value


def test_default_catalogue_loads_and_uses_known_categories() -> None:
    catalogue = load_catalogue()
    assert default_rules_dir().is_dir()
    ids = [rule.id for rule in catalogue.rules]
    assert len(ids) == len(set(ids))
    assert {rule.category for rule in catalogue.rules} <= set(CATEGORIES)
    assert all(rule.policy for rule in catalogue.rules)


def test_user_rules_are_added_to_the_default_catalogue(tmp_path: Path) -> None:
    folder = write_rules(tmp_path, GOOD_RULE)
    catalogue = load_catalogue([folder])
    assert catalogue.get("no-homework-jokes") is not None
    assert catalogue.get("posting-hours") is not None


@pytest.mark.parametrize(
    ("change", "expected_line", "expected_words"),
    [
        (("message:", "mesage:"), 7, ["unknown key 'mesage'", "no-homework-jokes"]),
        (("    message: \"'{match}' may read as negative.\"\n", ""), 2, ["missing required key 'message'"]),
        (("kind: lexicon", "kind: lexicom"), 5, ["unknown kind 'lexicom'", "no-homework-jokes"]),
        (("category: tone", "category: mood"), 2, ["unknown category 'mood'"]),
        (("severity: warning", "severity: fatal"), 2, ["severity 'fatal'"]),
        (("id: no-homework-jokes", "id: No_Homework"), 2, ["kebab-case"]),
        (("words: [homework is boring]", "words: homework"), 8, ["'words' must be a list"]),
        (("      good: [\"Homework is fun\"]\n", ""), 2, ["examples.good"]),
    ],
)
def test_rule_file_errors_name_file_line_and_rule(
    tmp_path: Path, change: tuple[str, str], expected_line: int, expected_words: list[str]
) -> None:
    error = load_error(tmp_path, GOOD_RULE.replace(*change))
    text = str(error)
    assert f"custom.yaml:{expected_line}:" in text
    for words in expected_words:
        assert words in text


def test_invalid_yaml_names_the_line(tmp_path: Path) -> None:
    error = load_error(tmp_path, GOOD_RULE.replace("words: [homework is boring]", "words: [homework is boring"))
    assert "custom.yaml:" in str(error) and "not valid YAML" in str(error)


def test_invalid_regex_names_rule(tmp_path: Path) -> None:
    text = GOOD_RULE.replace("kind: lexicon", "kind: pattern").replace(
        "words: [homework is boring]", "pattern: '(homework'"
    )
    error = load_error(tmp_path, text)
    assert "custom.yaml:2" in str(error)
    assert "no-homework-jokes" in str(error) and "not a valid regular expression" in str(error)


def test_unknown_top_level_key(tmp_path: Path) -> None:
    error = load_error(tmp_path, "rulez: []\n")
    assert "custom.yaml:1" in str(error) and "rulez" in str(error)


def test_duplicate_rule_id(tmp_path: Path) -> None:
    folder = write_rules(tmp_path, GOOD_RULE)
    (folder / "again.yaml").write_text(GOOD_RULE, encoding="utf-8")
    with pytest.raises(CatalogueError, match="already used"):
        load_catalogue([folder], include_default=False)


def test_missing_rules_folder(tmp_path: Path) -> None:
    with pytest.raises(CatalogueError, match="rule folder not found"):
        load_catalogue([tmp_path / "nope"])


def test_lists_extend_across_files(tmp_path: Path) -> None:
    folder = write_rules(tmp_path, "lists:\n  places: [Little Gaddesden]\n", "places.yaml")
    catalogue = load_catalogue([folder])
    assert "Little Gaddesden" in catalogue.lists["places"]


def test_lexicon_can_read_a_named_list(tmp_path: Path) -> None:
    text = GOOD_RULE.replace("words: [homework is boring]", "lists: [moans]") + "lists:\n  moans: [homework is boring]\n"
    folder = write_rules(tmp_path, text)
    engine = Engine(load_catalogue([folder], include_default=False), Settings())
    assert [c.rule.id for c in engine.rules] == ["no-homework-jokes"]


@pytest.mark.parametrize("message", ["'bad {match'", "'{match.upper}'", "'{0}'", "'{match!r:>99999999}'",
                                     "'{match:>99999999}'", "'{match!a}'"])
def test_broken_message_placeholders_are_refused_when_loading(tmp_path: Path, message: str) -> None:
    error = load_error(tmp_path, GOOD_RULE.replace("\"'{match}' may read as negative.\"", message))
    assert "custom.yaml:2" in str(error) and "'message'" in str(error)


def test_a_format_width_in_a_message_is_refused_before_it_can_print_megabytes(tmp_path: Path) -> None:
    error = load_error(tmp_path, GOOD_RULE.replace("\"'{match}' may read as negative.\"", "'{match:>99999999}'"))
    assert "placeholder '{match:>99999999}' has a format or conversion; write it plainly as {match}" in str(error)
