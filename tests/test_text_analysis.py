"""The text-analysis layer: one analysis per draft on the context, the sentence splitter,
the recogniser's verdicts (Role, Reason), the context-name finder and the pet lookup."""

from __future__ import annotations

from dataclasses import replace

import pytest
from conftest import WEEKDAY_MORNING
from namefinder import default_lexicon, find_pupil_names

from tweetguard.catalogue.loader import Catalogue
from tweetguard.core.errors import CatalogueError
from tweetguard.core.model import Draft
from tweetguard.core.settings import Settings
from tweetguard.engine.checker import Engine
from tweetguard.kinds.base import Context
from tweetguard.text import names
from tweetguard.text.names import Form, NameAnalysis, Reason, Role
from tweetguard.text.names.context import context_first_name_spans
from tweetguard.text.normalise import normalise
from tweetguard.text.prefilter import LazyPattern
from tweetguard.text.sentences import clauses, sentences, starts_sentence
from tweetguard.text.wordmatch import PhraseIndex


def test_sentences_keep_their_punctuation_and_split_at_line_breaks() -> None:
    text = "Well done Kai! See you soon.\nYear 6 – bring your kit"
    assert [text[s:e] for s, e in sentences(text)] == ["Well done Kai!", " See you soon.", "Year 6 – bring your kit"]
    assert [text[s:e] for s, e in clauses(text)] == ["Well done Kai!", " See you soon.", "Year 6", "bring your kit"]


def test_a_decimal_point_or_initial_does_not_end_a_sentence() -> None:
    assert len(sentences("We raised £3.50 each. Thank you!")) == 2


def test_sentence_start_at_one_word() -> None:
    text = "Hello. Will you come?\nMay is here, said Will."
    assert starts_sentence(text, text.index("Will"))
    assert starts_sentence(text, text.index("May"))
    assert not starts_sentence(text, text.rindex("Will"))


def test_context_analysis_is_built_once_per_draft() -> None:
    view = normalise("Thank you to Priya Sharma!")
    context = Context(view, WEEKDAY_MORNING, Settings(), None, {}, lexicon=default_lexicon())
    assert context.analysis is context.analysis
    assert context.analysis.names is context.analysis.names
    assert context.analysis.tokens is context.analysis.names.tokens


def test_reasons_and_forms_are_enums_that_read_as_text() -> None:
    (match,) = find_pupil_names("Well done Priya Sharma!")
    assert match.form is Form.FULL and match.form == "full"
    assert match.reason is Reason.FIRST_AND_SURNAME
    assert str(match.reason) == "a first name followed by a surname"


def test_each_ruled_out_word_says_why() -> None:
    text = "We read Pondlife by Tamsin Brightwater with Mrs Okafor, then Louis Sachar's Holes."
    analysis = NameAnalysis(text, default_lexicon())
    ruled_out = dict(analysis.ruled_out())
    assert ruled_out["Tamsin"] is Role.AUTHOR and ruled_out["Brightwater"] is Role.AUTHOR
    assert ruled_out["Louis"] is Role.FAMOUS
    assert ruled_out["Okafor"] is Role.TITLED
    assert analysis.pupil_names == []


def test_context_finder_reads_the_catalogue_titles_and_not_names_list() -> None:
    text = "Year 2 welcomed Grandad Sid. Grace and Priya helped."
    spans = context_first_name_spans(text, names.tokenise(text), default_lexicon(), None)
    assert [text[s:e] for s, e in spans] == ["Priya"]  # Grandad: a title; Grace: context-not-names


def test_context_finder_takes_a_hashtag_as_one_word() -> None:
    text = "#Priya won and #WellDonePriya too"
    spans = context_first_name_spans(text, names.tokenise(text), default_lexicon(), None)
    assert [text[s:e] for s, e in spans] == ["Priya"]


def _targeted_only(catalogue: Catalogue) -> Catalogue:
    return replace(catalogue, rules=tuple(r for r in catalogue.rules if r.kind == "targeted"))


def _characters_searched(catalogue: Catalogue, text: str, monkeypatch: pytest.MonkeyPatch) -> int:
    """How many characters the engine's phrase and pattern searches read while checking ``text``:
    a count, not a clock, so the test says the same on any machine."""
    read = [0]

    def counting(cls: type, method: str) -> None:
        original = getattr(cls, method)

        def wrapper(self: object, subject: str, *args: object, **kwargs: object) -> object:
            read[0] += len(subject)
            return original(self, subject, *args, **kwargs)
        monkeypatch.setattr(cls, method, wrapper)

    for cls, method in ((PhraseIndex, "search"), (PhraseIndex, "candidates"),
                        (LazyPattern, "search"), (LazyPattern, "finditer")):
        counting(cls, method)
    Engine(catalogue, Settings()).check(Draft(source="x", text=text), WEEKDAY_MORNING)
    monkeypatch.undo()
    return read[0]


@pytest.mark.parametrize("unit", ["Ella Thornton ", "Oliver's ", "#Fun #Day x@y.com ", "Well done Ella! ",
                                  "Ella Thornton and Ellie Baxter, "])
def test_the_rules_read_a_long_draft_in_linear_time(catalogue: Catalogue, unit: str,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    # Ten times the text may be read about ten times over, never a hundred (one rescan of the
    # draft per name found was the quadratic case).
    short = _characters_searched(catalogue, unit * 100, monkeypatch)
    long = _characters_searched(catalogue, unit * 1000, monkeypatch)
    assert short > 0
    assert long <= 13 * short


def test_a_pet_named_once_is_a_pet_everywhere(catalogue: Catalogue) -> None:
    engine = Engine(_targeted_only(catalogue), Settings())
    text = "Meet our new reading dog, Biscuit! Happy birthday Biscuit!"
    result, _ = engine.check(Draft(source="x", text=text), WEEKDAY_MORNING)
    assert result.violations == []


def _targeted_rule(catalogue: Catalogue, **params: object) -> Catalogue:
    (rule,) = _targeted_only(catalogue).rules
    return replace(catalogue, rules=(replace(rule, params={**rule.params, **params}),))


def test_targeted_windows_and_groups_are_rule_keys(catalogue: Catalogue) -> None:
    draft = Draft(source="x", text="Zain is back after his operation. Welcome back, everyone!")
    shipped, _ = Engine(_targeted_only(catalogue), Settings()).check(draft, WEEKDAY_MORNING)
    assert shipped.violations == []  # "everyone": a greeting to the community
    no_groups, _ = Engine(_targeted_rule(catalogue, groups=[], group_patterns=[]), Settings()).check(
        draft, WEEKDAY_MORNING)
    assert [v.rule for v in no_groups.violations] == ["targeted-child"]


@pytest.mark.parametrize("key, value", [("window", -1), ("group_patterns", ["year("])])
def test_targeted_rejects_a_negative_window_and_a_broken_group_pattern(catalogue: Catalogue, key: str,
                                                                        value: object) -> None:
    with pytest.raises(CatalogueError, match=key):
        Engine(_targeted_rule(catalogue, **{key: value}), Settings())
