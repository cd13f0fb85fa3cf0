"""Console markup as plain text: exactly the characters rich prints when colour is off.

Without colour the text reporter writes these itself, so a check that is not shown on a
colour terminal never imports rich (about a fifth of the cold start). The functions follow
rich.markup (``escape`` and the tag parser) and rich.text (control codes dropped), so the
output is byte for byte what rich would print; tests/test_plain_output.py compares them.
"""

from __future__ import annotations

import re

from tweetguard.core.patterns import lazy_re

# rich.markup.RE_TAGS and the pattern of rich.markup.escape.
_TAGS = lazy_re(r"((\\*)\[([a-z#/@][^[]*?)])")
_ESCAPE = lazy_re(r"(\\*)(\[[a-z#/@][^[]*?])")
# rich.control.STRIP_CONTROL_CODES: bell, backspace, vertical tab, form feed, carriage return.
_CONTROL_CODES = dict.fromkeys((7, 8, 11, 12, 13))


def _escape_backslashes(match: re.Match[str]) -> str:
    backslashes, text = match.groups()
    return f"{backslashes}{backslashes}\\{text}"


def escape(markup: str) -> str:
    """rich.markup.escape: text that is printed as written rather than read as tags."""
    markup = _ESCAPE.sub(_escape_backslashes, markup)
    if markup.endswith("\\") and not markup.endswith("\\\\"):
        return markup + "\\"
    return markup


def strip_control_codes(text: str) -> str:
    return text.translate(_CONTROL_CODES)


def plain(markup: str) -> str:
    """What rich prints for ``markup`` without colour: tags dropped, escaped brackets kept."""
    if "[" not in markup:
        return strip_control_codes(markup)
    pieces: list[str] = []
    position = 0
    for match in _TAGS.finditer(markup):
        full_text, escapes, _tag = match.groups()
        start, end = match.span()
        if start > position:
            pieces.append(markup[position:start].replace("\\[", "["))
        if escapes:
            backslashes, escaped = divmod(len(escapes), 2)
            if backslashes:
                pieces.append("\\" * backslashes)
            if escaped:
                pieces.append(full_text[len(escapes):].replace("\\[", "["))
                position = end
                continue
        position = end  # a style tag: no characters of its own
    if position < len(markup):
        pieces.append(markup[position:].replace("\\[", "["))
    return strip_control_codes("".join(pieces))
