"""A long draft costs in proportion to its length: counts, not clocks.

Ten times the text must mean about ten times the pattern searches (and characters handed
to them), name lookups and lines of Python run, never a hundred: each shape below once made
some rule read the whole draft again at every name, address or email (a sentence found by
walking from the first one, "the word before" searched for in all the text before it,
every address compared with every other). The counting runs in a fresh process, where
every pattern tweetguard compiles (core.patterns) is wrapped to count what it is asked.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys

import pytest
from conftest import REPO

from tweetguard.text.twitter_text import urls

# Fictional pupils (some on the test roster); each shape repeated to the length wanted.
SHAPES = {
    "full names": "Well done Ellie Thornton, Tom Reid and Maya Singh! ",
    "a list of first names": "Ellie, Tom, Maya, Noah, Isla, Arjun, Freya, Kai, ",
    "hashtags and mentions": "#WellDoneEllie #SportsDay #Year6 @OakfieldPTA Amara Okafor ",
    "one child a sentence": "Ellie was great today. Tom was kind. ",
    "conduct": "Tom was rude today. Ellie was naughty again. ",
    "surnames alone": "Reid scored twice. Thornton saved a penalty. ",
    "pets": "Ellie's dog Max and Tom's cat Luna. ",
    "greetings": "Happy birthday Ellie! Well done Tom! Good luck Maya! ",
    "emails": "jo.bloggs@hotmail.co.uk tom at gmail dot com ",
    "addresses": "12 Oak Tree Road, 14 Elm Close and ",
    "places": "Great Ormond Street Hospital and St Mary's Hospital ",
    "dotted words": "a.b.c.d.e.f.g.h.i.j.",
    "shouting": "ELLIE THORNTON WELL DONE AMAZING ",
    "titled parents": "Thank you Mr Reid and Mrs Okoro! Tom and Amara ",
    "swearing": "bloody c r a p weather, but still fun. ",
}
SHORT, LONG = 500, 5000
MOST = 13  # ten times the text: at most this many times the work

COUNTER = r"""
import collections, importlib, json, sys
counts = collections.Counter()

class Counted:
    '''A compiled pattern that counts its searches and the characters it is handed.'''
    def __init__(self, compiled):
        self.compiled = compiled
        self.pattern, self.flags = compiled.pattern, compiled.flags
        self.groups, self.groupindex = compiled.groups, compiled.groupindex

    def _asked(self, string, args, kwargs, scans=True):
        counts["pattern searches"] += 1
        if scans:
            pos = args[0] if args else kwargs.get("pos") or 0
            end = args[1] if len(args) > 1 else kwargs.get("endpos")
            counts["characters searched"] += max(0, min(len(string), end if end is not None else len(string)) - pos)

    def search(self, string, *a, **k): self._asked(string, a, k); return self.compiled.search(string, *a, **k)
    def finditer(self, string, *a, **k): self._asked(string, a, k); return self.compiled.finditer(string, *a, **k)
    def findall(self, string, *a, **k): self._asked(string, a, k); return self.compiled.findall(string, *a, **k)
    def match(self, string, *a, **k): self._asked(string, a, k, False); return self.compiled.match(string, *a, **k)
    def fullmatch(self, string, *a, **k): self._asked(string, a, k, False); return self.compiled.fullmatch(string, *a, **k)
    def sub(self, repl, string, *a, **k): self._asked(string, (), {}); return self.compiled.sub(repl, string, *a, **k)
    def split(self, string, *a, **k): self._asked(string, (), {}); return self.compiled.split(string, *a, **k)

from tweetguard.core import patterns
for name in ("_regex_from_cache", "_re_from_cache"):
    real = getattr(patterns, name)
    setattr(patterns, name, lambda source, flags, real=real: Counted(real(source, flags)))

gazetteer = importlib.import_module("tweetguard.text.names.gazetteer")
gazetteer.LOOKUPS_BEFORE_SET = 10**12  # every lookup through the packed lists: each one counted
from tweetguard.catalogue.loader import load_catalogue
from tweetguard.core.model import Draft
from tweetguard.core.roster import load_roster
from tweetguard.core.settings import Settings
from tweetguard.engine.checker import Engine
from datetime import datetime
from pathlib import Path
engine = Engine(load_catalogue(), Settings(), load_roster(Path("tests/corpus/roster.csv")))
when = datetime(2026, 3, 11, 10, 0)

def profile(frame, event, arg):
    if event == "call" and frame.f_globals.get("__name__") == gazetteer.__name__ \
            and frame.f_code.co_name in ("__contains__", "get", "__getitem__"):
        counts["name lookups"] += 1

def trace(frame, event, arg):
    if event == "line":
        counts["lines"] += 1
    return trace

results = {}
for shape, text in json.loads(sys.argv[1]).items():
    engine.check(Draft(source="warm", text=text[:100]), when)
    counts.clear()
    sys.setprofile(profile)
    sys.settrace(trace)
    engine.check(Draft(source="draft", text=text), when)
    sys.settrace(None)
    sys.setprofile(None)
    results[shape] = dict(counts)
