"""Asking for a draft at the terminal, for a head teacher checking one tweet.

The prompts avoid jargon: the posting time may be typed as "now", a time today ("9:30",
"2pm"), "tomorrow 9:30", a weekday ("saturday 7pm": the next one), or a full date and
time ("2026-03-11 09:30"); a time that cannot
be read is asked for again rather than ending the session with an error.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import click
import regex

from tweetguard.core.clock import describe
from tweetguard.core.errors import TweetguardError

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
CLOCK = regex.compile(
    r"^(?:(?:next\s+|this\s+|on\s+)?(today|tonight|tomorrow|mon|tue|wed|thu|fri|sat|sun)[a-z]*\s+)?"
    r"(?:at\s+)?(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm)?$",
    regex.IGNORECASE,
)


def _day(word: str | None, today: date) -> date:
    """The date a day word means: today, tomorrow, or the next such weekday (today included)."""
    if word in (None, "today", "tonight"):
        return today
    if word == "tomorrow":
        return today + timedelta(days=1)
    weekday = next(i for i, name in enumerate(WEEKDAYS) if name.startswith(word))
    return today + timedelta(days=(weekday - today.weekday()) % 7)


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
        return datetime.combine(_day(day_word and day_word.lower(), today), time(hour, minute))
    from tweetguard.sources.fields import parse_datetime

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
                              "tomorrow 2pm, saturday 7pm or 2026-03-11 09:30", default="now", show_default=False)
        try:
            when = read_when(answer, date.today())
        except ValueError:
            click.echo(f"Sorry, '{answer.strip()}' is not a time I understand. Try 9:30, tomorrow 2pm, "
                       "saturday 7pm or 2026-03-11 09:30.")
            continue
        break
    click.echo()
    click.echo("Checking your draft for posting " + ("now." if when is None else f"on {describe(when)}."))
    click.echo()
    return "\n".join(lines), None if when is None else when.isoformat()
