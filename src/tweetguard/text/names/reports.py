"""Surnames where the other finders do not look for them.

A child called by their surname alone, as match reports do: "Walker was outstanding in
goal, Bennett scored twice", "reid's free kick", "o'brien with a lovely finish".

A surname alone identifies a child as surely as a full name. Only in a report of a game or
race (a score such as "3-1", or one of the catalogue's ``report-words``: goal, netball,
shooting circle...) and only where the word does what a player does: a verb after it
("scored", "was"), a possessive ("Reid's free kick"), "with a", or a place on the team ("in
goal", "up front"), alone or in a list of such names ("Hall and Lane were unstoppable").
The word must be a pupil's surname from the roster (any letter case) and not a first name
of the roster; without a roster, a capitalised surname the gazetteer knows that is neither
a first name nor an everyday word (Mensah, Okafor). Never after a title, a determiner or a
preposition ("the hall was packed", "to Lane End").
"""

from __future__ import annotations

import regex

from tweetguard.core.patterns import lazy_regex
from tweetguard.text.names.evidence import (
    CLASS_LABEL,
    DETERMINERS,
    PLACE_PREPOSITIONS,
    Evidence,
)
from tweetguard.text.names.gazetteer import EVERYDAY_RANK, unaccented
from tweetguard.text.names.tokens import SPACE_GAP, Token, full_match
from tweetguard.text.names.verdicts import Form, NameMatch, Reason
from tweetguard.text.sentences import SENTENCE_END

SCORE = lazy_regex(r"(?<![\d:./])\d{1,2}\s*[-–]\s*\d{1,2}(?![\d:./])")
# What a player does, said right after their name.
PLAYER_VERBS = frozenset("scored scores saved saves was were got gets made makes kept keeps took takes ran "
                         "won finished set sets hit hits struck grabbed netted added picked selected chosen "
                         "played starred shone led captained".split())
# A player credited with a piece of play: "a header from Reid", "a hat-trick from O'Brien",
# "two goals by Mensah" (after "from" or "by", which otherwise rule a name out).
CREDITED_PLAY = frozenset("goal goals header headers hat-trick trick save saves finish strike shot assist "
                          "try tries pass tackle catch penalty brace winner equaliser block run".split())
# What a player is doing, by the verb's ending: "Mensah equalised", "Murphy keeping a clean sheet".
PLAY_ENDINGS = ("ed", "ing")
# A name called out as its own exclamation or sentence: "Mensah!", "Reid.", "WONG!!!".
CALLED_OUT = lazy_regex(r"[ \t]*(?:[!.]+|…)(?:\s|$)")
# Team places after a name: "Okafor in goal", "Brennan up front", "Mensah at the back".
PLACES_ON_TEAM = (("in", "goal"), ("up", "front"), ("at", "the"), ("in", "defence"), ("in", "midfield"))
NOT_BEFORE = DETERMINERS | PLACE_PREPOSITIONS
# "Goals: Walker (2) and Price": a player's tally after the name (TALLY), and what may lie
# between one listed player and the "and" before the next (TALLY_GAP).
TALLY_GAP = lazy_regex(r"[ \t]*(?:\(\d{1,2}\))?[ \t]*")
# The award or place a name alone is given after a colon: "Player of the match: Baker."
AWARD_COLON = lazy_regex(r"(?:of\s+the\s+(?:match|day|game|race)|scorers?|captain|keeper|mvp|motm|pom)\s*:\s*\Z",
                         regex.I)
TALLY = lazy_regex(r"[ \t]*\(\d{1,2}\)")
# A finishing place after the name, in race results: "Okoro 1st, Thornton 4th".
PLACING = lazy_regex(r"[ \t]+(?:\d{1,3}(?:st|nd|rd|th)|first|second|third|fourth|fifth)\b", regex.I)
# Between two listed players: a comma, or a semicolon between a team sheet's lines
# ("Price; Campbell, Evans, Morgan; Bennett").
LIST_GAP = lazy_regex(r"[,;][ \t\u00a0]*")


