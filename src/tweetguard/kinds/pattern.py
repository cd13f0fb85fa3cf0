"""``pattern``: a regular expression (the ``regex`` module's syntax) that marks a problem.

Keys: ``pattern`` (required), ``ignore_case`` (default true), ``suggestion`` (text shown as
what to write instead), ``exceptions`` (phrases that make a match inside them innocent),
``fix`` (a safe replacement --fix writes, with group references like ``\\g<first>``).
The pattern runs on the normalised text; spans are reported in the original.
"""

from __future__ import annotations

from typing import Iterator, Mapping

import regex

from tweetguard.core.model import Draft, Finding, Rule
from tweetguard.kinds.base import Check, Context, Param, RuleParamError
from tweetguard.text.phrases import phrase_index
from tweetguard.text.prefilter import lazy_pattern
from tweetguard.text.spans import Spans
from tweetguard.text.wordmatch import (
    MATCH_TIMEOUT_SECONDS,
)

PARAMS = {
    "pattern": Param(str, required=True, help="the regular expression to find"),
    "ignore_case": Param(bool, default=True),
    "suggestion": Param(str, default=None),
    "exceptions": Param(list, default=[]),
    "fix": Param(str, default=None, help="a safe replacement for --fix; may use groups like \\g<1>"),
}


def build(rule: Rule, lists: Mapping[str, tuple[str, ...]]) -> Check:
    flags = regex.V1 | (regex.IGNORECASE if rule.params["ignore_case"] else 0)
    try:
        # Compiled on first need; drafts lacking what the pattern requires skip it.
        compiled = lazy_pattern(rule.params["pattern"], flags)
    except regex.error as exc:
        raise RuleParamError("pattern", f"is not a valid regular expression ({exc})") from None
    exceptions = phrase_index(tuple(str(e) for e in rule.params["exceptions"] or ()))
    suggestion = rule.params["suggestion"]
    fix = rule.params["fix"]
    if fix is not None:
        _check_template(fix, compiled.compiled)

    def check(draft: Draft, context: Context) -> Iterator[Finding]:
        text = context.view.text
        innocent = Spans(exceptions.spans(text) if exceptions else ())
        for match in compiled.finditer(text, timeout=MATCH_TIMEOUT_SECONDS):
            if match.end() == match.start() or innocent.hold(match.span()):
                continue
            start, end = context.view.to_original(*match.span())
            yield Finding(start, end, suggestion, match.expand(fix) if fix is not None else None)

    return check


def _check_template(fix: str, compiled: regex.Pattern[str]) -> None:
    """Refuse a ``fix`` naming a group the pattern lacks, at load time rather than mid-run."""
    for name, number in regex.findall(r"\\g<([^>]*)>|\\(\d+)", fix):
        ref = name or number
        known = ref in compiled.groupindex or (ref.isdigit() and int(ref) <= compiled.groups)
        if not known:
            raise RuleParamError("fix", f"refers to group '{ref}', which the pattern does not have")
