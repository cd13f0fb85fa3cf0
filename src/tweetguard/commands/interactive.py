"""Asking for a draft at the terminal, for a head teacher checking one tweet.

The prompts avoid jargon. A pasted draft may hold single empty lines: it ends at two empty
lines in a row or Ctrl-D. The posting time is read as ``--at`` and the page read it
(sources.when: "now", "9:30", "7pm tonight", "9am tomorrow", "saturday 10:30", "07/12/2026
09:30"); a time that cannot be read is asked for again rather than ending the session with an
error, and a time already past is said to be so. Only a time outside posting hours brings the question whether the
draft is about a school event or urgent news (the policy's two exemptions).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from datetime import datetime
from typing import Callable

import click

from tweetguard.core.clock import describe
from tweetguard.core.errors import TweetguardError
from tweetguard.sources.when import has_passed, read_when


@dataclass(frozen=True)
class Answers:
    """What the head teacher typed: the draft, when it goes out (None: now), and whether it is
    about a school event or urgent news (only asked when the time is outside posting hours)."""

    text: str
    when: datetime | None
    occasion: str | None


def ask_for_draft(now: datetime, ask_time: bool = True, ask_occasion: bool = True,
                  outside_hours: Callable[[datetime | None], bool] = lambda when: False) -> Answers:
    """Ask for the draft, then (unless given on the command line) when it goes out and, when
    that is outside posting hours, whether it is a school event or urgent news. Ctrl-C or
    Ctrl-D at a question ends the session with exit code 130, as a shell expects. ``now`` is
    the school's time, naive: what "today" and "tomorrow" are counted from."""
    try:
        text = _read_draft()
        when = _ask_when(now) if ask_time else None
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


TIME_EXAMPLES = "9:30, 7pm tonight, 9am tomorrow, saturday 10:30 or 07/12/2026 09:30"


def _ask_when(now: datetime) -> datetime | None:
    while True:
        answer = click.prompt(f"When will it be posted? Press Enter for now, or type a time like {TIME_EXAMPLES}",
                              default="now", show_default=False)
        try:
            when = read_when(answer, now)
        except ValueError:
            click.echo(f"Sorry, '{answer.strip()}' is not a time I understand. Try {TIME_EXAMPLES}.")
            continue
        if when is not None and has_passed(when, now):
            click.echo(f"Note: {describe(when)} has already passed; checking it as if it were posted then.")
        return when


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
