"""Asking for a draft at the terminal, for a head teacher checking one tweet."""

from __future__ import annotations

import click


def ask_for_draft() -> tuple[str, str | None]:
    """The draft's text (ended by an empty line or Ctrl-D) and when it will be posted."""
    click.echo("Type or paste your draft tweet. Finish with an empty line (or Ctrl-D).")
    lines: list[str] = []
    while True:
        try:
            line = input("> " if not lines else "  ")
        except EOFError:
            break
        if not line.strip() and lines:
            break
        if line.strip() or lines:
            lines.append(line)
    when = click.prompt("When will it be posted? (e.g. 2026-03-11 09:30, or press Enter for now)",
                        default="now", show_default=False).strip()
    return "\n".join(lines), None if when.lower() in ("", "now") else when
