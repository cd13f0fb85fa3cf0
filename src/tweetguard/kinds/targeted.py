"""``targeted``: a personal message to or about one named child.

The policy's example: "Well done Josh a better lesson today". A draft is targeted when it
names one child (not a list of children, not a class) and any of these holds:

- it is a personal greeting (``personal``: a birthday, get well soon, welcome back...);
- it is a reply to someone's account (``reply_to``) that names a child;
- it comments on the child's conduct (``conduct``: behaviour, effort, sitting still...),
  unless it celebrates an achievement (``achievements``) in the third person;
- it speaks to the child (the name as a vocative: "Sam, ...", "..., Kai!", "Well done Josh")
  with an instruction (``reminders``), a "you" (``second_person``), or only praise, and no
  achievement to celebrate.

All word lists are rule keys so a school can tune them.
"""

from __future__ import annotations

from typing import Iterator, Mapping, Sequence

import regex

from tweetguard.kinds.base import Check, Context, Param, RuleParamError
from tweetguard.kinds.wordmatch import MATCH_TIMEOUT_SECONDS, phrase_pattern
from tweetguard.model import Draft, Finding, Rule
from tweetguard.names import FREQUENT_RANK, Analysis, NameMatch, analyse, roster_index

PARAMS = {
    "greetings": Param(list, required=True, help="words that address someone just before their name"),
    "personal": Param(list, required=True, help="personal greetings: always about the child"),
    "conduct": Param(list, required=True, help="comments on behaviour, effort or conduct"),
    "reminders": Param(list, required=True, help="instructions and reminders"),
    "second_person": Param(list, default=["you", "your", "yourself", "you're", "you've", "you'll"]),
    "achievements": Param(list, required=True, help="achievements that make a mention a celebration"),
}

# Between names in a list of children: "Kofi and Tobi", "Jakub, Amara and Sofia".
LIST_GAP = regex.compile(r"\s*(?:,|&|\+|\band\b|,\s*and\b)\s*", regex.I)
# What may follow a name used to address the child at the start of a sentence.
VOCATIVE_AFTER = regex.compile(r"\s*(?:,|[-–—:](?=\s))(?!\s*(?:who|whose|our|aged|age|in year|from|and)\b)", regex.I)
# After "Well done Jun ...": a reason given in the third person ("for his number bonds").
THIRD_PERSON_REASON = regex.compile(r"\s+(?:for|on|in|who|whose|from|and)\b", regex.I)
# What may follow a name that ends a sentence ("Much calmer today, Kai.").
SENTENCE_AFTER = regex.compile(r"\s*(?:[.!?…]|$|[^\w\s,;:'’(])")
SENTENCE_BEFORE = regex.compile(r"(?:^|[.!?…\n])[^\w]*$")


def _phrases(name: str, words: Sequence[str]) -> regex.Pattern[str]:
    if not words:
        raise RuleParamError(name, "is empty; give at least one phrase")
    body = "|".join(phrase_pattern(str(w)) for w in sorted(set(words), key=len, reverse=True))
    return regex.compile(rf"(?<!\w)(?:{body})(?!\w)", regex.I | regex.V1)


def build(rule: Rule, lists: Mapping[str, tuple[str, ...]]) -> Check:
    p = rule.params
    greetings = _phrases("greetings", p["greetings"])
    greeting_before = regex.compile(rf"(?:{greetings.pattern})[\s,!]*$", regex.I | regex.V1)
    personal = _phrases("personal", p["personal"])
    conduct = _phrases("conduct", p["conduct"])
    reminders = _phrases("reminders", p["reminders"])
    second = _phrases("second_person", p["second_person"])
    achievements = _phrases("achievements", p["achievements"])

    def has(pattern: regex.Pattern[str], text: str) -> bool:
        return pattern.search(text, timeout=MATCH_TIMEOUT_SECONDS) is not None

    def check(draft: Draft, context: Context) -> Iterator[Finding]:
        text = context.view.text
        analysis = analyse(text, context.lists, context.roster)
        mentions = _child_mentions(analysis, text, greeting_before)
        if not mentions:
            return
        vocative = [m for m, is_vocative in mentions if is_vocative]
        is_personal = has(personal, text)
        is_conduct = has(conduct, text)
        is_achievement = has(achievements, text)
        addressed = bool(vocative) and (
            has(reminders, text) or has(second, text) or not is_achievement
        )
        if not (is_personal or draft.reply_to or (is_conduct and (not is_achievement or vocative)) or addressed):
            return
        match = (vocative or [m for m, _ in mentions])[0]
        start, end = context.view.to_original(match.start, match.end)
        why = ("a personal greeting" if is_personal else "a reply about a child" if draft.reply_to
               else "a comment on one child's conduct" if is_conduct else "a message addressed to one child")
        yield Finding(start, end, None, None, {"name": draft.text[start:end], "why": why})

    return check


def _child_mentions(analysis: Analysis, text: str, greeting_before: regex.Pattern[str]) -> list[tuple[NameMatch, bool]]:
    """Each single child named (not one of a list of children), and whether it is addressed."""
    full = [m for m in analysis.pupil_names if m.form == "full" and m.first is not None]
    firsts = analysis.first_names()
    candidates = sorted(full + firsts, key=lambda m: m.start)
    rank = analysis.gaz.common_rank
    roster_first = roster_index(analysis.roster).first_names if analysis.roster is not None else frozenset()
    found: list[tuple[NameMatch, bool]] = []
    for index, match in enumerate(candidates):
        if _in_list(candidates, index, text):
            continue
        key = (match.first_name or "").casefold()
        vocative = _vocative(text, match, greeting_before)
        if not vocative:
            if rank.get(key, FREQUENT_RANK) < FREQUENT_RANK and key not in roster_first:
                continue  # "May", "Summer", "Will": words first, names only when addressed
            if match.form == "first" and _inside_proper_noun(text, match):
                continue  # "Young Voices", "Roman Day", "Blue Peter"
        found.append((match, vocative))
    return found


def _in_list(candidates: Sequence[NameMatch], index: int, text: str) -> bool:
    match = candidates[index]
    before = candidates[index - 1] if index > 0 else None
    after = candidates[index + 1] if index + 1 < len(candidates) else None
    return bool((before and LIST_GAP.fullmatch(text, before.end, match.start))
                or (after and LIST_GAP.fullmatch(text, match.end, after.start)))


def _vocative(text: str, match: NameMatch, greeting_before: regex.Pattern[str]) -> bool:
    before = text[max(0, match.start - 40):match.start]
    if greeting_before.search(before):
        # "Well done Josh", "Happy 8th birthday Amara"; not "Well done Jun for his number bonds"
        return not THIRD_PERSON_REASON.match(text, match.end)
    end = match.end + (2 if text.startswith(("'s", "’s"), match.end) else 0)
    if end != match.end:
        return False
    if SENTENCE_BEFORE.search(before) and VOCATIVE_AFTER.match(text, end):
        return True  # "Sam, remember your kit"
    return before.rstrip().endswith(",") and bool(SENTENCE_AFTER.match(text, end))  # "..., Kai!"


def _inside_proper_noun(text: str, match: NameMatch) -> bool:
    """A first name that is one word of a longer capitalised name ("Summer Fair", "Blue Peter")."""
    after = regex.match(r"[ \t]+(\p{Lu})", text[match.end:match.end + 3])
    if after:
        return True
    before = regex.search(r"(\p{Lu}[\p{L}]*)[ \t]+$", text[max(0, match.start - 30):match.start])
    return bool(before) and not SENTENCE_BEFORE.search(text[:match.start - len(before.group(0))])
