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
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from tweetguard.commands.guard import Pacified, fail, guarded
from tweetguard.core.console import echo_err

if TYPE_CHECKING:
    import click

__all__ = ["fail", "main"]


def _quick(args: list[str]) -> bool:
    """Run ``check`` without click when the quick reader takes these arguments (then it
    never returns: it exits as click's ``main`` would); False when it does not."""
    from tweetguard.commands.quick import read_check_arguments

    params = read_check_arguments(args)
    if params is None:
        return False
    from tweetguard.commands.checking import run_check

    try:
        guarded(lambda: run_check(**params))
    except (EOFError, KeyboardInterrupt):
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


def main(argv: Sequence[str] | None = None) -> None:
    args = list(argv) if argv is not None else sys.argv[1:]
    # click expands wildcards in Windows' arguments, and answers shell completion: its own.
    if args[:1] == ["check"] and (argv is not None or os.name != "nt") \
            and "_TWEETGUARD_COMPLETE" not in os.environ and _quick(args[1:]):
        return
    from tweetguard.commands.group import cli

    cli.main(args=args, prog_name="tweetguard")


def __getattr__(name: str) -> click.Group:
    """``tweetguard.cli.cli``, the click group, imported only when asked for."""
    if name == "cli":
        from tweetguard.commands.group import cli

        return cli
    raise AttributeError(name)
