"""The media rules: photos with a pupil who has no photo consent, or with a full name."""

from __future__ import annotations

from dataclasses import replace

import pytest
from conftest import WEEKDAY_MORNING

from tweetguard.catalogue.loader import Catalogue
from tweetguard.core.model import Draft
from tweetguard.core.roster import Pupil, Roster
from tweetguard.core.settings import Settings
from tweetguard.engine.checker import Engine

ROSTER = Roster((
    Pupil("Isla", "Green", False),
    Pupil("Daisy", "Hope", False),
    Pupil("Jayden", "Hall", False),
    Pupil("Ruby", "Wood", True),
    Pupil("Oluwaseun", "Bello", None),
))
PHOTO = ("photo.jpg",)


def _check(catalogue: Catalogue, text: str, media: tuple[str, ...] = PHOTO,
           roster: Roster | None = ROSTER, rule: str = "photo-without-consent") -> list[str]:
    rules = tuple(r for r in catalogue.rules if r.id == rule)
    engine = Engine(replace(catalogue, rules=rules), Settings(), roster)
    result, failures = engine.check(Draft(source="t", text=text, media=media), WEEKDAY_MORNING)
    assert not failures
    assert all(v.severity == "warning" and v.category == "media" for v in result.violations)
    return [text[v.start:v.end] for v in result.violations]


@pytest.mark.parametrize(("text", "expected"), [
    ("Isla's amazing Viking longship! ⛵", ["Isla"]),
    ("Star of the Week certificates for Jayden, Maya and Leo!", ["Jayden"]),
    ("Daisy and Priya planted sunflower seeds 🌻", ["Daisy"]),
    ("well done jayden and ruby!", ["jayden"]),
    ("Jayden Hall and Tom showing their rover 🚀", ["Jayden"]),
    ("Isla and Isla's sister made cards", ["Isla"]),  # one warning per pupil
])
def test_no_consent_pupil_named_with_photos(catalogue: Catalogue, text: str, expected: list[str]) -> None:
    assert _check(catalogue, text) == expected


@pytest.mark.parametrize(("text", "media", "roster"), [
    ("Isla's amazing Viking longship! ⛵", (), ROSTER),  # no photos
    ("Isla's amazing Viking longship! ⛵", PHOTO, None),  # no roster: nothing to check against
    ("Ruby's amazing Viking longship! ⛵", PHOTO, ROSTER),  # consent given
    ("Oluwaseun read his poem", PHOTO, ROSTER),  # consent unknown: not a refusal
    ("Year 2 made daisy chains on the field 🌼", PHOTO, ROSTER),  # an everyday word
    ("Thank you Miss Isla for the art lesson", PHOTO, ROSTER),  # an adult
    ("Our trip to Hope Valley", PHOTO, ROSTER),
])
def test_no_warning(catalogue: Catalogue, text: str, media: tuple[str, ...], roster: Roster | None) -> None:
    assert _check(catalogue, text, media, roster) == []


@pytest.mark.parametrize(("text", "media", "expected"), [
    ("Well done Chidera Okafor on your medal!", PHOTO, ["Chidera Okafor"]),
    ("Well done Chidera on your medal!", PHOTO, []),
    ("Well done Chidera Okafor on your medal!", (), []),
])
def test_photo_with_full_name(catalogue: Catalogue, text: str, media: tuple[str, ...], expected: list[str]) -> None:
    assert _check(catalogue, text, media, None, rule="photo-with-full-name") == expected
