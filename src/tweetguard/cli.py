"""The ``tweetguard`` command line."""

from __future__ import annotations

import errno
import os
import sys
from typing import Any, NoReturn, Sequence, TextIO

import click

from tweetguard import __version__
from tweetguard.core.errors import TweetguardError, printable


def fail(error: TweetguardError) -> NoReturn:
    """One line on standard error, exit 2: never a traceback for the user's input."""
    click.echo(f"tweetguard: {error}", err=True)
    sys.exit(2)


class ReportNotWritten(BaseException):
    """Standard output refused the report (a full disk, a closed pipe).

    A BaseException, like KeyboardInterrupt, so that no ``except Exception`` on the way
    (a rule that failed, a draft that could not be read) mistakes it for something else.
    """

    def __init__(self, error: OSError) -> None:
        super().__init__(error)
        self.error = error


class _GuardedOutput:
    """Standard output whose write errors end the run with one line instead of a traceback."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        try:
            return self._stream.write(text)
        except OSError as exc:
            raise ReportNotWritten(exc) from None

    def flush(self) -> None:
        try:
            self._stream.flush()
        except OSError as exc:
            raise ReportNotWritten(exc) from None

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def _report_not_written(failure: ReportNotWritten, stream: TextIO) -> NoReturn:
    """Exit 2; say why unless the reader just stopped reading (``| head``)."""
    try:  # what is still buffered would fail again when Python exits: send it nowhere
        os.dup2(os.open(os.devnull, os.O_WRONLY), stream.fileno())
    except (OSError, ValueError, AttributeError):
        pass
    if failure.error.errno != errno.EPIPE:
        reason = printable(failure.error.strerror or str(failure.error))
        click.echo(f"tweetguard: the report could not be written to standard output ({reason}); "
                   "free some space, or write it somewhere else", err=True)
    sys.exit(2)


class Group(click.Group):
    """Commands are imported when used, to keep `tweetguard check` quick to start."""

    COMMANDS = {
        "check": "tweetguard.commands.check",
        "explain": "tweetguard.commands.explain",
        "rules": "tweetguard.commands.rules",
        "policy": "tweetguard.commands.policy",
        "init": "tweetguard.commands.init",
        "evaluate": "tweetguard.commands.evaluate",
        "serve": "tweetguard.commands.serve",
    }

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(self.COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in self.COMMANDS:
            return None
        import importlib

        return importlib.import_module(self.COMMANDS[name]).command  # type: ignore[no-any-return]

    def invoke(self, ctx: click.Context) -> object:
        stdout = sys.stdout
        sys.stdout = _GuardedOutput(stdout)
        try:
            try:
                return super().invoke(ctx)
            finally:
                sys.stdout.flush()  # here, not at exit, so that a full disk is reported
        except TweetguardError as error:
            fail(error)
        except ReportNotWritten as failure:
            _report_not_written(failure, stdout)
        finally:
            sys.stdout = stdout


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="tweetguard")
def cli() -> None:
    """Check a school's draft tweets against its social-media policy before they are posted.

    \b
    Start with:  tweetguard check drafts/        (a folder of drafts)
                 tweetguard check                (type a draft and check it)
    """


def main(argv: Sequence[str] | None = None) -> None:
    cli.main(args=list(argv) if argv is not None else None, prog_name="tweetguard")
