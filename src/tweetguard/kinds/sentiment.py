"""``sentiment``: a lexicon scorer for negative tone (complaints, blame, telling off).

Each sentence is scored from weighted word lists (``weights`` maps a catalogue list name to
its weight, so a school tunes the tone by editing lists). Like VADER, but small and school-specific:
- negation ("not", "never", "n't" within three words before) flips a word and damps it:
  "not good enough" is negative, "not bad" mildly positive;
- intensifiers ("really", "very", "so") within two words before strengthen it;
- contrast: after "but" (or "however", "although"...) the clause after it counts 1.5 times
  and the one before half, so "We didn't win, but the team never gave up" ends positive;
- sarcasm: a marker of sarcasm ("🙄", "so-called") turns the draft's praise into blame, so
  "Thanks to whoever took the nets. Very generous 😒" is negative, and the marker itself
  adds ``sarcasm_weight`` to its sentence (irony is a complaint with a smile on);
- shouting: a scolding word written in capitals ("NOT", "AGAIN", "ONLY") counts against the
  sentence on its own, like a raised voice;
- learning: in a sentence about what children learn or study ("learning about the Great
  Plague", "studied the Blitz"), negative words describe the topic, not the school, and
  do not count;
- structures (``patterns``, each with a weight) that no word list catches: "only four
  families came", "after sixty said they would";
- scare quotes: a lower-case word or two in quotation marks inside a sentence ("the
  contractor who 'fixed' it", "'poorly' children") doubts what it quotes;
- swearing: each swear word (``swearing``, found as the offensive rule finds them, disguises
  undone: "b0ll0cks", "s h i t e") adds ``swearing_weight``, so "Bloody thing." or "piss poor
  turnout" weighs as a complaint while "bloody brilliant" is outweighed by its praise.
The draft is negative when its total is at or below ``threshold``; the finding marks its
most negative sentence, and ``{words}`` in the message lists the words that counted.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterator, Mapping, Sequence

import regex

from tweetguard.core.model import Draft, Finding, Rule
from tweetguard.core.patterns import lazy_regex
from tweetguard.kinds.base import Check, Context, Param, RuleParamError
from tweetguard.kinds.tone_scales import SCALE_KEYS, Scales, read_scales
from tweetguard.kinds.tone_screening import WORD_RUN, has_text, has_words, screening
from tweetguard.text.phrases import find_all, first_phrase, phrase_index
from tweetguard.text.prefilter import LazyPattern, PatternGroup, compile_patterns
from tweetguard.text.sentences import sentences
from tweetguard.text.spans import outermost
from tweetguard.text.swearing import SwearFinder, swear_finder
from tweetguard.text.wordmatch import MATCH_TIMEOUT_SECONDS, text_words

PARAMS = {
    "weights": Param(dict, required=True, help="catalogue list name -> weight of each of its words"),
    "negators": Param(list, default=[]),
    "intensifiers": Param(list, default=[]),
    "contrast": Param(list, default=[]),
    "concessive": Param(list, default=[], help="words that concede, not blame, soon after a contrast word "
                        "(\"but the children still had fun\")"),
    "learning": Param(list, default=[], help="words that make a sentence about a learning topic"),
    "reported": Param(list, default=[], help="regexes marking a sentence as reported speech (not scored)"),
    "sarcasm": Param(list, default=[], help="markers that turn the draft's positive words negative"),
    "sarcasm_weight": Param(float, default=0.0, help="what a sarcasm marker adds to its sentence"),
    "swearing": Param(dict, default={}, help="swear words that weigh on a sentence (the profanity kind's keys)"),
    "swearing_weight": Param(float, default=0.0, help="what each swear word adds to its sentence"),
    "shouted": Param(list, default=[], help="words that scold when written in capitals"),
    "shouted_weight": Param(float, default=-1.0, help="what each shouted scolding word adds"),
    "patterns": Param(dict, default={}, help="regex -> weight: complaint structures no word list catches"),
    "scare_quotes_weight": Param(float, default=0.0,
                                 help="what each word or two in scare quotes adds ('the contractor who \"fixed\" it')"),
    "threshold": Param(float, default=-1.5, help="a total at or below this is negative"),
    "scales": Param(dict, required=True, help="how negation, intensifiers and contrast scale a word's weight: "
                                              + ", ".join(SCALE_KEYS)),
    "suggestion": Param(str, default=None),
}

# Words in quotation marks are someone else's (a headline, a post being answered).
QUOTED = lazy_regex(r"[\"“][^\"“”]{3,}[\"”]", regex.V1)
# A few words in single quotation marks after a word, in lower case: doubt, not a title or
# speech (British writing puts speech in double quotes, and those are someone else's words).
SCARE_QUOTED = lazy_regex(r"(?<=\w[,]?[ \t])['‘]([\p{Ll}\d][\p{Ll}\d'’-]{2,}(?:[ \t]\p{Ll}[\p{Ll}'’-]*){0,5})['’]"
                             r"(?=[\s.,;:!?)–—-]|$)", regex.V1)
WORD = lazy_regex(r"[\w'’]+", regex.V1)
# Characters after a contrast word within which a concessive word concedes ("but 30 of you still came").
CONCESSIVE_REACH = 25
CLAUSE_BREAK = lazy_regex(r"[,;:–—()]|\s-\s")
SHOUTED = lazy_regex(r"\b[A-Z]{3,}\b")
# A learning word before a possessive is a task set, not a topic: "haven't bothered to learn
# their lines" is the school's complaint, "learning about the Blitz" the topic's words.
TASK_AFTER = lazy_regex(r"\s+(?:their|your|his|her|my|our)\b", regex.V1 | regex.IGNORECASE)


@dataclass(frozen=True)
class Scored:
    start: int
    end: int
    score: float
    words: tuple[str, ...]


class Scorer:
    def __init__(self, weighted: dict[str, float], scales: Scales, negators: tuple[str, ...], intensifiers: tuple[str, ...],
                 contrast: tuple[str, ...], learning: tuple[str, ...],
                 reported: PatternGroup = PatternGroup(()), sarcasm: tuple[str, ...] = (),
                 shouted: tuple[str, ...] = (), shouted_weight: float = -1.0,
                 patterns: tuple[tuple[LazyPattern, float], ...] = (), scare_quotes_weight: float = 0.0,
                 sarcasm_weight: float = 0.0, swearing: SwearFinder | None = None,
                 swearing_weight: float = 0.0, concessive: tuple[str, ...] = ()) -> None:
        self.weighted = weighted
        self.concessive = frozenset(" ".join(w.lower().split()) for w in concessive)
        self.sarcasm_weight = sarcasm_weight
        self.swearing = swearing if swearing_weight else None
        self.swearing_weight = swearing_weight
        self.scales = scales
        # The structure patterns, screened together (one scan for the strings each needs).
        self._pattern_group = PatternGroup(pattern for pattern, _ in patterns)
        self._weight_of = {id(pattern): weight for pattern, weight in patterns}
        self.scare_quotes_weight = scare_quotes_weight
        # The last draft's live structure patterns and scare quotes (_cues_for), swears (_swears).
        self._cue_cache: tuple[str, tuple[tuple[regex.Pattern[str], float], ...], bool] | None = None
        self._swear_cache: tuple[str, list[tuple[int, int]]] | None = None
        self.sarcasm = phrase_index(sarcasm) or None
        self.shouted = frozenset(w.lower() for w in shouted)
        self._shouted_caps = frozenset(w.upper() for w in shouted)
        # Cheap screens: a marker's words (or, for an emoji, itself) must be in the text.
        self._sarcasm_needs = tuple(
            has_words(frozenset(r.lower() for r in WORD_RUN.findall(m)), ()) if m.isascii() and WORD_RUN.search(m)
            else has_text(m) for m in sarcasm)
        self.shouted_weight = shouted_weight
        self.lexicon = phrase_index(tuple(weighted))
        self.negators = phrase_index(negators) or None
        self.intensifiers = phrase_index(intensifiers) or None
        self.contrast = phrase_index(contrast)
        self.learning = phrase_index(learning)
        self.reported = reported
        # Stem entries ("disappoint*") in list order: the first that fits gives the weight.
        self.stems = [(entry[:-1], weight) for entry, weight in weighted.items() if entry.endswith("*")]
        self._harmless, self._needs = screening(weighted, self.stems, self.lexicon.ordered)

    def is_sarcastic(self, text: str) -> bool:
        if self.sarcasm is None:
            return False
        words = text_words(text)
        return any(need(words) for need in self._sarcasm_needs) and self.sarcasm.search(text)

    def total(self, text: str) -> float:
        """The score of ``text`` as given (the rule gives it the normalised text): its
        sentences' scores summed, as the rule sums them."""
        sarcastic = self.is_sarcastic(text)
        return sum(self.sentence(text, s, e, sarcastic).score for s, e in sentences(text))

    def shouts(self, part: str) -> list[str]:
        """The scolding words ``part`` writes in capitals ("do NOT park")."""
        if not self.shouted or self.shouted_weight >= 0 or self._shouted_caps.isdisjoint(text_words(part).exact):
            return []
        # A shouted word the lexicon weighs ("AGAIN") is already strengthened there.
        return [m.group() for m in SHOUTED.finditer(part)
                if m.group().lower() in self.shouted and m.group().lower() not in self.weighted]

    def could_be_negative(self, text: str, spans: Sequence[tuple[int, int]] | None = None) -> bool:
        """False when no sentence of ``text`` can score below zero, swearing aside (see
        swearing_reaches): every lexicon entry that could match only adds to the score, or
        lacks a word it needs, nothing could negate a word, no scolding word is shouted and the
        draft is not sarcastic (cheap). ``spans`` are the draft's sentences when the shared
        analysis has split them already."""
        live, scare_quoted = self._cues_for(text)
        if self.scare_quotes_weight < 0 and scare_quoted:
            return True
        if self.sarcasm_weight < 0 and self.is_sarcastic(text):
            return True
        # Each sentence as the scorer reads it: a prefilter's word ("one") may sit inside
        # another ("done"), so a live pattern is asked, not assumed.
        negative = [pattern for pattern, weight in live if weight < 0]
        if negative:
            parts = [text[s:e] for s, e in (sentences(text) if spans is None else spans)]
            if any(pattern.search(part, timeout=MATCH_TIMEOUT_SECONDS) for pattern in negative for part in parts):
                return True
        present = self.lexicon.candidates(text)
        if not present:
            return bool(self.shouts(text))
        words = text_words(text)
        if words.unsafe:
            return True
        for phrase in present:
            if phrase in self._harmless:
                continue
            need = self._needs.get(phrase)
            if need is None or need(words):
                return True
        if self.negators is not None and self.negators.candidates(text):
            return True
        if "n't" in words.lowered or "n’t" in words.lowered:
            return True
        # Praise may count as blame ("Brilliant 🙄"); a capital "NOT" scolds.
        return self.is_sarcastic(text) or bool(self.shouts(text))

    def _cues_for(self, text: str) -> tuple[tuple[tuple[regex.Pattern[str], float], ...], bool]:
        """The structure patterns that could match somewhere in the draft ``text``, compiled,
        and whether it has scare quotes: worked out once a draft, not once a sentence."""
        if self._cue_cache is None or self._cue_cache[0] != text:
            live = tuple((pattern.compiled, self._weight_of[id(pattern)])
                         for pattern in self._pattern_group.candidates(text) if pattern.could_match(text))
            scare_quoted = bool(self.scare_quotes_weight) and SCARE_QUOTED.search(text) is not None
            self._cue_cache = (text, live, scare_quoted)
        return self._cue_cache[1], self._cue_cache[2]

    def swearing_reaches(self, text: str, spans: Sequence[tuple[int, int]], threshold: float) -> bool:
        """Whether a draft could reach ``threshold`` by swearing alone (once a sentence, at most
        magnified by a contrast): most have too few sentences, and are not searched."""
        if self.swearing is None or self.swearing_weight >= 0:
            return False
        most = self.swearing_weight * max(1.0, self.scales.after_contrast, self.scales.before_contrast)
        if len(spans) * most > threshold:
            return False
        swears = self._swears(text)
        return round(sum(1 for s, e in spans if any(s <= a and b <= e for a, b in swears)) * most, 6) <= threshold

    def _swears(self, text: str) -> list[tuple[int, int]]:
        """Where the draft ``text`` swears: found once a draft, not once a sentence."""
        if self.swearing is None:
            return []
        if self._swear_cache is None or self._swear_cache[0] != text:
            self._swear_cache = (text, self.swearing.spans(text))
        return self._swear_cache[1]

    def sentence(self, text: str, start: int, end: int, sarcastic: bool = False) -> Scored:
        part = text[start:end]
        shouts = self.shouts(part)
        live, scare_quoted = self._cues_for(text)
        cues = [(m.group(), weight) for pattern, weight in live
                for m in pattern.finditer(part, timeout=MATCH_TIMEOUT_SECONDS)]
        # Once a sentence, however many ("bloody hell"): the sentence swears, as a marker is sarcastic.
        swear = next(((a - start, b - start) for a, b in self._swears(text) if start <= a and b <= end), None)
        if scare_quoted:
            # Praise in quotes is a quote ("'over the moon'"), not doubt; so is a title.
            cues += [(m.group(), self.scare_quotes_weight) for m in SCARE_QUOTED.finditer(part)
                     if not self._is_title(m.group(1))]
        if sarcastic and self.sarcasm_weight and self.sarcasm is not None:
            marker = first_phrase(part, self.sarcasm)  # once a sentence, however many "🙃🙃"
            # A marker the lexicon weighs already ("so-called") is not counted twice.
            if marker is not None and " ".join(marker.lower().split()) not in self.weighted:
                cues.append((marker, self.sarcasm_weight))
        if not shouts and not cues and swear is None and not self.lexicon.candidates(part):
            return Scored(start, end, 0.0, ())  # no word that scores: nothing else matters
        if self.reported and find_all(part, (), self.reported):
            return Scored(start, end, 0.0, ())  # someone else's words: the quoting rule's job
        part = QUOTED.sub(lambda m: " " * len(m.group()), part)
        if scare_quoted:
            part = SCARE_QUOTED.sub(lambda m: " " * len(m.group()) if " " in m.group(1) and self._is_title(m.group(1))
                                    else m.group(), part)
        about_learning = any(not TASK_AFTER.match(part, end) for _, end in find_all(part, self.learning))
        if about_learning:
            shouts, cues, swear = [], [], None
        matches = outermost(find_all(part, self.lexicon))
        # A contrast word inside a scored phrase ("yet again") is part of it, not a contrast.
        pivot = max((c[1] for c in find_all(part, self.contrast)
                     if not any(m[0] <= c[0] and c[1] <= m[1] for m in matches)), default=None)
        total = len(shouts) * self.shouted_weight + sum(weight for _, weight in cues)
        words = list(shouts) + [cue for cue, weight in cues if weight < 0]
        weighed = self._weigh(part, matches, pivot, sarcastic, about_learning)
        # A swear word softened by a contrast, as a word is; one just before praise intensifies it
        # ("bloody brilliant"), so it weighs nothing itself.
        if swear is not None and not any(m[0] < swear[1] and swear[0] < m[1] for m in matches) and not any(
                w > 0 and 0 <= a - swear[1] <= 2 for a, _, w in weighed):
            weighed.append((*swear, self.swearing_weight))
        # "We didn't win, but the team never gave up": a contrast softens what came before,
        # unless what follows it is just as negative ("..., but worse still, ...").
        softens = pivot is not None and sum(w for s, _, w in weighed if s >= pivot) >= 0
        for s_start, s_end, weight in weighed:
            if softens:
                weight *= self.scales.after_contrast if s_start >= pivot else self.scales.before_contrast  # type: ignore[operator]
            total += weight
            if weight < 0:
                words.append(part[s_start:s_end])
        return Scored(start, end, total, tuple(words))

    def _weigh(self, part: str, matches: list[tuple[int, int]], pivot: int | None, sarcastic: bool,
               about_learning: bool) -> list[tuple[int, int, float]]:
        """Each lexicon match of the sentence ``part`` with its weight in context."""
        weighed: list[tuple[int, int, float]] = []
        for s_start, s_end in matches:
            found = " ".join(part[s_start:s_end].lower().replace("’", "'").split())
            if found in self.concessive and pivot is not None and 0 <= s_start - pivot <= CONCESSIVE_REACH \
                    and WORD_RUN.search(part, pivot, s_start):
                # "crap weather, but Year 4 still smashed it": a concession, not blame; not "but
                # still the parking goes on", with no one between the contrast and "still"
                continue
            weight = self.weighted.get(found, self._stem_weight(found))
            if weight > 0 and sarcastic:
                weight = -weight  # "Very generous of you 😒"
            if weight < 0 and about_learning:
                continue
            if not WORD_RUN.search(found):  # an emoji says how the whole sentence feels
                weighed.append((s_start, s_end, weight))
                continue
            weighed.append((s_start, s_end, self._in_context(part, s_start, s_end, weight)))
        return weighed

    def _in_context(self, part: str, s_start: int, s_end: int, weight: float) -> float:
        """A word's weight as the words before it leave it: negated, intensified or shouted."""
        # Negation and intensifiers reach back only within the clause.
        clause = CLAUSE_BREAK.split(part[:s_start])[-1]
        lead_words = WORD.findall(clause)[-3:]
        lead = " ".join(lead_words)
        negated = any(w.lower().endswith(("n't", "n’t")) for w in lead_words) or (
            self.negators is not None and bool(self.negators.search(lead)))
        if negated:
            weight *= self.scales.negated if weight > 0 else self.scales.negated_negative
        elif self.intensifiers is not None and self.intensifiers.search(" ".join(lead_words[-2:])):
            weight *= self.scales.intensified
        if weight < 0 and SHOUTED.search(part[s_start:s_end]):
            weight *= self.scales.intensified  # "NOT optional": capitals shout
        return weight

    def _is_title(self, quoted: str) -> bool:
        """Whether words in single quotes hold a tone word, so name a thing or quote
        someone (a "'most outrageous hat' prize", "'over the moon'") rather than doubt it
        (the contractor who "'fixed'" it). A title of two words or more is not weighed."""
        return any(self.weighted.get(w, 0) for w in WORD.findall(quoted.lower()))

    def _stem_weight(self, found: str) -> float:
        """The weight of a word matched by a stem entry ("disappoint*")."""
        for stem, weight in self.stems:
            if found.startswith(stem):
                return weight
        return 0.0