def surnames_in_reports(ev: Evidence, report_words: frozenset[str],
                        list_words: frozenset[str] = frozenset()) -> list[NameMatch]:
    """Every surname used alone for a player in a report of a game or race; with only a word
    that introduces a team (``list_words``: "Team photo! Back row: ..."), only listed ones."""
    tokens = ev.tokens
    game = SCORE.search(ev.text) or _reports(tokens, report_words)
    if not game and not _reports([t for t in tokens if t.tag < 0], list_words):
        return []
    candidates = [i for i in range(len(tokens)) if _surname_alone(ev, i)]
    if not game:
        return [_match(tokens[i]) for i in sorted(_team_lists(tokens, candidates))]
    playing = {i for i in candidates if _plays(tokens, i) or TALLY.match(ev.text, tokens[i].end)
               or PLACING.match(ev.text, tokens[i].end)}
    playing |= _team_lists(tokens, candidates) | {i for i in candidates if _named_alone(ev, i) or _called_out(ev, i)}
    # "Hall and Lane were unstoppable": a list of names of which the last one plays; "Walker
    # (2) and Price": of which the first does.
    for i in sorted(candidates, reverse=True):
        if i not in playing and i + 2 < len(tokens) and tokens[i + 1].key in ("and", "&") \
                and i + 2 in playing and _spaced(tokens[i + 1]) and _spaced(tokens[i + 2]):
            playing.add(i)
    for i in candidates:
        before = max((j for j in playing if j < i - 1), default=None)
        if i not in playing and before is not None and tokens[i - 1].key in ("and", "&") and _spaced(tokens[i]) \
                and TALLY_GAP.fullmatch(ev.text, tokens[before].end, tokens[i - 1].start) is not None:
            playing.add(i)
    return [_match(tokens[i]) for i in sorted(playing)]


def _reports(tokens: list[Token], report_words: frozenset[str]) -> bool:
    """Whether the text uses a report word, one word ("netball") or several ("cross country")."""
    keys = [t.key for t in tokens]
    if not report_words.isdisjoint(keys):
        return True
    spaced = f" {' '.join(keys)} "
    return any(f" {phrase} " in spaced for phrase in report_words if " " in phrase)


def _team_lists(tokens: list[Token], candidates: list[int]) -> set[int]:
    """ "Relay squad: Field, Stone, Wood and Green": capitalised surnames listed together, the
    list introduced by a colon or three long; each is a child named by surname alone."""
    runs: list[list[int]] = []
    for i in candidates:
        if not tokens[i].cap:
            continue
        run = runs[-1] if runs else []
        if run and i == run[-1] + 1 and LIST_GAP.fullmatch(tokens[i].gap):
            run.append(i)
        elif run and i == run[-1] + 2 and tokens[i - 1].key in ("and", "&") and _spaced(tokens[i - 1]) \
                and _spaced(tokens[i]):
            run.append(i)
        else:
            runs.append([i])
    return {i for run in runs if len(run) >= 3 or (len(run) == 2 and ":" in tokens[run[0]].gap) for i in run}


def _named_alone(ev: Evidence, i: int) -> bool:
    """ "Player of the match: Baker.": the name is all there is between a colon and the
    sentence's end."""
    token = ev.tokens[i]
    return (token.cap and ":" in token.gap and SENTENCE_END.match(ev.text, token.name_end) is not None
            and AWARD_COLON.search(ev.text[max(0, token.start - 40):token.start]) is not None)


def _called_out(ev: Evidence, i: int) -> bool:
    """ "GOAL! Mensah again!", "Reid. Again.", "WONG!!!": in a game, the name called out as a
    sentence of its own, or with "again"."""
    token = ev.tokens[i]
    if not token.cap:
        return False
    if i + 1 < len(ev.tokens) and ev.tokens[i + 1].key == "again" and _spaced(ev.tokens[i + 1]):
        return True
    return ev.sentence_start(i) and bool(CALLED_OUT.match(ev.text, token.name_end))


def _surname_alone(ev: Evidence, i: int) -> bool:
    token = ev.tokens[i]
    if token.ruled_out or token.tag >= 0:
        return False
    previous = ev.tokens[i - 1] if i > 0 else None
    # "1st, Thornton": an ordinal's "st" is no title (St), nor "th" anything before a name.
    ordinal = previous is not None and previous.key in ("st", "nd", "rd", "th") and previous.gap[-1:].isdigit()
    if previous is not None and not ordinal and (previous.key in NOT_BEFORE or ev.is_title(previous)) \
            and not _credited(ev.tokens, i):
        return False
    if i > 0 and ev.tokens[i - 1].cap and SPACE_GAP.fullmatch(token.gap) and not ev.sentence_start(i):
        return False  # part of a longer capitalised name: "Oakfield Walker Cup"
    if i + 1 < len(ev.tokens) and ev.tokens[i + 1].cap and SPACE_GAP.fullmatch(ev.tokens[i + 1].gap):
        return False  # a first name then a surname, or a place: the other finders' job
    key = token.key
    if ev.roster is not None and key in ev.roster.surnames:
        return not ev.roster_first(key)
    return (token.cap and key in ev.gaz.surnames and key not in ev.gaz.first_names
            and ev.gaz.common_rank.get(key, EVERYDAY_RANK) >= EVERYDAY_RANK)


