"""The ``tweetguard`` command line.

``tweetguard check`` with the usual options is read here without importing click (click
and its imports were a sixth of a cold start): ``commands/quick.py`` reads the arguments
and ``commands/checking.py`` runs the check, exactly as the click command would. Anything
else, or anything the quick reader is not sure of (``--help``, a mistake to explain, the
prompt at a terminal), goes to click (``commands/group.py``), which says what it always
said.
"""

from __future__ import annotations

import errno
import gc
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from tweetguard.commands.guard import Pacified, fail, guarded, interrupted
from tweetguard.core.console import echo_err

if TYPE_CHECKING:
    import click

__all__ = ["fail", "main"]


def _quick(args: list[str], whole_process: bool) -> bool:
    """Run ``check`` without click when the quick reader takes these arguments (then it
    never returns: it exits as click's ``main`` would); False when it does not."""
    from tweetguard.commands.quick import read_check_arguments

    params = read_check_arguments(args)
    if params is None:
        return False
    from tweetguard.commands.checking import run_check

    try:
        try:
            guarded(lambda: run_check(**params))
        except KeyboardInterrupt:
            interrupted()
        except EOFError:
            echo_err("")  # the blank line closes the terminal's ^C, then click's own words
            echo_err("Aborted!")
            sys.exit(1)
        except OSError as exc:
            if exc.errno != errno.EPIPE:
                raise
            sys.stdout = Pacified(sys.stdout)
            sys.stderr = Pacified(sys.stderr)
            sys.exit(1)
        sys.exit(0)
    except SystemExit as done:
        if whole_process:
            _leave(done)
        raise


def _leave(done: SystemExit) -> None:
    """End the process at once once everything is written: freeing the catalogue, the
    patterns and the word lists one object at a time took a seventh of a cold start. The
    report and the cache are written by then, and the worker pool waited for (runner);
    anything unusual (an exit message, output that will not flush) exits as usual."""
    code = done.code
    if code is not None and not isinstance(code, int):
        return
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):
        return
    os._exit(code or 0)


def main(argv: Sequence[str] | None = None) -> None:
    args = list(argv) if argv is not None else sys.argv[1:]
    # click expands wildcards in Windows' arguments, and answers shell completion: its own.
    if args[:1] == ["check"] and (argv is not None or os.name != "nt") \
            and "_TWEETGUARD_COMPLETE" not in os.environ:
        whole_process = argv is None  # the command itself, not a caller (a test) in the same process
        if whole_process:
            gc.disable()  # nothing to collect while starting up; run_check turns it back on
        if _quick(args[1:], whole_process):
            return
        gc.enable()
    from tweetguard.commands.group import cli

    cli.main(args=args, prog_name="tweetguard")


def __getattr__(name: str) -> click.Group:
    """``tweetguard.cli.cli``, the click group, imported only when asked for."""
    if name == "cli":
        from tweetguard.commands.group import cli

        return cli
    raise AttributeError(name)
