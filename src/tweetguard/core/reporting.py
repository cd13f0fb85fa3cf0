"""The reporting contract: what a run tells its reporter, and the counts it keeps."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Protocol

from tweetguard.core.errors import TweetguardError
from tweetguard.core.model import DraftResult


@dataclass
class Summary:
    drafts: int = 0
    drafts_with_errors: int = 0
    drafts_with_only_warnings: int = 0  # no error, a warning: ready after a second look
    unreadable: int = 0
    by_severity: Counter[str] = field(default_factory=Counter)
    by_rule: Counter[str] = field(default_factory=Counter)
    # The first failure of each broken rule ("file:line: message"), and how often it failed.
    rule_failures: dict[str, str] = field(default_factory=dict)
    rule_failure_counts: Counter[str] = field(default_factory=Counter)
    # An audit of published posts, by the year each went out: "posts" (how many),
    # "broke_policy" (how many have an error) and, for each category, how many posts have a
    # problem of it (an error or a warning; notes are advice).
    by_year: dict[int, Counter[str]] = field(default_factory=dict)

    def add(self, result: DraftResult) -> None:
        self.drafts += 1
        if result.has("error"):
            self.drafts_with_errors += 1
        elif result.has("warning"):
            self.drafts_with_only_warnings += 1
        for violation in result.violations:
            self.by_severity[violation.severity] += 1
            self.by_rule[violation.rule] += 1
        if result.draft.published and result.posting_time is not None:
            self.by_year.setdefault(result.posting_time.year, Counter()).update(_year_counts(result))

    def remove(self, result: DraftResult) -> None:
        """Undo ``add`` for a result that was replaced (by its re-check after --fix)."""
        self.drafts -= 1
        if result.has("error"):
            self.drafts_with_errors -= 1
        elif result.has("warning"):
            self.drafts_with_only_warnings -= 1
        for violation in result.violations:
            self.by_severity[violation.severity] -= 1
            self.by_rule[violation.rule] -= 1
            if self.by_rule[violation.rule] <= 0:
                del self.by_rule[violation.rule]
        if result.draft.published and result.posting_time is not None:
            self.by_year[result.posting_time.year].subtract(_year_counts(result))

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
            **({"by_year": {str(year): {k: n for k, n in counts.items() if n or k in ("posts", "broke_policy")}
                            for year, counts in sorted(self.by_year.items())}}
               if self.by_year else {}),
        }


def _year_counts(result: DraftResult) -> Counter[str]:
    """One post in an audit's year table: itself, whether it broke the policy (an error), and
    each category it has a problem of (an error or a warning, not a note), once each."""
    counts = Counter({"posts": 1, "broke_policy": int(result.has("error"))})
    counts.update({v.category for v in result.violations if v.severity != "info"})
    return counts


class TextOut(Protocol):
    """Where text can be written: a stream, or --redact's held output."""

    def write(self, text: str, /) -> int: ...

    def flush(self) -> None: ...


class Reporter(Protocol):
    def draft(self, result: DraftResult) -> None: ...

    def problem(self, error: TweetguardError) -> None: ...

    def finish(self, summary: Summary) -> None: ...


class ForwardingReporter:
    """A reporter that hands everything to another one; subclasses look at each draft first."""

    def __init__(self, inner: Reporter) -> None:
        self.inner = inner

    def draft(self, result: DraftResult) -> None:
        self.inner.draft(result)

    def problem(self, error: TweetguardError) -> None:
        self.inner.problem(error)

    def finish(self, summary: Summary) -> None:
        self.inner.finish(summary)


class KeepingReporter(ForwardingReporter):
    """Passes everything on, keeping each draft's result (for the desk to offer the corrected
    draft, and for the web page to show it)."""

    def __init__(self, inner: Reporter) -> None:
        super().__init__(inner)
        self.results: list[DraftResult] = []

    def draft(self, result: DraftResult) -> None:
        self.results.append(result)
        self.inner.draft(result)
