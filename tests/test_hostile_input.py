"""Hostile and broken input: a clear one-line error, the other drafts still checked, exit 2.

Also: a rule whose regex backtracks is stopped by the timeout, tweetguard opens no network
connection, and `check` writes nothing.
"""

from __future__ import annotations

import json
import socket
import time
from pathlib import Path

import pytest
import regex
from click.testing import CliRunner

from tweetguard.cli import cli
from tweetguard.output import FORMAT_MODULES
from tweetguard.text.wordmatch import MATCH_TIMEOUT_SECONDS

WEEKDAY = "2026-03-11T10:00"
GOOD = "Sports day is on Friday afternoon: bring a water bottle!"

# Overlapping alternatives under a repeat, anchored at the end: on a long word followed by
# "!" the `regex` module tries every way of splitting the word (it optimises (a+)+$, not this).
BACKTRACKING = r"(\w|[a-z])+$"
LONG_WORD_DRAFT = "#SportsDayAtOakfieldPrimarySchoolWasBrilliantThankYouAll!"

CUSTOM_RULES = f"""\
rules:
  - id: slow-pattern
    category: tone
    severity: warning
    kind: pattern
    policy: a school's own rule with a careless regex
    message: ends in a word
    pattern: '{BACKTRACKING}'
    examples: {{bad: [abc], good: ['!']}}
  - id: no-sadly
    category: tone
    severity: error
    kind: lexicon
    policy: positive messages only
    message: avoid {{match}}
    words: [sadly]
    examples: {{bad: [sadly], good: [happily]}}
"""


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, [*args, "--at", WEEKDAY])
    return result.exit_code, result.stdout, result.stderr


def assert_one_line_errors(err: str, *fragments: str) -> None:
    assert "Traceback" not in err
    for fragment in fragments:
        lines = [line for line in err.splitlines() if fragment in line]
        assert len(lines) == 1, (fragment, err)


def test_the_pattern_really_backtracks() -> None:
    compiled = regex.compile(BACKTRACKING, regex.V1 | regex.IGNORECASE)
    started = time.perf_counter()
    with pytest.raises(TimeoutError):
        compiled.search(LONG_WORD_DRAFT, timeout=MATCH_TIMEOUT_SECONDS)
    assert time.perf_counter() - started < MATCH_TIMEOUT_SECONDS * 4


def test_a_backtracking_rule_is_stopped_and_named_and_the_others_still_run(tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    rules.mkdir()
    (rules / "ours.yaml").write_text(CUSTOM_RULES, encoding="utf-8")
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    (drafts / "a.txt").write_text(f"Sadly it rained. {LONG_WORD_DRAFT}", encoding="utf-8")
    (drafts / "b.txt").write_text(GOOD, encoding="utf-8")
    started = time.perf_counter()
    code, out, err = run("check", str(drafts), "--rules", str(rules), "--format", "json")
    assert time.perf_counter() - started < 10
    assert code == 2
    assert_one_line_errors(err, "slow-pattern")
    assert "ours.yaml" in err
    report = json.loads(out)
    by_name = {Path(d["source"]).name: d for d in report["drafts"]}
    assert set(by_name) == {"a.txt", "b.txt"}
    # The lexicon rule still ran on the draft that defeated the pattern.
    assert [v["rule"] for v in by_name["a.txt"]["violations"] if v["rule"] != "slow-pattern"] == ["no-sadly"]


def _write_hostile_files(folder: Path) -> dict[str, str]:
    """Each hostile file and a fragment its error must contain."""
    files: dict[str, tuple[bytes, str]] = {
        "huge.txt": (b"a" * 5_000_000, "too long"),
        "empty.txt": (b"", "empty"),
        "blank.md": (b"  \n\n", "empty"),
        "image.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary"),
        "latin1.txt": ("Caf\u00e9 opens on Friday".encode("latin-1"), "not UTF-8"),
        "bomb.md": (b"---\nid: &a [x, x, x, x, x, x, x, x, x]\nreply_to: &b [*a, *a, *a, *a, *a, *a, *a, *a]\n"
                    b"media: [*b, *b, *b, *b, *b, *b, *b, *b]\n---\nHello", "alias"),
        "nested.md": (b"---\nid: " + b"[" * 5000 + b"]" * 5000 + b"\n---\nHello", "nested"),
        "unclosed.md": (b"---\nscheduled: 2026-03-11T09:00\nHello", "closing"),
    }
    for name, (data, _) in files.items():
        (folder / name).write_bytes(data)
    return {name: fragment for name, (_, fragment) in files.items()}


def test_each_hostile_draft_gets_a_one_line_error_and_the_good_one_is_still_checked(tmp_path: Path) -> None:
    expected = _write_hostile_files(tmp_path)
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    started = time.perf_counter()
    code, out, err = run("check", str(tmp_path), "--format", "json")
    assert time.perf_counter() - started < 10  # hostile input fails fast
    assert code == 2
    assert "Traceback" not in err
    for name, fragment in expected.items():
        [line] = [line for line in err.splitlines() if name in line]
        assert fragment in line, line
        assert line.startswith(f"tweetguard: {tmp_path / name}")
    sources = [Path(d["source"]).name for d in json.loads(out)["drafts"]]
    assert sources == ["good.txt"]


