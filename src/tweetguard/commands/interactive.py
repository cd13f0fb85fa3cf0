"""Asking for a draft at the terminal, for a head teacher checking one tweet.

The prompts avoid jargon: the posting time may be typed as "now", a time today ("9:30",
"2pm"), "tomorrow 9:30", or a full date and time ("2026-03-11 09:30"); a time that cannot
be read is asked for again rather than ending the session with an error.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import click
import regex

from tweetguard.errors import TweetguardError
from tweetguard.kinds.schedule import describe

CLOCK = regex.compile(r"^(?:(today|tomorrow)\s+)?(?:at\s+)?(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm)?$", regex.IGNORECASE)


def read_when(answer: str, today: date) -> datetime | None:
    """The posting time an answer means (None for "now"); ValueError when it means nothing."""
    answer = answer.strip().lower()
    if answer in ("", "now"):
        return None
    match = CLOCK.match(answer)
    if match:
        day_word, hour_text, minute_text, half = match.groups()
        hour, minute = int(hour_text), int(minute_text or 0)
        if half:
            if not 1 <= hour <= 12:
                raise ValueError(answer)
            hour = hour % 12 + (12 if half == "pm" else 0)
        if not match.group(3) and not half and not day_word:
            raise ValueError(answer)  # a bare number is too ambiguous
        day = today + timedelta(days=1 if day_word == "tomorrow" else 0)
        return datetime.combine(day, time(hour, minute))
    from tweetguard.drafts import parse_datetime

    return parse_datetime(answer)


def ask_for_draft() -> tuple[str, str | None]:
    """The draft's text (ended by an empty line or Ctrl-D) and when it will be posted."""
    click.echo("Type or paste your draft tweet. Press Enter on an empty line when you have finished.")
    lines: list[str] = []
    while True:
        try:
            line = input("> " if not lines else "  ")
        except EOFError:
            click.echo()
            break
        if not line.strip() and lines:
            break
        if line.strip() or lines:
            lines.append(line)
    if not lines:
        raise TweetguardError("", "no draft was typed; run 'tweetguard check' again and type the tweet")
    while True:
        answer = click.prompt("When will it be posted? Press Enter for now, or type a time like 9:30, "
                              "tomorrow 2pm or 2026-03-11 09:30", default="now", show_default=False)
        try:
            when = read_when(answer, date.today())
        except ValueError:
            click.echo(f"Sorry, '{answer.strip()}' is not a time I understand. Try 9:30, tomorrow 2pm, "
                       "or 2026-03-11 09:30.")
            continue
        break
    click.echo()
    click.echo("Checking your draft for posting " + ("now." if when is None else f"on {describe(when)}."))
    click.echo()
    return "\n".join(lines), None if when is None else when.isoformat()
