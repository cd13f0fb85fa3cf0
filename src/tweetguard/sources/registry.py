"""The draft sources tweetguard knows, in the order they are asked.

collect, fix and the outputs ask this module which source reads a path, which source a
draft came from and whether it can be fixed; none of them names a source. To add a
source, write one module with a Source (or FileSource) subclass and add it to SOURCES.
"""

from __future__ import annotations

from pathlib import Path

from tweetguard.core.model import Draft
from tweetguard.sources.base import FileSource, Source
from tweetguard.sources.csv_file import CsvFile
from tweetguard.sources.draft_file import DraftFile
from tweetguard.sources.inline import InlineText
from tweetguard.sources.jsonl import JsonLines
from tweetguard.sources.stdin import StandardInput
from tweetguard.sources.x_archive import XArchive
from tweetguard.sources.yaml_collection import YamlCollection

# The first source that reads a path (or owns a draft) wins. InlineText owns every draft
# without a path, so it comes after StandardInput; a new source goes before those two.
# A file named on the command line that no source reads is read as a draft file.
FALLBACK: FileSource = DraftFile()
SOURCES: list[Source] = [FALLBACK, JsonLines(), YamlCollection(), CsvFile(), XArchive(), StandardInput(), InlineText()]


def file_sources() -> list[FileSource]:
    return [source for source in SOURCES if isinstance(source, FileSource)]


def for_path(path: Path) -> FileSource:
    """The source that reads ``path``, a file named on the command line."""
    return next((source for source in file_sources() if source.reads(path)), FALLBACK)


def for_folder_file(path: Path) -> FileSource | None:
    """The source a file found in a folder belongs to; None when folders skip such files."""
    return next((source for source in file_sources() if source.found_in_folder(path)), None)


def for_draft(draft: Draft) -> Source:
    """The source ``draft`` was read by."""
    return next((source for source in SOURCES if source.owns(draft)), FALLBACK)


def fixer_for(draft: Draft) -> FileSource | None:
    """The source that writes ``draft``'s fixes back into its file; None when none can."""
    source = for_draft(draft)
    return source if isinstance(source, FileSource) and source.can_fix(draft) else None


def can_fix(draft: Draft) -> bool:
    """Whether --fix can write ``draft``'s fixes back into the file it came from."""
    return fixer_for(draft) is not None


def fixable_kinds() -> str:
    """What --fix fixes in place, for messages: ".txt/.md drafts and .jsonl collections"."""
    labels = [source.fix_label for source in SOURCES if source.fix_label]
    return " and ".join(filter(None, [", ".join(labels[:-1]), labels[-1]])) if labels else "nothing"


def stdin() -> StandardInput:
    """The source that reads standard input (the argument '-')."""
    return next(source for source in SOURCES if isinstance(source, StandardInput))


def inline() -> InlineText:
    """The source of a draft typed with --text or at the prompt."""
    return next(source for source in SOURCES if isinstance(source, InlineText))


def typed_content(draft: Draft) -> str:
    """The whole text a typed draft (no path) came in: standard input's, front matter and
    all, or the --text value itself."""
    source = for_draft(draft)
    if isinstance(source, StandardInput) and source.content is not None:
        return source.content
    return draft.text
