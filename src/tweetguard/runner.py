"""Running a check: drafts in, results out to a reporter, one draft at a time.

Results stream to the reporter as they are made, so memory stays flat however many drafts
there are; only counts are kept for the summary and the exit code.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from typing import Iterable, Protocol

from tweetguard.engine import Engine
from tweetguard.errors import TweetguardError
from tweetguard.model import Draft, DraftResult


@dataclass
class Summary:
    drafts: int = 0
    drafts_with_errors: int = 0
    unreadable: int = 0
    by_severity: Counter[str] = field(default_factory=Counter)
    by_rule: Counter[str] = field(default_factory=Counter)
    # The first failure of each broken rule ("file:line: message"), and how often it failed.
    rule_failures: dict[str, str] = field(default_factory=dict)
    rule_failure_counts: Counter[str] = field(default_factory=Counter)

    def add(self, result: DraftResult) -> None:
        self.drafts += 1
        if result.has("error"):
            self.drafts_with_errors += 1
        for violation in result.violations:
            self.by_severity[violation.severity] += 1
            self.by_rule[violation.rule] += 1

    def exit_code(self, strict: bool = False, exit_zero: bool = False) -> int:
        """2 when something could not be checked, 1 for violations, else 0."""
        if self.unreadable or self.rule_failures:
            return 2
        if exit_zero:
            return 0
        failing = self.by_severity["error"] + (self.by_severity["warning"] if strict else 0)
        return 1 if failing else 0

    def as_dict(self) -> dict[str, object]:
        return {
            "drafts": self.drafts,
            "drafts_with_errors": self.drafts_with_errors,
            "errors": self.by_severity["error"],
            "warnings": self.by_severity["warning"],
            "infos": self.by_severity["info"],
            "unreadable": self.unreadable,
            "by_rule": dict(sorted(self.by_rule.items())),
        }


class Reporter(Protocol):
    def draft(self, result: DraftResult) -> None: ...

    def problem(self, error: TweetguardError) -> None: ...

    def finish(self, summary: Summary) -> None: ...


def run(items: Iterable[Draft | TweetguardError], engine: Engine, default_time: datetime | None,
        reporter: Reporter) -> Summary:
    """Check every draft; unreadable ones and failing rules are reported, never raised."""
    summary = Summary()
    for item in items:
        if isinstance(item, TweetguardError):
            summary.unreadable += 1
            reporter.problem(item)
            continue
        result, failures = engine.check(item, default_time)
        for failure in failures:
            rule_id = failure.rule.id
            summary.rule_failure_counts[rule_id] += 1
            if rule_id not in summary.rule_failures:
                error = TweetguardError(failure.rule.source, f"{failure.reason} (first in {item.source}); "
                                        "the other rules still ran")
                summary.rule_failures[rule_id] = str(error)
                reporter.problem(error)
        summary.add(result)
        reporter.draft(result)
    reporter.finish(summary)
    return summary
