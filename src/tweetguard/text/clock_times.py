"""Times of day written in a draft ("at 2pm", "starts at 7", "3-5pm", "half past three", "noon").

Read the way school posts write them: with am/pm; a range sharing one ("3-5pm"); "noon",
"midday" and "midnight"; "half past three" and "quarter to seven"; or an hour after "at",
"from", "until", "by" or "around" without, where an hour from 1 to 7 is the afternoon ("Back
at 4", "The show starts at 7") and 8 to 11 either morning or evening ("the second show starts
at 8" in an evening post). Scores ("2-1"), years, prices and counts ("from 7 schools") are not times.
"""

from __future__ import annotations

from datetime import time
from typing import Iterator

import regex

from tweetguard.core.patterns import lazy_regex

HOUR_WORDS = {word: hour for hour, word in enumerate(
    "one two three four five six seven eight nine ten eleven twelve".split(), start=1)}
# Words a bare hour may run on into and still be a time ("at 7 sharp", "from 4 today"); any
# other lower-case word after it makes it a count ("teams from 7 schools", "by 3 goals").
RUNS_ON = ("o'clock|o’clock|sharp|tonight|today|tomorrow|this|in|on|and|or|for|at|until|till|when|then|so|"
           "but|with|please|ish|onwards|latest|prompt|start|kick-?off")
CLOCK = lazy_regex(
    # A range sharing its am/pm: "3-5pm", "2.30–4pm".
    r"(?<![\d:.£$])\b(?P<from>\d{1,2})(?:[:.](?P<from_minute>[0-5]\d))?\s*[-–]\s*"
    r"(?P<to>\d{1,2})(?:[:.](?P<to_minute>[0-5]\d))?\s*(?P<range_half>am|pm|a\.m\.|p\.m\.)(?!\w)"
    # With am/pm: "2pm", "10.30 am".
    r"|(?<![\d:.£$-])\b(?P<hour>\d{1,2})(?:[:.](?P<minute>[0-5]\d))?\s*(?P<half>am|pm|a\.m\.|p\.m\.)(?!\w)"
    r"|\b(?P<named>noon|midday|midnight)\b"
    # "half past three", "quarter to seven".
    r"|\b(?P<part>half|quarter)\s+(?P<side>past|to)\s+(?P<word>" + "|".join(HOUR_WORDS) + r"|\d{1,2})\b"
    # A bare hour after a preposition: "at 7", "from 3:15".
    r"|\b(?:at|from|until|till|til|by|around|about|kick-?off|starts?)\s+(?P<bare>\d{1,2})(?:[:.](?P<bare_minute>[0-5]\d))?"
    r"(?![\d:%-]|\.\d|\s*(?:am|pm|a\.m\.|p\.m\.)|\s+(?!(?:" + RUNS_ON + r")\b)\p{Ll})",
    regex.IGNORECASE | regex.V1)
AFTERNOON_HOURS = range(1, 8)  # a bare "at 4" in a school post is 4pm
EITHER_HALF = range(8, 12)  # a bare "at 8" is the morning's or the evening's
NAMED = {"noon": time(12), "midday": time(12), "midnight": time(23, 59)}


def _readings(text: str) -> Iterator[tuple[time, bool]]:
    """Each time of day written in ``text``, in order, and whether it may be twelve hours later."""
    for match in CLOCK.finditer(text):
        if match.group("range_half") is not None:
            half = match.group("range_half")
            yield from ((_with_half(int(match.group(h)), int(match.group(m) or 0), half), False)
                        for h, m in (("from", "from_minute"), ("to", "to_minute")) if 1 <= int(match.group(h)) <= 12)
        elif match.group("hour") is not None:
            hour = int(match.group("hour"))
            if 1 <= hour <= 12:
                yield _with_half(hour, int(match.group("minute") or 0), match.group("half")), False
        elif match.group("named") is not None:
            yield NAMED[match.group("named").lower()], False
        elif match.group("part") is not None:
            word = match.group("word").lower()
            hour = HOUR_WORDS.get(word) or int(word)
            if 1 <= hour <= 12:
                minutes = (30 if match.group("part").lower() == "half" else 15) * (
                    1 if match.group("side").lower() == "past" else -1)
                hour = hour + 12 if hour in AFTERNOON_HOURS else hour
                total = (hour * 60 + minutes) % (24 * 60)
                yield time(total // 60, total % 60), hour in EITHER_HALF
        else:
            hour, minute = int(match.group("bare")), int(match.group("bare_minute") or 0)
            if hour > 23:
                continue
            yield time(hour + 12 if hour in AFTERNOON_HOURS else hour, minute), hour in EITHER_HALF


def _with_half(hour: int, minute: int, half: str) -> time:
    return time(hour % 12 + (12 if half.lower().replace(".", "") == "pm" else 0), minute)


def clock_times(text: str) -> Iterator[time]:
    """Each time of day written in ``text``, in order (a bare 8 to 11 as the morning's)."""
    return (written for written, _ in _readings(text))


def later_than(text: str, clock: time) -> bool:
    """Whether ``text`` gives a time of day after ``clock`` ("Quarter-final at 2pm" at 1:30pm;
    "the second show starts at 8" at 7:30pm, a bare 8 to 11 read either way)."""
    for written, either in _readings(text):
        if written > clock or either and written.replace(hour=written.hour + 12) > clock:
            return True
    return False
