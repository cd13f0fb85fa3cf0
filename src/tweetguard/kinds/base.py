"""What every kind shares: its parameter declarations and the context a check reads."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable, Mapping

from tweetguard.core.errors import RuleParamError
from tweetguard.core.model import Draft, Finding, Note
from tweetguard.text.analysis import TextAnalysis
from tweetguard.text.names import (
    Lexicon,
    RosterIndex,
    build_lexicon,
    build_roster_index,
)
from tweetguard.text.normalise import TextView

if TYPE_CHECKING:
    from tweetguard.core.photos import Photo
    from tweetguard.core.roster import Roster
    from tweetguard.core.settings import Settings


@dataclass(frozen=True)
class Param:
    """A rule key a kind reads: its type, whether it must be given, and its default."""

    type: type | tuple[type, ...]
    required: bool = False
    default: Any = None
    help: str = ""


@dataclass
class Context:
    """Everything a check may read about one draft besides the draft itself."""

    view: TextView
    posting_time: datetime | None  # None: unknown (--only-scheduled), posting hours not checked
    settings: Settings
    roster: Roster | None
    lists: Mapping[str, tuple[str, ...]]
    notes: list[Note] = field(default_factory=list)
    next_allowed: datetime | None = None
    # Built once per catalogue and per roster by the engine; without them (a context built
    # by hand) the lexicon is built from ``lists`` for this draft.
    lexicon: Lexicon | None = None
    roster_index: RosterIndex | None = None
    _photos: tuple[Photo, ...] | None = None

    @cached_property
    def analysis(self) -> TextAnalysis:
        """This draft's text analysis (tokens, sentences, names), built on first ask."""
        return self.analyse(self.view)

    def analyse(self, view: TextView) -> TextAnalysis:
        """The analysis of another text published with the draft (a photo's description)."""
        lexicon = self.lexicon if self.lexicon is not None else build_lexicon(self.lists)
        roster = self.roster_index
        if roster is None and self.roster is not None:
            roster = build_roster_index(self.roster)
        return TextAnalysis(view, lexicon, roster)

    def photos(self, draft: Draft) -> tuple[Photo, ...]:
        """The draft's attached files that exist (beside its file, or in the current folder
        for a typed draft), each opened once however many rules ask."""
        if self._photos is None:
            from tweetguard.core.photos import attached_photos  # only for a draft with media

            folder = draft.path.parent if draft.path is not None else Path.cwd()
            self._photos = attached_photos(draft.media, folder) if self.settings.open_media else ()
        return self._photos

    def list(self, name: str) -> tuple[str, ...]:
        """A named word list from the catalogue (``lists:``), extended by the school's config."""
        return self.lists.get(name, ())


Check = Callable[[Draft, Context], Iterable[Finding]]


__all__ = ["Check", "Context", "Param", "RuleParamError"]
