"""One draft analysed once, lazily, into what every kind reads.

A :class:`TextAnalysis` holds the normalised view of the draft (with its map back to the
original), and computes on first ask its tokens, its sentences and the names in it. The
check's context carries one per draft, so no kind tokenises, splits sentences or finds
names on its own, and each is done at most once per draft.
"""

from __future__ import annotations

from functools import cached_property

from tweetguard.text.names import Lexicon, NameAnalysis, RosterIndex, Token, tokenise
from tweetguard.text.names.context import context_first_name_spans
from tweetguard.text.normalise import TextView
from tweetguard.text.sentences import Span, clauses, sentences


class TextAnalysis:
    """The analysis of one draft's normalised text; each part is computed on first ask."""

    def __init__(self, view: TextView, lexicon: Lexicon, roster: RosterIndex | None) -> None:
        self.view = view
        self.text = view.text
        self.lexicon = lexicon
        self.roster = roster

    @cached_property
    def tokens(self) -> list[Token]:
        """The recogniser's tokens (words and hashtag parts)."""
        return tokenise(self.text)

    @cached_property
    def sentences(self) -> list[Span]:
        """The sentences (text.sentences.sentences), each with its closing punctuation."""
        return sentences(self.text)

    @cached_property
    def clauses(self) -> list[Span]:
        """The sentences cut at spaced dashes (text.sentences.clauses)."""
        return list(clauses(self.text))

    @cached_property
    def names(self) -> NameAnalysis:
        """The people named, each with its form and the reason it was judged a child's."""
        return NameAnalysis(self.text, self.lexicon, self.roster, self.tokens)

    @cached_property
    def context_names(self) -> list[tuple[int, int]]:
        """Spans of words the lighter finder reads as a person's first name (see names.context)."""
        return context_first_name_spans(self.text, self.tokens, self.lexicon, self.roster)
