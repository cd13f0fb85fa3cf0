"""The sources registry: which source reads a path, owns a draft, can fix it; adding one.

The fake source below is the whole of what a new source needs: one class (in the project,
one module under sources/) and one entry in registry.SOURCES. Nothing else is changed:
collect finds its files in folders, the engine checks its drafts, the outputs report them
and --fix writes through it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Iterator, Sequence

import pytest
from conftest import WEEKDAY_MORNING, run_cli

from tweetguard.core.errors import DraftError
from tweetguard.core.model import Draft
from tweetguard.sources import registry
from tweetguard.sources.base import DraftOrError, Edit, FileChanged, FileSource, splice
from tweetguard.sources.draft_file import DraftFile
from tweetguard.sources.fields import draft_fields
from tweetguard.sources.inline import InlineText
from tweetguard.sources.jsonl import JsonLines
from tweetguard.sources.stdin import StandardInput
from tweetguard.sources.yaml_collection import YamlCollection

AT = WEEKDAY_MORNING.strftime("%Y-%m-%dT%H:%M")
FULL_NAME_RULE = r"""rules:
  - id: test-full-name
    category: names
    severity: error
    kind: pattern
    ignore_case: false
    policy: "Twitter Usage Policy: only use children's first names"
    message: "'{match}' is a pupil's full name."
    suggestion: "Use the first name only."
    pattern: '\b(?<first>Ella|Tomasz) (?:Brightwater|Quillfeather)\b'
    fix: '\g<first>'
    examples:
      bad: ["Well done Ella Brightwater!"]
      good: ["Well done Ella!"]
