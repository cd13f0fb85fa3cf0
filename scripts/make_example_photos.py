"""Make the photos the catalogue's and the examples' drafts attach, with Pillow.

    python scripts/make_example_photos.py

- ``playground-gps.jpg``: a 16x16 plain green JPEG whose EXIF gives a GPS position (the
  Royal Observatory, Greenwich: a public landmark, no school's), as a phone's camera writes it;
- ``playground.jpg``: the same picture without any EXIF;
- ``not-a-photo.jpg``: text saved under a photo's name;
and for examples/drafts/, ``reading-corner.jpg`` (no EXIF) and ``sports-day-finish.jpg`` (with
the same GPS position).
Deterministic: running it again writes the same bytes.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image

REPO = Path(__file__).resolve().parents[1]
FOLDER = REPO / "rules" / "photos"
EXAMPLES = REPO / "examples" / "drafts"
GPS_IFD = 0x8825
# Degrees, minutes, seconds as EXIF rationals; N/S and E/W as the reference tags.
GREENWICH = {1: "N", 2: (51.0, 28.0, 38.0), 3: "W", 4: (0.0, 0.0, 2.0)}


def main() -> None:
    FOLDER.mkdir(parents=True, exist_ok=True)
    picture = Image.new("RGB", (16, 16), (60, 150, 70))
    exif = Image.Exif()
    exif[0x010F] = "ExampleCam"  # Make
    exif.get_ifd(GPS_IFD).update(GREENWICH)
    picture.save(FOLDER / "playground-gps.jpg", quality=80, exif=exif)
    picture.save(FOLDER / "playground.jpg", quality=80)
    (FOLDER / "not-a-photo.jpg").write_text("This is a note saved with a photo's name, not a photo.\n")
    Image.new("RGB", (16, 16), (200, 170, 90)).save(EXAMPLES / "reading-corner.jpg", quality=80)
    Image.new("RGB", (16, 16), (90, 160, 220)).save(EXAMPLES / "sports-day-finish.jpg", quality=80, exif=exif)


if __name__ == "__main__":
    main()
