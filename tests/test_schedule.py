"""Posting hours: the window's edges, weekends, daylight saving and the two exemptions."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import LONDON

from tweetguard.catalogue.loader import Catalogue
from tweetguard.cli import cli
from tweetguard.core.clock import next_allowed, parse_days
from tweetguard.core.model import Draft
from tweetguard.core.settings import Settings
from tweetguard.engine.checker import Engine


def check(catalogue: Catalogue, text: str, when: datetime, occasion: str | None = None,
          settings: Settings | None = None) -> tuple[list[str], list[str], datetime | None]:
    engine = Engine(catalogue, settings or Settings(select=("schedule",)))
    result, _ = engine.check(Draft(source="t", text=text, occasion=occasion), when)
    return [v.rule for v in result.violations], [n.message for n in result.notes], result.next_allowed


NOTICE = "Reminder: reading records are due in tomorrow."


@pytest.mark.parametrize(
    ("local", "allowed"),
    [
        ((2026, 3, 11, 7, 59), False),
        ((2026, 3, 11, 8, 0), True),
        ((2026, 3, 11, 17, 59), True),
        ((2026, 3, 11, 18, 0), True),
        ((2026, 3, 11, 18, 1), False),
        ((2026, 3, 14, 10, 0), False),  # Saturday
        ((2026, 3, 15, 10, 0), False),  # Sunday
    ],
)
def test_window_edges(catalogue: Catalogue, local: tuple[int, ...], allowed: bool) -> None:
    rules, _, _ = check(catalogue, NOTICE, datetime(*local, tzinfo=LONDON))
    assert (rules == []) is allowed


def test_utc_time_in_summer_is_converted_to_london(catalogue: Catalogue) -> None:
    # 17:30 UTC on 15 June is 18:30 British Summer Time: too late.
    rules, _, next_time = check(catalogue, NOTICE, datetime(2026, 6, 15, 17, 30, tzinfo=timezone.utc))
    assert rules == ["posting-hours"]
    assert next_time == datetime(2026, 6, 16, 8, 0, tzinfo=LONDON)
    # 17:30 UTC in January is 17:30 in London: fine.
    rules, _, _ = check(catalogue, NOTICE, datetime(2026, 1, 14, 17, 30, tzinfo=timezone.utc))
    assert rules == []


def test_naive_times_are_school_local_time(catalogue: Catalogue) -> None:
    engine = Engine(catalogue, Settings(select=("schedule",)))
    result, _ = engine.check(Draft(source="t", text=NOTICE, scheduled=datetime(2026, 6, 15, 17, 30)),
                             datetime(2026, 1, 1, tzinfo=LONDON))
    assert result.posting_time.utcoffset().total_seconds() == 3600
    assert result.violations == []


def test_declared_exemption_is_explained(catalogue: Catalogue) -> None:
    rules, notes, _ = check(catalogue, "Our choir were wonderful tonight.",
                            datetime(2026, 3, 12, 19, 30, tzinfo=LONDON), occasion="event")
    assert rules == [] and "you marked it as a school event" in notes[0]  # a typed draft: no front matter


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Final score in the match: 6-4 to us!", "match"),
        ("Year 6 have arrived at their residential and are unpacking.", "residential"),
        ("School is closed today due to heavy snow.", "closed"),
        ("A burst pipe means no water in the building: stay at home today.", "burst pipe"),
    ],
)
def test_exemption_found_in_text(catalogue: Catalogue, text: str, word: str) -> None:
    rules, notes, _ = check(catalogue, text, datetime(2026, 3, 14, 7, 0, tzinfo=LONDON))
    assert rules == []
    assert f"'{word}'" in notes[0]


def test_violation_gives_next_time(catalogue: Catalogue) -> None:
    rules, _, next_time = check(catalogue, NOTICE, datetime(2026, 3, 13, 19, 0, tzinfo=LONDON))  # Friday night
    assert rules == ["posting-hours"]
    assert next_time == datetime(2026, 3, 16, 8, 0, tzinfo=LONDON)  # Monday morning


def test_configured_window_overrides_the_catalogue(catalogue: Catalogue) -> None:
    from datetime import time

    settings = Settings(select=("schedule",), window_start=time(7, 0), days=("mon", "tue", "wed", "thu", "fri", "sat"))
    rules, _, _ = check(catalogue, NOTICE, datetime(2026, 3, 14, 7, 30, tzinfo=LONDON), settings=settings)
    assert rules == []


def test_next_allowed_across_the_clock_change() -> None:
    days = parse_days(["monday", "tuesday", "wednesday", "thursday", "friday"])
    friday_night = datetime(2026, 3, 27, 20, 0, tzinfo=LONDON)  # clocks go forward on Sunday 29th
    from datetime import time

    monday = next_allowed(friday_night, time(8), time(18), days)
    assert monday == datetime(2026, 3, 30, 8, 0, tzinfo=LONDON)
    assert monday.utcoffset().total_seconds() == 3600


@pytest.mark.parametrize(
    ("text", "exempt"),
    [
        ("What a match! 3-2 to Oakfield in the cup.", True),
        ("Reminder: the cup match is on Friday after school.", False),
        ("Tickets for the summer concert are on sale next week.", False),
        ("School will be closed tomorrow because of snow.", True),  # urgent news may be announced ahead
        # A result with no time outweighs a notice, not a time already past.
        ("Through to the semi-finals! Full report on Monday.", True),
        ("Yesterday's result: a 4-2 win for the Year 5 team. Great teamwork!", False),
        ("Photos from the Year 4 residential will be on the website on Monday. What a week!", False),
        ("Last night's concert: well done, everyone!", False),
        ("Well done, everyone, a wonderful concert tonight!", True),  # a time that is now outweighs all
        # The score at half time is the match as it happens; a county final is an event.
        ("HT: Greenfield 1-0 Ashby Vale. Keep going!", True),
        ("FT in the county final: Greenfield 3-2 Ashby Vale!", True),
        ("We're at Riverside Park for the county finals, come and cheer!", True),
    ],
)
def test_notice_of_a_future_event_is_not_exempt(catalogue: Catalogue, text: str, exempt: bool) -> None:
    rules, _, _ = check(catalogue, text, datetime(2026, 3, 14, 19, 0, tzinfo=LONDON))
    assert (rules == []) is exempt


def test_unknown_posting_time_skips_posting_hours(catalogue: Catalogue) -> None:
    engine = Engine(catalogue, Settings(select=("schedule",)))
    result, _ = engine.check(Draft(source="t", text=NOTICE), None)
    assert result.posting_time is None and result.violations == []
    result, _ = engine.check(Draft(source="t", text=NOTICE, scheduled=datetime(2026, 3, 14, 10, 0)), None)
    assert [v.rule for v in result.violations] == ["posting-hours"]


def test_only_scheduled_flag(tmp_path: Path) -> None:

    (tmp_path / "plain.txt").write_text(NOTICE, encoding="utf-8")
    (tmp_path / "weekend.txt").write_text(f"---\nscheduled: 2026-03-14T10:00\n---\n{NOTICE}", encoding="utf-8")
    result = CliRunner().invoke(cli, ["check", str(tmp_path), "--only-scheduled", "--format", "json",
                                      "--select", "schedule"])
    drafts = {d["source"].rsplit("/", 1)[-1]: d for d in json.loads(result.stdout)["drafts"]}
    assert drafts["plain.txt"]["posting_time"] is None and drafts["plain.txt"]["violations"] == []
    assert [v["rule"] for v in drafts["weekend.txt"]["violations"]] == ["posting-hours"]
    assert result.exit_code == 1
    clash = CliRunner().invoke(cli, ["check", str(tmp_path), "--only-scheduled", "--at", "2026-03-11T10:00"])
    assert clash.exit_code == 2 and "--only-scheduled" in clash.stderr


@pytest.mark.parametrize(("name", "content", "advice", "note"), [
    ("d.txt", "---\nscheduled: 2026-11-28T19:30\n{occasion}---\nReading records are due in on Friday.\n",
     "add 'occasion: event' or 'occasion: urgent' to its front matter", "the front matter marks it"),
    ("d.jsonl", '{{"text": "Reading records are due in on Friday.", "scheduled": "2026-11-28T19:30"{occasion}}}\n',
     'add "occasion": "event" or "occasion": "urgent" to its entry', "its entry marks it"),
    ("d.csv", "text,date{occasion}\nReading records are due in on Friday.,28/11/2026 19:30{value}\n",
     "write event or urgent in its occasion column", "its occasion column marks it"),
])
def test_out_of_hours_advice_says_where_this_kind_of_file_keeps_its_occasion(
        tmp_path: Path, name: str, content: str, advice: str, note: str) -> None:
    marks = {"d.txt": ("occasion: event\n", ""), "d.jsonl": (', "occasion": "event"', ""), "d.csv": (",occasion", ",event")}
    path = tmp_path / name
    path.write_text(content.format(occasion="", value=""))
    out = CliRunner().invoke(cli, ["check", "--color", "never", str(path)]).output
    assert advice in out
    assert name == "d.txt" or "front matter" not in out
    occasion, value = marks[name]
    path.write_text(content.format(occasion=occasion, value=value))
    out = CliRunner().invoke(cli, ["check", "--color", "never", str(path)]).output
    assert f"Out of hours but allowed: {note} as a school event (occasion: event)." in out


@pytest.mark.parametrize(("text", "waits"), [
    ("Murphy keeping another clean sheet, and we're 1-0 up with five to go!", False),
    ("Ref having a nightmare here, 2-1 down with 10 to go", False),
    ("Yesterday's result: Oakfield 3-2 Hillcrest. What a comeback from 2-0 down!", True),
])
def test_a_score_as_it_stands_is_a_match_unless_a_past_time_says_otherwise(text: str, waits: bool) -> None:
    out = CliRunner().invoke(cli, ["check", "--color", "never", "--at", "2026-05-02T10:55", "--text", text]).output
    assert ("outside school posting hours" in out) is waits


@pytest.mark.parametrize(
    ("text", "hour", "minute", "exempt"),
    [
        # A part of the day named as now, once it is over by the posting time, reports an event
        # that is over; before then, and "tonight" in the same draft, it is still live.
        ("What a performance from the choir at the show this afternoon!", 19, 0, False),
        ("What a performance from the choir at the show this afternoon!", 17, 30, True),
        ("U9s win this morning's match 2-0!", 12, 30, True),
        ("U9s win this morning's match 2-0!", 20, 0, False),
        ("Residential day 2: gorge walking this morning and a campfire tonight!", 21, 10, True),
        # Not on a trip of several days, nor with a time still to come today.
        ("Residential day 3: this afternoon we went canoeing and everyone stayed dry (nearly)!", 20, 30, True),
        ("Camp update: this afternoon we built shelters in the woods. Sausages on the fire now!", 19, 30, True),
        ("Tournament update: won all three group games this morning. Quarter-final at 3pm!", 14, 30, True),
        ("What a performance this afternoon at the dance festival! The evening show starts at 7.", 18, 30, True),
        ("The matinee this afternoon was a sell-out, and the evening performance is about to begin!", 19, 15, True),
        ("What a performance this afternoon at the dance festival, with teams from 7 schools!", 19, 0, False),
        ("What a performance this afternoon at the dance festival! The second show starts at 8.", 19, 30, True),
        ("Good luck to our U11s at tomorrow's county cup match!", 18, 30, False),
        ("Year 5 residential payments are due by Friday.", 18, 30, False),
        ("Football training is back on from Monday.", 18, 30, False),
        ("Year 2 had a brilliant trip to the zoo this morning! Photos to follow.", 19, 30, False),
        ("The car boot sale on the school field is on now, pitches still available!", 8, 30, True),
        # A school's production is an event; food production is not.
        ("Our Year 6 production of Oliver! has the audience on their feet!", 19, 30, True),
        ("Year 5 have been learning about food production and where our bread comes from.", 10, 0, False),
        # A deadline inside a live post is not a notice of a future event.
        ("The summer fair is open and the sun is out! Raffle deadline is 2pm, draw at 3.", 11, 0, True),
        # A deadline falling today is a notice: its "today" is not the event on now.
        ("Reminder: the Year 4 trip payment is due today!", 7, 30, False),
        ("Booking for the Year 6 residential closes at midnight tonight.", 20, 15, False),
        ("The trip was brilliant today, and the coach is due back at 7!", 18, 30, True),
        # A show or a match told as it goes, with no event word beyond what happens in it.
        ("The choir are singing their last song right now and it is stunning", 19, 50, True),
        ("Interval! Year 6 have absolutely nailed Act 1.", 20, 10, True),
        ("Harvey's late winner sealed a 2-1 victory for our U9s!", 11, 40, True),
        ("Thank you to everyone who came to the choir's concert last night.", 10, 0, False),
    ],
)
def test_a_part_of_the_day_already_over_and_notices_of_what_is_to_come(
        catalogue: Catalogue, text: str, hour: int, minute: int, exempt: bool) -> None:
    rules, _, _ = check(catalogue, text, datetime(2026, 3, 14, hour, minute, tzinfo=LONDON))  # a Saturday
    assert (rules == []) is exempt


@pytest.mark.parametrize(("over_from", "wrong"), [("{this morning: noon}", "noon"),
                                                 ("{this lunchtime: '13:00'}", "this lunchtime")])
def test_over_from_needs_a_live_word_and_a_time_of_day(tmp_path: Path, over_from: str, wrong: str) -> None:
    from tweetguard.catalogue.loader import load_catalogue
    from tweetguard.core.errors import CatalogueError
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "hours.yaml").write_text(
        "rules:\n  - id: my-hours\n    category: schedule\n    severity: error\n    kind: schedule\n"
        "    policy: weekdays only\n    message: out of hours\n    live_words: [this morning]\n"
        f"    over_from: {over_from}\n"
        "    examples: {bad: [a], good: [b]}\n", encoding="utf-8")
    with pytest.raises(CatalogueError, match=f"over_from.*{wrong}"):
        Engine(load_catalogue([rules]), Settings())
