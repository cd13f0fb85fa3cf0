"""Posting windows in words and times: reading "08:00" and weekday names, the next moment
inside a window, and how a head teacher would say a time ("Monday 16 March at 8:00am")."""

from __future__ import annotations

from datetime import datetime, time, timedelta

from tweetguard.core.errors import RuleParamError

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def parse_clock(value: str, key: str) -> time:
    try:
        return time.fromisoformat(value.strip().zfill(5))
    except ValueError:
        raise RuleParamError(key, f"must be a time like 08:00, not '{value}'") from None


def parse_days(values: list[str], key: str = "days") -> tuple[int, ...]:
    if not values:
        raise RuleParamError(key, "is empty; name at least one day, like [monday, tuesday]")
    days: list[int] = []
    for value in values:
        name = str(value).strip().lower()
        matches = [i for i, day in enumerate(WEEKDAYS) if day.startswith(name[:3]) and len(name) >= 3]
        if not matches:
            raise RuleParamError(key, f"'{value}' is not a day of the week")
        days.append(matches[0])
    return tuple(sorted(set(days)))


def within(moment: datetime, start: time, end: time, days: tuple[int, ...]) -> bool:
    clock = moment.time().replace(tzinfo=None)
    return moment.weekday() in days and start <= clock <= end


def next_allowed(moment: datetime, start: time, end: time, days: tuple[int, ...]) -> datetime:
    """The first moment at or after ``moment`` inside the window, in the same time zone."""
    day = moment.date()
    for offset in range(8):
        candidate_day = day + timedelta(days=offset)
        if candidate_day.weekday() not in days:
            continue
        opening = datetime.combine(candidate_day, start, tzinfo=moment.tzinfo)
        closing = datetime.combine(candidate_day, end, tzinfo=moment.tzinfo)
        if moment <= closing:
            return max(opening, moment)
    raise ValueError("no posting days configured")


def clock_words(moment: time) -> str:
    """'8am', '6pm', '9:30am'."""
    hour = moment.hour % 12 or 12
    minutes = f":{moment.minute:02d}" if moment.minute else ""
    return f"{hour}{minutes}{'am' if moment.hour < 12 else 'pm'}"


def days_words(days: tuple[int, ...]) -> str:
    """'Monday to Friday' for a run of days, else 'Monday, Wednesday and Friday'."""
    names = [WEEKDAYS[d].capitalize() for d in days]
    if len(days) > 2 and list(days) == list(range(days[0], days[-1] + 1)):
        return f"{names[0]} to {names[-1]}"
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def describe(moment: datetime, year: bool = False) -> str:
    """'Monday 16 March at 8:00am' (with ``year``, 'Monday 16 March 2026 at 8:00am'): how a
    head teacher would say it."""
    hour = moment.strftime("%I").lstrip("0")
    day = f"{moment.strftime('%A')} {moment.day} {moment.strftime('%B')}" + (f" {moment.year}" if year else "")
    return f"{day} at {hour}:{moment.strftime('%M%p').lower()}"
