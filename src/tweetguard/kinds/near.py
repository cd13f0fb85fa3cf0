"""``near``: a word that is only a problem in company, like a diagnosis next to a child's name.

A recogniser in the style of Presidio: ``terms`` (phrases; ``diagnos*`` matches any word
starting so) or ``term_patterns`` (regexes) mark a candidate; it is reported when, in the
same sentence (or within ``window`` words when window > 0), there is also a ``context``
phrase, a ``context_patterns`` match or, with ``context_names: true``, a person's first
name. ``strong_terms`` need no context. ``unless`` phrases anywhere in the sentence, and
``exceptions`` phrases around the term itself, make it innocent. ``replies_only`` limits
the rule to replies (drafts with ``reply_to``); ``skip_proper_nouns`` ignores a capitalised
term inside a name ("Great Ormond Street Hospital").
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from functools import lru_cache
from typing import Iterator, Mapping

from tweetguard.core.model import Draft, Finding, Rule
from tweetguard.core.patterns import lazy_regex
from tweetguard.kinds.base import Check, Context, Param, RuleParamError
from tweetguard.text.before import last_word, word_runs
from tweetguard.text.phrases import find_all, gather, phrase_index
from tweetguard.text.prefilter import compile_patterns
from tweetguard.text.spans import Spans

PARAMS = {
    "terms": Param(list, default=[], help="phrases that need context to be a problem"),
    "term_lists": Param(list, default=[], help="catalogue lists added to terms"),
    "term_patterns": Param(list, default=[], help="regexes that need context, like terms"),
    "strong_terms": Param(list, default=[], help="phrases that are a problem on their own"),
    "strong_patterns": Param(list, default=[], help="regexes that are a problem on their own"),
    "context": Param(list, default=[], help="phrases that make a term a problem"),
    "context_lists": Param(list, default=[]),
    "context_patterns": Param(list, default=[]),
    "context_names": Param(bool, default=False, help="a person's first name counts as context"),
    "window": Param(int, default=0, help="words either side to look for context; 0: the sentence"),
    "unless": Param(list, default=[], help="phrases that make the whole sentence innocent"),
    "unless_lists": Param(list, default=[]),
    "unless_patterns": Param(list, default=[]),
    "exceptions": Param(list, default=[], help="phrases that make a term inside them innocent"),
    "replies_only": Param(bool, default=False, help="only check replies (drafts with reply_to)"),
    "skip_proper_nouns": Param(bool, default=False,
                               help="a capitalised term after a capitalised word is part of a name"),
    "whole_draft": Param(bool, default=False, help="look for context in the whole draft, not the sentence"),
    "suggestion": Param(str, default=None),
}

def _word_window(text: str, span: tuple[int, int], words: int) -> tuple[int, int]:
    """The span ``words`` words either side of ``span`` (the text's words found once, not
    each time from its start and to its end)."""
    starts, ends = word_runs(text)
    before = bisect_left(starts, span[0])  # words starting before the span
    after = bisect_right(ends, span[1])  # the first word ending after it
    start = starts[before - words] if before >= words else 0
    end = ends[after + words - 1] if len(ends) - after >= words else len(text)
    return start, end


def build(rule: Rule, lists: Mapping[str, tuple[str, ...]]) -> Check:
    p = rule.params
    terms = gather(p["terms"], p["term_lists"], lists, "term_lists")
    term_patterns = compile_patterns(p["term_patterns"] or (), "term_patterns")
    strong = tuple(str(w) for w in p["strong_terms"] or ())
    strong_patterns = compile_patterns(p["strong_patterns"] or (), "strong_patterns")
    context = gather(p["context"], p["context_lists"], lists, "context_lists")
    context_patterns = compile_patterns(p["context_patterns"] or (), "context_patterns")
    unless = gather(p["unless"], p["unless_lists"], lists, "unless_lists")
    unless_patterns = compile_patterns(p["unless_patterns"] or (), "unless_patterns")
    exceptions = tuple(str(e) for e in p["exceptions"] or ())
    window = int(p["window"])
    if not (terms or term_patterns or strong or strong_patterns):
        raise RuleParamError("terms", "is empty; give terms, term_patterns, strong_terms or strong_patterns")
    if (terms or term_patterns) and not (context or context_patterns or p["context_names"]):
        raise RuleParamError("context", "is empty; terms need context (or use strong_terms)")

    term_index, strong_index = phrase_index(terms), phrase_index(strong)
    context_index, unless_index = phrase_index(context), phrase_index(unless)
    exception_index = phrase_index(exceptions)

    def check(draft: Draft, ctx: Context) -> Iterator[Finding]:
        allowed = _allowed_accounts(ctx)
        if p["replies_only"] and (not draft.reply_to or _handle(draft.reply_to) in allowed):
            return  # not a reply, or a reply to the school's own partner (allow_accounts)
        text = ctx.view.text
        # Terms first: most drafts have none, and then nothing else needs looking at.
        weak = find_all(text, term_index, term_patterns)
        hard = find_all(text, strong_index, strong_patterns)
        if not (weak or hard):
            return
        innocent = find_all(text, exception_index) if exception_index else []
        if allowed:  # "RT @OakfieldPTA", "via @OakfieldPTA": sharing a partner's own words
            innocent += _allowed_mentions(text, allowed)
        excused = Spans(innocent)
        weak = [s for s in weak
                if not excused.hold(s) and not (p["skip_proper_nouns"] and _in_proper_noun(text, s))]
        hard = [s for s in hard if not excused.hold(s)]
        if not (weak or hard):
            return
        # Sorted once, so that each clause and each term asks a bisection, not every span.
        blockers = Spans(find_all(text, unless_index, unless_patterns))
        cues = Spans(())
        if weak:
            found_cues = find_all(text, context_index, context_patterns)
            cues = Spans(found_cues + ctx.analysis.context_names if p["context_names"] else found_cues)
        weak_terms, hard_terms = Spans(weak), Spans(hard)
        bounds = [(0, len(text))] if p["whole_draft"] else ctx.analysis.clauses
        for start, end in bounds:
            if blockers.starting_in(start, end):
                continue
            found = hard_terms.starting_in(start, end)
            for span in weak_terms.starting_in(start, end):
                low, high = _word_window(text, span, window) if window > 0 else (start, end)
                if any(c[1] <= high and not _overlaps(c, span) for c in cues.starting_between(low, high)):
                    found.append(span)
            for span in sorted(set(found)):
                yield Finding(*ctx.view.to_original(*span), p["suggestion"])

    return check


def _handle(account: str) -> str:
    """ "@OakfieldPTA", "OakfieldPTA" -> "@oakfieldpta"."""
    return "@" + account.strip().lstrip("@").casefold()


def _allowed_accounts(ctx: Context) -> frozenset[str]:
    return _handles(tuple(ctx.list("allow-accounts")))


@lru_cache(maxsize=16)
def _handles(accounts: tuple[str, ...]) -> frozenset[str]:
    """The school's partner accounts as handles (worked out once, not for every rule and draft)."""
    return frozenset(_handle(a) for a in accounts if a.strip().lstrip("@"))


# A mention and, before it, the words that introduce it ("RT", "via", "according to", "as").
MENTION = lazy_regex(r"@\w+")
MENTION_LEAD = lazy_regex(r"(?:\b[\w'’]+\s+){0,2}$")


def _allowed_mentions(text: str, allowed: frozenset[str]) -> list[tuple[int, int]]:
    """Spans covering each mention of an allowed account with the two words before it, so a
    term introducing the account ("RT @OakfieldPTA", "according to @OakfieldPTA") is inside."""
    spans = []
    for mention in MENTION.finditer(text):
        if mention.group().casefold() in allowed:
            lead = MENTION_LEAD.search(text, max(0, mention.start() - 60), mention.start())
            spans.append((lead.start() if lead else mention.start(), mention.end()))
    return spans


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _in_proper_noun(text: str, span: tuple[int, int]) -> bool:
    """ "Great Ormond Street Hospital": a capitalised term right after a capitalised word."""
    if not text[span[0]].isupper():
        return False
    before = last_word(text, span[0])
    if before is None:
        return False
    return text[before[0]].isupper() and text[before[1] : span[0]].strip() in ("", "'s", "’s")
