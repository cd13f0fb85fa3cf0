"""``tweetguard evaluate``: precision, recall and F1 of the catalogue on labelled drafts."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from tweetguard.core.errors import ConfigError


def _default_corpus() -> Path:
    """tests/corpus/drafts.jsonl of the checkout we are run in (or above it)."""
    from tweetguard.evaluate import DEFAULT_CORPUS

    for folder in (Path.cwd(), *Path.cwd().parents):
        if (folder / DEFAULT_CORPUS).is_file():
            return folder / DEFAULT_CORPUS
    raise ConfigError("evaluate", f"no corpus given and no {DEFAULT_CORPUS} here; name a .jsonl file of labelled drafts")


@click.command("evaluate")
@click.argument("corpora", nargs=-1, type=click.Path(path_type=Path, dir_okay=False))
@click.option("--roster", type=click.Path(path_type=Path, dir_okay=False),
              help="Pupil roster CSV (default: roster.csv next to the first corpus, if there is one).")
@click.option("--rules", "rule_dirs", multiple=True, type=click.Path(path_type=Path),
              help="A folder of your own rule files, added to the default catalogue.")
@click.option("--school-domain", "school_domains", multiple=True, metavar="DOMAIN",
              help="The school's own email domain (default oakfield.sch.uk, the corpus's school).")
@click.option("--category", "categories", multiple=True, help="Only report these categories.")
@click.option("--format", "format_name", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--show-errors", is_flag=True, help="List the misclassified drafts.")
@click.option("--fail-under", type=click.FloatRange(0, 1), metavar="F1",
              help="Exit 1 when a reported category's F1 is below this (for CI).")
def command(corpora: tuple[Path, ...], roster: Path | None, rule_dirs: tuple[Path, ...],
            school_domains: tuple[str, ...], categories: tuple[str, ...], format_name: str,
            show_errors: bool, fail_under: float | None) -> None:
    """Measure the rules on labelled drafts (JSON Lines with "text" and "expected").

    \b
    Each line:  {"id": "t1", "text": "Well done Ellie Thornton!", "expected": ["names"]}
    Drafts without 'scheduled' are checked as if posted on Wednesday 2026-03-11 at 10:00
    (Europe/London). Prints TP, FP, FN, precision, recall and F1 per category.
    """
    from tweetguard.catalogue.loader import load_catalogue
    from tweetguard.core.model import CATEGORIES
    from tweetguard.core.roster import load_roster
    from tweetguard.core.settings import Settings
    from tweetguard.engine.checker import Engine
    from tweetguard.evaluate import (
        DEFAULT_SCHOOL_DOMAINS,
        evaluate,
        format_misses,
        format_table,
        read_corpus,
    )

    for category in categories:
        if category not in CATEGORIES:
            raise ConfigError("--category", f"unknown category '{category}'; use one of {', '.join(CATEGORIES)}")
    paths = corpora or (_default_corpus(),)
    if roster is None and (paths[0].parent / "roster.csv").is_file():
        roster = paths[0].parent / "roster.csv"
    domains = tuple(d.lower().lstrip("@") for d in school_domains) or DEFAULT_SCHOOL_DOMAINS
    settings = Settings(rule_dirs=rule_dirs, school_domains=domains)
    engine = Engine(load_catalogue(rule_dirs), settings, load_roster(roster) if roster else None)
    items = [item for path in paths for item in read_corpus(path)]
    evaluation = evaluate(items, engine)
    chosen = categories or None
    if format_name == "json":
        report = evaluation.as_dict()
        if chosen:
            report["categories"] = {c: v for c, v in report["categories"].items() if c in chosen}
            report["misclassified"] = [m for m in report["misclassified"] if m["category"] in chosen]
        if not show_errors:
            report.pop("misclassified")
        click.echo(json.dumps(report, indent=2, ensure_ascii=False))
    else:
        click.echo(format_table(evaluation, chosen))
        if show_errors:
            misses = format_misses(evaluation, chosen)
            click.echo("\nMisclassified:\n" + misses if misses else "\nNo misclassified drafts.")
    if fail_under is not None:
        low = [c for c, counts in evaluation.counts.items()
               if (not chosen or c in chosen) and counts.f1 is not None and counts.f1 < fail_under]
        sys.exit(1 if low else 0)
