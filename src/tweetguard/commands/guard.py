"""Running a command with its output guarded: one line for the user's mistakes, one for a
report that cannot be written, never a traceback (for click's commands and the quick check)."""

from __future__ import annotations

import errno
import os
import sys
from collections.abc import Callable
from typing import Any, NoReturn, TextIO

from tweetguard.core.console import echo_err
from tweetguard.core.errors import TweetguardError, printable


def fail(error: TweetguardError) -> NoReturn:
    """One line on standard error, exit 2: never a traceback for the user's input."""
    echo_err(f"tweetguard: {error}")
    sys.exit(2)


def interrupted() -> NoReturn:
    """Ctrl-C: the shell's convention, exit 130 (128 + SIGINT), after a line closing the ^C."""
    echo_err("")
    echo_err("Aborted!")
    sys.exit(130)


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
        echo_err(f"tweetguard: the report could not be written to standard output ({reason}); "
                 "free some space, or write it somewhere else")
    sys.exit(2)


def guarded(command: Callable[[], object]) -> object:
    """Run a command with standard output guarded: a TweetguardError is one line and exit 2,
    a report that cannot be written is said once (for click's commands and the quick check)."""
    stdout = sys.stdout
    sys.stdout = _GuardedOutput(stdout)
    try:
        try:
            return command()
        finally:
            sys.stdout.flush()  # here, not at exit, so that a full disk is reported
    except TweetguardError as error:
        fail(error)
    except ReportNotWritten as failure:
        _report_not_written(failure, stdout)
    finally:
        sys.stdout = stdout


class Pacified:
    """What click puts in place of a standard stream after a broken pipe: flushing it at
    exit says nothing more."""

    def __init__(self, wrapped: TextIO) -> None:
        self.wrapped = wrapped

    def flush(self) -> None:
        try:
            self.wrapped.flush()
        except OSError as exc:
            if exc.errno != errno.EPIPE:
                raise

    def __getattr__(self, name: str) -> Any:
        return getattr(self.wrapped, name)
