"""``check --fix`` and ``--diff``: apply the safe fixes rules carry, changing nothing else.

A fix is the replacement text for one violation's [start, end) in its draft's text (for
example a pupil's full name becomes the first name). It is written back into the file it
came from so that everything else stays byte-for-byte: front matter, the other text, CRLF
line endings, a BOM. Fixes that overlap an earlier one are left for the next run.

Where fixes are applied:
- .txt/.md drafts (and each tweet of a thread): the span is found in the file again.
- .jsonl collections: only that line's ``text`` value is re-encoded; the rest of the line,
  and every other line, stays as written.
- YAML collections, standard input and --text: not applied (there is no file to change
  safely); the report still says what to write instead.

The write is atomic: a temporary file in the same folder, fsync, then os.replace, keeping
the file's permissions, so a crash leaves the old file or the new one, never half of one.
Results for one file are held back until the file's last draft has been checked, then the
file is fixed and its drafts are checked again, so the report shows what remains.
"""

from __future__ import annotations

import difflib
import io
import json
import os
import stat
import tempfile
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Callable, TextIO

from tweetguard.core.errors import DraftError, TweetguardError
from tweetguard.core.model import Draft, DraftResult, Note, Violation
from tweetguard.core.reporting import Reporter, Summary
from tweetguard.sources import registry

if TYPE_CHECKING:
    from tweetguard.engine.checker import Engine



class FileChanged(DraftError):
    """The file no longer holds the text that was checked (edited while tweetguard ran)."""


@dataclass(frozen=True)
class Edit:
    """One replacement in a decoded file: content[start:end] becomes ``new``."""

    start: int
    end: int
    new: str
    violation: Violation


def choose_fixes(result: DraftResult) -> list[Violation]:
    """The violations whose fix changes the text, without overlaps (the first one wins)."""
    text = result.draft.text
    chosen: list[Violation] = []
    last_end = -1
    for violation in sorted(result.violations, key=lambda v: (v.start, v.end)):
        if violation.fix is None or text[violation.start : violation.end] == violation.fix:
            continue
        if violation.start < last_end or (violation.start == last_end and chosen and chosen[-1].start == last_end):
            continue  # overlaps (or inserts at the same point as) a fix already chosen
        chosen.append(violation)
        last_end = violation.end
    return chosen


def _text_positions(content: str, draft: Draft) -> list[int]:
    """Where each code point of ``draft.text`` (and its end) lies in the decoded file.

    The text is the stripped body with CRLF turned to LF, so an LF may stand for two
    characters of the file. A mismatch means the file changed since it was read.
    """
    positions: list[int] = []
    cursor = draft.text_start
    for char in draft.text:
        positions.append(cursor)
        if char == "\n" and content.startswith("\r\n", cursor):
            cursor += 2
        elif cursor < len(content) and content[cursor] == char:
            cursor += 1
        else:
            raise FileChanged(f"{draft.source}", "the file changed after it was checked; run tweetguard again")
    positions.append(cursor)
    return positions


def _text_file_edits(content: str, result: DraftResult, fixes: list[Violation]) -> list[Edit]:
    positions = _text_positions(content, result.draft)
    newline = "\r\n" if "\r\n" in content else "\n"
    return [Edit(positions[v.start], positions[v.end], (v.fix or "").replace("\n", newline), v) for v in fixes]


def _json_text_span(line: str) -> tuple[int, int]:
    """The [start, end) of the ``text`` string literal in one JSON Lines object (last one wins)."""
    decoder = json.JSONDecoder()
    index = len(line) - len(line.lstrip())
    if not line.startswith("{", index):
        raise ValueError("not an object")
    index += 1
    span: tuple[int, int] | None = None
    while True:
        index += len(line[index:]) - len(line[index:].lstrip())
        if line.startswith("}", index):
            break
        key, index = json.decoder.scanstring(line, index + 1)  # type: ignore[attr-defined]
        index += len(line[index:]) - len(line[index:].lstrip())
        index += 1  # the ':'
        index += len(line[index:]) - len(line[index:].lstrip())
        _, end = decoder.raw_decode(line, index)
        if key == "text":
            span = (index, end)
        index = end + len(line[end:]) - len(line[end:].lstrip())
        if line.startswith(",", index):
            index += 1
    if span is None:
        raise ValueError("no text")
    return span


