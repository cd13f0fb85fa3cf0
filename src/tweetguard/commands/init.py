"""``tweetguard init``: a starter config, a drafts folder with two examples, a pre-commit config
and a ``.gitignore`` that keeps rosters out of the repository.

Nothing that already exists is overwritten (an existing ``.gitignore`` only gains the roster
line it lacks): the command says what it created and what it left alone, so running it twice
is harmless.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import click

CONFIG = """\
# tweetguard settings for this school. tweetguard finds this file by looking in the folder
# it runs in and the folders above. Every key is optional: delete what you do not need.

# The time zone posting times are in.
timezone: Europe/London

# When tweets may go out. The policy says 8am to 6pm, Monday to Friday.
posting_window:
  start: "08:00"
  end: "18:00"
  days: [monday, tuesday, wednesday, thursday, friday]

# Folders of the school's own rule files, added to the built-in rules (relative to this file).
rules: []

# Check only these rules or categories (empty means all of them), e.g. [names, schedule].
select: []

# Never check these rules or categories, e.g. [tweet-too-long].
ignore: []

# Make a rule more or less serious: error (blocks posting), warning or info.
# For example:  severity: {tweet-too-long: warning}
severity: {}

# The pupil roster: a CSV file with first_name,last_name and (optionally) photo_consent.
# It makes name checks exact. Keep it private: never commit it (the .gitignore beside this
# file keeps roster*.csv out of git). For example:  roster: ../private/roster.csv
roster:

# Names that are fine to post in full (staff, visitors, authors), e.g. [Julia Donaldson].
allow_names: []

# Places that are fine to name (the school's own hall, a local park), e.g. [Oakfield Park].
allow_places: []

# Accounts the school may mention or reply to, e.g. ["@OakfieldPTA"].
allow_accounts: []

# The school's own email domains: addresses there may be shared, e.g. [oakfield.sch.uk].
school_email_domains: []

# Where the drafts are posted, for the length limit: x (280), bluesky (300), mastodon (500),
# threads (500), instagram (2,200 and at most 30 hashtags) or facebook (63,206). A draft's
# front matter can name another (platform: instagram).
platform: x

# A Mastodon server's own limit, when it is not 500 (empty: the platform's own).
length_limit:

# warn: a photo together with a child's first name is a warning (the UK Safer Internet
# Centre's "names, no images; images, no names"). off: the policy allows first names beside photos.
names_with_photos: off

# Which files in a folder are drafts, and which to skip (patterns like drafts/old/*).
include: ["*.txt", "*.md"]
exclude: []
"""

GOOD_DRAFT = """\
Year 3 have loved their science week: rockets, magnets and a lot of happy noise!
Thank you to all the families who came to see the science fair.
"""

EVENT_DRAFT = """\
---
# Front matter: when the tweet will go out, and why it may go out at the weekend.
scheduled: {saturday}T10:30
occasion: event
---
Good luck to our netball team at today's tournament! We are proud of you all.
"""

PRE_COMMIT = """\
# Checks the drafts in drafts/ before each commit. Once: `pip install pre-commit`, then
# `pre-commit install`. It runs the tweetguard installed on this computer, from its
# repository: `pip install git+URL-OF-THE-TWEETGUARD-REPOSITORY` (or `pip install .` in a copy).
repos:
  - repo: local
    hooks:
      - id: tweetguard
        name: tweetguard (check draft tweets against the social media policy)
        # --only-scheduled: the time of a commit is not when a draft will be posted, so
        # posting hours are checked only for drafts that say when they go out.
        # Add --roster PATH (a copy kept outside the repository) to check names exactly.
        entry: tweetguard check --only-scheduled
        language: system
        # Only drafts: pre-commit passes files by name, so a README.md elsewhere is not checked.
        files: ^drafts/.*\\.(txt|md)$
        require_serial: true
"""

GITIGNORE_LINES = ("# Pupil rosters hold children's names: never commit them.", "roster*.csv")


def _next_saturday(today: date) -> date:
    """The example event's date: a Saturday still to come, so it is never a time in the past."""
    return today + timedelta(days=(5 - today.weekday()) % 7 or 7)


def starter_files(today: date) -> dict[str, str]:
    return {
        ".tweetguard.yaml": CONFIG,
        "drafts/science-week.txt": GOOD_DRAFT,
        "drafts/netball-tournament.md": EVENT_DRAFT.format(saturday=_next_saturday(today).isoformat()),
        ".pre-commit-config.yaml": PRE_COMMIT,
    }


def _keep_rosters_out(folder: Path) -> tuple[str, bool] | None:
    """Add ``roster*.csv`` to the folder's .gitignore (created if need be): what was said, and
    whether the file changed; None when it cannot be read or written (left to the school)."""
    path = folder / ".gitignore"
    try:
        existing = path.read_text(encoding="utf-8") if path.exists() else None
    except (OSError, UnicodeDecodeError):
        return None  # a .gitignore we cannot read is the school's own business: left alone
    if existing is not None and GITIGNORE_LINES[1] in existing.splitlines():
        return f"Left alone {path} (it already keeps roster*.csv out)", False
    lines = "\n".join(GITIGNORE_LINES) + "\n"
    try:
        if existing is None:
            with path.open("x", encoding="utf-8", newline="\n") as handle:
                handle.write(lines)
            return f"Created {path}", True
        with path.open("a", encoding="utf-8", newline="\n") as handle:
            handle.write(("" if existing.endswith("\n") or not existing else "\n") + lines)
    except OSError:
        return None
    return f"Added roster*.csv to {path}", True


@click.command("init")
@click.argument("folder", default=".", type=click.Path(path_type=Path, file_okay=False))
def command(folder: Path) -> None:
    """Set up FOLDER (default: here) for tweetguard: config, example drafts, pre-commit.

    Files that already exist are left exactly as they are.
    """
    created: list[str] = []
    kept: list[str] = []
    for name, content in starter_files(date.today()).items():
        path = folder / name
        if path.exists():
            kept.append(name)
            continue
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            with path.open("x", encoding="utf-8", newline="\n") as handle:  # "x": never overwrite
                handle.write(content)
        except FileExistsError:
            kept.append(name)
            continue
        except OSError as exc:
            from tweetguard.core.errors import ConfigError

            raise ConfigError(str(path), f"cannot be created ({exc.strerror or exc})") from None
        created.append(name)
    ignored = _keep_rosters_out(folder)
    for name in created:
        click.echo(f"Created {folder / name}")
    if ignored and ignored[1]:
        click.echo(ignored[0])
    for name in kept:
        click.echo(f"Left alone {folder / name} (it already exists)")
    if ignored and not ignored[1]:
        click.echo(ignored[0])
    if created:
        click.echo()
        click.echo(f"Next: edit {folder / '.tweetguard.yaml'}, then run:  tweetguard check {folder / 'drafts'}")
        click.echo("To check drafts on every commit:  pip install pre-commit && pre-commit install")
