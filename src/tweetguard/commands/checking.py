"""What ``tweetguard check`` does once its options are read, without click.

``commands/check.py`` declares the options for click; ``commands/quick.py`` reads the
usual ones itself, so that checking a draft need not import click (a sixth of a cold
start). Both call :func:`run_check` with the same values.
"""

from __future__ import annotations

import gc
import os
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from tweetguard.commands.options import build_settings, parse_at
from tweetguard.core.console import echo_err
from tweetguard.core.errors import ConfigError, TweetguardError, printable
from tweetguard.core.model import Draft
from tweetguard.core.reporting import KeepingReporter
from tweetguard.core.settings import Settings
from tweetguard.output import load_format, resolve_format
from tweetguard.output.options import OutputOptions

if TYPE_CHECKING:
    from tweetguard.core.model import DraftResult
    from tweetguard.core.reporting import Reporter, TextOut
    from tweetguard.core.roster import Roster
    from tweetguard.engine.checker import Engine
    from tweetguard.redact import HeldOutput, Redactor


def _items(paths: tuple[str, ...], text: str | None, settings: Settings,
           text_label: str = "<text>") -> Iterator[Draft | TweetguardError]:
    """Every draft named on the command line, in order; unreadable ones as errors."""
    from tweetguard.sources.collect import read_arguments

    return read_arguments(paths, text, None, settings.include, settings.exclude, text_label)


COLOR_CHOICES = ("auto", "always", "never")


def _use_color(format_name: str, stream: TextIO, choice: str = "auto") -> bool:
    """--color, else the conventions: NO_COLOR (no-color.org) and TERM=dumb turn it off,
    FORCE_COLOR (force-color.org) on; otherwise colour on a terminal only."""
    if format_name != "text" or choice == "never":
        return False
    if choice == "always" or os.environ.get("FORCE_COLOR"):
        return True
    return stream.isatty() and not os.environ.get("NO_COLOR") and os.environ.get("TERM") != "dumb"


def _terminal_width(stream: TextIO) -> int | None:
    """The terminal's width, for wrapping on word boundaries; None when not a terminal."""
    if not stream.isatty():
        return None
    import shutil

    return max(40, shutil.get_terminal_size().columns)


@dataclass(frozen=True)
class CheckFlags:
    """How check reports: the command line's output flags, the same for every round of the desk."""

    format_name: str = "auto"
    strict: bool = False
    exit_zero: bool = False
    quiet: bool = False
    verbose: bool = False
    statistics: bool = False
    fix: bool = False
    diff: bool = False
    redact: bool = False
    jobs: int = 1
    color: str = "auto"
    audit: bool = False  # the drafts are published posts (tweetguard audit)


def run_check(paths: tuple[str, ...], text: str | None, at: str | None, occasion: str | None,
              reply_to: str | None, media: tuple[str, ...], only_scheduled: bool, format_name: str,
              config_path: Path | None, rule_dirs: tuple[Path, ...], roster: Path | None,
              select: tuple[str, ...], ignore: tuple[str, ...], timezone: str | None,
              strict: bool, exit_zero: bool, quiet: bool, verbose: bool, statistics: bool, fix: bool = False,
              diff: bool = False, redact: bool = False, jobs: int = 1, color: str = "auto",
              platform: str | None = None) -> None:
    """Check the drafts and exit with check's exit code (see ``tweetguard check --help``)."""
    from tweetguard.catalogue.loader import load_catalogue
    from tweetguard.engine.checker import Engine

    settings = build_settings(config_path, rule_dirs, roster, select, ignore, timezone, platform)
    if only_scheduled and at is not None:
        raise ConfigError("--only-scheduled", "cannot be used with --at; choose one")
    pupils = load_pupils(settings.roster, redact) if settings.roster else None
    engine = Engine(load_catalogue(settings.rule_dirs), settings, pupils)
    if not gc.isenabled():  # the command line turned it off for start-up, which is over
        gc.freeze()  # what start-up built lives to the end: no collection need look at it again
        gc.enable()
    flags = CheckFlags(format_name, strict, exit_zero, quiet, verbose, statistics, fix, diff, redact, jobs, color)
    at_the_desk = not paths and text is None and sys.stdin.isatty()
    front_matter = _front_matter(paths, None if at_the_desk else occasion, reply_to, media)
    if at_the_desk:
        sys.exit(_desk(engine, at, occasion, front_matter, flags))
    if not paths and text is None:
        paths = ("-",)
    default_time = None if only_scheduled else parse_at(at, settings)
    code, _ = check_once(engine, paths, text, "<text>", default_time, front_matter, flags, typed_at=at)
    sys.exit(code)


