"""Shared fixtures: the default catalogue, an engine, and a fixed weekday posting time."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from tweetguard.catalogue import Catalogue, load_catalogue

LONDON = ZoneInfo("Europe/London")
# A Wednesday in term time, inside posting hours: drafts without 'scheduled' go out then.
WEEKDAY_MORNING = datetime(2026, 3, 11, 10, 0, tzinfo=LONDON)
REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture(scope="session")
def catalogue() -> Catalogue:
    return load_catalogue()
