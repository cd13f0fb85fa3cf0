"""``schedule``: tweets go out within the posting window unless the draft is exempt.

Keys: ``start`` and ``end`` ("08:00", "18:00"; the end is included), ``days`` (lower-case
weekday names), ``event_words`` and ``urgent_words`` (what shows a draft is about a school
event or urgent news, the policy's two exemptions), ``notice_words`` (what shows a draft
announces a future event, which can wait for posting hours: the event exemption is for
covering an event as it happens, not for every mention of one), ``live_words`` (times that show
the draft covers an event as it happens: "today", "tonight"; they outweigh notice and past
words), ``live_cues`` (results with no time: "result", "well done"; they outweigh notice words,
as in "Through to the final! Match report on Monday", but not past ones, as in "Yesterday's
result"), ``over_from`` (live words that name a part of the day, with the time of day it is
over by: "this afternoon" in a draft going out at 7pm reports something over, "this evening"
stays live), ``lasting_words`` (events of several days, a residential, where a part of the day
over is not the event over; so is a draft giving a time still to come that day),
``deadline_patterns`` (a deadline falling today, "due today": a notice, whose "today" is not an
event on now), ``closure_words`` (a closure, urgent news unless ``planned_words`` say it was
planned: an INSET day, a bank holiday). A school's config may override the window and days. A draft is exempt when its front matter says ``occasion: event|urgent`` or
its text shows one; the result says why, and a violation says when the draft may go out.
"""

from __future__ import annotations

from datetime import datetime, time
from typing import Iterator, Mapping

from tweetguard.core.clock import (
    WEEKDAYS,
    clock_words,
    days_words,
    describe,
    next_allowed,
    parse_clock,
    parse_days,
    within,
)
from tweetguard.core.errors import RuleParamError
from tweetguard.core.model import PAGE_SOURCE, Draft, Finding, Note, Rule
from tweetguard.kinds.base import Check, Context, Param
from tweetguard.text.clock_times import later_than
from tweetguard.text.phrases import first_phrase, phrase_index
from tweetguard.text.prefilter import PatternGroup, compile_patterns
from tweetguard.text.wordmatch import MATCH_TIMEOUT_SECONDS, PhraseIndex

OCCASION_WORDS = {"event": "a school event", "urgent": "urgent school news"}

PARAMS = {
    "start": Param(str, default="08:00"),
    "end": Param(str, default="18:00"),
    "days": Param(list, default=list(WEEKDAYS[:5])),
    "event_words": Param(list, default=[]),
    "urgent_words": Param(list, default=[]),
    "closure_words": Param(list, default=[], help="a closure: urgent news unless a planned_words says it "
                           "was planned"),
    "planned_words": Param(list, default=[], help="what makes a closure planned, not urgent (\"INSET day\")"),
    "notice_words": Param(list, default=[]),
    "live_words": Param(list, default=[], help="times that show the draft goes out while the event is on"),
    "live_cues": Param(list, default=[], help="results and reports: live unless a time already past is given"),
    "past_words": Param(list, default=[], help="what shows a draft reports an event that is over"),
    "over_from": Param(dict, default={}, help="live words naming a part of the day -> the time it is over "
                       "by (\"this morning\": \"14:00\")"),
    "lasting_words": Param(list, default=[], help="events of several days: a part of the day over is not "
                           "the event over (an evening update from a residential)"),
    "happening_words": Param(list, default=[], help="what shows an event is happening as the draft goes out"),
    "deadline_patterns": Param(list, default=[], help="regular expressions for a deadline falling today "
                               "(\"due today\"): a notice, and its 'today' is not an event on now"),
    "event_patterns": Param(list, default=[], help="regular expressions for an event where words cannot "
                            "say it (a score as it stands: \"1-0 up with five to go\")"),
}


