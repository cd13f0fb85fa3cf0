"""check --fix and --diff: only the fixed span changes; everything else stays byte-for-byte."""

from __future__ import annotations

import json
import stat
from datetime import datetime
from pathlib import Path

import pytest
from conftest import WEEKDAY_MORNING, run_cli

from tweetguard.core.model import Draft, DraftResult, Violation
from tweetguard.core.reporting import Summary
from tweetguard.fix import FixReporter, NullReporter, choose_fixes

AT = WEEKDAY_MORNING.strftime("%Y-%m-%dT%H:%M")
# A fix rule of our own, so these tests do not depend on the names rules being written.
FULL_NAME_RULE = r"""rules:
  - id: test-full-name
    category: names
    severity: error
    kind: pattern
    ignore_case: false
    policy: "Twitter Usage Policy: only use children's first names"
    message: "'{match}' is a pupil's full name."
    suggestion: "Use the first name only."
    pattern: '\b(?<first>Ella|Tomasz|Priya) (?:Brightwater|Quillfeather|Okonkwo-Vale)\b'
    fix: '\g<first>'
    examples:
      bad: ["Well done Ella Brightwater!"]
      good: ["Well done Ella!"]
  - id: test-overlap
    category: tone
    severity: warning
    kind: pattern
    ignore_case: false
    policy: "Twitter Usage Policy: positive messages only"
    message: "overlapping fix"
    pattern: 'Brightwater and'
    fix: 'and'
    examples:
      bad: ["Ella Brightwater and Tomasz"]
      good: ["Ella and Tomasz"]
"""


@pytest.fixture
def rules(tmp_path: Path) -> Path:
    folder = tmp_path / "rules"
    folder.mkdir()
    (folder / "names.yaml").write_text(FULL_NAME_RULE, encoding="utf-8")
    return folder


def fix(rules: Path, *paths: Path, mode: str = "--fix", select: str = "test-full-name") -> tuple[int, str, str]:
    return run_cli("check", "--rules", str(rules), "--select", select, "--at", AT, "--format", "text",
                   mode, *map(str, paths))


def test_crlf_bom_and_front_matter_stay_byte_for_byte(rules: Path, tmp_path: Path) -> None:
    before = ("\ufeff---\r\nscheduled: 2026-03-11T10:00\r\nid: sports-day\r\n---\r\n"
              "Well done Ella Brightwater!  \r\nWhat a race.\r\n").encode("utf-8")
    draft = tmp_path / "draft.txt"
    draft.write_bytes(before)
    code, out, err = fix(rules, draft)
    assert draft.read_bytes() == before.replace(b"Ella Brightwater", b"Ella")
    assert code == 0, err
    assert "Fixed in the file" in out and "Ready to post" in out


def test_threads_fix_each_tweet_in_place(rules: Path, tmp_path: Path) -> None:
    before = "Priya Okonkwo-Vale ran well.\n---\nSo did Tomasz Quillfeather and Ella Brightwater.\n"
    draft = tmp_path / "thread.md"
    draft.write_text(before, encoding="utf-8", newline="")
    assert fix(rules, draft)[0] == 0
    assert draft.read_text(encoding="utf-8") == "Priya ran well.\n---\nSo did Tomasz and Ella.\n"


