"""Checking in worker processes: the same report, byte for byte, as checking in one process.

Many drafts are checked in a pool of forked workers (``--jobs``); results must still reach
the reporter in input order with the same content, counts and exit code, and nothing may be
read far ahead (memory stays flat).
"""

from __future__ import annotations

import json
import os
import random
from datetime import datetime
from pathlib import Path
from typing import Iterator

import pytest
from conftest import REPO, WEEKDAY_MORNING, run_cli

from tweetguard.catalogue.loader import load_catalogue
from tweetguard.core.errors import TweetguardError
from tweetguard.core.model import Draft, DraftResult
from tweetguard.core.settings import Settings
from tweetguard.engine import runner
from tweetguard.engine.checker import Engine

AT = "2026-03-11T10:00"
ROSTER = REPO / "tests" / "corpus" / "roster.csv"
# Fictional pupils (some in the test roster) and a mix of drafts that pass and fail.
FIRST = ["Tom", "Ellie", "Maya", "Ella", "Noah", "Isla", "Arjun", "Freya"]
LAST = ["Reid", "Thornton", "Singh", "Ward", "Okafor", "Marsh"]
TEMPLATES = [
    "Well done to Year {n} for a fantastic assembly this morning!",
    "Reminder: PE kits are needed on Friday, Year {n}.",
    "Well done {first} {last} for a brilliant week in Year {n}!",
    "Happy birthday {first}! Have a lovely day",
    "If you have lost property please call Mrs Bloggs on 07700 900{n}21.",
    "Sorry, the damn boiler is broken again.",
    "Thank you to everyone who came to the book fair. #OakfieldFamily",
    "Email jo.bloggs@hotmail.co.uk to volunteer for sports day.",
]
BACKTRACKING_RULE = """\
rules:
  - id: slow-pattern
    category: tone
    severity: warning
    kind: pattern
    policy: a school's own rule with a careless regex
    message: ends in a word
    pattern: '(\\w|[a-z])+$'
    examples: {bad: [abc], good: ['!']}
"""
# On this draft the rule above backtracks until the regex timeout stops it.
LONG_WORD_DRAFT = "#SportsDayAtOakfieldPrimarySchoolWasBrilliantThankYouAll!"


def _text(rng: random.Random) -> str:
    return rng.choice(TEMPLATES).format(first=rng.choice(FIRST), last=rng.choice(LAST), n=rng.randint(1, 6))


