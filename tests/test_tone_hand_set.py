"""The tone patterns set by hand stay set by hand: each prefix in scripts/tone_hand_set.py opens
exactly one of rules/tone.yaml's patterns (a reworded pattern would otherwise be fitted)."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

from tweetguard.catalogue.loader import load_catalogue

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "tone_hand_set.py"


def _hand_set() -> ModuleType:
    spec = importlib.util.spec_from_file_location("tone_hand_set", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_each_hand_set_prefix_opens_exactly_one_pattern() -> None:
    hand_set = _hand_set()
    rule = next(r for r in load_catalogue().rules if r.id == "negative-tone")
    sources = list(rule.params["patterns"])
    for prefix in hand_set.NEVER_FITTED_PATTERNS:
        assert sum(source.startswith(prefix) for source in sources) == 1, prefix
    kept = hand_set.never_fitted(rule.params)
    assert len(kept - hand_set.NEVER_FITTED) == len(hand_set.NEVER_FITTED_PATTERNS)
    assert any("know\\s+who\\s+you\\s+are" in sources[int(name[9:-1])] for name in kept if name.startswith("patterns["))
