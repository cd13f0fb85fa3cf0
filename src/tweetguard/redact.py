"""``--redact``: mask pupils' names in every output, so a CI log never carries a child's name.

A name is masked letter by letter, keeping each word's first letter ("Ellie Thompson" ->
"E**** T*******"). The masked text has exactly the length of the original, so highlighted
spans and columns still line up.

Which words are names:
- the words the names/targeted/media rules flagged in any draft of the run (the report, the
  diff and standard error are held until every draft is checked, so the order of the drafts
  does not matter), and the phone numbers, emails and postcodes they found, masked whole;
- every roster pupil's first and last name, in any case, when a roster is loaded;
- person names found in the text by the rules' name recogniser (tweetguard.text.names), with
  the catalogue's lists the engine loaded, and capitalised first names from the same gazetteer
  (tweetguard.text.names.lighter).

Matching is done on the normalised view of the text (tweetguard.text.normalise), so a name
disguised with look-alike letters or zero-width characters is masked too.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import regex

from tweetguard.core.errors import TweetguardError
from tweetguard.core.model import DraftResult
from tweetguard.core.patterns import lazy_regex
from tweetguard.core.reporting import ForwardingReporter, Reporter, Summary
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
# A phone number, email address or postcode the rules found is masked whole, digits too.
DATA_CATEGORIES = frozenset({"personal-data"})
DATA_SHAPE = lazy_regex(r"[\d@]|\b\p{Lu}{1,2}\d")  # what such a finding looks like (not "asthma")
ALPHANUMERIC = lazy_regex(r"[\p{L}\p{M}\p{N}]")
WORD = lazy_regex(r"\p{L}[\p{L}\p{M}'’-]*\p{L}|\p{L}")
QUOTED = lazy_regex(r"(['\"“‘])([^'\"”’\n]+)(['\"”’])")  # a value an error message quotes
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


def mask_all(text: str) -> str:
    """Every letter and digit replaced with '*' ("L1 2AB" -> "** ***"); same length."""
    return ALPHANUMERIC.sub("*", text)


def mask_quoted(message: str) -> str:
    """A message with whatever it quotes masked whole: a roster cell, a front-matter value."""
    return QUOTED.sub(lambda m: m.group(1) + mask_all(m.group(2)) + m.group(3), message)


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
        self.literals: set[str] = set()  # personal data the rules found, masked whole
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
            if violation.end <= violation.start:
                continue
            span = text[violation.start : violation.end]
            if violation.category in DATA_CATEGORIES and DATA_SHAPE.search(span) and len(span) >= 4:
                self.literals.add(span)
                continue
            if violation.category not in NAME_CATEGORIES:
                continue
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

    def data_spans(self, text: str) -> list[Span]:
        """Where the personal data found in any draft occurs in ``text``."""
        found: list[Span] = []
        for literal in self.literals:
            at = text.find(literal)
            while at >= 0:
                found.append((at, at + len(literal)))
                at = text.find(literal, at + 1)
        return found

    def __call__(self, text: str) -> str:
        if not text:
            return text
        chars = list(text)
        for start, end in self.spans(text):
            chars[start:end] = mask(text[start:end])
        for start, end in self.data_spans(text):
            chars[start:end] = mask_all(text[start:end])
        return "".join(chars)


class RedactingReporter(ForwardingReporter):
    """Holds the run back until every draft is checked, learning each draft's flagged names
    and personal data, then hands it on with draft ids, file names and errors masked: what is
    masked does not depend on the order of the drafts (a name flagged in the last draft is
    masked in the first). The cost is that nothing is printed before the run ends."""

    def __init__(self, inner: Reporter, redactor: Redactor) -> None:
        super().__init__(inner)
        self.redactor = redactor
        self.held: list[DraftResult | TweetguardError] = []

    def draft(self, result: DraftResult) -> None:
        self.redactor.learn(result)
        self.held.append(result)

    def problem(self, error: TweetguardError) -> None:
        self.held.append(error)

    def finish(self, summary: Summary) -> None:
        for item in self.held:
            if isinstance(item, TweetguardError):
                self.inner.problem(self.error(item))
            else:
                self.inner.draft(self.result(item))
        self.held.clear()
        self.inner.finish(summary)

    def result(self, result: DraftResult) -> DraftResult:
        draft = result.draft
        masked = dataclasses.replace(
            draft, source=self.redactor(draft.source), id=self.redactor(draft.id) if draft.id else draft.id,
            path=Path(self.redactor(str(draft.path))) if draft.path is not None else None,
            media=tuple(self.redactor(m) for m in draft.media))
        return dataclasses.replace(result, draft=masked)

    def error(self, error: TweetguardError) -> TweetguardError:
        return redact_error(error, self.redactor)


class LearningReporter(ForwardingReporter):
    """Learns each draft's flagged names as it passes, before --fix/--diff see it (--diff
    reports to no one, so the RedactingReporter below it would never learn them)."""

    def __init__(self, inner: Reporter, redactor: Redactor) -> None:
        super().__init__(inner)
        self.redactor = redactor

    def draft(self, result: DraftResult) -> None:
        self.redactor.learn(result)
        self.inner.draft(result)


def redact_error(error: TweetguardError, redactor: Callable[[str], str] | None = None) -> TweetguardError:
    """``error`` with what it quotes masked whole (a bad roster cell, a draft's front-matter
    value) and, given a redactor, the names in where it happened (a file named after a child)."""
    where, raw_where, message = error.where, error.raw_where, mask_quoted(error.message)
    if redactor is not None:
        where, raw_where, message = redactor(where), redactor(raw_where), redactor(message)
    masked = type(error)(where, message)  # every TweetguardError is made from these two
    masked.raw_where = raw_where
    return masked


class HeldOutput:
    """Text for a stream (the --diff, lines on standard error) held back until every draft
    has been learned, then written masked."""

    def __init__(self, emit: Callable[[str], object], redactor: Redactor) -> None:
        self.emit = emit
        self.redactor = redactor
        self.held: list[str] = []

    def write(self, text: str) -> int:
        self.held.append(text)
        return len(text)

    def flush(self) -> None:
        pass  # written on release

    def release(self) -> None:
        for text in self.held:
            self.emit(self.redactor(mask_quoted(text)))
        self.held.clear()
