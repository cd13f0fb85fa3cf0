"""The general kinds, through rules written as a school would write them."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import WEEKDAY_MORNING

from tweetguard.catalogue.loader import load_catalogue
from tweetguard.core.model import Draft, Violation
from tweetguard.core.settings import Settings
from tweetguard.engine.checker import Engine

HEADER = """\
rules:
  - id: {id}
    category: {category}
    severity: error
    kind: {kind}
    policy: "test"
    message: "'{{match}}' is not allowed; {{suggestion}}"
    examples: {{bad: [x], good: [y]}}
"""


def violations(tmp_path: Path, kind: str, params: str, text: str, category: str = "tone") -> list[Violation]:
    folder = tmp_path / "rules"
    folder.mkdir(exist_ok=True)
    (folder / "r.yaml").write_text(HEADER.format(id="r", category=category, kind=kind) + params, encoding="utf-8")
    engine = Engine(load_catalogue([folder], include_default=False), Settings())
    result, failures = engine.check(Draft(source="t", text=text), WEEKDAY_MORNING)
    assert not failures
    return result.violations


def spans(found: list[Violation], text: str) -> list[str]:
    return [text[v.start : v.end] for v in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("What a hell of a week!", ["hell of a"]),
        ("HELL OF A day", ["HELL OF A"]),
        ("hell\nof  a storm", ["hell\nof  a"]),
        ("Shellfish for lunch", []),
        ("Hello everyone", []),
    ],
)
def test_lexicon_matches_whole_words_and_phrases(tmp_path: Path, text: str, expected: list[str]) -> None:
    found = violations(tmp_path, "lexicon", "    words: [hell of a, hell]\n", text, "offensive")
    assert spans(found, text) == expected


def test_lexicon_exceptions_and_swap(tmp_path: Path) -> None:
    params = "    swap: {dick: 'a different word'}\n    exceptions: [spotted dick, Dick King-Smith]\n"
    text = "Spotted dick for pudding, then we read Dick King-Smith. Don't be a dick."
    found = violations(tmp_path, "lexicon", params, text, "offensive")
    assert spans(found, text) == ["dick"]
    assert found[0].start == text.rindex("dick")
    assert found[0].suggestion == "a different word"
    assert found[0].message == "'dick' is not allowed; a different word"


def test_lexicon_sees_through_invisible_and_lookalike_letters(tmp_path: Path) -> None:
    text = "What a cr\u200bap day, and more сrap (Cyrillic c)"
    found = violations(tmp_path, "lexicon", "    words: [crap]\n", text, "offensive")
    assert spans(found, text) == ["cr\u200bap", "сrap"]


def test_pattern_reports_original_spans(tmp_path: Path) -> None:
    text = "Call ０７７００ 900321 today"
    found = violations(tmp_path, "pattern", r"    pattern: '\b07\d{3}\s?\d{6}\b'" + "\n", text, "personal-data")
    assert spans(found, text) == ["０７７００ 900321"]


def test_pattern_exceptions(tmp_path: Path) -> None:
    params = "    pattern: 'investigat\\w*'\n    exceptions: [science investigation]\n"
    text = "Our science investigation went well. The investigation into Mr X continues."
    found = violations(tmp_path, "pattern", params, text, "confidential")
    assert spans(found, text) == ["investigation"]
    assert found[0].start == text.rindex("investigation")


def test_pattern_case_sensitivity(tmp_path: Path) -> None:
    params = "    pattern: 'SATs'\n    ignore_case: false\n"
    assert violations(tmp_path, "pattern", params, "sats results") == []
    assert len(violations(tmp_path, "pattern", params, "SATs results")) == 1


def test_length_kind_counts_like_the_platform(tmp_path: Path) -> None:
    long_text = "Sports day! " * 23 + "https://example.com/" + "a" * 200
    found = violations(tmp_path, "length", "    max: 280\n", long_text, "length")
    assert len(found) == 1 and found[0].end == len(long_text)
    url_tweet = "Photos: https://example.com/" + "a" * 300
    assert violations(tmp_path, "length", "    max: 280\n", url_tweet, "length") == []


def test_unknown_kind_parameter_is_refused(tmp_path: Path) -> None:
    from tweetguard.core.errors import CatalogueError

    with pytest.raises(CatalogueError, match="unknown key 'wrods'"):
        violations(tmp_path, "lexicon", "    wrods: [x]\n", "x")
