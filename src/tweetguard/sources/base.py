"""The contract every draft source keeps, and the edits --fix hands to a source.

A source is asked four things: which drafts are its own, what drafts are in a file (named on
the command line or found in a folder), can a draft of it be fixed, and where in the
file's text a fix to a draft goes. Reading yields a DraftError for a draft that cannot be
read (naming the file and line), so the other drafts are still checked.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Callable, Iterable, Iterator, Sequence

from tweetguard.core.errors import DraftError
from tweetguard.core.files import NotRegular, open_regular
from tweetguard.core.model import Draft

DraftOrError = Draft | DraftError


class FileChanged(DraftError):
    """The file no longer holds the text that was checked (edited while tweetguard ran)."""

    def __init__(self, where: str) -> None:
        super().__init__(where, "the file changed after it was checked; run tweetguard again")


@dataclass(frozen=True)
class Edit:
    """``text[start:end]`` becomes ``new``: in a draft's text, or (once placed) in a file's."""

    start: int
    end: int
    new: str


def splice(text: str, edits: Iterable[Edit]) -> str:
    """``text`` with non-overlapping edits applied (right to left, so offsets hold).

    The same edit given twice is applied once.
    """
    for start, end, new in sorted({(e.start, e.end, e.new) for e in edits}, reverse=True):
        text = text[:start] + new + text[end:]
    return text


def read_opened(path: Path, read: Callable[[BinaryIO], Iterator[DraftOrError]]) -> Iterator[DraftOrError]:
    """``read``'s drafts from ``path`` opened as a regular file, a row at a time; a file that
    cannot be opened (a FIFO, a device, unreadable) is one DraftError naming it."""
    try:
        with open_regular(path) as stream:
            yield from read(stream)
    except NotRegular as exc:
        yield DraftError(str(path), f"{exc.reason}; remove it or exclude it")
    except OSError as exc:
        yield DraftError(str(path), f"cannot read this file ({exc.strerror or exc})")


class Source(ABC):
    """One kind of place drafts come from. Register an instance in sources/registry.py."""

    # How --fix's messages name the files it fixes (".jsonl collections"); None: never fixed.
    fix_label: str | None = None

    @abstractmethod
    def owns(self, draft: Draft) -> bool:
        """Whether ``draft`` was read by this source."""

    def can_fix(self, draft: Draft) -> bool:
        """Whether --fix can write a fix to ``draft`` back exactly, changing nothing else."""
        return False


class FileSource(Source):
    """A source whose drafts live in files: named on the command line or found in folders.

    Only a file source can be fixed: one with a ``fix_label`` implements ``reread`` and
    ``place``.
    """

    @abstractmethod
    def reads(self, path: Path) -> bool:
        """Whether this source reads ``path``, a file named on the command line."""

    def found_in_folder(self, path: Path) -> bool:
        """Whether a folder named on the command line contributes ``path`` to this source."""
        return False

    @abstractmethod
    def read(self, path: Path) -> Iterator[DraftOrError]:
        """Every draft in ``path``, or for each one that cannot be read, why not."""

    def owns(self, draft: Draft) -> bool:
        return draft.path is not None and self.reads(draft.path)

    def can_fix(self, draft: Draft) -> bool:
        # A fixable file source fixes every file it reads; it says so with a fix_label.
        return self.fix_label is not None and self.owns(draft)

    def reread(self, content: str, path: Path) -> list[Draft]:
        """The drafts of ``content`` (a fixed file not yet written), as reading it would give.

        Raises DraftError when the content can no longer be read as a whole.
        """
        raise NotImplementedError(f"{type(self).__name__} cannot be fixed")

    def place(self, content: str, draft: Draft, edits: Sequence[Edit]) -> list[Edit]:
        """``edits`` to ``draft.text`` as edits to ``content``, the file's text.

        Raises FileChanged when ``content`` no longer holds the draft as it was checked.
        """
        raise NotImplementedError(f"{type(self).__name__} cannot be fixed")
