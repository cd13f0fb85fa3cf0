"""The start-up cache (core.diskcache): compiled patterns and packed word lists kept between
runs in the user's cache folder, never a stale or different answer.

Every test here (and the whole suite, see conftest.py) points XDG_CACHE_HOME at a
temporary folder. Counts, never clocks: a warm run compiles nothing, a damaged file is
rebuilt, an edit to a rule file is a new key, and the report is the same byte for byte
with no cache, a cold one and a warm one.
"""

from __future__ import annotations

import importlib
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import regex
from conftest import REPO

from tweetguard.catalogue.loader import load_catalogue
from tweetguard.core import diskcache, patterns

# The module (the package's own `gazetteer` is the function of that name).
gazetteer_module = importlib.import_module("tweetguard.text.names.gazetteer")

AT = "2026-03-11T10:00"
ROSTER = REPO / "tests" / "corpus" / "roster.csv"

# Runs the real command line in a fresh process and prints, after the report, how many
# patterns tweetguard itself had to compile (not rebuild from the cache).
COUNTING = """
import sys, regex, re
from tweetguard.core import patterns
compiled = []
for module in (regex, re):
    real = module.compile
    def counted(*args, real=real, **kwargs):
        if sys._getframe(1).f_globals.get("__name__") == patterns.__name__:
            compiled.append(args[0])
        return real(*args, **kwargs)
    module.compile = counted
from tweetguard.cli import main
try:
    main(sys.argv[1:])
except SystemExit as exc:
    code = exc.code
print("COMPILED", len(compiled), "EXIT", code)
"""


def _corpus_file(tmp_path: Path, name: str = "drafts3.jsonl", limit: int = 120) -> Path:
    """Some of a labelled corpus as plain drafts (labels dropped, as check reads them)."""
    lines = (REPO / "tests" / "corpus" / name).read_text(encoding="utf-8").splitlines()[:limit]
    path = tmp_path / "drafts.jsonl"
    path.write_text("".join(json.dumps({"id": json.loads(line)["id"], "text": json.loads(line)["text"]},
                                       ensure_ascii=False) + "\n" for line in lines), encoding="utf-8")
    return path


def _run(cache: Path | None, *args: str) -> tuple[str, int]:
    """The report of a check in a new process, and how many patterns it compiled."""
    env = {k: v for k, v in os.environ.items() if k not in ("XDG_CACHE_HOME", "TWEETGUARD_NO_CACHE")}
    if cache is None:
        env["TWEETGUARD_NO_CACHE"] = "1"
    else:
        env["XDG_CACHE_HOME"] = str(cache)
    done = subprocess.run([sys.executable, "-c", COUNTING, "check", *args, "--at", AT, "--format", "json"],
                          capture_output=True, text=True, env=env, cwd=REPO, timeout=300, check=False)
    assert done.stderr == "", done.stderr
    report, _, counts = done.stdout.rpartition("COMPILED ")
    return report, int(counts.split()[0])


def _cache_files(cache: Path) -> list[Path]:
    return sorted((cache / "tweetguard").glob("*" + diskcache.SUFFIX))


def test_a_warm_start_compiles_nothing_and_reports_the_same(tmp_path: Path) -> None:
    drafts = _corpus_file(tmp_path)
    cache = tmp_path / "cache"
    uncached, compiled_without = _run(None, str(drafts))
    cold, compiled_cold = _run(cache, str(drafts))
    warm, compiled_warm = _run(cache, str(drafts))
    assert compiled_without > 100 and compiled_cold > 100  # every pattern compiled
    assert compiled_warm == 0  # every one rebuilt from the cache
    assert uncached == cold == warm
    assert [p.parent for p in _cache_files(cache)] == [cache / "tweetguard"]
    assert not _cache_files(tmp_path / "nowhere") and not list(tmp_path.glob("*.cache"))