def build(rule: Rule, lists: Mapping[str, tuple[str, ...]]) -> Check:
    params = rule.params
    default_start = parse_clock(params["start"], "start")
    default_end = parse_clock(params["end"], "end")
    default_days = parse_days(params["days"])
    if default_end <= default_start:
        raise RuleParamError("end", f"{params['end']} must be later than start {params['start']}")
    event_words = phrase_index(tuple(str(w) for w in params["event_words"] or ()))
    urgent_words = phrase_index(tuple(str(w) for w in params["urgent_words"] or ()))
    closure_words = phrase_index(tuple(str(w) for w in params["closure_words"] or ()))
    planned_words = phrase_index(tuple(str(w) for w in params["planned_words"] or ()))
    notice_words = phrase_index(tuple(str(w) for w in params["notice_words"] or ()))
    live_words = phrase_index(tuple(str(w) for w in params["live_words"] or ()))
    live_cues = phrase_index(tuple(str(w) for w in params["live_cues"] or ()))
    past_words = phrase_index(tuple(str(w) for w in params["past_words"] or ()))
    happening_words = phrase_index(tuple(str(w) for w in params["happening_words"] or ()))
    over_from = _over_from(params["over_from"] or {}, live_words)
    lasting_words = phrase_index(tuple(str(w) for w in params["lasting_words"] or ()))
    event_patterns = compile_patterns(tuple(str(p) for p in params["event_patterns"] or ()), "event_patterns")
    deadline_patterns = compile_patterns(tuple(str(p) for p in params["deadline_patterns"] or ()),
                                         "deadline_patterns")

    def check(draft: Draft, context: Context) -> Iterator[Finding]:
        settings = context.settings
        start = settings.window_start or default_start
        end = settings.window_end or default_end
        days = parse_days(list(settings.days)) if settings.days else default_days
        moment = context.posting_time
        if moment is None or within(moment, start, end, days):
            return
        if draft.occasion:
            context.notes.append(Note(rule.id, f"Out of hours but allowed: {_marked(draft)}."))
            return
        text = context.view.text
        # "School is closed" is urgent news after a burst pipe, not before a day known for weeks.
        found = urgent_words.spans(text) + ([] if planned_words.spans(text) else closure_words.spans(text))
        urgent = text[slice(*min(found))] if found else None
        if urgent:
            context.notes.append(Note(rule.id, f"Out of hours but allowed: '{urgent}' shows it is urgent school news."))
            return
        happening = first_phrase(text, happening_words)
        event = happening or first_phrase(text, event_words) or _first_match(text, event_patterns)
        times = _Times(live_words, past_words, over_from, moment,
                       lasting=bool(lasting_words.spans(text)) or later_than(text, moment.time()),
                       deadlines=_matches(text, deadline_patterns))
        waits = None if happening or not event else _can_wait(text, notice_words, times, live_cues)
        if event and not waits:
            context.notes.append(Note(rule.id, f"Out of hours but allowed: '{event}' shows it is about a school event."))
            return
        why = f"It mentions '{event}', but {waits}, which can wait. " if event and waits else ""
        window = {"time": describe(moment), "window": f"{clock_words(start)} to {clock_words(end)}",
                  "days": days_words(days)}
        if draft.published:  # an archived post: nothing to reschedule, only a lesson for next time
            yield Finding(0, 0, f"{why}Unless it covered a school event as it happened or urgent news, keep "
                          "posts like this to posting hours.",
                          details={**window, "time": describe(moment, year=True), "goes_out": "went out"})
            return
        allowed = next_allowed(moment, start, end, days)
        context.next_allowed = allowed
        yield Finding(0, 0, f"{why}Schedule it for {describe(allowed)}, or, if it covers a school event as it "
                      f"happens or urgent news, {_how_to_mark(draft)}.",
                      details={**window, "next": describe(allowed), "goes_out": "would go out"})

    return check


# Where a file's draft says its occasion (core.model.KeysIn), and how to add one there.
MARKED_IN = {"front matter": "the front matter", "entry": "its entry", "columns": "its occasion column"}
MARK_IT = {"front matter": "add 'occasion: event' or 'occasion: urgent' to its front matter",
           "entry": 'add "occasion": "event" or "occasion": "urgent" to its entry',
           "columns": "write event or urgent in its occasion column"}


def _first_match(text: str, patterns: PatternGroup) -> str | None:
    """The first of ``patterns`` found in ``text``, as written; None when none is."""
    for pattern in patterns.candidates(text):
        found = pattern.search(text, timeout=MATCH_TIMEOUT_SECONDS)
        if found:
            return found.group()
    return None


