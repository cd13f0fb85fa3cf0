"""``--redact`` leaks found by trying it as a hostile user would (issue 11): the diff, standard
error, draft ids and file names, the order of the drafts, and the personal data the rules find.
All names are fictional."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import regex

from tweetguard.core.errors import ConfigError
from tweetguard.output import format_names
from tweetguard.redact import mask_all, mask_quoted, redact_error
from tweetguard.text.normalise import normalise

SCHEMA = Path(__file__).parent / "data" / "sarif" / "sarif-schema-2.1.0.json"
ROSTER = "first_name,last_name\nEllie,Thornton\nSaoirse,Lindqvist\nNiamh,Gallagher\n"
# Every name a drafts folder below carries, roster or not; and the personal data it holds.
NAMES = ("Ellie", "Thornton", "Saoirse", "Lindqvist", "Niamh", "Gallagher")
DATA = ("07700 900123", "07700", "900123", "L1 2AB", "jo.bloggs@example.com")
DRAFTS = {
    "ellie-thornton.txt": "Well done Ellie Thornton on a great swim!\n",
    "photo.md": "---\nid: saoirse-lindqvist-photo\n---\nLovely painting by Saoirse Lindqvist.\n",
    "niamh-gallagher.txt": "A lovely morning in Year 2.\n",  # the name is in the file name only
    "party.md": "---\nscheduled: Ellie Thornton birthday\n---\nHappy day!\n",  # a bad value quoting a name
    "contact.txt": "Call 07700 900123 or write to jo.bloggs@example.com, L1 2AB.\n",
}


def run(folder: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("GITHUB_ACTIONS", "NO_COLOR")}
    return subprocess.run([sys.executable, "-m", "tweetguard", "check", "--at", "2026-11-24T10:00", *args],
                          cwd=folder, env=env, capture_output=True, text=True, encoding="utf-8",
                          timeout=120, input=stdin)


def readable(output: str, words: tuple[str, ...]) -> set[str]:
    """The words that can still be read in ``output``, whole or as part of a file name."""
    text = normalise(output).text
    return {w for w in words if regex.search(rf"(?<![\p{{L}}\d]){regex.escape(w)}(?![\p{{L}}\d])", text,
                                             regex.IGNORECASE)}


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    (tmp_path / "roster.csv").write_text(ROSTER, encoding="utf-8")
    (tmp_path / "d").mkdir()
    for name, text in DRAFTS.items():
        (tmp_path / "d" / name).write_text(text, encoding="utf-8")
    return tmp_path


FORMATS = tuple(f for f in format_names() if f != "auto")


@pytest.mark.parametrize("format_name", FORMATS)
def test_nothing_personal_in_any_format_or_on_standard_error(folder: Path, format_name: str) -> None:
    plain = run(folder, "--roster", "roster.csv", "--format", format_name, "d")
    # Without --redact the names and numbers are there (so the test below can fail) ...
    assert readable(plain.stdout + plain.stderr, NAMES) >= {"Ellie", "Thornton"}
    assert "Ellie Thornton birthday" in plain.stderr
    redacted = run(folder, "--roster", "roster.csv", "--format", format_name, "--redact", "d")
    assert redacted.returncode == plain.returncode == 2  # a draft could not be read
    both = redacted.stdout + redacted.stderr
    assert readable(both, NAMES) == set(), both
    assert readable(both, DATA) == set(), both
    assert "scheduled '***** ******** ********' is not a date" in redacted.stderr


def test_the_diff_is_masked(folder: Path) -> None:
    plain = run(folder, "--roster", "roster.csv", "--diff", "d")
    assert "-Well done Ellie Thornton on a great swim!" in plain.stdout
    redacted = run(folder, "--roster", "roster.csv", "--diff", "--redact", "d")
    assert redacted.returncode == plain.returncode
    assert "-Well done E**** T******* on a great swim!" in redacted.stdout
    assert "+Well done E**** on a great swim!" in redacted.stdout
    assert "+++ b/d/e****-t*******.txt" in redacted.stdout
    assert readable(redacted.stdout + redacted.stderr, NAMES) == set()
    assert (folder / "d" / "ellie-thornton.txt").read_text(encoding="utf-8").startswith("Well done Ellie Thornton")


def test_masking_does_not_depend_on_the_order_of_the_drafts(tmp_path: Path) -> None:
    # No roster: "Zofia" is in no list, so only the later draft's full name shows it is a name.
    (tmp_path / "a.txt").write_text("Great goal from Zofia today!\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Great goal from Zofia Kowalczyk today!\n", encoding="utf-8")
    plain = run(tmp_path, "--format", "json", "a.txt", "b.txt")
    assert json.loads(plain.stdout)["drafts"][0]["text"] == "Great goal from Zofia today!"
    for order in (("a.txt", "b.txt"), ("b.txt", "a.txt")):
        out = json.loads(run(tmp_path, "--format", "json", "--redact", *order).stdout)
        texts = {d["source"]: d["text"] for d in out["drafts"]}
        assert texts == {"a.txt": "Great goal from Z**** today!", "b.txt": "Great goal from Z**** K******** today!"}


def test_personal_data_is_masked_whole_with_offsets_in_line(folder: Path) -> None:
    out = json.loads(run(folder, "--format", "json", "--redact", "d/contact.txt").stdout)
    draft = out["drafts"][0]
    assert draft["text"] == "Call ***** ****** or write to **.******@*******.***, ** ***."
    spans = {v["rule"]: draft["text"][v["start"]:v["end"]] for v in draft["violations"]}
    assert spans["phone-number"] == "***** ******"
    assert spans["home-address"] == "** ***"


def test_redacted_sarif_is_valid_and_points_at_masked_files(folder: Path) -> None:
    out = run(folder, "--roster", "roster.csv", "--format", "sarif", "--redact", "d")
    log = json.loads(out.stdout)
    jsonschema.validate(log, json.loads(SCHEMA.read_text(encoding="utf-8")))
    uris = {loc["physicalLocation"]["artifactLocation"]["uri"]
            for result in log["runs"][0]["results"] for loc in result["locations"]}
    assert "d/e%2A%2A%2A%2A-t%2A%2A%2A%2A%2A%2A%2A.txt" in uris  # "d/e****-t*******.txt", URI-encoded


def test_a_bad_roster_cell_is_not_echoed(folder: Path) -> None:
    (folder / "bad.csv").write_text("first_name,last_name,photo_consent\nEllie,Thornton,Ellie Thornton\n",
                                    encoding="utf-8")
    plain = run(folder, "--roster", "bad.csv", "d")
    assert plain.returncode == 2 and "'ellie thornton'" in plain.stderr
    redacted = run(folder, "--roster", "bad.csv", "--redact", "d")
    assert redacted.returncode == 2
    assert redacted.stderr.strip() == ("tweetguard: bad.csv:2: photo_consent must be yes or no, "
                                       "not '***** ********'")


def test_the_helpers_mask_what_they_promise() -> None:
    assert mask_all("L1 2AB") == "** ***"
    assert mask_quoted("scheduled 'Ellie T' is not a date") == "scheduled '***** *' is not a date"
    error = redact_error(ConfigError("r.csv:3", "not 'Niamh'"), lambda text: text.replace("r.csv", "r****"))
    assert (error.where, error.message, str(error)) == ("r****:3", "not '*****'", "r****:3: not '*****'")
    assert isinstance(error, ConfigError)
