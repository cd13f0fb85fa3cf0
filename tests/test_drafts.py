"""Reading drafts: front matter, threads, collections and every way they can be wrong."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from tweetguard.core.errors import DraftError
from tweetguard.core.model import Draft
from tweetguard.sources.collect import read_file


def read(path: Path) -> list[Draft | DraftError]:
    return list(read_file(path))


def test_plain_draft(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("\nWell done, Year 6!\n\n", encoding="utf-8")
    [draft] = read(path)
    assert isinstance(draft, Draft)
    assert draft.text == "Well done, Year 6!"
    assert draft.line == 2 and draft.source == str(path)


def test_front_matter_fields(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_text(
        "---\nscheduled: 2026-06-15T17:30:00Z\noccasion: event\nreply_to: '@parent'\n"
        "media: [choir.jpg]\nid: choir-1\n---\nOur choir sang beautifully.\n",
        encoding="utf-8",
    )
    [draft] = read(path)
    assert isinstance(draft, Draft)
    assert draft.scheduled == datetime(2026, 6, 15, 17, 30, tzinfo=timezone.utc)
    assert (draft.occasion, draft.reply_to, draft.media, draft.id) == ("event", "@parent", ("choir.jpg",), "choir-1")
    assert draft.line == 8 and draft.text == "Our choir sang beautifully."


def test_scheduled_with_offset_and_without(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("---\nscheduled: '2026-03-11T09:30+01:00'\n---\nHi\n", encoding="utf-8")
    [draft] = read(path)
    assert isinstance(draft, Draft) and draft.scheduled is not None
    assert draft.scheduled.utcoffset() == timedelta(hours=1)
    path.write_text("---\nscheduled: 2026-03-11 09:30\n---\nHi\n", encoding="utf-8")
    [draft] = read(path)
    assert isinstance(draft, Draft) and draft.scheduled == datetime(2026, 3, 11, 9, 30)


def test_thread_is_split_into_tweets(tmp_path: Path) -> None:
    path = tmp_path / "thread.txt"
    path.write_text("---\noccasion: event\n---\nFirst tweet\n---\nSecond tweet\r\n---\n\nThird\n", encoding="utf-8")
    drafts = read(path)
    assert [d.text for d in drafts if isinstance(d, Draft)] == ["First tweet", "Second tweet", "Third"]
    assert [d.thread_index for d in drafts if isinstance(d, Draft)] == [1, 2, 3]
    assert [d.line for d in drafts if isinstance(d, Draft)] == [4, 6, 9]
    assert all(isinstance(d, Draft) and d.occasion == "event" for d in drafts)


def test_text_start_points_into_the_file(tmp_path: Path) -> None:
    content = "\ufeff---\nid: x\n---\r\n\r\n  Sports day is on Friday\r\n"
    path = tmp_path / "a.txt"
    path.write_bytes(content.encode("utf-8"))
    [draft] = read(path)
    assert isinstance(draft, Draft)
    assert content[draft.text_start :].startswith("Sports day")


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("---\nscheduled: next tuesday\n---\nHi", ["a.txt:2", "next tuesday", "2026-03-11T09:30"]),
        ("---\nscheduled: 2026-03-11\n---\nHi", ["a.txt:2", "not a date and time"]),
        ("---\noccasion: party\n---\nHi", ["a.txt:2", "occasion 'party'", "event"]),
        ("---\nschedueld: 2026-03-11T10:00\n---\nHi", ["unknown key 'schedueld'"]),
        ("---\nscheduled: [2026\n---\nHi", ["a.txt:2:", "not valid YAML"]),
        ("---\nid: x\nscheduled: \"2026-03-11\n---\nHi", ["a.txt:3:", "not valid YAML"]),
        ("---\nscheduled: 2026-03-11T10:00\nHi", ["a.txt:1", "no closing '---'"]),
        ("---\n- a list\n---\nHi", ["front matter must be"]),
        ("---\nid: x\n---\n\n", ["empty"]),
        ("", ["empty"]),
        ("---\na: &x [1]\nb: *x\n---\nHi", ["alias"]),
        ("---\ntweetguard: {allow: {full-name: ''}}\n---\nHi", ["needs a reason"]),
    ],
)
def test_bad_drafts_give_one_line_errors(tmp_path: Path, content: str, expected: list[str]) -> None:
    path = tmp_path / "a.txt"
    path.write_text(content, encoding="utf-8")
    [error] = read(path)
    assert isinstance(error, DraftError)
    assert "\n" not in str(error)
    for words in expected:
        assert words in str(error)


def test_invalid_utf8_and_binary(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"Hello\nCaf\xe9 trip\n")
    [error] = read(bad)
    assert isinstance(error, DraftError) and "bad.txt:2" in str(error) and "0xe9" in str(error)
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    [error] = read(binary)
    assert isinstance(error, DraftError) and "binary" in str(error)


def test_jsonl_collection_keeps_ids_and_names_bad_lines(tmp_path: Path) -> None:
    path = tmp_path / "tweets.jsonl"
    rows = [
        json.dumps({"id": "t1", "text": "Sports day on Friday", "occasion": "event"}),
        "{not json",
        "",
        json.dumps({"id": "t3"}),
        json.dumps({"id": "t4", "text": "Book week!", "scheduled": "2026-03-14T10:00"}),
    ]
    path.write_text("\n".join(rows), encoding="utf-8")
    items = read(path)
    assert [type(i).__name__ for i in items] == ["Draft", "DraftError", "DraftError", "Draft"]
    first, broken, missing, last = items
    assert isinstance(first, Draft) and first.id == "t1" and first.source == f"{path}:1"
    assert f"{path}:2" in str(broken) and "not valid JSON" in str(broken)
    assert f"{path}:4" in str(missing) and "'text'" in str(missing)
    assert isinstance(last, Draft) and last.scheduled == datetime(2026, 3, 14, 10, 0)


def test_yaml_collection(tmp_path: Path) -> None:
    path = tmp_path / "tweets.yaml"
    path.write_text("- text: First\n  id: a\n- text: Second\n  occasion: urgent\n- 42\n", encoding="utf-8")
    items = read(path)
    assert isinstance(items[0], Draft) and items[0].source == f"{path}:1" and items[0].id == "a"
    assert isinstance(items[1], Draft) and items[1].occasion == "urgent" and items[1].line == 3
    assert isinstance(items[2], DraftError) and f"{path}:5" in str(items[2])


def test_yaml_collection_must_be_a_list(tmp_path: Path) -> None:
    path = tmp_path / "tweets.yml"
    path.write_text("text: not a list\n", encoding="utf-8")
    [error] = read(path)
    assert isinstance(error, DraftError) and "must be a list" in str(error)
