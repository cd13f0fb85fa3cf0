"""Reading a draft file back for --fix and writing it again atomically, byte for byte.

The text is decoded as strict UTF-8 with no newline translation, so a BOM (kept as U+FEFF)
and CRLF line endings survive the round trip unchanged; only the fixed spans differ. The
write goes to a temporary file in the same folder, is fsynced, then renamed over the old
one with its permissions, so a crash leaves the old file or the new one, never half of one.
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path

from tweetguard.core.errors import DraftError
from tweetguard.core.files import FileRefused, read_regular

ENCODING = "utf-8"  # what every source reads; "utf-8-sig" would drop a BOM on the way back
MAX_FIX_BYTES = 200_000_000  # read whole to be fixed; far more than any collection of tweets


def read_back(path: Path) -> str:
    """The text of ``path`` as it is now, to apply fixes to."""
    try:
        return read_regular(path, MAX_FIX_BYTES, "a file to fix").decode(ENCODING)
    except FileRefused as exc:
        raise DraftError(str(path), f"{exc.reason}; its fixes were not applied") from None
    except FileNotFoundError:
        raise DraftError(str(path), "was moved or deleted before its fixes could be applied") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise DraftError(str(path), f"cannot be read again to apply its fixes ({exc})") from None


def write_back(path: Path, text: str) -> None:
    """Replace ``path`` with ``text``, encoded as it was read."""
    write_atomically(path, text.encode(ENCODING))


def write_atomically(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` so a crash never leaves half a file; keep its mode.

    A symbolic link is followed: the draft it points to is fixed and the link stays a link.
    """
    path = path.resolve()
    mode = stat.S_IMODE(path.stat().st_mode)
    if not mode & stat.S_IWUSR:
        raise DraftError(str(path), "is read-only, so its fixes were not applied; make it writable and run again")
    handle, temp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tweetguard")
    try:
        with os.fdopen(handle, "wb") as temp:
            temp.write(data)
            temp.flush()
            os.fsync(temp.fileno())
        os.chmod(temp_name, mode)
        os.replace(temp_name, path)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
