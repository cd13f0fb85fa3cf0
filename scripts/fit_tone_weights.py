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

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.linear_model import LogisticRegression
from tone_hand_set import never_fitted  # scripts/, beside this file

from tweetguard.catalogue.loader import load_catalogue
from tweetguard.evaluate import read_corpus
from tweetguard.kinds.sentiment import make_scorer, weighted_lexicon

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
                  sarcasm_weight=0.0, swearing_weight=0.0)
    for name, weight in params["weights"].items():
        yield name, dict(silent, weights=dict(lists, **{name: float(np.sign(weight))}))
    for i, source in enumerate(params["patterns"]):
        yield f"patterns[{i}]", dict(silent, patterns=dict(patterns, **{source: -1.0}))
    yield "shouted_weight", dict(silent, shouted_weight=-1.0)
    yield "scare_quotes_weight", dict(silent, scare_quotes_weight=-1.0)
    yield "sarcasm_weight", dict(silent, sarcasm_weight=-1.0)
    yield "swearing_weight", dict(silent, swearing_weight=-1.0)


def _written_weight(params: dict[str, Any], name: str) -> float:
    """A component's weight as rules/tone.yaml writes it (see components for the names)."""
    if name in params["weights"]:
        return float(params["weights"][name])
    if name.startswith("patterns["):
        return float(list(params["patterns"].values())[int(name[9:-1])])
    return float(params.get(name, 0.0))


def _scored_sign(params: dict[str, Any], name: str) -> float:
    """The sign each component was scored at in components()."""
    return float(np.sign(params["weights"][name])) if name in params["weights"] else -1.0


class Fold:
    """The components fitted on some corpora (those shown by MIN_DRAFTS of their drafts, and
    not tone_hand_set.never_fitted), and what the rest add to a draft's score at their written weights."""

    def __init__(self, names: list[str], data: dict[str, tuple[np.ndarray, np.ndarray]],
                 parts: list[str], params: dict[str, Any]) -> None:
        x = np.vstack([data[n][0] for n in names])
        self.seen = (x != 0).sum(axis=0)
        hand_set = never_fitted(params)
        self.fitted = (self.seen >= MIN_DRAFTS) & np.array([p not in hand_set for p in parts])
        # A component scored at unit weight s and written as w adds w * x / s points.
        self.written = np.array([_written_weight(params, p) / _scored_sign(params, p) for p in parts])
        self.parts = [p for p, f in zip(parts, self.fitted) if f]
        y = np.concatenate([data[n][1] for n in names])
        self.model = LogisticRegression(C=C, max_iter=5000).fit(x[:, self.fitted], y)
        # Points of score per unit of the model: one ordinary negative word is -1 point.
        self.unit = -self.model.coef_[0][self.parts.index("tone-negative")]

    def f1(self, x: np.ndarray, y: np.ndarray) -> float:
        """F1 on drafts left out, the hand-set components counted as the rule counts them:
        a point of score moves the model's decision by -unit."""
        hand = x[:, ~self.fitted] @ self.written[~self.fitted]
        got = self.model.decision_function(x[:, self.fitted]) - self.unit * hand > 0
        tp, fp, fn = (got & y).sum(), (got & ~y).sum(), (~got & y).sum()
        return float(2 * tp / (2 * tp + fp + fn))


def main() -> None:
    catalogue = load_catalogue(())
    rule = next(r for r in catalogue.rules if r.id == "negative-tone")
    parts = list(components(dict(rule.params)))
    names = [name for name, _ in parts]
    # One scorer per component, built once (building one is most of a draft's cost).
    scorers = [make_scorer(p, weighted_lexicon(p, catalogue.lists), catalogue.lists) for _, p in parts]
    data = {}
    for path in CORPORA:
        items = read_corpus(path)
        x = np.array([[scorer.total(item.draft.text) for scorer in scorers] for item in items])
        data[path.stem] = (x, np.array(["tone" in item.expected for item in items]))
    # Each corpus scored by a fold that never saw it, not even to choose what to fit.
    loco = {n: Fold([m for m in data if m != n], data, names, rule.params).f1(*data[n]) for n in data}
    print("leave-one-corpus-out F1:", ", ".join(f"{n} {v:.2f}" for n, v in loco.items()),
          f"(mean {np.mean(list(loco.values())):.2f})")
    fold = Fold(list(data), data, names, rule.params)
    # Each component was scored at unit weight of its sign, and the rule fires at or below
    # its threshold: weight = -coefficient * sign, scaled so one ordinary negative word is -1.
    fitted_names = [n for n, f in zip(names, fold.fitted) if f]
    found_in = [int(n) for n, f in zip(fold.seen, fold.fitted) if f]
    for name, coef, n in zip(fitted_names, fold.model.coef_[0], found_in):
        print(f"{name:22} {-coef * _scored_sign(rule.params, name) / fold.unit:+.2f}  (found in {n} drafts)")
    print(f"{'threshold':22} {fold.model.intercept_[0] / fold.unit:+.2f}")
    for name, n, f in zip(names, fold.seen, fold.fitted):
        if not f:
            print(f"{name:22} kept as written (found in {int(n)} draft{'s' if n != 1 else ''})")


if __name__ == "__main__":
    main()
