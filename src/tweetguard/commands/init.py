"""``tweetguard init``: a starter config, a drafts folder with two examples, a pre-commit config.

Nothing that already exists is overwritten: the command says what it created and what it
left alone, so running it twice is harmless.
"""

from __future__ import annotations

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
# It makes name checks exact. Keep it private: never put it in a public repository.
# For example:  roster: ../private/roster.csv
roster:

# Names that are fine to post in full (staff, visitors, authors), e.g. [Julia Donaldson].
allow_names: []

# Places that are fine to name (the school's own hall, a local park), e.g. [Oakfield Park].
allow_places: []

# Accounts the school may mention or reply to, e.g. ["@OakfieldPTA"].
allow_accounts: []

# The school's own email domains: addresses there may be shared, e.g. [oakfield.sch.uk].
school_email_domains: []

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
scheduled: 2026-03-14T10:30
occasion: event
---
Good luck to our netball team at today's tournament! We are proud of you all.
"""

PRE_COMMIT = """\
# Checks every draft before it is committed: `pip install pre-commit`, then `pre-commit install`.
# This uses the tweetguard installed on this computer (`pip install tweetguard`).
repos:
  - repo: local
    hooks:
      - id: tweetguard
        name: tweetguard (check draft tweets against the social media policy)
        entry: tweetguard check
        language: system
        files: ^drafts/.*\\.(txt|md)$
        require_serial: true
"""

FILES = {
    ".tweetguard.yaml": CONFIG,
    "drafts/science-week.txt": GOOD_DRAFT,
    "drafts/netball-tournament.md": EVENT_DRAFT,
    ".pre-commit-config.yaml": PRE_COMMIT,
}


@click.command("init")
@click.argument("folder", default=".", type=click.Path(path_type=Path, file_okay=False))
def command(folder: Path) -> None:
    """Set up FOLDER (default: here) for tweetguard: config, example drafts, pre-commit.

    Files that already exist are left exactly as they are.
    """
    created: list[str] = []
    kept: list[str] = []
    for name, content in FILES.items():
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
    for name in created:
        click.echo(f"Created {folder / name}")
    for name in kept:
        click.echo(f"Left alone {folder / name} (it already exists)")
    if created:
        click.echo()
        click.echo(f"Next: edit {folder / '.tweetguard.yaml'}, then run:  tweetguard check {folder / 'drafts'}")
