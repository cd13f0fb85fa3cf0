"""A slow custom rule has a budget per run (issue 11): once its pattern has timed out on
SKIP_AFTER_TIMEOUTS drafts it is skipped, and said to be, for the rest of the run."""

from __future__ import annotations

from pathlib import Path

from conftest import WEEKDAY_MORNING
from test_parallel import BACKTRACKING_RULE, LONG_WORD_DRAFT

from tweetguard.catalogue.loader import load_catalogue
from tweetguard.core.model import Draft
from tweetguard.core.settings import Settings
from tweetguard.engine import checker
from tweetguard.engine.checker import Engine


def test_a_rule_that_keeps_timing_out_is_skipped_for_the_rest_of_the_run(tmp_path: Path) -> None:
    (tmp_path / "ours.yaml").write_text(BACKTRACKING_RULE, encoding="utf-8")
    engine = Engine(load_catalogue([tmp_path], include_default=False), Settings())
    reasons = []
    for index in range(10):
        _, failures = engine.check(Draft(source=f"d{index}", text=LONG_WORD_DRAFT), WEEKDAY_MORNING)
        assert [f.rule.id for f in failures] == ["slow-pattern"]  # every draft says the rule did not run
        reasons.append(failures[0].reason)
    # The pattern ran (and timed out) on three drafts only; the other seven cost nothing.
    assert engine.timeouts["slow-pattern"] == checker.SKIP_AFTER_TIMEOUTS == 3
    assert "skipped for the rest of the run" in reasons[0]


def test_a_rule_that_timed_out_once_still_checks_the_next_draft(tmp_path: Path) -> None:
    (tmp_path / "ours.yaml").write_text(BACKTRACKING_RULE, encoding="utf-8")
    engine = Engine(load_catalogue([tmp_path], include_default=False), Settings())
    engine.check(Draft(source="slow", text=LONG_WORD_DRAFT), WEEKDAY_MORNING)
    result, failures = engine.check(Draft(source="quick", text="abc"), WEEKDAY_MORNING)
    assert failures == [] and [v.rule for v in result.violations] == ["slow-pattern"]
