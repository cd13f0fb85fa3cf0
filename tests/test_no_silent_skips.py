"""Nothing is skipped silently: an unreadable subfolder, a link to a folder and a named
folder with no drafts each give one line on standard error and exit 2; the drafts that
can be read are still checked, and the summary never says "no problems found" for nothing."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import run_cli
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tweetguard.core.errors import DraftError
from tweetguard.sources.collect import walk_folder

AT = "2026-11-24T10:00"
GOOD = "Sports day is on Friday afternoon: bring a water bottle!"


def check(*paths: Path, **options: str) -> tuple[int, str, str]:
    extra = [arg for key, value in options.items() for arg in (f"--{key}", value)]
    return run_cli("check", "--at", AT, "--format", "text", *extra, *map(str, paths))


def one_line_about(err: str, fragment: str) -> str:
    assert "Traceback" not in err, err
    lines = [line for line in err.splitlines() if fragment in line]
    assert len(lines) == 1, err
    return lines[0]


def test_an_unreadable_subfolder_is_an_error_and_the_rest_is_checked(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "secret.txt").write_text(GOOD)
    (tmp_path / "open.txt").write_text(GOOD)
    real_scandir = os.scandir

    def scandir(path: object = ".") -> object:  # chmod 000 does not stop root, so refuse here
        if str(path).endswith("locked"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "scandir", scandir)
    code, out, err = check(tmp_path)
    assert code == 2
    assert "Permission denied" in one_line_about(err, "locked")
    assert "open.txt" in out and "secret.txt" not in out
    code, out, err = check(tmp_path / "locked")  # named itself: one error, not "no drafts" too
    assert code == 2 and len(err.strip().splitlines()) == 1 and "Permission denied" in err, err


def test_a_link_to_a_folder_is_reported_not_followed(tmp_path: Path) -> None:
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "far.txt").write_text(GOOD)
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    (drafts / "near.txt").write_text(GOOD)
    (drafts / "shared").symlink_to(tmp_path / "elsewhere")
    (drafts / "loop").symlink_to(drafts)
    code, out, err = check(drafts)
    assert code == 2
    assert "not followed" in one_line_about(err, "shared")
    assert "not followed" in one_line_about(err, "loop")
    assert "near.txt" in out and "far.txt" not in out


def test_an_excluded_link_to_a_folder_is_not_reported(tmp_path: Path) -> None:
    (tmp_path / "near.txt").write_text(GOOD)
    (tmp_path / "shared").symlink_to(tmp_path)
    (tmp_path / ".tweetguard.yaml").write_text("exclude: [shared]\n")
    code, _, err = check(tmp_path, config=str(tmp_path / ".tweetguard.yaml"))
    assert code == 0 and err == "", err


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(names=st.lists(st.sampled_from(["notes.docx", "photo.jpg", "NOTES.TXT", ".hidden.txt", "draft.yaml",
                                       "data.jsonl", "README"]), max_size=4, unique=True),
       nested=st.booleans())
def test_a_folder_without_drafts_says_nothing_was_checked(tmp_path_factory: pytest.TempPathFactory,
                                                          names: list[str], nested: bool) -> None:
    root = tmp_path_factory.mktemp("nodrafts")
    folder = root / "inner" if nested else root
    folder.mkdir(exist_ok=True)
    for name in names:
        (folder / name).write_text(GOOD)
    code, out, err = check(root)
    assert code == 2
    assert "nothing was checked" in one_line_about(err, "holds no drafts")
    assert "no problems found" not in out


def test_a_folder_with_drafts_gives_no_such_error(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(GOOD)
    (tmp_path / "notes.docx").write_text("not a draft")
    items = list(walk_folder(tmp_path, ("*",), ()))
    assert items == [tmp_path / "a.txt"]
    assert not any(isinstance(item, DraftError) for item in items)