def _jsonl_edit(content: str, result: DraftResult, fixes: list[Violation]) -> list[Edit]:
    """Re-encode just this line's ``text`` value with the fixes applied."""
    draft = result.draft
    lines = content.splitlines(keepends=True)  # as sources.jsonl.read_jsonl numbers them
    if draft.line > len(lines):
        raise FileChanged(draft.source, "the file changed after it was checked; run tweetguard again")
    offset = sum(len(line) for line in lines[: draft.line - 1])
    line = lines[draft.line - 1]
    try:
        start, end = _json_text_span(line)
        if json.loads(line[start:end]) != draft.text:
            raise ValueError("changed")
    except (ValueError, IndexError):
        raise FileChanged(draft.source, "the file changed after it was checked; run tweetguard again") from None
    literal = line[start:end]
    fixed = apply_to_text(draft.text, fixes)
    # Keep the line's style: raw non-ASCII stays raw, \u-escaped text stays escaped.
    new_literal = json.dumps(fixed, ensure_ascii=literal.isascii())
    return [Edit(offset + start, offset + end, new_literal, fixes[0])]


def apply_to_text(text: str, fixes: list[Violation]) -> str:
    """``text`` with non-overlapping fixes applied (right to left, so offsets hold)."""
    for violation in sorted(fixes, key=lambda v: v.start, reverse=True):
        text = text[: violation.start] + (violation.fix or "") + text[violation.end :]
    return text


def apply_edits(content: str, edits: list[Edit]) -> str:
    for edit in sorted({(e.start, e.end, e.new) for e in edits}, reverse=True):
        content = content[: edit[0]] + edit[2] + content[edit[1] :]
    return content


def fixable_file(draft: Draft) -> bool:
    """Files whose fixes can be written back exactly (see the module docstring)."""
    return registry.can_fix(draft)