def check_once(engine: Engine, paths: tuple[str, ...], text: str | None, text_label: str,
               default_time: datetime | None, front_matter: dict[str, Any], flags: CheckFlags,
               typed_at: str | None = None, keep: bool = False,
               items: Iterator[Draft | TweetguardError] | None = None) -> tuple[int, list[DraftResult]]:
    """One run over the drafts, reported as the flags say; returns check's exit code and, with
    ``keep``, each draft's result as reported. ``items``: the drafts, read by the caller
    (an audit's archive) instead of from ``paths`` and ``text``."""
    from tweetguard.engine.runner import run

    resolved = resolve_format(flags.format_name, sys.stdout.isatty())
    if resolved == "text":
        text_label = "Your draft"  # people read this; machine formats keep "<text>" as the source
    if typed_at is not None and default_time is not None and resolved == "text" and sys.stdout.isatty():
        _say_if_past(typed_at, default_time, engine.settings)
    # ruff's way with `--fix -`: a typed draft's corrected text is standard output, and the
    # report of what remains goes to standard error.
    typed_fix = flags.fix and (text is not None or paths == ("-",))
    report_to = sys.stderr if typed_fix else sys.stdout
    options = OutputOptions(color=_use_color(resolved, report_to, flags.color), quiet=flags.quiet,
                            statistics=flags.statistics, verbose=flags.verbose, strict=flags.strict,
                            audit=flags.audit,
                            width=_terminal_width(report_to))
    out = _Outputs.make(resolved, options, engine, flags.redact, report_to)
    # Only the desk, with its one draft, keeps results: a run over an archive must not.
    kept = KeepingReporter(out.reporter) if keep else None
    reporter: Reporter = kept or out.reporter
    if flags.fix or flags.diff:
        from tweetguard.fix import make_fixer

        reporter = fixer = make_fixer(reporter, engine, default_time, diff=flags.diff, stream=out.diff,
                                      warn=out.err, typed_out=out.diff if typed_fix else None)
    reporter = out.learning(reporter)
    drafts = _with_front_matter(items or _items(paths, text, engine.settings, text_label), front_matter)
    jobs = 1 if flags.fix or flags.diff else _at_most_the_cpus(flags.jobs)  # --fix rechecks and rewrites files
    summary = run(_ProblemsToStderr(drafts, out.err), engine, default_time, reporter, jobs=jobs)
    for rule_id, failure in summary.rule_failures.items():
        count = summary.rule_failure_counts[rule_id]
        out.err(f"tweetguard: {printable(str(failure))}" + (f" [{count} drafts affected]" if count > 1 else ""))
    out.release()
    results = kept.results if kept else []
    if flags.diff:
        return fixer.diff_exit_code(summary), results
    return summary.exit_code(strict=flags.strict, exit_zero=flags.exit_zero), results


def _desk(engine: Engine, at: str | None, occasion: str | None, front_matter: dict[str, Any],
          flags: CheckFlags) -> int:
    """The interactive check: ask for the draft and only what the command line did not say,
    check it, offer the corrected draft ready to copy, and go round again while the head
    teacher wants to change it. The exit code is the last check's."""
    from tweetguard.commands.interactive import ask_again, ask_for_draft, show_corrected
    from tweetguard.fix import settle

    given = parse_at(at, engine.settings) if at is not None else None

    def outside_hours(when: datetime | None) -> bool:
        # The catalogue's own posting-hours rule decides, on a draft that claims no exemption.
        moment = when or given or datetime.now(engine.settings.tz)
        result, _ = engine.check(Draft(source="", text=""), moment)
        return any(v.category == "schedule" for v in result.violations)

    now = datetime.now(engine.settings.tz).replace(tzinfo=None)
    answers = ask_for_draft(now, ask_time=at is None, ask_occasion=occasion is None, outside_hours=outside_hours)
    when_typed = at if at is not None else answers.when.isoformat() if answers.when else None
    extra = dict(front_matter, occasion=occasion or answers.occasion) if occasion or answers.occasion else front_matter
    default_time = parse_at(when_typed, engine.settings)
    text, typed_at = answers.text, at
    while True:
        code, results = check_once(engine, (), text, "Your draft", default_time, extra, flags, typed_at,
                                    keep=True)
        fixed = settle(results[0], lambda draft: engine.check(draft, default_time)[0]) if results else None
        if fixed is not None and not flags.fix and not flags.redact:  # --fix prints it; --redact must not
            show_corrected(fixed.draft.text, sum(v.severity == "error" for v in fixed.violations))
        changed = ask_again()
        if changed is None:
            return code
        text, typed_at = changed, None


