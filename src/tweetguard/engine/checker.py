"""The rule engine: compiles the catalogue once and checks drafts against it."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Iterable, Mapping

from tweetguard.catalogue.loader import Catalogue, open_cache
from tweetguard.core.errors import CatalogueError, ConfigError
from tweetguard.core.model import (
    CATEGORIES,
    Draft,
    DraftResult,
    Finding,
    Note,
    Rule,
    Violation,
)
from tweetguard.core.platforms import Platform
from tweetguard.core.roster import Roster
from tweetguard.core.settings import Settings
from tweetguard.kinds import load_kind
from tweetguard.kinds.base import Check, Context, RuleParamError
from tweetguard.text.names import build_lexicon, build_roster_index, gazetteer
from tweetguard.text.normalise import normalise

UNUSED_SUPPRESSION = "unused-suppression"
# A rule whose pattern timed out (MATCH_TIMEOUT_SECONDS) on this many drafts is skipped for
# the rest of the run (in each worker process): 40 drafts and 5 slow rules cost seconds, not 100.
SKIP_AFTER_TIMEOUTS = 3
TOO_SLOW = (f"took too long on this draft (its pattern may backtrack); after {SKIP_AFTER_TIMEOUTS} such "
            "drafts it is skipped for the rest of the run")


class _Placeholders(dict[str, str]):
    """Message fields; an unknown ``{name}`` is left as written instead of failing."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def selected(rule: Rule, select: Iterable[str], ignore: Iterable[str]) -> bool:
    """ruff-style selection by rule id or category; ignore wins over select."""
    keys = {rule.id, rule.category}
    select = tuple(select)
    if keys & set(ignore):
        return False
    return not select or bool(keys & set(select))


@dataclass(frozen=True)
class CompiledRule:
    rule: Rule
    check: Check


class RuleFailure(Exception):
    """A rule that broke while checking (for example a regex that ran out of time)."""

    def __init__(self, rule: Rule, reason: str) -> None:
        super().__init__(f"{rule.source}: rule '{rule.id}' {reason}")
        self.rule = rule
        self.reason = f"rule '{rule.id}' {reason}"


def compile_rules(catalogue: Catalogue, settings: Settings) -> list[CompiledRule]:
    """Build each selected rule's check; a parameter a kind cannot use is a catalogue error."""
    _check_rule_names(catalogue, settings)
    compiled: list[CompiledRule] = []
    for rule in catalogue.rules:
        if not selected(rule, settings.select, settings.ignore):
            continue
        if rule.id in settings.severity:
            rule = replace(rule, severity=settings.severity[rule.id])
        try:
            check = load_kind(rule.kind).build(rule, catalogue.lists)
        except RuleParamError as exc:
            raise CatalogueError(rule.source, f"rule '{rule.id}': '{exc.key}' {exc.message}") from None
        compiled.append(CompiledRule(rule, check))
    return compiled


def _check_rule_names(catalogue: Catalogue, settings: Settings) -> None:
    """A misspelt rule id or category in --select, --ignore or severity must not silently
    turn checks off (or leave a draft "ready to post")."""
    known = {rule.id for rule in catalogue.rules} | set(CATEGORIES)
    for where, names in (("select", settings.select), ("ignore", settings.ignore),
                         ("severity", tuple(settings.severity))):
        for name in names:
            if name not in known:
                import difflib  # only for a name to correct

                close = difflib.get_close_matches(name, sorted(known), n=3)
                hint = f" (did you mean {', '.join(close)}?)" if close else ""
                raise ConfigError(where, f"unknown rule or category '{name}'{hint}; "
                                         "'tweetguard rules' lists them")


def _message(rule: Rule, text: str, finding: Finding, platform: Platform) -> str:
    fields = _Placeholders(post=platform.post, platform=platform.label)
    fields.update(finding.details)
    fields["match"] = text[finding.start : finding.end]
    fields["suggestion"] = finding.suggestion or ""
    return rule.message.format_map(fields)


