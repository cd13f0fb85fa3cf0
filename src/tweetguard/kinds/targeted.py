"""``targeted``: a personal message to or about one named child.

The policy's example: "Well done Josh a better lesson today". A draft is targeted when it
names one child (not one of a list of children, not a class, not a pet or a character) and
any of these holds:

- it is a personal greeting or milestone (``personal``: happy birthday, get well soon,
  welcome back, in our thoughts...), in the child's sentence or in a draft about one child;
- it is a reply to someone's account (``reply_to``) that names a child;
- the child's sentence comments on their conduct (``conduct``: behaviour, effort, sitting
  still...), unless it celebrates an achievement (``achievements``) in the third person;
- it speaks to the child (the name as a vocative: "Sam, ...", "..., Kai!", "Dear Bảo",
  "Well done Josh", "#Y6 Jericho: ...") with an instruction (``reminders``), a "you"
  (``second_person``), or only praise, and no achievement to celebrate.

"The child's sentence" is the sentence naming them and any that follow it about them
("He is in hospital..."), so a conduct word elsewhere in a long draft does not count.
All word lists are rule keys so a school can tune them, and so are ``groups`` (a greeting
to one of these is the community's), and the windows either side of a name the rule reads.
Who a name names (a pet, one of a list, part of a proper noun, a place...) is judged by
tweetguard.text.names.mentions; this kind judges whether the message targets the child.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Callable, Iterator, Mapping, Sequence

import regex

from tweetguard.core.model import Draft, Finding, Rule
from tweetguard.core.patterns import lazy_regex
from tweetguard.kinds.base import Check, Context, Param
from tweetguard.kinds.targeted_words import Words, belongings, last_told
from tweetguard.text.names import FREQUENT_RANK, Form, NameAnalysis, NameMatch, Reason
from tweetguard.text.names.forms import PARENT_WORDS
from tweetguard.text.names.mentions import (
    PetNames,
    after_travel_word,
    before,
    in_name_list,
    inside_proper_noun,
    opening_surnames,
    opens_sentence,
    place_or_sentence_start,
    unknown_mentions,
)
from tweetguard.text.sentences import Span

PARAMS = {
    "greetings": Param(list, required=True, help="words that address someone just before their name"),
    "personal": Param(list, required=True, help="personal greetings and milestones: always about the child"),
    "conduct": Param(list, required=True, help="comments on behaviour, effort or conduct"),
    "reminders": Param(list, required=True, help="instructions and reminders"),
    "second_person": Param(list, default=["you", "your", "yourself", "you're", "you've", "you'll"]),
    "achievements": Param(list, required=True, help="achievements that make a mention a celebration"),
    "belongings": Param(list, default=[], help="a child's own things, after their name's possessive (Kai's PE kit)"),
    "praise": Param(list, default=[], help="praise that makes a child's belongings a celebration"),
    "animals": Param(list, default=["dog", "puppy", "cat", "kitten", "hamster", "rabbit", "tortoise", "pet",
                                    "mascot"], help="a name right after one of these is a pet's or mascot's"),
    "roles": Param(list, default=["lollipop man", "lollipop lady", "crossing patrol", "caretaker"],
                   help="adults' roles: a name right after one of these is an adult's"),
    "groups": Param(list, default=[], help="words that make a greeting the whole community's (everyone)"),
    "group_patterns": Param(list, default=[], help="regexes for the same (year groups: year\\s*\\d+)"),
    "window": Param(int, default=40, help="characters before a name read for a greeting, a list or a place"),
    "pet_window_before": Param(int, default=30, help="characters before a name read for a pet or a role"),
    "pet_window_after": Param(int, default=40, help="characters after a name read for a pet or a role"),
    "proper_noun_window": Param(int, default=30, help="characters before a name read for a longer proper noun"),
}

# A class label between a name and the punctuation that addresses it: "Khoa Le in 5B: ...".
CLASS_AFTER = r"(?:\s+in\s+(?:(?:Y|Yr|Year|Class)\s*)?\d+[A-Za-z]?|\s*\((?:Y|Yr|Year|Class)?\s*\d+[A-Za-z]?\))?"
# What may follow a name used to address the child at the start of a sentence.
VOCATIVE_AFTER = lazy_regex(
    r"(?:(?<=(?<!\w)\p{Lu})\.)?(?:\s+\p{Lu}\.?(?=\s))?" + CLASS_AFTER + r"\s*(?:,|[-–—:](?=\s))(?!\s*(?:who|whose|our|aged|age|in year|from|and|the|a|an)\b)",
    regex.I | regex.V1)
# A name opening a sentence and followed straight by an instruction or a "you", with no
# comma, as lower-case typing goes: "nia please bring your slip", "kai you were so kind".
BARE_VOCATIVE_AFTER = lazy_regex(r"\s+(?=(?:please|don'?t|don’t|do\s+not|remember|you|your|you're|you’re|"
                                 r"you've|you’ve|you'll|you’ll)\b)", regex.I)
# After "Well done Jun ...": a reason given in the third person ("for his number bonds").
THIRD_PERSON_REASON = lazy_regex(r"\s+(?:for|on|in|who|whose|from|and)\b", regex.I)
# What may follow a name addressed at a sentence's end: the end ("Much calmer today, Kai."),
# or ", you..." ("..., Aoife, you looked so happy").
SENTENCE_AFTER = lazy_regex(r"\s*(?:[.!?…]|$|[^\w\s,;:'’(]|,\s*(?:you|your)\b)")
# A sentence that goes on about the same child: "He is in hospital...", "Your kit is...".
ABOUT_SAME = lazy_regex(r"\W*(?:he|she|his|her|him|you|your)\b", regex.I)


def build(rule: Rule, lists: Mapping[str, tuple[str, ...]]) -> Check:
    words = Words(rule.params)

    def check(draft: Draft, context: Context) -> Iterator[Finding]:
        text = context.view.text
        analysis = context.analysis.names
        memo: dict[str, bool] = {}
        found_within: dict[tuple[str, Span], bool] = {}

        def anywhere(name: str) -> bool:
            """A word list searched in the whole draft, once: most drafts never need it."""
            if name not in memo:
                memo[name] = words.has(getattr(words, name), text)
            return memo[name]

        def within(name: str, scope: Span) -> bool:
            """A word list searched in a scope, once per scope (many names share one)."""
            if not anywhere(name):
                return False
            if (name, scope) not in found_within:
                found_within[name, scope] = words.has(getattr(words, name), text[scope[0]:scope[1]])
            return found_within[name, scope]

        told_at: dict[Span, int] = {}

        def told(scope: Span) -> int:
            if scope not in told_at:
                told_at[scope] = last_told(words, text, scope)
            return told_at[scope]

        sentences = context.analysis.sentences
        scopes = _Scopes(text, sentences)
        mentions = _child_mentions(analysis, scopes, words, draft.reply_to, anywhere)
        if not mentions:
            return
        # "Zain is back after his operation. Welcome back!": a greeting in a sentence of its
        # own is the child's when the draft names one child and the greeting no group.
        personal_anywhere = len(mentions) == 1 and anywhere("personal") and any(
            words.has(words.personal, text[s:e]) and not (words.group and words.group.search(text, s, e))
            for s, e in sentences)
        for match, vocative in mentions:
            scope = scopes.span(match.start)
            why = None
            if personal_anywhere or within("personal", scope):
                why = "a personal greeting"
            elif draft.reply_to:
                why = "a reply about a child"
            elif vocative and (anywhere("reminders") or anywhere("second") or not anywhere("achievements")) or (
                    _greeted(text, match, words) and within("second", scope)):
                # "Well done Santiago for remembering your book": greeted, then told "your"
                why = "a message addressed to one child"
            elif within("conduct", scope) and (vocative or not within("achievements", scope)):
                why = "a comment on one child's conduct"
            elif belongings(words, text, match, told(scope)) and not within("achievements", scope) and not (
                    words.praise is not None and within("praise", scope)):  # "Love Kai's hat!"
                why = "a message about one child's own things"
            if why is None:
                continue
            start, end = context.view.to_original(match.start, match.end)
            yield Finding(start, end, None, None, {"name": draft.text[start:end], "why": why})
            return  # one finding per draft: the message, not each name, is the problem

    return check


def _account_holder(reply_to: str, match: NameMatch) -> bool:
    """Whether the name is the account's own, the adult a reply answers: a word of the handle
    ("@kerry_p Hi Kerry", "@JennyW78", "@GrandadBill Thank you, Bill!") in a handle that names
    no parent, or right after the parent word (Grandad Bill). A parent's account that names
    its child ("@Dad_of_Theo", "@Mum2Tobi", "@layla_and_mum", "@AmarasMum") is about that child,
    and a name inside another word ("Ella" in "@bellamy_jo") is not the account's."""
    name = (match.first_name or "").casefold()
    parts = [part.casefold() for part in HANDLE_PARTS.findall(reply_to)]
    if len(name) < 3 or name not in parts:
        return False
    at = parts.index(name)
    parents = [i for i, part in enumerate(parts) if part in PARENT_WORDS]
    return not parents or at - 1 in parents


