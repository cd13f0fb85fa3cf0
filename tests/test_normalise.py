"""The normalised view: disguised letters fold to what a reader sees, spans map back exactly."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import WEEKDAY_MORNING
from hypothesis import given, settings
from hypothesis import strategies as st

from tweetguard.catalogue.loader import load_catalogue
from tweetguard.core.model import Draft
from tweetguard.core.settings import Settings
from tweetguard.engine.checker import Engine
from tweetguard.text.normalise import normalise

# (case, original, normalised, the original characters the word "James"/"Jo" is made of)
EVASIONS = [
    ("zero-width space inside a word", "Well done Ja\u200bmes!", "Well done James!", "Ja\u200bmes"),
    ("zero-width joiner inside a word", "Well done Ja\u200dmes!", "Well done James!", "Ja\u200dmes"),
    ("word joiner", "Well done J\u2060ames!", "Well done James!", "J\u2060ames"),
    ("byte order mark", "Well done Jam\ufeffes!", "Well done James!", "Jam\ufeffes"),
    ("soft hyphen", "Well done Ja\u00admes!", "Well done James!", "Ja\u00admes"),
    ("Cyrillic a", "Well done J\u0430mes!", "Well done James!", "J\u0430mes"),
    ("Cyrillic a, e and o", "J\u0430m\u0435s and J\u043e", "James and Jo", "J\u0430m\u0435s"),
    ("Cyrillic capital J", "\u0408ames won", "James won", "\u0408ames"),
    ("Greek omicron", "J\u03bf won", "Jo won", "J\u03bf"),
    ("every letter Cyrillic", "\u0408\u043e won", "Jo won", "\u0408\u043e"),
    ("fullwidth", "Well done \uff2a\uff41\uff4d\uff45\uff53!", "Well done James!", "\uff2a\uff41\uff4d\uff45\uff53"),
    ("mathematical bold", "Well done \U0001d409\U0001d41a\U0001d426\U0001d41e\U0001d42c!", "Well done James!",
     "\U0001d409\U0001d41a\U0001d426\U0001d41e\U0001d42c"),
    ("mathematical script", "Well done \U0001d4a5\U0001d4b6\U0001d4c2\U0001d452\U0001d4c8!", "Well done James!",
     "\U0001d4a5\U0001d4b6\U0001d4c2\U0001d452\U0001d4c8"),
    ("small capitals", "Well done \u1d0a\u1d00\u1d0d\u1d07\ua731!", "Well done james!", "\u1d0a\u1d00\u1d0d\u1d07\ua731"),
    ("strike-through overlay", "Well done J\u0336a\u0336m\u0336e\u0336s\u0336!", "Well done James!",
     "J\u0336a\u0336m\u0336e\u0336s\u0336"),
    ("left-to-right mark", "Well done \u200eJames\u200e!", "Well done James!", "James"),
    ("bidi isolate around a name", "Well done \u2066James\u2069!", "Well done James!", "James"),
    # A right-to-left override shows "semaJ" as "James": the view reads as the reader sees it.
    ("right-to-left override", "Well done \u202esemaJ\u202c!", "Well done James!", "semaJ"),
    ("mixed: Cyrillic, zero-width and fullwidth", "J\u0430\u200b\uff4des", "James", "J\u0430\u200b\uff4des"),
]


@pytest.mark.parametrize("case, original, expected, word", EVASIONS, ids=[c[0] for c in EVASIONS])
def test_evasion_is_folded_and_maps_back_exactly(case: str, original: str, expected: str, word: str) -> None:
    view = normalise(original)
    assert view.text == expected
    name = next(n for n in ("James", "james", "Jo") if n in expected)
    start = expected.index(name)
    mapped_start, mapped_end = view.to_original(start, start + len(name))
    assert original[mapped_start:mapped_end] == word


@pytest.mark.parametrize("text", [
    "Caf\u00e9 and Zo\u00eb",  # precomposed
    "Well done Zo\u00eb, Ren\u00e9e and Bj\u00f6rn!",
    "No\u00ebl \u00e0 la cr\u00e8me",
    "Good luck \U0001f44d to our netball team \U0001f3d0",
    "Family \U0001f469\u200d\U0001f467 and flag \U0001f3f4\U000e0067\U000e0062\U000e0065\U000e006e\U000e0067\U000e007f",
    "\u041c\u043e\u0441\u043a\u0432\u0430 \u2014 \u0391\u03b8\u03ae\u03bd\u03b1",  # real Cyrillic/Greek words with non-look-alikes
])
def test_text_a_reader_reads_as_written_is_left_alone(text: str) -> None:
    view = normalise(text)
    assert view.text == text
    assert view.to_original(0, len(view.text)) == (0, len(text))


@pytest.mark.parametrize("decomposed, composed", [
    ("Cafe\u0301", "Caf\u00e9"),
    ("Zoe\u0308", "Zo\u00eb"),
    ("Zoe\u200b\u0308", "Zo\u00eb"),  # an invisible character between a letter and its accent
    ("J\u043e\u0308", "J\u00f6"),  # a Cyrillic look-alike with a combining accent
])
def test_combining_accents_become_the_precomposed_letter(decomposed: str, composed: str) -> None:
    view = normalise(decomposed)
    assert view.text == composed
    # The accented letter maps back to its base and its accent together.
    assert view.to_original(len(composed) - 1, len(composed)) == (len(composed) - 1, len(decomposed))


def test_ligature_maps_to_the_whole_original_character() -> None:
    view = normalise("\ufb01ne weather")  # "ﬁ" ligature
    assert view.text == "fine weather"
    assert view.to_original(0, 1) == (0, 1)
    assert view.to_original(0, 4) == (0, 3)
    assert view.to_original(1, 4) == (0, 3)


def test_invisible_characters_at_the_edges_of_a_span_are_not_included() -> None:
    original = "\u200bJames\u200b"
    view = normalise(original)
    assert view.text == "James"
    assert view.to_original(0, 5) == (1, 6)


def test_empty_and_end_spans() -> None:
    view = normalise("J\u0430mes")
    assert view.to_original(5, 5) == (5, 5)
    assert view.to_original(2, 2) == (2, 2)
    assert normalise("").text == ""


def test_plain_text_costs_nothing() -> None:
    for text in ("Sports day is on Friday!", "Caf\u00e9 \U0001f44d"):
        view = normalise(text)
        assert view.text is text and view.to_original(3, 7) == (3, 7)


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=80))
def test_any_span_maps_inside_the_original(text: str) -> None:
    view = normalise(text)
    size = len(view.text)
    for start in range(0, size + 1, max(1, size // 7)):
        for end in range(start, size + 1, max(1, size // 5)):
            mapped_start, mapped_end = view.to_original(start, end)
            assert 0 <= mapped_start <= mapped_end <= len(text)


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=60))
def test_normalising_twice_changes_nothing_more(text: str) -> None:
    once = normalise(text).text
    assert normalise(once).text == normalise(once).text
    assert normalise(normalise(once).text).text == normalise(once).text


def _engine_with_rule(tmp_path: Path) -> Engine:
    (tmp_path / "names.yaml").write_text(
        "rules:\n  - id: test-name\n    category: names\n    severity: error\n    kind: lexicon\n"
        "    policy: no names\n    message: '{match} is a name'\n    words: [James, Zoë]\n"
        "    examples: {bad: [James], good: [Jam]}\n",
        encoding="utf-8",
    )
    catalogue = load_catalogue([tmp_path], include_default=False)
    return Engine(catalogue, Settings())


@pytest.mark.parametrize("case, original, expected, word", [c for c in EVASIONS if "James" in c[2]],
                         ids=[c[0] for c in EVASIONS if "James" in c[2]])
def test_a_rule_finds_the_disguised_word_and_reports_the_original_span(
    tmp_path: Path, case: str, original: str, expected: str, word: str
) -> None:
    result, failures = _engine_with_rule(tmp_path).check(Draft(source="t", text=original), WEEKDAY_MORNING)
    assert not failures
    [violation] = result.violations
    assert original[violation.start : violation.end] == word
    assert violation.message.startswith(word)


def test_a_rule_matches_an_accented_name_written_either_way(tmp_path: Path) -> None:
    engine = _engine_with_rule(tmp_path)
    for text in ("Well done Zo\u00eb!", "Well done Zoe\u0308!"):
        result, _ = engine.check(Draft(source="t", text=text), WEEKDAY_MORNING)
        [violation] = result.violations
        assert text[violation.start : violation.end] in ("Zo\u00eb", "Zoe\u0308")
