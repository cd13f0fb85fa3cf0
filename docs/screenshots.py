"""Takes docs/serve-clean.png and docs/serve-failing.png: the `tweetguard serve` page with a
clean and a failing draft, in headless Chromium from the OS packages (as tests/test_serve.py).

    .venv/bin/python docs/screenshots.py
"""

from __future__ import annotations

import threading
from datetime import date, timedelta
from pathlib import Path

from playwright.sync_api import expect, sync_playwright

from tweetguard.catalogue.loader import load_catalogue
from tweetguard.commands.options import build_settings
from tweetguard.core.roster import load_roster
from tweetguard.engine.checker import Engine
from tweetguard.web.desk import Desk
from tweetguard.web.server import DeskServer

DOCS = Path(__file__).resolve().parent
ROSTER = DOCS.parent / "examples" / "roster.csv"
ARGS = ["--lang=en-GB", "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def _next(weekday: int, clock: str) -> str:
    """The next such weekday (Monday is 0) after today at ``clock``: a time still to come, so
    the page does not say it has passed."""
    today = date.today()
    return f"{today + timedelta(days=(weekday - today.weekday() - 1) % 7 + 1)}T{clock}"


DRAFTS = {
    "serve-clean.png": ("Well done to everyone in Year 6 for a brilliant sports day! Thank you to all the "
                        "families who came to cheer.", _next(2, "10:00"), "#verdict.ready"),
    "serve-failing.png": ("What a morning!\n\nWell done Oliver Pemberton-Hale for winning the egg and spoon "
                          "race, and well done Josh, a better race today.", _next(5, "21:00"), "#corrected"),
}


def main() -> None:
    settings = build_settings(None, (), ROSTER, (), (), None)
    server = DeskServer("127.0.0.1", 0, Desk(Engine(load_catalogue(settings.rule_dirs), settings,
                                                    load_roster(ROSTER))))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900}, locale="en-GB",
                                timezone_id="Europe/London")
        for name, (text, when, ready) in DRAFTS.items():
            page.goto(server.url)
            page.fill("#scheduled", when)
            page.fill("#draft", text)
            expect(page.locator(ready)).to_be_visible()
            page.wait_for_timeout(300)
            page.screenshot(path=str(DOCS / name), full_page=True)
        browser.close()
    server.shutdown()


if __name__ == "__main__":
    main()
