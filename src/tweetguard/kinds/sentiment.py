"""``sentiment``: a lexicon scorer for negative tone (complaints, blame, telling off).

Each sentence is scored from weighted word lists (``weights`` maps a catalogue list name to
its weight, so a school tunes the tone by editing lists). Like VADER, but small and
school-specific:
- negation ("not", "never", "n't" within three words before) flips a word and damps it:
  "not good enough" is negative, "not bad" mildly positive;
- intensifiers ("really", "very", "so") within two words before strengthen it;
- contrast: after "but" (or "however", "although"...) the clause after it counts 1.5 times
  and the one before half, so "We didn't win, but the team never gave up" ends positive;
- learning: in a sentence about what children learn or study ("learning about the Great
  Plague", "studied the Blitz"), negative words describe the topic, not the school, and
  do not count.
The draft is negative when its total is at or below ``threshold``; the finding marks its
most negative sentence, and ``{words}`` in the message lists the words that counted.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator, Mapping

import regex

from tweetguard.kinds.base import Check, Context, Param, RuleParamError
from tweetguard.kinds.phrases import compile_patterns, find_all, phrase_index
from tweetguard.model import Draft, Finding, Rule

PARAMS = {
    "weights": Param(dict, required=True, help="catalogue list name -> weight of each of its words"),
    "negators": Param(list, default=[]),
    "intensifiers": Param(list, default=[]),
    "contrast": Param(list, default=[]),
    "learning": Param(list, default=[], help="words that make a sentence about a learning topic"),
    "reported": Param(list, default=[], help="regexes marking a sentence as reported speech (not scored)"),
    "threshold": Param(float, default=-1.5, help="a total at or below this is negative"),
    "suggestion": Param(str, default=None),
}

SENTENCE = regex.compile(r"[^.!?\n]+[.!?]*", regex.V1)
# Words in quotation marks are someone else's (a headline, a post being answered).
QUOTED = regex.compile(r"[\"“][^\"“”]{3,}[\"”]", regex.V1)
WORD = regex.compile(r"[\w'’]+", regex.V1)
CLAUSE_BREAK = regex.compile(r"[,;:–—()]|\s-\s")
SHOUTED = regex.compile(r"\b[A-Z]{3,}\b")
NEGATED_SCALE = -0.75
NEGATED_NEGATIVE_SCALE = -0.5
INTENSIFIER_SCALE = 1.5
BEFORE_CONTRAST, AFTER_CONTRAST = 0.5, 1.5


@dataclass(frozen=True)
class Scored:
    start: int
    end: int
    score: float
    words: tuple[str, ...]


class Scorer:
    def __init__(self, weighted: dict[str, float], negators: tuple[str, ...], intensifiers: tuple[str, ...],
                 contrast: tuple[str, ...], learning: tuple[str, ...],
                 reported: tuple[regex.Pattern[str], ...] = ()) -> None:
        self.weighted = weighted
        self.lexicon = phrase_index(tuple(weighted))
        self.negators = phrase_index(negators) or None
        self.intensifiers = phrase_index(intensifiers) or None
        self.contrast = phrase_index(contrast)
        self.learning = phrase_index(learning)
        self.reported = reported
        # Stem entries ("disappoint*") in list order: the first that fits gives the weight.
        self.stems = [(entry[:-1], weight) for entry, weight in weighted.items() if entry.endswith("*")]

    def sentence(self, text: str, start: int, end: int) -> Scored:
        part = text[start:end]
        if self.reported and find_all(part, (), self.reported):
            return Scored(start, end, 0.0, ())  # someone else's words: the quoting rule's job
        part = QUOTED.sub(lambda m: " " * len(m.group()), part)
        about_learning = bool(find_all(part, self.learning))
        pivot = max((s[1] for s in find_all(part, self.contrast)), default=None)
        total, words = 0.0, []
        for s_start, s_end in _longest(find_all(part, self.lexicon)):
            found = " ".join(part[s_start:s_end].lower().replace("’", "'").split())
            weight = self.weighted.get(found, self._stem_weight(found))
            if weight < 0 and about_learning:
                continue
            # Negation and intensifiers reach back only within the clause.
            clause = CLAUSE_BREAK.split(part[:s_start])[-1]
            lead_words = WORD.findall(clause)[-3:]
            lead = " ".join(lead_words)
            negated = any(w.lower().endswith(("n't", "n’t")) for w in lead_words) or (
                self.negators is not None and bool(self.negators.search(lead)))
            if negated:
                weight *= NEGATED_SCALE if weight > 0 else NEGATED_NEGATIVE_SCALE
            elif self.intensifiers is not None and self.intensifiers.search(" ".join(lead_words[-2:])):
                weight *= INTENSIFIER_SCALE
            if weight < 0 and SHOUTED.search(part[s_start:s_end]):
                weight *= INTENSIFIER_SCALE  # "NOT optional": capitals shout
            if pivot is not None:
                weight *= AFTER_CONTRAST if s_start >= pivot else BEFORE_CONTRAST
            total += weight
            if weight < 0:
                words.append(part[s_start:s_end])
        return Scored(start, end, total, tuple(words))

    def _stem_weight(self, found: str) -> float:
        """The weight of a word matched by a stem entry ("disappoint*")."""
        for stem, weight in self.stems:
            if found.startswith(stem):
                return weight
        return 0.0


def _longest(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Drop spans inside longer ones, so "not good enough" counts once, not with "good"."""
    kept: list[tuple[int, int]] = []
    for span in sorted(spans, key=lambda s: (s[0], -s[1])):
        if kept and span[0] < kept[-1][1]:
            continue
        kept.append(span)
    return kept


