"""Posting times as people type them: one reader (sources.when) for the prompt, --at and the page."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
from conftest import run_cli

from tweetguard.sources.fields import DateOutOfRange
from tweetguard.sources.when import read_when

NOW = datetime(2026, 3, 11, 12, 0)  # a Wednesday, noon


@pytest.mark.parametrize("answer, expected", [
    ("now", None),
    ("", None),
    ("9:30", datetime(2026, 3, 11, 9, 30)),
    ("2pm", datetime(2026, 3, 11, 14, 0)),
    ("12am", datetime(2026, 3, 11, 0, 0)),
    ("12pm", datetime(2026, 3, 11, 12, 0)),
    ("noon", datetime(2026, 3, 11, 12, 0)),
    ("midday tomorrow", datetime(2026, 3, 12, 12, 0)),
    ("midnight", datetime(2026, 3, 11, 0, 0)),
    ("tomorrow 8.15am", datetime(2026, 3, 12, 8, 15)),
    ("Tomorrow at 9", datetime(2026, 3, 12, 9, 0)),
    ("9am tomorrow", datetime(2026, 3, 12, 9, 0)),
    ("7pm tonight", datetime(2026, 3, 11, 19, 0)),
    ("tonight 7", datetime(2026, 3, 11, 19, 0)),  # not 7am: "tonight" is later in the day
    ("tonight 8pm", datetime(2026, 3, 11, 20, 0)),
    ("this evening 6:30", datetime(2026, 3, 11, 18, 30)),
    ("tomorrow morning 7", datetime(2026, 3, 12, 7, 0)),
    ("tomorrow evening 6:30", datetime(2026, 3, 12, 18, 30)),
    ("2026-03-14 10:00", datetime(2026, 3, 14, 10, 0)),
    ("2026-03-14T10:00", datetime(2026, 3, 14, 10, 0)),
    ("2026-03-14T10:00Z", datetime(2026, 3, 14, 10, 0, tzinfo=timezone.utc)),
    # UK dates are day first.
    ("07/12/2026 09:30", datetime(2026, 12, 7, 9, 30)),
    ("7-12-2026 9:30am", datetime(2026, 12, 7, 9, 30)),
    ("1/3 9am", datetime(2027, 3, 1, 9, 0)),  # no year: the next 1 March
    ("11/3 4pm", datetime(2026, 3, 11, 16, 0)),  # ...today included
    ("7 December 2026 9:30", datetime(2026, 12, 7, 9, 30)),
    ("7th Dec at 9am", datetime(2026, 12, 7, 9, 0)),
    # A weekday is the next one, today included.
    ("saturday 7pm", datetime(2026, 3, 14, 19, 0)),
    ("Saturday 10:30", datetime(2026, 3, 14, 10, 30)),
    ("10:30 on Saturday", datetime(2026, 3, 14, 10, 30)),
    ("Sat 7pm", datetime(2026, 3, 14, 19, 0)),
    ("next monday 9:30", datetime(2026, 3, 16, 9, 30)),
    ("wednesday 17:45", datetime(2026, 3, 11, 17, 45)),
    ("tuesday at 8am", datetime(2026, 3, 17, 8, 0)),
    ("  Friday   at  3pm ", datetime(2026, 3, 13, 15, 0)),
])
def test_read_when(answer: str, expected: datetime | None) -> None:
    assert read_when(answer, NOW) == expected


@pytest.mark.parametrize("answer", ["9", "13pm", "25:00", "9:75", "soon", "2026-03-14", "someday 9am", "saturday",
                                    "monkey 9am", "31/02/2026 9:00", "tomorrow 9am saturday", "7 marchx 9am",
                                    "0pm", "tonight", "9 o'clock"])
def test_read_when_refuses_what_it_cannot_read(answer: str) -> None:
    with pytest.raises(ValueError):
        read_when(answer, NOW)


def test_years_outside_the_calendar_it_can_use() -> None:
    with pytest.raises(DateOutOfRange):
        read_when("1/1/0001 9:00", NOW)


def test_at_reads_what_the_prompt_reads() -> None:
    code, out, err = run_cli("check", "--text", "Year 6, don't forget your PE kits.", "--at", "07/12/2026 19:30",
                             "--format", "json")
    assert code == 1, err
    assert '"posting_time": "2026-12-07T19:30:00+00:00"' in out
    code, _, err = run_cli("check", "--text", "PE kits.", "--at", "whenever")
    assert code == 2 and "'whenever' is not a date and time" in err and "tomorrow 9am" in err
