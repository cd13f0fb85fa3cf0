"""Never a traceback: times at the ends of the calendar, huge numbers, lone surrogates, file
names that are not UTF-8, broken rosters and a full disk each give one line and exit 2,
every output stays valid UTF-8 (and valid JSON), and the other drafts are still checked."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from conftest import run_cli
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tweetguard.core.errors import DraftError, printable

AT = "2026-11-24T10:00"
GOOD = "Sports day is on Friday afternoon: bring a water bottle!"
FORMATS = ["text", "json", "jsonl", "sarif", "github", "junit"]
TWEETGUARD = [sys.executable, "-m", "tweetguard"]


def assert_one_line(err: str, fragment: str) -> None:
    assert "Traceback" not in err, err
    lines = [line for line in err.splitlines() if fragment in line]
    assert len(lines) == 1, err


# --- times at the ends of the calendar -------------------------------------------------------

EDGE_TIMES = st.builds(
    lambda when, minutes, aware: when.replace(tzinfo=timezone(timedelta(minutes=minutes))) if aware else when,
    st.one_of(st.datetimes(min_value=datetime(1, 1, 1), max_value=datetime(1, 1, 3)),
              st.datetimes(min_value=datetime(9999, 12, 29), max_value=datetime(9999, 12, 31, 23, 59)),
              st.datetimes(min_value=datetime(1, 1, 1), max_value=datetime(9999, 12, 31))),
    st.integers(-(23 * 60 + 59), 23 * 60 + 59), st.booleans(),
).map(lambda when: when.isoformat(timespec="minutes"))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(when=EDGE_TIMES, fmt=st.sampled_from(["text", "json", "sarif"]))
def test_a_scheduled_time_anywhere_in_the_calendar_never_stops_the_run(tmp_path: Path, when: str, fmt: str) -> None:
    (tmp_path / "edge.txt").write_text(f"---\nscheduled: {when}\n---\n{GOOD}\n")
    (tmp_path / "good.txt").write_text(GOOD)
    code, out, err = run_cli("check", "--at", AT, "--format", fmt, str(tmp_path / "edge.txt"),
                             str(tmp_path / "good.txt"))
    assert "Traceback" not in err and "Overflow" not in err, err
    assert "failed on this draft" not in err, err  # no rule gave up on it either
    assert code in (0, 1, 2)
    if fmt != "text":
        json.loads(out)
    if fmt != "sarif":  # SARIF lists violations only, and the good draft has none
        assert "good.txt" in out
    if not 1900 <= int(when[:4]) <= 2999:
        assert code == 2
        assert_one_line(err, "edge.txt")


@pytest.mark.parametrize("when", ["0001-01-01T00:00+14:00", "9999-12-31T23:59-12:00", "9999-12-31T23:59"])
def test_an_at_time_at_the_ends_of_the_calendar_is_a_one_line_error(tmp_path: Path, when: str) -> None:
    (tmp_path / "good.txt").write_text(GOOD)
    code, _, err = run_cli("check", "--at", when, str(tmp_path / "good.txt"))
    assert code == 2
    assert_one_line(err, "--at")


def test_a_naive_time_in_year_9999_is_not_shown_as_ready_to_post(tmp_path: Path) -> None:
    (tmp_path / "late.txt").write_text(f"---\nscheduled: 9999-12-31T23:59\n---\n{GOOD}\n")
    code, out, err = run_cli("check", "--at", AT, str(tmp_path / "late.txt"))
    assert code == 2 and "Ready to post" not in out
    assert_one_line(err, "year 9999")


# --- JSON Lines rows that Python cannot read or print -----------------------------------------

@pytest.mark.parametrize("fmt", FORMATS)
def test_huge_numbers_and_lone_surrogates_are_one_line_errors(tmp_path: Path, fmt: str) -> None:
    rows = ['{"text": "Hello all", "id": ' + "9" * 5000 + "}",
            '{"text": "Hello \\ud800 all"}',
            '{"text": "Hello all", "id": "x\\udcff"}',
            '{"text": "hi", "media": [' + "[" * 900 + '"\\ud800"' + "]" * 900 + "]}",
            json.dumps({"text": GOOD})]
    (tmp_path / "rows.jsonl").write_text("\n".join(rows) + "\n")
    completed = subprocess.run([*TWEETGUARD, "check", "--at", AT, "--format", fmt, "rows.jsonl"], cwd=tmp_path,
                               capture_output=True, timeout=60)
    err = completed.stderr.decode("utf-8")
    assert completed.returncode == 2, err
    for line in (1, 2, 3, 4):
        assert_one_line(err, f"rows.jsonl:{line}:")
    out = completed.stdout.decode("utf-8")  # strict: valid UTF-8
    if fmt in ("json", "sarif"):
        json.loads(out)
    if fmt in ("text", "json"):
        assert "rows.jsonl:5" in out


# --- file names that are not UTF-8, or hold control characters ---------------------------------

STRANGE_NAMES = [b"bad\xff-name.txt", b"esc\x1b[31mred.txt", b"two\nlines.txt", b"rtl\xe2\x80\xaeflip.txt"]


@pytest.mark.parametrize("fmt", FORMATS)
def test_strange_file_names_give_valid_utf8_output_in_every_format(tmp_path: Path, fmt: str) -> None:
    for name in STRANGE_NAMES:
        with open(os.fsencode(tmp_path) + b"/" + name, "wb") as handle:
            handle.write(b"Well done Ella Thornton, our phone is 07700 900123\n")
    (tmp_path / "broken.txt").write_bytes(b"---\nscheduled: soon\n---\nHi\n")
    os.rename(tmp_path / "broken.txt", os.fsencode(tmp_path) + b"/broken\xfe\x1b.txt")
    completed = subprocess.run([*TWEETGUARD, "check", "--at", AT, "--format", fmt, "."], cwd=tmp_path,
                               capture_output=True, timeout=60)
    out, err = completed.stdout.decode("utf-8"), completed.stderr.decode("utf-8")
    assert completed.returncode == 2 and "Traceback" not in err, err
    assert "\x1b" not in out + err and "\u202e" not in out + err
    assert_one_line(err, "broken\\xfe\\x1b.txt")
    if fmt in ("json", "sarif"):
        document = json.loads(out)
        if fmt == "sarif":
            uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                    for r in document["runs"][0]["results"]}
            assert "bad%FF-name.txt" in uris


NASTY_CHARACTERS = st.one_of(st.characters(), st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF),
                             st.sampled_from(["\n", "\r", "\x1b", "\x85", "\u2028", "\u202e", "\x00", "\x7f"]))


@given(st.text(NASTY_CHARACTERS, max_size=30))
def test_every_error_is_one_printable_line(value: str) -> None:
    error = DraftError(f"dir/{value}.txt:2", f"scheduled '{value}' is not a date and time")
    text = str(error)
    assert len(text.splitlines()) == 1 and text == printable(text)
    assert not any(ord(c) < 32 or 0x7F <= ord(c) < 0xA0 or 0xD800 <= ord(c) < 0xE000 for c in text)
    text.encode("utf-8")


def test_a_multi_line_scheduled_value_is_a_one_line_error(tmp_path: Path) -> None:
    (tmp_path / "multi.txt").write_text('---\nscheduled: "Ellie\\nThornton\\x1b[2J"\n---\nHi\n')
    code, _, err = run_cli("check", "--at", AT, str(tmp_path / "multi.txt"))
    assert code == 2 and len(err.strip().splitlines()) == 1, err
    assert "\\n" in err and "\x1b" not in err


# --- rosters and config ------------------------------------------------------------------------

@pytest.mark.parametrize("content", ["first_name,last_name\rElla,Thornton\r",
                                     "first_name,last_name\r\nElla,Thornton\r\n"])
def test_a_roster_with_cr_line_endings_is_read(tmp_path: Path, content: str) -> None:
    (tmp_path / "roster.csv").write_bytes(content.encode())
    (tmp_path / "a.txt").write_text("Well done Ella Thornton!")
    code, out, err = run_cli("check", "--at", AT, "--roster", str(tmp_path / "roster.csv"), "--format", "jsonl",
                             str(tmp_path / "a.txt"))
    assert "Traceback" not in err and "child-full-name" in out


def test_a_roster_field_over_the_csv_limit_is_a_one_line_error(tmp_path: Path) -> None:
    (tmp_path / "roster.csv").write_text("first_name,last_name\nElla," + "x" * 140_000 + "\n")
    (tmp_path / "a.txt").write_text(GOOD)
    code, _, err = run_cli("check", "--at", AT, "--roster", str(tmp_path / "roster.csv"), str(tmp_path / "a.txt"))
    assert code == 2
    assert_one_line(err, "roster.csv:2")


@pytest.mark.parametrize("value", ["[]", "['a.csv', 'b.csv']", "''"])
def test_a_roster_setting_that_names_no_single_file_is_a_one_line_error(tmp_path: Path, value: str) -> None:
    (tmp_path / ".tweetguard.yaml").write_text(f"roster: {value}\n")
    (tmp_path / "a.txt").write_text(GOOD)
    code, _, err = run_cli("check", "--at", AT, "--config", str(tmp_path / ".tweetguard.yaml"),
                           str(tmp_path / "a.txt"))
    assert code == 2
    assert_one_line(err, "roster")


# --- a full disk (Linux's /dev/full, as CI has) ---------------------------------------------------

@pytest.mark.parametrize("args", [["check", "--at", AT, "--format", "text"], ["check", "--at", AT, "--format", "sarif"],
                                  ["check", "--at", AT, "--format", "json"], ["rules"]])
def test_writing_the_report_to_a_full_disk_is_a_one_line_error(tmp_path: Path, args: list[str]) -> None:
    (tmp_path / "a.txt").write_text(GOOD)
    with open("/dev/full", "w") as full:
        completed = subprocess.run([*TWEETGUARD, *args, *(["a.txt"] if args[0] == "check" else [])], cwd=tmp_path,
                                   stdout=full, stderr=subprocess.PIPE, text=True, timeout=60)
    assert completed.returncode == 2
    assert len(completed.stderr.strip().splitlines()) == 1 and "No space left" in completed.stderr, completed.stderr


def test_a_text_draft_that_is_not_utf8_is_a_one_line_error(tmp_path: Path) -> None:
    completed = subprocess.run([*TWEETGUARD, "check", "--at", AT, "--format", "json", "--text", b"Hi \xff there"],
                               cwd=tmp_path, capture_output=True, timeout=60)
    err = completed.stderr.decode("utf-8")
    assert completed.returncode == 2 and "0xff is not UTF-8" in err, err
    json.loads(completed.stdout.decode("utf-8"))


@pytest.mark.parametrize("command", ["check", "audit"])
def test_a_name_too_long_for_the_system_is_a_one_line_error(command: str) -> None:
    from conftest import run_cli

    code, _, err = run_cli(command, "a" * 300)
    assert code == 2 and "Traceback" not in err and "cannot be looked up" in err and err.count("\n") == 1
