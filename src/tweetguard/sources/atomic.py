"""Reading a draft file back for --fix and writing it again atomically, byte for byte.

The text is decoded as strict UTF-8 with no newline translation, so a BOM (kept as U+FEFF)
and CRLF line endings survive the round trip unchanged; only the fixed spans differ. The
write goes to a temporary file in the same folder, is fsynced, then renamed over the old
one with its mode, owner, group and extended attributes, so a crash leaves the old file or
the new one, never half of one.

A file with several names (hard links) is refused, changing nothing: renaming over one
name would leave the others holding the old text. The temporary file is named
``.NAME.PID.RANDOM.tweetguard``; one left by a run that was killed is removed by the next
--fix in that folder (``remove_leftovers``) once its process is gone.
"""

from __future__ import annotations

import os
import re
import stat
import tempfile
import time
from pathlib import Path

from tweetguard.core.errors import DraftError
from tweetguard.core.files import FileRefused, read_regular
from tweetguard.core.patterns import lazy_re

ENCODING = "utf-8"  # what every source reads; "utf-8-sig" would drop a BOM on the way back
MAX_FIX_BYTES = 200_000_000  # read whole to be fixed; far more than any collection of tweets
TEMP_SUFFIX = ".tweetguard"
# mkstemp's random part is 8 of [a-z0-9_]; names without the PID are from older versions.
LEFTOVER = lazy_re(r"\A\..+?(?:\.(?P<pid>\d+))?\.[a-z0-9_]{8}" + re.escape(TEMP_SUFFIX) + r"\Z")
LEFTOVER_MAX_AGE_SECONDS = 3600  # older than any run: removed even if its PID was reused
# Extended attributes the kernel manages itself (an SELinux label); not copying one is fine.
MANAGED_XATTR_PREFIXES = ("security.", "trusted.")


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
    """Replace ``path`` with ``data`` so a crash never leaves half a file.

    Its mode, owner, group and extended attributes are kept; a symbolic link is followed:
    the draft it points to is fixed and the link stays a link.
    """
    path = path.resolve()
    info = path.stat()
    _refuse_unsafe(path, info)
    xattrs = _xattrs(path)
    handle, temp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.{os.getpid()}.",
                                         suffix=TEMP_SUFFIX)
    try:
        with os.fdopen(handle, "wb") as temp:
            temp.write(data)
            temp.flush()
            _keep_owner(temp.fileno(), info, path)
            os.chmod(temp_name, stat.S_IMODE(info.st_mode))  # by name: Windows has no fchmod
            _set_xattrs(temp.fileno(), xattrs, path)
            os.fsync(temp.fileno())
        os.replace(temp_name, path)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise


def _refuse_unsafe(path: Path, info: os.stat_result) -> None:
    """Refuse, changing nothing, a file that fixing by renaming would not fix everywhere."""
    if not stat.S_IMODE(info.st_mode) & stat.S_IWUSR:
        raise DraftError(str(path), "is read-only, so its fixes were not applied; make it writable and run again")
    if info.st_nlink > 1:
        raise DraftError(str(path), f"has {info.st_nlink} names (hard links), and fixing one would leave the others "
                         "unfixed, so nothing was changed; copy it to a file of its own (cp) and run again")


def _keep_owner(descriptor: int, info: os.stat_result, path: Path) -> None:
    """Give the new file the old one's owner and group, or refuse the fix."""
    new = os.fstat(descriptor)
    if (new.st_uid, new.st_gid) == (info.st_uid, info.st_gid) or not hasattr(os, "fchown"):
        return
    try:
        os.fchown(descriptor, info.st_uid, info.st_gid)
    except PermissionError:
        raise DraftError(str(path), "belongs to another user or group, and --fix cannot keep that, so nothing "
                         "was changed; run --fix as its owner") from None


def _xattrs(path: Path) -> dict[str, bytes]:
    """The file's extended attributes (none where the OS has none)."""
    if not hasattr(os, "listxattr"):
        return {}
    try:
        return {name: os.getxattr(path, name) for name in os.listxattr(path)}
    except OSError:  # a file system without extended attributes
        return {}


def _set_xattrs(descriptor: int, xattrs: dict[str, bytes], path: Path) -> None:
    for name, value in xattrs.items():
        try:
            os.setxattr(descriptor, name, value)
        except OSError as exc:
            if not name.startswith(MANAGED_XATTR_PREFIXES):
                raise DraftError(str(path), f"its extended attribute {name} could not be kept "
                                 f"({exc.strerror or exc}), so nothing was changed") from None


def _process_is_gone(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except (PermissionError, OverflowError, OSError):
        return False
    return False


def remove_leftovers(folder: Path) -> list[Path]:
    """Remove the temporary files a killed --fix left in ``folder``; the ones removed.

    One is left alone while the run that made it may still be writing it.
    """
    removed: list[Path] = []
    try:
        names = [entry.name for entry in os.scandir(folder) if entry.is_file(follow_symlinks=False)]
    except OSError:
        return removed
    now = time.time()
    for name in names:
        match = LEFTOVER.match(name)
        if not match:
            continue
        path = folder / name
        try:
            old = now - path.lstat().st_mtime > LEFTOVER_MAX_AGE_SECONDS
            pid = match.group("pid")
            if old or (pid is not None and int(pid) != os.getpid() and _process_is_gone(int(pid))):
                path.unlink()
                removed.append(path)
        except OSError:
            continue
    return removed
