"""``--format github``: GitHub Actions workflow commands, shown as annotations on the files.

``::error file=F,line=L,col=C,endLine=..,endColumn=..,title=RULE::message`` for each violation
(warning -> ``::warning``, info -> ``::notice``), and ``::error file=F::...`` for a draft that
could not be read. Escaping follows GitHub's toolkit: in the message ``%``, CR and LF; in
property values also ``:`` and ``,``.
"""

from __future__ import annotations

from typing import Sequence, TextIO

from tweetguard.core.console import echo_err
from tweetguard.core.errors import TweetguardError
from tweetguard.core.model import DraftResult, Rule
from tweetguard.core.reporting import Summary
from tweetguard.core.wording import plural
from tweetguard.output.advice import advice
from tweetguard.output.options import OutputOptions
from tweetguard.output.region import region, relative_file, split_where

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def command(kind: str, properties: dict[str, object], message: str) -> str:
    props = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items())
    return f"::{kind} {props}::{escape_data(message)}" if props else f"::{kind}::{escape_data(message)}"


class GithubReporter:
    def __init__(self, stream: TextIO, options: OutputOptions) -> None:
        self.stream = stream
        self.options = options

    def draft(self, result: DraftResult) -> None:
        redact = self.options.redact
        for violation in result.violations:
            where = region(result.draft, violation)
            message = redact(violation.message)
            message += advice(violation, redact)
            properties: dict[str, object] = {
                "file": relative_file(result.draft), "line": where.line, "col": where.col,
                "endLine": where.end_line, "endColumn": where.end_col, "title": violation.rule,
            }
            self.stream.write(command(COMMANDS[violation.severity], properties, message) + "\n")

    def problem(self, error: TweetguardError) -> None:
        file, line = split_where(error.where)
        properties: dict[str, object] = {"file": file} if file else {}
        if line is not None:
            properties["line"] = line
        properties["title"] = "tweetguard: could not check"
        self.stream.write(command("error", properties, self.options.redact(error.message)) + "\n")

    def finish(self, summary: Summary) -> None:
        """The summary goes to standard error: standard output holds only workflow commands,
        so nothing in the log sits among the annotations as if it were one."""
        errors, warnings = summary.by_severity["error"], summary.by_severity["warning"]
        echo_err(
            f"tweetguard: checked {plural(summary.drafts, 'draft')}: {plural(errors, 'error')}, "
            f"{plural(warnings, 'warning')}, {summary.drafts - summary.drafts_with_errors} ready to post"
            + (f", {summary.unreadable} could not be read" if summary.unreadable else "") + "."
        )


def make_reporter(stream: TextIO, options: OutputOptions, rules: Sequence[Rule]) -> GithubReporter:
    return GithubReporter(stream, options)
