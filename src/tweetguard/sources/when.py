"""A posting time as a head teacher would type it, read alike by the prompt, ``--at`` and the page.

"now"; a clock time ("9:30", "2pm", "noon", "midday", "midnight"); a day ("today", "tonight",
"tomorrow", "tomorrow evening", a weekday: the next one, today included; a UK day-first date
"07/12/2026", "7-12-2026", "7/12" (the next one), "7 December 2026", "7 Dec"; an ISO date
"2026-12-07") before or after the clock, with or without "at"/"on": "9am tomorrow",
"7pm tonight", "Saturday 10:30", "07/12/2026 09:30". Anything else is read as ISO 8601
("2026-12-07T09:30+00:00"). An hour without am/pm is the 24-hour clock, except after
"tonight"/"evening"/"afternoon", where "tonight 7" is 7pm; a bare hour with no day ("9") is
too ambiguous and is refused.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import regex

from tweetguard.core.clock import WEEKDAYS
from tweetguard.core.patterns import lazy_regex
from tweetguard.sources.fields import YEARS, DateOutOfRange, parse_datetime

MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december")
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*"
_WEEKDAY = r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*"
_PART = r"(?:morning|afternoon|evening|night)"
# A day, its groups prefixed (a: before the clock, b: after it).
_DAY = (
    rf"(?P<Nword>today|tonight|tomorrow|{_WEEKDAY})(?:\s+(?P<Npart>{_PART}))?"
    rf"|this\s+(?P<Nthis>{_PART})"
    r"|(?P<Niy>\d{4})-(?P<Nim>\d{1,2})-(?P<Nid>\d{1,2})"
    r"|(?P<Ndd>\d{1,2})[/-](?P<Ndm>\d{1,2})(?:[/-](?P<Ndy>\d{4}))?"
    rf"|(?P<Ntd>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<Ntm>{_MONTH})(?:\s+(?P<Nty>\d{{4}}))?"
)
_CLOCK = r"(?P<noon>noon|midday|midnight)|(?P<hour>\d{1,2})(?:[:.](?P<minute>\d{2}))?\s*(?P<half>am|pm)?"
_LEAD = r"(?:(?:on|next|this\s+coming)\s+)?"


def _day_pattern(prefix: str) -> str:
    return _DAY.replace("?P<N", f"?P<{prefix}")


WHEN = lazy_regex(
    rf"^(?:{_LEAD}(?:{_day_pattern('a')}),?\s+)?(?:at\s+)?(?:{_CLOCK})(?:,?\s+{_LEAD}(?:{_day_pattern('b')}))?$",
    regex.IGNORECASE,
)
LATER_IN_THE_DAY = ("tonight", "afternoon", "evening", "night")
# For messages refusing a time (--at, the page).
TIME_EXAMPLES = "2026-03-11T09:30, 11/03/2026 09:30, 'tomorrow 9am' or 'saturday 10:30'"


def has_passed(when: datetime, now: datetime) -> bool:
    """Whether ``when`` is before this minute; a naive ``when`` is in ``now``'s time zone."""
    if when.tzinfo is None and now.tzinfo is not None:
        when = when.replace(tzinfo=now.tzinfo)
    elif when.tzinfo is not None and now.tzinfo is None:
        now = now.replace(tzinfo=when.tzinfo)
    return when < now.replace(second=0, microsecond=0)


def read_when(answer: str, now: datetime) -> datetime | None:
    """The posting time ``answer`` means (None for "now"): naive, in the school's time, unless
    it is ISO 8601 with an offset of its own.

    ``now`` (the school's time) anchors "today", weekdays and dates without a year.
    ValueError when it means nothing; DateOutOfRange for a year tweetguard cannot use.
    """
    text = " ".join(answer.strip().lower().split())
    if text in ("", "now", "right now", "straight away"):
        return None
    match = WHEN.match(text)
    if match is None:
        return parse_datetime(answer.strip())
    groups = {k: v for k, v in match.groupdict().items() if v is not None}
    before = {k[1:]: v for k, v in groups.items() if k[0] == "a"}
    after = {k[1:]: v for k, v in groups.items() if k[0] == "b"}
    if before and after:
        raise ValueError(answer)  # two days: "tomorrow 9am saturday"
    day_groups = before or after
    day, later = _day(day_groups, now.date())
    clock = _clock(groups, later=later, has_day=bool(day_groups), answer=answer)
    when = datetime.combine(day, clock)
    if when.year not in YEARS:
        raise DateOutOfRange(f"the year {when.year} is out of range; use one from {YEARS[0]} to {YEARS[-1]}")
    return when


def _clock(groups: dict[str, str], later: bool, has_day: bool, answer: str) -> time:
    if "noon" in groups:
        return time(0, 0) if groups["noon"] == "midnight" else time(12, 0)
    hour, minute = int(groups["hour"]), int(groups.get("minute", 0))
    half = groups.get("half")
    if half:
        if not 1 <= hour <= 12:
            raise ValueError(answer)
        hour = hour % 12 + (12 if half == "pm" else 0)
    elif later and 1 <= hour <= 11:
        hour += 12  # "tonight 7", "tomorrow evening 6:30"
    elif "minute" not in groups and not has_day:
        raise ValueError(answer)  # "9" alone: a number, not yet a time
    if hour > 23 or minute > 59:
        raise ValueError(answer)
    return time(hour, minute)


def _day(groups: dict[str, str], today: date) -> tuple[date, bool]:
    """The date the day words mean, and whether they mean later in the day (pm)."""
    word, part = groups.get("word"), groups.get("part") or groups.get("this")
    later = word == "tonight" or part in LATER_IN_THE_DAY
    if "iy" in groups:
        return date(int(groups["iy"]), int(groups["im"]), int(groups["id"])), later
    if "dd" in groups:
        return _dated(today, int(groups["dd"]), int(groups["dm"]), groups.get("dy")), later
    if "td" in groups:
        typed = groups["tm"]
        month = next((i for i, name in enumerate(MONTHS, start=1) if name.startswith(typed) or typed == "sept" == name[:4]), 0)
        if not month:
            raise ValueError(typed)
        return _dated(today, int(groups["td"]), month, groups.get("ty")), later
    if word in (None, "today", "tonight"):
        return today, later
    if word == "tomorrow":
        return today + timedelta(days=1), later
    weekday = next((i for i, name in enumerate(WEEKDAYS) if name.startswith(word)), None)
    if weekday is None:
        raise ValueError(word)  # "monkey 9am"
    return today + timedelta(days=(weekday - today.weekday()) % 7), later


def _dated(today: date, day: int, month: int, year: str | None) -> date:
    """Day-first, as the UK writes it; without a year, the next such date (today included)."""
    if year is not None:
        return date(int(year), month, day)
    this_year = date(today.year, month, day)
    return this_year if this_year >= today else date(today.year + 1, month, day)
