"""Times of day read from a draft's text (text/clock_times.py)."""

from __future__ import annotations

from datetime import time

import pytest

from tweetguard.text.clock_times import clock_times, later_than


@pytest.mark.parametrize(("text", "times"), [
    ("Quarter-final at 2pm.", [time(14)]),
    ("Kick-off 10am, back by 1.", [time(10), time(13)]),
    ("The evening show starts at 7.", [time(19)]),
    ("Doors open from 3:15, tea at 10.30am", [time(15, 15), time(10, 30)]),
    ("Back at school around 4!", [time(16)]),
    # Scores, prices, lengths and counts are not times.
    ("We won 2-1 and scored 3 goals", []),
    ("Tickets £5, won by 5 points, jumped 7.5 metres", []),
    ("at 2019 prices", []),
    ("Teams from 7 schools, 4 pitches and by 3 laps", []),
    # Ranges share their am/pm; noon and midnight; the hours spelt out.
    ("Open 3-5pm, then 6.30–8pm", [time(15), time(17), time(18, 30), time(20)]),
    ("Lunch at noon, booking closes at midnight", [time(12), time(23, 59)]),
    ("Pick-up at half past three, or quarter to seven", [time(15, 30), time(18, 45)]),
    ("From 4 today, at 7 sharp", [time(16), time(19)]),
])
def test_times_of_day_as_school_posts_write_them(text: str, times: list[time]) -> None:
    assert list(clock_times(text)) == times


def test_later_than_compares_with_the_posting_clock() -> None:
    assert later_than("The evening show starts at 7.", time(18, 30))
    assert not later_than("The evening show starts at 7.", time(19, 30))


def test_a_bare_hour_from_8_to_11_may_be_the_evening() -> None:
    assert later_than("The second show starts at 8.", time(19, 30))
    assert not later_than("The second show starts at 8.", time(20, 30))
    assert later_than("Doors at 9:30am.", time(9)) and not later_than("Doors at 9:30am.", time(19))
