"""``tweetguard check`` without click: the quick reader (commands/quick.py) reads a command
line exactly as click does, or leaves it to click; either way the run is the same."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import click
import pytest
from conftest import REPO, run_cli

from tweetguard.commands import check, quick

ROSTER = str(REPO / "tests" / "corpus" / "roster.csv")
DRAFTS = str(REPO / "examples" / "drafts")


def _click_reads(args: list[str], monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """The parameters click hands to the check command for ``args``."""
    seen: dict[str, Any] = {}

    def record(*values: Any) -> None:
        names = ["paths", "text", "at", "occasion", "reply_to", "media", "only_scheduled", "format_name",
                 "config_path", "rule_dirs", "roster", "select", "ignore", "timezone", "strict", "exit_zero",
                 "quiet", "verbose", "statistics", "fix", "diff", "redact", "jobs", "color", "platform"]
        seen.update(zip(names, values))

    monkeypatch.setattr(check, "run_check", record)
    check.command.main(args=args, prog_name="tweetguard check", standalone_mode=False)
    return seen


def test_the_quick_reader_knows_every_option_click_declares() -> None:
    declared = {}
    for param in check.command.params:
        if isinstance(param, click.Option):
            kind = quick.FLAG if param.is_flag else quick.MANY if param.multiple else quick.VALUE
            if isinstance(param.type, click.Path):
                kind = quick.PATHS if param.multiple else quick.FILE
            for opt in param.opts:
                declared[opt] = (param.name, kind)
            # click 8.3 says "no default" with a sentinel; jobs' "auto" is resolved after reading
            default = param.default if isinstance(param.default, (str, bool, tuple, list)) else None
            default = None if param.name == "jobs" else False if param.is_flag and default is None else default
            assert quick.DEFAULTS[param.name] == (tuple(default or ()) if param.multiple else default), param.name
            if isinstance(param.type, click.Choice) and param.name in quick.CHOICES:
                assert tuple(param.type.choices) == quick.CHOICES[param.name]
    assert declared == quick.OPTIONS
    assert set(quick.DEFAULTS) == {p.name for p in check.command.params if isinstance(p, click.Option)}


@pytest.mark.parametrize("args", [
    [DRAFTS],
    [DRAFTS, "--at", "2026-03-11T10:00", "--format", "json"],
    ["--format=sarif", DRAFTS, "-q", "--roster", ROSTER, "examples/roster.csv", "-v"],
    ["--text", "Well done Year 6!", "--occasion", "urgent", "--media", "a.jpg", "--media=b.jpg", "--reply-to", "@x"],
    ["-", "--select", "names,tone", "--select", "offensive", "--ignore", "tweet-too-long", "--strict"],
    [DRAFTS, "--rules", "tests", "--rules=examples", "--timezone", "Europe/Paris", "--exit-zero", "--statistics"],
    [DRAFTS, "-j", "1", "--redact", "--diff", "--platform", "bluesky"], [DRAFTS, "--jobs=2", "--fix", "--only-scheduled"],
    [DRAFTS, "--config", "pyproject.toml", "--at="], ["--text", "", "a b.txt", "--roster", "missing.csv"],
])
def test_the_quick_reader_reads_as_click_does(args: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    monkeypatch.setattr(sys.stdin, "isatty", lambda: False)
    assert quick.read_check_arguments(args) == _click_reads(args, monkeypatch)


def test_jobs_from_the_environment_as_click_reads_it(monkeypatch: pytest.MonkeyPatch) -> None:
    for value in ("3", "", "auto"):
        monkeypatch.setenv("TWEETGUARD_JOBS", value)
        assert quick.read_check_arguments([DRAFTS]) == _click_reads([DRAFTS], monkeypatch)
    assert quick.read_check_arguments([DRAFTS, "-j", "1"])["jobs"] == 1  # the option wins


@pytest.mark.parametrize("args", [
    ["--help"], [DRAFTS, "-h"], [DRAFTS, "--frmat", "json"], [DRAFTS, "-qv"], [DRAFTS, "-j2"], [DRAFTS, "--jobs", "0"],
    [DRAFTS, "--jobs", "many"], [DRAFTS, "--format", "xml"], [DRAFTS, "--occasion", "party"], [DRAFTS, "--at"],
    [DRAFTS, "--roster", "tests"], [DRAFTS, "--config", "tests"], [DRAFTS, "--at", "a", "--at", "b"],
    [DRAFTS, "--text", "-5 degrees"], ["--", DRAFTS], [DRAFTS, "--strict=yes"], [DRAFTS, "-x"],
])
def test_anything_click_would_answer_is_left_to_click(args: list[str]) -> None:
    assert quick.read_check_arguments(args) is None


def test_the_prompt_at_a_terminal_is_left_to_click(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)
    assert quick.read_check_arguments([]) is None
    assert quick.read_check_arguments(["--text", "hi"]) is not None


@pytest.mark.parametrize("args,says", [
    (["check", DRAFTS, "--frmat", "json"], "No such option '--frmat'"),
    (["check", DRAFTS, "--jobs", "0"], "0 is too few"),
    (["check", DRAFTS, "--format", "xml"], "'xml' is not one of"),
])
def test_what_click_says_is_still_said(args: list[str], says: str) -> None:
    code, _, err = run_cli(*args)
    assert code == 2 and says in err


CHECK_AND_SAY_WHETHER_CLICK_CAME = """
import sys
from tweetguard.cli import main
try:
    main(sys.argv[1:])
except SystemExit as exc:
    print("EXIT", exc.code, "CLICK", "click" in sys.modules, file=sys.stderr)
"""


@pytest.mark.parametrize("args,imports_click", [
    (["check", DRAFTS, "--at", "2026-03-11T10:00", "--format", "json", "--roster", ROSTER], False),
    (["check", "--text", "Well done Year 6!", "--at", "2026-03-11T10:00"], False),
    (["check", DRAFTS, "--frmat", "json"], True),
    (["rules"], True),
])
def test_checking_drafts_does_not_import_click(args: list[str], imports_click: bool) -> None:
    done = subprocess.run([sys.executable, "-c", CHECK_AND_SAY_WHETHER_CLICK_CAME, *args], capture_output=True,
                          text=True, cwd=REPO, timeout=120, env={**os.environ, "NO_COLOR": "1"}, check=False)
    assert done.stderr.strip().splitlines()[-1].endswith(f"CLICK {imports_click}"), done.stderr


def test_the_quick_and_the_click_check_print_the_same(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    args = ["check", DRAFTS, "--roster", ROSTER, "--at", "2026-03-11T21:00", "--format", "text", "-v"]
    quick_run = run_cli(*args)
    monkeypatch.setattr(quick, "read_check_arguments", lambda arguments: None)  # everything to click
    assert run_cli(*args) == quick_run
    assert quick_run[0] == 1 and "posting-hours" in quick_run[1]
