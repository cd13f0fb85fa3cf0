"""``tweetguard evaluate``: counts and scores on a tiny hand-made corpus with known answers."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from tweetguard.cli import cli
from tweetguard.evaluate import Counts

# Two offensive drafts (one missed on purpose: no rule knows this word), one false alarm
# that a reviewer labelled clean, and one clean draft.
CORPUS = [
    {"id": "a", "text": "What a crap day for Sports Day!", "expected": ["offensive"]},
    {"id": "b", "text": "Our bake sale was a bit zoggin brilliant!", "expected": ["offensive"]},
    {"id": "c", "text": "Bloody brilliant effort from everyone!", "expected": [], "note": "labelled clean"},
    {"id": "d", "text": "Year 2 loved the farm visit.", "expected": []},
]


def write(tmp_path: Path, items: list[dict[str, object]]) -> Path:
    path = tmp_path / "corpus.jsonl"
    path.write_text("\n".join(json.dumps(i) for i in items) + "\n", encoding="utf-8")
    return path


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["evaluate", *args])
    return result.exit_code, result.stdout, result.stderr


def test_counts_and_scores_per_category(tmp_path: Path) -> None:
    code, out, _ = run(str(write(tmp_path, CORPUS)), "--format", "json", "--show-errors")
    assert code == 0
    report = json.loads(out)
    offensive = report["categories"]["offensive"]
    assert (offensive["tp"], offensive["fp"], offensive["fn"]) == (1, 1, 1)
    assert offensive["precision"] == 0.5 and offensive["recall"] == 0.5 and offensive["f1"] == 0.5
    assert report["drafts"] == 4
    misses = {(m["id"], m["error"]) for m in report["misclassified"]}
    assert misses == {("b", "false negative"), ("c", "false positive")}


def test_text_table_and_errors(tmp_path: Path) -> None:
    code, out, _ = run(str(write(tmp_path, CORPUS)), "--category", "offensive", "--show-errors")
    assert code == 0
    row = next(line for line in out.splitlines() if line.startswith("offensive"))
    assert row.split() == ["offensive", "1", "1", "1", "0.500", "0.500", "0.500"]
    assert "b: offensive false negative" in out and "c: offensive false positive" in out
    assert "names" not in out.split("Misclassified")[0]


def test_fail_under_exits_1_below_target(tmp_path: Path) -> None:
    path = str(write(tmp_path, CORPUS))
    assert run(path, "--category", "offensive", "--fail-under", "0.9")[0] == 1
    assert run(path, "--category", "offensive", "--fail-under", "0.4")[0] == 0


@pytest.mark.parametrize(("line", "message"), [
    ("{not json", "not valid JSON"),
    ('{"text": "hi"}', "'expected' must be a list"),
    ('{"text": "hi", "expected": ["rudeness"]}', "unknown category 'rudeness'"),
    ('{"text": "hi", "expected": [], "colour": "red"}', "unknown key 'colour'"),
])
def test_bad_corpus_line_is_one_line_error_exit_2(tmp_path: Path, line: str, message: str) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"text": "ok", "expected": []}\n' + line + "\n", encoding="utf-8")
    code, _, err = run(str(path))
    assert code == 2
    assert f"{path}:2" in err and message in err and "Traceback" not in err


def test_missing_corpus_exit_2(tmp_path: Path) -> None:
    code, _, err = run(str(tmp_path / "none.jsonl"))
    assert code == 2 and "corpus not found" in err


def test_counts_with_nothing_predicted_or_expected() -> None:
    assert Counts().f1 is None and Counts().precision is None
    assert Counts(fn=2).recall == 0.0 and Counts(fn=2).precision is None and Counts(fn=2).f1 == 0.0


def test_runs_as_python_module(tmp_path: Path) -> None:
    path = write(tmp_path, CORPUS)
    done = subprocess.run([sys.executable, "-m", "tweetguard.evaluate", str(path), "--category", "offensive"],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert "offensive" in done.stdout and "(4 drafts)" in done.stdout
