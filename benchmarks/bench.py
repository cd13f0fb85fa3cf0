"""Benchmark tweetguard against the targets of issue 13, on generated and hand-written drafts.

Plain Python: generates realistic school drafts (fictional names, some breaking the policy)
in a temporary folder, runs the installed ``tweetguard`` as a user would (bytecode and its
own start-up cache warmed by one untimed run, as after the first use), and prints a
markdown table for the README. Usage::

    python benchmarks/bench.py [--runs 5] [--quick]

proselint and write-good are timed on the same 1,000-draft folder when they are on PATH
(``pip install proselint``; ``npm install -g write-good``, or ``npm install write-good``
and put ``node_modules/.bin`` on PATH); otherwise their rows say they were skipped.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

AT = "2026-03-11T10:00"  # a Wednesday morning, inside posting hours

# Fictional pupils and staff only.
FIRST = ["Ella", "Tom", "Maya", "Noah", "Isla", "Arjun", "Freya", "Kai", "Amara", "Leo", "Zoë", "Oscar",
         "Priya", "Finn", "Ruby", "Yusuf", "Poppy", "Ethan", "Lily", "Jayden"]
LAST = ["Thornton", "Reid", "Okafor", "Whitlock", "Marsh", "Pennington", "Castell", "Brightwell", "Ashdown",
        "Fairley"]
STAFF = ["Mrs Hartley", "Mr Osei", "Miss Dunmore", "Mr Kaur-Bell"]
YEARS = ["Reception", "Year 1", "Year 2", "Year 3", "Year 4", "Year 5", "Year 6"]
EVENTS = ["sports day", "the book fair", "our harvest festival", "the science week assembly",
          "the Year 6 residential", "the netball tournament", "the spring concert", "forest school"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]

GOOD = [
    "Well done to {year} for a fantastic performance at {event}! 🎉",
    "Reminder: {event} is on {day}. Please bring a named water bottle.",
    "{year} have been learning about the Romans this week. Ask them about Hadrian's Wall!",
    "Thank you to everyone who came to {event}. What a wonderful afternoon. #OakfieldFamily",
    "Congratulations to {first} in {year}, who won the borough spelling bee! 🏆",
    "Don't forget PE kits on {day}, {year}. See you then!",
    "A huge thank you to {staff} for organising {event}.",
    "Our school council met today to plan {event}. Great ideas from everyone!",
    "The library is open after school on {day} for parents and carers. https://oakfield.sch.uk/library",
    "{year} enjoyed a visit from the fire brigade today 🚒 Thank you @LocalFire!",
]
BAD = [
    "Well done {first} {last} for a brilliant week in {year}!",  # full name
    "Happy birthday {first}! Have a lovely day 🎂",  # one child targeted
    "If you have lost property please call Mrs Bloggs on 07700 900321.",  # phone number
    "Sorry, the damn boiler is broken again.",  # offensive
    "The {last} twins were superstars at {event}!",  # family name
    "Email jo.bloggs@hotmail.co.uk to volunteer for {event}.",  # personal email
]
# A long draft of repeated names (fictional), for the linear-growth row.
NAMES_UNIT = "Well done Ella Thornton, Tom Reid and Maya Okafor in {year}! "

TARGETS = {
    "cold": 8.0,  # one draft within this many times a bare `python -c pass`
    "proselint": 6.0,  # the folder this many times faster than proselint
    "jsonl": 8000,  # drafts a second, 10,000 JSON Lines drafts, default jobs, start-up included
    "hand": 300,  # microseconds a hand-written draft, --jobs 1, beyond start-up
    "long": 0.100,  # seconds for a 10,000-character draft beyond start-up
    "linear": 13.0,  # 100,000 characters at most this many times 10,000 ("about 10x")
    "memory": 1.10,  # the largest run's peak memory within this of the smallest's
    "archive": 30.0,  # seconds to audit a 100,000-post archive ("in seconds"), default jobs
}


def make_text(rng: random.Random) -> str:
    template = rng.choice(BAD) if rng.random() < 0.15 else rng.choice(GOOD)
    return template.format(first=rng.choice(FIRST), last=rng.choice(LAST), year=rng.choice(YEARS),
                           event=rng.choice(EVENTS), day=rng.choice(DAYS), staff=rng.choice(STAFF))


def write_folder(folder: Path, count: int, rng: random.Random) -> None:
    folder.mkdir(parents=True)
    for index in range(count):
        text = make_text(rng)
        if index % 10 == 0:  # some drafts carry front matter
            text = f"---\nscheduled: 2026-03-1{index % 7}T{8 + index % 12:02d}:30\n---\n{text}"
        (folder / f"draft-{index:05d}.txt").write_text(text + "\n", encoding="utf-8")


def write_jsonl(path: Path, count: int, rng: random.Random) -> None:
    with path.open("w", encoding="utf-8") as out:
        for index in range(count):
            out.write(json.dumps({"id": f"t{index}", "text": make_text(rng)}, ensure_ascii=False) + "\n")


CORPUS = Path(__file__).resolve().parents[1] / "tests" / "corpus"


def write_corpus_jsonl(path: Path, names: tuple[str, ...] = ("drafts.jsonl",)) -> int:
    """Hand-written labelled drafts (tests/corpus, labels dropped): far more varied than the
    generated ones. The held-out set is left alone."""
    count = 0
    with path.open("w", encoding="utf-8") as out:
        for name in names:
            for line in (CORPUS / name).read_text(encoding="utf-8").splitlines():
                item = json.loads(line)
                out.write(json.dumps({"id": item["id"], "text": item["text"]}, ensure_ascii=False) + "\n")
                count += 1
    return count


def write_archive(path: Path, count: int, rng: random.Random) -> None:
    """An X account archive (.zip) of ``count`` posts in X's own layout: data/tweets.js,
    pretty-printed, with the fields an archive has beside the text; written a post at a time."""
    import zipfile

    months = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive, archive.open("data/tweets.js", "w") as raw:
        raw.write(b"window.YTD.tweets.part0 = [")
        for index in range(count):
            when = (f"{DAYS[index % 5][:3]} {months[index % 12]} {1 + index % 28:02d} "
                    f"{7 + index % 13:02d}:{index % 60:02d}:00 +0000 {2018 + index % 9}")
            item = {"tweet": {"id_str": str(1_000_000_000_000_000_000 + index), "full_text": make_text(rng),
                              "created_at": when, "favorite_count": "3", "retweet_count": "0", "lang": "en",
                              "entities": {"hashtags": [], "user_mentions": [], "urls": []}}}
            raw.write(((",\n  " if index else "\n  ") + json.dumps(item, indent=2, separators=(",", " : ")))
                      .encode())
        raw.write(b"\n]")


def write_long(path: Path, length: int) -> None:
    text = "".join(NAMES_UNIT.format(year=YEARS[i % len(YEARS)]) for i in range(length // 40 + 1))
    path.write_text(text[:length], encoding="utf-8")


def tweetguard_command() -> list[str]:
    script = Path(sys.executable).with_name("tweetguard")
    if script.exists():
        return [str(script)]
    found = shutil.which("tweetguard")
    return [found] if found else [sys.executable, "-m", "tweetguard"]


# An installed package has compiled .pyc files; with PYTHONDONTWRITEBYTECODE set (as on some
# machines) every run would recompile tweetguard's source. Measure what an install sees:
# bytecode and tweetguard's start-up cache in the benchmark's own temporary folder, warmed
# by one untimed run.
ENV = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "TWEETGUARD_NO_CACHE")}


def timed(command: list[str], runs: int, ok: tuple[int, ...] | None = (0, 1)) -> float:
    """Median wall time of ``runs`` runs after one warm-up (output discarded)."""
    times = []
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV)
    for _ in range(runs):
        started = time.perf_counter()
        done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=ENV)
        times.append(time.perf_counter() - started)
        if ok is not None and done.returncode not in ok:
            raise SystemExit(f"{' '.join(command[:3])} failed ({done.returncode}): {done.stderr.decode()[-500:]}")
    return statistics.median(times)


PEAK_RSS = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL); "
            "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")


def peak_rss_mb(command: list[str]) -> float:
    """Peak resident memory of ``command`` (ru_maxrss of a fresh parent's only child)."""
    done = subprocess.run([sys.executable, "-c", PEAK_RSS, *command], capture_output=True, text=True, check=True,
                          env=ENV)
    kilobytes = int(done.stdout.strip())
    return kilobytes / 1024 if sys.platform != "darwin" else kilobytes / 1024 / 1024


def verdict(met: bool) -> str:
    return "met" if met else "**not met**"


class Table:
    def __init__(self) -> None:
        self.rows: list[tuple[str, str, str, str]] = []

    def add(self, measure: str, result: str, target: str = "", met: bool | None = None) -> None:
        self.rows.append((measure, result, target, "" if met is None else verdict(met)))

    def print(self, header: str) -> None:
        print(header + "\n")
        print("| measure | result | target | |")
        print("|---|---|---|---|")
        for row in self.rows:
            print("| " + " | ".join(row) + " |")


def other_linter(name: str, install: str, files: list[str], table: Table, ours: float, target: float | None,
                 runs: int) -> None:
    """Time another prose linter on the same files, or say how to install it."""
    found = shutil.which(name)
    if found is None:
        table.add(f"{name}, same 1,000 drafts", f"skipped: not installed ({install})")
        return
    # Both exit non-zero when they have suggestions (write-good with their number).
    took = timed([found, *files] if name == "write-good" else [found, "check", *files], runs, ok=None)
    need = f">= {target:.0f}x faster than {name}" if target else f"faster than {name}"
    table.add(f"{name}, same 1,000 drafts", f"{took:.2f} s (tweetguard {took / ours:.1f}x faster)", need,
              took / ours >= (target or 1.0))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per timing (median)")
    parser.add_argument("--quick", action="store_true", help="skip the 100,000-draft memory run")
    args = parser.parse_args()
    rng = random.Random(2026)
    tg = tweetguard_command()
    table = Table()
    jobs = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    with tempfile.TemporaryDirectory(prefix="tweetguard-bench-") as temp:
        root = Path(temp)
        ENV["PYTHONPYCACHEPREFIX"] = str(root / "pycache")
        ENV["XDG_CACHE_HOME"] = str(root / "cache")
        check = [*tg, "check", "--at", AT, "--format", "json"]
        one = root / "one.txt"
        one.write_text("Well done to Year 4 for a fantastic performance at the spring concert! 🎉\n", encoding="utf-8")
        write_folder(root / "folder", 1000, rng)
        for count in (1000, 10_000) + (() if args.quick else (100_000,)):
            write_jsonl(root / f"drafts-{count}.jsonl", count, rng)
        hand = write_corpus_jsonl(root / "hand.jsonl")
        for length in (10_000, 100_000):
            write_long(root / f"long-{length}.txt", length)

        bare = timed([sys.executable, "-c", "pass"], args.runs * 2)
        cold = timed([*check, str(one)], args.runs * 2)
        table.add("bare `python3 -c pass`", f"{bare * 1000:.0f} ms")
        table.add("one draft, cold start", f"{cold * 1000:.0f} ms ({cold / bare:.1f}x bare Python)",
                  f"<= {TARGETS['cold']:.0f}x bare Python", cold / bare <= TARGETS["cold"])

        folder = timed([*check, str(root / "folder")], args.runs)
        table.add("folder of 1,000 drafts", f"{folder:.2f} s ({1000 / folder:,.0f} drafts/s)")
        files = sorted(str(p) for p in (root / "folder").iterdir())
        other_linter("proselint", "pip install proselint", files, table, folder, TARGETS["proselint"], max(1, args.runs // 2))
        other_linter("write-good", "npm install -g write-good", files, table, folder, None, max(1, args.runs // 2))

        jsonl = timed([*check, str(root / "drafts-10000.jsonl")], args.runs)
        table.add(f"10,000 drafts, JSON Lines, default jobs ({min(jobs, 4)})",
                  f"{jsonl:.2f} s ({10_000 / jsonl:,.0f} drafts/s, start-up included)",
                  f">= {TARGETS['jsonl']:,} drafts/s", 10_000 / jsonl >= TARGETS["jsonl"])

        corpus = timed([*check, str(root / "hand.jsonl"), "--jobs", "1"], args.runs)
        per_draft = (corpus - cold) / hand * 1e6
        table.add(f"{hand} hand-written drafts (tests/corpus/drafts.jsonl), --jobs 1",
                  f"{corpus:.2f} s: {per_draft:.0f} µs a draft beyond start-up",
                  f"<= {TARGETS['hand']} µs a draft", per_draft <= TARGETS["hand"])

        long10 = timed([*check, str(root / "long-10000.txt")], args.runs) - cold
        long100 = timed([*check, str(root / "long-100000.txt")], max(1, args.runs // 2)) - cold
        table.add("a 10,000-character draft of repeated names, beyond start-up", f"{long10 * 1000:.0f} ms",
                  f"<= {TARGETS['long'] * 1000:.0f} ms", long10 <= TARGETS["long"])
        table.add("a 100,000-character draft, beyond start-up", f"{long100 * 1000:.0f} ms "
                  f"({long100 / long10:.1f}x the 10,000)", "about 10x (linear)", long100 / long10 <= TARGETS["linear"])

        counts = (1000, 10_000) + (() if args.quick else (100_000,))
        peaks = [peak_rss_mb([*check, str(root / f"drafts-{count}.jsonl")]) for count in counts]
        table.add(f"peak memory, {' / '.join(f'{c:,}' for c in counts)} JSON Lines drafts",
                  " / ".join(f"{p:.0f}" for p in peaks) + " MB", "flat", max(peaks) <= TARGETS["memory"] * min(peaks))

        posts = (1000, 10_000) + (() if args.quick else (100_000,))
        for count in posts:
            write_archive(root / f"archive-{count}.zip", count, rng)
        audit = [*tg, "audit", "--format", "json"]
        largest = posts[-1]
        took = timed([*audit, str(root / f"archive-{largest}.zip")], max(1, args.runs // 2))
        table.add(f"audit of a {largest:,}-post X archive (.zip), default jobs",
                  f"{took:.1f} s ({largest / took:,.0f} posts/s)", f"<= {TARGETS['archive']:.0f} s",
                  took <= TARGETS["archive"])
        peaks = [peak_rss_mb([*audit, str(root / f"archive-{count}.zip")]) for count in posts]
        table.add(f"peak memory, {' / '.join(f'{c:,}' for c in posts)}-post archives",
                  " / ".join(f"{p:.0f}" for p in peaks) + " MB", "flat", max(peaks) <= TARGETS["memory"] * min(peaks))

    table.print(f"tweetguard benchmark: Python {sys.version.split()[0]}, {os.cpu_count()} CPUs, "
                f"median of {args.runs} runs")


if __name__ == "__main__":
    main()