def _credited(tokens: list[Token], i: int) -> bool:
    """ "a header from Reid": the play, then "from" or "by", then the name."""
    return i > 1 and tokens[i - 1].key in ("from", "by") and tokens[i - 2].key in CREDITED_PLAY \
        and _spaced(tokens[i - 1]) and _spaced(tokens[i])


def _plays(tokens: list[Token], i: int) -> bool:
    token = tokens[i]
    if token.possessive or _credited(tokens, i) or (i > 0 and tokens[i - 1].key == "young"):
        return True  # "Reid's free kick", "a header from Reid", "young Mensah"
    if i + 1 >= len(tokens) or not _spaced(tokens[i + 1]):
        return False
    after = tokens[i + 1].key
    if after in PLAYER_VERBS or (len(after) > 4 and after.endswith(PLAY_ENDINGS)):
        return True  # "Bennett scored", and any doing ("Murphy keeping another clean sheet")
    following = tokens[i + 2].key if i + 2 < len(tokens) and _spaced(tokens[i + 2]) else ""
    return (after, following) in PLACES_ON_TEAM or (after == "with" and following in ("a", "an", "the"))


def _spaced(token: Token) -> bool:
    return SPACE_GAP.fullmatch(token.gap) is not None


def _match(token: Token) -> NameMatch:
    end = token.end - 2 if token.possessive else token.end
    return NameMatch(token.start, end, Form.SURNAME, None, token.text[:end - token.start], None,
                     (token.start, end), Reason.SURNAME_IN_REPORT)


def surname_first(ev: Evidence) -> list[NameMatch]:
    """A surname written before the first name, as Hungarian, Chinese, Vietnamese and school
    registers do: "CHEN Mei", "WONG Leo", "Nagy Bence (Y4)". The surname must be one the
    gazetteer knows and, unless it is written in capitals, not also a first name; the first
    name must be a known one; and something must say so: the surname in capitals (the
    register's convention), a class label after the name, or a surname of a culture that
    writes it first ("Nguyễn Minh Anh", "Szabó Réka"), before a name or a word no list knows.
    A roster pupil's surname then first name counts in any letter case ("reid tom, singh maya")."""
    tokens = ev.tokens
    found: list[NameMatch] = []
    for i in range(len(tokens) - 1):
        surname, first = tokens[i], tokens[i + 1]
        if surname.ruled_out or first.ruled_out or surname.tag >= 0 or first.tag >= 0:
            continue
        if ev.pupil(first.key, surname.key) and SPACE_GAP.fullmatch(first.gap) and not surname.possessive:
            found.append(_surname_first_match(surname, first))  # a pupil's, in any case: "reid tom"
            continue
        if not (surname.cap and first.cap) or not SPACE_GAP.fullmatch(first.gap) or first.text.isupper():
            continue
        if surname.key not in ev.gaz.surnames or (i > 0 and (ev.is_title(tokens[i - 1])
                                                            or tokens[i - 1].key in DETERMINERS)):
            continue
        if unaccented(surname.key) in ev.lex.surname_first and not first.text.isupper():
            if ev.first_strength(first) == 2 or ev.unknown(first):
                found.append(_surname_first_match(surname, first))
            continue
        shouted = surname.text.isupper() and len(surname.key) > 1
        if not shouted and CLASS_LABEL.match(ev.text, first.name_end) is None:
            continue
        if not shouted and surname.key in ev.gaz.first_names:
            continue  # "Grace Mei (Y4)" is a first name then another name: the full-name finder's
        if ev.first_strength(first) != 2:
            continue
        found.append(_surname_first_match(surname, first))
    return found


def _surname_first_match(surname: Token, first: Token) -> NameMatch:
    return full_match(surname.start, first, surname, Reason.SURNAME_FIRST)
