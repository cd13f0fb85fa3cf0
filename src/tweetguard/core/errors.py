"""Errors that end in a one-line message and exit code 2, never a traceback.

Every error is one line that is safe to print: file names and values quoted in it have
their control characters escaped (``printable``), so a newline in a ``scheduled`` value
cannot split the line and an escape sequence in a file name cannot reach the terminal.
"""

from __future__ import annotations

import re

from tweetguard.core.patterns import lazy_re

# Never printed raw: C0 and C1 controls and DEL (newlines, terminal escape sequences), line
# and paragraph separators, the marks and overrides that reorder what a terminal shows,
# and surrogates (the bytes of a file name that are not UTF-8, as Python passes them on).
_UNPRINTABLE = lazy_re("[\x00-\x1f\x7f-\x9f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069"
                          "\ud800-\udfff]")
_SHORT_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
_SURROGATE_ESCAPED_BYTES = range(0xDC80, 0xDD00)  # os.fsdecode's stand-ins for bytes 0x80-0xff


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    code = ord(char)
    if char in _SHORT_ESCAPES:
        return _SHORT_ESCAPES[char]
    if code in _SURROGATE_ESCAPED_BYTES:
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str) -> str:
    """``text`` on one line, safe for a terminal and for UTF-8: what could harm it escaped."""
    return _UNPRINTABLE.sub(_escape, text)


class TweetguardError(Exception):
    """A problem with the user's input: a draft, a rule file, a config or an option.

    ``where`` names the file (and line) and the message says what is wrong and what to do;
    both are kept ``printable``. ``raw_where`` is ``where`` as given, for a machine format
    that encodes a file name itself (SARIF's URIs).
    """

    def __init__(self, where: str, message: str) -> None:
        self.raw_where = where
        where, message = printable(where), printable(message)
        super().__init__(f"{where}: {message}" if where else message)
        self.where = where
        self.message = message


class CatalogueError(TweetguardError):
    """A rule file that cannot be used: tweetguard refuses to run with a broken catalogue."""


class DraftError(TweetguardError):
    """A draft that cannot be read or whose front matter is wrong; other drafts still run."""


class ConfigError(TweetguardError):
    """A configuration file or command-line option that is not valid."""


class RuleParamError(ValueError):
    """A rule's parameter that the kind cannot use (for example a regex that does not compile)."""

    def __init__(self, key: str, message: str) -> None:
        super().__init__(message)
        self.key = key
        self.message = message
