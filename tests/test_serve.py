"""``tweetguard serve``: the checking API, its safety checks, and the page in a real browser.

The server runs in this process, on a free port, in a thread for the whole module. The
browser tests drive headless Chromium from the operating system's packages through
Playwright (``playwright install`` downloads are not used): without /usr/bin/chromium they
fail, saying how to install it, rather than being skipped.
"""

from __future__ import annotations

from dataclasses import replace

import http.client
import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any, Iterator
from urllib.parse import urlsplit

import pytest
from conftest import REPO, run_cli

from tweetguard.catalogue.loader import load_catalogue
from tweetguard.commands.options import build_settings
from tweetguard.core.roster import load_roster
from tweetguard.engine.checker import Engine
from tweetguard.web.desk import MAX_BODY_BYTES, Desk
from tweetguard.web.server import DeskServer, allowed_hosts

ROSTER = REPO / "examples" / "roster.csv"
# The Debian package's browser; the variable lets a test prove a missing one fails clearly.
CHROMIUM = Path(os.environ.get("TWEETGUARD_TEST_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
IN_HOURS = "2026-03-11T10:00"  # a Wednesday morning in term time
SATURDAY_NIGHT = "2026-03-14T21:00"
TARGETED = "Well done Josh, a better lesson today"
FULL_NAME = "Well done Oliver Pemberton-Hale for a brilliant race!"
CLEAN = "Well done to everyone in Year 6 for a brilliant sports day!"
HOSTILE = "<script>alert(1)</script> <img src=x onerror=\"document.title='pwned'\"> Well done Josh"


@pytest.fixture(scope="module")
def server() -> Iterator[DeskServer]:
    """The server `tweetguard serve --roster examples/roster.csv` runs, on a free port."""
    settings = replace(build_settings(None, (), ROSTER, (), (), None), open_media=False)  # as serve builds it
    engine = Engine(load_catalogue(settings.rule_dirs), settings, load_roster(ROSTER))
    desk_server = DeskServer("127.0.0.1", 0, Desk(engine))
    thread = threading.Thread(target=desk_server.serve_forever, daemon=True)
    thread.start()
    yield desk_server
    desk_server.shutdown()
    desk_server.server_close()
    thread.join(5)


def test_the_page_counts_as_the_schools_platform_does() -> None:
    settings = replace(build_settings(None, (), ROSTER, (), (), None, "bluesky"), open_media=False)
    desk_server = DeskServer("127.0.0.1", 0, Desk(Engine(load_catalogue(), settings)))
    thread = threading.Thread(target=desk_server.serve_forever, daemon=True)
    thread.start()
    try:
        _, _, page = request(desk_server, "GET", "/")
        assert b"0 of 300" in page and b"{{limit}}" not in page
        family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"
        status, answer = post_json(desk_server, {"text": "Well done Year 6! " + family}, "/api/desk")
        assert status == 200 and answer["length"] == {"weighted": 19, "max": 300, "platform": "Bluesky"}
    finally:
        desk_server.shutdown()
        desk_server.server_close()
        thread.join(5)


def request(server: DeskServer, method: str, path: str, body: bytes | None = None,
            headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    """One request with http.client (which sends our Host header when we give one)."""
    connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
    finally:
        connection.close()


def post_json(server: DeskServer, document: Any, path: str = "/api/check",
              headers: dict[str, str] | None = None) -> tuple[int, Any]:
    status, _, body = request(server, "POST", path, json.dumps(document).encode(),
                              {"Content-Type": "application/json", **(headers or {})})
    return status, json.loads(body)


def check_json(*args: str, input: str | None = None) -> Any:
    code, out, err = run_cli("check", "--format", "json", "--roster", str(ROSTER), *args, input=input)
    assert code in (0, 1), err
    return json.loads(out)


# --- the API ---------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [TARGETED, FULL_NAME, CLEAN, "Sports day!\n\nBring a hat.\n\n\nAnd water."])
def test_api_answers_what_check_format_json_prints(server: DeskServer, text: str) -> None:
    status, document = post_json(server, {"text": text, "scheduled": IN_HOURS})
    assert status == 200
    assert document == check_json("--text", text, "--at", IN_HOURS)


def test_api_reads_occasion_reply_and_media_as_front_matter_does(server: DeskServer) -> None:
    text = "Well done Poppy Fairweather, and good luck everyone at the match!"
    status, document = post_json(server, {"text": text, "scheduled": SATURDAY_NIGHT, "occasion": "event",
                                          "reply_to": "@a_parent", "media": ["team.jpg"]})
    assert status == 200
    front_matter = (f"---\nscheduled: {SATURDAY_NIGHT}\noccasion: event\nreply_to: \"@a_parent\"\n"
                    f"media: [team.jpg]\n---\n{text}\n")
    expected = check_json("-", input=front_matter)
    expected["drafts"][0]["source"] = document["drafts"][0]["source"]  # "<stdin>" there, a typed draft here
    assert document == expected
    assert "posting-hours" not in {v["rule"] for v in document["drafts"][0]["violations"]}


@pytest.mark.parametrize("body", [b"not json", b"[1, 2]", b'{"draft": "hello"}', b'{"text": 3}',
                                  b'{"text": "   "}', b"\xff\xfe", b'{"text": "hi", "scheduled": "soon"}',
                                  b'{"text": "hi", "occasion": "party"}', b'{"text": "hi", "colour": "red"}'])
def test_a_body_that_is_not_a_draft_gets_400_with_an_error(server: DeskServer, body: bytes) -> None:
    status, headers, answer = request(server, "POST", "/api/check", body, {"Content-Type": "application/json"})
    assert status == 400
    assert headers["content-type"].startswith("application/json")
    assert set(json.loads(answer)) == {"error"}


def test_a_body_over_64_kib_gets_413(server: DeskServer) -> None:
    text = "a" * MAX_BODY_BYTES
    status, _, answer = request(server, "POST", "/api/check", json.dumps({"text": text}).encode())
    assert status == 413
    assert "error" in json.loads(answer)
    assert post_json(server, {"text": "a" * (MAX_BODY_BYTES - 20)})[0] == 200  # just under: checked


@pytest.mark.parametrize("host", ["evil.example", "evil.example:80", "127.0.0.1:1", "127.0.0.1.evil.example"])
@pytest.mark.parametrize("method", ["GET", "POST"])
def test_a_foreign_host_header_gets_403(server: DeskServer, host: str, method: str) -> None:
    body = json.dumps({"text": TARGETED}).encode() if method == "POST" else None
    status, _, answer = request(server, method, "/api/check" if body else "/", body, {"Host": host})
    assert status == 403
    assert "Josh" not in answer.decode()


@pytest.mark.parametrize("origin", ["http://evil.example", "null", "http://127.0.0.1:1", "https://127.0.0.1"])
def test_a_post_from_a_foreign_origin_gets_403(server: DeskServer, origin: str) -> None:
    status, answer = post_json(server, {"text": TARGETED}, headers={"Origin": origin})
    assert status == 403
    assert "error" in answer


def test_the_servers_own_origin_and_names_are_answered(server: DeskServer) -> None:
    for host in (f"127.0.0.1:{server.port}", f"localhost:{server.port}"):
        origin = f"http://{host}"
        assert post_json(server, {"text": CLEAN}, headers={"Host": host, "Origin": origin})[0] == 200


@pytest.mark.parametrize("method, path, body", [("GET", "/", None), ("GET", "/app.js", None),
                                                ("GET", "/style.css", None), ("GET", "/icon.svg", None),
                                                ("GET", "/nothing", None), ("POST", "/api/check", b"{}"),
                                                ("POST", "/api/check", json.dumps({"text": CLEAN}).encode()),
                                                ("PUT", "/api/check", b"{}")])
def test_every_response_carries_a_content_security_policy(server: DeskServer, method: str, path: str,
                                                          body: bytes | None) -> None:
    status, headers, _ = request(server, method, path, body)
    policy = headers["content-security-policy"]
    assert "default-src 'none'" in policy and "connect-src 'self'" in policy and "script-src 'self'" in policy
    assert headers["x-content-type-options"] == "nosniff"


def test_assets_come_from_the_package_and_name_no_other_server(server: DeskServer) -> None:
    for path in ("/", "/app.js", "/style.css"):
        status, _, body = request(server, "GET", path)
        assert status == 200
        assert b"http://" not in body and b"https://" not in body and b"//cdn" not in body, path


def test_the_roster_is_never_sent_to_the_page(server: DeskServer) -> None:
    roster_names = [line.split(",")[1] for line in ROSTER.read_text().splitlines()[1:]]
    sent = b"".join(request(server, "GET", path)[2] for path in ("/", "/app.js", "/style.css"))
    status, _, answer = request(server, "POST", "/api/desk", json.dumps({"text": FULL_NAME}).encode())
    assert status == 200
    for surname in roster_names:
        if surname != "Pemberton-Hale":  # the one the draft itself names
            assert surname.encode() not in sent + answer, surname


def test_the_page_answer_adds_the_count_the_corrected_text_and_when_it_may_go_out(server: DeskServer) -> None:
    status, answer = post_json(server, {"text": FULL_NAME, "scheduled": SATURDAY_NIGHT}, path="/api/desk")
    assert status == 200
    report, typed = answer["report"], check_json("--text", FULL_NAME, "--at", SATURDAY_NIGHT)
    # The same report as check's, but for where the draft came from and how to mark an event:
    # the page names its own choice, the command line its flag.
    hours = next(v for v in report["drafts"][0]["violations"] if v["rule"] == "posting-hours")
    assert "choose 'a school event happening then' or 'urgent news' under the time" in hours["suggestion"]
    assert "--occasion" not in json.dumps(report) and "--occasion event" in json.dumps(typed)
    for document in (report, typed):
        document["drafts"][0]["source"] = None
        for violation in document["drafts"][0]["violations"]:
            violation["suggestion"] = (violation["suggestion"] or "").split("or, if it covers")[0]
    assert report == typed
    assert answer["length"] == {"weighted": len(FULL_NAME), "max": 280, "platform": "X"}
    assert answer["corrected"] == "Well done Oliver for a brilliant race!"
    assert answer["left_after_correcting"] == 1  # posting hours: no fix for that
    assert answer["may_go_out"] == "Monday 16 March at 8:00am"
    assert len(answer["advice"]) == len(answer["report"]["drafts"][0]["violations"])


def test_the_page_reads_times_as_the_prompt_does_and_says_when_one_has_passed(server: DeskServer) -> None:
    status, answer = post_json(server, {"text": CLEAN, "scheduled": "07/12/2099 19:30"}, path="/api/desk")
    assert status == 200
    assert answer["goes_out"] == "Monday 7 December at 7:30pm" and answer["in_the_past"] is False
    status, answer = post_json(server, {"text": CLEAN, "scheduled": IN_HOURS}, path="/api/desk")
    assert status == 200 and answer["in_the_past"] is True  # IN_HOURS is a day in March 2026


class Serving:
    """``tweetguard serve ARGS`` in a process of its own, stopped with Ctrl-C (SIGINT) on exit."""

    def __init__(self, *args: str, browser: str = "false") -> None:
        # webbrowser runs $BROWSER with the URL in place of %s (and nothing else opens).
        self.process = subprocess.Popen([sys.executable, "-m", "tweetguard", "serve", "--port", "0", *args],
                                        cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                        env={**os.environ, "BROWSER": browser})
        self.err = ""

    def __enter__(self) -> str:
        assert self.process.stdout is not None
        return self.process.stdout.readline().strip()  # the first line: the page's URL

    def __exit__(self, *exc: object) -> None:
        self.process.send_signal(signal.SIGINT)
        self.err = self.process.communicate(timeout=30)[1]


def test_serve_prints_the_url_first_and_stops_when_interrupted() -> None:
    with (serving := Serving("--no-browser")) as url:
        parts = urlsplit(url)
        assert (parts.scheme, parts.hostname, parts.path) == ("http", "127.0.0.1", "/")
        connection = http.client.HTTPConnection("127.0.0.1", parts.port, timeout=30)
        connection.request("GET", "/")
        assert connection.getresponse().status == 200
        connection.close()
    assert serving.process.returncode == 0, serving.err
    assert "Traceback" not in serving.err


def test_serve_opens_the_browser_unless_told_not_to(tmp_path: Path) -> None:
    opened = tmp_path / "opened.txt"
    with Serving(browser=f"sh -c 'echo \"$0\" > {opened}' %s") as url:
        deadline = time.monotonic() + 20
        while not (opened.exists() and opened.read_text().strip()) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert opened.read_text().strip() == url


def test_serve_warns_when_told_to_listen_beyond_this_computer() -> None:
    with (serving := Serving("--host", "0.0.0.0", "--no-browser")) as url:
        assert url.startswith("http://127.0.0.1:")
    assert "warning: --host 0.0.0.0" in serving.err


def test_serve_takes_checks_options_and_its_own() -> None:
    code, out, _ = run_cli("serve", "--help")
    assert code == 0
    for option in ("--host", "--port", "--no-browser", "--config", "--roster", "--rules", "--timezone"):
        assert option in out, option
    assert "8765" in out and "127.0.0.1" in out


@pytest.mark.parametrize("host, port, expected", [
    ("127.0.0.1", 8765, {"127.0.0.1:8765", "localhost:8765", "[::1]:8765"}),
    ("::1", 5000, {"[::1]:5000", "localhost:5000", "127.0.0.1:5000"}),
    ("192.0.2.7", 80, {"192.0.2.7:80"}),
])
def test_the_host_headers_answered_are_the_servers_own(host: str, port: int, expected: set[str]) -> None:
    assert allowed_hosts(host, port) == expected


# --- the page in a real browser --------------------------------------------------------------

@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.fail(f"The browser tests need Chromium at {CHROMIUM}, which is missing. Install it from the "
                    "operating system's packages: `sudo apt-get install -y chromium` (Debian/Ubuntu), "
                    "then run the tests again.", pytrace=False)
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.fail("The browser tests need Playwright for Python: pip install -e '.[test]'", pytrace=False)
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


class Visit:
    """A page of the server in a fresh browser context, recording every request it makes."""

    def __init__(self, browser: Any, server: DeskServer) -> None:
        from playwright.sync_api import expect

        self.expect = expect  # assertions that wait for the page
        self.origin = server.url.rstrip("/")
        self.context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB",
                                           timezone_id="Europe/London")
        self.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=self.origin)
        self.requests: list[str] = []
        self.foreign: list[str] = []
        self.errors: list[str] = []
        self.context.on("request", lambda req: self.requests.append(req.url))
        self.context.route("**/*", self._only_our_origin)
        self.page = self.context.new_page()
        self.page.set_default_timeout(15_000)
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on("console", lambda message: message.type == "error" and self.errors.append(message.text))
        self.page.on("dialog", lambda dialog: (self.errors.append(f"dialog: {dialog.message}"), dialog.dismiss()))
        self.page.goto(server.url)

    def _only_our_origin(self, route: Any) -> None:
        url = route.request.url
        if url == self.origin or url.startswith(self.origin + "/"):
            route.continue_()
        else:
            self.foreign.append(url)
            route.abort()

    def draft(self, text: str, when: str = IN_HOURS, typed: bool = False) -> None:
        self.page.fill("#scheduled", when)
        if typed:
            self.page.locator("#draft").press_sequentially(text, delay=5)
        else:
            self.page.fill("#draft", text)


@pytest.fixture
def visit(browser: Any, server: DeskServer) -> Iterator[Visit]:
    visit = Visit(browser, server)
    yield visit
    visit.context.close()
    assert not visit.errors, visit.errors  # no script error, no CSP violation, no dialog
    assert not visit.foreign, f"requests left the page's origin: {visit.foreign}"


def test_typing_a_draft_marks_the_words_and_explains_each_problem(visit: Visit) -> None:
    page = visit.page
    visit.draft(TARGETED, typed=True)
    highlight = page.locator('#preview [data-highlight="targeted-child"]')
    visit.expect(highlight).to_have_text("Josh")
    problem = page.locator('#problems [data-rule="targeted-child"]')
    visit.expect(problem).to_contain_text("personal message to or about one child")
    visit.expect(page.locator("#verdict")).to_have_text("Not ready to post: change what is marked below first.")
    visit.expect(page.locator("#count")).to_have_text(f"{len(TARGETED)} of 280")
    results = page.locator(".results").inner_text()
    assert "targeted-child" not in results and "col " not in results  # no rule ids, no columns
    assert page.evaluate("() => performance.getEntriesByType('navigation').length") == 1  # never reloaded


def test_every_problem_and_highlight_names_its_rule(visit: Visit) -> None:
    page = visit.page
    text = ("Reading week is over.\n\nWell done Oliver Pemberton-Hale for reading the most books.\n\n"
            "Thank you to all our families.")
    visit.draft(text, when=SATURDAY_NIGHT)
    visit.expect(page.locator('[data-highlight="child-full-name"]')).to_have_text("Oliver Pemberton-Hale")
    rules = page.locator("#problems > li").evaluate_all("items => items.map(item => item.dataset.rule)")
    assert {"child-full-name", "posting-hours"} <= set(rules)
    marks = page.locator("#preview mark").evaluate_all("marks => marks.map(mark => mark.dataset.highlight)")
    assert marks and all(marks), marks
    visit.expect(page.locator("#timing")).to_contain_text("It may go out from Monday 16 March at 8:00am.")
    visit.expect(page.locator("#preview")).to_have_text(text)  # every paragraph, blank lines and all


def test_urgent_news_may_go_out_outside_hours(visit: Visit) -> None:
    page = visit.page
    visit.draft("Please read the letter about the roof repairs on our website.", when=SATURDAY_NIGHT)
    visit.expect(page.locator('[data-rule="posting-hours"]')).to_have_count(1)
    page.check('input[name=occasion][value="urgent"]')
    visit.expect(page.locator('[data-rule="posting-hours"]')).to_have_count(0)
    visit.expect(page.locator("#verdict")).not_to_contain_text("Not ready")


def test_the_copy_button_copies_the_corrected_draft(visit: Visit) -> None:
    page = visit.page
    visit.draft(FULL_NAME)
    visit.expect(page.locator("#corrected")).to_have_text("Well done Oliver for a brilliant race!")
    visit.expect(page.locator('[data-rule="child-full-name"]')).to_contain_text("Write instead: “Oliver”")
    page.click("#copy")
    visit.expect(page.locator("#copied")).to_contain_text("Copied")
    assert page.evaluate("() => navigator.clipboard.readText()") == "Well done Oliver for a brilliant race!"
    page.click("#use")
    visit.expect(page.locator("#verdict")).to_have_text("Ready to post.")
    visit.expect(page.locator("#corrected-box")).to_be_hidden()


def test_a_clean_draft_is_ready_to_post(visit: Visit) -> None:
    visit.draft(CLEAN)
    visit.expect(visit.page.locator("#verdict")).to_have_text("Ready to post.")
    visit.expect(visit.page.locator("[data-rule]")).to_have_count(0)


def test_markup_in_a_draft_is_shown_as_text(visit: Visit) -> None:
    page = visit.page
    visit.draft(HOSTILE)
    visit.expect(page.locator('[data-highlight="targeted-child"]')).to_have_text("Josh")
    visit.expect(page.locator("#preview")).to_have_text(HOSTILE)
    assert page.locator(".results script, .results img").count() == 0
    assert page.title() != "pwned"


def test_no_request_leaves_the_pages_origin(visit: Visit) -> None:
    visit.draft(FULL_NAME, typed=True)
    visit.expect(visit.page.locator("#corrected")).to_be_visible()
    paths = {urlsplit(url).path for url in visit.requests}
    assert {"/", "/app.js", "/style.css", "/api/desk"} <= paths
    assert all(url.startswith(visit.origin + "/") for url in visit.requests), visit.requests


def test_without_chromium_the_browser_tests_fail_saying_how_to_install_it(tmp_path: Path) -> None:
    test = f"{Path(__file__).resolve()}::test_a_clean_draft_is_ready_to_post"
    run = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", test], cwd=REPO,
                         capture_output=True, text=True, timeout=120,
                         env={**os.environ, "TWEETGUARD_TEST_CHROMIUM": str(tmp_path / "no-chromium")})
    assert run.returncode != 0
    assert "apt-get install -y chromium" in run.stdout
    assert "skipped" not in run.stdout and "1 error" in run.stdout


def test_a_request_never_opens_a_file_on_the_server(server: DeskServer, tmp_path: Path) -> None:
    """A name in a request's media is not the writer's photo but a file on the server: it is
    never opened (no 'cannot be read' that would say which files exist, no location read)."""
    from PIL import Image

    placed = Image.Exif()
    placed[0x010F] = "PhoneCam"
    placed.get_ifd(0x8825).update({1: "N", 2: (51.0, 28.0, 38.0), 3: "W", 4: (0.0, 0.0, 2.0)})
    Image.new("RGB", (8, 8)).save(tmp_path / "placed.jpg", exif=placed)
    for media in ([str(tmp_path / "placed.jpg")], ["/etc/shadow", "/etc/hostname"]):
        status, document = post_json(server, {"text": "Lovely day", "scheduled": IN_HOURS, "media": media})
        rules = {v["rule"] for v in document["drafts"][0]["violations"]}
        assert status == 200 and not rules & {"photo-location", "photo-unreadable"}


def test_the_pages_photos_box_is_no_file_and_asks_for_no_description(server: DeskServer) -> None:
    status, document = post_json(server, {"text": "Lovely day", "scheduled": IN_HOURS, "media": True})
    assert status == 200 and document["drafts"][0]["violations"] == []
