"""An X (Twitter) account archive: what the account has already published, for an audit.

The archive X sends is a .zip (or the folder it unpacks to) whose ``data/tweets.js`` holds
``window.YTD.tweets.part0 = [{"tweet": {...}}, ...]``; a large account's is split into
``tweets-part1.js`` and on, and older archives call it ``data/tweet.js``. Each post is a
draft: its ``id_str`` the id, ``full_text`` the text, ``created_at`` the posting time (so
posting hours are judged by when it really went out), and its link the draft's source.

The array is decoded one post at a time from a bounded buffer (``json``'s ``raw_decode``),
so an archive of any size is read in flat memory with the standard library alone.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, BinaryIO, TextIO

from tweetguard.core.errors import DraftError
from tweetguard.core.model import Draft
from tweetguard.core.patterns import lazy_re
from tweetguard.sources.base import DraftOrError, FileSource, read_opened
from tweetguard.sources.decoding import label
from tweetguard.sources.fields import YEARS, lone_surrogate

LINK = "https://x.com/i/status/"
# data/tweets.js, data/tweets-part1.js, ...; data/tweet.js in older archives.
POSTS_FILE = lazy_re(r"(?:^|/)data/(tweets?)(?:-part(\d+))?\.js\Z")
PREFIX = lazy_re(r"\A\ufeff?\s*window\.YTD\.\w+\.part\d+\s*=\s*\[")
CREATED_AT = lazy_re(r"(?:\w{3}) (\w{3}) (\d{1,2}) (\d\d):(\d\d):(\d\d) ([+-])(\d\d)(\d\d) (\d{4})")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
CHUNK = 1 << 16
# A post's JSON is a few kilobytes; X's longest posts (25,000 characters) fit many times over.
MAX_POST_CHARS = 1 << 22
SPACE = lazy_re(r"\s*")
# X escapes these three in full_text (as its API always has); nothing else is an entity.
ENTITIES = lazy_re(r"&(amp|lt|gt);")
UNESCAPED = {"amp": "&", "lt": "<", "gt": ">"}
REMEDY = "download the archive again from X (Settings, Your account, Download an archive)"


def posts_files(names: list[str]) -> list[str]:
    """The archive members (or a folder's files) that hold posts, part 0 first.

    ``tweets`` files are preferred to the older ``tweet`` ones when both are present.
    """
    found = [(m.group(1), int(m.group(2) or 0), name) for name in names if (m := POSTS_FILE.search(name))]
    kind = "tweets" if any(k == "tweets" for k, _, _ in found) else "tweet"
    return [name for _, _, name in sorted(item for item in found if item[0] == kind)]


def in_folder(folder: Path) -> list[Path]:
    """The posts files of an unpacked archive named by its folder (or its data folder)."""
    data = folder if folder.name == "data" else folder / "data"
    names = [f"data/{p.name}" for p in data.glob("tweet*.js")] if data.is_dir() else []
    return [data / name.removeprefix("data/") for name in posts_files(names)]


def created_at(value: Any) -> datetime:
    """``"Sat Nov 28 23:10:00 +0000 2026"`` as an aware datetime; ValueError if it is not one.

    Parsed by hand: strptime's %a and %b follow the machine's locale.
    """
    m = CREATED_AT.fullmatch(value.strip()) if isinstance(value, str) else None
    if m is None or m.group(1) not in MONTHS or int(m.group(9)) not in YEARS:
        raise ValueError
    month, day, hour, minute, second, sign, off_h, off_m, year = m.groups()
    offset = timedelta(hours=int(off_h), minutes=int(off_m)) * (-1 if sign == "-" else 1)
    return datetime(int(year), MONTHS.index(month) + 1, int(day), int(hour), int(minute), int(second),
                    tzinfo=timezone(offset))


def _media(post: dict[str, Any], post_id: str) -> tuple[tuple[str, ...], dict[str, str]]:
    """The post's photos and videos, named as the archive stores them (tweets_media/ID-NAME),
    and the descriptions (alt text) they were posted with."""
    entities = post.get("extended_entities") or post.get("entities") or {}
    media = entities.get("media") if isinstance(entities, dict) else None
    files: list[str] = []
    descriptions: dict[str, str] = {}
    for item in media if isinstance(media, list) else ():
        url = (item.get("media_url_https") or item.get("media_url")) if isinstance(item, dict) else None
        if isinstance(url, str):
            files.append(f"tweets_media/{post_id}-{url.rsplit('/', 1)[-1]}")
            if isinstance(item.get("ext_alt_text"), str) and item["ext_alt_text"].strip():
                descriptions[files[-1]] = item["ext_alt_text"]
    return tuple(files), descriptions


def post_draft(item: Any, where: str, path: Path, line: int) -> Draft:
    """One element of the archive's array as a draft; DraftError naming ``where`` if it is not a post."""
    post = item.get("tweet", item) if isinstance(item, dict) else None
    if not isinstance(post, dict):
        raise DraftError(where, f"is not a post (an object with a 'tweet'); {REMEDY}")
    surrogate = lone_surrogate(post)
    if surrogate is not None:
        raise DraftError(where, f"holds \\u{ord(surrogate):04x}, half of a character (a lone surrogate), which "
                         f"cannot be printed; {REMEDY}")
    post_id, text = post.get("id_str"), post.get("full_text", post.get("text"))
    if not isinstance(post_id, str) or not post_id.isdigit():
        raise DraftError(where, f"this post has no id_str (found {post_id!r}); {REMEDY}")
    if not isinstance(text, str):
        raise DraftError(where, f"post {post_id} has no full_text; {REMEDY}")
    try:
        when = created_at(post.get("created_at"))
    except ValueError:
        raise DraftError(where, f"post {post_id}'s created_at {post.get('created_at')!r} is not a time "
                         "like 'Sat Nov 28 23:10:00 +0000 2026'") from None
    reply_to = post.get("in_reply_to_screen_name")
    media, descriptions = _media(post, post_id)
    return Draft(source=LINK + post_id, text=ENTITIES.sub(lambda m: UNESCAPED[m.group(1)], text), path=path,
                 line=line, id=post_id, scheduled=when, reply_to=f"@{reply_to}" if isinstance(reply_to, str) else None,
                 media=media, descriptions=descriptions, platform="x", published=True)


class _Window:
    """A bounded window onto a posts file: what has been read and not yet decoded, the
    position in it and the line that position is on."""

    def __init__(self, stream: TextIO) -> None:
        import json  # here: checking drafts never needs it at start-up

        self.stream, self.buffer, self.at, self.line, self.want = stream, "", 0, 1, CHUNK
        self.decoder = json.JSONDecoder()

    def more(self) -> bool:
        """Read on, dropping what was decoded; False at the end of the file."""
        chunk = self.stream.read(self.want)
        # A post longer than the window doubles the next read, so decoding stays linear.
        self.want = min(self.want * 2, 1 << 26)
        self.buffer, self.at = self.buffer[self.at:] + chunk, 0
        return bool(chunk)

    def advance(self, end: int) -> None:
        self.line += self.buffer.count("\n", self.at, end)
        self.at = end

    def skip_space(self) -> None:
        while True:
            self.advance(SPACE.match(self.buffer, self.at).end())  # type: ignore[union-attr]  # \s* always matches
            if self.at < len(self.buffer) or not self.more():
                return

    def opening(self) -> bool:
        """Past the ``window.YTD.tweets.part0 = [`` that starts the file; False if it does not."""
        while not PREFIX.match(self.buffer) and len(self.buffer) < 256 and self.more():
            pass
        opening = PREFIX.match(self.buffer)
        if opening is not None:
            self.advance(opening.end())
        return opening is not None

    def next_item(self, first: bool) -> tuple[Any, int] | str | None:
        """The next element and where it ends; None after the closing ``]``; why not, if broken."""
        from json import JSONDecodeError  # loaded with the decoder: a lookup, not an import

        self.skip_space()
        if self.buffer.startswith("]", self.at):
            return None
        if not first:
            if not self.buffer.startswith(",", self.at):
                return "the list of posts breaks off here"
            self.advance(self.at + 1)
            self.skip_space()
        while True:
            try:
                found: tuple[Any, int] = self.decoder.raw_decode(self.buffer, self.at)
                self.want = CHUNK
                return found
            except JSONDecodeError as exc:
                # Read on only when the post may simply continue past what has been read (a
                # string, a word or a number cut by the read); damage elsewhere is reported at
                # once, and no post is read beyond MAX_POST_CHARS.
                cut_by_the_read = exc.pos >= len(self.buffer) - 8 or exc.msg.startswith("Unterminated string")
                if len(self.buffer) - self.at > MAX_POST_CHARS:
                    return f"this post is longer than {MAX_POST_CHARS:,} characters, so it is damaged"
                if not cut_by_the_read or not self.more():
                    return "this post is not valid JSON (the file is cut short or damaged)"
            except (RecursionError, ValueError):  # nested past Python's limit; a number of 4,300+ digits
                return "this post is not valid JSON (nested too deeply, or a number far too long)"


def read_posts(stream: TextIO, where: str, path: Path) -> Iterator[DraftOrError]:
    """Each post of a posts file, decoded one at a time; a break in the file ends it with an error."""
    window = _Window(stream)
    if not window.opening():
        yield DraftError(where, f"does not start with 'window.YTD.tweets.part0 = [', so it is not an X archive's "
                         f"posts file; {REMEDY}")
        return
    first = True
    while (found := window.next_item(first)) is not None:
        if isinstance(found, str):
            yield DraftError(f"{where}:{window.line}", f"{found}; {REMEDY}")
            return
        item, end = found
        try:
            yield post_draft(item, f"{where}:{window.line}", path, window.line)
        except DraftError as exc:
            yield exc
        window.advance(end)
        first = False


def _text(raw: Any) -> TextIO:
    return io.TextIOWrapper(raw, encoding="utf-8", errors="strict")


def _read_zip(path: Path) -> Iterator[DraftOrError]:
    # Opened as every file the user names is (a FIFO called archive.zip would block zipfile).
    return read_opened(path, lambda stream: _read_zip_stream(stream, path))


def _read_zip_stream(stream: BinaryIO, path: Path) -> Iterator[DraftOrError]:
    import zipfile  # only an audit needs them: not imported when checking drafts
    import zlib

    where = label(path)
    try:
        archive = zipfile.ZipFile(stream)
    except (zipfile.BadZipFile, OSError, ValueError):  # ValueError: a member's name that is not UTF-8
        yield DraftError(where, f"cannot open this archive (it is not a zip file); {REMEDY}")
        return
    with archive:
        members = posts_files(archive.namelist())
        if not members:
            yield DraftError(where, f"holds no data/tweets.js, so it is not an X archive; {REMEDY}")
            return
        for member in members:
            inside = f"{where}!{member}"
            try:
                raw = archive.open(member)
            except RuntimeError:  # zipfile's word for a member that needs a password
                yield DraftError(inside, "is encrypted; unzip the archive with its password and audit the folder "
                                 "it unpacks to")
                continue
            except NotImplementedError as exc:  # a compression method zipfile lacks (Deflate64)
                yield DraftError(inside, f"cannot be unpacked here ({exc}); unzip the archive with your "
                                 "computer's own tool and audit the folder it unpacks to")
                continue
            except (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError) as exc:
                yield DraftError(inside, f"cannot be unpacked ({exc}); {REMEDY}")
                continue
            with raw:
                try:
                    yield from read_posts(_text(raw), inside, path)
                except (zipfile.BadZipFile, zlib.error, OSError, EOFError) as exc:  # damaged on the way
                    yield DraftError(inside, f"cannot be unpacked ({exc}); {REMEDY}")
                except UnicodeDecodeError:
                    yield DraftError(inside, f"is not UTF-8 text; {REMEDY}")


def _read_js(path: Path) -> Iterator[DraftOrError]:
    where = label(path)

    def read(raw: Any) -> Iterator[DraftOrError]:
        try:
            yield from read_posts(_text(raw), where, path)
        except UnicodeDecodeError:
            yield DraftError(where, f"is not UTF-8 text; {REMEDY}")

    return read_opened(path, read)


class XArchive(FileSource):
    """An X archive's .zip, or a posts file (tweets.js) of one that was unpacked.

    Its drafts are already published: they cannot be fixed, and reports call them posts.
    """

    def reads(self, path: Path) -> bool:
        return path.suffix.lower() == ".zip" or POSTS_FILE.search(f"data/{path.name}") is not None

    def owns(self, draft: Draft) -> bool:
        return draft.source.startswith(LINK) and draft.path is not None and self.reads(draft.path)

    def read(self, path: Path) -> Iterator[DraftOrError]:
        if path.suffix.lower() == ".zip":
            return _read_zip(path)
        return _read_js(path)
