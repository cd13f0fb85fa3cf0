"""Asking for a draft at the terminal, for a head teacher checking one tweet.

The prompts avoid jargon. A pasted draft may hold single empty lines: it ends at two empty
lines in a row or Ctrl-D. The posting time may be typed as "now", a time today ("9:30",
"2pm"), "tomorrow 9:30", a weekday ("saturday 7pm": the next one), or a full date and time
("2026-03-11 09:30"); a time that cannot be read is asked for again rather than ending the
session with an error. Only a time outside posting hours brings the question whether the
draft is about a school event or urgent news (the policy's two exemptions).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Callable

import click
import regex

from tweetguard.core.clock import WEEKDAYS, describe
from tweetguard.core.errors import TweetguardError
from tweetguard.core.patterns import lazy_regex

CLOCK = lazy_regex(
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


@dataclass(frozen=True)
class Answers:
    """What the head teacher typed: the draft, when it goes out (None: now), and whether it is
    about a school event or urgent news (only asked when the time is outside posting hours)."""

    text: str
    when: datetime | None
    occasion: str | None


def ask_for_draft(ask_time: bool = True, ask_occasion: bool = True,
                  outside_hours: Callable[[datetime | None], bool] = lambda when: False) -> Answers:
    """Ask for the draft, then (unless given on the command line) when it goes out and, when
    that is outside posting hours, whether it is a school event or urgent news. Ctrl-C or
    Ctrl-D at a question ends the session with exit code 130, as a shell expects."""
    try:
        text = _read_draft()
        when = _ask_when() if ask_time else None
        occasion = _ask_occasion() if ask_occasion and outside_hours(when) else None
    except (KeyboardInterrupt, click.Abort):
        click.echo()
        sys.exit(130)
    click.echo()
    if ask_time:
        click.echo("Checking your draft for posting " + ("now." if when is None else f"on {describe(when)}."))
        click.echo()
    return Answers(text, when, occasion)


def _read_draft() -> str:
    """Lines until two empty lines in a row or Ctrl-D: a pasted draft may hold single empty
    lines between its paragraphs, and every one of them is kept."""
    click.echo("Type or paste your draft tweet. When you have finished, press Enter on two empty lines "
               "(or Ctrl-D).")
    lines: list[str] = []
    while True:
        try:
            line = input("> " if not lines else "  ")
        except EOFError:
            click.echo()
            break
        if not line.strip() and lines and not lines[-1].strip():
            break  # the second empty line in a row
        if line.strip() or lines:
            lines.append(line)
    while lines and not lines[-1].strip():
        lines.pop()
    if not lines:
        raise TweetguardError("", "no draft was typed; run 'tweetguard check' again and type the tweet")
    return "\n".join(lines)


def _ask_when() -> datetime | None:
    while True:
        answer = click.prompt("When will it be posted? Press Enter for now, or type a time like 9:30, "
                              "tomorrow 2pm, saturday 7pm or 2026-03-11 09:30", default="now", show_default=False)
        try:
            return read_when(answer, date.today())
        except ValueError:
            click.echo(f"Sorry, '{answer.strip()}' is not a time I understand. Try 9:30, tomorrow 2pm, "
                       "saturday 7pm or 2026-03-11 09:30.")


OCCASION_ANSWERS = {"e": "event", "event": "event", "u": "urgent", "urgent": "urgent", "": None, "n": None,
                    "no": None, "neither": None}


def _ask_occasion() -> str | None:
    while True:
        answer = click.prompt("That is outside posting hours. Is it about a school event happening then (e), "
                              "urgent news such as a closure (u), or neither (press Enter)?",
                              default="", show_default=False).strip().lower()
        if answer in OCCASION_ANSWERS:
            return OCCASION_ANSWERS[answer]
        click.echo("Please type e for a school event, u for urgent news, or press Enter for neither.")
