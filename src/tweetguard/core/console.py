"""One line to standard error, exactly as ``click.echo(message, err=True)`` writes it, for
the code that runs without importing click (``tweetguard check``'s quick start).

click writes to a standard error whose encoding is ASCII as UTF-8 (errors replaced) and
leaves out ANSI colour codes when standard error is not a terminal: the same here.
"""

from __future__ import annotations

import codecs
import sys

from tweetguard.core.patterns import lazy_re

_ANSI = lazy_re(r"\033\[[;?0-9]*[a-zA-Z]")  # click's own pattern (click._compat)


def _is_ascii(encoding: str) -> bool:
    try:
        return codecs.lookup(encoding).name == "ascii"
    except LookupError:
        return False


def echo_err(message: str) -> None:
    stream = sys.stderr
    if stream is None:  # pythonw: nowhere to write
        return
    out = message + "\n"
    try:
        terminal = stream.isatty()
    except (AttributeError, ValueError):
        terminal = False
    if not terminal:
        out = _ANSI.sub("", out)
    buffer = getattr(stream, "buffer", None)
    if _is_ascii(getattr(stream, "encoding", None) or "ascii") and buffer is not None:
        stream.flush()
        buffer.write(out.encode("utf-8", "replace"))
        buffer.flush()
        return
    stream.write(out)
    stream.flush()