def build(rule: Rule, lists: Mapping[str, tuple[str, ...]]) -> Check:
    p = rule.params
    weighted: dict[str, float] = {}
    for name, weight in p["weights"].items():
        if name not in lists:
            raise RuleParamError("weights", f"names a list '{name}' that no rule file defines under 'lists:'")
        if isinstance(weight, bool) or not isinstance(weight, (int, float)):
            raise RuleParamError("weights", f"gives '{name}' the weight {weight!r}; use a number like -1 or 2")
        for word in lists[name]:
            key = " ".join(word.lower().replace("’", "'").split())
            weighted[key] = float(weight)
            if key.isalpha() and not key.endswith("s"):
                weighted.setdefault(key + "s", float(weight))  # plurals: "prats", "idiots"
    scorer = Scorer(weighted, tuple(p["negators"] or ()), tuple(p["intensifiers"] or ()),
                    tuple(p["contrast"] or ()), tuple(p["learning"] or ()),
                    compile_patterns(p["reported"] or (), "reported"))
    threshold = float(p["threshold"])

    def check(draft: Draft, ctx: Context) -> Iterator[Finding]:
        text = ctx.view.text
        scored = [scorer.sentence(text, m.start(), m.end()) for m in SENTENCE.finditer(text)]
        total = sum(s.score for s in scored)
        if not scored or total > threshold:
            return
        worst = min(scored, key=lambda s: s.score)
        words = [w for s in scored for w in s.words]
        start, end = worst.start, worst.end
        while start < end and text[start].isspace():
            start += 1
        yield Finding(*ctx.view.to_original(start, end), p["suggestion"],
                      details={"words": ", ".join(dict.fromkeys(words)), "score": f"{total:.1f}"})

    return check


def score(rule: Rule, lists: Mapping[str, tuple[str, ...]], text: str) -> float:
    """The total tone score of ``text`` under a sentiment rule (for measuring and tests)."""
    p = rule.params
    weighted = {" ".join(w.lower().replace("’", "'").split()): float(wt)
                for name, wt in p["weights"].items() for w in lists[name]}
    scorer = Scorer(weighted, tuple(p["negators"] or ()), tuple(p["intensifiers"] or ()),
                    tuple(p["contrast"] or ()), tuple(p["learning"] or ()),
                    compile_patterns(p["reported"] or (), "reported"))
    return sum(scorer.sentence(text, m.start(), m.end()).score for m in SENTENCE.finditer(text))
