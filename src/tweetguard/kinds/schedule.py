"""``schedule``: tweets go out within the posting window unless the draft is exempt.

Keys: ``start`` and ``end`` ("08:00", "18:00"; the end is included), ``days`` (lower-case
weekday names), ``event_words`` and ``urgent_words`` (what shows a draft is about a school
event or urgent news, the policy's two exemptions), ``notice_words`` (what shows a draft
announces a future event, which can wait for posting hours: the event exemption is for
covering an event as it happens, not for every mention of one), ``live_words`` (what shows
the draft does cover an event as it happens or just after: results, "tonight", "well done";
they outweigh notice words, as in "Through to the final! Match report on Monday"). A school's config may override the
window and days. A draft is exempt when its front matter says ``occasion: event|urgent`` or
its text shows one; the result says why, and a violation says when the draft may go out.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta
from typing import Iterator, Mapping

from tweetguard.kinds.base import Check, Context, Param, RuleParamError
from tweetguard.kinds.wordmatch import first_phrase
from tweetguard.model import Draft, Finding, Note, Rule

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
OCCASION_WORDS = {"event": "a school event", "urgent": "urgent school news"}

PARAMS = {
    "start": Param(str, default="08:00"),
    "end": Param(str, default="18:00"),
    "days": Param(list, default=list(WEEKDAYS[:5])),
    "event_words": Param(list, default=[]),
    "urgent_words": Param(list, default=[]),
    "notice_words": Param(list, default=[]),
    "live_words": Param(list, default=[]),
}


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


def describe(moment: datetime) -> str:
    """'Monday 16 March at 8:00am': how a head teacher would say it."""
    hour = moment.strftime("%I").lstrip("0")
    return f"{moment.strftime('%A')} {moment.day} {moment.strftime('%B')} at {hour}:{moment.strftime('%M%p').lower()}"


def build(rule: Rule, lists: Mapping[str, tuple[str, ...]]) -> Check:
    params = rule.params
    default_start = parse_clock(params["start"], "start")
    default_end = parse_clock(params["end"], "end")
    default_days = parse_days(params["days"])
    if default_end <= default_start:
        raise RuleParamError("end", f"{params['end']} must be later than start {params['start']}")
    event_words = tuple(str(w) for w in params["event_words"] or ())
    urgent_words = tuple(str(w) for w in params["urgent_words"] or ())
    notice_words = tuple(str(w) for w in params["notice_words"] or ())
    live_words = tuple(str(w) for w in params["live_words"] or ())

    def check(draft: Draft, context: Context) -> Iterator[Finding]:
        settings = context.settings
        start = settings.window_start or default_start
        end = settings.window_end or default_end
        days = parse_days(list(settings.days)) if settings.days else default_days
        moment = context.posting_time
        if moment is None or within(moment, start, end, days):
            return
        if draft.occasion:
            context.notes.append(Note(rule.id, f"Out of hours but allowed: the front matter marks it as "
                                               f"{OCCASION_WORDS[draft.occasion]} (occasion: {draft.occasion})."))
            return
        text = context.view.text
        urgent = first_phrase(text, urgent_words)
        if urgent:
            context.notes.append(Note(rule.id, f"Out of hours but allowed: '{urgent}' shows it is urgent school news."))
            return
        event = first_phrase(text, event_words)
        notice = first_phrase(text, notice_words) if event else None
        if notice and first_phrase(text, live_words):
            notice = None
        if event and not notice:
            context.notes.append(Note(rule.id, f"Out of hours but allowed: '{event}' shows it is about a school event."))
            return
        allowed = next_allowed(moment, start, end, days)
        context.next_allowed = allowed
        why = (f"It mentions '{event}', but '{notice}' makes it a notice about a future event, which can wait. "
               if event else "")
        yield Finding(0, 0, f"{why}Schedule it for {describe(allowed)}, or, if it covers a school event as it "
                      "happens or urgent news, add 'occasion: event' or 'occasion: urgent' to its front matter.",
                      details={"time": describe(moment), "next": describe(allowed),
                               "window": f"{clock_words(start)} to {clock_words(end)}", "days": days_words(days)})

    return check
