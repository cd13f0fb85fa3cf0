"""The check command end to end: output, exit codes, and bad input that never stops the run."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import run_cli

from tweetguard.cli import cli

WEEKDAY = "2026-03-11T10:00"
SATURDAY = "2026-03-14T10:00"


def run(*args: str, input: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args), input=input)
    return result.exit_code, result.stdout, result.stderr


def test_clean_draft_exits_0(tmp_path: Path) -> None:
    code, out, _ = run("check", "--text", "Year 2, don't forget your wellies tomorrow!", "--at", WEEKDAY)
    assert code == 0
    assert "Ready to post" in out


def test_error_exits_1_and_says_when_it_may_go_out(tmp_path: Path) -> None:
    code, out, _ = run("check", "--text", "Reading records are due in on Monday.", "--at", SATURDAY,
                       "--format", "text", "--verbose")
    assert code == 1
    assert "posting-hours" in out and "Monday 16 March at 8:00am" in out


def test_strict_and_exit_zero(tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "mine.yaml").write_text(
        "rules:\n  - id: no-sadly\n    category: tone\n    severity: warning\n    kind: lexicon\n"
        "    policy: positive messages only\n    message: avoid {match}\n    words: [sadly]\n"
        "    examples: {bad: [sadly], good: [happily]}\n",
        encoding="utf-8",
    )
    args = ("check", "--text", "Sadly the disco is cancelled.", "--at", WEEKDAY, "--rules", str(rules),
            "--select", "no-sadly")
    assert run(*args)[0] == 0
    assert run(*args, "--strict")[0] == 1
    assert run("check", "--text", "PE kits", "--at", SATURDAY, "--exit-zero")[0] == 0


def test_json_shape(tmp_path: Path) -> None:
    collection = tmp_path / "tweets.jsonl"
    collection.write_text(json.dumps({"id": "t-7", "text": "Reading records due Monday.", "scheduled": SATURDAY}) + "\n",
                          encoding="utf-8")
    code, out, _ = run("check", str(collection), "--format", "json", "--select", "schedule")
    assert code == 1
    report = json.loads(out)
    [draft] = report["drafts"]
    assert draft["source"] == f"{collection}:1" and draft["id"] == "t-7"
    assert draft["posting_time"] == "2026-03-14T10:00:00+00:00"
    [violation] = draft["violations"]
    assert set(violation) >= {"rule", "category", "severity", "message", "start", "end", "suggestion"}
    assert violation["rule"] == "posting-hours" and violation["category"] == "schedule"
    assert report["summary"]["drafts"] == 1 and report["summary"]["errors"] == 1


def test_folder_walk_skips_hidden_and_other_files(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Sports day is on Friday!", encoding="utf-8")
    (tmp_path / "b.md").write_text("Book week starts Monday.", encoding="utf-8")
    (tmp_path / "notes.docx").write_bytes(b"\x00binary")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text("hidden", encoding="utf-8")
    code, out, _ = run("check", str(tmp_path), "--format", "json", "--at", WEEKDAY)
    sources = [Path(d["source"]).name for d in json.loads(out)["drafts"]]
    assert code == 0 and sources == ["a.txt", "b.md"]


def test_bad_input_exits_2_but_other_drafts_are_checked(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("Sports day is on Friday!", encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_text("---\nscheduled: someday\n---\nHi", encoding="utf-8")
    code, out, err = run("check", str(bad), str(good), str(tmp_path / "missing.txt"), "--format", "json",
                         "--at", WEEKDAY)
    assert code == 2
    assert [Path(d["source"]).name for d in json.loads(out)["drafts"]] == ["good.txt"]
    lines = err.strip().splitlines()
    assert len(lines) == 2
    assert f"{bad}:2" in lines[0] and "someday" in lines[0]
    assert "missing.txt" in lines[1] and "no such file" in lines[1]
    assert "Traceback" not in err


def test_bad_options_exit_2(tmp_path: Path) -> None:
    code, _, err = run("check", "--text", "Hi", "--at", "yesterday")
    assert code == 2 and "--at" in err and "yesterday" in err
    code, _, err = run("check", "--text", "Hi", "--timezone", "Mars/Olympus")
    assert code == 2 and "Mars/Olympus" in err
    code, _, err = run("check", "--format", "xml", "--text", "Hi")
    assert code == 2


def test_broken_catalogue_exits_2(tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "bad.yaml").write_text("rules:\n  - id: x\n    mesage: hi\n", encoding="utf-8")
    code, _, err = run("check", "--text", "Hi", "--rules", str(rules))
    assert code == 2
    assert "bad.yaml:3" in err and "mesage" in err and "Traceback" not in err


def test_stdin_draft_with_front_matter() -> None:
    code, out, _ = run("check", "-", "--format", "json",
                       input="---\nscheduled: 2026-03-14T10:00\n---\nReading records due.\n")
    assert code == 1
    assert json.loads(out)["drafts"][0]["source"] == "<stdin>"


def test_check_never_writes_a_draft(tmp_path: Path) -> None:
    draft = tmp_path / "a.txt"
    draft.write_bytes(b"---\r\nscheduled: 2026-03-14T10:00\r\n---\r\nReading records due.\r\n")
    before = draft.read_bytes(), draft.stat().st_mtime_ns
    run("check", str(draft))
    assert (draft.read_bytes(), draft.stat().st_mtime_ns) == before


def test_installed_entry_point_runs_as_a_module() -> None:
    completed = subprocess.run([sys.executable, "-m", "tweetguard", "check", "--text", "Hi", "--at", WEEKDAY,
                                "--format", "json"], capture_output=True, text=True, timeout=60)
    assert completed.returncode == 0, completed.stderr
    assert json.loads(completed.stdout)["summary"]["drafts"] == 1


def test_invalid_utf8_on_standard_input_is_an_error() -> None:
    result = CliRunner().invoke(cli, ["check", "-", "--at", WEEKDAY], input=b"Well done \xff team")
    assert result.exit_code == 2
    assert "<stdin>:1" in result.stderr and "0xff" in result.stderr


def test_posting_hours_message_follows_the_configured_window(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".tweetguard.yaml").write_text(
        'posting_window: {start: "09:00", end: "17:30", days: [monday, wednesday]}\n', encoding="utf-8")
    code, out, _ = run("check", "--text", "PE kit reminder", "--at", "2026-03-17T08:30", "--format", "text")
    assert code == 1
    assert "(9am to 5:30pm, Monday and Wednesday)" in out and "Wednesday 18 March at 9:00am" in out


def test_machine_formats_say_what_to_write_instead(tmp_path: Path) -> None:
    code, out, _ = run("check", "--text", "Well done to Ellie Thornton!", "--at", WEEKDAY, "--format", "github",
                       "--select", "names")
    assert code == 1 and "Write instead: “Ellie”." in out and "What to do: Ellie" not in out


def test_plain_words_by_default_rule_ids_with_verbose(tmp_path: Path) -> None:
    text = "Well done Josh a better lesson today"
    _, out, _ = run("check", "--text", text, "--at", WEEKDAY, "--format", "text")
    assert "targeted-child" not in out and "col " not in out
    _, out, _ = run("check", "--text", text, "--at", WEEKDAY, "--format", "text", "--verbose")
    assert "(targeted-child, line 1 col 11)" in out


def test_a_draft_with_only_warnings_is_ready_after_a_second_look(tmp_path: Path) -> None:
    text = "Disappointing turnout at the cake sale. Only four families came."
    code, out, _ = run("check", "--text", text, "--at", WEEKDAY, "--format", "text", "--select", "tone")
    assert code == 0, out
    assert "Ready to post after a second look" in out
    assert "1 of 1 ready to post (1 after a second look at the warnings)" in out
    code, out, _ = run("check", "--text", text, "--at", WEEKDAY, "--format", "text", "--select", "tone",
                       "--strict")
    assert code == 1
    assert "Not ready to post (--strict)" in out and "0 of 1 ready to post" in out


def test_a_typed_or_piped_draft_is_headed_your_draft_for_people_and_keeps_its_source_for_machines() -> None:
    at = ("--at", "2099-03-11T10:00")
    for args, given in ((("--text", "Well done Tom Reid"), None), (("-",), "Well done Tom Reid\n")):
        code, out, _ = run_cli("check", *args, *at, input=given)
        assert code == 1 and out.splitlines()[0] == "Your draft" and "<stdin>" not in out and "<text>" not in out
    code, out, _ = run_cli("check", "-", *at, "--format", "json", input="Well done Tom Reid\n")
    assert json.loads(out)["drafts"][0]["source"] == "<stdin>"