def _say_if_past(at: str, when: datetime, settings: Settings) -> None:
    """A person typing --at a time already gone has most likely slipped (CI pins old times on
    purpose, and does not read a terminal, so it is not told)."""
    from tweetguard.core.clock import describe
    from tweetguard.sources.when import has_passed

    if has_passed(when, datetime.now(settings.tz)):
        echo_err(f"tweetguard: --at {at!r} ({describe(when)}) has already passed; checked as if posted then")


def _at_most_the_cpus(jobs: int) -> int:
    """More workers than CPUs only compete for them (and 500 would start 503 processes)."""
    from tweetguard.engine.lifetime import available_cpus

    cpus = available_cpus()
    if jobs <= cpus:
        return jobs
    echo_err(f"tweetguard: --jobs {jobs} is more than the {cpus} CPU{'s' if cpus > 1 else ''} "
             f"this machine gives tweetguard; using {cpus}")
    return cpus


def load_pupils(path: Path, redact: bool) -> Roster:
    from tweetguard.core.roster import load_roster

    try:
        return load_roster(path)
    except TweetguardError as error:
        if not redact:
            raise
        from tweetguard.redact import redact_error

        raise redact_error(error) from None  # a bad cell is quoted: it may be a child's name


class _Outputs:
    """Where check writes: the report, the --diff, lines on standard error. With --redact the
    diff and the lines are held until every draft has been read, then masked."""

    def __init__(self, reporter: Reporter, diff: TextOut, err: Callable[[str], None],
                 redactor: Redactor | None = None, held: tuple[HeldOutput, ...] = ()) -> None:
        self.reporter, self.diff, self.err = reporter, diff, err
        self.redactor, self.held = redactor, held

    @classmethod
    def make(cls, format_name: str, options: OutputOptions, engine: Engine, redact: bool,
             report_to: TextIO) -> _Outputs:
        """``report_to``: the report's stream (standard error when --fix prints a typed draft)."""
        rules = [c.rule for c in engine.rules]
        if not redact:
            return cls(load_format(format_name).make_reporter(report_to, options, rules), sys.stdout, echo_err)
        from tweetguard.redact import HeldOutput, RedactingReporter, Redactor

        redactor = Redactor(engine.roster, lexicon=engine.lexicon, roster_index=engine.roster_index)
        inner = load_format(format_name).make_reporter(report_to, replace(options, redact=redactor), rules)
        diff = HeldOutput(sys.stdout.write, redactor)
        lines = HeldOutput(lambda line: echo_err(line.removesuffix("\n")), redactor)

        def err(line: str) -> None:
            lines.write(line + "\n")

        return cls(RedactingReporter(inner, redactor), diff, err, redactor, (diff, lines))

    def learning(self, reporter: Reporter) -> Reporter:
        """With --redact, the top reporter learns every draft's names as it passes."""
        if self.redactor is None:
            return reporter
        from tweetguard.redact import LearningReporter

        return LearningReporter(reporter, self.redactor)

    def release(self) -> None:
        for held in self.held:
            held.release()
        sys.stdout.flush()


def _front_matter(paths: tuple[str, ...], occasion: str | None, reply_to: str | None,
                  media: tuple[str, ...]) -> dict[str, Any]:
    """What --occasion, --reply-to and --media say, for drafts that have no front matter of their
    own to say it (--text, standard input, the prompt)."""
    given = {key: value for key, value in (("occasion", occasion), ("reply_to", reply_to),
                                           ("media", tuple(media))) if value}
    files = [p for p in paths if p != "-"]
    if given and files:
        flag = "--" + next(iter(given)).replace("_", "-")
        raise ConfigError(flag, f"applies to --text and standard input; for {files[0]}, write "
                                f"'{next(iter(given))}:' in the draft's front matter instead")
    return given


def _with_front_matter(items: Iterator[Draft | TweetguardError],
                       front_matter: dict[str, Any]) -> Iterator[Draft | TweetguardError]:
    for item in items:
        yield replace(item, **front_matter) if front_matter and isinstance(item, Draft) else item


class _ProblemsToStderr:
    """Unreadable drafts are reported as they are met, one line each on standard error."""

    def __init__(self, items: Iterator[Draft | TweetguardError], err: Callable[[str], None]) -> None:
        self.items = items
        self.err = err

    def __iter__(self) -> Iterator[Draft | TweetguardError]:
        for item in self.items:
            if isinstance(item, TweetguardError):
                self.err(f"tweetguard: {item}")
            yield item
