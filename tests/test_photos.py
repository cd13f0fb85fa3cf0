"""Attached photos: a GPS position in EXIF, files that are not images, descriptions (alt
text), and the UK Safer Internet Centre's "names, no images" when a school turns it on.

Every photo is made here with Pillow, in the test's own folder.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO, run_cli
from PIL import Image

AT = "2026-03-11T10:00"  # a Wednesday morning
GPS_IFD = 0x8825


def photo(path: Path, gps: dict[int, object] | None = None, fmt: str = "JPEG") -> Path:
    """A small picture, with the GPS tags given (a phone's latitude and longitude by default)."""
    exif = Image.Exif()
    exif[0x010F] = "PhoneCam"  # Make: a phone writes it, and Pillow's PNG writer drops an EXIF with GPS alone
    if gps is not None:
        exif.get_ifd(GPS_IFD).update(gps)
    Image.new("RGB", (24, 16), (40, 120, 200)).save(path, fmt, exif=exif)
    return path


PLACED: dict[int, object] = {1: "N", 2: (51.0, 28.0, 38.0), 3: "W", 4: (0.0, 0.0, 2.0)}


def draft(folder: Path, media: str, text: str = "A lovely sunny playtime today!", name: str = "d.md") -> Path:
    path = folder / name
    path.write_text(f"---\nmedia: {media}\n---\n{text}\n", encoding="utf-8")
    return path


def rules_of(*args: str) -> tuple[int, list[list[str]], str]:
    code, out, err = run_cli("check", "--at", AT, "--format", "json", *args)
    drafts = json.loads(out)["drafts"] if out.strip() else []
    return code, [sorted(v["rule"] for v in d["violations"]) for d in drafts], err


def test_a_jpeg_that_carries_its_location_is_an_error_and_one_without_is_not(tmp_path: Path) -> None:
    photo(tmp_path / "placed.jpg", PLACED)
    photo(tmp_path / "plain.jpg")
    code, found, err = rules_of(str(draft(tmp_path, "[placed.jpg]", name="a.md")),
                                str(draft(tmp_path, "[plain.jpg]", name="b.md")))
    assert found == [["photo-description-missing", "photo-location"], ["photo-description-missing"]]
    assert code == 1 and not err


def test_the_message_names_the_photo_and_says_how_to_remove_the_location(tmp_path: Path) -> None:
    photo(tmp_path / "sports-day.jpg", PLACED)
    code, out, _ = run_cli("check", "--at", AT, "--color", "never", str(draft(tmp_path, "[sports-day.jpg]")))
    assert "The photo sports-day.jpg carries the place it was taken" in out
    assert "Remove the location before posting" in out and "Not ready to post" in out and code == 1


@pytest.mark.parametrize(("gps", "located"), [
    ({5: 0, 6: (120.0,)}, False),  # altitude only: no place on a map
    ({1: "N", 2: (51.0, 28.0, 38.0)}, False),  # a latitude without a longitude
    ({}, False),
    (PLACED, True),
])
def test_only_a_latitude_and_a_longitude_count_as_a_location(tmp_path: Path, gps: dict[int, object],
                                                             located: bool) -> None:
    photo(tmp_path / "p.jpg", gps)
    _, found, _ = rules_of(str(draft(tmp_path, "[p.jpg]")))
    assert ("photo-location" in found[0]) is located


def test_a_png_with_a_location_is_found_too(tmp_path: Path) -> None:
    photo(tmp_path / "p.png", PLACED, fmt="PNG")
    assert "photo-location" in rules_of(str(draft(tmp_path, "[p.png]")))[1][0]


def test_the_photo_is_found_beside_the_draft_not_in_the_current_folder(tmp_path: Path) -> None:
    (tmp_path / "drafts").mkdir()
    photo(tmp_path / "drafts" / "p.jpg", PLACED)
    path = draft(tmp_path / "drafts", "[p.jpg]")
    before = os.getcwd()
    os.chdir(tmp_path)
    try:
        assert "photo-location" in rules_of(str(path))[1][0]
    finally:
        os.chdir(before)


@pytest.mark.parametrize("content", [b"This is a note, not a photo.\n", b"\xff\xd8\xff\xe0\x00\x10JFIF"])
def test_a_file_that_is_not_an_image_is_a_warning_naming_it_and_the_draft_is_still_checked(
        tmp_path: Path, content: bytes) -> None:
    (tmp_path / "p.jpg").write_bytes(content)
    path = draft(tmp_path, "[p.jpg]", text="Well done Ellie Thornton on your medal!")
    code, out, err = run_cli("check", "--at", AT, "--color", "never", str(path))
    assert "The attached file p.jpg " in out and "could not be checked for a saved location" in out
    assert "names a child by their full name" in out  # the rest of the draft was checked
    assert code == 1 and "Traceback" not in out + err


def test_a_fifo_named_like_a_photo_is_a_warning_not_a_hang(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "p.jpg")
    path = draft(tmp_path, "[p.jpg]")
    done = subprocess.run([sys.executable, "-m", "tweetguard", "check", "--at", AT, "--format", "json", str(path)],
                          capture_output=True, text=True, timeout=60, cwd=tmp_path)
    (result,) = json.loads(done.stdout)["drafts"]
    assert [v["rule"] for v in result["violations"]] == ["photo-description-missing", "photo-unreadable"]
    assert "named pipe" in result["violations"][1]["message"]


def test_a_photo_not_on_this_machine_and_a_link_are_not_opened(tmp_path: Path) -> None:
    found = rules_of(str(draft(tmp_path, "[still-on-the-phone.jpg, 'https://example.org/a.jpg']")))[1]
    assert found == [["photo-description-missing"]]  # the link is no file, so it has no description to give


def test_reading_a_photo_never_changes_it_even_with_fix(tmp_path: Path) -> None:
    image = photo(tmp_path / "p.jpg", PLACED)
    before = (image.read_bytes(), image.stat().st_mtime_ns)
    path = draft(tmp_path, "[p.jpg]", text="Well done Ellie Thornton on your medal!")
    run_cli("check", "--at", AT, "--fix", str(path))
    assert (image.read_bytes(), image.stat().st_mtime_ns) == before
    assert "Well done Ellie on your medal!" in path.read_text()


def test_a_description_is_given_per_photo_and_a_missing_one_is_only_a_note(tmp_path: Path) -> None:
    photo(tmp_path / "a.jpg")
    photo(tmp_path / "b.jpg")
    path = draft(tmp_path, '[{file: a.jpg, alt: "Children planting bulbs"}, b.jpg]')
    code, out, _ = run_cli("check", "--at", AT, "--format", "json", str(path))
    (result,) = json.loads(out)["drafts"]
    assert [(v["rule"], v["severity"]) for v in result["violations"]] == [("photo-description-missing", "info")]
    assert "b.jpg has no description" in result["violations"][0]["message"] and code == 0
    code, text, _ = run_cli("check", "--at", AT, "--color", "never", str(path))
    assert "i Note: The photo b.jpg has no description" in text and "✓ Ready to post." in text and code == 0


def test_a_description_that_names_a_child_in_full_is_a_names_error(tmp_path: Path) -> None:
    (tmp_path / "roster.csv").write_text("first_name,last_name\nMaisie,Okonkwo-Hart\n")
    path = draft(tmp_path, '[{file: race.jpg, alt: "Maisie Okonkwo-Hart crossing the line"}]', text="Sports day fun!")
    code, out, _ = run_cli("check", "--at", AT, "--format", "json", "--roster", str(tmp_path / "roster.csv"),
                           str(path))
    (result,) = json.loads(out)["drafts"]
    (violation,) = result["violations"]
    assert (violation["rule"], violation["category"], violation["severity"]) == \
        ("photo-description-full-name", "names", "error")
    assert "The description of race.jpg names a child in full (Maisie Okonkwo-Hart)" in violation["message"]
    assert "write “Maisie” instead" in violation["message"] and code == 1


def test_redact_masks_a_name_found_in_a_description(tmp_path: Path) -> None:
    (tmp_path / "roster.csv").write_text("first_name,last_name\nMaisie,Okonkwo-Hart\n")
    path = draft(tmp_path, '[{file: race.jpg, alt: "Maisie Okonkwo-Hart crossing the line"}]', text="Sports day fun!")
    _, out, err = run_cli("check", "--at", AT, "--redact", "--roster", str(tmp_path / "roster.csv"), str(path))
    assert "Okonkwo" not in out + err and "Maisie" not in out + err


@pytest.mark.parametrize(("media", "says"), [
    ("[{alt: no file}]", "media entry {'alt': 'no file'} must be a file name, a list of them, or a list of"),
    ("[{file: a.jpg, caption: x}]", "media entry {'file': 'a.jpg', 'caption': 'x'} must be"),
    ("[{file: a.jpg, alt: [x]}]", "the alt of media 'a.jpg' must be text"),
    ("42", "media entry None must be"),
])
def test_a_media_entry_in_the_wrong_form_is_one_line_exit_2(tmp_path: Path, media: str, says: str) -> None:
    path = draft(tmp_path, media)
    code, _, err = run_cli("check", "--at", AT, str(path))
    assert code == 2 and err.count("\n") == 1 and says in err and f"{path}:" in err


def test_names_with_photos_is_off_by_default_and_warns_when_the_config_says_so(tmp_path: Path) -> None:
    path = draft(tmp_path, "[longship.jpg]", text="Isla's amazing Viking longship!")
    assert "names-with-photos" not in rules_of(str(path))[1][0]
    (tmp_path / ".tweetguard.yaml").write_text("names_with_photos: warn\n")
    code, out, _ = run_cli("check", "--at", AT, "--color", "never", "--config", str(tmp_path / ".tweetguard.yaml"),
                           str(path))
    assert "has photos attached and names Isla" in out and '"names, no images; images, no names"' in out
    assert code == 0  # a warning


@pytest.mark.parametrize("value", ["on", "yes", "error"])
def test_names_with_photos_takes_only_off_or_warn(tmp_path: Path, value: str) -> None:
    (tmp_path / ".tweetguard.yaml").write_text(f"timezone: Europe/London\nnames_with_photos: {value}\n")
    code, _, err = run_cli("check", "--config", str(tmp_path / ".tweetguard.yaml"), "--text", "Hello")
    assert code == 2 and ".tweetguard.yaml:2: 'names_with_photos' must be off or warn" in err


def test_an_archived_posts_alt_text_is_its_description(tmp_path: Path) -> None:
    from tweetguard.sources.x_archive import post_draft

    media = {"media": [{"media_url_https": "https://pbs.twimg.com/media/A1.jpg", "ext_alt_text": "Our new garden"},
                       {"media_url_https": "https://pbs.twimg.com/media/B2.jpg"}]}
    found = post_draft({"tweet": {"id_str": "5", "full_text": "Look!", "created_at": "Wed Nov 25 10:00:00 +0000 2026",
                                  "extended_entities": media}}, "t.js:1", tmp_path / "tweets.js", 1)
    assert found.media == ("tweets_media/5-A1.jpg", "tweets_media/5-B2.jpg")
    assert dict(found.descriptions) == {"tweets_media/5-A1.jpg": "Our new garden"}


def test_pillow_is_not_imported_when_no_photo_is_on_disk() -> None:
    script = ("import sys\nfrom tweetguard.cli import main\ntry:\n    main(['check', '--at', '" + AT + "', "
              "'--media', 'not-here.jpg', '--text', 'Lovely day'])\nexcept SystemExit:\n    pass\n"
              "print('PIL' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60, cwd=REPO)
    assert done.stdout.strip().splitlines()[-1] == "False"


def test_policy_names_the_guidance_each_photo_rule_follows() -> None:
    from tweetguard.catalogue.loader import load_catalogue

    code, out, _ = run_cli("policy", "--format", "json")
    guidance = {g["id"]: g["rules"] for g in json.loads(out)["guidance"]}
    assert code == 0 and all(guidance.values())  # every guide is followed by some rule
    assert "photo-location" in guidance["uksic-images"] and "names-with-photos" in guidance["uksic-images"]
    assert guidance["wcag-alt"] == ["photo-description-missing"]
    followed = {rule for rules in guidance.values() for rule in rules}
    beyond = {r.id for r in load_catalogue().rules if r.policy.startswith("Guidance")}
    assert beyond <= followed, "a rule says it follows guidance that tweetguard policy does not name"
    code, text, _ = run_cli("policy")
    assert "Guidance the rules follow beyond the policy's words" in text and "(uksic-images)" in text


def test_the_missing_description_advice_says_where_this_kind_of_draft_keeps_one(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text('{"text": "Lovely day", "media": ["a.jpg"]}\n')
    (tmp_path / "b.csv").write_text("text,media\nLovely day,a.jpg\n")
    code, out, _ = run_cli("check", "--at", AT, "--format", "json", str(tmp_path / "a.jsonl"), str(tmp_path / "b.csv"),
                           str(draft(tmp_path, "[a.jpg]")))
    advice = [d["violations"][0]["suggestion"] for d in json.loads(out)["drafts"]]
    assert '"media": [{"file": "a.jpg", "alt":' in advice[0]
    assert "the sheet's alt column" in advice[1]
    assert 'media: [{file: a.jpg, alt: "' in advice[2] and code == 0
