"""Scheduler spreadsheets (.csv): columns found by header name, each row a draft, fixes in the text cell only."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import run_cli

AT = "2026-11-25T10:00"  # a Wednesday morning
ROSTER = "first_name,last_name\nElla,Thornton\nMia,Patel\n"


def check(folder: Path, *args: str) -> tuple[int, dict[str, list[str]], str]:
    (folder / "roster.csv").write_text(ROSTER)
    code, out, err = run_cli("check", "--roster", str(folder / "roster.csv"), "--at", AT, "--format", "json", *args)
    drafts = json.loads(out)["drafts"] if out.strip() else []
    return code, {d["source"].rsplit("/", 1)[-1]: sorted(v["rule"] for v in d["violations"]) for d in drafts}, err


@pytest.mark.parametrize("header", ["text", "Message", "CONTENT", "post", "Caption"])
def test_the_text_column_is_found_by_any_of_its_names_in_any_case(tmp_path: Path, header: str) -> None:
    (tmp_path / "posts.csv").write_text(f"id,{header},notes\n1,Well done Ella Thornton!,x\n2,Year 6 had a lovely day,\n")
    code, found, _ = check(tmp_path, str(tmp_path / "posts.csv"))
    assert "child-full-name" in found["posts.csv:2"] and found["posts.csv:3"] == [] and code == 1


@pytest.mark.parametrize(("when", "out_of_hours"), [("28/11/2026 19:30", True), ("2026-11-28 19:30", True),
                                                   ("2026-11-25T10:30", False), ("25/11/2026 10:30", False)])
def test_the_posting_time_column_iso_or_uk_day_first(tmp_path: Path, when: str, out_of_hours: bool) -> None:
    (tmp_path / "posts.csv").write_text(f"Message,Publish_At\nReading records are due in on Friday.,{when}\n")
    _, found, _ = check(tmp_path, str(tmp_path / "posts.csv"))
    assert ("posting-hours" in found["posts.csv:2"]) is out_of_hours


def test_out_of_hours_advice_names_the_occasion_column(tmp_path: Path) -> None:
    (tmp_path / "posts.csv").write_text("text,date\nReading records are due in on Friday.,28/11/2026 19:30\n")
    (tmp_path / "roster.csv").write_text(ROSTER)
    code, out, _ = run_cli("check", "--at", AT, str(tmp_path / "posts.csv"))
    assert code == 1 and "write event or urgent in its occasion column" in out and "front matter" not in out


def test_occasion_and_media_columns(tmp_path: Path) -> None:
    (tmp_path / "posts.csv").write_text("text,date,occasion,media,alt\n"
                                        "Kick off! Come on Oakfield!,28/11/2026 10:00,event,a.jpg; b.jpg,The team;\n")
    # b.jpg's description is empty: a note; a.jpg's is given.
    assert check(tmp_path, str(tmp_path / "posts.csv"))[1] == {"posts.csv:2": ["photo-description-missing"]}


def test_a_row_with_a_quoted_newline_is_reported_on_the_line_it_starts(tmp_path: Path) -> None:
    (tmp_path / "posts.csv").write_text('text\n"Line one\n\nline two, Ella Thornton"\nWell done Mia Patel\n\n')
    code, found, _ = check(tmp_path, str(tmp_path / "posts.csv"))
    assert set(found) == {"posts.csv:2", "posts.csv:5"} and code == 1
    assert all("child-full-name" in rules for rules in found.values())


def test_a_csv_without_a_text_column_is_exit_2_listing_the_columns(tmp_path: Path) -> None:
    (tmp_path / "posts.csv").write_text("name,when\nhello,now\n")
    (tmp_path / "b.txt").write_text("Well done Year 6!\n")
    code, found, err = check(tmp_path, str(tmp_path / "posts.csv"), str(tmp_path / "b.txt"))
    assert code == 2 and "posts.csv:1" in err and "'name', 'when'" in err and "caption" in err
    assert found == {"b.txt": []}  # the other drafts are still checked
    assert "Traceback" not in err


def test_one_bad_row_is_an_error_naming_its_line_and_the_rest_are_checked(tmp_path: Path) -> None:
    (tmp_path / "posts.csv").write_text("text,scheduled\nHello,next tuesdayish\nWell done Ella Thornton,\n")
    code, found, err = check(tmp_path, str(tmp_path / "posts.csv"))
    assert code == 2 and "posts.csv:2" in err and "next tuesdayish" in err
    assert set(found) == {"posts.csv:3"} and "child-full-name" in found["posts.csv:3"]


def test_a_csv_that_is_not_utf8_says_how_to_save_it(tmp_path: Path) -> None:
    (tmp_path / "posts.csv").write_bytes("text\nCaf\u00e9 open\n".encode("cp1252"))
    code, _, err = check(tmp_path, str(tmp_path / "posts.csv"))
    assert code == 2 and "UTF-8" in err and "posts.csv" in err


def test_fix_rewrites_the_text_cell_only_keeping_every_other_byte(tmp_path: Path) -> None:
    original = ('\ufeffNetwork,Message,Publish_At,Link\r\n'
                'x,"Well done Ella Thornton, a great race!",28/11/2026 10:30,https://a.example\r\n'
                'x,Year 6 had a lovely day,2026-11-25 10:00,\r\n'
                'x,Say hi to Mia Patel,,\r\n')
    (tmp_path / "posts.csv").write_bytes(original.encode("utf-8"))
    code, _, _ = check(tmp_path, "--fix", str(tmp_path / "posts.csv"))
    fixed = (tmp_path / "posts.csv").read_bytes().decode("utf-8")
    assert fixed == original.replace("Ella Thornton", "Ella").replace("Mia Patel", "Mia")
    assert code == 1  # still targeted: --fix changes only what it can fix safely


def test_the_example_spreadsheet() -> None:
    from conftest import REPO

    code, out, _ = run_cli("check", "--roster", str(REPO / "examples/roster.csv"), "--at", AT, "--format", "json",
                           str(REPO / "examples/scheduled-posts.csv"))
    found = {d["source"].rsplit(":", 1)[-1]: sorted({v["rule"] for v in d["violations"]})
             for d in json.loads(out)["drafts"]}
    assert found == {"2": [], "3": ["posting-hours"], "4": [], "5": ["child-full-name"]} and code == 1
