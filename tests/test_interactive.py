"""`tweetguard check` with no path on a terminal: it asks for the draft and the posting time.

Driven through a real pseudo-terminal, as a head teacher would use it.
"""

from __future__ import annotations

import os
import pty
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import run_cli

TIMEOUT = 20.0
ROSTER = Path(__file__).parent / "corpus" / "roster.csv"


class Terminal:
    """A tweetguard process on a pseudo-terminal: wait for text, then type."""

    def __init__(self, args: list[str], cwd: Path, **env_vars: str) -> None:
        self.master, slave = pty.openpty()
        env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "200", "TERM": "dumb", **env_vars}
        for name in [k for k, v in env.items() if v == ""]:
            del env[name]  # "" unsets
        self.process = subprocess.Popen([sys.executable, "-m", "tweetguard", "check", *args], stdin=slave,
                                        stdout=slave, stderr=slave, cwd=cwd, env=env, close_fds=True)
        os.close(slave)
        self.output = ""

    def _read(self, deadline: float) -> bool:
        ready, _, _ = select.select([self.master], [], [], max(0.0, deadline - time.monotonic()))
        if not ready:
            return False
        try:
            chunk = os.read(self.master, 4096)
        except OSError:  # the other end closed: the process has finished
            return False
        if not chunk:
            return False
        self.output += chunk.decode("utf-8", "replace").replace("\r\n", "\n")
        return True

    def expect(self, text: str) -> None:
        deadline = time.monotonic() + TIMEOUT
        while text not in self.output:
            if not self._read(deadline):
                raise AssertionError(f"never saw {text!r}; got:\n{self.output}")

    def type(self, line: str) -> None:
        os.write(self.master, (line + "\n").encode("utf-8"))

    def finish(self) -> int:
        deadline = time.monotonic() + TIMEOUT
        while self._read(deadline):
            pass
        code = self.process.wait(timeout=TIMEOUT)
        os.close(self.master)
        return code


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return tmp_path  # no config file above it, so the defaults apply


def test_out_of_hours_draft_says_when_it_may_go_out(folder: Path) -> None:
    term = Terminal(["--select", "schedule"], folder)
    term.expect("Type or paste your draft tweet")
    term.type("Reminder: reading records are due in on Monday.")
    term.type("Thank you, families!")
    term.type("")
    term.type("")
    term.expect("When will it be posted?")
    term.type("2026-03-14 10:00")  # a Saturday
    term.expect("Is it about a school event happening then")
    term.type("")  # neither
    term.expect("check it again")
    term.type("")  # finished
    code = term.finish()
    assert code == 1
    out = term.output
    assert "Checking your draft for posting on Saturday 14 March at 10:00am." in out
    assert "outside school posting hours" in out
    assert "It may go out from Monday 16 March at 8:00am" in out
    # Both lines of the draft were checked as one tweet.
    assert "Checked 1 draft" in out


def test_a_time_it_cannot_read_is_asked_again(folder: Path) -> None:
    term = Terminal(["--select", "schedule"], folder)
    term.expect("Type or paste")
    term.type("Well done to everyone in Year 5 for a brilliant assembly.")
    term.type("")
    term.type("")
    term.expect("When will it be posted?")
    term.type("next-ish")
    term.expect("Sorry, 'next-ish' is not a time I understand")
    term.type("2026-03-11 10:00")  # a Wednesday morning
    term.expect("check it again")
    term.type("")  # finished
    code = term.finish()
    assert code == 0
    assert "Ready to post" in term.output and "Wednesday 11 March at 10:00am" in term.output
    assert "Traceback" not in term.output
    assert "has already passed" in term.output  # 11 March 2026 is behind us: said, then checked


def test_a_time_typed_in_words_and_day_first(folder: Path) -> None:
    term = Terminal(["--select", "schedule"], folder)
    term.expect("Type or paste")
    term.type("Year 5, a brilliant assembly today.")
    term.type("")
    term.type("")
    term.expect("When will it be posted?")
    term.type("07/12/2099 7pm")  # a Monday evening, day first as the UK writes it
    term.expect("Is it about a school event happening then")
    term.type("")
    term.expect("check it again")
    term.type("")  # finished
    code = term.finish()
    assert code == 1 and "Monday 7 December at 7:00pm" in term.output
    assert "already passed" not in term.output


