"""The data the engine passes around: drafts, rules and violations."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Literal, Mapping

Severity = Literal["error", "warning", "info"]
SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")
CATEGORIES: tuple[str, ...] = (
    "names",
    "targeted",
    "tone",
    "schedule",
    "offensive",
    "personal-data",
    "confidential",
    "length",
    "location",
    "debate",
    "quoting",
    "media",
)
OCCASIONS: tuple[str, ...] = ("event", "urgent")
KeysIn = Literal["front matter", "entry", "columns"]


# The source of a draft typed on the page (``tweetguard serve``): advice there names the
# page's own controls, not command-line flags.
PAGE_SOURCE = "<page>"


@dataclass(frozen=True)
class Draft:
    """One tweet as it will be published, with what its front matter says about it.

    ``text_start`` is the code-point offset of ``text`` inside the file it came from (for
    --fix) and ``line`` the 1-based line where the text starts (for editors and CI).
    """

    source: str
    text: str
    path: Path | None = None
    line: int = 1
    text_start: int = 0
    id: str | None = None
    scheduled: datetime | None = None
    occasion: str | None = None
    reply_to: str | None = None
    media: tuple[str, ...] = ()
    # Each photo's description (alt text) where one was given: file name -> description.
    descriptions: Mapping[str, str] = field(default_factory=dict)
    allow: Mapping[str, str] = field(default_factory=dict)
    thread_index: int | None = None
    platform: str | None = None  # front matter's platform (core.platforms); None: the run's
    # Already posted (read from an account's archive): judged as it went out, never "ready to post".
    published: bool = False
    # Where the draft's own keys (occasion, media...) are written, for advice that says where
    # to add one: a draft file's "front matter", a collection's "entry", a spreadsheet's "columns".
    keys_in: KeysIn = "front matter"


@dataclass(frozen=True)
class Example:
    """A draft in a rule's ``examples``: its text and any front matter it needs."""

    # Every dataclass here has a docstring: without one, @dataclass computes a signature for
    # __doc__ (inspect.signature), which costs ~0.5 ms of start-up per class.
    text: str
    front_matter: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Rule:
    """One entry of the catalogue, as written in a rules/*.yaml file."""

    id: str
    category: str
    severity: Severity
    message: str
    policy: str
    kind: str
    params: Mapping[str, Any]
    bad: tuple[Example, ...]
    good: tuple[Example, ...]
    description: str = ""
    source: str = ""
    once: bool = False


@dataclass(frozen=True)
class Finding:
    """What a kind reports: where in the draft's text, and what to say about it.

    ``fix`` is the replacement text for a safe automatic fix (None when there is none);
    ``reason`` is shown to explain a decision (for example why a draft was exempt).
    """

    start: int
    end: int
    suggestion: str | None = None
    fix: str | None = None
    details: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Violation:
    """A rule broken by a draft: what to tell the writer, and where in the text."""

    rule: str
    category: str
    severity: Severity
    message: str
    start: int
    end: int
    suggestion: str | None = None
    fix: str | None = None


@dataclass(frozen=True)
class Note:
    """Something the reader should know that is not a violation (an exemption, a suppression)."""

    rule: str
    message: str


@dataclass
class DraftResult:
    """Everything the engine found in one draft."""

    draft: Draft
    posting_time: datetime | None
    violations: list[Violation] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    next_allowed: datetime | None = None

    def has(self, severity: Severity) -> bool:
        return any(v.severity == severity for v in self.violations)
