"""Opening a file the user named without ever blocking, hanging or running out of memory.

Only regular files are read. A FIFO named x.txt would block for ever, /dev/zero never ends
and a terminal waits for typing, so the file is opened non-blocking (opening a FIFO then
returns at once), checked with fstat on the open descriptor (no race with a rename), and
read up to a limit. Callers turn ``FileRefused`` into their own one-line error.
"""

from __future__ import annotations

import os
import stat
from typing import BinaryIO

# O_NONBLOCK does not exist on Windows, where opening a named pipe does not block like this.
OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0)


class FileRefused(Exception):
    """A file that is not read: ``reason`` says why, without the file's name."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class NotRegular(FileRefused):
    """A FIFO, a device, a socket or a folder where a file was expected."""


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISDIR(mode):
        return "a folder"
    return "not a regular file"


def _refuse_unless_regular(mode: int) -> None:
    if not stat.S_ISREG(mode):
        raise NotRegular(f"is {_kind(mode)}, not a regular file, so it was not read")


def open_regular(path: str | os.PathLike[str]) -> BinaryIO:
    """``path`` opened for reading bytes; FileRefused unless it is a regular file.

    Raises OSError when it cannot be opened at all (missing, no permission).
    """
    _refuse_unless_regular(os.stat(path).st_mode)  # a socket cannot even be opened
    descriptor = os.open(path, OPEN_FLAGS)
    try:
        _refuse_unless_regular(os.fstat(descriptor).st_mode)  # it may have been swapped since
        if hasattr(os, "set_blocking"):
            os.set_blocking(descriptor, True)
        return os.fdopen(descriptor, "rb")
    except BaseException:
        os.close(descriptor)
        raise


def too_large(size: int, what: str) -> FileRefused:
    return FileRefused(f"{size:,} bytes is far too long for {what}; split or remove it")


def read_regular(path: str | os.PathLike[str], limit: int, what: str) -> bytes:
    """The bytes of the regular file ``path``; FileRefused above ``limit`` bytes.

    Read up to one byte past the limit, so a file that grows while it is read is refused
    too instead of filling memory.
    """
    with open_regular(path) as stream:
        size = os.fstat(stream.fileno()).st_size
        if size > limit:
            raise too_large(size, what)
        data = stream.read(limit + 1)
    if len(data) > limit:
        raise FileRefused(f"more than {limit:,} bytes is far too long for {what}; split or remove it")
    return data


def read_capped(stream: BinaryIO, limit: int, what: str) -> bytes:
    """At most ``limit`` bytes of ``stream`` (standard input); FileRefused if there are more."""
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise FileRefused(f"more than {limit:,} bytes is far too long for {what}; split or remove it")
    return data
