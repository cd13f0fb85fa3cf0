"""``--format junit``: JUnit XML, one testcase per draft, for CI test-report viewers.

A draft with any error-level violation gets a ``<failure>`` listing its violations; warnings
of a passing draft go to its ``<system-out>``. A file that could not be read is a testcase with
an ``<error>``. The document is written at the end, because the testsuite carries the counts.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import Sequence, TextIO

from tweetguard.core.errors import TweetguardError
from tweetguard.core.model import DraftResult, Rule
from tweetguard.core.patterns import lazy_re
from tweetguard.core.reporting import Summary
from tweetguard.output.advice import advice
from tweetguard.output.location import line_col
from tweetguard.output.options import OutputOptions
from tweetguard.output.region import relative_file

# Characters XML 1.0 cannot carry at all, even escaped.
NOT_XML = lazy_re("[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def clean(text: str) -> str:
    return NOT_XML.sub("\ufffd", text)


class JunitReporter:
    def __init__(self, stream: TextIO, options: OutputOptions) -> None:
        self.stream = stream
        self.options = options
        self.cases: list[ET.Element] = []
        self.failures = 0
        self.errors = 0

    def draft(self, result: DraftResult) -> None:
        draft = result.draft
        redact = self.options.redact
        case = ET.Element("testcase", {"classname": clean(relative_file(draft)),
                                       "name": clean(draft.source + (f" (id {draft.id})" if draft.id else "")),
                                       "file": clean(relative_file(draft)), "line": str(draft.line), "time": "0"})
        lines = []
        for violation in result.violations:
            line, col = line_col(draft, violation.start)
            text = f"{violation.severity}: {redact(violation.message)} [{violation.rule}, line {line} col {col}]"
            text += advice(violation, redact)
            lines.append(text)
        if result.has("error"):
            errors = sum(v.severity == "error" for v in result.violations)
            failure = ET.SubElement(case, "failure", {
                "message": clean(f"{errors} policy error{'s' if errors != 1 else ''}: "
                                 + "; ".join(sorted({v.rule for v in result.violations if v.severity == 'error'}))),
                "type": "tweetguard",
            })
            failure.text = clean("\n".join(lines))
            self.failures += 1
        elif lines:
            ET.SubElement(case, "system-out").text = clean("\n".join(lines))
        self.cases.append(case)

    def problem(self, error: TweetguardError) -> None:
        case = ET.Element("testcase", {"classname": clean(error.where), "name": clean(error.where), "time": "0"})
        ET.SubElement(case, "error", {"message": clean(self.options.redact(error.message)), "type": "unreadable"})
        self.cases.append(case)
        self.errors += 1

    def finish(self, summary: Summary) -> None:
        counts = {"tests": str(len(self.cases)), "failures": str(self.failures), "errors": str(self.errors),
                  "skipped": "0", "time": "0"}
        root = ET.Element("testsuites", {"name": "tweetguard", **counts})
        suite = ET.SubElement(root, "testsuite", {"name": "tweetguard", **counts})
        suite.extend(self.cases)
        ET.indent(root)
        self.stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        self.stream.write(ET.tostring(root, encoding="unicode") + "\n")


def make_reporter(stream: TextIO, options: OutputOptions, rules: Sequence[Rule]) -> JunitReporter:
    return JunitReporter(stream, options)
