"""Errors that end in a one-line message and exit code 2, never a traceback."""

from __future__ import annotations


class TweetguardError(Exception):
    """A problem with the user's input: a draft, a rule file, a config or an option.

    ``where`` names the file (and line) and the message says what is wrong and what to do.
    """

    def __init__(self, where: str, message: str) -> None:
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
