"""The negative-tone components the fit never touches: rules/tone.yaml sets them by hand.

Kept apart from fit_tone_weights.py so the test suite can check them without scikit-learn:
each prefix below must still open exactly one pattern, or a reworded pattern would be
fitted silently (tests/test_tone_hand_set.py).
"""

from __future__ import annotations

from typing import Any

# A sarcasm marker's own weight is kept below the threshold (rules/tone.yaml says why), as the
# fit would make it enough alone.
NEVER_FITTED = frozenset({"sarcasm_weight"})
# Structures never fitted, by how their pattern begins: the corpora hold only their
# complaints, while their cheerful uses are common ("Another match, another clean sheet",
# "Thanks to our helpers, you know who you are").
NEVER_FITTED_PATTERNS = (r"\banother\s+", r"(?<!\b(?:thank|thanks|thankful")


def never_fitted(params: dict[str, Any]) -> frozenset[str]:
    """The components (by their names in fit_tone_weights.components()) that keep their written weight."""
    return NEVER_FITTED | {f"patterns[{i}]" for i, source in enumerate(params["patterns"])
                           if source.startswith(NEVER_FITTED_PATTERNS)}
