"""What a draft's attached photos say about themselves: whether each can be read as an image,
and whether it carries the place it was taken (GPS position in its EXIF data).

Pillow reads only the image's header and metadata here (never its pixels: a PNG's EXIF is
read only from before them) and nothing is ever written. A photo is opened as the user's other files are (core.files): only a regular
file, so a FIFO named photo.jpg cannot hang the run. Pillow is imported on the first photo
that exists, so checking drafts without photos never loads it.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tweetguard.core.files import FileRefused, open_regular

# EXIF's GPS IFD pointer, and the two tags that place a photo on a map.
GPS_IFD = 0x8825
GPS_LATITUDE, GPS_LONGITUDE = 2, 4


@dataclass(frozen=True)
class Photo:
    """One attached file that exists: ``problem`` says why it cannot be read as an image
    (None when it can); ``located`` whether its EXIF gives a latitude and longitude."""

    name: str  # as the draft names it
    problem: str | None = None
    located: bool = False


def is_local_file(name: str) -> bool:
    """A media entry that names a file on this machine, not a link."""
    return "://" not in name and bool(name.strip())


def inspect_photo(name: str, path: Path) -> Photo:
    """What ``path`` (the file ``name`` refers to) says about itself."""
    try:
        stream = open_regular(path)
    except FileRefused as exc:
        return Photo(name, exc.reason)
    except OSError as exc:
        return Photo(name, f"cannot be opened ({exc.strerror or exc})")
    with stream, warnings.catch_warnings():
        from PIL import Image, UnidentifiedImageError

        # Pillow warns (on standard error) of an image far larger than any phone takes, a
        # decompression bomb; here it is a photo that cannot be read, said in one line.
        warnings.simplefilter("error", Image.DecompressionBombWarning)
        try:
            with Image.open(stream) as image:
                gps = _exif(image).get_ifd(GPS_IFD)
                return Photo(name, located=GPS_LATITUDE in gps and GPS_LONGITUDE in gps)
        except UnidentifiedImageError:
            return Photo(name, "is not an image tweetguard can read (JPEG, PNG, GIF, WebP, TIFF)")
        except Exception as exc:  # Pillow raises many kinds on a damaged file; none may stop the run
            return Photo(name, f"cannot be read as an image ({type(exc).__name__}: {exc})"[:200])


def _exif(image: Any) -> Any:
    """The image's EXIF from its header. A PNG's getexif() decodes every pixel to reach an
    eXIf chunk after them (a 9000x9000 PNG: over 300 MB), so only one before them is read."""
    from PIL import Image

    if image.format != "PNG":
        return image.getexif()
    exif = Image.Exif()
    if isinstance(image.info.get("exif"), bytes):
        exif.load(image.info["exif"])
    return exif


def attached_photos(media: tuple[str, ...], folder: Path) -> tuple[Photo, ...]:
    """The photos among ``media`` that exist, relative to ``folder`` (the draft's own)."""
    found = []
    for name in media:
        if not is_local_file(name):
            continue
        path = folder / name
        try:
            exists = path.exists()
        except (OSError, ValueError):  # a name too long, or with a NUL, is no file
            continue
        if exists:
            found.append(inspect_photo(name, path))
    return tuple(found)
