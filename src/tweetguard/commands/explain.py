"""``tweetguard explain RULE``: what one rule checks, why, and examples either side of it."""

from __future__ import annotations

import difflib
from dataclasses import replace
from datetime import datetime
from pathlib import Path

import click

from tweetguard.catalogue.loader import Catalogue
from tweetguard.commands.rules import catalogue_options
from tweetguard.core.errors import ConfigError
from tweetguard.core.model import Example, Rule
from tweetguard.core.settings import Settings

FRONT_MATTER_SHOWN = ("scheduled", "occasion", "reply_to", "media")


def _example_line(example: Example) -> str:
    """The example's text, then the front matter that matters to it, in brackets."""
    extras = [f"{key}: {example.front_matter[key]}" for key in FRONT_MATTER_SHOWN if key in example.front_matter]
    if example.front_matter.get("roster"):
        extras.append("with the school's roster")
    text = " ".join(example.text.split())
    return text + (f"   [{'; '.join(extras)}]" if extras else "")


def _wrap(text: str, indent: str = "  ") -> str:
    return click.wrap_text(" ".join(text.split()), width=88, initial_indent=indent, subsequent_indent=indent)


# A school morning, for examples that give no posting time of their own.
EXAMPLE_TIME = datetime(2026, 3, 11, 10, 0)


def example_report(catalogue: Catalogue, settings: Settings, rule: Rule) -> tuple[str, str] | None:
    """The rule's first bad example and what the report says about it, placeholders filled.

    Checked by the rule itself, so the message shown is the one a head teacher would read.
    """
    from tweetguard.config import with_keys
    from tweetguard.engine.checker import Engine
    from tweetguard.sources.fields import example_config, example_draft

    for example in rule.bad:
        draft, roster = example_draft(example, rule_source=rule.source)
        only_this = with_keys(replace(settings, select=(rule.id,), ignore=()), example_config(example), rule.source)
        engine = Engine(replace(catalogue, rules=(rule,)), only_this, roster)
        result, _ = engine.check(draft, EXAMPLE_TIME.replace(tzinfo=settings.tz))
        for violation in result.violations:
            return " ".join(example.text.split()), violation.message
    return None


def show(rule: Rule, report: tuple[str, str] | None) -> None:
    click.secho(rule.id, bold=True, nl=False)
    click.echo(f"  ({rule.category}, {rule.severity})")
    click.echo()
    click.secho("What it checks", bold=True)
    click.echo(_wrap(rule.description or rule.message))
    click.echo()
    click.secho("Why: the policy", bold=True)
    click.echo(_wrap(rule.policy))
    click.echo()
    click.secho("What the report says", bold=True)
    if report is None:
        click.echo(_wrap(rule.message))
    else:
        flagged, message = report
        click.echo(_wrap(f"For \u201c{flagged}\u201d:"))
        click.echo(_wrap(message, indent="    "))
    click.echo()
    click.secho("Would be flagged", bold=True)
    for example in rule.bad:
        click.echo(_wrap("✗ " + _example_line(example)))
    click.echo()
    click.secho("Fine", bold=True)
    for example in rule.good:
        click.echo(_wrap("✓ " + _example_line(example)))
    if rule.severity == "error":
        footer = "An error means the draft should not be posted until it is fixed."
    elif rule.severity == "warning":
        footer = "A warning means: read the draft again before posting (with --strict it fails the check)."
    else:
        footer = "A note is for information only."
    click.echo()
    click.echo(footer)


@click.command("explain")
@click.argument("rule_id", metavar="RULE")
@catalogue_options
def command(rule_id: str, config_path: Path | None, rule_dirs: tuple[Path, ...]) -> None:
    """Explain one rule: what it checks, the policy behind it, and good and bad examples."""
    from tweetguard.catalogue.loader import load_catalogue
    from tweetguard.commands.options import build_settings

    settings = build_settings(config_path, rule_dirs, None, (), (), None)
    catalogue = load_catalogue(settings.rule_dirs)
    rules = catalogue.rules
    wanted = rule_id.strip().lower()
    rule = next((r for r in rules if r.id == wanted), None)
    if rule is None:
        in_category = [r.id for r in rules if r.category == wanted]
        if in_category:
            raise ConfigError(rule_id, f"is a category, not a rule; its rules are: {', '.join(in_category)}")
        close = difflib.get_close_matches(wanted, [r.id for r in rules], n=4, cutoff=0.5)
        hint = f"did you mean {', '.join(close)}?" if close else "run 'tweetguard rules' to list them"
        raise ConfigError(rule_id, f"no rule has this id; {hint}")
    show(rule, example_report(catalogue, settings, rule))
