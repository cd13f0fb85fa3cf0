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
])
def test_times_of_day_as_school_posts_write_them(text: str, times: list[time]) -> None:
    assert list(clock_times(text)) == times


def test_later_than_compares_with_the_posting_clock() -> None:
    assert later_than("The evening show starts at 7.", time(18, 30))
    assert not later_than("The evening show starts at 7.", time(19, 30))