# A handle's words: "@GrandadBill" -> Grandad, Bill; "@Mum2Tobi" -> Mum, 2, Tobi; "@kerry_p" -> kerry, p.
HANDLE_PARTS = lazy_regex(r"\p{Lu}?\p{Ll}+|\p{Lu}+(?!\p{Ll})|\d+")


class _Scopes:
    """Each mention's scope: the sentence naming the child and (``follow``) the sentences
    after it about them. Found by bisection, and each chain of sentences about one child
    followed once, so a long draft naming many children stays linear."""

    def __init__(self, text: str, sentences: Sequence[Span]) -> None:
        self.text = text
        self.sentences = sentences
        self._starts = [start for start, _ in sentences]
        self._last: dict[int, int] = {}  # a sentence's index -> the last sentence about the same child

    def span(self, at: int, follow: bool = True) -> Span:
        index = bisect_right(self._starts, at) - 1
        if index < 0 or at >= self.sentences[index][1]:
            return 0, len(self.text)  # between sentences: the whole draft
        last = self._follow(index) if follow else index
        return self.sentences[index][0], self.sentences[last][1]

    def __call__(self, at: int, follow: bool = True) -> str:
        start, end = self.span(at, follow)
        return self.text[start:end]

    def _follow(self, index: int) -> int:
        visited = []
        last = index
        while last not in self._last and last + 1 < len(self.sentences) \
                and ABOUT_SAME.match(self.text, self.sentences[last + 1][0]):
            visited.append(last)
            last += 1
        last = self._last.get(last, last)
        for seen in visited + [index]:
            self._last[seen] = last
        return last


