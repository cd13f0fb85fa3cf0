"""``tweetguard audit``: check what an account has already published, from its X archive.

For when a parent withdraws consent, a new head arrives, or at the annual safeguarding
review: every post is checked as it went out (posting hours by its real time), each
problem reported with the post's date and link, then a count by year and category.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from datetime import date, tzinfo
from pathlib import Path

import click

from tweetguard.commands.checking import COLOR_CHOICES, CheckFlags, check_once, load_pupils
from tweetguard.commands.guard import interrupted
from tweetguard.commands.options import build_settings, jobs_option, settings_options
from tweetguard.core.console import echo_err
from tweetguard.core.errors import DraftError, TweetguardError
from tweetguard.core.model import Draft
from tweetguard.core.wording import plural
from tweetguard.output import format_names


def archive_posts(names: tuple[str, ...]) -> Iterator[Draft | TweetguardError]:
    """Every post in the archives named: a .zip, the folder it unpacked to, or a tweets.js."""
    from tweetguard.sources.collect import look_up
    from tweetguard.sources.x_archive import XArchive, in_folder

    source = XArchive()
    for name in names:
        found = look_up(name)
        if isinstance(found, DraftError):
            yield found
            continue
        path, folder = found
        files = in_folder(path) if folder else [path]
        if not files:
            yield DraftError(name, "holds no data/tweets.js, so it is not an unpacked X archive; name the "
                             "archive's .zip or the folder it unpacked to")
        for file in files:
            yield from source.read(file)


class Since:
    """The posts that went out on or after ``first``, a day in the school's time zone (as the
    headings and the year table tell the days), counting those left out."""

    def __init__(self, items: Iterator[Draft | TweetguardError], first: date | None, tz: tzinfo) -> None:
        self.items, self.first, self.tz, self.earlier = items, first, tz, 0

    def __iter__(self) -> Iterator[Draft | TweetguardError]:
        for item in self.items:
            if self.first is not None and isinstance(item, Draft) and item.scheduled is not None \
                    and item.scheduled.astimezone(self.tz).date() < self.first:
                self.earlier += 1
                continue
            yield item


def _parse_since(ctx: click.Context, param: click.Parameter, value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise click.BadParameter(f"'{value}' is not a date; write it like 2025-09-01") from None


@click.command("audit")
@click.argument("archives", nargs=-1, required=True)
@click.option("--since", "first", metavar="DATE", callback=_parse_since,
              help="Only posts that went out on or after this date, e.g. 2025-09-01.")
@click.option("--format", "format_name", type=click.Choice(format_names()), default="auto", show_default=True,
              help="Output format.")
@settings_options
@click.option("--strict", is_flag=True, help="Warnings fail the audit too (exit 1).")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when posts break the policy.")
@click.option("--quiet", "-q", is_flag=True, help="Show only posts with problems.")
@click.option("--verbose", "-v", is_flag=True, help="Show each problem's rule id in text output.")
@click.option("--statistics", is_flag=True, help="Count the violations of each rule.")
@click.option("--redact", is_flag=True, help="Mask pupils' names in the output (E**** T*******), e.g. for a report.")
@click.option("--jobs", "-j", "jobs", default="auto", envvar="TWEETGUARD_JOBS", show_default=True,
              callback=jobs_option,
              help="Worker processes: a number, or 'auto' (the CPUs, at most 4). Also TWEETGUARD_JOBS.")
@click.option("--color", "color", type=click.Choice(COLOR_CHOICES), default="auto", show_default=True,
              help="Colour in text output: auto, always or never.")
def command(archives: tuple[str, ...], first: date | None, format_name: str, config_path: Path | None,
            rule_dirs: tuple[Path, ...], roster: Path | None, select: tuple[str, ...], ignore: tuple[str, ...],
            timezone: str | None, platform: str | None, strict: bool, exit_zero: bool, quiet: bool,
            verbose: bool, statistics: bool, redact: bool, jobs: int, color: str) -> None:
    """Audit an X account archive: its .zip, the folder it unpacked to, or data/tweets.js.

    \b
    Every post is checked as it went out (posting hours by when it was posted); each
    problem is shown with the post's date and link, then a count by year and category:
        tweetguard audit twitter-archive.zip --roster pupils.csv
    Exit codes: 0 every post within the policy, 1 a post breaks it, 2 something could not be read.
    """
    from tweetguard.catalogue.loader import load_catalogue
    from tweetguard.engine.checker import Engine

    try:
        settings = build_settings(config_path, rule_dirs, roster, select, ignore, timezone, platform)
        pupils = load_pupils(settings.roster, redact) if settings.roster else None
        engine = Engine(load_catalogue(settings.rule_dirs), settings, pupils)
        flags = CheckFlags(format_name, strict, exit_zero, quiet, verbose, statistics, redact=redact, jobs=jobs,
                           color=color, audit=True)
        posts = Since(archive_posts(archives), first, settings.tz)
        code, _ = check_once(engine, (), None, "", None, {}, flags, items=iter(posts))
        if posts.earlier and first is not None:
            echo_err(f"tweetguard: {plural(posts.earlier, 'post')} went out before {first.isoformat()} and "
                     f"{'was' if posts.earlier == 1 else 'were'} left out (--since)")
    except KeyboardInterrupt:
        interrupted()
    sys.exit(code)

