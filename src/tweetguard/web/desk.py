"""Checking one draft sent as JSON, for ``POST /api/check`` and the page.

A request is ``{"text", "scheduled"?, "occasion"?, "reply_to"?, "media"?}``: the draft and
what a draft file's front matter would say about it, read by the same code as front matter
(``sources.fields.draft_fields``), so a key means the same here as in a file. The draft is
read as ``check --text`` reads it, and the answer to ``/api/check`` is written by the JSON
output format itself, so it is the very document ``check --format json`` prints.

The page needs a little more than that document: the weighted character count, the draft
with every safe fix applied (``fix.py``'s own choice of fixes, round after round as
``--fix`` does), and when the draft may go out, in words.
"""

from __future__ import annotations

import io
import json
import threading
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from tweetguard.core.clock import describe
from tweetguard.core.errors import DraftError, TweetguardError
from tweetguard.core.model import PAGE_SOURCE, Draft, DraftResult, Violation
from tweetguard.core.platforms import Platform
from tweetguard.core.reporting import KeepingReporter
from tweetguard.engine.checker import Engine
from tweetguard.engine.runner import run
from tweetguard.fix import settle
from tweetguard.kinds.length import character_limit
from tweetguard.output import json_report
from tweetguard.output.options import OutputOptions
from tweetguard.sources import registry
from tweetguard.sources.fields import draft_fields
from tweetguard.sources.when import TIME_EXAMPLES, has_passed, read_when
from tweetguard.text.post_length import post_length

MAX_BODY_BYTES = 64 * 1024  # a tweet is 280 characters: anything near this is not a draft
# The front-matter keys a request may carry besides "text" (not "id" or "tweetguard": a
# suppression is a decision to record in a draft file, not a box to tick on a page).
REQUEST_KEYS = ("scheduled", "occasion", "reply_to", "media")
# What the page's "photos attached" box stands for: the rules ask only whether there are any.
# A link, not a file name, so nothing on the server is ever opened for it (core.photos).
ATTACHED_PHOTO = "page://attached-photo"
EXAMPLE = 'send JSON like {"text": "Well done Year 6!"}'


class RequestError(Exception):
    """A request that cannot be checked: its HTTP status and a message for the sender."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def read_request(body: bytes, now: datetime | None = None) -> Draft:
    """The draft a request body describes; RequestError (400) when it describes none.

    ``scheduled`` is read as the prompt and ``--at`` read a time ("9am tomorrow",
    "07/12/2026 09:30", ISO 8601), counted from ``now`` (the school's time, naive)."""
    try:
        data = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise RequestError(400, f"the body is not JSON; {EXAMPLE}") from None
    if not isinstance(data, dict) or not isinstance(data.get("text"), str):
        raise RequestError(400, f"there is no \"text\" holding the draft; {EXAMPLE}")
    if not data["text"].strip():
        raise RequestError(400, "the draft is empty; write the tweet in \"text\"")
    meta = {key: value for key, value in data.items() if key != "text" and value not in (None, "", False)}
    if meta.get("media") is True:
        meta["media"] = [ATTACHED_PHOTO]
    if isinstance(meta.get("scheduled"), str):
        meta["scheduled"] = _read_scheduled(meta["scheduled"], now or datetime.now())
    try:
        fields = draft_fields(meta, "request", REQUEST_KEYS)
    except DraftError as error:
        raise RequestError(400, error.message) from None
    draft = registry.inline().read_text(data["text"])
    if isinstance(draft, TweetguardError):
        raise RequestError(400, draft.message)
    return replace(draft, **fields)


def _read_scheduled(value: str, now: datetime) -> str:
    try:
        when = read_when(value, now)
    except ValueError:
        raise RequestError(400, f"\"scheduled\" '{value}' is not a date and time; "
                                f"write it like {TIME_EXAMPLES}") from None
    return (when or now).isoformat()  # naive: the school's time, as front matter's would be


@dataclass(frozen=True)
class Checked:
    """One draft's check: the JSON document as ``check --format json`` writes it, and its result."""

    document: str
    result: DraftResult
    now: datetime


def _advice(violation: Violation) -> dict[str, str | None]:
    """What to write instead (a fix) and what to do (other advice), as the text output says them."""
    other = violation.suggestion if violation.suggestion != violation.fix else None
    return {"write_instead": violation.fix, "what_to_do": other}


class Desk:
    """Checks drafts one at a time with one engine (built once, as ``check`` builds it)."""

    def __init__(self, engine: Engine) -> None:
        if engine.settings.open_media:
            raise ValueError("the desk's engine must not open media: build it with Settings(open_media=False)")
        self.engine = engine
        # The server answers on several threads; the engine's lazy caches are not meant to
        # be filled by two at once, and one person typing never needs two checks at a time.
        self._lock = threading.Lock()

    def school_now(self) -> datetime:
        """Now in the school's time zone, naive: what "today" and "tomorrow" count from."""
        return datetime.now(self.engine.settings.tz).replace(tzinfo=None)

    def check(self, draft: Draft) -> Checked:
        """Check ``draft`` as ``check --text`` would: posted when scheduled, else now."""
        now = datetime.now(self.engine.settings.tz)
        stream = io.StringIO()
        rules = [compiled.rule for compiled in self.engine.rules]
        keep = KeepingReporter(json_report.make_reporter(stream, OutputOptions(), rules))
        with self._lock:
            run([draft], self.engine, now, keep)
        return Checked(stream.getvalue(), keep.results[0], now)

    def page(self, draft: Draft) -> dict[str, Any]:
        """What the page shows: the report, advice for each of its violations (in the same
        order), the count, the corrected text (and how many problems it leaves), and when
        the draft goes out and may go out."""
        checked = self.check(replace(draft, source=PAGE_SOURCE))  # advice names the page's controls
        result = checked.result
        with self._lock:
            corrected = self.corrected(result, checked.now)
        return {
            "report": json.loads(checked.document),
            "advice": [_advice(violation) for violation in result.violations],
            "length": self.length(result.draft),
            "corrected": None if corrected is None else corrected.draft.text,
            "left_after_correcting": None if corrected is None else len(corrected.violations),
            "goes_out": describe(result.posting_time) if result.posting_time else None,
            # A time already past is most likely a slip: the page says so.
            "in_the_past": bool(result.posting_time and has_passed(result.posting_time, checked.now)),
            "may_go_out": describe(result.next_allowed) if result.next_allowed else None,
        }

    def corrected(self, result: DraftResult, now: datetime) -> DraftResult | None:
        """The check of the draft with every safe fix applied until none is left, as ``--fix``
        does for a typed draft (fix.settle); None when there is nothing to fix."""
        return settle(result, lambda draft: self.engine.check(draft, now)[0])

    def length_limit(self, platform: Platform) -> int:
        """The limit the length rules count against (the platform's own when none is run)."""
        settings = self.engine.settings
        limits = [character_limit(compiled.rule.params, settings, platform)
                  for compiled in self.engine.rules if compiled.rule.kind == "length"]
        return min((limit for limit in limits if limit is not None), default=settings.length_limit_for(platform))

    def length(self, draft: Draft) -> dict[str, Any]:
        """The page's count: the draft's length as its platform counts it, and the limit."""
        platform = self.engine.settings.platform_for(draft)
        limit = self.length_limit(platform)
        return {"weighted": post_length(draft.text, platform, limit).length, "max": limit,
                "platform": platform.label}