def _parent_headed(match: NameMatch) -> bool:
    """A titled parent named with their child, the parent the one thanked or told ("Mr Nowak,
    Jakub's dad", "Maya's mum, Dr Patel", "Mrs Okoro, whose daughter Zara"): not a message to
    the child (the names rule reports it). "Mrs Quigley's son Alistair" is the child's."""
    if match.reason in (Reason.TITLED_PARENT_CLAUSE, Reason.ROSTER_FAMILY):
        return True
    # The forms headed by the parent write instead the child's name and the parent's role.
    return match.reason is Reason.TITLED_PARENT and (match.first_name or "").rsplit(" ", 1)[-1].lower() in PARENT_WORDS


def _child_mentions(analysis: NameAnalysis, scopes: _Scopes, words: Words, reply_to: str | None,
                    anywhere: Callable[[str], bool]) -> list[tuple[NameMatch, bool]]:
    """Each single child named (not one of a list of children, not the adult a reply answers),
    and whether it is addressed."""
    reply = bool(reply_to)
    text, windows = analysis.text, words.windows
    full = [m for m in analysis.pupil_names if m.form is Form.FULL and m.first is not None
            and not _parent_headed(m)]
    candidates = sorted(full + analysis.first_names(), key=lambda m: m.start)
    rank = analysis.gaz.common_rank
    roster_first = analysis.roster.first_names if analysis.roster is not None else frozenset()
    pets = words.pets(text)
    found: list[tuple[NameMatch, bool]] = []
    for index, match in enumerate(candidates):
        if in_name_list(text, candidates, index, windows) or pets.names_one(match) \
                or (reply_to and _account_holder(reply_to, match)):
            continue
        key = (match.first_name or "").casefold()
        vocative = _vocative(text, match, words) or (
            rank.get(key, FREQUENT_RANK) >= FREQUENT_RANK and _bare_vocative(text, match, words))
        if not vocative:
            if rank.get(key, FREQUENT_RANK) < FREQUENT_RANK and key not in roster_first:
                continue  # "May", "Summer", "Will": words first, names only when addressed
            if match.form is Form.FIRST and inside_proper_noun(text, match, windows):
                continue  # "Young Voices", "Roman Day", "Blue Peter"
        found.append((match, vocative))
    # Names no list knows count only where something could make one a child's: look for
    # them only then (it is the slow part).
    if not found and (reply or " from " in text or anywhere("personal") or anywhere("reminders")
                      or anywhere("second") or anywhere("conduct")):
        found = [(m, v) for m, v in _unknown_names(analysis, scopes, words, pets, reply)
                 if not (reply_to and _account_holder(reply_to, m))]
    if not found and anywhere("conduct"):
        found = _surnames_addressed(analysis, scopes, words)
    return found


