"""Options shared by several commands, and turning them into Settings."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any, Callable

from tweetguard.config import find_config, load_settings
from tweetguard.core.errors import ConfigError
from tweetguard.core.settings import Settings
from tweetguard.sources.fields import DateOutOfRange
from tweetguard.sources.when import TIME_EXAMPLES, read_when


def split_list(values: tuple[str, ...]) -> tuple[str, ...]:
    """``--select a,b --select c`` -> ('a', 'b', 'c')."""
    return tuple(item.strip() for value in values for item in value.split(",") if item.strip())


def settings_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """--config, --rules, --roster, --select, --ignore, --timezone, --platform: the run's settings."""
    import click  # here: `tweetguard check` reads its options without click (commands/quick.py)

    from tweetguard.core.platforms import PLATFORMS

    for decorator in reversed([
        click.option("--config", "config_path", type=click.Path(path_type=Path, dir_okay=False),
                     help="Config file (default: the nearest .tweetguard.yaml or pyproject.toml)."),
        click.option("--rules", "rule_dirs", multiple=True, type=click.Path(path_type=Path),
                     help="A folder of your own rule files, added to the default catalogue."),
        click.option("--roster", type=click.Path(path_type=Path, dir_okay=False),
                     help="Pupil roster CSV (first_name,last_name[,photo_consent]). Read locally, never printed."),
        click.option("--select", multiple=True, help="Only these rule ids or categories (comma-separated)."),
        click.option("--ignore", multiple=True, help="Skip these rule ids or categories (comma-separated)."),
        click.option("--timezone", help="The school's time zone (default Europe/London)."),
        click.option("--platform", type=click.Choice(tuple(PLATFORMS)),
                     help="Where the drafts will be posted, for their length limit (default x, or the config's)."),
    ]):
        func = decorator(func)
    return func


def parse_jobs(value: str | int) -> int:
    """``--jobs``: 'auto' or a whole number of processes, at least 1; ValueError says why not."""
    if str(value).strip().lower() == "auto":
        from tweetguard.engine.runner import auto_jobs

        return auto_jobs()
    try:
        jobs = int(value)
    except ValueError:
        raise ValueError(f"'{value}' is not a number; use e.g. --jobs 2, or --jobs auto") from None
    if jobs < 1:
        raise ValueError(f"{jobs} is too few; use --jobs 1 to check in one process, or --jobs auto")
    return jobs


def jobs_option(ctx: Any, param: Any, value: str | int) -> int:
    """click's callback for --jobs: 'auto' or a number of processes; a bad value is click's usage error."""
    import click

    try:
        return parse_jobs(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None


def build_settings(config_path: Path | None, rule_dirs: tuple[Path, ...], roster: Path | None,
                   select: tuple[str, ...], ignore: tuple[str, ...], timezone: str | None,
                   platform: str | None = None) -> Settings:
    """Defaults, then the config file, then the command line."""
    if config_path is not None and not config_path.is_file():
        raise ConfigError(str(config_path), "config file not found; check --config")
    settings = load_settings(config_path or find_config(Path.cwd()))
    fields: dict[str, Any] = {}
    if rule_dirs:
        fields["rule_dirs"] = settings.rule_dirs + rule_dirs
    if roster:
        fields["roster"] = roster
    if select:
        fields["select"] = split_list(select)
    if ignore:
        fields["ignore"] = settings.ignore + split_list(ignore)
    if timezone:
        from tweetguard.config import KEYS

        try:
            fields.update(KEYS["timezone"](timezone))
        except ValueError as exc:
            raise ConfigError("--timezone", str(exc)) from None
    if platform:
        from tweetguard.core.platforms import platform_named

        try:
            fields["platform"] = platform_named(platform)
        except ValueError as exc:
            raise ConfigError("--platform", str(exc)) from None
        if fields["platform"] != settings.platform:
            fields["length_limit"] = None  # the config's server limit is for the config's platform
    return replace(settings, **fields)


def parse_at(value: str | None, settings: Settings) -> datetime:
    """The posting time for drafts without 'scheduled': --at (read as the prompt reads a time:
    sources.when), else now (school time)."""
    now = datetime.now(settings.tz)
    if value is None:
        return now
    try:
        when = read_when(value, now.replace(tzinfo=None))
    except DateOutOfRange as exc:
        raise ConfigError("--at", f"'{value}': {exc}") from None
    except ValueError:
        raise ConfigError("--at", f"'{value}' is not a date and time; write it like {TIME_EXAMPLES}") from None
    return now if when is None else when
