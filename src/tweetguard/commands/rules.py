"""``tweetguard rules``: the catalogue as a table, or as JSON for other tools."""

from __future__ import annotations

import json
import sys
from datetime import date, datetime
from pathlib import Path
from typing import Any, Callable

import click

from tweetguard.core.model import Example, Rule

POLICY_WIDTH = 70


def catalogue_options(func: Callable[..., Any]) -> Callable[..., Any]:
    """--config and --rules: which catalogue to show (the school's own rules included)."""
    func = click.option("--rules", "rule_dirs", multiple=True, type=click.Path(path_type=Path),
                        help="A folder of your own rule files, added to the default catalogue.")(func)
    return click.option("--config", "config_path", type=click.Path(path_type=Path, dir_okay=False),
                        help="Config file (default: the nearest .tweetguard.yaml or pyproject.toml).")(func)


def load_rules(config_path: Path | None, rule_dirs: tuple[Path, ...]) -> tuple[Rule, ...]:
    """Every rule of the catalogue the school's config (and --rules) describe."""
    from tweetguard.catalogue.loader import load_catalogue
    from tweetguard.commands.options import build_settings

    settings = build_settings(config_path, rule_dirs, None, (), (), None)
    return load_catalogue(settings.rule_dirs).rules


def shorten(text: str, width: int = POLICY_WIDTH) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"


def example_value(example: Example) -> str | dict[str, Any]:
    """As written in the catalogue: the text alone, or the text with its front matter."""
    if not example.front_matter:
        return example.text
    def plain(value: Any) -> Any:
        return value.isoformat() if isinstance(value, (date, datetime)) else value
    return {"text": example.text, **{k: plain(v) for k, v in example.front_matter.items()}}


def rule_dict(rule: Rule) -> dict[str, Any]:
    return {
        "id": rule.id,
        "category": rule.category,
        "severity": rule.severity,
        "policy": rule.policy,
        "message": rule.message,
        "description": rule.description,
        "examples": {"bad": [example_value(e) for e in rule.bad], "good": [example_value(e) for e in rule.good]},
    }


@click.command("rules")
@click.option("--format", "format_name", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="A table for people, or JSON for other tools.")
@catalogue_options
def command(format_name: str, config_path: Path | None, rule_dirs: tuple[Path, ...]) -> None:
    """List every rule: its id, category, severity and the policy clause it enforces.

    Run 'tweetguard explain RULE' for one rule in full, with examples.
    """
    rules = load_rules(config_path, rule_dirs)
    if format_name == "json":
        click.echo(json.dumps({"rules": [rule_dict(r) for r in rules]}, indent=2, ensure_ascii=False))
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"{len(rules)} rules", title_justify="left")
    for column in ("Rule", "Category", "Severity", "Policy"):
        table.add_column(column, overflow="fold" if column == "Policy" else "ellipsis", no_wrap=column != "Policy")
    for rule in rules:
        table.add_row(rule.id, rule.category, rule.severity, shorten(rule.policy))
    Console(file=sys.stdout, highlight=False, emoji=False,
            width=None if sys.stdout.isatty() else 140).print(table)
