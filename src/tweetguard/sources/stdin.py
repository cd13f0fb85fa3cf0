"""Standard input (``tweetguard check -``): one draft, or a thread, as a draft file holds.

Read as bytes and decoded as a file is, so a locale's lenient decoding cannot hide bad
UTF-8. There is no file to write back to: --fix prints the corrected text instead (fix.py).
"""

from __future__ import annotations

import sys
from typing import BinaryIO, Iterator

from tweetguard.core.errors import DraftError
from tweetguard.core.files import FileRefused, read_capped
from tweetguard.core.model import Draft
from tweetguard.sources.base import DraftOrError, Source
from tweetguard.sources.decoding import decode_text
from tweetguard.sources.draft_file import MAX_FILE_BYTES, read_text_draft

ARGUMENT = "-"  # the command-line argument that means standard input
LABEL = "<stdin>"


class StandardInput(Source):
    """The drafts piped to tweetguard; they have no path, and their source is ``<stdin>``.

    The text read is kept (``content``): standard input can be read only once, and --fix
    writes it back out corrected, front matter and all."""

    def __init__(self) -> None:
        self.content: str | None = None

    def read_stream(self, stream: BinaryIO | None = None) -> Iterator[DraftOrError]:
        """The drafts in ``stream``, by default standard input's bytes.

        Read no further than a draft file may be long, so `check - < /dev/zero` ends.
        """
        try:
            raw = read_capped(stream or sys.stdin.buffer, MAX_FILE_BYTES, "a tweet draft")
            self.content = decode_text(raw, LABEL)
            yield from read_text_draft(self.content, LABEL)
        except FileRefused as exc:
            yield DraftError(LABEL, exc.reason)
        except DraftError as exc:
            yield exc

    def owns(self, draft: Draft) -> bool:
        return draft.path is None and draft.source.split(":", 1)[0] == LABEL
