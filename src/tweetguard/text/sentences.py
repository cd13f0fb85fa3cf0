"""Where sentences end: the one place that splits a draft into sentences.

Kinds mean slightly different things by "a sentence", and each variant here is named for
what it is used for, so a kind says which it means instead of carrying its own pattern.
"""

from __future__ import annotations

import regex

# For the name recogniser: a sentence ends at a full stop, "!", "?", "…" or a blank line;
# a line break alone ends one too when the recogniser asks (a name at a line's start).
NAME_SENTENCE_END = regex.compile(r"[.!?…]|\n\s*\n")

# For the context-name finder: a word starts a sentence when only spaces separate it from the
# start of the text or from a sentence end, a colon, a line break or an opening quote.
CONTEXT_SENTENCE_OPENERS = frozenset(".!?:\n\"“")


def starts_sentence(text: str, start: int) -> bool:
    """Whether the word at ``start`` opens a sentence (see CONTEXT_SENTENCE_OPENERS)."""
    i = start - 1
    while i >= 0 and text[i].isspace():
        i -= 1
    return i < 0 or text[i] in CONTEXT_SENTENCE_OPENERS