def test_second_run_changes_nothing(rules: Path, tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_bytes(b"Ella Brightwater and Tomasz Quillfeather read to Year 1.\r\n")
    fix(rules, draft)
    once = draft.read_bytes()
    code, _, err = fix(rules, draft)
    assert draft.read_bytes() == once == b"Ella and Tomasz read to Year 1.\r\n"
    assert code == 0 and "fixed" not in err


def test_diff_prints_the_fix_and_writes_nothing(rules: Path, tmp_path: Path) -> None:
    before = "---\noccasion: event\n---\nGo Ella Brightwater!\n"
    draft = tmp_path / "draft.txt"
    draft.write_text(before, encoding="utf-8")
    mtime = draft.stat().st_mtime_ns
    code, out, _ = fix(rules, draft, mode="--diff")
    assert code == 1  # there is something to fix
    assert "-Go Ella Brightwater!\n+Go Ella!\n" in out
    assert f"--- a/{draft.as_posix()}" in out
    assert draft.read_text(encoding="utf-8") == before and draft.stat().st_mtime_ns == mtime
    clean = tmp_path / "clean.txt"
    clean.write_text("Go Ella!\n", encoding="utf-8")
    assert fix(rules, clean, mode="--diff")[:2] == (0, "")


def test_only_non_overlapping_fixes_are_applied(rules: Path, tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text("Ella Brightwater and Tomasz were kind.", encoding="utf-8")
    fix(rules, draft, select="test-full-name,test-overlap")
    # The full name (earlier start) wins; the overlapping fix waits for the next run.
    assert draft.read_text(encoding="utf-8") == "Ella and Tomasz were kind."


def test_jsonl_rewrites_only_that_text_value(rules: Path, tmp_path: Path) -> None:
    lines = ['{"id": "a", "text": "Caf\\u00e9 trip with Ella Brightwater",  "scheduled": "2026-03-11T10:00"}',
             '{"id": "b", "text": "Nothing to fix here"}',
             '{"text":"Zoë and Priya Okonkwo-Vale","id":"c"}']
    collection = tmp_path / "tweets.jsonl"
    collection.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8", newline="")
    assert fix(rules, collection)[0] == 0
    after = collection.read_bytes().decode("utf-8").split("\r\n")
    assert after[0] == lines[0].replace(" with Ella Brightwater", " with Ella")
    assert after[1] == lines[1]
    assert after[2] == '{"text":"Zoë and Priya","id":"c"}'
    assert [json.loads(line)["id"] for line in after if line] == ["a", "b", "c"]


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\x85"])  # json.dumps escapes the others
def test_jsonl_rows_are_counted_at_newlines_only(rules: Path, tmp_path: Path, separator: str) -> None:
    # A JSON string may hold these raw; str.splitlines would split there and miscount the rows.
    rows = [json.dumps({"text": f"Sports day{separator}was great"}, ensure_ascii=False),
            json.dumps({"text": f"Well done{separator}Ella Brightwater"}, ensure_ascii=False)]
    collection = tmp_path / "tweets.jsonl"
    collection.write_text("\n".join(rows) + "\n", encoding="utf-8", newline="")
    code, _, err = fix(rules, collection)
    assert code == 0, err
    assert collection.read_bytes().decode("utf-8") == "\n".join(
        [rows[0], rows[1].replace(" Brightwater", "")]) + "\n"


def test_jsonl_with_a_bom_is_fixed_and_keeps_it(rules: Path, tmp_path: Path) -> None:
    collection = tmp_path / "tweets.jsonl"
    collection.write_bytes(b'\xef\xbb\xbf{"text": "Well done Ella Brightwater"}\n{"text": "Go Tomasz Quillfeather"}')
    code, _, err = fix(rules, collection)
    assert code == 0, err
    assert collection.read_bytes() == b'\xef\xbb\xbf{"text": "Well done Ella"}\n{"text": "Go Tomasz"}'


def test_yaml_collections_are_left_alone_and_said_so(rules: Path, tmp_path: Path) -> None:
    collection = tmp_path / "tweets.yaml"
    before = "- text: Well done Ella Brightwater\n"
    collection.write_text(before, encoding="utf-8")
    code, _, err = fix(rules, collection)
    assert collection.read_text(encoding="utf-8") == before
    assert code == 1 and "1 fix not applied" in err


def typed(rules: Path, *args: str, input: str | None = None) -> tuple[int, str, str]:
    return run_cli("check", "--rules", str(rules), "--select", "test-full-name", "--at", AT, *args, input=input)


def test_text_fix_prints_the_corrected_draft_alone_and_reports_on_stderr(rules: Path) -> None:
    # ruff's `check --fix -`: standard output is the corrected draft, ready to copy.
    code, out, err = typed(rules, "--fix", "--text", "Well done Ella Brightwater and Tomasz Quillfeather!")
    assert out == "Well done Ella and Tomasz!\n"
    assert code == 0 and "Fixed in the corrected draft: 'Ella Brightwater' is now 'Ella'." in err
    assert "fixed 2 problems in the draft" in err
    code, out, err = typed(rules, "--fix", "--text", "Nothing to change here.")
    assert (code, out) == (0, "Nothing to change here.\n") and "Traceback" not in err


def test_stdin_fix_prints_the_whole_input_corrected_front_matter_and_all(rules: Path) -> None:
    piped = "---\nscheduled: 2026-03-11T10:00\n---\nWell done Ella Brightwater!\n\n---\n\nGo Tomasz Quillfeather\n"
    code, out, err = typed(rules, "--fix", "-", input=piped)
    assert out == piped.replace(" Brightwater", "").replace(" Quillfeather", "")
    assert code == 0, err


def test_text_diff_shows_the_change_and_exits_1(rules: Path) -> None:
    code, out, err = typed(rules, "--diff", "--text", "Well done Ella Brightwater")
    assert code == 1
    assert "-Well done Ella Brightwater\n+Well done Ella\n" in out and out.startswith("--- a/")
    assert "1 fix in the draft would be applied" in err
    assert typed(rules, "--diff", "--text", "Well done all")[:2] == (0, "")


def test_text_fix_under_redact_masks_the_corrected_draft_too(rules: Path) -> None:
    code, out, err = typed(rules, "--fix", "--redact", "--text", "Well done Ella Brightwater")
    assert "Brightwater" not in out + err and out.startswith("Well done ")


def test_permissions_are_kept(rules: Path, tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text("Ella Brightwater", encoding="utf-8")
    draft.chmod(0o640)
    fix(rules, draft)
    assert stat.S_IMODE(draft.stat().st_mode) == 0o640
    assert draft.read_text(encoding="utf-8") == "Ella"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no temp file left


def test_read_only_file_is_a_one_line_error(rules: Path, tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text("Ella Brightwater", encoding="utf-8")
    draft.chmod(0o444)
    try:
        code, _, err = fix(rules, draft)
    finally:
        draft.chmod(0o644)
    assert code == 2
    assert draft.read_text(encoding="utf-8") == "Ella Brightwater"
    assert "read-only" in err and str(draft) in err and "Traceback" not in err


def _result(path: Path, text: str) -> DraftResult:
    start = text.index("Ella Brightwater")
    violation = Violation("test-full-name", "names", "error", "full name", start, start + 16, None, "Ella")
    return DraftResult(Draft(source=str(path), text=text, path=path), datetime(2026, 3, 11, 10), [violation])


def test_a_file_that_vanished_before_fixing_is_one_line(tmp_path: Path) -> None:
    draft = tmp_path / "gone.txt"
    warnings: list[str] = []
    reporter = FixReporter(NullReporter(), lambda d: DraftResult(d, datetime(2026, 3, 11, 10)), write=True,
                           warn=warnings.append)
    reporter.draft(_result(draft, "Go Ella Brightwater"))
    summary = Summary()
    reporter.finish(summary)
    assert summary.unreadable == 1
    assert len(warnings) == 1 and "moved or deleted" in warnings[0] and str(draft) in warnings[0]


def test_a_file_edited_since_it_was_read_is_not_touched(tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_text("Go Ella Brightwater", encoding="utf-8")
    result = _result(draft, "Go Ella Brightwater")
    draft.write_text("Something else entirely", encoding="utf-8")
    warnings: list[str] = []
    reporter = FixReporter(NullReporter(), lambda d: DraftResult(d, datetime(2026, 3, 11, 10)), write=True,
                           warn=warnings.append)
    reporter.draft(result)
    reporter.finish(Summary())
    assert draft.read_text(encoding="utf-8") == "Something else entirely"
    assert any("changed after it was checked" in w for w in warnings)


def test_choose_fixes_skips_no_op_and_overlap() -> None:
    text = "Ella Brightwater ran"
    fixes = [Violation("a", "names", "error", "m", 0, 16, None, "Ella"),
             Violation("b", "tone", "warning", "m", 5, 20, None, "x"),
             Violation("c", "tone", "warning", "m", 17, 20, None, "ran")]  # already says that
    draft = Draft(source="s", text=text)
    assert [v.rule for v in choose_fixes(DraftResult(draft, datetime(2026, 3, 11, 10), fixes))] == ["a"]


def test_fix_with_an_unknown_group_is_a_catalogue_error(tmp_path: Path) -> None:
    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / "r.yaml").write_text(FULL_NAME_RULE.replace(r"\g<first>", r"\g<given>"), encoding="utf-8")
    code, _, err = run_cli("check", "--rules", str(folder), "--text", "hello", "--at", AT)
    assert code == 2 and "given" in err and "test-full-name" in err


def test_fix_follows_a_symbolic_link(tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "fix.yaml").write_text(FULL_NAME_RULE, encoding="utf-8")
    real = tmp_path / "real.txt"
    real.write_text("Well done Ella Brightwater!\n", encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    run_cli("check", str(link), "--fix", "--rules", str(rules), "--select", "test-full-name", "--at", AT)
    assert link.is_symlink()
    assert real.read_text(encoding="utf-8") != "Well done Ella Brightwater!\n"
    assert "Brightwater" not in real.read_text(encoding="utf-8")


def _default_fix(text: str, *args: str) -> tuple[int, str, str]:
    return run_cli("check", "--select", "child-full-name", "--at", AT, "--fix", "--text", text, *args)


def test_two_children_with_one_first_name_are_reported_not_fixed() -> None:
    # "Ellie and Ellie" would no longer say who did what: no fix, and the report says why.
    code, out, err = _default_fix("Ellie Thornton and Ellie Baxter won the relay!")
    assert out == "Ellie Thornton and Ellie Baxter won the relay!\n" and code == 1
    assert "two children here are called Ellie" in err and "Write instead" not in err
    # One child named twice is still fixed.
    code, out, _ = _default_fix("Well done Ellie Thornton! Ellie Thornton read beautifully.")
    assert out == "Well done Ellie! Ellie read beautifully.\n"


def test_an_adults_name_by_its_sentence_is_reported_not_shortened(tmp_path: Path) -> None:
    text = "Thank you to Sarah Jones for running the PTA cake sale!"
    code, out, err = _default_fix(text)
    assert out == text + "\n" and code == 1
    assert "if this is an adult" in err and "if it is a child, write \u201cSarah\u201d" in err
    # The roster says she is a pupil: then the fix is safe.
    roster = tmp_path / "roster.csv"
    roster.write_text("first_name,last_name\nSarah,Jones\n", encoding="utf-8")
    code, out, _ = _default_fix(text, "--roster", str(roster))
    assert out == "Thank you to Sarah for running the PTA cake sale!\n"


def test_a_name_under_a_right_to_left_override_is_reported_not_fixed() -> None:
    # Found by the settling property test: the checked text is the shown order, reversed
    # from the stored one, so a fix would cut the wrong words, round after round.
    text = "\u202e Well done Well done J\u0430mes"
    code, out, err = _default_fix(text)
    assert out == text + "\n" and code == 1 and "names a child by their full name" in err
