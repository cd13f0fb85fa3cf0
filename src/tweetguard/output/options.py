"""Options every output format honours."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable


def _keep(text: str) -> str:
    return text


@dataclass(frozen=True)
class OutputOptions:
    color: bool = False
    quiet: bool = False
    statistics: bool = False
    verbose: bool = False  # rule ids and line:column in text output (machine formats always have them)
    strict: bool = False  # warnings fail the check too, so a draft with warnings is not ready
    audit: bool = False  # the drafts are an archive's published posts (tweetguard audit)
    # The terminal's width, to wrap text output at word boundaries; None (a pipe, a log, CI):
    # one line per message, as tools that read logs expect.
    width: int | None = None
    # Applied to every piece of draft text that is printed (--redact masks pupils' names).
    # It must keep the text's length, so that highlighted spans still line up.
    redact: Callable[[str], str] = field(default=_keep)
