"""URL extraction as twitter-text does it (extractUrlsWithIndices): schemes, scheme-less
domains on known TLDs (data/tlds.txt), t.co slugs, length and punycode limits."""

from __future__ import annotations

import functools
import re
from typing import Any

from tweetguard.core.paths import DATA
from tweetguard.core.patterns import compiled_re
from tweetguard.text.twitter_text.url_starts import url_matches

# ---------------------------------------------------------------------------
# Regex building blocks (verbatim from twitter-text js/src/regexp/*)

_PUNCT = r"\!'#%&'\(\)*\+,\\\-\.\/:;<=>\?@\[\]\^_{|}~\$"
_SPACES = r"\x09-\x0D\x20\x85\xA0\u1680\u180E\u2000-\u200A\u2028\u2029\u202F\u205F\u3000"
_INVALID_GROUP = r"\uFFFE\uFEFF\uFFFF"
_DIRECTIONAL = r"\u202A-\u202E\u061C\u200E\u200F\u2066\u2067\u2068\u2069"
LATIN_ACCENT = (
    r"\xC0-\xD6\xD8-\xF6\xF8-\xFF\u0100-\u024F\u0253\u0254\u0256\u0257\u0259"
    r"\u025B\u0263\u0268\u026F\u0272\u0289\u028B\u02BB\u0300-\u036F\u1E00-\u1EFF"
)
_CYRILLIC = r"\u0400-\u04FF"
_URL_QUERY_CHARS = r"[a-z0-9!?\*'@\(\);:&=\+\$\/%#\[\]\-_\.,~|]"
_URL_QUERY_END = r"[a-z0-9\-_&=#\/]"
HASHTAG_SPECIAL = r"_\u200c\u200d\ua67e\u05be\u05f3\u05f4\uff5e\u301c\u309b\u309c\u30a0\u30fb\u3003\u0f0b\u0f0c\xb7"

_MAX_URL_LENGTH = 4096
_MAX_TCO_SLUG_LENGTH = 40
_MAX_DOMAIN_LABEL_LENGTH = 63
_DEFAULT_PROTOCOL = "https://"
# Beyond this many dots, URLs are searched for run by run (url_starts): same answers, and a
# long run of dotted words no longer takes seconds.
DOTS_FOR_A_SEARCH_BY_RUNS = 12