def _matches(text: str, patterns: PatternGroup) -> tuple[tuple[int, int], ...]:
    """Where each of ``patterns`` is found in ``text``, in the order of the patterns."""
    return tuple(found.span() for pattern in patterns.candidates(text)
                 for found in pattern.finditer(text, timeout=MATCH_TIMEOUT_SECONDS))


def _marked(draft: Draft) -> str:
    """How a draft said it is an exemption: a file's draft where its keys are written; a typed
    draft by --occasion, the prompt's question or the page's box."""
    occasion = str(draft.occasion)
    if draft.path is None:
        return f"you marked it as {OCCASION_WORDS[occasion]}"
    return f"{MARKED_IN[draft.keys_in]} marks it as {OCCASION_WORDS[occasion]} (occasion: {occasion})"


def _how_to_mark(draft: Draft) -> str:
    """How to say a draft is an exemption: a file's draft where its keys are written, the page
    by a choice beside the time, a typed draft with --occasion."""
    if draft.path is not None:
        return MARK_IT[draft.keys_in]
    if draft.source == PAGE_SOURCE:
        return "choose 'a school event happening then' or 'urgent news' under the time"
    return "check it with --occasion event or --occasion urgent"


def _over_from(given: Mapping[str, object], live_words: PhraseIndex) -> dict[str, time]:
    """The rule's ``over_from``: each live word naming a part of the day, with its time."""
    over_from = {" ".join(str(words).lower().split()): parse_clock(str(clock), "over_from")
                 for words, clock in given.items()}
    for words in over_from:
        if not live_words.spans(words):
            raise RuleParamError("over_from", f"names '{words}', which is not one of live_words; add it there "
                                 "or remove it")
    return over_from


class _Times:
    """What a draft's times say once its posting time is known: "today" is now, "yesterday"
    is over, and "this morning" is over in a draft going out in the evening."""

    def __init__(self, live_words: PhraseIndex, past_words: PhraseIndex, over_from: Mapping[str, time],
                 moment: datetime, lasting: bool = False, deadlines: tuple[tuple[int, int], ...] = ()) -> None:
        self.live_words = live_words
        # "Payment is due today": that "today" says when a notice closes, not that an event is on.
        self.deadlines = deadlines
        self.past_words = past_words
        # A trip of several days, or a draft giving a time still to come today, goes on after
        # this morning or this afternoon is over.
        self.over_from = {} if lasting else over_from
        self.clock = moment.time().replace(tzinfo=None)

    def _over(self, words: str) -> bool:
        over = self.over_from.get(" ".join(words.lower().replace("’", "'").split()))
        return over is not None and self.clock >= over

    def live(self, text: str) -> str | None:
        """The first time in ``text`` that is still now when the draft goes out."""
        return next((text[a:b] for a, b in self.live_words.spans(text)
                     if not self._over(text[a:b]) and not self._in_deadline(a, b)), None)

    def _in_deadline(self, start: int, end: int) -> bool:
        return any(a <= start and end <= b for a, b in self.deadlines)

    def deadline(self, text: str) -> str | None:
        """The first deadline falling today in ``text``, as written."""
        return next((text[a:b] for a, b in self.deadlines), None)

    def past(self, text: str) -> str | None:
        """The first time in ``text`` already over when the draft goes out."""
        return first_phrase(text, self.past_words) or next(
            (text[a:b] for a, b in self.live_words.spans(text) if self._over(text[a:b])), None)


def _can_wait(text: str, notice_words: PhraseIndex, times: _Times, live_cues: PhraseIndex) -> str | None:
    """Why a draft about an event is not covering it as it happens: it announces one to come,
    or reports one that is over ("last week's concert", "this morning's match" in the evening);
    None when it covers it live. A time that is now ("today", "tonight") outweighs both; a
    result with no time ("result", "won") outweighs a notice ("Through to the final! Match
    report on Monday") but not a time already past ("Yesterday's result")."""
    notice = first_phrase(text, notice_words) or times.deadline(text)
    past = times.past(text)
    if not (notice or past) or times.live(text):
        return None
    if past:
        return f"'{past}' makes it a report of an event that is over"
    if first_phrase(text, live_cues):
        return None
    return f"'{notice}' makes it a notice about a future event"