def test_nested_front_matter_names_its_line(tmp_path: Path) -> None:
    draft = tmp_path / "deep.md"
    draft.write_text("---\nid: x\nmedia:\n" + "".join("  " * i + f"- k{i}:\n" for i in range(1, 40))
                     + "---\nHello", encoding="utf-8")
    code, _, err = run("check", str(draft))
    assert code == 2 and f"{draft}:" in err and "nested more than" in err
    assert_one_line_errors(err, "nested")


def test_broken_json_lines_row_is_named_by_its_line_and_the_rest_are_checked(tmp_path: Path) -> None:
    collection = tmp_path / "tweets.jsonl"
    collection.write_bytes(
        b'{"id": "a", "text": "Book fair on Tuesday."}\n'
        b'{"id": "b", "text": "broken\n'
        b'\n'
        b'["not", "an object"]\n'
        b'{"id": "c", "text": "Caf\xe9"}\n'
        b'{"id": "d", "text": "Line separator \xe2\x80\xa8 inside a string is fine."}\n'
        b'{"id": "e", "text": "Choir at 3pm."}\n'
    )
    code, out, err = run("check", str(collection), "--format", "json")
    assert code == 2
    assert_one_line_errors(err, f"{collection}:2:", f"{collection}:4:", f"{collection}:5:")
    assert "not valid JSON" in err and "not UTF-8" in err
    ids = [d["id"] for d in json.loads(out)["drafts"]]
    assert ids == ["a", "d", "e"]


def test_yaml_collection_that_is_not_a_list(tmp_path: Path) -> None:
    collection = tmp_path / "tweets.yaml"
    collection.write_text("text: one draft, not a list\n", encoding="utf-8")
    (tmp_path / "good.txt").write_text(GOOD, encoding="utf-8")
    code, out, err = run("check", str(collection), str(tmp_path / "good.txt"), "--format", "json")
    assert code == 2
    assert_one_line_errors(err, str(collection))
    assert "must be a list" in err
    assert [Path(d["source"]).name for d in json.loads(out)["drafts"]] == ["good.txt"]


def test_yaml_collection_alias_bomb_fails_fast(tmp_path: Path) -> None:
    lines = ['- text: "lol"\n  id: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]']
    lines += [f"- text: hi\n  id: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)]
    collection = tmp_path / "laughs.yaml"
    collection.write_text("\n".join(lines) + "\n", encoding="utf-8")
    started = time.perf_counter()
    code, _, err = run("check", str(collection))
    assert time.perf_counter() - started < 5
    assert code == 2 and "alias" in err
    assert_one_line_errors(err, str(collection))


def _sample_tree(root: Path) -> None:
    drafts = root / "drafts"
    (drafts / "sub").mkdir(parents=True)
    (drafts / "a.txt").write_text("Well done Year 6 on a brilliant assembly!", encoding="utf-8")
    (drafts / "sub" / "b.md").write_text("---\nscheduled: 2026-03-14T20:00\n---\nDamn, the disco is off.",
                                         encoding="utf-8")
    (drafts / "c.jsonl").write_text(json.dumps({"text": "Tom Reid was star of the week"}) + "\n", encoding="utf-8")
    (drafts / "d.yaml").write_text("- text: Choir at 3pm\n- text: Call 07700 900321\n", encoding="utf-8")


def _snapshot(root: Path) -> dict[str, tuple[int, int]]:
    return {str(p.relative_to(root)): (p.stat().st_mtime_ns, p.stat().st_size) for p in root.rglob("*")}


@pytest.mark.parametrize("format_name", sorted(FORMAT_MODULES))
def test_check_writes_nothing_and_opens_no_connection(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                     format_name: str) -> None:
    _sample_tree(tmp_path)
    (tmp_path / "home").mkdir()
    monkeypatch.chdir(tmp_path)
    # Anywhere tweetguard might keep a cache or settings is inside the snapshot.
    for variable in ("HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "TMPDIR"):
        monkeypatch.setenv(variable, str(tmp_path / "home"))
    attempts: list[object] = []

    def refuse(*args: object, **kwargs: object) -> None:
        attempts.append(args)
        raise OSError("network access is not allowed in this test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    before = _snapshot(tmp_path)
    time.sleep(0.01)  # so a rewrite would show in the mtimes
    code, out, err = run("check", "drafts", "drafts/c.jsonl", "drafts/d.yaml", "--format", format_name,
                         "--roster", str(Path(__file__).parent / "corpus" / "roster.csv"))
    assert code == 1, err
    assert out.strip()
    assert attempts == []
    # The one thing written is tweetguard's start-up cache (compiled patterns, packed word
    # lists; tests/test_startup_cache.py checks it holds nothing of the drafts or roster).
    after = _snapshot(tmp_path)
    cached = {name for name in after if name.startswith("home/tweetguard")}
    assert all(name == "home/tweetguard" or name.endswith(".cache") for name in cached), cached
    assert {k: v for k, v in after.items() if k not in cached | {"home"}} == \
        {k: v for k, v in before.items() if k != "home"}
