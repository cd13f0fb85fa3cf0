"""``--redact``: mask pupils' names in every output, so a CI log never carries a child's name.

A name is masked letter by letter, keeping each word's first letter ("Ellie Thompson" ->
"E**** T*******"). The masked text has exactly the length of the original, so highlighted
spans and columns still line up.

Which words are names:
- the words the names/targeted/media rules flagged in the draft being reported (learned by
  :class:`RedactingReporter` before the real reporter prints that draft, and kept for the rest
  of the run: once a word was a child's name it is masked everywhere after);
- every roster pupil's first and last name, in any case, when a roster is loaded;
- person names found in the text by the rules' name recogniser (tweetguard.text.names), with
  the catalogue's lists the engine loaded, and capitalised first names from the same gazetteer
  (tweetguard.text.names.lighter).

Matching is done on the normalised view of the text (tweetguard.text.normalise), so a name
disguised with look-alike letters or zero-width characters is masked too.
"""

from __future__ import annotations

from typing import Callable, Iterable, Iterator

import regex

from tweetguard.core.model import DraftResult
from tweetguard.core.patterns import lazy_regex
from tweetguard.core.reporting import ForwardingReporter, Reporter
from tweetguard.core.roster import Roster
from tweetguard.text.names import (
    Lexicon,
    RosterIndex,
    build_lexicon,
    build_roster_index,
    find_person_names,
)
from tweetguard.text.names.lighter import gazetteer_name_spans, is_everyday_word
from tweetguard.text.normalise import normalise

# Categories whose spans point at a child: their capitalised words are names.
NAME_CATEGORIES = frozenset({"names", "targeted", "media"})
WORD = lazy_regex(r"\p{L}[\p{L}\p{M}'’-]*\p{L}|\p{L}")
# A letter or mark inside a word is masked; apostrophes and hyphens stay, so lengths match.
MASKABLE = lazy_regex(r"[\p{L}\p{M}\p{Cf}]")

Span = tuple[int, int]


def mask(text: str) -> str:
    """Keep the first letter of each word, replace its other letters with '*'; same length."""
    out: list[str] = []
    in_word = False
    for char in text:
        if MASKABLE.match(char):
            out.append("*" if in_word else char)
            # Invisible characters before the first letter do not start the word.
            in_word = in_word or char.isalpha()
        else:
            out.append(char)
            in_word = False
    return "".join(out)


def _detector(lexicon: Lexicon, roster: RosterIndex | None) -> Callable[[str], Iterable[Span]]:
    """The rules' name recogniser (tweetguard.text.names) plus the gazetteer-only finder
    beside it: masking a word too many is harmless, one too few is not."""

    def spans(text: str) -> Iterator[Span]:
        for found in find_person_names(text, lexicon, roster):
            yield found.start, found.end
        yield from gazetteer_name_spans(text)

    return spans


def _default_lexicon() -> Lexicon:
    """The default catalogue's lists, for a Redactor made without an engine."""
    from tweetguard.catalogue.loader import (
        load_catalogue,  # only then is the catalogue needed
    )

    return build_lexicon(load_catalogue().lists)


class Redactor:
    """A ``str -> str`` masker for OutputOptions.redact, plus the names learned so far."""

    def __init__(self, roster: Roster | None = None, detector: Callable[[str], Iterable[Span]] | None = None,
                 lexicon: Lexicon | None = None, roster_index: RosterIndex | None = None) -> None:
        """``lexicon`` and ``roster_index``: the engine's, built from the catalogue it loaded;
        without a lexicon, the default catalogue's lists are read."""
        self.known: set[str] = set()
        if roster is not None:
            for pupil in roster.pupils:
                for name in (pupil.first_name, pupil.last_name):
                    self.known.update(w.lower() for w in WORD.findall(normalise(name).text))
                    self.known.update(part.lower() for part in regex.split(r"[-' ]", name) if len(part) > 1)
        if roster_index is None and roster is not None:
            roster_index = build_roster_index(roster)
        if detector is None:
            detector = _detector(lexicon if lexicon is not None else _default_lexicon(), roster_index)
        self.detector = detector

    def learn(self, result: DraftResult) -> None:
        """Remember the words the names/targeted/media rules flagged in this draft."""
        text = result.draft.text
        for violation in result.violations:
            if violation.category not in NAME_CATEGORIES or violation.end <= violation.start:
                continue
            span = text[violation.start : violation.end]
            view = normalise(span)
            for word in WORD.findall(view.text):
                # A names span is all name; elsewhere ("Well done Josh") only capitalised words
                # that are not everyday words are.
                if violation.category == "names" or (word[0].isupper() and not is_everyday_word(word)):
                    self.known.add(word.lower())

    def spans(self, text: str) -> list[Span]:
        view = normalise(text)
        found: list[Span] = []
        for match in WORD.finditer(view.text):
            word = match.group().lower()
            parts = [word, *word.replace("’", "'").split("'")[:1], *word.split("-")]
            if any(part in self.known for part in parts):
                found.append(view.to_original(match.start(), match.end()))
        found.extend(view.to_original(s, e) for s, e in self.detector(view.text))
        return found

    def __call__(self, text: str) -> str:
        if not text:
            return text
        chars = list(text)
        for start, end in self.spans(text):
            chars[start:end] = mask(text[start:end])
        return "".join(chars)


class RedactingReporter(ForwardingReporter):
    """Learns each draft's flagged names before the real reporter prints that draft."""

    def __init__(self, inner: Reporter, redactor: Redactor) -> None:
        super().__init__(inner)
        self.redactor = redactor

    def draft(self, result: DraftResult) -> None:
        self.redactor.learn(result)
        self.inner.draft(result)
