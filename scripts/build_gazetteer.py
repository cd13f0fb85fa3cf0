#!/usr/bin/env python3
"""Build tweetguard's name gazetteer data files (development-time only).

This script is NOT imported by tweetguard at run time. It regenerates three
data files that ship inside the package:

* ``src/tweetguard/data/first_names.txt``  - given names (from Faker, MIT)
* ``src/tweetguard/data/surnames.txt``     - family names (from Faker, MIT)
* ``src/tweetguard/data/common_words.txt`` - common lower-case English words
  (from wordfreq's data, CC BY-SA 4.0, filtered with the public-domain
  Webster's Second International "web2" word list via the ``english-words``
  package)

Regenerate with (from the repository root)::

    python3 -m venv /tmp/gz
    /tmp/gz/bin/pip install "faker==40.54.0" "wordfreq==3.1.1" \
        "english-words==2.0.2" regex
    /tmp/gz/bin/python scripts/build_gazetteer.py

Pass ``--out DIR`` to write somewhere other than ``src/tweetguard/data``.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import importlib
import importlib.metadata
import unicodedata
from collections.abc import Iterable, Iterator
from pathlib import Path

import regex

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_OUT = REPO_ROOT / "src" / "tweetguard" / "data"

REGENERATE = (
    "python3 -m venv /tmp/gz && /tmp/gz/bin/pip install "
    '"faker==40.54.0" "wordfreq==3.1.1" "english-words==2.0.2" regex && '
    "/tmp/gz/bin/python scripts/build_gazetteer.py"
)

FAKER_COPYRIGHT = "Copyright (c) 2012 Daniele Faraglia"

# Faker person-provider locales, in priority order: when two locales spell the
# same name with different capitalisation, the earlier locale's form is kept.
# Locales whose lists are only in a non-Latin script (ar_*, hi_IN, bn_BD, el_GR,
# ru_RU, uk_UA, bg_BG, fa_IR, he_IL, ta_IN, si_LK, ko_KR, th_TH, ...) contribute
# nothing and are left out; ja_JP / zh_CN / zh_TW contribute their romanised lists.
LOCALES: tuple[str, ...] = (
    # British Isles and the English-speaking world
    "en_GB", "en_IE", "ga_IE", "en", "en_US", "en_NZ",
    # South Asia (romanised)
    "en_IN", "en_PK",
    # Africa
    "yo_NG", "ig_NG", "ha_NG", "en_NG", "tw_GH", "en_KE", "sw", "zu_ZA",
    # Central and Eastern Europe
    "pl_PL", "ro_RO", "lt_LT", "lv_LV", "et_EE", "sk_SK", "cs_CZ", "hu_HU",
    "hr_HR", "sl_SI",
    # Western and Southern Europe
    "pt_PT", "pt_BR", "it_IT", "es_ES", "es_MX", "es_CO", "fr_FR", "fr_BE",
    "de_DE", "de_AT", "de_CH", "nl_NL", "nl_BE",
    # Nordic
    "sv_SE", "da_DK", "no_NO", "fi_FI",
    # Turkey, the Caucasus, Central Asia, North Africa (Latin-script lists)
    "tr_TR", "az_AZ", "uz_UZ", "fr_DZ",
    # East and South-East Asia (romanised)
    "zh_CN", "zh_TW", "ja_JP", "vi_VN", "id_ID", "en_TH",
)

# One token of Latin letters (combining marks allowed after NFC, for safety),
# with optional internal hyphens or apostrophes: Lily-Rose, O'Neill, Zoë, Łukasz.
LATIN_TOKEN = regex.compile(r"^\p{Latin}[\p{Latin}\p{M}]*(?:['\-]\p{Latin}[\p{Latin}\p{M}]*)*$")
COMMON_WORD = regex.compile(r"^[a-z]+(?:['\-][a-z]+)*$")

# Letters that NFKD does not decompose into ASCII + combining mark.
_ASCII_FOLD = str.maketrans(
    {
        "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ı": "i",
        "ß": "ss", "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe", "þ": "th",
        "Þ": "Th", "ð": "d", "Ð": "D", "ħ": "h", "Ħ": "H",
    }
)

# Entries that are not realistically a child's given name in the UK: English
# function words and similar junk. (Real names that are also words - Will,
# Grace, Rose, Hope, May, Mark, Sky, Hunter - are deliberately kept; the rule
# engine resolves that ambiguity from context.)
FIRST_NAME_JUNK: frozenset[str] = frozenset(
    """
    a an and are as at be been but by can did do does for from had has have
    he her here him his how i if in into is it its me my no not of on or our
    she so than that the their them then there these they this those to too
    up us was we were what when where which who why with you your yes over
    come side age
    ah ha el le na min
    made man long little ever lot case job less general early true friend
    york north reason red among major media west son london baby chance
    america star king park press worth china add french january council
    rock beat link gun author judge lady sister brain floor france cash
    spring sunday rich doctor gay captain carry male texas hall queen royal
    sad silver stone christ till wood florida roll unique mad angeles lies
    victory governor boss forest banks joke loan boston era golden lawyer
    muslim storm asia journey bird jail minor orange tiny wing branch heaven
    constant sing marine princess unknown pink cap fed gang bush hunt santa
    rush harm server wash math rome wage odd colonel saint buddy columbia
    marry arizona berlin bishop forum hence valid doc fate melbourne fancy
    ties fleet chip indiana edit toy candy jet sole con nazi cleveland isis
    missouri oral alpha noble pleasant canal nail skip tennessee loyal yoga
    louisiana raid trace metro marvel shade lean peer cuba kenya owe delta
    easter ham ridge babe unnamed infant versa colon manly icy pleas ab dock
    canyon tab fairy doll lemon admiral handy almond ala erie miner
    """.split()
)
SURNAME_JUNK: frozenset[str] = frozenset(
    """
    a an and are as at be but by for from he her him his i if in is it me my
    not of on or our she so that the their them they this to us was we with
    you your
    were too each must put such made soon more seven company front drop fit
    grab parts cases link real job lower basic gas
    """.split()
)

# Very common UK given names (England & Wales, Scotland, Northern Ireland, and
# the UK's larger communities) that the Faker lists above do not contain.
# These are public, common given names - not personal data. Only the ones
# still missing after the Faker pass are written, under "# hand-added".
HAND_ADDED_FIRST_NAMES: tuple[str, ...] = (
    # Modern UK top-100 style names
    "Alfie", "Archie", "Arlo", "Aurora", "Ava", "Bonnie", "Brody", "Ellie",
    "Elsie", "Esme", "Evie", "Ezra", "Finley", "Florence", "Freddie",
    "Freya", "Harper", "Harrison", "Harvey", "Isla", "Ivy", "Jaxon", "Jude",
    "Kai", "Lily-Rose", "Lola", "Lottie", "Luca", "Maisie", "Maya", "Millie",
    "Mila", "Nancy", "Ollie", "Orla", "Ottilie", "Penelope", "Poppy", "Reggie",
    "Ronnie", "Rosie", "Rory", "Sienna", "Sofia", "Teddy", "Theo", "Tommy",
    "Willow", "Zachary", "Hallie", "Thea", "Myla", "Ada", "Elodie", "Margot",
    "Mabel", "Ezekiel", "Albie", "Alba", "Hugo", "Otis", "Ralph", "Rowan",
    "Ayla", "Zara", "Daisy-Mae", "Mary-Jane", "Ellie-Mae", "Lacey", "Tilly",
    "Darcie", "Darcey", "Maddison", "Ruby-Mae", "Amelia-Rose", "Tyler-James",
    # Welsh, Scottish, Irish
    "Rhys", "Dylan", "Cerys", "Seren", "Carys", "Ffion", "Gethin", "Eira",
    "Osian", "Ioan", "Tomos", "Gwen", "Megan", "Niamh", "Siobhan", "Aoife",
    "Ciara", "Saoirse", "Roisin", "Caoimhe", "Oisin", "Cillian", "Eoin",
    "Padraig", "Ruairi", "Callum", "Lachlan", "Ailsa", "Iona", "Eilidh",
    "Mhairi", "Kirsty", "Fraser", "Struan", "Finlay", "Cormac", "Tadhg",
    # South Asian (Indian, Pakistani, Bangladeshi, Sri Lankan)
    "Aarav", "Ayaan", "Arjun", "Aryan", "Vihaan", "Reyansh", "Ishaan", "Rohan",
    "Priya", "Anika", "Aanya", "Diya", "Isha", "Kavya", "Saanvi", "Harpreet",
    "Gurpreet", "Manpreet", "Jaspreet", "Simran", "Harjit", "Amrit", "Navdeep",
    "Mohammed", "Muhammad", "Mohammad", "Ahmed", "Ibrahim", "Yusuf", "Zayn",
    "Zain", "Hamza", "Ayesha", "Aisha", "Fatima", "Maryam", "Zainab",
    "Khadija", "Hafsa", "Inaaya", "Eesa", "Musa", "Raheem", "Rahim", "Tahmid",
    "Tasnim", "Nusrat", "Farhana", "Sadia", "Rumana", "Tanvir", "Shanthi",
    "Tharushi", "Nimal", "Kasun", "Dinesh", "Thilini",
    # Arabic, Somali, East African
    "Omar", "Ali", "Hassan", "Hussein", "Abdullah", "Abdi", "Abdirahman",
    "Mohamed", "Yasmin", "Amina", "Ayan", "Hodan", "Hibo", "Ilhan", "Sagal",
    "Farah", "Nasra", "Ubah", "Warsame", "Guled", "Liban", "Mustafa", "Layla",
    "Leila", "Noor", "Nour", "Yara",
    # West African (Nigerian, Ghanaian)
    "Oluwaseun", "Oluwatobi", "Oluwadamilare", "Ayomide", "Temitope",
    "Tolulope", "Adebayo", "Ademola", "Folake", "Funmilayo", "Chidi",
    "Chidera", "Chinedu", "Chiamaka", "Chinonso", "Ngozi", "Emeka", "Ifeoma",
    "Obinna", "Amara", "Adaeze", "Kwame", "Kofi", "Kwabena", "Kojo", "Kwaku",
    "Kweku", "Yaw", "Ama", "Akosua", "Abena", "Adwoa", "Efua", "Esi", "Afia",
    "Yaa", "Nana",
    # Polish and other European
    "Zofia", "Wiktoria", "Aleksander", "Jakub", "Szymon", "Kacper", "Filip",
    "Antoni", "Oliwia", "Maja", "Zuzanna", "Lena", "Hanna", "Natalia",
    "Mateusz", "Bartosz", "Łukasz", "Lukasz", "Wojciech", "Krzysztof",
    "Andrei", "Ioana", "Bianca", "Matei", "Luka", "Tomas", "Lukas", "Matteo",
    "Leonardo", "Giulia", "Chiara", "Mateo", "Lucia", "Ines", "Tiago",
    "Afonso", "Emre", "Elif", "Zeynep", "Yusuf",
    # East and South-East Asian
    "Mei", "Hiroshi", "Yuki", "Haruto", "Sakura", "Hana", "Wei", "Jun",
    "Ling", "Xin", "Yi", "Hao", "Chen", "Minh", "Linh", "Anh", "Duc",
    "Thanh", "Trang", "Jasmine", "Angel", "Mae",
    # Chinese (pinyin) and Korean given names
    "Tianyu", "Haoran", "Yuxuan", "Zihan", "Yichen", "Jiaming", "Xinyi",
    "Yutong", "Zixuan", "Ruoxi", "Muchen", "Junjie", "Jiayi", "Yiming", "Xinyu",
    "Yuxin", "Siyu", "Ziyi", "Minjun", "Seojun", "Jiwoo", "Seoyeon", "Jiho",
    "Haeun",
    # Short forms that school posts use as the child's name ("Wilf", "Izzy", "Dougie")
    "Wilf", "Wilfie", "Izzy", "Maddie", "Ozzy", "Vinny",
    "Dougie", "Iolo", "Cai", "Alfi", "Bea", "Kit", "Ned", "Sid", "Stan", "Ted",
    "Bertie", "Albie", "Frankie", "Georgie", "Sonny", "Woody", "Nell", "Nellie",
    "Tess", "Kitty", "Peggy", "Gracie", "Mollie", "Libby", "Lexi", "Evie",
    "Benji",
)

# Family names the Faker lists lack in Latin letters: Faker's zh_CN/zh_TW/ko providers
# write them in their own scripts. Pinyin, Cantonese and Korean romanisations that are not
# also everyday English words (Sun, Ma, He, Song, Do, Islam, Butt are left out on purpose).
HAND_ADDED_SURNAMES: tuple[str, ...] = (
    "Zhao", "Zhou", "Xu", "Zhu", "Guo", "Gao", "Luo", "Zheng", "Liang", "Xie",
    "Feng", "Cao", "Peng", "Zeng", "Xiao", "Tian", "Dong", "Yuan", "Cai",
    "Jiang", "Cheng", "Wei", "Shen", "Yao", "Cui", "Zhong", "Cheung", "Leung",
    "Ng", "Lau", "Kwok", "Yip", "Tsang", "Chow", "Kang", "Cho", "Yoon", "Jang",
    "Lim", "Shin", "Seo", "Kwon", "Hwang", "Ahn", "Phan", "Vo", "Ngo",
    # South Asian, Sri Lankan, Ghanaian and Somali family names the Faker lists lack
    "Qureshi", "Malik", "Uddin", "Siddiqui", "Mirza", "Javed", "Anwar", "Aziz",
    "Raza", "Nawaz", "Haque", "Hoque", "Mehta", "Sivakumar", "Fernando",
    "Jayasuriya", "Addo", "Warsame", "Sheikh", "Hashmi", "Rehman", "Abbasi",
    "Bukhari", "Zaidi",
)


def _items(value: object) -> Iterator[str]:
    """Yield the strings in a Faker name attribute (tuple, list or weighted dict)."""
    if isinstance(value, str):
        return
    if isinstance(value, dict):
        value = value.keys()
    if isinstance(value, Iterable):
        for item in value:
            if isinstance(item, str):
                yield item


def _is_first_attr(attr: str) -> bool:
    return attr.startswith("first_") and "names" in attr and "kana" not in attr


def _is_last_attr(attr: str) -> bool:
    return (
        "last_names" in attr
        and "kana" not in attr
        and attr != "last_names_without_suffix"
    )


def faker_names(locale: str, surnames: bool) -> list[str]:
    """All raw names of one kind from one Faker person-provider locale."""
    module = importlib.import_module(f"faker.providers.person.{locale}")
    provider = module.Provider
    wanted = _is_last_attr if surnames else _is_first_attr
    names: list[str] = []
    for attr in sorted(dir(provider)):
        if attr.startswith("_") or not wanted(attr):
            continue
        value = getattr(provider, attr)
        if callable(value):
            continue
        names.extend(_items(value))
    return names


def ascii_fold(name: str) -> str:
    """Łukasz -> Lukasz, Zoë -> Zoe, Nguyễn -> Nguyen."""
    decomposed = unicodedata.normalize("NFKD", name.translate(_ASCII_FOLD))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def tidy(raw: str) -> str | None:
    """Return a nicely capitalised single Latin-script token, or None to drop it."""
    name = unicodedata.normalize("NFC", raw.strip().replace("\u2019", "'"))
    if not LATIN_TOKEN.match(name):
        return None
    if name.isupper() or name.islower():
        parts = regex.split(r"(['\-])", name.lower())
        name = "".join(p[:1].upper() + p[1:] if p not in "'-" else p for p in parts)
    if name[:1].islower():
        # Lower-case particles on their own ("van", "de") are not a name token.
        return None
    return name


def sort_key(name: str) -> tuple[str, str]:
    return (ascii_fold(name).casefold(), name)


def collect(surnames: bool) -> dict[str, str]:
    """Casefolded key -> display form, over all LOCALES."""
    junk = SURNAME_JUNK if surnames else FIRST_NAME_JUNK
    seen: dict[str, str] = {}
    for locale in LOCALES:
        for raw in faker_names(locale, surnames):
            name = tidy(raw)
            if name is None or len(name) < 2:
                continue
            for form in (name, ascii_fold(name)):
                key = form.casefold()
                if key not in seen and key not in junk:
                    seen[key] = form
    return seen


def header(lines: Iterable[str]) -> str:
    return "".join(f"# {line}".rstrip() + "\n" for line in lines)


def faker_header(kind: str, locales: list[str], faker_version: str, built: str) -> str:
    return header(
        [
            f"tweetguard gazetteer: {kind}. One name per line, UTF-8; '#' lines are comments.",
            f"Source: Faker {faker_version} person providers (https://github.com/joke2k/faker),",
            f"  locales consulted: {' '.join(locales)}.",
            "  Kept: single tokens of Latin letters (internal hyphen/apostrophe allowed),",
            "  deduplicated case-insensitively; an ASCII-folded variant of each accented",
            "  name is added (Łukasz -> Lukasz). Names that are also common English words",
            "  (Will, Grace, Rose, Green, Ward...) are kept on purpose.",
            "Licence: MIT. Faker is " + FAKER_COPYRIGHT + ".",
            "  Permission is hereby granted, free of charge, to any person obtaining a copy of",
            "  this software and associated documentation files, to deal in the Software",
            "  without restriction, subject to the copyright notice and permission notice",
            "  being included; full text: https://github.com/joke2k/faker/blob/master/LICENSE.txt",
            f"Built: {built}",
            f"Regenerate: {REGENERATE}",
            "",
        ]
    )


def write_names(path: Path, kind: str, names: dict[str, str], locales: list[str],
                faker_version: str, built: str, hand_added: list[str] | None = None) -> int:
    body = sorted(names.values(), key=sort_key)
    text = faker_header(kind, locales, faker_version, built) + "".join(f"{n}\n" for n in body)
    if hand_added:
        text += header(
            [
                "",
                f"hand-added: common {kind} missing from the Faker lists above",
                "(public common names, not personal data; maintained in",
                "scripts/build_gazetteer.py, HAND_ADDED_FIRST_NAMES / HAND_ADDED_SURNAMES).",
            ]
        )
        text += "".join(f"{n}\n" for n in hand_added)
    path.write_text(text, encoding="utf-8")
    return len(body) + len(hand_added or [])


def build_common_words(names: set[str], target: int) -> list[str]:
    """The ``target`` most frequent English words that are real lower-case words.

    A word is dropped when it is a known first name or surname (``names``) and
    web2 does not list it as a lower-case dictionary word: thornton, reid, ellie
    go; grace, will, ward, brown stay (they are real words too). Everything else
    among wordfreq's most frequent words is kept, including newer vocabulary
    absent from web2 ("website", "online") and place names ("bristol").
    """
    from english_words import get_english_words_set
    from wordfreq import top_n_list

    web2_lower = {w for w in get_english_words_set(["web2"], lower=False) if w.islower()}
    kept: list[str] = []
    seen: set[str] = set()
    for word in top_n_list("en", 200_000):
        if len(kept) >= target:
            break
        if word in seen or not COMMON_WORD.match(word):
            continue
        seen.add(word)
        if word not in names or word in web2_lower:
            kept.append(word)
    return kept


def write_common_words(path: Path, words: list[str], built: str) -> int:
    wf = importlib.metadata.version("wordfreq")
    ew = importlib.metadata.version("english-words")
    text = header(
        [
            "tweetguard: common lower-case English words, most frequent first.",
            "UTF-8; '#' lines are comments.",
            f"Source: wordfreq {wf} (Robyn Speer, https://github.com/rspeer/wordfreq),",
            f"  top_n_list('en', ...), first {len(words)} entries that pass the filter below.",
            "  Filter: lower-case ASCII words (internal ' or - allowed); a word that is also in",
            "  tweetguard's first_names.txt or surnames.txt is kept only if Webster's Second",
            "  International (web2, public domain; via the english-words " + ew + " package, MIT)",
            "  lists it as a lower-case word (so grace, will, ward stay; thornton, reid go).",
            "Licence: CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/), as",
            "  wordfreq's data. This file is a derived work and is shared under the same licence.",
            "Attribution: wordfreq by Robyn Speer (doi:10.5281/zenodo.7199437), which includes data",
            "  from Google Books Ngrams (http://books.google.com/ngrams), the Leeds Internet Corpus,",
            "  Wikipedia, ParaCrawl, OPUS OpenSubtitles 2018 (with attribution to OpenSubtitles,",
            "  http://www.opensubtitles.org/), and the SUBTLEX word lists by Marc Brysbaert et al.",
            "  (SUBTLEX is freely available data; http://crr.ugent.be/programs-data/subtitle-frequencies).",
            f"Built: {built}",
            f"Regenerate: {REGENERATE}",
            "",
        ]
    )
    text += "".join(f"{w}\n" for w in words)
    path.write_text(text, encoding="utf-8")
    return len(words)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--common-words", type=int, default=30_000)
    args = parser.parse_args(argv)
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    built = _dt.date.today().isoformat()
    faker_version = importlib.metadata.version("faker")

    first = collect(surnames=False)
    last = collect(surnames=True)

    hand_added: list[str] = []
    for raw in HAND_ADDED_FIRST_NAMES:
        name = tidy(raw)
        assert name is not None, raw
        for form in (name, ascii_fold(name)):
            if form.casefold() not in first:
                first[form.casefold()] = form
                hand_added.append(form)
    # Hand-added names live in their own section, not in the sorted Faker body.
    faker_first = {k: v for k, v in first.items() if v not in hand_added}
    hand_added.sort(key=sort_key)

    n_first = write_names(out / "first_names.txt", "given names (first names)",
                          faker_first, list(LOCALES), faker_version, built, hand_added)
    hand_added_last = [n for n in (tidy(raw) for raw in HAND_ADDED_SURNAMES) if n and n.casefold() not in last]
    for name in hand_added_last:
        last[name.casefold()] = name
    hand_added_last.sort(key=sort_key)
    n_last = write_names(out / "surnames.txt", "family names (surnames)",
                         {k: v for k, v in last.items() if v not in hand_added_last}, list(LOCALES),
                         faker_version, built, hand_added_last)
    names = set(first) | set(last)
    n_words = write_common_words(out / "common_words.txt",
                                 build_common_words(names, args.common_words), built)
    print(f"first_names.txt: {n_first} ({len(hand_added)} hand-added)")
    print(f"surnames.txt: {n_last}")
    print(f"common_words.txt: {n_words}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
