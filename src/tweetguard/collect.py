"""Finding the draft files named on the command line."""

from __future__ import annotations

import fnmatch
import os
from pathlib import Path
from typing import Iterable, Iterator

from tweetguard.core.errors import DraftError
from tweetguard.drafts import DRAFT_SUFFIXES


def _wanted(path: Path, root: Path, include: tuple[str, ...], exclude: tuple[str, ...]) -> bool:
    relative = path.relative_to(root).as_posix()
    if any(fnmatch.fnmatch(relative, g) or fnmatch.fnmatch(path.name, g) for g in exclude):
        return False
    return any(fnmatch.fnmatch(path.name, g) or fnmatch.fnmatch(relative, g) for g in include)


def walk_folder(root: Path, include: tuple[str, ...], exclude: tuple[str, ...]) -> Iterator[Path]:
    """Draft files below ``root`` in a stable order, skipping hidden folders and files."""
    for folder, subfolders, files in os.walk(root):
        subfolders[:] = sorted(d for d in subfolders if not d.startswith("."))
        for name in sorted(files):
            path = Path(folder) / name
            if not name.startswith(".") and path.suffix.lower() in DRAFT_SUFFIXES and _wanted(
                path, root, include, exclude
            ):
                yield path


def expand_paths(
    paths: Iterable[str], include: tuple[str, ...] = ("*",), exclude: tuple[str, ...] = ()
) -> Iterator[Path | DraftError]:
    """Files named directly are always read; folders contribute their .txt/.md drafts."""
    for name in paths:
        path = Path(name)
        if path.is_dir():
            yield from walk_folder(path, include, exclude)
        elif path.exists():
            yield path
        else:
            yield DraftError(name, "no such file or folder; check the path")
