"""The effective settings for a run: defaults, then the config file, then command-line options."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import time
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Mapping

from tweetguard.core.model import Draft, Severity
from tweetguard.core.platforms import DEFAULT_PLATFORM, PLATFORMS, Platform

if TYPE_CHECKING:
    from zoneinfo import ZoneInfo

DEFAULT_TIMEZONE = "Europe/London"


@dataclass(frozen=True)
class Settings:
    """The run's settings (a docstring also spares @dataclass computing one at start-up)."""

    timezone: str = DEFAULT_TIMEZONE
    # Posting window and days; None means "as the catalogue's schedule rule says".
    window_start: time | None = None
    window_end: time | None = None
    days: tuple[str, ...] | None = None
    rule_dirs: tuple[Path, ...] = ()
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    severity: Mapping[str, Severity] = field(default_factory=dict)
    roster: Path | None = None
    allow_names: tuple[str, ...] = ()
    allow_places: tuple[str, ...] = ()
    allow_accounts: tuple[str, ...] = ()
    school_domains: tuple[str, ...] = ()
    include: tuple[str, ...] = ("*",)  # in folders, every file a source picks up (sources/registry.py)
    exclude: tuple[str, ...] = ()
    platform: Platform = PLATFORMS[DEFAULT_PLATFORM]
    length_limit: int | None = None  # a server's own limit (Mastodon's can be changed)
    # UK Safer Internet Centre's "names, no images": warn when a photo goes with a child's
    # first name. Off by default, as the school's policy allows first names beside photos.
    names_with_photos: bool = False
    # Whether attached photos may be opened (core.photos): never by the page's server, where a
    # name in a request would be a file on the server, not one the writer attached.
    open_media: bool = True

    def platform_for(self, draft: Draft) -> Platform:
        """The platform a draft is for: its own front matter's, else the run's."""
        return PLATFORMS[draft.platform] if draft.platform else self.platform

    def length_limit_for(self, platform: Platform) -> int:
        """The platform's limit, or the config's length_limit on the platform it was set for."""
        if self.length_limit is not None and platform == self.platform:
            return self.length_limit
        return platform.limit

    @cached_property
    def tz(self) -> ZoneInfo:
        from zoneinfo import ZoneInfo

        return ZoneInfo(self.timezone)
