"""Reading a whole file as UTF-8 text, with the errors every source words the same way."""

from __future__ import annotations

from pathlib import Path

from tweetguard.core.errors import DraftError, printable
from tweetguard.core.files import FileRefused, NotRegular, read_regular


def label(path: Path) -> str:
    """How drafts and errors name ``path``: its name with control characters and bytes that
    are not UTF-8 escaped, so every output can print it (the path itself is kept to open)."""
    return printable(str(path))


def decode_text(raw: bytes, source: str) -> str:
    """``raw`` as UTF-8 (a BOM stays, as U+FEFF); a binary file or a bad byte is a DraftError."""
    if b"\x00" in raw[:8192]:
        raise DraftError(source, "this is a binary file, not a text draft; remove it or exclude it")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise DraftError(
            f"{source}:{line}", f"byte 0x{raw[exc.start]:02x} is not UTF-8; save the file as UTF-8 text"
        ) from None


def read_whole(path: Path, limit: int, what: str) -> str:
    """The text of ``path``, refused above ``limit`` bytes ("far too long for ``what``").

    Only a regular file is read (never a FIFO or a device, which would block or never end).
    """
    source = str(path)
    try:
        return decode_text(read_regular(path, limit, what), source)
    except FileRefused as exc:
        remedy = "; remove it or exclude it" if isinstance(exc, NotRegular) else ""
        raise DraftError(source, exc.reason + remedy) from None
    except OSError as exc:
        raise DraftError(source, f"cannot read this file ({exc.strerror or exc})") from None