def _write_jsonl(path: Path, count: int, rng: random.Random, extra: dict[int, str] | None = None) -> None:
    """``count`` rows, some of them broken; ``extra`` puts given texts on given rows."""
    lines = []
    for index in range(count):
        row: dict[str, object] = {"id": f"d{index}", "text": (extra or {}).get(index) or _text(rng)}
        if index % 13 == 0:
            row["scheduled"] = f"2026-03-{10 + index % 7:02d}T{7 + index % 14:02d}:15"
        if index % 97 == 0:
            row["tweetguard"] = {"allow": {"offensive": "quoting a parent's complaint, agreed with the head"}}
        lines.append(json.dumps(row))
        if index % 151 == 0:
            lines.append("{not json")
        if index % 211 == 0:
            lines.append(json.dumps({"id": "no-text"}))
        if index % 307 == 0:
            lines.append(json.dumps({"text": "Sports day", "scheduled": "next week"}))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _write_folder(folder: Path, rng: random.Random) -> None:
    """Draft files: plain, with front matter, a thread, and some that cannot be read."""
    folder.mkdir()
    for index in range(60):
        text = _text(rng)
        if index % 5 == 0:
            text = f"---\nscheduled: 2026-03-12T{8 + index % 10:02d}:30\n---\n{text}"
        if index % 17 == 0:
            text = f"{text}\n---\n{_text(rng)}"
        (folder / f"draft-{index:03d}.txt").write_text(text + "\n", encoding="utf-8")
    (folder / "bad-date.txt").write_text("---\nscheduled: someday\n---\nHello Year 3!\n", encoding="utf-8")
    (folder / "unclosed.txt").write_text("---\noccasion: event\nHello Year 3!\n", encoding="utf-8")
    (folder / "unknown-key.txt").write_text("---\nwhen: today\n---\nHello Year 3!\n", encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")


@pytest.fixture()
def drafts(tmp_path: Path) -> tuple[Path, Path]:
    rng = random.Random(5)
    collection = tmp_path / "drafts.jsonl"
    _write_jsonl(collection, 2000, rng)
    folder = tmp_path / "folder"
    _write_folder(folder, rng)
    return collection, folder


@pytest.fixture()
def collection(tmp_path: Path) -> Path:
    """Enough drafts for the pool to start (a few chunks past the serial start)."""
    path = tmp_path / "some.jsonl"
    _write_jsonl(path, runner.SERIAL_FIRST + 8 * runner.CHUNK, random.Random(6))
    return path


@pytest.fixture()
def pool_results(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts the drafts whose results came back from a worker process."""
    counted: list[int] = []
    unpack = runner._unpack

    def counting(*args: object) -> runner.Checked:
        counted.append(1)
        return unpack(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(runner, "_unpack", counting)
    return counted


def _check(*args: str) -> tuple[int, str, str]:
    return run_cli("check", *args, "--at", AT)


@pytest.mark.parametrize("fmt", ["json", "text"])
def test_workers_give_the_same_report_byte_for_byte(drafts: tuple[Path, Path], pool_results: list[int],
                                                     fmt: str) -> None:
    collection, folder = drafts
    args = (str(collection), str(folder), "--roster", str(ROSTER), "--format", fmt)
    serial = _check(*args, "--jobs", "1")
    assert not pool_results
    parallel = _check(*args, "--jobs", "2")
    assert len(pool_results) > 1500  # most drafts really were checked by workers
    assert parallel == serial
    code, out, err = serial
    assert code == 2  # unreadable rows and files
    assert "Traceback" not in err
    if fmt == "json":
        report = json.loads(out)
        assert report["summary"]["drafts"] == len(report["drafts"]) > 2000
        assert report["summary"]["unreadable"] == err.count("tweetguard: ") > 10
        assert report["summary"]["errors"] > 0


def test_redacted_output_is_the_same_in_workers(collection: Path, pool_results: list[int]) -> None:
    args = (str(collection), "--roster", str(ROSTER), "--format", "json", "--redact")
    serial = _check(*args, "--jobs", "1")
    parallel = _check(*args, "--jobs", "2")
    assert pool_results
    assert parallel == serial
    assert "Reid" not in serial[1]


def test_a_rule_that_times_out_in_a_worker_is_reported_as_in_one_process(tmp_path: Path,
                                                                         pool_results: list[int]) -> None:
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "ours.yaml").write_text(BACKTRACKING_RULE, encoding="utf-8")
    collection = tmp_path / "drafts.jsonl"
    slow_rows = {runner.SERIAL_FIRST + 100: LONG_WORD_DRAFT, runner.SERIAL_FIRST + 400: LONG_WORD_DRAFT}
    _write_jsonl(collection, runner.SERIAL_FIRST + 600, random.Random(7), extra=slow_rows)
    args = (str(collection), "--rules", str(rules), "--format", "json")
    serial = _check(*args, "--jobs", "1")
    parallel = _check(*args, "--jobs", "2")
    assert pool_results
    assert parallel == serial
    code, _, err = parallel
    assert code == 2
    lines = [line for line in err.splitlines() if "slow-pattern" in line]
    assert len(lines) == 1 and "took too long" in lines[0] and "[2 drafts affected]" in lines[0]


@pytest.mark.parametrize("value", ["0", "-2", "many", "1.5"])
def test_jobs_must_be_a_positive_number_or_auto(value: str) -> None:
    code, _, err = run_cli("check", "--text", "Well done Year 2!", "--at", AT, "--jobs", value)
    assert code == 2
    assert "--jobs" in err and "Traceback" not in err


def test_jobs_comes_from_the_environment_too(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TWEETGUARD_JOBS", "0")
    assert run_cli("check", "--text", "Well done Year 2!", "--at", AT)[0] == 2
    monkeypatch.setenv("TWEETGUARD_JOBS", "auto")
    assert run_cli("check", "--text", "Well done Year 2!", "--at", AT)[0] == 0


def test_a_small_folder_never_starts_a_pool(drafts: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch) -> None:
    started: list[int] = []
    monkeypatch.setattr(runner, "_start_pool", lambda *args: started.append(1))
    _, folder = drafts
    code, out, _ = _check(str(folder), "--format", "json", "--jobs", "4")
    assert code == 2 and json.loads(out)["drafts"]
    assert not started


def _die(drafts: list[Draft]) -> runner.Returned:
    import os

    os._exit(1)  # a worker killed mid-run (out of memory, say)


def test_a_broken_pool_falls_back_to_one_process(collection: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    args = (str(collection), "--format", "json")
    serial = _check(*args, "--jobs", "1")
    monkeypatch.setattr(runner, "_check_chunk", _die)
    assert _check(*args, "--jobs", "2") == serial


def test_a_platform_without_fork_checks_in_one_process(collection: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import multiprocessing

    args = (str(collection), "--format", "json")
    serial = _check(*args, "--jobs", "1")
    monkeypatch.setattr(multiprocessing, "get_all_start_methods", lambda: ["spawn"])
    assert _check(*args, "--jobs", "2") == serial


class _Recorder:
    def __init__(self) -> None:
        self.sources: list[str] = []

    def draft(self, result: DraftResult) -> None:
        self.sources.append(result.draft.source)

    def problem(self, error: TweetguardError) -> None:
        self.sources.append(error.where)

    def finish(self, summary: runner.Summary) -> None:
        self.summary = summary


def test_reads_only_a_bounded_window_ahead_of_the_report() -> None:
    engine = Engine(load_catalogue(), Settings())
    read = [0]
    most_ahead = [0]
    recorder = _Recorder()
    rng = random.Random(3)

    def items() -> Iterator[Draft]:
        for index in range(3000):
            read[0] += 1
            most_ahead[0] = max(most_ahead[0], read[0] - len(recorder.sources))
            yield Draft(source=f"draft-{index}", text=_text(rng))

    summary = runner.run(items(), engine, WEEKDAY_MORNING, recorder, jobs=2)
    assert recorder.sources == [f"draft-{index}" for index in range(3000)]
    assert summary.drafts == 3000
    window = 2 * runner.IN_FLIGHT_PER_WORKER * runner.CHUNK
    assert runner.CHUNK < most_ahead[0] <= window  # read ahead to keep workers busy, but bounded


def test_the_posting_time_reaches_the_workers() -> None:
    """Drafts without 'scheduled' go out at the run's time in workers too (a Saturday here)."""
    engine = Engine(load_catalogue(), Settings())
    saturday = datetime(2026, 3, 14, 10, 0, tzinfo=WEEKDAY_MORNING.tzinfo)
    count = runner.SERIAL_FIRST + 3 * runner.CHUNK
    drafts = [Draft(source=f"d{index}", text="Reading records are due in on Monday.") for index in range(count)]
    categories: list[list[str]] = []

    class Categories(_Recorder):
        def draft(self, result: DraftResult) -> None:
            categories.append([v.category for v in result.violations])

    runner.run(drafts, engine, saturday, Categories(), jobs=2)
    assert len(categories) == count
    assert all("schedule" in found for found in categories)


def test_a_fork_that_fails_falls_back_to_one_process(collection: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    def no_fork() -> int:
        raise OSError(11, "Resource temporarily unavailable")

    args = (str(collection), "--format", "json")
    serial = _check(*args, "--jobs", "1")
    monkeypatch.setattr(os, "fork", no_fork)
    assert _check(*args, "--jobs", "2") == serial


def test_no_worker_is_left_running_after_a_run() -> None:
    """The pool is shut down and waited for once every result is in: a worker still exiting
    when Python does made it write to a closed pipe (a traceback now and then)."""
    import multiprocessing

    engine = Engine(load_catalogue(), Settings())
    rng = random.Random(5)
    drafts = [Draft(source=f"d{index}", text=_text(rng)) for index in range(runner.SERIAL_FIRST + 4 * runner.CHUNK)]
    assert multiprocessing.active_children() == []
    summary = runner.run(drafts, engine, WEEKDAY_MORNING, _Recorder(), jobs=2)
    assert summary.drafts == len(drafts)
    assert multiprocessing.active_children() == []


def test_a_worker_sends_what_it_added_to_the_start_up_cache_to_its_parent(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    engine = Engine(load_catalogue(), Settings())
    engine.cache.put("the parent's own", b"1")
    monkeypatch.setattr(runner, "_WORKER", None)
    # A worker's signal set-up (tests/test_lifetime.py) is not this test's, and not for pytest's process.
    monkeypatch.setattr(runner, "die_with_parent", lambda parent: None)
    runner._start_worker(engine, WEEKDAY_MORNING, os.getppid())
    engine.cache.put("compiled in the worker", b"2")
    packed, added = runner._check_chunk([Draft(source="d", text="Well done Year 6!")])
    assert len(packed) == 1
    assert added == {"compiled in the worker": b"2"}  # the parent's own additions stay the parent's
