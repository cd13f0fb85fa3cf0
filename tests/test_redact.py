"""``--redact``: no pupil's name reaches any output format, and highlighted spans still line up."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import regex
from conftest import WEEKDAY_MORNING

from tweetguard.core.model import Draft, DraftResult, Violation
from tweetguard.core.roster import Pupil, Roster
from tweetguard.output import format_names
from tweetguard.redact import Redactor, mask
from tweetguard.text.names.lighter import gazetteer_name_spans as _gazetteer_names
from tweetguard.text.normalise import normalise

ROSTER = "first_name,last_name,photo_consent\nEllie,Thornton,no\nKwabena,Asante-Boateng,yes\nMaya,Singh,yes\n"
NAMES = ("Ellie", "Thornton", "Kwabena", "Asante", "Boateng", "Maya", "Singh")
# A made-up name in no gazetteer and not on the roster: only the names rule's span reveals it.
FLAGGED_ONLY = ("Zorblat", "Quimby")
TEST_RULES = """\
rules:
  - id: test-full-name
    category: names
    severity: error
    kind: pattern
    pattern: "Zorblat Quimby|Ellie Thornton"
    message: "Use only the first name, not '{match}'."
    suggestion: "Write the first name only."
    policy: "Twitter Usage Policy: only use children's first names."
    examples: {bad: ["Well done Zorblat Quimby"], good: ["Well done Zorblat"]}
"""
DRAFTS = {
    "a.txt": "Well done Ellie Thornton!\n",
    "b.txt": "ELLIE and maya singh read their poems today.\n",
    "c.md": "Kwabena Asante-Boateng's painting is in the hall.\n",
    "d.txt": "Thank you E\u200bllie Thornton and \u041c\u0430ya for helping.\n",  # zero-width, Cyrillic
    "e.txt": "Well done Zorblat Quimby!\n",
    "f.txt": "---\nscheduled: 2026-03-15T21:00\n---\nSingh family, thank you for the cakes!\n",
}


@pytest.fixture(scope="module")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("redact")
    (root / "roster.csv").write_text(ROSTER, encoding="utf-8")
    (root / "rules").mkdir()
    (root / "rules" / "names.yaml").write_text(TEST_RULES, encoding="utf-8")
    (root / "drafts").mkdir()
    for name, text in DRAFTS.items():
        (root / "drafts" / name).write_text(text, encoding="utf-8")
    return root


def run_cli(workspace: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"}
    return subprocess.run(
        [sys.executable, "-m", "tweetguard", "check", "drafts", "--rules", "rules", "--roster", "roster.csv",
         "--at", "2026-03-11T10:00", *args],
        cwd=workspace, env=env, capture_output=True, text=True, encoding="utf-8", timeout=120,
    )


def names_in(output: str, names: tuple[str, ...]) -> set[str]:
    """The names that can still be read in ``output`` (after folding look-alikes and invisibles)."""
    readable = normalise(output).text
    return {n for n in names if regex.search(rf"\b{n}\b", readable, regex.IGNORECASE)}


@pytest.mark.parametrize("format_name", [f for f in format_names() if f != "auto"])
def test_no_pupil_name_in_any_format(workspace: Path, format_name: str) -> None:
    plain = run_cli(workspace, "--format", format_name)
    # The drafts do carry the names (else this test would prove nothing) ...
    assert names_in(plain.stdout, NAMES + FLAGGED_ONLY) or format_name == "jsonl", plain.stdout
    redacted = run_cli(workspace, "--format", format_name, "--redact")
    assert redacted.returncode == plain.returncode
    # ... and none survive --redact, nor does the name only a rule flagged.
    assert names_in(redacted.stdout, NAMES + FLAGGED_ONLY) == set(), redacted.stdout


def test_jsonl_carries_names_unless_redacted(workspace: Path) -> None:
    plain = run_cli(workspace, "--format", "jsonl")
    assert names_in(plain.stdout, NAMES + FLAGGED_ONLY) >= {"Ellie", "Thornton", "Zorblat", "Quimby"}


def test_redacted_json_keeps_spans_aligned(workspace: Path) -> None:
    plain = json.loads(run_cli(workspace, "--format", "json").stdout)
    redacted = json.loads(run_cli(workspace, "--format", "json", "--redact").stdout)
    for before, after in zip(plain["drafts"], redacted["drafts"], strict=True):
        assert len(before["text"]) == len(after["text"])
        for violation in after["violations"]:
            span = after["text"][violation["start"] : violation["end"]]
            original = before["text"][violation["start"] : violation["end"]]
            if violation["rule"] == "test-full-name":
                assert span == mask(original) and span != original
    masked = {d["source"]: d["text"] for d in redacted["drafts"]}
    assert masked["drafts/a.txt"] == "Well done E**** T*******!"
    assert masked["drafts/c.md"] == "K****** A*****-B******'s painting is in the hall."
    assert masked["drafts/e.txt"] == "Well done Z****** Q*****!"


def test_text_output_is_redacted_in_messages_and_suggestions(workspace: Path) -> None:
    out = run_cli(workspace, "--format", "text", "--redact").stdout
    assert "Use only the first name, not 'E**** T*******'." in out
    assert "Z****** Q*****" in out


@pytest.mark.parametrize(("text", "masked"), [
    ("Ellie Thornton", "E**** T*******"),
    ("O'Neill", "O'N****"),
    ("Zoë", "Z**"),
    ("E\u200bllie", "E*****"),
    ("", ""),
])
def test_mask_keeps_first_letters_and_length(text: str, masked: str) -> None:
    assert mask(text) == masked
    assert len(mask(text)) == len(text)


def test_roster_names_masked_in_any_case() -> None:
    redactor = Redactor(Roster((Pupil("Ellie", "Thornton"),)), detector=lambda text: ())
    assert redactor("ellie THORNTON, Ellie's") == "e**** T*******, E****'s"
    assert redactor("Nothing to hide here.") == "Nothing to hide here."


def test_flagged_words_are_learned_but_everyday_words_are_not() -> None:
    redactor = Redactor(None, detector=lambda text: ())
    draft = Draft(source="x", text="Well done Quimby, a better lesson today.")
    redactor.learn(DraftResult(draft, WEEKDAY_MORNING, [Violation("t", "targeted", "error", "m", 0, 16)]))
    assert redactor(draft.text) == "Well done Q*****, a better lesson today."


def test_default_detector_masks_names_nobody_flagged() -> None:
    assert "Gwendolyn" not in Redactor(None)("Thank you to Gwendolyn for the flowers.")


def test_gazetteer_fallback_skips_everyday_words_unless_a_surname_follows() -> None:
    text = "See you in May for the fair, May Thornton and Gwendolyn."
    found = {text[start:end] for start, end in _gazetteer_names(text)}
    assert found == {"May", "Thornton", "Gwendolyn"}
    assert text.index("May") not in {start for start, _ in _gazetteer_names(text)}
