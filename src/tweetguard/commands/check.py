"""``tweetguard check``: check drafts and report each problem in place.

The options, for click (and ``--help``); what the command does is in
``commands/checking.py``, and ``commands/quick.py`` reads the usual command lines without
click. Add an option here and in ``quick.OPTIONS`` (a test compares the two).
"""

from __future__ import annotations

from pathlib import Path

import click

from tweetguard.commands.checking import COLOR_CHOICES, run_check
from tweetguard.commands.guard import interrupted
from tweetguard.commands.options import jobs_option, settings_options
from tweetguard.core.model import OCCASIONS
from tweetguard.output import format_names
from tweetguard.sources import registry


@click.command("check")
@click.argument("paths", nargs=-1)
@click.option("--text", "text", help='Check one draft typed inline: --text "Well done Year 6!"')
@click.option("--at", "at", metavar="DATETIME",
              help="When drafts without 'scheduled' will be posted (default: now), e.g. 2026-03-11T09:30.")
@click.option("--occasion", type=click.Choice(OCCASIONS), help="For --text or standard input: the draft is "
              "about a school event happening then, or urgent news (posting hours' two exemptions).")
@click.option("--reply-to", "reply_to", metavar="ACCOUNT",
              help="For --text or standard input: the account or tweet the draft answers.")
@click.option("--media", multiple=True, metavar="FILE",
              help="For --text or standard input: a photo attached to the draft (repeatable).")
@click.option("--only-scheduled", is_flag=True,
              help="Check posting hours only for drafts with a 'scheduled' time (for pre-commit and CI, "
              "where 'now' is when the draft is committed, not when it will be posted).")
@click.option("--format", "format_name", type=click.Choice(format_names()), default="auto", show_default=True,
              help="Output format.")
@settings_options
@click.option("--strict", is_flag=True, help="Warnings fail the check too (exit 1).")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when there are violations.")
@click.option("--quiet", "-q", is_flag=True, help="Show only drafts with problems.")
@click.option("--verbose", "-v", is_flag=True, help="Show each problem's rule id and line:column in text output.")
@click.option("--statistics", is_flag=True, help="Count the violations of each rule.")
@click.option("--fix", is_flag=True, help="Apply safe fixes (a pupil's full name becomes the first name) "
              f"to {registry.fixable_kinds()}; nothing else in the file changes.")
@click.option("--diff", is_flag=True, help="Show the safe fixes as a unified diff and write nothing "
              "(exit 1 when there is something to fix).")
@click.option("--redact", is_flag=True, help="Mask pupils' names in the output (E**** T*******), e.g. for CI logs.")
@click.option("--jobs", "-j", "jobs", default="auto", envvar="TWEETGUARD_JOBS", show_default=True,
              callback=jobs_option,
              help="Worker processes for many drafts: a number, or 'auto' (the CPUs, at most 4); 1 checks "
              "everything in one process. Also TWEETGUARD_JOBS.")
@click.option("--color", "color", type=click.Choice(COLOR_CHOICES), default="auto", show_default=True,
              help="Colour in text output: auto (a terminal, unless NO_COLOR is set or TERM=dumb; FORCE_COLOR "
              "turns it on), always or never. Without colour, problem words are marked »like this«.")
def command(paths: tuple[str, ...], text: str | None, at: str | None, occasion: str | None,
            reply_to: str | None, media: tuple[str, ...], only_scheduled: bool, format_name: str,
            config_path: Path | None, rule_dirs: tuple[Path, ...], roster: Path | None,
            select: tuple[str, ...], ignore: tuple[str, ...], timezone: str | None,
            strict: bool, exit_zero: bool, quiet: bool, verbose: bool, statistics: bool, fix: bool = False,
            diff: bool = False, redact: bool = False, jobs: int = 1, color: str = "auto",
            platform: str | None = None) -> None:
    """Check draft tweets: files, folders (their .txt/.md drafts), '-' for standard input.

    \b
    A draft file holds one tweet, optionally after YAML front matter:
        ---
        scheduled: 2026-03-14T10:30
        occasion: event
        ---
        Good luck to our netball team in today's tournament!
    Exit codes: 0 ready, 1 a draft breaks the policy, 2 something could not be checked.
    """
    try:
        run_check(paths, text, at, occasion, reply_to, media, only_scheduled, format_name, config_path, rule_dirs,
                  roster, select, ignore, timezone, strict, exit_zero, quiet, verbose, statistics, fix, diff,
                  redact, jobs, color, platform)
    except KeyboardInterrupt:  # before click makes it "Aborted!" and exit 1
        interrupted()
