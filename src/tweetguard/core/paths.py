"""Where the package's own files are. Plain paths: importlib.resources costs ~5 ms of start-up."""

from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1]
# Gazetteers, the TLD and emoji tables, the policy's clauses and the catalogue snapshot.
DATA = PACKAGE / "data"


def default_rules_dir() -> Path:
    """The catalogue shipped with tweetguard: inside the installed package, else the checkout."""
    packaged = PACKAGE / "rules"
    if packaged.is_dir():
        return packaged
    return PACKAGE.parents[1] / "rules"