def _surnames_addressed(analysis: NameAnalysis, scopes: _Scopes,
                        words: Words) -> list[tuple[NameMatch, bool]]:
    """A surname opening a sentence as the one addressed and told about their conduct
    ("Rafferty, that was not the behaviour we expect")."""
    text = analysis.text
    for match in opening_surnames(analysis):
        if VOCATIVE_AFTER.match(text, match.end) \
                and Words.has(words.conduct, scopes(match.start, follow=False)):
            return [(match, True)]
    return []


def _unknown_names(analysis: NameAnalysis, scopes: _Scopes, words: Words, pets: PetNames,
                   reply: bool) -> list[tuple[NameMatch, bool]]:
    """Names the gazetteer lacks, in a slot that only a person fills: addressed ("#Y6 Jericho:
    homework in please"), greeted, or, in a reply to a parent, mid-sentence and not after a
    place preposition ("We'll keep an eye on Chidinma", "Yes, Nethmi can bring...")."""
    text = analysis.text
    found: list[tuple[NameMatch, bool]] = []
    for match in unknown_mentions(analysis, pets, words.windows):
        ahead = before(text, match, words.windows)
        sentence = scopes(match.start, follow=False)
        if _vocative(text, match, words) or _bare_vocative(text, match, words):
            # Addressed with an instruction, a "you", a greeting or a comment on conduct:
            # "#Y6 Jericho: homework in please", "Rafferty, that was not the behaviour...";
            # not "Thank you, Sandford" (a community) or "Timetable: ...".
            if Words.has(words.reminders, sentence) or Words.has(words.second, sentence) \
                    or Words.has(words.personal, sentence) or Words.has(words.conduct, sentence):
                found.append((match, True))
        elif place_or_sentence_start(ahead):
            continue  # "Fortnite is rated 12+", "a trip to Wroxham"
        elif reply and not after_travel_word(ahead) or Words.has(words.personal, sentence) \
                or words.conduct_from.search(ahead):
            # A reply to a parent, a sentence that greets someone, or a judgement "from" someone
            # puts a person in the slot: "thinking of Eitan", "Much better behaviour from Leontyne".
            found.append((match, False))
    return found


def _vocative(text: str, match: NameMatch, words: Words) -> bool:
    ahead = before(text, match, words.windows)
    if words.greeting_before.search(ahead):
        # "Well done Josh", "Happy 8th birthday Amara"; not "Well done Jun for his number bonds"
        return not THIRD_PERSON_REASON.match(text, match.end)
    end = match.end + (2 if text.startswith(("'s", "’s"), match.end) else 0)
    if end != match.end:
        return False
    if (opens_sentence(ahead) or words.reminder_before.search(ahead)) and VOCATIVE_AFTER.match(text, end):
        return True  # "Sam, remember your kit", "Khoa Le in 5B: your trumpet...", "Remember Winnie, ..."
    return ahead.rstrip().endswith(",") and bool(SENTENCE_AFTER.match(text, end))  # "..., Kai!"


def _bare_vocative(text: str, match: NameMatch, words: Words) -> bool:
    """ "isla don't forget your folder": addressed with no comma. An everyday word in that
    place is the sentence's own ("Hope you enjoy", "Will you help"): callers rule those out."""
    return opens_sentence(before(text, match, words.windows)) and bool(BARE_VOCATIVE_AFTER.match(text, match.end))


def _greeted(text: str, match: NameMatch, words: Words) -> bool:
    return bool(words.greeting_before.search(before(text, match, words.windows)))