print(json.dumps(results))
"""


def _texts(length: int) -> dict[str, str]:
    return {shape: (unit * (length // len(unit) + 1))[:length] for shape, unit in SHAPES.items()}


@pytest.fixture(scope="module")
def work() -> dict[int, dict[str, dict[str, int]]]:
    """Each shape's counts at both lengths, from one fresh process per length."""
    found = {}
    for length in (SHORT, LONG):
        done = subprocess.run([sys.executable, "-c", COUNTER, json.dumps(_texts(length))], cwd=REPO, env=os.environ,
                              capture_output=True, text=True, timeout=600, check=False)
        assert done.returncode == 0, done.stderr[-3000:]
        found[length] = json.loads(done.stdout)
    return found


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_ten_times_the_text_is_about_ten_times_the_work(work: dict[int, dict[str, dict[str, int]]],
                                                        shape: str) -> None:
    short, long = work[SHORT][shape], work[LONG][shape]
    assert short["pattern searches"] and short["characters searched"] and short["lines"]
    for measure in ("pattern searches", "characters searched", "name lookups", "lines"):
        assert long.get(measure, 0) <= MOST * max(short.get(measure, 0), 1), (measure, short, long)


def test_urls_found_run_by_run_are_the_urls_found_everywhere() -> None:
    """url_starts tries only the places a URL can start: the same matches as trying all."""
    patterns = urls._url_patterns()
    rng = random.Random(2026)
    parts = ["http://", "https://", "www.", ".com", ".co.uk", ".sch.uk", "a", "b1", ".", ".", "-", "_", " ", "@",
             "#", "/", "é", "xn--p1ai", ".рф", "?q=1", ":80", "t.co/", "(", ")", "K", "\u202a", "..", "$"]
    for _ in range(3000):
        text = "".join(rng.choice(parts) for _ in range(rng.randint(1, 30)))
        everywhere = [(m.span(), m.group()) for m in patterns["extract"].finditer(text)]
        by_runs = [(m.span(), m.group())
                   for m in urls.url_matches(text, patterns["extract"], patterns["runs"], patterns["tld"])]
        assert by_runs == everywhere, text


class _Tries:
    """The URL pattern, counting the places it is tried."""

    def __init__(self, pattern: object) -> None:
        self.pattern = pattern
        self.tries = 0

    def match(self, text: str, start: int) -> object:
        self.tries += 1
        return self.pattern.match(text, start)  # type: ignore[attr-defined]


@pytest.mark.parametrize("unit,most", [("a.b.c.d.e.f.g.h.", 0), ("1.2.3.4.", 0), ("Ellie.Tom.Maya.", 0),
                                       ("see www.oakfield.sch.uk or a.b.c. ", 1)])
def test_the_url_pattern_is_tried_only_where_a_url_can_start(unit: str, most: float) -> None:
    """Dotted words with no top-level domain after them are never searched at all (the
    pattern, tried at each of their letters, took 0.1 s for a tweet and 5 s for 2,000
    characters); a text with addresses is tried about once a character of them."""
    patterns = urls._url_patterns()
    for length in (280, 2800):
        text = (unit * (length // len(unit) + 1))[:length]
        counted = _Tries(patterns["extract"])
        found = [m.span() for m in urls.url_matches(text, counted, patterns["runs"], patterns["tld"])]  # type: ignore[arg-type]
        assert counted.tries <= most * length
        assert found == [m.span() for m in patterns["extract"].finditer(text)] if length == 280 else True


MEMORY_PROBE = r"""
import gc, json, sys, tempfile, tracemalloc
from pathlib import Path
from tweetguard.cli import main
count = int(sys.argv[1])
folder = Path(tempfile.mkdtemp())
# The words repeat: the word caches are bounded (lru_cache) but each new word would fill them
# a little further, which is not what this probe measures.
lines = (json.dumps({"id": f"d{i}", "text": f"Year {i % 6 + 1}, PE kits on Thursday please."})
         for i in range(count))
(folder / "archive.jsonl").write_text("\n".join(lines) + "\n")
args = ["check", "--quiet", "--jobs", "1", "--at", "2026-03-11T10:00", str(folder / "archive.jsonl")]
import tweetguard.engine.runner as runner
checked = runner.run
held = []

def run_and_measure(*args, **kwargs):
    summary = checked(*args, **kwargs)
    gc.collect()  # cycles not yet collected would count as held, by chance
    held.append(tracemalloc.get_traced_memory()[0])  # what is still held once every draft is checked
    return summary

runner.run = run_and_measure
tracemalloc.start()
try:
    main(args)  # given the arguments, main returns instead of ending the process at once
except SystemExit:
    pass
sys.stderr.write(str(held[0]) + "\n")
"""


def _held_bytes(drafts: int) -> int:
    # Without the start-up cache both runs start alike; otherwise the first one fills it and holds
    # what it built.
    env = {**os.environ, "TWEETGUARD_NO_CACHE": "1"}
    run = subprocess.run([sys.executable, "-c", MEMORY_PROBE, str(drafts)], capture_output=True, text=True,
                         cwd=REPO, timeout=300, env=env)
    return int(run.stderr.strip().splitlines()[-1])


def test_memory_stays_flat_over_an_archive() -> None:
    """Ten times the drafts must not hold ten times the memory once checked: no reporter may
    keep every result (one that kept each for the prompt once grew a 100,000-draft run from
    35 MB to 153 MB). Bytes Python still holds when the last draft is done, counted by
    tracemalloc, not timed."""
    small, large = _held_bytes(300), _held_bytes(3000)
    assert large - small < 1_000_000, (small, large)
