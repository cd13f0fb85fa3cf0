"""The click group: every command of ``tweetguard``, each imported when used."""

from __future__ import annotations

import importlib

import click

from tweetguard import __version__
from tweetguard.commands.guard import guarded

COMMANDS = {
    "check": "tweetguard.commands.check",
    "audit": "tweetguard.commands.audit",
    "explain": "tweetguard.commands.explain",
    "rules": "tweetguard.commands.rules",
    "policy": "tweetguard.commands.policy",
    "init": "tweetguard.commands.init",
    "evaluate": "tweetguard.commands.evaluate",
    "serve": "tweetguard.commands.serve",
}


class Group(click.Group):
    """Commands are imported when used, to keep `tweetguard check` quick to start."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in COMMANDS:
            return None
        return importlib.import_module(COMMANDS[name]).command  # type: ignore[no-any-return]

    def invoke(self, ctx: click.Context) -> object:
        return guarded(lambda: super(Group, self).invoke(ctx))


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="tweetguard")
def cli() -> None:
    """Check a school's draft tweets against its social-media policy before they are posted.

    \b
    Start with:  tweetguard check drafts/        (a folder of drafts)
                 tweetguard check                (type a draft and check it)
    """
