"""Finding the drafts named on the command line: files, folders, standard input, --text.

A file named directly is always read (by the source that reads it, or as a draft file); a
folder contributes the files a source picks up in folders (.txt and .md drafts), in a
stable order, skipping hidden folders and files and honouring include/exclude globs.
"""

from __future__ import annotations

import fnmatch
import os
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator

from tweetguard.core.errors import DraftError, TweetguardError
from tweetguard.core.model import Draft
from tweetguard.sources import registry
from tweetguard.sources.stdin import ARGUMENT as STDIN_ARGUMENT


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
            if not name.startswith(".") and registry.for_folder_file(path) and _wanted(
                path, root, include, exclude
            ):
                yield path


def expand_paths(
    paths: Iterable[str], include: tuple[str, ...] = ("*",), exclude: tuple[str, ...] = ()
) -> Iterator[Path | DraftError]:
    """Files named directly are always read; folders contribute their drafts' files."""
    for name in paths:
        path = Path(name)
        if path.is_dir():
            yield from walk_folder(path, include, exclude)
        elif path.exists():
            yield path
        else:
            yield DraftError(name, "no such file or folder; check the path")


def read_file(path: Path) -> Iterator[Draft | DraftError]:
    """Every draft in one file, or the error that stops each being read."""
    yield from registry.for_path(path).read(path)


def read_arguments(paths: Iterable[str], text: str | None, stdin: BinaryIO | None = None,
                   include: tuple[str, ...] = ("*",), exclude: tuple[str, ...] = (),
                   text_label: str = "<text>") -> Iterator[Draft | TweetguardError]:
    """Every draft named on the command line, in order; unreadable ones as errors.

    ``text`` is --text's value (or the draft typed at the prompt, labelled ``text_label``);
    the argument '-' reads ``stdin`` (by default, standard input as bytes).
    """
    if text is not None:
        yield registry.inline().read_text(text, text_label)
    for name in paths:
        if name == STDIN_ARGUMENT:
            yield from registry.stdin().read_stream(stdin)
            continue
        for path in expand_paths([name], include, exclude):
            if isinstance(path, DraftError):
                yield path
            else:
                yield from read_file(path)
