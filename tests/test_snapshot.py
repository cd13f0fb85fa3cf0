"""The pre-parsed catalogue snapshot: used only for the exact bytes it was built from."""

from __future__ import annotations

from pathlib import Path
from typing import Iterator

import pytest

from tweetguard import build_snapshot
from tweetguard.catalogue import loader, snapshot
from tweetguard.catalogue.loader import default_rules_dir, load_catalogue
from tweetguard.core.errors import CatalogueError

RULE = """\
rules:
  - id: no-homework-jokes
    category: tone
    severity: warning
    kind: lexicon
    policy: "Twitter Usage Policy: positive messages only"
    message: "{message}"
    words: [homework is boring]
    examples:
      bad: ["Homework is boring"]
      good: ["Homework is fun"]
lists:
  places: [Oakfield Park]
"""


@pytest.fixture
def shipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A default rules folder of its own, with a snapshot built from it."""
    folder = tmp_path / "rules"
    folder.mkdir()
    (folder / "tone.yaml").write_text(RULE.format(message="From the build"), encoding="utf-8")
    target = tmp_path / "snapshot.json"
    build_snapshot.write(folder, target)
    monkeypatch.setattr(loader, "default_rules_dir", lambda: folder)
    monkeypatch.setattr(snapshot, "SNAPSHOT", target)
    snapshot.clear_cache()
    yield folder
    snapshot.clear_cache()


def test_the_shipped_snapshot_holds_every_default_rule_file() -> None:
    # Stale entries are ignored (slower, still right); this keeps the cold start fast.
    snapshot.clear_cache()
    stale = [path.name for path in sorted(default_rules_dir().glob("*.y*ml"))
             if snapshot.entry(path.name, path.read_bytes()) is None]
    assert not stale, f"refresh the catalogue snapshot: python -m tweetguard.build_snapshot (stale: {stale})"


def test_snapshot_and_yaml_give_the_same_catalogue(monkeypatch: pytest.MonkeyPatch) -> None:
    snapshot.clear_cache()
    from_snapshot = load_catalogue()
    monkeypatch.setattr(snapshot, "entry", lambda name, data: None)
    from_yaml = load_catalogue()
    assert from_snapshot == from_yaml
    assert [rule.source for rule in from_snapshot.rules] == [rule.source for rule in from_yaml.rules]


def test_an_edited_rule_file_is_read_from_its_yaml(shipped: Path) -> None:
    assert load_catalogue().rules[0].message == "From the build"
    (shipped / "tone.yaml").write_text(RULE.format(message="Edited since"), encoding="utf-8")
    assert load_catalogue().rules[0].message == "Edited since"


def test_a_file_the_snapshot_does_not_hold_is_read(shipped: Path) -> None:
    (shipped / "zz-extra.yaml").write_text(
        RULE.format(message="New").replace("no-homework-jokes", "new-rule"), encoding="utf-8")
    catalogue_ = load_catalogue()
    assert [rule.id for rule in catalogue_.rules] == ["no-homework-jokes", "new-rule"]
    assert catalogue_.lists["places"] == ("Oakfield Park",)


def test_an_edit_that_breaks_a_rule_names_its_line(shipped: Path) -> None:
    (shipped / "tone.yaml").write_text(RULE.format(message="x").replace("    words:", "    wordz:"),
                                       encoding="utf-8")
    with pytest.raises(CatalogueError) as caught:
        load_catalogue()
    assert str(caught.value).startswith(f"{shipped / 'tone.yaml'}:8:")
    assert "unknown key 'wordz'" in str(caught.value)


def test_a_snapshot_rule_the_code_no_longer_accepts_falls_back_to_yaml(
        shipped: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A kind that gained a required key since the build: the error must name the YAML line.
    from tweetguard.kinds import lexicon
    from tweetguard.kinds.base import Param

    monkeypatch.setitem(lexicon.PARAMS, "threshold", Param(int, required=True))
    with pytest.raises(CatalogueError) as caught:
        load_catalogue()
    assert str(caught.value).startswith(f"{shipped / 'tone.yaml'}:2:")
    assert "missing required key 'threshold'" in str(caught.value)


def test_a_missing_or_broken_snapshot_means_yaml(shipped: Path, tmp_path: Path) -> None:
    snapshot.SNAPSHOT.write_text("{not json", encoding="utf-8")
    snapshot.clear_cache()
    assert load_catalogue().rules[0].message == "From the build"
    snapshot.SNAPSHOT.unlink()
    snapshot.clear_cache()
    assert load_catalogue().rules[0].message == "From the build"


def test_the_snapshot_is_used_when_it_matches(shipped: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_yaml(text: str, path: Path) -> None:
        raise AssertionError(f"{path} was parsed although the snapshot holds it")

    monkeypatch.setattr(loader, "_read_yaml", no_yaml)
    assert load_catalogue().rules[0].source == f"{shipped / 'tone.yaml'}:2"


def test_the_shipped_required_literals_are_what_the_analysis_gives_now() -> None:
    """The stored shortcuts must be today's analysis of today's patterns: a stale one could
    skip a pattern that would have matched."""
    from tweetguard.text import prefilter

    snapshot.clear_cache()
    shipped = snapshot.required_literals()
    assert shipped, "refresh the catalogue snapshot: python -m tweetguard.build_snapshot"
    for pattern, sets in shipped.items():
        assert sets == prefilter.analyse_required(pattern), pattern
    built = build_snapshot.build(default_rules_dir())["required"]
    assert set(built) == set(shipped), "refresh the catalogue snapshot: python -m tweetguard.build_snapshot"


def test_a_pattern_the_snapshot_lacks_is_analysed(shipped: Path) -> None:
    from tweetguard.text import prefilter

    assert snapshot.required_literals() == {}  # the fixture's rule has no patterns
    assert prefilter.required_literals(r"\bsuspended\b") == (frozenset({"suspended"}),)


def test_a_stored_answer_is_used_for_its_pattern(shipped: Path) -> None:
    """The snapshot is read, not ignored: a stored answer is what the engine gets."""
    import json

    from tweetguard.text import prefilter

    data = json.loads(snapshot.SNAPSHOT.read_text(encoding="utf-8"))
    data["required"] = {r"\bdetention\b": [["detention"]], r"\bx+y\b": None, r"\bempty\b": [[]]}
    snapshot.SNAPSHOT.write_text(json.dumps(data), encoding="utf-8")
    snapshot.clear_cache()
    prefilter.clear_required()
    load_catalogue()  # hands the stored answers to the prefilter
    try:
        assert prefilter.required_literals(r"\bdetention\b") == (frozenset({"detention"}),)
        assert prefilter.required_literals(r"\bx+y\b") is None  # stored: no shortcut
        # An empty set would skip the pattern on every text: refused, worked out again.
        assert prefilter.required_literals(r"\bempty\b") == (frozenset({"empty"}),)
    finally:
        prefilter.clear_required()


def test_answers_from_another_version_of_the_analysis_are_not_used(shipped: Path) -> None:
    import json

    from tweetguard.text import prefilter

    data = json.loads(snapshot.SNAPSHOT.read_text(encoding="utf-8"))
    data["required"] = {r"\bdetention\b": None}
    data["required_by"] = [1]  # another version of the analysis
    snapshot.SNAPSHOT.write_text(json.dumps(data), encoding="utf-8")
    snapshot.clear_cache()
    prefilter.clear_required()
    load_catalogue()
    try:
        assert snapshot.required_literals() == {}
        assert prefilter.required_literals(r"\bdetention\b") == (frozenset({"detention"}),)
    finally:
        prefilter.clear_required()
