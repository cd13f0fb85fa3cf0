"""Kinds: the small set of checks that rules in the catalogue are instances of.

A kind is a module with ``PARAMS`` (the rule keys it reads, with their types) and
``build(rule, lists) -> Check``. Kinds are imported only when a rule uses them, which keeps
the cold start short.
"""

from __future__ import annotations

import importlib
from types import ModuleType

from tweetguard.kinds.base import Check, Context, Param

KIND_MODULES: dict[str, str] = {
    "pattern": "tweetguard.kinds.pattern",
    "lexicon": "tweetguard.kinds.lexicon",
    "schedule": "tweetguard.kinds.schedule",
    "length": "tweetguard.kinds.length",
    "full_name": "tweetguard.kinds.full_name",
    "targeted": "tweetguard.kinds.targeted",
    "photo_consent": "tweetguard.kinds.photo_consent",
    "photos": "tweetguard.kinds.photos",
    "near": "tweetguard.kinds.near",
    "contact": "tweetguard.kinds.contact",
    "profanity": "tweetguard.kinds.profanity",
    "sentiment": "tweetguard.kinds.sentiment",
}


def kind_names() -> list[str]:
    return sorted(KIND_MODULES)


def load_kind(name: str) -> ModuleType:
    """The module for kind ``name``; KeyError when there is no such kind."""
    return importlib.import_module(KIND_MODULES[name])


__all__ = ["Check", "Context", "Param", "KIND_MODULES", "kind_names", "load_kind"]
