"""``tweetguard policy``: the policy clause by clause, with the rules that enforce each one.

The clauses live in data/policy-clauses.yaml. A rule enforces a clause when its ``policy``
text contains one of the clause's quotes, or names its number ("clause 5"); so adding a rule
that quotes the policy is enough for it to appear here. Clauses only a person can check
(the password, trip photos, whom to follow...) are listed with what to do.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any, Iterable, Sequence

import click
import regex

from tweetguard.commands.rules import catalogue_options, load_rules
from tweetguard.core import yamlsafe
from tweetguard.core.model import Rule
from tweetguard.core.platforms import PLATFORMS


@dataclass(frozen=True)
class Clause:
    id: str
    section: str
    text: str
    quotes: tuple[str, ...]
    checked_by: str  # "tweetguard" or "person"
    number: int | None = None
    what_to_do: str = ""


# How each platform counts, in words (core.platforms.Counting).
COUNTING = {"twitter-text": "weighted characters (twitter-text v3: links 23, emoji 2)",
            "graphemes": "characters as a reader sees them",
            "mastodon": "characters as a reader sees them, links 23, a mention's server not counted"}


def _squash(text: str) -> str:
    """Lower case, one space between words and straight quotes: how policy text is compared."""
    return " ".join(text.lower().replace("’", "'").split())


@dataclass(frozen=True)
class Guide:
    """Guidance a rule follows beyond the policy's words; a rule follows it when its policy text names it."""

    id: str
    source: str
    says: str
    names: tuple[str, ...]

    def followed_by(self, rule: Rule) -> bool:
        return any(name in rule.policy for name in self.names)  # names are proper nouns: case kept


def _data() -> dict[str, Any]:
    text = resources.files("tweetguard").joinpath("data", "policy-clauses.yaml").read_text(encoding="utf-8")
    data: dict[str, Any] = yamlsafe.load(text)
    return data


def load_guidance() -> list[Guide]:
    return [Guide(str(g["id"]), str(g["source"]), " ".join(str(g["says"]).split()), tuple(map(str, g["names"])))
            for g in _data().get("guidance", ())]


def load_clauses() -> list[Clause]:
    return [
        Clause(id=str(c["id"]), section=str(c["section"]), text=" ".join(str(c["text"]).split()),
               quotes=tuple(str(q) for q in c.get("quotes", ())), checked_by=str(c["checked_by"]),
               number=c.get("number"), what_to_do=str(c.get("what_to_do", "")))
        for c in _data()["clauses"]
    ]


def enforces(rule: Rule, clause: Clause) -> bool:
    """Does ``rule``'s policy text cite ``clause`` (by a quote or by its number)?"""
    policy = _squash(rule.policy)
    if any(_squash(quote) in policy for quote in clause.quotes):
        return True
    return clause.number is not None and bool(regex.search(rf"\bclauses?\s+(?:\d+\s*(?:,|and)\s*)*{clause.number}\b",
                                                           policy))


def clauses_with_rules(rules: Sequence[Rule]) -> list[tuple[Clause, list[Rule]]]:
    return [(clause, [r for r in rules if enforces(r, clause)]) for clause in load_clauses()]


def _text(pairs: Iterable[tuple[Clause, list[Rule]]], guides: list[tuple[Guide, list[Rule]]]) -> None:
    automatic = [(c, r) for c, r in pairs if c.checked_by != "person"]
    personal = [(c, r) for c, r in pairs if c.checked_by == "person"]
    click.secho("What tweetguard checks in every draft", bold=True)
    for clause, rules in automatic:
        click.echo()
        click.secho(f"{clause.section} ({clause.id})", bold=True)
        click.echo(click.wrap_text(f'"{clause.text}"', width=88, initial_indent="  ", subsequent_indent="  "))
        if rules:
            click.echo("  Checked by: " + ", ".join(f"{r.id} ({r.severity})" for r in rules))
        else:
            click.echo("  No rule checks this yet: read each draft against it yourself.")
    click.echo()
    click.secho("What only a person can check", bold=True)
    for clause, rules in personal:
        click.echo()
        click.secho(f"{clause.section} ({clause.id})", bold=True)
        click.echo(click.wrap_text(f'"{clause.text}"', width=88, initial_indent="  ", subsequent_indent="  "))
        click.echo(click.wrap_text("To do: " + clause.what_to_do, width=88, initial_indent="  ",
                                   subsequent_indent="    "))
        if rules:
            click.echo("  Rules that help: " + ", ".join(r.id for r in rules))
    click.echo()
    click.secho("Guidance the rules follow beyond the policy's words", bold=True)
    for guide, rules in guides:
        click.echo()
        click.secho(f"{guide.source} ({guide.id})", bold=True)
        click.echo(click.wrap_text(guide.says, width=88, initial_indent="  ", subsequent_indent="  "))
        click.echo("  Followed by: " + (", ".join(f"{r.id} ({r.severity})" for r in rules) or "no rule yet"))
    click.echo()
    click.secho("Where the length rules count as each platform does", bold=True)
    for platform in PLATFORMS.values():
        hashtags = f", at most {platform.max_hashtags} hashtags" if platform.max_hashtags else ""
        click.echo(f"  {platform.name}: {platform.limit:,} {COUNTING[platform.counting]}{hashtags}. "
                   f"Source: {platform.source}")


@click.command("policy")
@click.option("--format", "format_name", type=click.Choice(["text", "json"]), default="text", show_default=True)
@catalogue_options
def command(format_name: str, config_path: Path | None, rule_dirs: tuple[Path, ...]) -> None:
    """Show the social media policy clause by clause, with the rules that check each one."""
    rules = load_rules(config_path, rule_dirs)
    pairs = clauses_with_rules(rules)
    guides = [(guide, [r for r in rules if guide.followed_by(r)]) for guide in load_guidance()]
    if format_name == "json":
        click.echo(json.dumps({"clauses": [
            {"id": c.id, "section": c.section, "text": c.text, "checked_by": c.checked_by,
             "what_to_do": c.what_to_do or None, "rules": [r.id for r in rules]}
            for c, rules in pairs],
            "guidance": [{"id": g.id, "source": g.source, "says": g.says, "rules": [r.id for r in followers]}
                         for g, followers in guides],
            "platforms": [{"name": p.name, "limit": p.limit, "counting": p.counting, "max_hashtags": p.max_hashtags,
                           "source": p.source} for p in PLATFORMS.values()]}, indent=2, ensure_ascii=False))
        return
    _text(pairs, guides)