def test_ctrl_d_ends_the_draft_and_enter_means_now(folder: Path) -> None:
    term = Terminal(["--select", "length"], folder)
    term.expect("Type or paste")
    term.type("PE kits on Thursday please, Year 2.")
    os.write(term.master, b"\x04")  # Ctrl-D
    term.expect("When will it be posted?")
    term.type("")
    term.expect("check it again")
    term.type("")  # finished
    code = term.finish()
    assert code == 0
    assert "Checking your draft for posting now." in term.output and "Ready to post" in term.output


def test_nothing_typed_is_a_one_line_error(folder: Path) -> None:
    term = Terminal([], folder)
    term.expect("Type or paste")
    # Wait for the line prompt: readline sets the terminal up before it shows it, and an
    # end-of-file typed before then can be lost when it does (a loaded machine showed it).
    term.expect("> ")
    os.write(term.master, b"\x04")
    code = term.finish()
    assert code == 2
    assert "no draft was typed" in term.output and "Traceback" not in term.output


def test_a_pasted_draft_keeps_every_paragraph(folder: Path) -> None:
    """Single empty lines between paragraphs belong to the draft; two end it."""
    term = Terminal(["--select", "names", "--at", "2026-03-11T10:00"], folder)
    term.expect("two empty lines")
    for line in ("What a week in Year 4!", "", "Special mention to Ellie Thornton for her poem.", "",
                 "See you all on Monday."):
        term.type(line)
    term.type("")
    term.type("")
    term.expect("check it again")
    term.type("")  # finished
    code = term.finish()
    assert code == 1, term.output
    assert "Ellie Thornton" in term.output  # the second paragraph was checked
    assert "Checked 1 draft" in term.output and "When will it be posted" not in term.output


def test_a_school_event_out_of_hours_is_asked_and_allowed(folder: Path) -> None:
    term = Terminal(["--select", "schedule", "--at", "2026-03-14T10:00"], folder)
    term.expect("Type or paste")
    term.type("Great effort from everyone on the field this morning.")
    term.type("")
    term.type("")
    term.expect("Is it about a school event happening then")
    term.type("e")
    term.expect("check it again")
    term.type("")  # finished
    code = term.finish()
    assert code == 0, term.output
    assert "Ready to post" in term.output


def test_inside_hours_the_occasion_is_not_asked(folder: Path) -> None:
    term = Terminal(["--select", "schedule", "--at", "2026-03-11T10:00"], folder)
    term.expect("Type or paste")
    term.type("PE kits on Thursday please, Year 2.")
    term.type("")
    term.type("")
    term.expect("check it again")
    term.type("")
    code = term.finish()
    assert code == 0 and "Is it about a school event" not in term.output


def test_ctrl_c_exits_130(folder: Path) -> None:
    term = Terminal([], folder)
    term.expect("> ")  # the prompt is reading a line
    # What Ctrl-C sends. Sent again if it went unseen: a SIGINT that lands just before
    # readline's select() (a CPython race, hit on a loaded machine) waits for a key press.
    deadline = time.monotonic() + TIMEOUT
    while term.process.poll() is None and time.monotonic() < deadline:
        term.process.send_signal(signal.SIGINT)
        try:
            term.process.wait(timeout=2)
        except subprocess.TimeoutExpired:
            continue
    assert term.finish() == 130
    assert "Traceback" not in term.output


def test_at_a_time_already_past_is_said_at_a_terminal_only(folder: Path) -> None:
    term = Terminal(["--text", "Year 6, PE kits tomorrow please.", "--at", "2026-03-11 10:00"], folder)
    assert term.finish() == 0
    assert "has already passed; checked as if posted then" in term.output
    term = Terminal(["--text", "Year 6, PE kits tomorrow please.", "--at", "07/12/2099 10:00"], folder)
    assert term.finish() == 0 and "already passed" not in term.output
    # Not at a terminal (CI pins old times on purpose): nothing said.
    code, _, err = run_cli("check", "--text", "Year 6, PE kits tomorrow please.", "--at", "2026-03-11 10:00")
    assert code == 0 and err == ""


LONG_TARGETED = ("Well done Josh Smith for a much better lesson today, we are all so proud of how hard you "
                 "worked on your fractions this week!")


