"""``--format json``: one JSON document, streamed draft by draft.

Shape (stable; documented in the README)::

    {"drafts": [{"source", "id", "text", "posting_time", "violations": [
        {"rule", "category", "severity", "message", "start", "end", "suggestion"}]}],
     "summary": {...}}

``start``/``end`` are code-point offsets into ``text``.
"""

from __future__ import annotations

import json
from typing import Any, Sequence, TextIO

from tweetguard.core.errors import TweetguardError
from tweetguard.core.model import DraftResult, Rule
from tweetguard.core.reporting import Summary
from tweetguard.output.options import OutputOptions


def draft_dict(result: DraftResult, options: OutputOptions) -> dict[str, Any]:
    draft = result.draft
    return {
        "source": draft.source,
        "id": draft.id,
        "text": options.redact(draft.text),
        "posting_time": result.posting_time.isoformat() if result.posting_time else None,
        "next_allowed": result.next_allowed.isoformat() if result.next_allowed else None,
        "violations": [
            {
                "rule": v.rule,
                "category": v.category,
                "severity": v.severity,
                "message": options.redact(v.message),
                "start": v.start,
                "end": v.end,
                "suggestion": options.redact(v.suggestion) if v.suggestion else None,
            }
            for v in result.violations
        ],
        "notes": [{"rule": n.rule, "message": options.redact(n.message)} for n in result.notes],
    }


class JsonReporter:
    def __init__(self, stream: TextIO, options: OutputOptions) -> None:
        self.stream = stream
        self.options = options
        self.count = 0
        stream.write('{"drafts": [')

    def draft(self, result: DraftResult) -> None:
        self.stream.write(("," if self.count else "") + "\n  " + json.dumps(draft_dict(result, self.options), ensure_ascii=False))
        self.count += 1

    def problem(self, error: TweetguardError) -> None:
        """Problems go to standard error as one line each; JSON stays parseable."""

    def finish(self, summary: Summary) -> None:
        self.stream.write('\n], "summary": ' + json.dumps(summary.as_dict()) + "}\n")


def make_reporter(stream: TextIO, options: OutputOptions, rules: Sequence[Rule]) -> JsonReporter:
    return JsonReporter(stream, options)
