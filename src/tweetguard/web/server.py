"""The HTTP side of ``tweetguard serve``: the page, its assets and the checking API.

Standard library only (``http.server``'s threading server): one person on their own
computer needs nothing more. Safe by default, because the page may hold children's names:

- it listens on loopback; ``serve`` warns when told to listen anywhere else;
- a request whose Host header is not this server's own host:port gets 403, so a web page
  elsewhere cannot reach it by pointing its own domain at 127.0.0.1 (DNS rebinding);
- a POST from a page of another origin gets 403;
- every response carries a Content-Security-Policy that lets the page load only its own
  assets and talk only to this server, and makes the browser refuse HTML built from strings
  (Trusted Types), so draft text can only ever be shown as text;
- every asset is served from the package (``static/``): nothing comes from or goes to
  anywhere else, and it works offline. The roster stays in the engine: answers hold only the
  report on the draft that was sent.
"""

from __future__ import annotations

import ipaddress
import json
import socket
from datetime import datetime
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from typing import Any, Callable

from tweetguard.core.model import Draft
from tweetguard.web.desk import MAX_BODY_BYTES, Desk, RequestError, read_request

CONTENT_SECURITY_POLICY = "; ".join([
    "default-src 'none'", "script-src 'self'", "style-src 'self'", "img-src 'self'",
    "connect-src 'self'", "base-uri 'none'", "form-action 'none'", "frame-ancestors 'none'",
    "require-trusted-types-for 'script'", "trusted-types 'none'",
])
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Cache-Control": "no-store",
}
# The page's files: the only paths served, each with its type (nothing else is looked up).
ASSETS = {
    "/": ("index.html", "text/html; charset=utf-8"),
    "/app.js": ("app.js", "text/javascript; charset=utf-8"),
    "/style.css": ("style.css", "text/css; charset=utf-8"),
    "/icon.svg": ("icon.svg", "image/svg+xml"),
}
NOW_PLACEHOLDER = "{{now}}"  # index.html's posting-time field starts at the school's "now"
LIMIT_PLACEHOLDER = "{{limit}}"  # and its count at the platform's limit
LOOPBACK_NAMES = ("localhost", "127.0.0.1", "[::1]")


