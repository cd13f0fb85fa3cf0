"""How context scales a tone word's weight: the sentiment rule's ``scales``."""

from __future__ import annotations

from dataclasses import dataclass

from tweetguard.core.errors import RuleParamError

SCALE_KEYS = ("negated", "negated_negative", "intensified", "before_contrast", "after_contrast")


@dataclass(frozen=True)
class Scales:
    """How context scales a word's weight (the rule's ``scales``)."""

    negated: float  # a negated positive word: "not good enough"
    negated_negative: float  # a negated negative word: "not bad"
    intensified: float  # after "really", "very"; a negative word in capitals
    before_contrast: float  # the clause before "but"
    after_contrast: float  # the clause after it


def read_scales(given: object) -> Scales:
    """The rule's ``scales``: a number for each of SCALE_KEYS, or a RuleParamError."""
    if not isinstance(given, dict) or set(given) != set(SCALE_KEYS) or not all(
            isinstance(v, (int, float)) and not isinstance(v, bool) for v in given.values()):
        raise RuleParamError("scales", f"must give a number for each of {', '.join(SCALE_KEYS)}")
    return Scales(**{key: float(given[key]) for key in SCALE_KEYS})
