"""Every corpus misjudges exactly the drafts recorded in tests/corpus/misjudged.json.

A change meant to keep every judgement (a move, a constant turned into data) must leave the
lists as they are. A change meant to improve judgement updates the record on purpose
(``python tests/misjudged.py --write``), and the diff shows which drafts it fixed and broke.
"""

from __future__ import annotations

import json

from misjudged import RECORD, current


def test_each_corpus_misjudges_the_recorded_drafts() -> None:
    recorded = json.loads(RECORD.read_text(encoding="utf-8"))
    now = current()
    assert now.keys() == recorded.keys()
    for corpus in recorded:
        if isinstance(recorded[corpus], list):
            fixed = sorted(set(recorded[corpus]) - set(now[corpus]))
            broken = sorted(set(now[corpus]) - set(recorded[corpus]))
            assert not fixed and not broken, f"{corpus}: now right {fixed}, now wrong {broken}"
        else:
            assert now[corpus] == recorded[corpus], f"{corpus}: counts changed"