def write_atomically(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` so a crash never leaves half a file; keep its mode.

    A symbolic link is followed: the draft it points to is fixed and the link stays a link.
    """
    path = path.resolve()
    mode = stat.S_IMODE(path.stat().st_mode)
    if not mode & stat.S_IWUSR:
        raise DraftError(str(path), "is read-only, so its fixes were not applied; make it writable and run again")
    handle, temp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tweetguard")
    try:
        with os.fdopen(handle, "wb") as temp:
            temp.write(data)
            temp.flush()
            os.fsync(temp.fileno())
        os.chmod(temp_name, mode)
        os.replace(temp_name, path)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise


@dataclass
class FileFix:
    """What fixing one file did: its old and new text and the violations fixed."""

    path: Path
    before: str
    after: str
    fixed: list[Violation] = field(default_factory=list)

    def diff(self) -> str:
        return "".join(difflib.unified_diff(self.before.splitlines(keepends=True),
                                            self.after.splitlines(keepends=True),
                                            f"a/{self.path.as_posix()}", f"b/{self.path.as_posix()}"))


def fix_file(path: Path, results: list[DraftResult]) -> FileFix:
    """Work out (without writing) what fixing ``results``' drafts does to ``path``."""
    try:
        raw = path.read_bytes()
        before = raw.decode("utf-8")
    except FileNotFoundError:
        raise DraftError(str(path), "was moved or deleted before its fixes could be applied") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise DraftError(str(path), f"cannot be read again to apply its fixes ({exc})") from None
    return fix_content(path, before, results)


def _drafts_in(content: str, path: Path) -> list[Draft]:
    """The drafts of a file's (fixed, not yet written) content, as reading the file would give."""
    from tweetguard.sources.draft_file import read_text_draft
    from tweetguard.sources.jsonl import read_jsonl

    if path.suffix.lower() == ".jsonl":
        return [d for d in read_jsonl(io.BytesIO(content.encode("utf-8")), path) if isinstance(d, Draft)]
    return read_text_draft(content, str(path), path)


# Like ruff: fixing can bring two words together into a new problem ("Tom Reid Maya Singh"
# -> "Tom Maya"), so fixes are applied round after round until nothing is left to fix. Then
# a second --fix run finds nothing to do.
MAX_FIX_ROUNDS = 10


def fix_until_settled(path: Path, results: list[DraftResult], recheck: Callable[[Draft], DraftResult]) -> FileFix:
    """Fix ``path``'s drafts, re-check the fixed text in memory, and repeat until it settles."""
    change = fix_file(path, results)
    total = FileFix(path, change.before, change.after, list(change.fixed))
    for _ in range(MAX_FIX_ROUNDS - 1):
        if change.after == change.before:
            break
        try:
            fresh = [recheck(draft) for draft in _drafts_in(change.after, path)]
        except DraftError:
            break
        if not any(choose_fixes(result) for result in fresh):
            break
        change = fix_content(path, change.after, fresh)
        total.after = change.after
        total.fixed += change.fixed
    return total


def fix_content(path: Path, before: str, results: list[DraftResult]) -> FileFix:
    """What fixing ``results``' drafts does to ``before``, the text of ``path``."""
    edits: list[Edit] = []
    fixed: list[Violation] = []
    for result in results:
        fixes = choose_fixes(result)
        if not fixes:
            continue
        if path.suffix.lower() == ".jsonl":
            edits += _jsonl_edit(before, result, fixes)
        else:
            edits += _text_file_edits(before, result, fixes)
        fixed += fixes
    return FileFix(path, before, apply_edits(before, edits), fixed)


def _fixed_note(violation: Violation, text: str) -> Note:
    return Note(violation.rule, f"Fixed in the file: '{text[violation.start:violation.end]}' "
                                f"is now '{violation.fix}'.")


class FixReporter:
    """Wraps the run's reporter: fixes each file once all its drafts are checked.

    ``write`` False is --diff: the diffs go to ``diff_stream`` and nothing is written.
    ``recheck`` checks a draft again after its file was fixed.
    """

    def __init__(self, inner: Reporter, recheck: Callable[[Draft], DraftResult], write: bool,
                 diff_stream: TextIO | None = None, warn: Callable[[str], None] = lambda _: None) -> None:
        self.inner = inner
        self.recheck = recheck
        self.write = write
        self.diff_stream = diff_stream
        self.warn = warn
        self.pending_path: Path | None = None
        self.pending: list[DraftResult] = []
        self.replaced: list[tuple[DraftResult, DraftResult]] = []
        self.failures = 0
        self.files_changed = 0
        self.fixes_applied = 0
        self.not_applied = 0

    def draft(self, result: DraftResult) -> None:
        draft = result.draft
        if not fixable_file(draft):
            self._flush()
            self.not_applied += len(choose_fixes(result))
            self.inner.draft(result)
            return
        if draft.path != self.pending_path:
            self._flush()
            self.pending_path = draft.path
        self.pending.append(result)

    def problem(self, error: TweetguardError) -> None:
        self.inner.problem(error)

    def finish(self, summary: Summary) -> None:
        self._flush()
        for old, new in self.replaced:
            _subtract(summary, old)
            summary.add(new)
        summary.unreadable += self.failures
        if self.not_applied:
            self.warn(f"{self.not_applied} fix(es) not applied: only .txt/.md drafts and .jsonl collections "
                      "are fixed in place (the report says what to write instead)")
        if self.write and self.fixes_applied:
            self.warn(f"fixed {_plural(self.fixes_applied, 'problem')} in {_plural(self.files_changed, 'file')}")
        elif not self.write:
            self.warn(f"{_plural(self.fixes_applied, 'fix', 'fixes')} in {_plural(self.files_changed, 'file')} "
                      "would be applied; run with --fix to apply them" if self.fixes_applied else "nothing to fix")
        self.inner.finish(summary)

    def diff_exit_code(self, summary: Summary) -> int:
        """--diff: 2 when something could not be checked, 1 when there is something to fix."""
        if summary.unreadable or summary.rule_failures:
            return 2
        return 1 if self.files_changed else 0

    def _flush(self) -> None:
        results, path = self.pending, self.pending_path
        self.pending, self.pending_path = [], None
        if not results or path is None:
            return
        if not any(choose_fixes(r) for r in results):
            for result in results:
                self.inner.draft(result)
            return
        try:
            change = fix_until_settled(path, results, self.recheck)
            if self.write and change.after != change.before:
                write_atomically(path, change.after.encode("utf-8"))
        except TweetguardError as error:
            self._fail(error, results)
            return
        except OSError as exc:
            self._fail(DraftError(str(path), f"its fixes could not be written ({exc.strerror or exc})"), results)
            return
        if change.after != change.before:
            self.files_changed += 1
            self.fixes_applied += len(change.fixed)
        if not self.write:
            if self.diff_stream is not None:
                self.diff_stream.write(change.diff())
                self.diff_stream.flush()
            for result in results:
                self.inner.draft(result)
            return
        self._report_rechecked(path, results)

    def _fail(self, error: TweetguardError, results: list[DraftResult]) -> None:
        self.failures += 1
        self.warn(str(error))
        self.inner.problem(error)
        for result in results:
            self.inner.draft(result)

    def _report_rechecked(self, path: Path, results: list[DraftResult]) -> None:
        """Check the fixed file's drafts again so the report shows what remains."""
        from tweetguard.sources.collect import read_file

        drafts = [d for d in read_file(path) if isinstance(d, Draft)]
        by_source = {d.source: d for d in drafts}
        for result in results:
            fixes = choose_fixes(result)
            if not fixes:
                self.inner.draft(result)
                continue
            notes = [_fixed_note(v, result.draft.text) for v in fixes]
            fresh_draft = by_source.get(result.draft.source)
            if fresh_draft is None:  # a thread whose lines moved: say what was fixed instead
                fresh = replace(result, violations=[v for v in result.violations if v not in fixes])
            else:
                fresh = self.recheck(fresh_draft)
            fresh.notes[:0] = notes
            self.replaced.append((result, fresh))
            self.inner.draft(fresh)


def _subtract(summary: Summary, result: DraftResult) -> None:
    """Undo ``Summary.add`` for a result that was replaced by its re-check."""
    summary.drafts -= 1
    if result.has("error"):
        summary.drafts_with_errors -= 1
    for violation in result.violations:
        summary.by_severity[violation.severity] -= 1
        summary.by_rule[violation.rule] -= 1
        if summary.by_rule[violation.rule] <= 0:
            del summary.by_rule[violation.rule]


class NullReporter:
    """--diff shows only the diff."""

    def draft(self, result: DraftResult) -> None:
        pass

    def problem(self, error: TweetguardError) -> None:
        pass

    def finish(self, summary: Summary) -> None:
        pass


def _plural(count: int, word: str, plural: str | None = None) -> str:
    return f"{count} {word if count == 1 else plural or word + 's'}"


def make_fixer(reporter: Reporter, engine: Engine, default_time: datetime | None, diff: bool, stream: TextIO) -> FixReporter:
    """The reporter for --fix (fix, re-check, report) or --diff (print the diff only)."""
    import click

    return FixReporter(NullReporter() if diff else reporter, lambda draft: engine.check(draft, default_time)[0],
                       write=not diff, diff_stream=stream if diff else None,
                       warn=lambda message: click.echo(f"tweetguard: {message}", err=True))
