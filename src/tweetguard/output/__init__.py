"""Output formats. Each module has ``make_reporter(stream, options, rules)``."""

from __future__ import annotations

import importlib
import os
from types import ModuleType

FORMAT_MODULES: dict[str, str] = {
    "text": "tweetguard.output.text",
    "json": "tweetguard.output.json_report",
    "jsonl": "tweetguard.output.jsonl",
    "github": "tweetguard.output.github",
    "sarif": "tweetguard.output.sarif",
    "junit": "tweetguard.output.junit",
}


def format_names() -> list[str]:
    return ["auto", *FORMAT_MODULES]


def resolve_format(name: str, is_terminal: bool) -> str:
    """``auto``: text on a terminal, GitHub annotations in GitHub Actions, text elsewhere."""
    if name != "auto":
        return name
    if not is_terminal and os.environ.get("GITHUB_ACTIONS") == "true" and "github" in FORMAT_MODULES:
        return "github"
    return "text"


def load_format(name: str) -> ModuleType:
    return importlib.import_module(FORMAT_MODULES[name])
