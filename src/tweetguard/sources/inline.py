"""A draft typed on the command line (``--text``) or at the terminal's prompt.

The whole value is one tweet (no front matter, no thread). Never fixed: there is no file;
the report says what to write instead.
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
        return Draft(source=label, text=text.strip())

    def owns(self, draft: Draft) -> bool:
        return draft.path is None
