"""Fit the negative-tone rule's weights (rules/tone.yaml) from the labelled corpora.

The tone score is a sum: each weighted list's matches, each complaint structure, shouted
scolding words and scare quotes, scaled by negation, intensifiers and contrast. This script
measures each of those components alone on every draft of tests/corpus (drafts*.jsonl; the
holdout is never read), fits a logistic regression of "labelled tone" on them, and prints
the weights scaled so that ``tone-negative`` is -1, with the matching threshold. It fits one
number per list and per structure, not words, so it cannot learn a corpus's topics; the
word lists stay the school's. Leave-one-corpus-out F1 (fitted on the others, scored on the one left
out) is printed first: that is the estimate for drafts it has never seen.

Development-time only:  pip install scikit-learn && python scripts/fit_tone_weights.py
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.linear_model import LogisticRegression

from tweetguard.catalogue.loader import load_catalogue
from tweetguard.evaluate import read_corpus
from tweetguard.kinds.sentiment import score

CORPORA = sorted(Path("tests/corpus").glob("drafts*.jsonl"))
C = 10.0  # weak regularisation: a few dozen weights over ~3,500 drafts
# A component found in fewer drafts than this is not fitted (two or three drafts would set
# its weight by chance, and a rare structure shares them with commoner words that take the
# credit): it keeps the weight written in rules/tone.yaml, and is printed as kept.
MIN_DRAFTS = 5


def components(params: dict[str, Any]) -> Iterator[tuple[str, dict[str, Any]]]:
    """Each component alone, at unit weight of its sign; everything else weighs nothing."""
    lists = {name: 0.0 for name in params["weights"]}
    patterns = {source: 0.0 for source in params["patterns"]}
    silent = dict(params, weights=lists, patterns=patterns, shouted_weight=0.0, scare_quotes_weight=0.0,
                  sarcasm_weight=0.0)
    for name, weight in params["weights"].items():
        yield name, dict(silent, weights=dict(lists, **{name: float(np.sign(weight))}))
    for i, source in enumerate(params["patterns"]):
        yield f"patterns[{i}]", dict(silent, patterns=dict(patterns, **{source: -1.0}))
    yield "shouted_weight", dict(silent, shouted_weight=-1.0)
    yield "scare_quotes_weight", dict(silent, scare_quotes_weight=-1.0)
    yield "sarcasm_weight", dict(silent, sarcasm_weight=-1.0)


def _written_weight(params: dict[str, Any], name: str) -> float:
    """A component's weight as rules/tone.yaml writes it (see components for the names)."""
    if name in params["weights"]:
        return float(params["weights"][name])
    if name.startswith("patterns["):
        return float(list(params["patterns"].values())[int(name[9:-1])])
    return float(params.get(name, 0.0))


def main() -> None:
    catalogue = load_catalogue(())
    rule = next(r for r in catalogue.rules if r.id == "negative-tone")
    parts = [(name, dataclasses.replace(rule, params=p)) for name, p in components(dict(rule.params))]
    data = {}
    for path in CORPORA:
        items = read_corpus(path)
        x = np.array([[score(r, catalogue.lists, item.draft.text) for _, r in parts] for item in items])
        data[path.stem] = (x, np.array(["tone" in item.expected for item in items]))
    seen = (np.vstack([x for x, _ in data.values()]) != 0).sum(axis=0)
    fitted = seen >= MIN_DRAFTS
    # What the components too rare to fit add to each draft's score at their written weights
    # (each was scored at unit weight of its sign): the rule as written counts them.
    written = np.array([abs(_written_weight(rule.params, name)) for name, _ in parts])
    hand = {name: x[:, ~fitted] @ written[~fitted] for name, (x, _) in data.items()}
    data = {name: (x[:, fitted], y) for name, (x, y) in data.items()}
    kept = [(name, int(n)) for (name, _), n, f in zip(parts, seen, fitted) if not f]
    parts = [part for part, f in zip(parts, fitted) if f]
    negative = [n for n, _ in parts].index("tone-negative")

    def fit(names: list[str]) -> LogisticRegression:
        x = np.vstack([data[n][0] for n in names])
        y = np.concatenate([data[n][1] for n in names])
        return LogisticRegression(C=C, max_iter=5000).fit(x, y)

    def held_out_f1(model: LogisticRegression, name: str) -> float:
        """F1 on a corpus left out of the fit, the hand-set components counted as the rule
        counts them: in the model's units, -unit per point of score."""
        x, y = data[name]
        unit = -model.coef_[0][negative]
        got = model.decision_function(x) - unit * hand[name] > 0
        tp, fp, fn = (got & y).sum(), (got & ~y).sum(), (~got & y).sum()
        return float(2 * tp / (2 * tp + fp + fn))

    loco = {n: held_out_f1(fit([m for m in data if m != n]), n) for n in data}
    print("leave-one-corpus-out F1:", ", ".join(f"{n} {v:.2f}" for n, v in loco.items()),
          f"(mean {np.mean(list(loco.values())):.2f})")
    model = fit(list(data))
    # Each component was scored at unit weight of its sign, and the rule fires at or below
    # its threshold: weight = -coefficient * sign, scaled so one ordinary negative word is -1.
    signs = [float(np.sign(rule.params["weights"].get(name, -1.0))) for name, _ in parts]
    unit = -model.coef_[0][[n for n, _ in parts].index("tone-negative")]
    found_in = [int(n) for n, f in zip(seen, fitted) if f]
    for (name, _), coef, sign, n in zip(parts, model.coef_[0], signs, found_in):
        print(f"{name:22} {-coef * sign / unit:+.2f}  (found in {n} drafts)")
    print(f"{'threshold':22} {model.intercept_[0] / unit:+.2f}")
    for name, n in kept:
        print(f"{name:22} kept as written (found in {n} draft{'s' if n != 1 else ''})")


if __name__ == "__main__":
    main()
