"""``check --fix`` and ``--diff``: apply the safe fixes rules carry, changing nothing else.

A fix is the replacement text for one violation's [start, end) in its draft's text (for
example a pupil's full name becomes the first name). Fixing runs in two steps:

1. computing the edits: which violations carry a fix that changes the text, without
   overlaps (the first one wins; the others are left for the next run), as edits in the
   draft's own text offsets (``choose_fixes``, ``text_edits``);
2. applying them through the draft's source (sources/registry.py), which places each edit
   in its file's text so that everything else stays byte for byte: front matter, the
   other text, CRLF line endings, a BOM. A YAML collection cannot be rewritten exactly and
   is not fixed; the report says what to write.

A typed draft (``--text`` or standard input) has no file: as ``ruff check --fix -`` does,
the corrected text (standard input's whole text, front matter and all) goes to
``typed_out`` and the report of what remains to standard error (commands/checking.py).
``--diff`` prints its diff like a file's.

The file is read back and written atomically by sources/atomic.py. Results for one file
are held back until the file's last draft has been checked, then the file is fixed and its
drafts are checked again, so the report shows what remains.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from tweetguard.core.console import echo_err
from tweetguard.core.errors import DraftError, TweetguardError, printable
from tweetguard.core.model import Draft, DraftResult, Note, Violation
from tweetguard.core.reporting import Reporter, Summary, TextOut
from tweetguard.core.wording import plural
from tweetguard.sources import registry
from tweetguard.sources.atomic import read_back, remove_leftovers, write_back
from tweetguard.sources.base import Edit, FileSource, splice

if TYPE_CHECKING:
    from tweetguard.engine.checker import Engine


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


def text_edits(fixes: list[Violation]) -> list[Edit]:
    """The chosen fixes as edits to their draft's text."""
    return [Edit(v.start, v.end, v.fix or "") for v in fixes]


def apply_to_text(text: str, fixes: list[Violation]) -> str:
    """``text`` with non-overlapping fixes applied."""
    return splice(text, text_edits(fixes))


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


def fix_file(source: FileSource, path: Path, results: list[DraftResult]) -> FileFix:
    """Work out (without writing) what fixing ``results``' drafts does to ``path``."""
    return fix_content(source, path, read_back(path), results)


# Like ruff: fixing can bring two words together into a new problem ("Tom Reid Maya Singh"
# -> "Tom Maya"), so fixes are applied round after round until nothing is left to fix. Then
# a second --fix run finds nothing to do.
MAX_FIX_ROUNDS = 10


def fix_until_settled(source: FileSource, path: Path, results: list[DraftResult],
                      recheck: Callable[[Draft], DraftResult]) -> FileFix:
    """Fix ``path``'s drafts, re-check the fixed text in memory, and repeat until it settles."""
    change = fix_file(source, path, results)
    total = FileFix(path, change.before, change.after, list(change.fixed))
    for _ in range(MAX_FIX_ROUNDS - 1):
        if change.after == change.before:
            break
        try:
            fresh = [recheck(draft) for draft in source.reread(change.after, path)]
        except DraftError:
            break
        if not any(choose_fixes(result) for result in fresh):
            break
        change = fix_content(source, path, change.after, fresh)
        total.after = change.after
        total.fixed += change.fixed
    return total


def fix_content(source: FileSource, path: Path, before: str, results: list[DraftResult]) -> FileFix:
    """What fixing ``results``' drafts does to ``before``, the text of ``path``."""
    placed: list[Edit] = []
    fixed: list[Violation] = []
    for result in results:
        fixes = choose_fixes(result)
        if fixes:
            placed += source.place(before, result.draft, text_edits(fixes))
            fixed += fixes
    return FileFix(path, before, splice(before, placed), fixed)


def _fixed_note(violation: Violation, text: str, where: str = "in the file") -> Note:
    return Note(violation.rule, f"Fixed {where}: '{text[violation.start:violation.end]}' "
                                f"is now '{violation.fix}'.")


