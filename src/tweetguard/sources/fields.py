"""Front-matter fields: the keys a draft may carry and how each becomes a Draft field.

Shared by every source (a draft file's front matter, a collection's entries) and by the
evaluation corpus and the rules' examples, so a key means the same thing everywhere.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any, Mapping

from tweetguard.core.errors import DraftError, printable
from tweetguard.core.model import OCCASIONS, Draft, Example
from tweetguard.core.roster import Pupil, Roster

FRONT_MATTER_KEYS = ("scheduled", "occasion", "reply_to", "media", "platform", "id", "tweetguard")
# Years a posting time may have: far enough from datetime's year 1 and 9999 that moving it
# to another time zone or searching days ahead for the next allowed hour cannot overflow.
YEARS = range(1900, 3000)


class DateOutOfRange(ValueError):
    """A date and time that parses but lies too near the ends of the calendar to use."""


def parse_datetime(value: Any) -> datetime:
    """An ISO 8601 date and time; naive values are the school's local time (set later)."""
    if isinstance(value, datetime):
        when = value
    elif not isinstance(value, str) or len(value.strip()) <= 10:  # a date alone says nothing about the hour
        raise ValueError
    else:
        when = datetime.fromisoformat(value.strip().replace("Z", "+00:00").replace(" ", "T", 1))
    if when.year not in YEARS:
        raise DateOutOfRange(f"the year {when.year} is out of range; use one from {YEARS[0]} to {YEARS[-1]}")
    return when


def _lone_surrogate(value: Any) -> str | None:
    """The first lone surrogate (a JSON "\\ud800" escape) in ``value``, which no output can print.

    A loop, not recursion: a row may nest as deeply as the JSON reader allows.
    """
    pending = [value]
    while pending:
        item = pending.pop()
        if isinstance(item, str):
            found = next((c for c in item if "\ud800" <= c <= "\udfff"), None)
            if found is not None:
                return found
        elif isinstance(item, dict):
            pending += [*item.keys(), *item.values()]
        elif isinstance(item, list):
            pending += item
    return None


def draft_fields(meta: Mapping[str, Any], where: str,
                 allowed: tuple[str, ...] = FRONT_MATTER_KEYS) -> dict[str, Any]:
    """Check front-matter (or collection) keys and turn them into Draft fields.

    ``where`` names the file and line for the DraftError that a wrong key or value raises.
    """
    for key in meta:
        if key not in allowed:
            raise DraftError(where, f"unknown key '{key}'; use {', '.join(allowed)}")
    fields: dict[str, Any] = {}
    if meta.get("scheduled") is not None:
        try:
            fields["scheduled"] = parse_datetime(meta["scheduled"])
        except DateOutOfRange as exc:
            raise DraftError(where, f"scheduled '{meta['scheduled']}': {exc}") from None
        except ValueError:
            raise DraftError(
                where, f"scheduled '{meta['scheduled']}' is not a date and time; write it like 2026-03-11T09:30"
            ) from None
    if meta.get("occasion") is not None:
        if meta["occasion"] not in OCCASIONS:
            raise DraftError(where, f"occasion '{meta['occasion']}' is not known; use 'event' or 'urgent'")
        fields["occasion"] = meta["occasion"]
    if meta.get("reply_to") is not None:
        fields["reply_to"] = str(meta["reply_to"])
    media = meta.get("media")
    if media is not None:
        items = [media] if isinstance(media, str) else media
        if not isinstance(items, list) or not all(isinstance(m, str) for m in items):
            raise DraftError(where, f"media '{media}' must be a file name or a list of file names")
        fields["media"] = tuple(items)
    if meta.get("platform") is not None:
        from tweetguard.core.platforms import platform_named

        try:
            fields["platform"] = platform_named(str(meta["platform"])).name
        except ValueError as exc:
            raise DraftError(where, f"platform {exc}") from None
    if meta.get("id") is not None:
        fields["id"] = printable(str(meta["id"]))  # printed in every format's heading
    options = meta.get("tweetguard")
    if options is not None:
        fields["allow"] = _allow(options, where)
    return fields


def _allow(options: Any, where: str) -> dict[str, str]:
    """Suppressions: ``tweetguard: {allow: {RULE_ID: "reason"}}``; a reason is required."""
    if not isinstance(options, dict) or set(options) - {"allow"}:
        raise DraftError(where, "tweetguard: takes only 'allow: {rule-id: \"reason\"}'")
    allow = options.get("allow") or {}
    if not isinstance(allow, dict):
        raise DraftError(where, "tweetguard: allow must map rule ids to reasons")
    for rule_id, reason in allow.items():
        if not isinstance(reason, str) or not reason.strip():
            raise DraftError(where, f"allowing '{rule_id}' needs a reason, like {rule_id}: \"agreed with parents\"")
    return {str(k): str(v) for k, v in allow.items()}


def collection_draft(item: Any, source: str, path: Path) -> Draft:
    """One entry of a collection (a JSON object, a YAML mapping): ``text`` and front-matter keys.

    ``source`` is ``FILE:LINE``, the line where the entry starts.
    """
    if not isinstance(item, dict):
        raise DraftError(source, "each entry must be an object with a 'text' field")
    surrogate = _lone_surrogate(item)
    if surrogate is not None:
        raise DraftError(source, f"holds \\u{ord(surrogate):04x}, half of a character (a lone surrogate), "
                         "which cannot be printed or posted; fix or remove that \\u escape")
    text = item.get("text")
    if not isinstance(text, str):
        raise DraftError(source, "this entry has no 'text'; add the tweet as \"text\": \"...\"")
    if not text.strip():
        raise DraftError(source, "this entry's text is empty; write the tweet or remove the entry")
    meta = {k: v for k, v in item.items() if k != "text"}
    fields = draft_fields(meta, source, FRONT_MATTER_KEYS)
    line = int(source.rsplit(":", 1)[1])
    return Draft(source=source, text=text, path=path, line=line, **fields)


def example_draft(example: Example, source: str = "example") -> tuple[Draft, Roster | None]:
    """A rule's example as a draft, with the roster its ``roster:`` key lists (if any)."""
    front = dict(example.front_matter)
    rows = front.pop("roster", None)
    roster = None
    if rows:
        roster = Roster(tuple(Pupil(r["first_name"], r["last_name"], r.get("photo_consent")) for r in rows))
    return Draft(source=source, text=example.text, **draft_fields(front, source, FRONT_MATTER_KEYS)), roster
