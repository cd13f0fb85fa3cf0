"""Nothing hangs and nothing fills memory: only regular files are read, standard input is capped.

A FIFO named like a draft, a link to /dev/zero, /dev/zero itself (as a draft, a JSON Lines
collection, a roster or a config) and endless standard input each give a one-line error
naming the file (exit 2) while the other drafts are still checked. Runs are subprocesses
with a timeout and a memory limit, so a regression fails instead of hanging the suite.
"""

from __future__ import annotations

import os
import resource
import socket
import subprocess
import sys
from pathlib import Path
from typing import Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tweetguard.core.files import FileRefused, read_capped
from tweetguard.sources.collect import read_arguments
from tweetguard.sources.draft_file import MAX_FILE_BYTES

AT = "2026-11-24T10:00"
GOOD = "Sports day is on Friday afternoon: bring a water bottle!"
TWEETGUARD = [sys.executable, "-m", "tweetguard"]
MEMORY_LIMIT = 1_500_000_000  # far above a normal run, far below "reads /dev/zero whole"
SMALL_MEMORY_LIMIT = 250_000_000  # a run stays well under this; a 300 MB row read whole does not


def tweetguard(*args: str, cwd: Path, stdin: int | None = subprocess.DEVNULL,
               memory: int = MEMORY_LIMIT) -> subprocess.CompletedProcess[str]:
    def limit_memory() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))

    return subprocess.run([*TWEETGUARD, "check", "--at", AT, "--jobs", "1", *args], cwd=cwd, stdin=stdin,
                          capture_output=True, text=True, timeout=60, preexec_fn=limit_memory)


def assert_refused(run: subprocess.CompletedProcess[str], name: str) -> None:
    assert run.returncode == 2, run.stderr
    assert "Traceback" not in run.stderr and "MemoryError" not in run.stderr
    lines = [line for line in run.stderr.splitlines() if name in line]
    assert len(lines) == 1 and "not a regular file" in lines[0], run.stderr


def _fifo(path: Path) -> None:
    os.mkfifo(path)


def _link_to_zero(path: Path) -> None:
    path.symlink_to("/dev/zero")


def _link_to_null(path: Path) -> None:
    path.symlink_to("/dev/null")


def _socket(path: Path) -> None:
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(path))  # left bound: the file stays a socket for the run


SPECIAL_FILES: dict[str, Callable[[Path], None]] = {
    "fifo": _fifo, "link to /dev/zero": _link_to_zero, "link to /dev/null": _link_to_null, "socket": _socket,
}


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(kind=st.sampled_from(sorted(SPECIAL_FILES)), suffix=st.sampled_from([".txt", ".md", ".jsonl", ".yaml"]),
       in_folder=st.booleans())
def test_a_special_file_is_refused_and_the_others_are_checked(tmp_path_factory: pytest.TempPathFactory,
                                                               kind: str, suffix: str, in_folder: bool) -> None:
    folder = tmp_path_factory.mktemp("drafts")
    (folder / "good.txt").write_text(GOOD)
    special = folder / f"x{suffix}"
    SPECIAL_FILES[kind](special)
    if in_folder and suffix in (".txt", ".md"):
        run = tweetguard(".", "--format", "jsonl", cwd=folder)
    else:
        run = tweetguard("good.txt", special.name, "--format", "jsonl", cwd=folder)
    assert_refused(run, special.name)


def test_a_fifo_in_a_folder_does_not_hang_and_the_good_draft_is_reported(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("Well done Ella Thornton!")
    os.mkfifo(tmp_path / "x.txt")
    run = tweetguard(".", "--format", "json", cwd=tmp_path)
    assert_refused(run, "x.txt")
    assert '"source": "good.txt"' in run.stdout.replace("./", "")


def test_dev_zero_named_directly_is_refused(tmp_path: Path) -> None:
    assert_refused(tweetguard("/dev/zero", cwd=tmp_path), "/dev/zero")


@pytest.mark.parametrize("option", ["--roster", "--config"])
def test_dev_zero_as_a_roster_or_config_is_refused(tmp_path: Path, option: str) -> None:
    (tmp_path / "good.txt").write_text(GOOD)
    run = tweetguard(option, "/dev/zero", "good.txt", cwd=tmp_path)
    assert run.returncode == 2 and "Traceback" not in run.stderr, run.stderr
    assert len(run.stderr.strip().splitlines()) == 1 and "/dev/zero" in run.stderr


def test_a_fifo_as_the_roster_does_not_hang(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(GOOD)
    os.mkfifo(tmp_path / "roster.csv")
    run = tweetguard("--roster", "roster.csv", "good.txt", cwd=tmp_path)
    assert run.returncode == 2 and "not a regular file" in run.stderr, run.stderr


def test_endless_standard_input_is_capped(tmp_path: Path) -> None:
    with open("/dev/zero", "rb") as zeros:
        run = tweetguard("-", cwd=tmp_path, stdin=zeros.fileno())
    assert run.returncode == 2, run.stderr
    assert "<stdin>" in run.stderr and "far too long" in run.stderr and "Traceback" not in run.stderr


class EndlessStream:
    """Standard input that never ends: reading it whole would fill memory."""

    def __init__(self) -> None:
        self.bytes_read = 0

    def read(self, size: int = -1) -> bytes:
        assert size >= 0, "standard input must be read with a limit"
        self.bytes_read += size
        return b"a" * size


def test_standard_input_is_read_no_further_than_a_file_may_be_long() -> None:
    stream = EndlessStream()
    items = list(read_arguments(["-"], None, stream))  # type: ignore[arg-type]
    assert len(items) == 1 and "far too long" in str(items[0])
    assert stream.bytes_read == MAX_FILE_BYTES + 1
    with pytest.raises(FileRefused):
        read_capped(EndlessStream(), 10, "a test")  # type: ignore[arg-type]


def test_an_endless_json_lines_row_is_skipped_without_reading_it_into_memory(tmp_path: Path) -> None:
    with open(tmp_path / "big.jsonl", "wb") as handle:
        handle.write(b'{"text": "' + b"a" * 300_000_000 + b'"}\n')
        handle.write(b'{"text": "Well done Ella Thornton!"}\n')
    run = tweetguard("big.jsonl", "--format", "jsonl", cwd=tmp_path, memory=SMALL_MEMORY_LIMIT)
    assert run.returncode == 2 and "big.jsonl:1" in run.stderr and "far too long" in run.stderr, run.stderr
    assert "big.jsonl:2" in run.stdout