def weighted_lexicon(p: Mapping[str, Any], lists: Mapping[str, tuple[str, ...]]) -> dict[str, float]:
    """Each word of the rule's weighted lists with its weight, plurals included."""
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
    return weighted


def build(rule: Rule, lists: Mapping[str, tuple[str, ...]]) -> Check:
    p = rule.params
    scorer = make_scorer(p, weighted_lexicon(p, lists), lists)
    threshold = float(p["threshold"])

    def check(draft: Draft, ctx: Context) -> Iterator[Finding]:
        text = ctx.view.text
        if threshold < 0 and not scorer.could_be_negative(text, ctx.analysis.sentences) and not (
                scorer.swearing_reaches(text, ctx.analysis.sentences, threshold)):
            return  # every sentence scores zero or more, swearing aside: the total cannot reach the threshold
        sarcastic = scorer.is_sarcastic(text)
        scored = [scorer.sentence(text, s, e, sarcastic) for s, e in ctx.analysis.sentences]
        # Rounded as the weights are written: -2.3 + 0.8 is -1.5 ("at or below"), not -1.4999...
        total = round(sum(s.score for s in scored), 6)
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
    return make_scorer(rule.params, weighted_lexicon(rule.params, lists), lists).total(text)


def make_scorer(p: Mapping[str, object], weighted: dict[str, float],
                lists: Mapping[str, tuple[str, ...]] | None = None) -> Scorer:
    """A Scorer from a sentiment rule's params, its weighted lexicon and the catalogue's
    lists (which ``swearing`` reads its words from)."""
    def words(key: str) -> tuple[str, ...]:
        return tuple(p.get(key) or ())  # type: ignore[arg-type]
    weighted_patterns = dict(p.get("patterns") or {})  # type: ignore[call-overload]
    for source, weight in weighted_patterns.items():
        if isinstance(weight, bool) or not isinstance(weight, (int, float)):
            raise RuleParamError("patterns", f"gives {source!r} the weight {weight!r}; use a number like -1")
    compiled = compile_patterns(tuple(str(s) for s in weighted_patterns), "patterns")
    patterns = tuple(zip(compiled, (float(w) for w in weighted_patterns.values())))
    return Scorer(weighted, read_scales(p.get("scales")), words("negators"), words("intensifiers"), words("contrast"), words("learning"),
                  compile_patterns(words("reported"), "reported"), words("sarcasm"), words("shouted"),
                  float(p.get("shouted_weight", -1.0)), patterns,  # type: ignore[arg-type]
                  float(p.get("scare_quotes_weight", 0.0)), float(p.get("sarcasm_weight", 0.0)),  # type: ignore[arg-type]
                  swear_finder(p.get("swearing"), lists), float(p.get("swearing_weight", 0.0)),  # type: ignore[arg-type]
                  words("concessive"))

