"""The ``tweetguard`` command line."""

from __future__ import annotations

import sys
from typing import NoReturn, Sequence

import click

from tweetguard import __version__
from tweetguard.core.errors import TweetguardError


def fail(error: TweetguardError) -> NoReturn:
    """One line on standard error, exit 2: never a traceback for the user's input."""
    click.echo(f"tweetguard: {error}", err=True)
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
        try:
            return super().invoke(ctx)
        except TweetguardError as error:
            fail(error)


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