def settle(result: DraftResult, recheck: Callable[[Draft], DraftResult]) -> DraftResult | None:
    """The check of the draft with every safe fix applied, round after round until none is
    left (at most MAX_FIX_ROUNDS); None when there is nothing to fix."""
    current = result
    for _ in range(MAX_FIX_ROUNDS):
        fixes = choose_fixes(current)
        if not fixes:
            break
        current = recheck(replace(current.draft, text=apply_to_text(current.draft.text, fixes)))
    return None if current.draft.text == result.draft.text else current


@dataclass
class _Typed:
    """The typed drafts of a run (``--text``, or standard input: one draft or a thread) and
    their fixes, placed in the text they came in."""

    content: str
    label: str
    edits: list[Edit] = field(default_factory=list)

    def after(self) -> str:
        return splice(self.content, self.edits)


class FixReporter:
    """Wraps the run's reporter: fixes each file once all its drafts are checked.

    ``write`` False is --diff: the diffs go to ``diff_stream`` and nothing is written.
    ``recheck`` checks a draft again after its file was fixed.
    """

    def __init__(self, inner: Reporter, recheck: Callable[[Draft], DraftResult], write: bool,
                 diff_stream: TextOut | None = None, warn: Callable[[str], None] = lambda _: None,
                 typed_out: TextOut | None = None) -> None:
        self.inner = inner
        # Where --fix writes a typed draft's corrected text; None: typed drafts are not fixed
        # (the report shares standard output with them).
        self.typed_out = typed_out
        self.typed: _Typed | None = None
        self.recheck = recheck
        self.write = write
        self.diff_stream = diff_stream
        self.warn = warn
        self.pending_path: Path | None = None
        self.pending_source: FileSource | None = None
        self.pending: list[DraftResult] = []
        self.replaced: list[tuple[DraftResult, DraftResult]] = []
        self.failures = 0
        self.files_changed = 0
        self.fixes_applied = 0
        self.not_applied = 0
        self.swept: set[Path] = set()
        self.saw_files = False  # whether any draft came from a file ("fixed 1 problem in the draft")

    def _sweep(self, path: Path) -> None:
        """Remove what a killed --fix left in ``path``'s folder (once per folder per run)."""
        folder = path.resolve().parent
        if folder in self.swept:
            return
        self.swept.add(folder)
        removed = remove_leftovers(folder)
        if removed:
            self.warn(f"removed {plural(len(removed), 'temporary file')} left in {folder} by an interrupted --fix")

    def draft(self, result: DraftResult) -> None:
        draft = result.draft
        self.saw_files = self.saw_files or draft.path is not None
        source = registry.fixer_for(draft)
        if source is None and draft.path is None and (self.typed_out is not None or not self.write):
            self._flush()
            self._fix_typed(result)
            return
        if source is None:
            self._flush()
            self.not_applied += len(choose_fixes(result))
            self.inner.draft(result)
            return
        if self.write and draft.path is not None:
            self._sweep(draft.path)
        if draft.path != self.pending_path:
            self._flush()
            self.pending_path, self.pending_source = draft.path, source
        self.pending.append(result)

    def problem(self, error: TweetguardError) -> None:
        self.inner.problem(error)

    def _fix_typed(self, result: DraftResult) -> None:
        """Fix a typed draft in memory; its corrected text is written when the run ends."""
        if self.typed is None:
            self.typed = _Typed(registry.typed_content(result.draft), result.draft.source.split(":", 1)[0])
        fixed = settle(result, self.recheck)
        if fixed is None:
            self.inner.draft(result)
            return
        whole = Edit(0, len(result.draft.text), fixed.draft.text)
        self.typed.edits += registry.FALLBACK.place(self.typed.content, result.draft, [whole])
        fixes = choose_fixes(result)
        self.fixes_applied += len(fixes)
        if not self.write:
            self.inner.draft(result)
            return
        fixed.notes[:0] = [_fixed_note(v, result.draft.text, "in the corrected draft") for v in fixes]
        self.replaced.append((result, fixed))
        self.inner.draft(fixed)

    def _write_typed(self) -> None:
        typed, self.typed = self.typed, None
        if typed is None:
            return
        self.files_changed += 1 if typed.edits else 0  # the typed text counts as one file (--diff's exit code)
        after = typed.after()
        if self.write and self.typed_out is not None:
            self.typed_out.write(after + ("" if after.endswith("\n") else "\n"))
            self.typed_out.flush()
        elif not self.write and self.diff_stream is not None and typed.edits:
            ended = "" if typed.content.endswith("\n") else "\n"  # --text has no last newline; a diff needs one
            self.diff_stream.write(FileFix(Path(typed.label), typed.content + ended, after + ended).diff())
            self.diff_stream.flush()

    def finish(self, summary: Summary) -> None:
        self._flush()
        typed_only = self.typed is not None and not self.saw_files
        self._write_typed()
        for old, new in self.replaced:
            _subtract(summary, old)
            summary.add(new)
        summary.unreadable += self.failures
        if self.not_applied:
            self.warn(f"{plural(self.not_applied, 'fix', 'fixes')} not applied: only {registry.fixable_kinds()} "
                      "are fixed in place (the report says what to write instead)")
        where = "the draft" if typed_only else plural(self.files_changed, "file")
        if self.write and self.fixes_applied:
            self.warn(f"fixed {plural(self.fixes_applied, 'problem')} in {where}")
        elif not self.write:
            self.warn(f"{plural(self.fixes_applied, 'fix', 'fixes')} in {where} "
                      "would be applied; run with --fix to apply them" if self.fixes_applied else "nothing to fix")
        self.inner.finish(summary)

    def diff_exit_code(self, summary: Summary) -> int:
        """--diff: 2 when something could not be checked, 1 when there is something to fix."""
        if summary.unreadable or summary.rule_failures:
            return 2
        return 1 if self.files_changed else 0

    def _flush(self) -> None:
        results, path, source = self.pending, self.pending_path, self.pending_source
        self.pending, self.pending_path, self.pending_source = [], None, None
        if not results or path is None or source is None:
            return
        if not any(choose_fixes(r) for r in results):
            for result in results:
                self.inner.draft(result)
            return
        try:
            change = fix_until_settled(source, path, results, self.recheck)
            if self.write and change.after != change.before:
                write_back(path, change.after)
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
        self._report_rechecked(source, path, results)

    def _fail(self, error: TweetguardError, results: list[DraftResult]) -> None:
        self.failures += 1
        self.warn(str(error))
        self.inner.problem(error)
        for result in results:
            self.inner.draft(result)

    def _report_rechecked(self, source: FileSource, path: Path, results: list[DraftResult]) -> None:
        """Check the fixed file's drafts again so the report shows what remains."""
        drafts = [d for d in source.read(path) if isinstance(d, Draft)]
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
    summary.remove(result)


class NullReporter:
    """--diff shows only the diff."""

    def draft(self, result: DraftResult) -> None:
        pass

    def problem(self, error: TweetguardError) -> None:
        pass

    def finish(self, summary: Summary) -> None:
        pass


def make_fixer(reporter: Reporter, engine: Engine, default_time: datetime | None, diff: bool, stream: TextOut,
               warn: Callable[[str], None] = echo_err, typed_out: TextOut | None = None) -> FixReporter:
    """The reporter for --fix (fix, re-check, report) or --diff (print the diff only);
    ``warn`` writes a line to standard error (held back under --redact); ``typed_out`` is
    where --fix writes a typed draft's corrected text (None: typed drafts are not fixed)."""
    return FixReporter(NullReporter() if diff else reporter, lambda draft: engine.check(draft, default_time)[0],
                       write=not diff, diff_stream=stream if diff else None,
                       warn=lambda message: warn(f"tweetguard: {printable(message)}"),
                       typed_out=None if diff else typed_out)
