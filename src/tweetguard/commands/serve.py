"""``tweetguard serve``: a page in the browser for checking one draft as it is typed.

The first line on standard output is the page's URL (so a script can read it, even with
``--port 0``); the browser opens it unless ``--no-browser``. The same configuration, roster
and rule folders as ``check`` are used; the roster stays in this process.
"""

from __future__ import annotations

from dataclasses import replace

import sys
import threading
from pathlib import Path

import click

from tweetguard.commands.options import build_settings, settings_options

DEFAULT_PORT = 8765


def _warn_if_reachable(host: str) -> None:
    from tweetguard.web.server import is_loopback

    if not is_loopback(host):
        click.echo(f"tweetguard: warning: --host {host} lets other computers reach this page and check "
                   "drafts through it (with the roster's names); use 127.0.0.1 unless you must", err=True)


def _open_browser(url: str) -> None:
    import webbrowser

    # In a thread: a browser that takes a while to start must not hold up the first check.
    threading.Thread(target=webbrowser.open, args=(url,), daemon=True).start()


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Where to listen: this computer only, unless you name another address (a warning says why not).")
@click.option("--port", default=DEFAULT_PORT, show_default=True, type=click.IntRange(0, 65535),
              help="The port; 0 picks a free one.")
@click.option("--no-browser", is_flag=True, help="Print the page's address without opening the browser.")
@settings_options
def command(host: str, port: int, no_browser: bool, config_path: Path | None, rule_dirs: tuple[Path, ...],
            roster: Path | None, select: tuple[str, ...], ignore: tuple[str, ...], timezone: str | None,
            platform: str | None) -> None:
    """Check a draft in the browser: problems shown as you type, with a corrected version to copy.

    \b
    The page is served from this computer to this computer only; nothing is sent anywhere.
    Stop it with Ctrl-C.
    """
    from tweetguard.catalogue.loader import load_catalogue
    from tweetguard.core.roster import load_roster
    from tweetguard.engine.checker import Engine
    from tweetguard.web.desk import Desk
    from tweetguard.web.server import DeskServer

    # The page's server never opens a file a request names (core.settings.open_media).
    settings = replace(build_settings(config_path, rule_dirs, roster, select, ignore, timezone, platform),
                       open_media=False)
    pupils = load_roster(settings.roster) if settings.roster else None
    engine = Engine(load_catalogue(settings.rule_dirs), settings, pupils)
    _warn_if_reachable(host)
    try:
        server = DeskServer(host, port, Desk(engine))
    except OSError as exc:
        raise click.ClickException(f"cannot listen on {host}:{port} ({exc.strerror or exc}); "
                                   "try another --port, or --port 0 for any free one") from None
    click.echo(server.url)
    sys.stdout.flush()  # the URL first, even when standard output is a pipe
    click.echo("Checking drafts on this page; press Ctrl-C to stop.", err=True)
    if not no_browser:
        _open_browser(server.url)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        click.echo("Stopped.", err=True)
    finally:
        server.server_close()
