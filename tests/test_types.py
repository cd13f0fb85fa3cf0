"""``mypy --strict`` is clean on the whole package (configured in pyproject.toml)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def test_mypy_strict_finds_no_error() -> None:
    done = subprocess.run([sys.executable, "-m", "mypy", "--strict", "src/tweetguard"],
                          cwd=REPO, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    assert "Success" in done.stdout
