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


def _read_draft(intro: str = "Type or paste your draft tweet.") -> str:
    """Lines until two empty lines typed in a row, or Ctrl-D: a pasted draft may hold empty
    lines between its paragraphs, and every one of them is kept. Where the terminal offers
    bracketed paste, a paste arrives whole, however many empty lines it holds."""
    _line_editing()
    click.echo(f"{intro} When you have finished, press Enter on two empty lines (or Ctrl-D).")
    lines: list[str] = []
    typed_empty = False
    while True:
        try:
            chunk = input("> " if not lines else "  ").replace("\r\n", "\n").replace("\r", "\n")
        except EOFError:
            click.echo()
            break
        if "\n" in chunk or chunk.strip():  # a line of text, or a paste: kept whole
            lines.extend(chunk.split("\n"))
            typed_empty = False
        elif typed_empty and lines:
            break  # the second empty line typed in a row
        elif lines:
            lines.append(chunk)
            typed_empty = True
    while lines and not lines[-1].strip():
        lines.pop()
    if not lines:
        raise TweetguardError("", "no draft was typed; run 'tweetguard check' again and type the tweet")
    return "\n".join(lines)


def _line_editing() -> None:
    """GNU readline, where Python has it, gives the prompt line editing and bracketed paste
    (which CPython turns off by default): a pasted draft then comes as one answer, its empty
    lines and all, and two empty lines in a row inside a paste do not end it."""
    try:
        import readline
    except ImportError:  # Windows: no readline, lines as typed
        return
    if "libedit" not in (readline.__doc__ or ""):  # macOS's libedit has no such setting
        readline.parse_and_bind("set enable-bracketed-paste on")


def show_corrected(text: str, still_to_do: int) -> None:
    """The draft with every safe fix applied, on lines of its own so it can be copied whole;
    ``still_to_do``: the errors no fix could make, which the head teacher must still see to."""
    click.echo()
    if still_to_do:
        _say(f"Here is your draft with the suggested wording in. It still needs {still_to_do} "
             f"change{'s' if still_to_do > 1 else ''} only you can make (see above):")
    else:
        _say("Here is your draft with the suggested wording in, ready to copy:")
    click.echo()
    click.echo(text)
    click.echo()


def _say(sentence: str) -> None:
    """A line of the conversation, wrapped between words at the terminal's width."""
    import shutil
    import textwrap

    click.echo(textwrap.fill(sentence, max(40, shutil.get_terminal_size().columns)))


def ask_again() -> str | None:
    """Offer to check a changed version: its text, or None to finish (Enter, Ctrl-D, or
    nothing typed). Ctrl-C exits 130, as everywhere in the session."""
    click.echo()
    try:
        answer = input("Would you like to change your draft and check it again? Type y, or press Enter "
                       "to finish: ")
        if answer.strip().lower() not in ("y", "yes"):
            return None
        click.echo()
        text = _read_draft("Type or paste the new version of your draft.")
    except (EOFError, TweetguardError):  # Ctrl-D, or an empty new version: finished
        click.echo()
        return None
    except KeyboardInterrupt:
        click.echo()
        sys.exit(130)
    click.echo()
    return text


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
