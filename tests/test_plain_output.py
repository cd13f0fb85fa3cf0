"""Text output without colour is written without rich, and must be exactly what rich prints."""

from __future__ import annotations

import io
from datetime import datetime

from hypothesis import example, given, settings
from hypothesis import strategies as st
from rich.console import Console
from rich.markup import escape as rich_escape
from rich.text import Text

from tweetguard.core.model import Draft, DraftResult, Note, Violation
from tweetguard.core.reporting import Summary
from tweetguard.output.options import OutputOptions
from tweetguard.output.plain import escape, plain
from tweetguard.output.text import TextReporter

# Characters that mean something to rich: brackets, backslashes, tag starts, control codes,
# tabs, wide and combining characters.
TRICKY = st.text(
    alphabet=st.sampled_from(list("[]\\/#@=az Z09\t\r\n\x07\x08\x0b\x0c\x1b»«é漢😀\u0301")) | st.characters(),
    max_size=40,
)


def _rich_print(*objects: object) -> str:
    out = io.StringIO()
    Console(file=out, force_terminal=False, no_color=True, highlight=False, soft_wrap=True,
            emoji=False).print(*objects)
    return out.getvalue()


class _RichOnly(TextReporter):
    """The reporter as it was: every line printed by rich."""

    def _say(self, markup: str = "", hang: int | None = None) -> None:
        self.console.print(markup)

    def _say_text(self, text: str, hang: int | None = None) -> None:
        self.console.print(Text(text))


@settings(max_examples=300, deadline=None)
@given(TRICKY)
@example("ends in a backslash\\")
@example("[bold]not a tag[/]")
@example("\\[x] \\\\[y] [z")
def test_escape_and_plain_match_rich(text: str) -> None:
    assert escape(text) == rich_escape(text)
    markup = "  [bold red]✗ Error:[/] " + escape(text) + " [dim](rule-id, line 1 col 2)[/]"
    if "\t" not in plain(markup):
        assert plain(markup) + "\n" == _rich_print(markup)


def _report(reporter_type: type[TextReporter], result: DraftResult) -> str:
    out = io.StringIO()
    reporter = reporter_type(out, OutputOptions(statistics=True))
    summary = Summary()
    summary.add(result)
    reporter.draft(result)
    reporter.finish(summary)
    return out.getvalue()


@settings(max_examples=200, deadline=None)
@given(TRICKY, TRICKY, TRICKY, st.integers(0, 40), st.integers(0, 40))
@example("Well done\tEllie\n\nand [b]Sam\\", "Use '[x]'\\", "note\r", 3, 12)
def test_reporter_without_colour_prints_what_rich_printed(text: str, message: str, note: str,
                                                         first: int, second: int) -> None:
    start, end = sorted((min(first, len(text)), min(second, len(text))))
    violations = [
        Violation("some-rule", "names", "error", message, start, end, suggestion=note or None, fix=message[:3]),
        Violation("other-rule", "tone", "warning", note, 0, min(2, len(text))),
    ]
    draft = Draft(source="drafts/a [b].txt", text=text or "x", id=note or None)
    result = DraftResult(draft, None, violations, [Note("some-rule", note)],
                         next_allowed=datetime(2026, 3, 12, 8, 0))
    assert _report(TextReporter, result) == _report(_RichOnly, result)
