"""``profanity``: swear words, insults and slurs, including disguised spellings.

Each word of the draft is compared whole against ``words`` (plus the catalogue ``lists``),
with common endings, after leetspeak, symbols, asterisks, stretched letters and spaced-out
letters are undone (text/swearing.py says how). ``framed`` words ("clown", "joke") are
insults only after ``frames`` ("absolute", "complete", "total"...). ``phrases`` (several
words) match as written. ``exceptions`` (and the lists ``exceptions_lists`` names) are
innocent phrases ("great tits", "spotted dick"); ``capitalised_ok`` words are names when
capitalised ("Dick King-Smith", "Moby-Dick").
"""

from __future__ import annotations

from typing import Iterator, Mapping

from tweetguard.core.model import Draft, Finding, Rule
from tweetguard.kinds.base import Check, Context, Param
from tweetguard.text.swearing import ENDINGS_LIST, LEET_LIST, SwearFinder

PARAMS = {
    "words": Param(list, default=[], help="single words (endings are added automatically)"),
    "lists": Param(list, default=[], help="catalogue lists of words added to 'words'"),
    "phrases": Param(list, default=[], help="several-word phrases matched as written"),
    "framed": Param(list, default=[], help="words that are insults only after a frame word"),
    "frames": Param(list, default=[], help="words that turn a framed word into an insult"),
    "exceptions": Param(list, default=[], help="innocent phrases containing a listed word"),
    "exceptions_lists": Param(list, default=[], help="catalogue lists of innocent phrases added to 'exceptions'"),
    "capitalised_ok": Param(list, default=[], help="words that are names when capitalised mid-sentence"),
    "suggestion": Param(str, default=None),
    "endings_list": Param(str, default=ENDINGS_LIST, help="the catalogue list of endings a word takes"),
    "leet_list": Param(str, default=LEET_LIST, help='the catalogue list of "X=y" leetspeak readings'),
}


def build(rule: Rule, lists: Mapping[str, tuple[str, ...]]) -> Check:
    finder = SwearFinder(rule.params, lists)
    suggestion: str | None = rule.params["suggestion"]

    def check(draft: Draft, ctx: Context) -> Iterator[Finding]:
        for span in finder.spans(ctx.view.text):
            yield Finding(*ctx.view.to_original(*span), suggestion)

    return check
