"""``--format sarif``: SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.

One run: ``tool.driver`` carries the catalogue (each rule's policy clause as its help), and
every result has a ruleId, ruleIndex, level, message and one physical location (relative
path with forward slashes, 1-based lines and code-point columns). Drafts that could not be
read are toolExecutionNotifications. Results are streamed; only the rule index is kept.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from typing import Any, Callable, Sequence, TextIO
from urllib.parse import quote

from tweetguard import __version__
from tweetguard.core.errors import TweetguardError
from tweetguard.core.model import DraftResult, Rule, Violation
from tweetguard.core.patterns import lazy_re
from tweetguard.core.reporting import Summary
from tweetguard.engine.checker import UNUSED_SUPPRESSION
from tweetguard.output.advice import advice
from tweetguard.output.options import OutputOptions
from tweetguard.output.region import region, relative_path, split_where

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://pypi.org/project/tweetguard/"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
PLACEHOLDER = lazy_re(r"\{[^{}]*\}")


def _first_sentence(text: str) -> str:
    text = " ".join(text.split())
    match = re.match(r"(.+?[.!?])(\s|$)", text)
    return match.group(1) if match else text


def _pascal(rule_id: str) -> str:
    return "".join(part.capitalize() for part in rule_id.split("-"))


def rule_descriptor(rule: Rule, redact: Callable[[str], str]) -> dict[str, Any]:
    # Rule texts carry example names, which may be a real pupil's: --redact masks them too.
    template = redact(" ".join(PLACEHOLDER.sub("…", rule.message).split()))
    description = redact(" ".join(rule.description.split())) or template
    policy = redact(" ".join(rule.policy.split()))
    return {
        "id": rule.id,
        "name": _pascal(rule.id),
        "shortDescription": {"text": _first_sentence(description)},
        "fullDescription": {"text": description},
        "help": {
            "text": f"{description}\n\nPolicy: {policy}",
            "markdown": f"{description}\n\n**Policy:** {policy}",
        },
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"category": rule.category, "tags": ["tweetguard", rule.category]},
    }


UNUSED_SUPPRESSION_DESCRIPTOR: dict[str, Any] = {
    "id": UNUSED_SUPPRESSION,
    "name": _pascal(UNUSED_SUPPRESSION),
    "shortDescription": {"text": "A front-matter 'allow' that suppresses nothing."},
    "fullDescription": {"text": "The draft's front matter allows a rule or category that this draft does not break; "
                                "remove the stale suppression."},
    "help": {"text": "Remove the 'allow' entry from the draft's front matter."},
    "defaultConfiguration": {"level": "warning"},
    "properties": {"category": "suppression", "tags": ["tweetguard", "suppression"]},
}


def _uri(path: str) -> str:
    """A relative URI: the file name's bytes percent-encoded (any bytes, UTF-8 or not)."""
    return quote(os.fsencode(path), safe="/-._~")


class SarifReporter:
    def __init__(self, stream: TextIO, options: OutputOptions, rules: Sequence[Rule]) -> None:
        self.stream = stream
        self.options = options
        descriptors = [rule_descriptor(rule, options.redact) for rule in rules] + [UNUSED_SUPPRESSION_DESCRIPTOR]
        self.index = {descriptor["id"]: i for i, descriptor in enumerate(descriptors)}
        self.notifications: list[dict[str, Any]] = []
        self.count = 0
        driver = {"name": "tweetguard", "version": __version__, "semanticVersion": __version__,
                  "informationUri": INFORMATION_URI, "rules": descriptors}
        head = {"$schema": SCHEMA, "version": "2.1.0"}
        run_head = {"tool": {"driver": driver}, "columnKind": "unicodeCodePoints"}
        # Stream: open the document and the results array; finish() closes them.
        stream.write(json.dumps(head, ensure_ascii=False)[:-1] + ', "runs": [' +
                     json.dumps(run_head, ensure_ascii=False)[:-1] + ', "results": [')

    def _result(self, result: DraftResult, violation: Violation) -> dict[str, Any]:
        draft = result.draft
        where = region(draft, violation)
        uri = _uri(relative_path(draft))
        redact = self.options.redact
        text = redact(violation.message)
        text += advice(violation, redact)
        span = redact(draft.text)[violation.start : violation.end]
        fingerprint = hashlib.sha256("\x1f".join((violation.rule, uri, span, draft.id or "")).encode()).hexdigest()
        out: dict[str, Any] = {
            "ruleId": violation.rule,
            "level": LEVELS[violation.severity],
            "message": {"text": text},
            "locations": [{
                "physicalLocation": {
                    "artifactLocation": {"uri": uri},
                    "region": {"startLine": where.line, "startColumn": where.col,
                               "endLine": where.end_line, "endColumn": where.end_col},
                },
            }],
            "partialFingerprints": {"tweetguard/v1": fingerprint[:32]},
            "properties": {"category": violation.category, "source": draft.source},
        }
        if violation.rule in self.index:
            out["ruleIndex"] = self.index[violation.rule]
        return out

    def draft(self, result: DraftResult) -> None:
        for violation in result.violations:
            prefix = "," if self.count else ""
            self.stream.write(prefix + "\n" + json.dumps(self._result(result, violation), ensure_ascii=False))
            self.count += 1

    def problem(self, error: TweetguardError) -> None:
        file, line = split_where(error.raw_where)
        notification: dict[str, Any] = {"level": "error", "message": {"text": self.options.redact(error.message)}}
        if file:
            physical: dict[str, Any] = {"artifactLocation": {"uri": _uri(file.replace(os.sep, "/"))}}
            if line is not None:
                physical["region"] = {"startLine": line}
            notification["locations"] = [{"physicalLocation": physical}]
        self.notifications.append(notification)

    def finish(self, summary: Summary) -> None:
        invocation = {
            "executionSuccessful": not (summary.unreadable or summary.rule_failures),
            # Unreadable drafts and rules that timed out both arrive through problem().
            "toolExecutionNotifications": self.notifications,
        }
        self.stream.write("\n], " + json.dumps({"invocations": [invocation]}, ensure_ascii=False)[1:] + "]}\n")


def make_reporter(stream: TextIO, options: OutputOptions, rules: Sequence[Rule]) -> SarifReporter:
    return SarifReporter(stream, options, rules)
