"""``lexicon``: words and phrases, matched as whole words, that should not be posted.

Keys: ``words`` (the list, in the catalogue's phrase syntax: text/phrases.py), ``lists`` (names of catalogue ``lists:`` to add), ``swap`` (a
mapping from a word to what to write instead), ``exceptions`` (phrases that make a word
inside them innocent, like "spotted dick"), ``case_sensitive`` (default false).
"""

from __future__ import annotations

from typing import Iterator, Mapping

from tweetguard.core.model import Draft, Finding, Rule
from tweetguard.core.patterns import lazy_regex
from tweetguard.kinds.base import Check, Context, Param, RuleParamError
from tweetguard.text.phrases import phrase_index
from tweetguard.text.spans import Spans

# Between the words of a phrase as written in the draft ("sports-day", "sports  day").
GAP = lazy_regex(r"\s*-\s*|\s+")

PARAMS = {
    "words": Param(list, default=[]),
    "lists": Param(list, default=[]),
    "swap": Param(dict, default={}),
    "exceptions": Param(list, default=[]),
    "case_sensitive": Param(bool, default=False),
    "suggestion": Param(str, default=None),
}


def build(rule: Rule, lists: Mapping[str, tuple[str, ...]]) -> Check:
    params = rule.params
    swap = {" ".join(str(k).lower().replace("’", "'").split()): str(v) for k, v in (params["swap"] or {}).items()}
    words = [str(w) for w in params["words"] or ()] + list(swap)
    for name in params["lists"] or ():
        if name not in lists:
            raise RuleParamError("lists", f"names a list '{name}' that no rule file defines under 'lists:'")
        words.extend(lists[name])
    if not words:
        raise RuleParamError("words", "is empty; give 'words', 'swap' or 'lists'")
    case_sensitive = bool(params["case_sensitive"])
    phrases = phrase_index(tuple(words), case_sensitive)
    exceptions = phrase_index(tuple(str(e) for e in params["exceptions"] or ()))
    default_suggestion = params["suggestion"]

    def check(draft: Draft, context: Context) -> Iterator[Finding]:
        text = context.view.text
        innocent = Spans(exceptions.spans(text) if exceptions else ())
        for span in phrases.spans(text):
            if innocent.hold(span):
                continue
            found = " ".join(GAP.split(text[span[0] : span[1]].lower().replace("’", "'")))
            start, end = context.view.to_original(*span)
            yield Finding(start, end, swap.get(found, default_suggestion))

    return check
