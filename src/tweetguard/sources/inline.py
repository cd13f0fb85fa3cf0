"""A draft typed on the command line (``--text``) or at the terminal's prompt.

The whole value is one tweet (no front matter, no thread). There is no file: --fix prints
the corrected draft instead (fix.py).
"""

from __future__ import annotations

from tweetguard.core.errors import TweetguardError
from tweetguard.core.model import Draft
from tweetguard.sources.base import Source

LABEL = "<text>"


class InlineText(Source):
    """The one draft given as text; it has no path."""

    def read_text(self, text: str, label: str = LABEL) -> Draft | TweetguardError:
        if not text.strip():
            return TweetguardError("--text", "the draft is empty; put the tweet in quotes after --text")
        # The shell passes bytes that are not UTF-8 on as surrogates, which no output can print.
        bad = next((c for c in text if "\udc80" <= c <= "\udcff"), None)
        if bad is not None:
            return TweetguardError("--text", f"byte 0x{ord(bad) - 0xDC00:02x} is not UTF-8; type the draft as UTF-8 text")
        return Draft(source=label, text=text.strip())

    def owns(self, draft: Draft) -> bool:
        return draft.path is None