def test_no_cache_writes_nothing(tmp_path: Path) -> None:
    home = tmp_path / "home"
    env = {**os.environ, "TWEETGUARD_NO_CACHE": "1", "XDG_CACHE_HOME": str(home)}
    done = subprocess.run([sys.executable, "-m", "tweetguard", "check", "--text", "Well done Year 6!", "--at", AT],
                          capture_output=True, text=True, env=env, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert not home.exists()


@pytest.mark.parametrize("damage", ["flip a byte", "truncate", "garbage", "empty", "another key"])
def test_a_damaged_cache_is_ignored_and_rebuilt(tmp_path: Path, damage: str) -> None:
    drafts = _corpus_file(tmp_path, limit=40)
    cache = tmp_path / "cache"
    expected, _ = _run(cache, str(drafts))
    [path] = _cache_files(cache)
    data = bytearray(path.read_bytes())
    if damage == "flip a byte":
        data[len(data) // 2] ^= 0xFF
    elif damage == "truncate":
        data = data[: len(data) // 3]
    elif damage == "garbage":
        data = bytearray(os.urandom(5000))
    elif damage == "empty":
        data = bytearray()
    else:  # a whole, valid file written for another key, under this key's name
        other = diskcache.Store(tmp_path / "other.cache", bytes(16))
        other.put("regex 0 x", b"not a pattern")
        other.save()
        data = bytearray((tmp_path / "other.cache").read_bytes())
    path.write_bytes(bytes(data))
    report, compiled = _run(cache, str(drafts))
    assert report == expected
    if damage not in ("flip a byte", "truncate"):
        assert compiled > 100  # nothing was taken from the file
    # (a flipped byte or a lost end damages some entries: those alone are built again)
    again, compiled_again = _run(cache, str(drafts))
    assert again == expected and compiled_again == 0  # and it was written whole again
    _assert_whole(path)


def _assert_whole(path: Path) -> None:
    """Every entry of a cache file is there and passes its check."""
    store = diskcache.Store(path, path.read_bytes()[len(diskcache.MAGIC):len(diskcache.MAGIC) + 16])
    assert len(store._index) > 100
    assert all(store._entry(where) is not None for where in store._index.values())


def test_a_damaged_entry_alone_is_built_again(tmp_path: Path) -> None:
    path = tmp_path / "one.cache"
    store = diskcache.Store(path, bytes(16))
    for index in range(200):
        store.put(f"entry {index}", f"data {index}".encode() * 10)
    store.save()
    data = bytearray(path.read_bytes())
    data[-5] ^= 0xFF  # inside the last entry's bytes
    path.write_bytes(bytes(data))
    reopened = diskcache.Store(path, bytes(16))
    answers = {index: reopened.get(f"entry {index}") for index in range(200)}
    damaged = [index for index, answer in answers.items() if answer is None]
    assert len(damaged) == 1
    assert all(answers[i] == f"data {i}".encode() * 10 for i in answers if i not in damaged)
    reopened.put(f"entry {damaged[0]}", b"built again")
    reopened.save()
    assert diskcache.Store(path, bytes(16)).get(f"entry {damaged[0]}") == b"built again"


def test_a_damaged_entry_is_compiled_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    store = diskcache.open_store([b"test", os.urandom(8)])
    store.put(f"regex 0 {'ab+c'}", b"\x00not marshal")
    monkeypatch.setattr(patterns, "_COMPILED", {})
    assert patterns.compiled_regex("ab+c").findall("abbbc ac") == ["abbbc"]


def test_a_rule_file_edit_is_a_new_key(tmp_path: Path) -> None:
    rules = tmp_path / "rules"
    rules.mkdir()
    own = rules / "ours.yaml"
    own.write_text("rules: []\nlists:\n  places: [Oakfield Park]\n", encoding="utf-8")
    first = load_catalogue([rules]).digest
    assert load_catalogue([rules]).digest == first
    own.write_text("rules: []\nlists:\n  places: [Oakfield Park, Ashdown Woods]\n", encoding="utf-8")
    assert load_catalogue([rules]).digest != first
    assert load_catalogue().digest not in (first, b"")


def test_the_key_names_tweetguard_regex_python_and_the_rules(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    names = {diskcache.open_store(parts).path for parts in (
        [b"0.1.0", regex.__version__.encode(), b"rules"], [b"0.1.1", regex.__version__.encode(), b"rules"],
        [b"0.1.0", b"2099.1.1", b"rules"], [b"0.1.0", regex.__version__.encode(), b"rules, edited"])}
    assert len(names) == 4
    assert all(path is not None and path.parent == tmp_path / "tweetguard" for path in names)


def test_writes_are_atomic_and_a_failed_write_leaves_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    store = diskcache.open_store([b"atomic", os.urandom(8)])
    store.put("one", b"1")
    store.save()
    assert store.path is not None and store.path.exists()
    before = store.path.read_bytes()

    def refuse(source: object, target: object) -> None:
        raise OSError(28, "No space left on device")

    store.put("two", b"2")
    monkeypatch.setattr(os, "replace", refuse)
    store.save()  # no exception: a cache that cannot be written is no error
    assert store.path.read_bytes() == before
    assert sorted(p.name for p in store.path.parent.iterdir()) == [store.path.name]  # no temporary file left


def test_old_keys_files_are_tidied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    for index in range(diskcache.KEEP_FILES + 3):
        store = diskcache.open_store([b"tidy", str(index).encode()])
        store.put("entry", b"x")
        store.save()
        assert store.path is not None
        os.utime(store.path, (index, index))
    assert len(list((tmp_path / "tweetguard").iterdir())) == diskcache.KEEP_FILES + 1


def test_a_forked_worker_never_writes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    store = diskcache.open_store([b"fork", os.urandom(8)])
    store.put("entry", b"x")
    monkeypatch.setattr(os, "getpid", lambda: -1)  # as a forked child sees it
    store.save()
    assert store.path is not None and not store.path.exists()


def test_nothing_of_the_drafts_or_the_roster_is_kept(tmp_path: Path) -> None:
    # Made-up names in no shipped list, so any trace of them came from the roster or a draft.
    names = [("Zqxwvina", "Plorkettova"), ("Brennoth", "Quillaby-Snark"), ("Ysolde", "Vantramoor")]
    roster = tmp_path / "roster.csv"
    roster.write_text("first_name,last_name,photo_consent\n" + "".join(f"{f},{l},no\n" for f, l in names),
                      encoding="utf-8")
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    for index, (first, last) in enumerate(names):
        (drafts / f"d{index}.txt").write_text(
            f"Well done {first} {last} for a brilliant week! #WellDone{first}{last}\n"
            f"Call {first}'s mum on 07911 4730{index}8 or email {first.lower()}@zqxmail.com", encoding="utf-8")
    cache = tmp_path / "cache"
    _run(cache, str(drafts), "--roster", str(roster))
    [path] = _cache_files(cache)
    kept = path.read_bytes().lower()
    assert len(kept) > 100_000  # the patterns and word lists are there
    for first, last in names:
        assert first.lower().encode() not in kept and last.lower().encode() not in kept
    assert b"4730" not in kept and b"zqxmail" not in kept  # (the rules' own examples are in, as shipped)


@pytest.mark.parametrize("source,flags", [
    (r"\b(?:car\s*park)\b", re.IGNORECASE), (r"(?P<year>\d{4})-(?P<month>\d\d)", 0),
    (r"^---[ \t]*\r?$", re.MULTILINE), (r"[^\x00-\x7f]", 0), (r"(?<![A-Za-z0-9_&])#[A-Za-z0-9_]+", 0),
])
def test_re_patterns_rebuilt_from_the_cache_are_re_compile_s(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                             source: str, flags: int) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    store = diskcache.open_store([b"re", os.urandom(8)])
    monkeypatch.setattr(patterns, "_COMPILED", {})
    first = patterns.compiled_re(source, flags)
    assert store.get(f"re {int(flags)} {source}") is not None
    monkeypatch.setattr(patterns, "_COMPILED", {})
    monkeypatch.setattr(re, "compile", lambda *a, **k: pytest.fail("compiled instead of rebuilt"))
    rebuilt = patterns.compiled_re(source, flags)
    assert rebuilt is not first and rebuilt == first  # equal: same text, flags and compiled code
    assert rebuilt.groupindex == first.groupindex and rebuilt.groups == first.groups


@pytest.mark.parametrize("source,flags", [
    (r"(?<![\w.@])[a-z0-9]+@((?:[a-z0-9\-]+\.)+[a-z]{2,})", regex.V1 | regex.IGNORECASE),
    (r"\p{Lu}[\p{Ll}\p{M}]+(?:['’\-]\p{Lu}?[\p{Ll}\p{M}]+)*", regex.V1), (r"(?P<w>\w+)\s+(?P=w)", 0),
])
def test_regex_patterns_rebuilt_from_the_cache_match_the_same(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                              source: str, flags: int) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    diskcache.open_store([b"regex", os.urandom(8)])
    monkeypatch.setattr(patterns, "_COMPILED", {})
    first = patterns.compiled_regex(source, flags)
    monkeypatch.setattr(patterns, "_COMPILED", {})
    monkeypatch.setattr(regex, "compile", lambda *a, **k: pytest.fail("compiled instead of rebuilt"))
    rebuilt = patterns.compiled_regex(source, flags)
    assert rebuilt is not first
    assert rebuilt._pickled_data == first._pickled_data  # type: ignore[attr-defined]
    text = "Ellie O’Brien-Lee wrote to jo.bloggs@hotmail.co.uk the the same day"
    assert [m.span() for m in rebuilt.finditer(text)] == [m.span() for m in first.finditer(text)]


def test_lazy_patterns_are_the_compiled_pattern_once_used() -> None:
    lazy = patterns.lazy_regex(r"\d+", regex.V1)
    assert lazy.pattern == r"\d+"
    assert lazy.findall("a 12 b 345") == ["12", "345"]
    assert lazy.flags == patterns.compiled_regex(r"\d+", regex.V1).flags
    assert lazy.sub("#", "a 1") == "a #"


def test_packed_word_lists_answer_as_the_sets_did(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(gazetteer_module, "LOOKUPS_BEFORE_SET", 10**9)
    raw = (gazetteer_module.DATA / "surnames.txt").read_text(encoding="utf-8")
    words = gazetteer_module._read_words(raw)
    built: list[object] = []
    packed = gazetteer_module.PackedWords(*_unpacked(gazetteer_module._pack(words)), on_built=built.append)
    ranks = {w: r for r, w in enumerate(w for w in words[:500])}
    ranked = gazetteer_module.PackedWords(*_unpacked(gazetteer_module._pack(ranks)), on_built=built.append)
    probes = words[::7] + [w + "x" for w in words[::97]] + ["", "a", "zzzz", "o'brien", "ó", 3]
    assert all((p in packed) == (p in frozenset(words)) for p in probes)
    assert all(ranked.get(p) == ranks.get(p) for p in probes if isinstance(p, str))
    assert all(ranked.get(p, -1) == ranks.get(p, -1) for p in probes if isinstance(p, str))
    assert built == []  # answered without building a set


def test_a_packed_list_builds_its_set_after_many_lookups(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(gazetteer_module, "LOOKUPS_BEFORE_SET", 5)
    built: list[object] = []
    ranks = {"amara": 3, "finn": 1, "zoë": 2}
    packed = gazetteer_module.PackedWords(*_unpacked(gazetteer_module._pack(ranks)), on_built=built.append)
    answers = [[packed.get("finn"), "zoë" in packed, packed.get("nobody", 9), packed["amara"]] for _ in range(3)]
    assert answers == [[1, True, 9, 3]] * 3
    assert built == [ranks]
    with pytest.raises(KeyError):
        packed["nobody"]


def test_an_edited_gazetteer_is_never_answered_from_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    diskcache.open_store([b"gazetteer", os.urandom(8)])
    data = tmp_path / "data"
    data.mkdir()
    for name in ("first_names.txt", "surnames.txt", "common_words.txt"):
        (data / name).write_bytes((gazetteer_module.DATA / name).read_bytes())
    monkeypatch.setattr(gazetteer_module, "DATA", data)
    gazetteer_module.gazetteer.cache_clear()
    try:
        assert "zqxwvina" not in gazetteer_module.gazetteer().first_names
        with (data / "first_names.txt").open("a", encoding="utf-8") as out:
            out.write("Zqxwvina\n")
        gazetteer_module.gazetteer.cache_clear()
        assert "zqxwvina" in gazetteer_module.gazetteer().first_names
    finally:
        gazetteer_module.gazetteer.cache_clear()


def _unpacked(packed: tuple[str, bytes, bytes | None]) -> tuple[str, object, object]:
    from array import array

    text, starts, ranks = packed
    return text, array("I", starts), array("I", ranks) if ranks is not None else None


def test_the_lexicon_s_cache_entry_names_every_list_it_reads() -> None:
    """A cached lexicon is named by the lists build_lexicon reads: a list it read but did
    not name could change without the name changing (a stale lexicon)."""
    from tweetguard.text.names import lexicon

    read: set[str] = set()

    class Recording(dict):  # type: ignore[type-arg]
        def get(self, name: str, default: object = None) -> object:
            read.add(name)
            return super().get(name, default)

    lexicon._build_lexicon(Recording(load_catalogue().lists))
    assert read and read <= set(lexicon.READ_LISTS)


def test_a_cached_lexicon_is_the_lexicon_built(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tweetguard.text.names import lexicon

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    diskcache.open_store([b"lexicon", os.urandom(8)])
    lists = load_catalogue().lists
    built = lexicon.build_lexicon(lists)
    monkeypatch.setattr(lexicon, "_build_lexicon", lambda lists: pytest.fail("built instead of cached"))
    assert lexicon.build_lexicon(lists) == built
    changed = dict(lists, places=lists.get("places", ()) + ("Ashdown Woods",))
    monkeypatch.undo()
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert lexicon.build_lexicon(changed) != built


def test_a_cached_phrase_index_is_the_index_built(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from tweetguard.text import wordmatch
    from tweetguard.text.phrases import anchor_words, phrase_index

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    diskcache.open_store([b"phrases", os.urandom(8)])
    phrases = ("car park", "diagnos*", "happy * birthday", "👎", "you'll", "the few")
    built = phrase_index.__wrapped__(phrases)
    monkeypatch.setattr(wordmatch, "_tables", lambda *args: pytest.fail("built instead of cached"))
    again = wordmatch.PhraseIndex(built.ordered, built._source, anchor_words, case_sensitive=False)
    assert (again.exact, again.prefix, again.always, again.prefix_length, again._needs, again._literal) == \
        (built.exact, built.prefix, built.always, built.prefix_length, built._needs, built._literal)
