"""Where sentences end: the one sentence splitter every kind and the name recogniser use.

A sentence ends at a run of ".", "!", "?" or "…" followed by a space, a closing quote or
bracket, or the end of the text; and at a line break (a tweet's lines are its sentences).

- :func:`sentences`: the sentences, each with its closing punctuation (targeted: the
  sentence naming a child; sentiment: each sentence scored on its own).
- :func:`clauses`: the sentences further cut at a spaced dash ("Great work – see you
  Monday"), for rules that want a term and its context in one clause (near).
- :func:`starts_sentence` and :data:`SENTENCE_END`: the same ends, tested at one word (the
  name recognisers: at a sentence's start every word is capitalised).

Before there were five splitters; making them one changed no judgement on any corpus.
"""

from __future__ import annotations

from typing import Iterator

from tweetguard.core.patterns import lazy_regex

Span = tuple[int, int]

SENTENCE_END = lazy_regex(r"[.!?…]+(?=[\s\"'’”)]|$)|\n+")
# A dash with spaces either side, between two words: a clause break inside a sentence.
SPACED_DASH = lazy_regex(r"(?<=\S)\s+[-–—]\s+(?=\S)")
TERMINATORS = ".!?…"


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
    """[start, end) of each sentence's parts between spaced dashes (the dashes left out)."""
    for sentence_start, sentence_end in sentences(text):
        start = sentence_start
        for dash in SPACED_DASH.finditer(text, sentence_start, sentence_end):
            if dash.start() > start:
                yield start, dash.start()
            start = dash.end()
        if start < sentence_end:
            yield start, sentence_end


def starts_sentence(text: str, start: int) -> bool:
    """Whether the word at ``start`` opens a sentence: only spaces between it and the start
    of the text, a line break, or a sentence's closing punctuation."""
    i = start - 1
    while i >= 0 and text[i].isspace():
        i -= 1
    if i < 0 or "\n" in text[i + 1:start]:
        return True
    return text[i] in TERMINATORS and i + 1 < start
