"""Shared fixtures: the default catalogue, an engine, and a fixed weekday posting time."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from tweetguard.catalogue.loader import Catalogue, load_catalogue

LONDON = ZoneInfo("Europe/London")
# A Wednesday in term time, inside posting hours: drafts without 'scheduled' go out then.
WEEKDAY_MORNING = datetime(2026, 3, 11, 10, 0, tzinfo=LONDON)
REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session", autouse=True)
def _cache_in_tmp(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """tweetguard's start-up cache (core.diskcache) goes to a temporary folder, never the
    user's: for the tests in this process and every tweetguard they start."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("xdg-cache")))
        patch.delenv("TWEETGUARD_NO_CACHE", raising=False)
        yield


@pytest.fixture(scope="session")
def catalogue() -> Catalogue:
    return load_catalogue()


def run_cli(*args: str, input: str | None = None) -> tuple[int, str, str]:
    """Run the real entry point in-process: exit code, standard output, standard error."""
    import sys

    from click.testing import CliRunner

    from tweetguard.cli import main

    with CliRunner().isolation(input=input) as (out, err, _):
        try:
            main(list(args))
            code = 0
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 1
        sys.stdout.flush()  # the report may still sit in the text buffer
        sys.stderr.flush()
        return code, out.getvalue().decode(), err.getvalue().decode()
