"""Every rule's own examples: each 'bad' draft breaks that rule, each 'good' one does not.

Adding a rule to the catalogue adds its cases here; no test code is needed.
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from conftest import WEEKDAY_MORNING

from tweetguard.catalogue.loader import load_catalogue
from tweetguard.core.model import Example, Rule
from tweetguard.core.settings import Settings
from tweetguard.engine.checker import Engine
from tweetguard.config import with_keys
from tweetguard.sources.fields import example_config, example_draft

CATALOGUE = load_catalogue()
CASES = [
    pytest.param(rule, example, expected, id=f"{rule.id}-{'bad' if expected else 'good'}-{index}")
    for rule in CATALOGUE.rules
    for expected, examples in ((True, rule.bad), (False, rule.good))
    for index, example in enumerate(examples)
]


@pytest.mark.parametrize(("rule", "example", "expected"), CASES)
def test_rule_example(rule: Rule, example: Example, expected: bool) -> None:
    draft, roster = example_draft(example, rule_source=rule.source)
    settings = with_keys(Settings(select=(rule.id,), school_domains=("oakfield.sch.uk",)), example_config(example),
                         rule.source)
    engine = Engine(replace(CATALOGUE, rules=(rule,)), settings, roster)
    result, failures = engine.check(draft, WEEKDAY_MORNING)
    assert not failures
    found = [v for v in result.violations if v.rule == rule.id]
    assert bool(found) is expected, f"{example.text!r}: {[v.message for v in found]}"
    for violation in found:
        assert 0 <= violation.start <= violation.end <= len(draft.text)


def test_every_rule_has_bad_and_good_examples() -> None:
    assert CATALOGUE.rules
    for rule in CATALOGUE.rules:
        assert rule.bad and rule.good, rule.id
