"""``python -m tweetguard.evaluate``: the same command as ``tweetguard evaluate``.

An entry point, imported by nothing: it may reach up to the command layer.
"""

from __future__ import annotations

import sys
from typing import Sequence

from tweetguard.cli import fail
from tweetguard.commands.evaluate import command
from tweetguard.core.errors import TweetguardError


def main(argv: Sequence[str] | None = None) -> None:
    try:
        command.main(args=list(argv) if argv is not None else sys.argv[1:],
                     prog_name="python -m tweetguard.evaluate", standalone_mode=True)
    except TweetguardError as error:
        fail(error)


if __name__ == "__main__":
    main()
