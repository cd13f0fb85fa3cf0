"""--fix loses nothing: hard links are refused whole, owner, group, mode and extended
attributes are kept, and temporary files left by a killed run are removed by the next one."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import run_cli

from tweetguard.sources import atomic
from tweetguard.sources.atomic import (
    LEFTOVER_MAX_AGE_SECONDS,
    remove_leftovers,
    write_atomically,
)

AT = "2026-11-24T10:00"
ROSTER = "first_name,last_name\nElla,Thornton\n"
DRAFT = "Well done Ella Thornton for the science prize!\n"


@pytest.fixture
def drafts(tmp_path: Path) -> Path:
    (tmp_path / "roster.csv").write_text(ROSTER)
    (tmp_path / "a.txt").write_text(DRAFT)
    return tmp_path


def fix(folder: Path, *names: str) -> tuple[int, str, str]:
    return run_cli("check", "--fix", "--at", AT, "--roster", str(folder / "roster.csv"), "--format", "text",
                   *(str(folder / name) for name in names))


def test_a_file_with_two_names_is_refused_and_neither_name_changes(drafts: Path) -> None:
    os.link(drafts / "a.txt", drafts / "b.txt")
    code, _, err = fix(drafts, "a.txt")
    assert code == 2
    assert (drafts / "a.txt").read_text() == DRAFT == (drafts / "b.txt").read_text()
    assert (drafts / "a.txt").stat().st_ino == (drafts / "b.txt").stat().st_ino
    lines = [line for line in err.splitlines() if "hard links" in line]
    assert len(lines) == 1 and "a.txt" in lines[0], err


def test_a_file_with_one_name_is_still_fixed(drafts: Path) -> None:
    code, _, _ = fix(drafts, "a.txt")
    assert "Thornton" not in (drafts / "a.txt").read_text()


def test_mode_owner_group_and_extended_attributes_are_kept(drafts: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = drafts / "a.txt"
    os.chmod(path, 0o640)
    if os.geteuid() == 0:
        os.chown(path, 4321, 8765)  # root can give a file away; the fix must keep it so
    written: dict[str, bytes] = {}
    try:
        os.setxattr(path, "user.tweetguard.reviewed", b"by the head teacher")
        native = True
    except OSError:
        # A file system without user attributes: the OS calls stand in for it, so what the
        # fix reads from the old file and gives the new one is still checked.
        native = False
        monkeypatch.setattr(os, "listxattr", lambda target: ["user.tweetguard.reviewed"], raising=False)
        monkeypatch.setattr(os, "getxattr", lambda target, name: b"by the head teacher", raising=False)
        monkeypatch.setattr(os, "setxattr", lambda target, name, value: written.__setitem__(name, value),
                            raising=False)
    before = path.stat()
    fix(drafts, "a.txt")
    after = path.stat()
    assert "Thornton" not in path.read_text()
    assert after.st_ino != before.st_ino  # replaced, not written in place
    assert stat.S_IMODE(after.st_mode) == 0o640
    assert (after.st_uid, after.st_gid) == (before.st_uid, before.st_gid)
    kept = os.getxattr(path, "user.tweetguard.reviewed") if native else written["user.tweetguard.reviewed"]
    assert kept == b"by the head teacher"


def test_an_owner_that_cannot_be_kept_refuses_the_fix(drafts: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = drafts / "a.txt"
    real_stat = Path.stat
    mine = os.stat(path)

    def other_owner(self: Path, **kwargs: object) -> os.stat_result:
        info = real_stat(self)
        if self.name == "a.txt":
            fields = list(info)
            fields[stat.ST_UID] = mine.st_uid + 1
            return os.stat_result(fields)
        return info

    def refuse(*args: object) -> None:
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(Path, "stat", other_owner)
    monkeypatch.setattr(os, "fchown", refuse)
    with pytest.raises(atomic.DraftError, match="belongs to another user"):
        write_atomically(path, b"Well done Ella!\n")
    assert path.read_text() == DRAFT
    assert [p.name for p in drafts.iterdir() if p.name.endswith(".tweetguard")] == []


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_the_next_fix_removes_what_a_killed_fix_left(drafts: Path) -> None:
    leftover = drafts / f".a.txt.{_dead_pid()}.k3j4h5g6.tweetguard"
    leftover.write_text("half a draft")
    code, _, err = fix(drafts, "a.txt")
    assert not leftover.exists()
    assert "removed 1 temporary file" in err


def test_a_killed_fix_leaves_a_leftover_that_the_next_run_removes(drafts: Path) -> None:
    # SIGKILL while the temporary file exists: no handler can run, so the next run must clean.
    script = ("import os, signal, sys; from pathlib import Path; from tweetguard.sources import atomic\n"
              "def die(*a): os.kill(os.getpid(), signal.SIGKILL)\n"
              "atomic.os.replace = die\n"
              "atomic.write_atomically(Path(sys.argv[1]), b'Well done Ella!')\n")
    subprocess.run([sys.executable, "-c", script, str(drafts / "a.txt")], timeout=60)
    left = [p for p in drafts.iterdir() if p.name.endswith(".tweetguard")]
    assert len(left) == 1 and left[0].name.startswith(".a.txt.")
    fix(drafts, "a.txt")
    assert [p for p in drafts.iterdir() if p.name.endswith(".tweetguard")] == []
    assert "Thornton" not in (drafts / "a.txt").read_text()


def test_a_leftover_of_a_running_fix_is_left_alone_until_it_is_old(tmp_path: Path) -> None:
    running = tmp_path / f".a.txt.{os.getppid()}.abcdefgh.tweetguard"  # our parent is alive
    legacy = tmp_path / ".b.txt.abcdefgh.tweetguard"  # an older version's name, without a PID
    mine = tmp_path / "notes.abcdefgh.tweetguard"  # not hidden: never one of ours
    for path in (running, legacy, mine):
        path.write_text("x")
    assert remove_leftovers(tmp_path) == []
    old = time.time() - LEFTOVER_MAX_AGE_SECONDS - 60
    for path in (running, legacy, mine):
        os.utime(path, (old, old))
    assert sorted(remove_leftovers(tmp_path)) == sorted([running, legacy])
    assert mine.exists()


def test_diff_removes_nothing(drafts: Path) -> None:
    leftover = drafts / f".a.txt.{_dead_pid()}.k3j4h5g6.tweetguard"
    leftover.write_text("half a draft")
    run_cli("check", "--diff", "--at", AT, "--roster", str(drafts / "roster.csv"), str(drafts / "a.txt"))
    assert leftover.exists()
