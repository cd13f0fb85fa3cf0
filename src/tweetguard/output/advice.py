"""The advice appended to a one-line message in the machine formats (github, junit, sarif)."""

from __future__ import annotations

from typing import Callable

from tweetguard.core.model import Violation


def advice(violation: Violation, redact: Callable[[str], str]) -> str:
    """' Write instead: “Freya”.' for a fix, ' What to do: ...' for other advice, else ''."""
    if violation.fix is not None:
        text = f" Write instead: “{redact(violation.fix)}”."
        if violation.suggestion and violation.suggestion != violation.fix:
            text += f" {redact(violation.suggestion)}"
        return text
    if violation.suggestion:
        return f" What to do: {redact(violation.suggestion)}"
    return ""
