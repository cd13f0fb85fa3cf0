"""``contact``: phone numbers, email addresses and home addresses, however they are written.

``detect`` chooses what to find:
- ``phone``: UK personal numbers (01, 02 and 07 numbers, written with +44 or 0044 too,
  with spaces, dots, dashes or brackets). 03, 08 and 09 numbers are organisations'
  (councils, helplines), so they are not personal data. Dates, times, years, scores and
  prices never have the leading 0 and 10 or 11 digits. A number after an ``organisation``
  word ("call the school office on ...") is the school's own, not personal.
- ``email``: addresses, also disguised ("jo dot bloggs at hotmail dot co dot uk",
  "jo[at]gmail[dot]com"). The school's own domains (config ``school_email_domains``) are fine.
- ``address``: UK postcodes (real area codes and the inward-code letter rules) and a house
  number followed by a street name ("14 Acacia Avenue"). ``public_places``: addresses a
  school can list as public (its own), which are fine.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Any, Iterator, Mapping

import regex

from tweetguard.core.model import Draft, Finding, Rule
from tweetguard.core.paths import DATA
from tweetguard.core.patterns import compiled_regex, lazy_re, lazy_regex
from tweetguard.kinds.base import Check, Context, Param, RuleParamError
from tweetguard.text.before import last_word
from tweetguard.text.phrases import find_all, gather, phrase_index
from tweetguard.text.spans import Spans
from tweetguard.text.wordmatch import MATCH_TIMEOUT_SECONDS, merge_spans, text_words

PARAMS = {
    "detect": Param(str, required=True, help="phone, email or address"),
    "organisation": Param(list, default=[], help="words before a number that make it an organisation's"),
    "street_types": Param(list, default=[], help="words that end a street name (Road, Lane...)"),
    "not_house_numbers": Param(list, default=[], help="words before a number that make it no house number"),
    "public_places": Param(list, default=[], help="addresses and postcodes that are public (the school's)"),
    "public_lists": Param(list, default=[], help="catalogue lists of public addresses"),
    "suggestion": Param(str, default=None),
}
DETECTORS = ("phone", "email", "address")

PHONE = lazy_regex(r"(?<![\w+])(?:\+|00)?[(\d][\d ().\-]{7,18}\d(?![\w])", regex.V1)
PHONE_GROUPS = lazy_regex(r"\d+")
DIGIT = lazy_regex(r"\d")
# A personal number has 10 or 11 digits (more with +44): fewer in the draft, no number.
MIN_PHONE_DIGITS = 10
NOT_A_NUMBER = lazy_regex(r"\d[ .\-]{2,}\d|\)\s*\(")
COUNTRY_CODE = lazy_regex(r"^(?:00)?44")
CLAUSE_END = lazy_regex(r"[.!?\n]")
SPELT = lazy_regex(r"(?<![\w])(?:at|dot)(?![\w])", regex.IGNORECASE)

LOCAL = r"[a-z0-9](?:[a-z0-9._%+\-]*[a-z0-9])?"
# The address patterns below are compiled when a draft first needs them (case-insensitive
# V1 patterns take milliseconds each to compile, and most drafts never reach them).


@cache
def email_pattern() -> regex.Pattern[str]:
    return compiled_regex(rf"(?<![\w.@]){LOCAL}@((?:[a-z0-9\-]+\.)+[a-z]{{2,}})(?![\w@])", regex.V1 | regex.IGNORECASE)


# An address's "@" or "at" followed by a domain's first dot, loosely (Python's re is fast at
# this): a draft without it has no address, plain or disguised, and skips the slow patterns.
MAYBE_EMAIL = lazy_re(r"(?:@|at)\s*[\])]?\s*[a-z0-9\-]+(?:\s*[\[(]\s*dot|\s+dot|\.)", re.IGNORECASE)
# Disguised: "at" and "dot" spelt out (bracketed or not), or a real @ with spelt-out dots.
AT = r"(?:\s*[\[(]\s*at\s*[\])]\s*|\s+at\s+|\s*@\s*)"
DOT = r"(?:\s*[\[(]\s*dot\s*[\])]\s*|\s+dot\s+|\.)"
SPOKEN_DOT = lazy_regex(DOT, regex.IGNORECASE)


@cache
def disguised_pattern() -> regex.Pattern[str]:
    return compiled_regex(
        rf"(?<![\w.@])([a-z0-9_%+\-]+(?:{DOT}[a-z0-9_%+\-]+)*){AT}([a-z0-9\-]+(?:{DOT}[a-z0-9\-]+)+)(?![\w])",
        regex.V1 | regex.IGNORECASE,
    )


POSTCODE_AREAS = (
    "AB AL B BA BB BD BH BL BN BR BS BT CA CB CF CH CM CO CR CT CV CW DA DD DE DG DH DL DN DT DY E EC EH EN "
    "EX FK FY G GL GU HA HD HG HP HR HS HU HX IG IP IV KA KT KW KY L LA LD LE LL LN LS LU M ME MK ML N NE NG "
    "NN NP NR NW OL OX PA PE PH PL PO PR RG RH RM S SA SE SG SK SL SM SN SO SP SR SS ST SW SY TA TD TF TN TQ "
    "TR TS TW UB W WA WC WD WF WN WR WS WV YO ZE GY JE IM"
).split()
# Every postcode has its inward code (a digit, two capitals): without one, no postcode.
MAYBE_POSTCODE = lazy_re(r"\d[ABD-HJLNP-UW-Z]{2}")


@cache
def postcode_pattern() -> regex.Pattern[str]:
    return compiled_regex(
        rf"(?<![\w])(?:{'|'.join(sorted(POSTCODE_AREAS, key=len, reverse=True))})"
        r"\d[A-Z\d]?\s*\d[ABD-HJLNP-UW-Z]{2}(?![\w])",
        regex.V1,
    )


@lru_cache(maxsize=1)
def top_level_domains() -> frozenset[str]:
    text = (DATA / "tlds.txt").read_text(encoding="utf-8")
    return frozenset(line.strip().lower() for line in text.splitlines()
                     if line.strip() and line[0] not in "#[")


def _uk_number(raw: str) -> bool:
    """Whether digits written like this are a personal UK phone number."""
    if NOT_A_NUMBER.search(raw) or raw.count("(") != raw.count(")"):
        return False
    groups = PHONE_GROUPS.findall(raw.replace("(0)", " "))
    if any(len(g) == 1 for g in groups[1:]) and len(groups) > 3:
        return False  # "1 2 3 4 5 6": counting, not a number
    digits = "".join(groups)
    if raw.lstrip().startswith(("+", "00")) and (digits.startswith("44") or digits.startswith("0044")):
        digits = "0" + COUNTRY_CODE.sub("", digits)
    if not digits.startswith("0") or len(digits) not in (10, 11):
        return False
    return digits[1] in "127" and (digits[1] != "7" or len(digits) == 11)


def _domain_is_school(domain: str, school: tuple[str, ...]) -> bool:
    domain = domain.lower().rstrip(".")
    return any(domain == d or domain.endswith("." + d) for d in school)


def _spoken(value: str) -> str:
    """ "bloggs [dot] co dot uk" -> "bloggs.co.uk" """
    return SPOKEN_DOT.sub(".", value).replace(" ", "").lower()


def _phones(text: str, organisation: tuple[str, ...] | Any) -> Iterator[tuple[int, int]]:
    if len(DIGIT.findall(text)) < MIN_PHONE_DIGITS:
        return
    for match in PHONE.finditer(text, timeout=MATCH_TIMEOUT_SECONDS):
        raw = match.group().rstrip(" .-")
        if not _uk_number(raw):
            continue
        before = text[max(0, match.start() - 60) : match.start()]
        clause = CLAUSE_END.split(before)[-1]
        if organisation and find_all(clause, organisation):
            continue
        yield match.start(), match.start() + len(raw)


def _emails(text: str, school: tuple[str, ...]) -> Iterator[tuple[int, int]]:
    if not MAYBE_EMAIL.search(text) and not text_words(text).unsafe:
        return
    plain = [m for m in email_pattern().finditer(text, timeout=MATCH_TIMEOUT_SECONDS)]
    for match in plain:
        if not _domain_is_school(match.group(1), school):
            yield match.span()
    tlds = top_level_domains()
    # Both lists run left to right without overlapping themselves, so the plain addresses
    # a disguised one could overlap are found by walking along them once (not each time).
    later = 0
    for match in disguised_pattern().finditer(text, timeout=MATCH_TIMEOUT_SECONDS):
        while later < len(plain) and plain[later].end() <= match.start():
            later += 1
        if later < len(plain) and plain[later].start() < match.end():
            continue  # overlaps a plain address
        if not SPELT.search(match.group()):
            continue  # no word spelt out: an ordinary address, found above
        domain = _spoken(match.group(2))
        if domain.rsplit(".", 1)[-1] not in tlds or _domain_is_school(domain, school):
            continue
        yield match.span()


@lru_cache(maxsize=16)
def street_pattern(street_types: tuple[str, ...]) -> regex.Pattern[str] | None:
    """A house number and a capitalised street name ending in one of ``street_types``."""
    if not street_types:
        return None
    types = "|".join(regex.escape(t) for t in sorted(street_types, key=len, reverse=True))
    return compiled_regex(
        rf"(?<![\w£$.,:/-])(\d{{1,4}}[a-zA-Z]?),?\s+((?:\p{{Lu}}[\p{{L}}'’-]+\s+){{1,3}}(?:{types}))(?![\w])",
        regex.V1,
    )


def _addresses(text: str, street_types: tuple[str, ...], not_house: frozenset[str] | tuple[str, ...]
               ) -> Iterator[tuple[int, int]]:
    if not DIGIT.search(text):  # postcodes and house numbers both have a digit
        return
    if MAYBE_POSTCODE.search(text):
        for match in postcode_pattern().finditer(text, timeout=MATCH_TIMEOUT_SECONDS):
            yield match.span()
    street = street_pattern(street_types)  # compiled when a draft first has a digit
    if street is None:
        return
    for match in street.finditer(text, timeout=MATCH_TIMEOUT_SECONDS):
        before = last_word(text, match.start(), spaces_only=True)
        if before and text[before[0]:before[1]].lower() in not_house:
            continue
        yield match.span()


def build(rule: Rule, lists: Mapping[str, tuple[str, ...]]) -> Check:
    p = rule.params
    detect = p["detect"]
    if detect not in DETECTORS:
        raise RuleParamError("detect", f"'{detect}' is not known; use {', '.join(DETECTORS)}")
    organisation = tuple(str(w) for w in p["organisation"] or ())
    street_types = tuple(str(w) for w in p["street_types"] or ())
    not_house = frozenset(str(w).lower() for w in p["not_house_numbers"] or ())
    public = phrase_index(gather(p["public_places"], p["public_lists"], lists, "public_lists"))
    organisation_words = phrase_index(organisation)

    def check(draft: Draft, ctx: Context) -> Iterator[Finding]:
        text = ctx.view.text
        if detect == "phone":
            spans = list(_phones(text, organisation_words))
        elif detect == "email":
            spans = list(_emails(text, ctx.settings.school_domains))
        else:
            spans = list(_addresses(text, street_types, not_house))
            allowed = Spans(find_all(text, public) if spans else ())
            spans = [s for s in spans if not allowed.hold(s)]
        for span in merge_spans(spans):
            yield Finding(*ctx.view.to_original(*span), p["suggestion"])

    return check
