"""The drafts each corpus misjudges, recorded so that a change which should not alter any
judgement (moving code, turning constants into data) can prove it did not.

``python tests/misjudged.py`` prints the current lists; ``--write`` records them in
``tests/corpus/misjudged.json``. ``tests/test_misjudged.py`` compares the two. The holdout
set is never opened beyond its totals, so for it only the counts per category are kept.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

CORPUS = Path(__file__).resolve().parent / "corpus"
RECORD = CORPUS / "misjudged.json"
HOLDOUT = "holdout.jsonl"


def current() -> dict[str, Any]:
    """Every corpus's misjudged drafts as "line category fp|fn" (holdout: counts only)."""
    from tweetguard.catalogue.loader import load_catalogue
    from tweetguard.core.roster import load_roster
    from tweetguard.core.settings import Settings
    from tweetguard.engine.checker import Engine
    from tweetguard.evaluate import DEFAULT_SCHOOL_DOMAINS, evaluate, read_corpus

    settings = Settings(school_domains=DEFAULT_SCHOOL_DOMAINS)
    engine = Engine(load_catalogue(), settings, load_roster(CORPUS / "roster.csv"))
    record: dict[str, Any] = {}
    for path in sorted(CORPUS.glob("*.jsonl")):
        evaluation = evaluate(read_corpus(path), engine)
        if path.name == HOLDOUT:
            record[path.name] = {c: {"fp": n.fp, "fn": n.fn} for c, n in evaluation.counts.items() if n.fp or n.fn}
        else:
            record[path.name] = sorted(
                f"{m.item.draft.line} {m.category} {m.kind}" for m in evaluation.misses)
    return record


def main() -> None:
    record = current()
    text = json.dumps(record, indent=1, ensure_ascii=False, sort_keys=True) + "\n"
    if "--write" in sys.argv[1:]:
        RECORD.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)


if __name__ == "__main__":
    main()
