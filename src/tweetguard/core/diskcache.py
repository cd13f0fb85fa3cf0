"""What a start-up builds that can be kept between runs, in the user's cache folder.

Compiling the rules' and the recogniser's regular expressions and reading the gazetteers
were most of a cold start, and their results never change while tweetguard, the regex
module, Python, the rule files and the data files stay the same. One file holds them, keyed
by all of those (see ``open_store``); a file of another key is never read, so an edit to
any of them means a new file, never a stale answer. Each entry is also named by exactly
what it was built from (a pattern's own text and flags), so even within one key nothing
answers for what it was not built from.

A file that cannot be read, has another key or fails its checksum is ignored and replaced
at the end of the run; a file is written to a temporary name and renamed into place, so a
reader sees a whole file or none. Nothing here is ever needed: with no cache folder (a
read-only home, ``TWEETGUARD_NO_CACHE=1``) everything is built as before, only slower.
Only what tweetguard's code and rule files hold goes in, never a draft's or a roster's text.
"""

from __future__ import annotations

import marshal
import mmap
import os
import sys
import threading
import zlib
from collections.abc import Iterable
from pathlib import Path
from typing import Any

MAGIC = b"tweetguard-cache 2\n"
SUFFIX = ".cache"
KEEP_FILES = 4  # other keys' files kept (two checkouts, a school's own rules...): the newest
MAX_ENTRIES = 20_000  # beyond this nothing more is added: a bound on the file's size
_HEADER = len(MAGIC) + 16 + 4 + 4  # magic, key digest, the index's size and CRC-32


def cache_folder() -> Path | None:
    """Where tweetguard keeps its cache: $XDG_CACHE_HOME/tweetguard, else the platform's
    usual place; None when caching is turned off or there is no home."""
    if os.environ.get("TWEETGUARD_NO_CACHE"):
        return None
    xdg = os.environ.get("XDG_CACHE_HOME")
    if xdg and os.path.isabs(xdg):
        return Path(xdg) / "tweetguard"
    if sys.platform == "win32" and os.environ.get("LOCALAPPDATA"):
        return Path(os.environ["LOCALAPPDATA"]) / "tweetguard" / "Cache"
    try:
        home = Path.home()
    except RuntimeError:  # no home folder to be found
        return None
    if sys.platform == "darwin":
        return home / "Library" / "Caches" / "tweetguard"
    return home / ".cache" / "tweetguard"


def digest(parts: Iterable[bytes]) -> bytes:
    """16 bytes naming ``parts`` (BLAKE2b; hashlib's import costs ~10 ms, _blake2's nothing)."""
    try:
        from _blake2 import blake2b
    except ImportError:  # another Python build
        from hashlib import blake2b
    hasher = blake2b(digest_size=16)
    for part in parts:
        hasher.update(len(part).to_bytes(8, "little"))
        hasher.update(part)
    return hasher.digest()


class Store:
    """Named byte strings kept in one cache file; ``path`` None keeps them in memory only.

    The file holds an index (each name's digest: where its bytes are, and their CRC-32)
    and the bytes, mapped into memory: opening it reads the index only, and an entry is
    checked against its CRC when asked for (a damaged one is built again).
    """

    def __init__(self, path: Path | None, key: bytes) -> None:
        self.path = path
        self.key = key
        self._pid = os.getpid()  # forked workers never write: their parent does
        self._lock = threading.Lock()
        self._index: dict[bytes, tuple[int, int, int]] = {}
        self._blob: Any = b""  # the entries' bytes: the file mapped, or read
        self._base = 0  # where they start in it
        if path is not None:
            self._index, self._blob, self._base = _read(path, key)
        self._bad: set[bytes] = set()
        self._new: dict[str, bytes] = {}

    def get(self, name: str) -> bytes | None:
        found = self._new.get(name)
        if found is not None:
            return found
        where = self._index.get(_name(name))
        if where is None:
            return None
        data = self._entry(where)
        if data is None:
            self._bad.add(_name(name))
        return data

    def _entry(self, where: tuple[int, int, int]) -> bytes | None:
        offset, length, crc = where
        data = bytes(self._blob[self._base + offset:self._base + offset + length])
        return data if len(data) == length and zlib.crc32(data) == crc else None

    def put(self, name: str, data: bytes) -> None:
        if self.path is None:
            return
        with self._lock:
            named = _name(name)
            if name not in self._new and (named not in self._index or named in self._bad) \
                    and len(self._index) + len(self._new) < MAX_ENTRIES:
                self._new[name] = data

    def take_new(self) -> dict[str, bytes]:
        """What was added since the last call (a worker sends it to its parent)."""
        with self._lock:
            new, self._new = self._new, {}
        return new

    @property
    def changed(self) -> bool:
        return bool(self._new)

    def save(self) -> None:
        """Write the file if anything was added (in the process that opened it only)."""
        if self.path is None or not self._new or os.getpid() != self._pid:
            return
        with self._lock:
            entries = {named: data for named, where in self._index.items()
                       if named not in self._bad and (data := self._entry(where)) is not None}
            entries.update((_name(name), data) for name, data in self._new.items())
            self._new = {}
        index: dict[bytes, tuple[int, int, int]] = {}
        offset = 0
        for named, data in entries.items():
            index[named] = (offset, len(data), zlib.crc32(data))
            offset += len(data)
        packed = marshal.dumps(index)
        header = MAGIC + self.key + len(packed).to_bytes(4, "little") + zlib.crc32(packed).to_bytes(4, "little")
        _close(self._blob)  # so that the file can be replaced everywhere (Windows)
        self._index, self._blob, self._base = index, b"".join(entries.values()), 0
        _write(self.path, header + packed + self._blob)


