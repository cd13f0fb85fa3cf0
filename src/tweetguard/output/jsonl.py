"""``--format jsonl``: one JSON object per violation, one per line (JSON Lines).

Each line: ``{"source", "file", "line", "col", "end_line", "end_col", "rule", "category",
"severity", "message", "start", "end", "suggestion", "id"}``. ``line``/``col`` are 1-based
(columns in code points) in the draft's file; ``start``/``end`` are offsets in the draft's
text. A clean run prints nothing, so ``wc -l`` counts violations.
"""

from __future__ import annotations

import json
from typing import Any, Sequence, TextIO

from tweetguard.core.errors import TweetguardError
from tweetguard.core.model import DraftResult, Rule, Violation
from tweetguard.core.reporting import Summary
from tweetguard.output.options import OutputOptions
from tweetguard.output.region import region, relative_file


def violation_dict(result: DraftResult, violation: Violation, options: OutputOptions) -> dict[str, Any]:
    draft = result.draft
    where = region(draft, violation)
    return {
        "source": draft.source,
        "file": relative_file(draft),
        "line": where.line,
        "col": where.col,
        "end_line": where.end_line,
        "end_col": where.end_col,
        "rule": violation.rule,
        "category": violation.category,
        "severity": violation.severity,
        "message": options.redact(violation.message),
        "start": violation.start,
        "end": violation.end,
        "suggestion": options.redact(violation.suggestion) if violation.suggestion else None,
        "id": draft.id,
    }


class JsonLinesReporter:
    def __init__(self, stream: TextIO, options: OutputOptions) -> None:
        self.stream = stream
        self.options = options

    def draft(self, result: DraftResult) -> None:
        for violation in result.violations:
            self.stream.write(json.dumps(violation_dict(result, violation, self.options), ensure_ascii=False) + "\n")

    def problem(self, error: TweetguardError) -> None:
        """Problems go to standard error (the check command prints them); every line stays a violation."""

    def finish(self, summary: Summary) -> None:
        self.stream.flush()


def make_reporter(stream: TextIO, options: OutputOptions, rules: Sequence[Rule]) -> JsonLinesReporter:
    return JsonLinesReporter(stream, options)