def test_at_80_columns_lines_wrap_between_words(folder: Path) -> None:
    term = Terminal(["--text", LONG_TARGETED, "--at", "2099-03-11T10:00"], folder, COLUMNS="80")
    assert term.finish() == 1
    lines = [line for line in term.output.splitlines() if line.strip()]
    assert max(len(line) for line in lines) <= 80 and len(lines) > 8
    # The same words as the unwrapped report (a pipe), in the same order: none was cut in two.
    _, piped, _ = run_cli("check", "--text", LONG_TARGETED, "--at", "2099-03-11T10:00")
    assert term.output.split() == piped.split()
    body = [line for line in lines if "lesson" in line or "fractions" in line]
    assert body and all(line.startswith("    ") for line in body)  # the draft's lines stay indented


def test_dumb_terminals_get_marks_and_force_color_gets_colour(folder: Path) -> None:
    term = Terminal(["--text", "Well done Josh Smith", "--at", "2099-03-11T10:00"], folder, NO_COLOR="")
    term.finish()
    assert "»Josh Smith«" in term.output and "\x1b[" not in term.output  # TERM=dumb: no colour, marks
    term = Terminal(["--text", "Well done Josh Smith", "--at", "2099-03-11T10:00"], folder, NO_COLOR="",
                    TERM="xterm-256color")
    term.finish()
    assert "\x1b[" in term.output and "»" not in term.output
    code, out, _ = run_cli("check", "--text", "Well done Josh Smith", "--at", "2099-03-11T10:00", "--color", "always")
    assert "\x1b[" in out
    term = Terminal(["--text", "Well done Josh Smith", "--at", "2099-03-11T10:00"], folder, FORCE_COLOR="1")
    term.finish()
    assert "\x1b[" in term.output  # FORCE_COLOR wins over NO_COLOR and TERM=dumb
    term = Terminal(["--text", "Well done Josh Smith", "--at", "2099-03-11T10:00", "--color", "never"], folder,
                    NO_COLOR="", TERM="xterm-256color")
    term.finish()
    assert "\x1b[" not in term.output and "»Josh Smith«" in term.output


def test_a_bracketed_paste_arrives_whole_even_with_two_empty_lines_inside(folder: Path) -> None:
    """A terminal that offers bracketed paste marks a paste's start and end: the whole paste is
    the draft, even two empty lines in a row inside it (which, typed, would end it)."""
    term = Terminal(["--select", "names", "--at", "2099-03-11T10:00"], folder, TERM="xterm")
    term.expect("two empty lines")
    paste = "What a week in Year 4!\r\r\rSpecial mention to Ellie Thornton for her poem.\r\rSee you Monday."
    os.write(term.master, b"\x1b[200~" + paste.encode() + b"\x1b[201~")
    term.type("")  # Enter, then two empty lines end the draft
    term.type("")
    term.type("")
    term.expect("check it again")
    term.type("")
    code = term.finish()
    assert code == 1, term.output
    assert "“Ellie Thornton” names a child" in term.output  # the paragraph after two empty lines was checked
    assert "Checked 1 draft" in term.output


def test_the_corrected_draft_is_shown_ready_to_copy_and_a_new_version_is_checked(folder: Path) -> None:
    term = Terminal(["--at", "2099-03-11T10:00"], folder)
    term.expect("Type or paste")
    for line in ("A brilliant assembly from Year 3 today.", "", "Thank you to Ellie Thornton and Tom Reid",
                 "for reading so clearly.", "", ""):
        term.type(line)
    term.expect("check it again")
    corrected = term.output.split("ready to copy:", 1)[1]
    # The whole draft, every paragraph, with only the names shortened, each line as typed.
    assert ("\nA brilliant assembly from Year 3 today.\n\nThank you to Ellie and Tom\nfor reading so clearly.\n"
            in corrected), term.output
    term.type("y")
    term.expect("Type or paste the new version")
    term.type("Year 3, what a brilliant assembly today!")
    term.type("")
    term.type("")
    term.expect("Checked 1 draft: no problems found")
    term.expect("check it again")
    term.type("")
    assert term.finish() == 0  # the last version's verdict
    assert term.output.count("Checked 1 draft") == 2 and "When will it be posted" not in term.output


def test_a_draft_with_a_problem_no_fix_can_mend_says_so(folder: Path) -> None:
    term = Terminal(["--at", "2099-03-11T10:00", "--roster", str(ROSTER)], folder)
    term.expect("Type or paste")
    for line in ("Well done Ellie Thornton for a much better lesson today", "", ""):
        term.type(line)
    term.expect("check it again")
    term.type("")
    assert term.finish() == 1
    assert "still needs 1 change only you can make" in term.output
    assert "\nWell done Ellie for a much better lesson today\n" in term.output
