"""Finding the drafts named on the command line: files, folders, standard input, --text.

A file named directly is always read (by the source that reads it, or as a draft file); a
folder contributes the files a source picks up in folders (.txt and .md drafts), in a
stable order, skipping hidden folders and files and honouring include/exclude globs.

Nothing is skipped silently: a subfolder that cannot be read, a link to a folder (not
followed: a link in a shared drafts folder could lead anywhere on the disk, and CI would
print what it found) and a named folder with no drafts in it are each an error, exit 2.
"""

from __future__ import annotations

import fnmatch
import os
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator

from tweetguard.core.errors import DraftError, TweetguardError, printable
from tweetguard.core.model import Draft
from tweetguard.sources import registry
from tweetguard.sources.stdin import ARGUMENT as STDIN_ARGUMENT


def _matches(path: Path, root: Path, globs: tuple[str, ...]) -> bool:
    relative = path.relative_to(root).as_posix()
    return any(fnmatch.fnmatch(relative, g) or fnmatch.fnmatch(path.name, g) for g in globs)


def _wanted(path: Path, root: Path, include: tuple[str, ...], exclude: tuple[str, ...]) -> bool:
    return not _matches(path, root, exclude) and _matches(path, root, include)


def _unreadable_folder(error: OSError) -> DraftError:
    return DraftError(str(error.filename), f"cannot read this folder ({error.strerror or error}); "
                      "the drafts in it were not checked")


def _subfolders(folder: Path, names: list[str], root: Path, exclude: tuple[str, ...]) -> Iterator[str | DraftError]:
    """The subfolders to walk into, in order; a link to a folder (unless excluded) as an error."""
    for name in sorted(names):
        path = folder / name
        if name.startswith("."):
            continue
        if path.is_symlink():
            if not _matches(path, root, exclude):
                yield DraftError(str(path), "is a link to a folder, and links to folders are not followed; "
                                 "name the folder itself to check it, or exclude it")
        else:
            yield name


def walk_folder(root: Path, include: tuple[str, ...], exclude: tuple[str, ...]) -> Iterator[Path | DraftError]:
    """Draft files below ``root`` in a stable order, skipping hidden folders and files.

    What cannot be walked is an error in its place; a folder with no drafts at all is one too.
    """
    unreadable: list[OSError] = []
    drafts = others = reported = 0
    for folder, subfolders, files in os.walk(root, onerror=unreadable.append):
        walked = list(_subfolders(Path(folder), subfolders, root, exclude))
        problems = [*map(_unreadable_folder, unreadable), *(i for i in walked if isinstance(i, DraftError))]
        unreadable.clear()
        reported += len(problems)
        yield from problems
        subfolders[:] = [item for item in walked if isinstance(item, str)]
        for name in sorted(files):
            path = Path(folder) / name
            if name.startswith("."):
                continue
            if registry.for_folder_file(path) and _wanted(path, root, include, exclude):
                drafts += 1
                yield path
            else:
                others += 1
    reported += len(unreadable)
    yield from map(_unreadable_folder, unreadable)
    if not drafts and not reported:  # an unreadable or linked folder already said why
        yield _no_drafts(root, others)


def _no_drafts(root: Path, others: int) -> DraftError:
    found = f"; its {others} other file{'s are' if others > 1 else ' is'} not drafts or excluded" if others else ""
    return DraftError(str(root), f"holds no drafts (.txt or .md files), so nothing was checked{found}; "
                      "save each draft as a .txt or .md file")


def look_up(name: str) -> tuple[Path, bool] | DraftError:
    """A path named on the command line and whether it is a folder; why not, when it names
    nothing that can be read (missing, too long for the system, holding a NUL)."""
    path = Path(name)
    try:
        if path.is_dir():
            return path, True
        if path.exists():
            return path, False
    except (OSError, ValueError) as exc:
        return DraftError(printable(name), f"cannot be looked up ({getattr(exc, 'strerror', None) or exc}); "
                          "check the path")
    return DraftError(name, "no such file or folder; check the path")


def expand_paths(
    paths: Iterable[str], include: tuple[str, ...] = ("*",), exclude: tuple[str, ...] = ()
) -> Iterator[Path | DraftError]:
    """Files named directly are always read; folders contribute their drafts' files."""
    for name in paths:
        found = look_up(name)
        if isinstance(found, DraftError):
            yield found
        elif found[1]:
            yield from walk_folder(found[0], include, exclude)
        else:
            yield found[0]


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
