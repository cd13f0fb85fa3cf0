"""Where sentences end: the one module that splits a draft into sentences.

Kinds mean slightly different things by "a sentence", and unifying them changed results, so
each variant is named here for what it is, and a kind says which it means instead of
carrying its own pattern:

- :func:`sentences`: sentences, each with its closing punctuation. A sentence ends at a run
  of ".", "!", "?" or "…" followed by a space, a closing quote or bracket, or the end; and
  at a line break. (targeted: the sentence naming a child.)
- :func:`clauses`: sentences without their separators, further cut at a spaced dash
  ("Great work – see you Monday"). (near: a term and its context in one clause.)
- :func:`tone_pieces`: runs of text up to and including ".", "!" or "?" (a decimal point or
  "e.g." ends one too) and lines. (sentiment: each piece scored on its own.)
- :data:`NAME_SENTENCE_END` and :func:`starts_sentence`: tests at one word, for the name
  recognisers (is this word the first of its sentence, where everything is capitalised?).
"""

from __future__ import annotations

from typing import Iterator

import regex

Span = tuple[int, int]

SENTENCE_END = regex.compile(r"[.!?…]+(?=[\s\"'’”)]|$)|\n+")
CLAUSE_BREAK = regex.compile(r"(?<=[.!?])[\"')\]]*\s+|\n+|(?<=\S)\s+[-–—]\s+(?=\S)")
TONE_PIECE = regex.compile(r"[^.!?\n]+[.!?]*", regex.V1)
# For the name recogniser: the gap before a word holds a sentence end (or a blank line).
NAME_SENTENCE_END = regex.compile(r"[.!?…]|\n\s*\n")
# For the context-name finder: a word starts a sentence when only spaces separate it from the
# start of the text or from a sentence end, a colon, a line break or an opening quote.
CONTEXT_SENTENCE_OPENERS = frozenset(".!?:\n\"“")


def sentences(text: str) -> list[Span]:
    """[start, end) of each sentence, its closing punctuation included; empty ones skipped."""
    spans: list[Span] = []
    start = 0
    for end in SENTENCE_END.finditer(text):
        if end.start() > start:
            spans.append((start, end.end()))
        start = end.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def clauses(text: str) -> Iterator[Span]:
    """[start, end) of the sentences, lines and dash-separated parts, separators left out."""
    start = 0
    for match in CLAUSE_BREAK.finditer(text):
        if match.start() > start:
            yield start, match.start()
        start = match.end()
    if start < len(text):
        yield start, len(text)


def tone_pieces(text: str) -> Iterator[Span]:
    """[start, end) of each run up to a ".", "!" or "?" (leading spaces included) or a line's end."""
    for match in TONE_PIECE.finditer(text):
        yield match.span()


def starts_sentence(text: str, start: int) -> bool:
    """Whether the word at ``start`` opens a sentence (see CONTEXT_SENTENCE_OPENERS)."""
    i = start - 1
    while i >= 0 and text[i].isspace():
        i -= 1
    return i < 0 or text[i] in CONTEXT_SENTENCE_OPENERS
