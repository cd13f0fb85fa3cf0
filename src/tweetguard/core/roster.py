"""The optional pupil roster: the school's own list of pupils, read locally and never printed whole.

A CSV with the header ``first_name,last_name`` and an optional ``photo_consent`` (yes/no).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Iterator

from tweetguard.core.errors import ConfigError
from tweetguard.core.files import FileRefused, read_regular

MAX_ROSTER_BYTES = 20_000_000  # read whole; a school's roster is a few hundred kilobytes
CONSENT_VALUES = {"yes": True, "y": True, "true": True, "no": False, "n": False, "false": False, "": None}


@dataclass(frozen=True)
class Pupil:
    first_name: str
    last_name: str
    photo_consent: bool | None = None


@dataclass(frozen=True)
class Roster:
    pupils: tuple[Pupil, ...]

    @cached_property
    def surnames(self) -> frozenset[str]:
        """Lower-cased surnames, and each part of a hyphenated one."""
        names: set[str] = set()
        for pupil in self.pupils:
            last = pupil.last_name.lower()
            names.add(last)
            names.update(part for part in last.split("-") if len(part) > 1)
        return frozenset(names)


def load_roster(path: Path) -> Roster:
    """Read a roster CSV; any problem is a one-line error naming the file and line."""
    try:
        raw = read_regular(path, MAX_ROSTER_BYTES, "a roster")
        text = raw.decode("utf-8-sig")
    except FileRefused as exc:
        raise ConfigError(str(path), f"the roster {exc.reason}; give --roster a CSV file") from None
    except OSError as exc:
        raise ConfigError(str(path), f"cannot read the roster ({exc.strerror or exc}); check --roster") from None
    except UnicodeDecodeError:
        raise ConfigError(str(path), "the roster is not UTF-8 text; save it as CSV UTF-8") from None
    import csv
    import io

    # newline="" hands csv the line endings as written, so CR-only files (old Mac Excel) read.
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        return Roster(tuple(_pupils(reader, path)))
    except csv.Error as exc:
        raise ConfigError(f"{path}:{reader.line_num}", f"the roster is not valid CSV ({exc}); "
                          "save it again as CSV UTF-8") from None


def _pupils(reader: Iterator[list[str]], path: Path) -> Iterator[Pupil]:
    """The pupils of a roster read by ``reader``, after its header line."""
    header = [h.strip().lower() for h in next(reader, [])]
    if "first_name" not in header or "last_name" not in header:
        raise ConfigError(
            f"{path}:1", "the roster needs a header line 'first_name,last_name' (and optionally ',photo_consent')"
        )
    first, last = header.index("first_name"), header.index("last_name")
    consent = header.index("photo_consent") if "photo_consent" in header else None
    for line_no, row in enumerate(reader, start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) <= max(first, last):
            raise ConfigError(f"{path}:{line_no}", "this roster row has too few columns")
        value = row[consent].strip().lower() if consent is not None and consent < len(row) else ""
        if value not in CONSENT_VALUES:
            raise ConfigError(f"{path}:{line_no}", f"photo_consent must be yes or no, not '{value}'")
        yield Pupil(row[first].strip(), row[last].strip(), CONSENT_VALUES[value])