"""


class LinesFile(FileSource):
    """A made-up format: every non-blank line of a .lines file is one draft."""

    fix_label = ".lines files"

    def reads(self, path: Path) -> bool:
        return path.suffix == ".lines"

    def found_in_folder(self, path: Path) -> bool:
        return self.reads(path)

    def read(self, path: Path) -> Iterator[DraftOrError]:
        yield from self.reread(path.read_text(encoding="utf-8"), path)

    def reread(self, content: str, path: Path) -> list[Draft]:
        drafts, offset = [], 0
        for number, line in enumerate(content.split("\n"), start=1):
            if line.strip():
                drafts.append(Draft(source=f"{path}:{number}", text=line, path=path, line=number, text_start=offset))
            offset += len(line) + 1
        return drafts

    def place(self, content: str, draft: Draft, edits: Sequence[Edit]) -> list[Edit]:
        if content[draft.text_start : draft.text_start + len(draft.text)] != draft.text:
            raise FileChanged(draft.source)
        return [Edit(draft.text_start + e.start, draft.text_start + e.end, e.new) for e in edits]


class ReadOnlyLines(LinesFile):
    """The same format, but a source that cannot write its files back."""

    fix_label = None


@pytest.fixture
def rules(tmp_path: Path) -> Path:
    folder = tmp_path / "rules"
    folder.mkdir()
    (folder / "names.yaml").write_text(FULL_NAME_RULE, encoding="utf-8")
    return folder


def _check(rules: Path, *args: str) -> tuple[int, str, str]:
    return run_cli("check", "--rules", str(rules), "--select", "test-full-name", "--at", AT, "--jobs", "1", *args)


def test_a_registered_source_is_read_in_folders_checked_and_reported(
    rules: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(registry, "SOURCES", [LinesFile(), *registry.SOURCES])  # the one registry line
    folder = tmp_path / "drafts"
    folder.mkdir()
    (folder / "week.lines").write_text("Well done Ella Brightwater!\n\nGo Tomasz Quillfeather!\n", encoding="utf-8")
    (folder / "other.txt").write_text("Well done Tomasz Quillfeather!\n", encoding="utf-8")
    code, out, err = _check(rules, "--format", "jsonl", str(folder))  # one row per violation
    assert code == 1, err
    rows = [json.loads(line) for line in out.splitlines()]
    assert [(row["source"], row["line"], row["rule"]) for row in rows] == [
        (str(folder / "other.txt"), 1, "test-full-name"),
        (f"{folder / 'week.lines'}:1", 1, "test-full-name"),
        (f"{folder / 'week.lines'}:3", 3, "test-full-name"),
    ]


def test_a_registered_source_named_directly_is_fixed_through_it(
    rules: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(registry, "SOURCES", [LinesFile(), *registry.SOURCES])
    path = tmp_path / "week.lines"
    path.write_text("Hello\nWell done Ella Brightwater and Tomasz Quillfeather!\n", encoding="utf-8")
    code, out, err = _check(rules, "--format", "text", str(path))
    assert code == 1 and "(--fix can make this change for you)" in out, out
    code, out, err = _check(rules, "--format", "text", "--fix", str(path))
    assert code == 0, err
    assert path.read_text(encoding="utf-8") == "Hello\nWell done Ella and Tomasz!\n"
    assert "Fixed in the file" in out


def test_a_source_without_a_fix_label_is_reported_but_never_written(
    rules: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(registry, "SOURCES", [ReadOnlyLines(), *registry.SOURCES])
    path = tmp_path / "week.lines"
    path.write_text("Well done Ella Brightwater!\n", encoding="utf-8")
    code, out, err = _check(rules, "--format", "text", "--fix", str(path))
    assert code == 1
    assert path.read_text(encoding="utf-8") == "Well done Ella Brightwater!\n"
    assert "Write instead:" in out and "--fix can make" not in out
    assert "only .txt/.md drafts, .jsonl collections and .csv spreadsheets are fixed in place" in err


def test_the_registry_names_every_fixable_source_in_its_message(monkeypatch: pytest.MonkeyPatch) -> None:
    assert registry.fixable_kinds() == ".txt/.md drafts, .jsonl collections and .csv spreadsheets"
    monkeypatch.setattr(registry, "SOURCES", [*registry.SOURCES, LinesFile()])
    assert registry.fixable_kinds() == ".txt/.md drafts, .jsonl collections, .csv spreadsheets and .lines files"


@pytest.mark.parametrize(("name", "source"), [
    ("a.txt", DraftFile), ("a.MD", DraftFile), ("a.jsonl", JsonLines), ("a.yaml", YamlCollection),
    ("a.yml", YamlCollection), ("notes.rst", DraftFile),  # named directly, any file is a draft file
])
def test_which_source_reads_a_path(name: str, source: type) -> None:
    assert isinstance(registry.for_path(Path(name)), source)


def test_folders_pick_up_only_draft_files() -> None:
    assert isinstance(registry.for_folder_file(Path("a.txt")), DraftFile)
    for name in ("a.jsonl", "a.yaml", "notes.rst", "photo.jpg"):
        assert registry.for_folder_file(Path(name)) is None


@pytest.mark.parametrize(("draft", "source", "fixable"), [
    (Draft(source="a.txt", text="x", path=Path("a.txt")), DraftFile, True),
    (Draft(source="a.jsonl:3", text="x", path=Path("a.jsonl"), line=3), JsonLines, True),
    (Draft(source="a.yaml:3", text="x", path=Path("a.yaml"), line=3), YamlCollection, False),
    (Draft(source="notes.rst", text="x", path=Path("notes.rst")), DraftFile, False),
    (Draft(source="<stdin>", text="x"), StandardInput, False),
    (Draft(source="<stdin>:4", text="x", line=4, thread_index=2), StandardInput, False),
    (Draft(source="<text>", text="x"), InlineText, False),
    (Draft(source="Your draft", text="x"), InlineText, False),
])
def test_which_source_owns_a_draft_and_whether_it_can_be_fixed(draft: Draft, source: type, fixable: bool) -> None:
    assert isinstance(registry.for_draft(draft), source)
    assert registry.can_fix(draft) is fixable
    assert (registry.fixer_for(draft) is not None) is fixable


def test_splice_applies_edits_right_to_left_and_each_once() -> None:
    edits = [Edit(0, 4, "Ella"), Edit(10, 10, "!"), Edit(0, 4, "Ella")]
    assert splice("Miss ran well", edits) == "Ella ran w!ell"


def test_draft_fields_is_the_one_front_matter_parser() -> None:
    fields = draft_fields({"scheduled": "2026-03-11 09:30", "media": "a.jpg", "id": 7}, "x.txt:2")
    assert fields["media"] == ("a.jpg",) and fields["id"] == "7" and fields["scheduled"].hour == 9
    with pytest.raises(DraftError, match="unknown key 'when'"):
        draft_fields({"when": "now"}, "x.txt:2")


def test_jsonl_place_rewrites_only_the_text_literal(tmp_path: Path) -> None:
    path = tmp_path / "a.jsonl"
    content = '{"id": 1, "text": "Well done Ella Brightwater!", "occasion": "event"}\n'
    [draft] = JsonLines().reread(content, path)
    [edit] = JsonLines().place(content, draft, [Edit(10, 26, "Ella")])
    assert splice(content, [edit]) == '{"id": 1, "text": "Well done Ella!", "occasion": "event"}\n'
    with pytest.raises(FileChanged):
        JsonLines().place(content.replace("Ella", "Emma"), draft, [Edit(10, 26, "Ella")])