@functools.cache
def _tlds() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(generic, country) TLDs in upstream order (it is the alternation order)."""
    lists: dict[str, list[str]] = {"generic": [], "country": []}
    current: list[str] | None = None
    with open(DATA / "tlds.txt", encoding="utf-8") as fh:
        for raw in fh:
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            if line.startswith("[") and line.endswith("]"):
                current = lists[line[1:-1]]
            elif current is not None:
                current.append(line)
    return tuple(lists["generic"]), tuple(lists["country"])


@functools.cache
def regex_module() -> Any:
    # Imported lazily: `regex` costs ~20 ms to import. Only hashtags need it
    # (for \p{L}, \p{M}, \p{Nd}); weighted length never imports it.
    import regex

    return regex


def _tld_group(tlds: tuple[str, ...]) -> str:
    alts = "|".join(re.escape(t) for t in tlds)
    # JS `$` (no m flag) is end of input, which is `\Z` in Python.
    return rf"(?:(?:{alts})(?=[^0-9a-zA-Z@+\-]|\Z))"


@functools.cache
def _url_patterns() -> dict[str, re.Pattern[str]]:
    # URL rules need no Unicode properties, so stdlib `re` does: it compiles
    # the 1,574-TLD alternation ~3x faster than `regex` and is already loaded.
    generic, country = _tlds()
    gtld, cctld = _tld_group(generic), _tld_group(country)
    punycode = r"(?:xn--[\-0-9a-z]+)"
    domain_char = rf"[^{_PUNCT}{_SPACES}{_INVALID_GROUP}{_DIRECTIONAL}]"
    subdomain = rf"(?:(?:{domain_char}(?:[_\-]|{domain_char})*)?{domain_char}\.)"
    domain_name = rf"(?:(?:{domain_char}(?:\-|{domain_char})*)?{domain_char}\.)"
    domain = rf"(?:{subdomain}*{domain_name}(?:{gtld}|{cctld}|{punycode}))"
    path_char = rf"[a-z{_CYRILLIC}0-9!\*';:=\+,\.\$\/%#\[\]\-\u2013_~@\|&{LATIN_ACCENT}]"
    parens = (
        rf"\((?:{path_char}+|(?:{path_char}*\({path_char}+\){path_char}*))\)"
    )
    path_end = rf"(?:[\+\-a-z{_CYRILLIC}0-9=_#\/{LATIN_ACCENT}]|(?:{parens}))"
    path = rf"(?:(?:{path_char}*(?:{parens}{path_char}*)*{path_end})|(?:@{path_char}+\/))"
    preceding = rf"(?:[^A-Za-z0-9@＠$#＃{_INVALID_GROUP}]|[{_DIRECTIONAL}]|^)"
    extract = (
        rf"(?P<before>{preceding})"
        rf"(?P<url>(?P<protocol>https?:\/\/)?"
        rf"(?P<domain>{domain})"
        rf"(?::(?P<port>[0-9]+))?"
        rf"(?P<path>\/{path}*)?"
        rf"(?P<query>\?{_URL_QUERY_CHARS}*{_URL_QUERY_END})?)"
    )
    ascii_domain = (
        rf"(?:(?:[\-a-z0-9{LATIN_ACCENT}]+)\.)+(?:{gtld}|{cctld}|{punycode})"
    )
    tco = rf"^https?:\/\/t\.co\/(?P<slug>[a-z0-9]+)(?:\?{_URL_QUERY_CHARS}*{_URL_QUERY_END})?"
    return {
        "extract": compiled_re(extract, re.IGNORECASE),
        # for url_starts: the runs a domain lies in, and the domain's last part
        "runs": compiled_re(rf"(?:{domain_char}|[\-_.])+", re.IGNORECASE),
        "tld": compiled_re(rf"(?:{gtld}|{cctld}|{punycode})", re.IGNORECASE),
        "ascii_domain": compiled_re(ascii_domain, re.IGNORECASE),
        "tco": compiled_re(tco, re.IGNORECASE),
        "bad_preceding": compiled_re(r"[\-_.\/]\Z"),
        "punycode_sep": compiled_re("[\u3002\uff0e\uff61]"),
    }


# ---------------------------------------------------------------------------
# URL extraction


def extract_urls_with_indices(text: str) -> list[tuple[str, int, int]]:
    """URLs as (url, start, end), end exclusive; scheme-less domains included."""
    if "." not in text:
        return []
    pats = _url_patterns()
    urls: list[tuple[str, int, int]] = []
    many_dots = text.count(".") > DOTS_FOR_A_SEARCH_BY_RUNS
    found = url_matches(text, pats["extract"], pats["runs"], pats["tld"]) if many_dots \
        else pats["extract"].finditer(text)
    for m in found:
        url, protocol, domain = m.group("url"), m.group("protocol"), m.group("domain")
        start, end = m.start("url"), m.end("url")
        if not _is_valid_url(url, protocol or _DEFAULT_PROTOCOL, domain):
            continue
        if protocol:
            tco = pats["tco"].match(url)
            if tco:
                # t.co links take no extra path characters.
                if len(tco.group("slug")) > _MAX_TCO_SLUG_LENGTH:
                    continue
                url = tco.group(0)
                end = start + len(url)
            urls.append((url, start, end))
            continue
        urls.extend(_scheme_less_urls(m, pats))
    return urls


def _scheme_less_urls(m: Any, pats: dict[str, Any]) -> list[tuple[str, int, int]]:
    """Without a scheme only ASCII-ish domains count (twitter-text rule)."""
    if pats["bad_preceding"].search(m.group("before")):
        return []
    url, domain, path = m.group("url"), m.group("domain"), m.group("path")
    start = m.start("url")
    found = [
        (a.group(0), start + a.start(), start + a.end())
        for a in pats["ascii_domain"].finditer(domain)
    ]
    if found and path:
        # The last domain found carries the path and query.
        last, s, _e = found[-1]
        found[-1] = (url.replace(domain, last, 1), s, m.end("url"))
    return found


def _is_valid_url(url: str, protocol: str, domain: str) -> bool:
    """Port of isValidUrl + idna.toAscii: every label must punycode-encode to
    1..63 chars. (toAscii returns the domain unchanged, so the length test
    uses the raw url length.)"""
    pats = _url_patterns()
    if domain[:4] == "xn--" and not pats["ascii_domain"].search(domain):
        return False
    for label in domain.split("."):
        size = _punycode_length(label, pats["punycode_sep"])
        if size < 1 or size > _MAX_DOMAIN_LABEL_LENGTH:
            return False
    return len(protocol) + len(url) <= _MAX_URL_LENGTH


def _punycode_length(label: str, separators: Any) -> int:
    """Length of punycode.js toASCII(label), which also splits on the
    ideographic full stops."""
    parts = separators.split(label)
    total = len(parts) - 1
    for part in parts:
        if any(ord(c) > 0x7E for c in part):
            total += 4 + len(part.encode("punycode"))
        else:
            total += len(part)
    return total
