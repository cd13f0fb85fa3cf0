"""Front-matter fields: the keys a draft may carry and how each becomes a Draft field.

Shared by every source (a draft file's front matter, a collection's entries) and by the
evaluation corpus and the rules' examples, so a key means the same thing everywhere.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any, Mapping

from tweetguard.core.errors import DraftError, printable
from tweetguard.core.model import OCCASIONS, Draft, Example, KeysIn
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


def lone_surrogate(value: Any) -> str | None:
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
    if meta.get("media") is not None:
        fields["media"], fields["descriptions"] = _media(meta["media"], where)
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


MEDIA_FORMS = 'a file name, a list of them, or a list of {file: a.jpg, alt: "what the photo shows"}'


def _media(media: Any, where: str) -> tuple[tuple[str, ...], dict[str, str]]:
    """``media:`` as file names and their descriptions: a name, a list of names, or a list
    whose entries may be ``{file: a.jpg, alt: "..."}`` (the alt text published with the photo)."""
    files: list[str] = []
    descriptions: dict[str, str] = {}
    for entry in [media] if isinstance(media, (str, dict)) else media if isinstance(media, list) else [None]:
        if isinstance(entry, str):
            files.append(entry)
            continue
        if not isinstance(entry, dict) or not isinstance(entry.get("file"), str) or set(entry) - {"file", "alt"}:
            raise DraftError(where, f"media entry {printable(repr(entry))} must be {MEDIA_FORMS}")
        alt = entry.get("alt")
        if alt is not None and not isinstance(alt, str):
            raise DraftError(where, f"the alt of media {entry['file']!r} must be text, like alt: \"Year 2 planting bulbs\"")
        files.append(entry["file"])
        if alt and alt.strip():
            descriptions[entry["file"]] = alt
    return tuple(files), descriptions


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


def collection_draft(item: Any, source: str, path: Path, keys_in: KeysIn = "entry") -> Draft:
    """One entry of a collection (a JSON object, a YAML mapping, a spreadsheet's row, whose
    keys are its ``columns``): ``text`` and front-matter keys.

    ``source`` is ``FILE:LINE``, the line where the entry starts.
    """
    if not isinstance(item, dict):
        raise DraftError(source, "each entry must be an object with a 'text' field")
    surrogate = lone_surrogate(item)
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
    return Draft(source=source, text=text, path=path, line=line, keys_in=keys_in, **fields)


def example_config(example: Example) -> dict[str, Any]:
    """The config keys a rule's example is checked with (``config: {names_with_photos: warn}``)."""
    config = example.front_matter.get("config") or {}
    return dict(config) if isinstance(config, dict) else {}


def example_draft(example: Example, source: str = "example",
                  rule_source: str | None = None) -> tuple[Draft, Roster | None]:
    """A rule's example as a draft, with the roster its ``roster:`` key lists (if any).

    ``rule_source`` is the rule's ``file:line``: the photos an example attaches are files
    beside that rule file (rules/photos/ for the default catalogue), wherever it is installed.
    An example's ``config:`` (the school config it needs) is the caller's: see example_config.
    """
    front = dict(example.front_matter)
    front.pop("config", None)
    rows = front.pop("roster", None)
    roster = None
    if rows:
        roster = Roster(tuple(Pupil(r["first_name"], r["last_name"], r.get("photo_consent")) for r in rows))
    fields = draft_fields(front, source, FRONT_MATTER_KEYS)
    if rule_source and fields.get("media"):
        folder = Path(rule_source.rsplit(":", 1)[0]).parent
        fields["media"] = tuple(str(folder / name) if (folder / name).is_file() else name for name in fields["media"])
        fields["descriptions"] = {str(folder / k) if (folder / k).is_file() else k: v
                                  for k, v in fields["descriptions"].items()}
    return Draft(source=source, text=example.text, **fields), roster
