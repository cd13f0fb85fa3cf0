"""Benchmark tweetguard: cold start, a folder of 1,000 drafts, 10,000 JSON Lines drafts, memory.

Plain Python: generates realistic school drafts (fictional names, some breaking the policy)
in a temporary folder, runs the installed ``tweetguard`` as a user would, and prints a
markdown table for the README. Usage::

    python benchmarks/bench.py [--runs 5] [--quick]

Targets (issue 5, 2-core machine, full default catalogue): one draft within 4x a bare
``python3 -c pass``; 1,000 drafts faster than Vale (~0.2 s) and 10x faster than proselint
(~3 s); >= 5,000 drafts/s on 10,000 JSON Lines drafts; peak memory flat as drafts grow.
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


def write_corpus_jsonl(path: Path) -> int:
    """The hand-written development drafts (tests/corpus, labels dropped): far more varied
    than the generated ones, so caches help less. The held-out set is left alone."""
    count = 0
    with path.open("w", encoding="utf-8") as out:
        for name in ("drafts.jsonl", "drafts2.jsonl", "drafts3.jsonl"):
            for line in (CORPUS / name).read_text(encoding="utf-8").splitlines():
                item = json.loads(line)
                out.write(json.dumps({"id": item["id"], "text": item["text"]}, ensure_ascii=False) + "\n")
                count += 1
    return count


def tweetguard_command() -> list[str]:
    script = Path(sys.executable).with_name("tweetguard")
    if script.exists():
        return [str(script)]
    found = shutil.which("tweetguard")
    return [found] if found else [sys.executable, "-m", "tweetguard"]


# An installed package has compiled .pyc files; with PYTHONDONTWRITEBYTECODE set (as on some
# machines) every run would recompile tweetguard's source. Measure what an install sees:
# bytecode cached in the benchmark's own temporary folder, warmed by one untimed run.
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def timed(command: list[str], runs: int) -> float:
    """Median wall time of ``runs`` runs after one warm-up (output discarded; exit 0/1 expected)."""
    times = []
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV)
    for _ in range(runs):
        started = time.perf_counter()
        done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=ENV)
        times.append(time.perf_counter() - started)
        if done.returncode not in (0, 1):
            raise SystemExit(f"{' '.join(command)} failed ({done.returncode}): {done.stderr.decode()[-500:]}")
    return statistics.median(times)


PEAK_RSS = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL); "
            "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")


def peak_rss_mb(command: list[str]) -> float:
    """Peak resident memory of ``command`` (ru_maxrss of a fresh parent's only child)."""
    done = subprocess.run([sys.executable, "-c", PEAK_RSS, *command], capture_output=True, text=True, check=True,
                          env=ENV)
    kilobytes = int(done.stdout.strip())
    return kilobytes / 1024 if sys.platform != "darwin" else kilobytes / 1024 / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per timing (median)")
    parser.add_argument("--quick", action="store_true", help="skip the 50,000-draft memory run")
    parser.add_argument("--proselint", action="store_true", help="also time proselint on the 1,000 drafts")
    args = parser.parse_args()
    rng = random.Random(2026)
    tg = tweetguard_command()
    rows: list[tuple[str, str, str]] = []
    with tempfile.TemporaryDirectory(prefix="tweetguard-bench-") as temp:
        root = Path(temp)
        ENV["PYTHONPYCACHEPREFIX"] = str(root / "pycache")
        one = root / "one.txt"
        one.write_text("Well done to Year 4 for a fantastic performance at the spring concert! 🎉\n", encoding="utf-8")
        write_folder(root / "folder", 1000, rng)
        for count in (1000, 10_000, 50_000):
            write_jsonl(root / f"drafts-{count}.jsonl", count, rng)

        bare = timed([sys.executable, "-c", "pass"], args.runs * 2)
        cold = timed([*tg, "check", str(one), "--at", AT, "--format", "json"], args.runs * 2)
        rows.append(("Bare `python3 -c pass`", f"{bare * 1000:.0f} ms", ""))
        rows.append(("Cold start, one draft", f"{cold * 1000:.0f} ms",
                     f"{cold / bare:.1f}x bare Python (target <= 4x)"))

        folder = timed([*tg, "check", str(root / "folder"), "--at", AT, "--format", "json"], args.runs)
        rows.append(("Folder of 1,000 drafts", f"{folder:.2f} s",
                     f"{1000 / folder:,.0f} drafts/s (Vale ~0.2 s; proselint ~3 s: {3 / folder:.0f}x faster)"))
        if args.proselint and shutil.which("proselint"):
            files = sorted(str(p) for p in (root / "folder").iterdir())
            started = time.perf_counter()
            subprocess.run(["proselint", "check", *files], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV)
            took = time.perf_counter() - started
            rows.append(("proselint, same 1,000 drafts", f"{took:.2f} s",
                         f"measured here: tweetguard is {took / folder:.0f}x faster"))

        jsonl = timed([*tg, "check", str(root / "drafts-10000.jsonl"), "--at", AT, "--format", "json"], args.runs)
        rows.append(("10,000 drafts, JSON Lines", f"{jsonl:.2f} s",
                     f"{10_000 / jsonl:,.0f} drafts/s including start-up (target >= 5,000)"))

        written = write_corpus_jsonl(root / "corpus.jsonl")
        corpus = timed([*tg, "check", str(root / "corpus.jsonl"), "--at", AT, "--format", "json"], args.runs)
        rows.append((f"{written:,} hand-written drafts (tests/corpus), JSON Lines", f"{corpus:.2f} s",
                     f"{written / corpus:,.0f} drafts/s including start-up"))

        counts = (1000, 10_000) if args.quick else (1000, 10_000, 50_000)
        for count in counts:
            rss = peak_rss_mb([*tg, "check", str(root / f"drafts-{count}.jsonl"), "--at", AT, "--format", "json"])
            rows.append((f"Peak memory, {count:,} JSON Lines drafts", f"{rss:.0f} MB", "target: flat"))

    print(f"tweetguard benchmark: Python {sys.version.split()[0]}, {os.cpu_count()} CPUs, "
          f"median of {args.runs} runs\n")
    print("| Measure | Result | Note |")
    print("|---|---|---|")
    for measure, result, note in rows:
        print(f"| {measure} | {result} | {note} |")


if __name__ == "__main__":
    main()
