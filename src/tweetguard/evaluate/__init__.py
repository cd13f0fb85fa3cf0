"""Measuring the catalogue on a labelled corpus: precision, recall and F1 per category.

A corpus is JSON Lines: one draft per line with ``text``, ``expected`` (the categories a
reviewer says it breaks) and optionally ``id``, ``scheduled``, ``occasion``, ``reply_to`` and
``media`` (and a ``note`` for the reader). A draft counts as predicted for a category when any rule of that category reports
a violation on it. Run as ``tweetguard evaluate`` or ``python -m tweetguard.evaluate``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Iterable, Sequence
from zoneinfo import ZoneInfo

from tweetguard.core.errors import DraftError, TweetguardError
from tweetguard.core.model import CATEGORIES, Draft, DraftResult
from tweetguard.engine.checker import Engine
from tweetguard.sources.fields import FRONT_MATTER_KEYS, draft_fields

# The corpus README fixes when drafts without 'scheduled' go out: a term-time Wednesday morning.
DEFAULT_TIME = datetime(2026, 3, 11, 10, 0, tzinfo=ZoneInfo("Europe/London"))
DEFAULT_CORPUS = Path("tests/corpus/drafts.jsonl")
DEFAULT_SCHOOL_DOMAINS = ("oakfield.sch.uk",)
# Keys a corpus may use to explain an item to its reader; they do not change the draft.
COMMENT_KEYS = ("note", "notes", "comment")


@dataclass(frozen=True)
class Item:
    """One labelled draft of the corpus."""

    draft: Draft
    expected: frozenset[str]


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        # 2TP / (2TP + FP + FN): defined whenever the category occurs at all.
        total = 2 * self.tp + self.fp + self.fn
        return 2 * self.tp / total if total else None


@dataclass(frozen=True)
class Miss:
    """A misclassified draft: a category it was wrongly given (fp) or wrongly denied (fn)."""

    item: Item
    category: str
    kind: str  # "fp" or "fn"
    messages: tuple[str, ...] = ()


@dataclass
class Evaluation:
    drafts: int = 0
    counts: dict[str, Counts] = field(default_factory=lambda: {c: Counts() for c in CATEGORIES})
    misses: list[Miss] = field(default_factory=list)

    def add(self, item: Item, result: DraftResult) -> None:
        self.drafts += 1
        # A note (info: a photo without a description) is advice, not a judgement that the
        # draft breaks the policy, so it predicts no category.
        predicted = {v.category for v in result.violations if v.category in self.counts and v.severity != "info"}
        for category, counts in self.counts.items():
            wanted, got = category in item.expected, category in predicted
            if wanted and got:
                counts.tp += 1
            elif got:
                counts.fp += 1
                messages = tuple(v.message for v in result.violations if v.category == category)
                self.misses.append(Miss(item, category, "fp", messages))
            elif wanted:
                counts.fn += 1
                self.misses.append(Miss(item, category, "fn"))

    def as_dict(self) -> dict[str, Any]:
        return {
            "drafts": self.drafts,
            "categories": {
                category: {"tp": c.tp, "fp": c.fp, "fn": c.fn, "precision": c.precision,
                           "recall": c.recall, "f1": c.f1}
                for category, c in self.counts.items()
            },
            "misclassified": [
                {"id": m.item.draft.id, "source": m.item.draft.source, "category": m.category,
                 "error": "false positive" if m.kind == "fp" else "false negative",
                 "text": m.item.draft.text, "messages": list(m.messages)}
                for m in self.misses
            ],
        }


def _item(raw: Any, source: str, path: Path) -> Item:
    if not isinstance(raw, dict):
        raise DraftError(source, "each line must be a JSON object with 'text' and 'expected'")
    text, expected = raw.get("text"), raw.get("expected")
    if not isinstance(text, str) or not text.strip():
        raise DraftError(source, "this entry has no 'text'; add the tweet as \"text\": \"...\"")
    if not isinstance(expected, list) or not all(isinstance(c, str) for c in expected):
        raise DraftError(source, "'expected' must be a list of categories, like [\"names\"] or []")
    unknown = [c for c in expected if c not in CATEGORIES]
    if unknown:
        raise DraftError(source, f"unknown category '{unknown[0]}' in 'expected'; use {', '.join(CATEGORIES)}")
    meta = {k: v for k, v in raw.items() if k not in ("text", "expected", *COMMENT_KEYS)}
    fields = draft_fields(meta, source, FRONT_MATTER_KEYS)
    line = int(source.rsplit(":", 1)[1])
    return Item(Draft(source=source, text=text, path=path, line=line, **fields), frozenset(expected))


def read_corpus(path: Path) -> list[Item]:
    """Every labelled draft in a corpus file; the first bad line stops with an error naming it."""
    try:
        content = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise TweetguardError(str(path), "corpus not found; name a .jsonl file of labelled drafts") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise TweetguardError(str(path), f"cannot read the corpus ({exc}); save it as UTF-8 JSON Lines") from None
    items: list[Item] = []
    for line_no, line in enumerate(content.splitlines(), start=1):
        if not line.strip():
            continue
        source = f"{path}:{line_no}"
        try:
            raw = json.loads(line)
        except (json.JSONDecodeError, RecursionError) as exc:
            raise DraftError(source, f"not valid JSON ({getattr(exc, 'msg', 'nested too deeply')}); fix this line") from None
        items.append(_item(raw, source, path))
    return items


def evaluate(items: Iterable[Item], engine: Engine, default_time: datetime = DEFAULT_TIME) -> Evaluation:
    evaluation = Evaluation()
    for item in items:
        result, _ = engine.check(item.draft, default_time)
        evaluation.add(item, result)
    return evaluation


def _number(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def format_table(evaluation: Evaluation, categories: Sequence[str] | None = None) -> str:
    """A plain-text table: one row per category that occurs in the corpus or the predictions."""
    rows = [f"{'category':<14} {'TP':>4} {'FP':>4} {'FN':>4} {'precision':>9} {'recall':>7} {'F1':>6}"]
    for category, c in evaluation.counts.items():
        if categories and category not in categories:
            continue
        if not categories and not (c.tp or c.fp or c.fn):
            continue
        rows.append(f"{category:<14} {c.tp:>4} {c.fp:>4} {c.fn:>4} {_number(c.precision):>9} "
                    f"{_number(c.recall):>7} {_number(c.f1):>6}")
    rows.append(f"({evaluation.drafts} drafts)")
    return "\n".join(rows)


def format_misses(evaluation: Evaluation, categories: Sequence[str] | None = None) -> str:
    lines: list[str] = []
    for miss in evaluation.misses:
        if categories and miss.category not in categories:
            continue
        label = "false positive" if miss.kind == "fp" else "false negative"
        ident = miss.item.draft.id or miss.item.draft.source
        lines.append(f"{ident}: {miss.category} {label}: {miss.item.draft.text}")
        lines.extend(f"    {message}" for message in miss.messages)
    return "\n".join(lines)