def is_loopback(host: str) -> bool:
    """Whether ``host`` (a name or an address) is this computer only."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def url_host(host: str) -> str:
    """``host`` as written in a URL: IPv6 addresses in brackets."""
    return f"[{host}]" if ":" in host and not host.startswith("[") else host


def allowed_hosts(host: str, port: int) -> frozenset[str]:
    """The Host headers this server answers: its own host:port (and this computer's names
    for itself when it listens on loopback or everywhere)."""
    names = {url_host(host)}
    if is_loopback(host):
        names.update(LOOPBACK_NAMES)
    elif host in ("", "0.0.0.0", "::"):  # every interface: reached by this computer's names
        names.update(LOOPBACK_NAMES)
        names.update({socket.gethostname(), socket.getfqdn()})
    return frozenset(f"{name.lower()}:{port}" for name in names)


def read_asset(name: str) -> bytes:
    return resources.files("tweetguard.web").joinpath("static", name).read_bytes()


class DeskServer(ThreadingHTTPServer):
    """The threading HTTP server, holding what its handlers need."""

    daemon_threads = True  # a request still open never keeps `serve` from stopping

    def __init__(self, host: str, port: int, desk: Desk) -> None:
        if ":" in host.strip("[]"):
            self.address_family = socket.AF_INET6
        super().__init__((host.strip("[]"), port), DeskHandler)
        self.desk = desk
        self.host = host
        self.port = int(self.server_address[1])  # the port chosen when asked for port 0
        self.hosts = allowed_hosts(host, self.port)
        display = "127.0.0.1" if host in ("", "0.0.0.0") else "[::1]" if host == "::" else url_host(host)
        self.url = f"http://{display}:{self.port}/"
        self.origins = frozenset(f"http://{allowed}" for allowed in self.hosts)


class DeskHandler(BaseHTTPRequestHandler):
    """One request: the Host check first, then the page's files or the API."""

    server: DeskServer
    server_version = "tweetguard"
    sys_version = ""
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:
        if self._host_refused():
            return
        asset = ASSETS.get(self.path.split("?", 1)[0])
        if asset is None:
            self._send_json(HTTPStatus.NOT_FOUND, {"error": "there is no such page here; open /"})
            return
        name, content_type = asset
        body = read_asset(name)
        if name == "index.html":
            now = datetime.now(self.server.desk.engine.settings.tz).strftime("%Y-%m-%dT%H:%M")
            limit = self.server.desk.length_limit(self.server.desk.engine.settings.platform)
            body = body.replace(NOW_PLACEHOLDER.encode(), now.encode()).replace(
                LIMIT_PLACEHOLDER.encode(), str(limit).encode())
        self._send(HTTPStatus.OK, body, content_type)

    def do_HEAD(self) -> None:
        self.do_GET()  # send_response writes headers only for HEAD (see _send)

    def do_POST(self) -> None:
        if self._host_refused() or self._origin_refused():
            return
        routes: dict[str, Callable[[Draft], Any]] = {
            "/api/check": lambda draft: json.loads(self.server.desk.check(draft).document),
            "/api/desk": self.server.desk.page,
        }
        route = routes.get(self.path)
        if route is None:
            self._send_json(HTTPStatus.NOT_FOUND, {"error": "POST drafts to /api/check"})
            return
        try:
            draft = read_request(self._read_body(), self.server.desk.school_now())
        except RequestError as error:
            self._send_json(error.status, {"error": error.message})
            return
        try:
            answer = route(draft)
        except Exception as exc:  # noqa: BLE001 - the page says so, rather than losing its connection
            self._send_json(HTTPStatus.INTERNAL_SERVER_ERROR,
                            {"error": f"tweetguard could not check this draft ({type(exc).__name__}: {exc})"})
            return
        self._send_json(HTTPStatus.OK, answer)

    def _read_body(self) -> bytes:
        """The request's body, refused (413) before it is read when it is too big."""
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            raise RequestError(HTTPStatus.BAD_REQUEST, "Content-Length is not a number") from None
        if length > MAX_BODY_BYTES:
            self.close_connection = True  # the unread body must not be taken for a request
            raise RequestError(HTTPStatus.REQUEST_ENTITY_TOO_LARGE,
                               f"the body is over {MAX_BODY_BYTES // 1024} KiB; a tweet is 280 characters")
        if length < 0:
            raise RequestError(HTTPStatus.BAD_REQUEST, "Content-Length is negative")
        return self.rfile.read(length)

    def _host_refused(self) -> bool:
        host = (self.headers.get("Host") or "").strip().lower()
        if host in self.server.hosts:
            return False
        self._send_json(HTTPStatus.FORBIDDEN, {"error": f"open this page at {self.server.url}"})
        return True

    def _origin_refused(self) -> bool:
        origin = self.headers.get("Origin")
        if origin is None or origin.strip().lower() in self.server.origins:
            return False  # no Origin: not a browser page (curl, a script), which loopback allows
        self._send_json(HTTPStatus.FORBIDDEN, {"error": "drafts are checked only from this server's own page"})
        return True

    def _send_json(self, status: int, document: Any) -> None:
        self._send(status, json.dumps(document, ensure_ascii=False).encode("utf-8"), "application/json; charset=utf-8")

    def _send(self, status: int, body: bytes, content_type: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def end_headers(self) -> None:
        """Every response, the server's own errors included, carries the security headers."""
        for name, value in SECURITY_HEADERS.items():
            self.send_header(name, value)
        super().end_headers()

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: the terminal shows the URL and nothing of what is checked."""
