"""Times of day written in a draft ("at 2pm", "starts at 7", "from 3:15"), as clock times.

Read the way school posts write them: with am/pm, or after "at", "from", "until", "by" or "around"
without, where an hour from 1 to 7 is the afternoon ("Back at 4", "The show starts at 7")
and 8 to 12 as written (school hours). Scores ("2-1"), years and prices are not times.
"""

from __future__ import annotations

from datetime import time
from typing import Iterator

import regex

from tweetguard.core.patterns import lazy_regex

# With am/pm ("2pm", "10.30 am"), or a bare hour after a preposition ("at 7", "from 3:15").
CLOCK = lazy_regex(
    r"(?<![\d:.£$-])\b(?P<hour>\d{1,2})(?:[:.](?P<minute>[0-5]\d))?\s*(?P<half>am|pm|a\.m\.|p\.m\.)(?!\w)"
    r"|\b(?:at|from|until|till|til|by|around|about|kick-?off|starts?)\s+(?P<bare>\d{1,2})(?:[:.](?P<bare_minute>[0-5]\d))?"
    r"(?![\d:%-]|\.\d|\s*(?:am|pm|a\.m\.|p\.m\.)|\s*(?:goals?|points?|runs?|wickets?|miles?|km|metres?|children|pupils)\b)",
    regex.IGNORECASE | regex.V1)
AFTERNOON_HOURS = range(1, 8)  # a bare "at 4" in a school post is 4pm


def clock_times(text: str) -> Iterator[time]:
    """Each time of day written in ``text``, in order."""
    for match in CLOCK.finditer(text):
        if match.group("hour") is not None:
            hour, minute = int(match.group("hour")), int(match.group("minute") or 0)
            half = match.group("half").lower().replace(".", "")
            if not 1 <= hour <= 12:
                continue
            hour = hour % 12 + (12 if half == "pm" else 0)
        else:
            hour, minute = int(match.group("bare")), int(match.group("bare_minute") or 0)
            if hour > 23:
                continue
            if hour in AFTERNOON_HOURS:
                hour += 12
        yield time(hour, minute)


def later_than(text: str, clock: time) -> bool:
    """Whether ``text`` gives a time of day after ``clock`` ("Quarter-final at 2pm" at 1:30pm)."""
    return any(written > clock for written in clock_times(text))