class Engine:
    def __init__(self, catalogue: Catalogue, settings: Settings, roster: Roster | None = None) -> None:
        # First, so that every pattern compiled and list packed from here on is kept for
        # the next run: keyed by what they are built from (core.diskcache).
        self.cache = open_cache(catalogue.digest)
        self.settings = settings
        self.roster = roster
        self.lists = _extended_lists(catalogue.lists, settings)
        self.rules = compile_rules(catalogue, settings)
        # The name recogniser's lookups, built once here instead of once per draft.
        self.lexicon = build_lexicon(self.lists)
        self.roster_index = build_roster_index(roster) if roster is not None else None
        # Drafts each rule has timed out on: the run's budget for slow rules (SKIP_AFTER_TIMEOUTS).
        self.timeouts: Counter[str] = Counter()

    def posting_time(self, draft: Draft, default: datetime | None) -> datetime | None:
        """When the draft will go out, in the school's time zone (None when unknown)."""
        when = draft.scheduled or default
        if when is None:
            return None
        if when.tzinfo is None:
            when = when.replace(tzinfo=self.settings.tz)
        return when.astimezone(self.settings.tz)

    def check(self, draft: Draft, default_time: datetime | None) -> tuple[DraftResult, list[RuleFailure]]:
        """Check one draft; rules that fail are returned, and the other rules still run."""
        posting_time = self.posting_time(draft, default_time)
        context = Context(normalise(draft.text), posting_time, self.settings, self.roster, self.lists,
                          lexicon=self.lexicon, roster_index=self.roster_index)
        result = DraftResult(draft, posting_time)
        platform = self.settings.platform_for(draft)
        failures: list[RuleFailure] = []
        for compiled in self.rules:
            if self.timeouts[compiled.rule.id] >= SKIP_AFTER_TIMEOUTS:
                failures.append(RuleFailure(compiled.rule, TOO_SLOW))
                continue
            try:
                findings = list(compiled.check(draft, context))
            except TimeoutError:
                self.timeouts[compiled.rule.id] += 1
                failures.append(RuleFailure(compiled.rule, TOO_SLOW))
                continue
            except Exception as exc:  # noqa: BLE001 - one broken rule must not stop the others
                failures.append(RuleFailure(compiled.rule, f"failed on this draft ({type(exc).__name__}: {exc})"))
                continue
            rule = compiled.rule
            for finding in findings[:1] if rule.once else findings:
                result.violations.append(
                    Violation(rule.id, rule.category, rule.severity, _message(rule, draft.text, finding, platform),
                              finding.start, finding.end, finding.suggestion, finding.fix)
                )
        result.notes.extend(context.notes)
        result.next_allowed = context.next_allowed
        _apply_suppressions(result, draft.allow)
        result.violations.sort(key=lambda v: (v.start, v.end, v.rule))
        return result, failures


def _extended_lists(lists: Mapping[str, tuple[str, ...]], settings: Settings) -> dict[str, tuple[str, ...]]:
    """The catalogue's word lists plus the school's allow lists from its config."""
    extended = dict(lists)
    for name, extra in (("allow-names", settings.allow_names + _school_names(settings.school_domains)),
                        ("places", settings.allow_places), ("allow-accounts", settings.allow_accounts)):
        if extra:
            extended[name] = tuple(dict.fromkeys(extended.get(name, ()) + extra))
    return extended


def _school_names(domains: tuple[str, ...]) -> tuple[str, ...]:
    """The school's own name from its email domain ("oakfield.sch.uk": Oakfield): never a
    child's ("Come on, Oakfield!")."""
    names = (domain.split(".")[0] for domain in domains)
    return tuple(name.capitalize() for name in names
                 # "alexandra.sch.uk": a school name that is also a child's is left out
                 if name.isalpha() and len(name) > 2 and name.casefold() not in gazetteer().first_names)


def _apply_suppressions(result: DraftResult, allow: Mapping[str, str]) -> None:
    """Drop violations the draft's front matter allows, and report allows that match nothing."""
    if not allow:
        return
    used: set[str] = set()
    kept: list[Violation] = []
    for violation in result.violations:
        key = violation.rule if violation.rule in allow else violation.category if violation.category in allow else None
        if key is None:
            kept.append(violation)
        else:
            used.add(key)
    for key, reason in allow.items():
        if key in used:
            result.notes.append(Note(key, f"allowed by the draft's front matter: {reason}"))
        else:
            kept.append(Violation(UNUSED_SUPPRESSION, "suppression", "warning",
                                  f"The front matter allows '{key}', but this draft has no such problem; remove it.",
                                  0, 0))
    result.violations = kept
