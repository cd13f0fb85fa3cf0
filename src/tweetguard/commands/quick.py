"""Reading ``tweetguard check``'s usual command lines without click.

Importing click and building its command took a sixth of a cold start. The options here
are check's own (``commands/check.py`` declares them for click; a test checks the two
agree), read as click reads them: ``--name value`` or ``--name=value``, ``-q``, ``-v``,
``-j N``, repeated options that collect, paths anywhere. Whenever click might say
something (``--help``, an unknown or repeated option, a value it would refuse, a path it
would check and refuse, the prompt at a terminal), None: the caller hands the command line
to click, which says it as it always did.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

from tweetguard.commands.checking import COLOR_CHOICES
from tweetguard.commands.options import parse_jobs
from tweetguard.core.model import OCCASIONS
from tweetguard.core.platforms import PLATFORMS

FLAG, VALUE, MANY, FILE, PATHS = "flag", "value", "many", "file", "paths"

# Each option string: the parameter it sets, and how its value is read.
OPTIONS: dict[str, tuple[str, str]] = {
    "--text": ("text", VALUE),
    "--at": ("at", VALUE),
    "--occasion": ("occasion", VALUE),
    "--reply-to": ("reply_to", VALUE),
    "--media": ("media", MANY),
    "--only-scheduled": ("only_scheduled", FLAG),
    "--format": ("format_name", VALUE),
    "--config": ("config_path", FILE),
    "--rules": ("rule_dirs", PATHS),
    "--roster": ("roster", FILE),
    "--select": ("select", MANY),
    "--ignore": ("ignore", MANY),
    "--timezone": ("timezone", VALUE),
    "--platform": ("platform", VALUE),
    "--strict": ("strict", FLAG),
    "--exit-zero": ("exit_zero", FLAG),
    "--quiet": ("quiet", FLAG),
    "-q": ("quiet", FLAG),
    "--verbose": ("verbose", FLAG),
    "-v": ("verbose", FLAG),
    "--statistics": ("statistics", FLAG),
    "--fix": ("fix", FLAG),
    "--diff": ("diff", FLAG),
    "--redact": ("redact", FLAG),
    "--jobs": ("jobs", VALUE),
    "-j": ("jobs", VALUE),
    "--color": ("color", VALUE),
}
DEFAULTS: dict[str, Any] = {
    "text": None, "at": None, "occasion": None, "reply_to": None, "media": (), "only_scheduled": False,
    "format_name": "auto", "config_path": None, "rule_dirs": (), "roster": None, "select": (), "ignore": (),
    "timezone": None, "strict": False, "exit_zero": False, "quiet": False, "verbose": False,
    "statistics": False, "fix": False, "diff": False, "redact": False, "jobs": None, "color": "auto",
    "platform": None,
}
# The values click would refuse for these: then click says so.
CHOICES: dict[str, tuple[str, ...]] = {"occasion": OCCASIONS, "color": COLOR_CHOICES, "platform": tuple(PLATFORMS)}


def read_check_arguments(args: list[str]) -> dict[str, Any] | None:
    """``run_check``'s parameters from check's arguments, or None to leave them to click."""
    found = _read(args)
    if found is None:
        return None
    values, paths = found
    if not _acceptable(values):
        return None
    if not paths and values["text"] is None and sys.stdin.isatty():
        return None  # the prompt: click's own
    jobs = values["jobs"] if values["jobs"] is not None else os.environ.get("TWEETGUARD_JOBS") or "auto"
    try:
        values["jobs"] = parse_jobs(jobs)
    except ValueError:
        return None
    values["paths"] = tuple(paths)
    return values


def _read(args: list[str]) -> tuple[dict[str, Any], list[str]] | None:
    values = dict(DEFAULTS)
    given: set[str] = set()
    paths: list[str] = []
    position = 0
    while position < len(args):
        arg = args[position]
        position += 1
        if arg == "-" or not arg.startswith("-"):
            paths.append(arg)
            continue
        name, equals, inline = arg.partition("=") if arg.startswith("--") else (arg, "", "")
        spec = OPTIONS.get(name)
        if spec is None:  # --help, --, an unknown or misspelt option, -qv...
            return None
        param, kind = spec
        if kind == FLAG:
            if equals:
                return None
            values[param] = True
            continue
        if equals:
            value = inline
        elif position < len(args):
            value = args[position]
            position += 1
        else:
            return None
        if value.startswith("-") or (kind in (VALUE, FILE) and param in given):
            return None  # unusual enough to leave to click
        given.add(param)
        if kind in (MANY, PATHS):
            values[param] += (Path(value) if kind == PATHS else value,)
        else:
            values[param] = Path(value) if kind == FILE else value
    return values, paths


def _acceptable(values: dict[str, Any]) -> bool:
    """Whether click would take these values as they are."""
    from tweetguard.output import format_names

    if values["format_name"] not in format_names():
        return False
    if any(values[param] is not None and values[param] not in choices for param, choices in CHOICES.items()):
        return False
    files = [values["config_path"], values["roster"]]
    return all(_readable(path, folder_ok=False) for path in files if path is not None) \
        and all(_readable(path, folder_ok=True) for path in values["rule_dirs"])


def _readable(path: Path, folder_ok: bool) -> bool:
    """click.Path's checks: a path that exists must be readable, and a folder only where one
    may be given; one that does not exist is for tweetguard to report."""
    try:
        is_folder = path.is_dir()
        exists = is_folder or path.exists()
    except OSError:
        return False
    if not exists:
        return True
    return (folder_ok or not is_folder) and os.access(path, os.R_OK)