def _name(name: str) -> bytes:
    return digest([name.encode("utf-8", "surrogatepass")])


def _close(blob: Any) -> None:
    if isinstance(blob, mmap.mmap):
        blob.close()


def _read(path: Path, key: bytes) -> tuple[dict[bytes, tuple[int, int, int]], Any, int]:
    """The file's index and its bytes (mapped); nothing when it is missing, of another key,
    damaged or not ours."""
    try:
        with path.open("rb") as file:
            head = file.read(_HEADER)
            if len(head) < _HEADER or not head.startswith(MAGIC) or head[len(MAGIC):len(MAGIC) + 16] != key:
                return {}, b"", 0
            size = int.from_bytes(head[_HEADER - 8:_HEADER - 4], "little")
            packed = file.read(size)
            if len(packed) != size or zlib.crc32(packed) != int.from_bytes(head[_HEADER - 4:_HEADER], "little"):
                return {}, b"", 0
            index = marshal.loads(packed)
            if not isinstance(index, dict) or not all(
                    isinstance(k, bytes) and isinstance(v, tuple) and len(v) == 3 for k, v in index.items()):
                return {}, b"", 0
            start = _HEADER + size
            try:
                return index, mmap.mmap(file.fileno(), 0, access=mmap.ACCESS_READ), start
            except (OSError, ValueError):  # no mapping here: read it
                return index, file.read(), 0
    except (OSError, ValueError, EOFError, TypeError):
        return {}, b"", 0


def _write(path: Path, data: bytes) -> None:
    """Atomically: a temporary file beside it, then a rename. Failing to write is no error."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            with os.fdopen(descriptor, "wb") as out:
                out.write(data)
        except BaseException:
            temporary.unlink(missing_ok=True)
            raise
        os.replace(temporary, path)
    except OSError:
        temporary.unlink(missing_ok=True)
        return
    _tidy(path)


def _tidy(kept: Path) -> None:
    """Remove the oldest files of other keys beyond KEEP_FILES, and stray temporary files."""
    try:
        others = sorted((p for p in kept.parent.iterdir() if p.suffix == SUFFIX and p != kept),
                        key=lambda p: p.stat().st_mtime, reverse=True)
        for old in others[KEEP_FILES:]:
            old.unlink(missing_ok=True)
    except OSError:
        pass


_ACTIVE: Store = Store(None, b"")


def open_store(parts: Iterable[bytes]) -> Store:
    """The cache for this key, read once per process, and made the one ``active()`` returns.

    ``parts`` must name everything the entries depend on: tweetguard's and regex's versions
    and every rule and data file's bytes (the engine gives them); Python's version and the
    marshal format are added here.
    """
    global _ACTIVE
    key = digest([sys.version.encode(), str(marshal.version).encode(), *parts])
    folder = cache_folder()
    path = folder / f"{key.hex()}{SUFFIX}" if folder is not None else None
    if _ACTIVE.key != key or _ACTIVE.path != path or os.getpid() != _ACTIVE._pid:
        _ACTIVE = Store(path, key)
    return _ACTIVE


def active() -> Store:
    """The store opened last (a memory-only one before any is opened)."""
    return _ACTIVE
