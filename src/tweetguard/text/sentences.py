"""Where sentences end: the one place that splits a draft into sentences.

Kinds mean slightly different things by "a sentence", and each variant here is named for
what it is used for, so a kind says which it means instead of carrying its own pattern.
"""

from __future__ import annotations

import regex

# For the name recogniser: a sentence ends at a full stop, "!", "?", "…" or a blank line;
# a line break alone ends one too when the recogniser asks (a name at a line's start).
NAME_SENTENCE_END = regex.compile(r"[.!?…]|\n\s*\n")
