"""Text output for people: each draft with its problem words highlighted in place.

Colour as ``--color`` decides (by default: a terminal, not TERM=dumb, no NO_COLOR; or
FORCE_COLOR); without colour the problem words are marked »like this« so they still stand
out in a log, an email or a dumb terminal. On a terminal, lines are wrapped at its width on
word boundaries, continuation lines indented under their first.
"""

from __future__ import annotations

import os
import textwrap
from typing import TYPE_CHECKING, Sequence, TextIO

from tweetguard.core.clock import describe
from tweetguard.core.errors import TweetguardError
from tweetguard.core.model import CATEGORIES, DraftResult, Rule, Violation
from tweetguard.core.reporting import Summary
from tweetguard.core.wording import plural
from tweetguard.output.location import line_col
from tweetguard.output.options import OutputOptions
from tweetguard.output.plain import escape, plain, strip_control_codes
from tweetguard.sources import registry
from tweetguard.sources.stdin import LABEL as STDIN_LABEL

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

SEVERITY_STYLE = {"error": "bold red", "warning": "bold yellow", "info": "bold blue"}
SEVERITY_MARK = {"error": "✗ Error", "warning": "! Warning", "info": "i Note"}


def highlighted(text: str, violations: Sequence[Violation], color: bool) -> Text:
    """The draft with every violating span highlighted (or »marked« without colour)."""
    from rich.text import Text

    if not color:
        return Text(marked(text, violations))
    spans = sorted({(v.start, v.end, v.severity) for v in violations if v.end > v.start})
    out = Text(text)
    for start, end, severity in spans:
        out.stylize("reverse " + SEVERITY_STYLE[severity].split()[-1], start, end)
    return out


def hanging(line: str) -> int:
    """How far a wrapped line's continuation is indented: under its first word's text."""
    return len(line) - len(line.lstrip(" ")) + 2


def wrap_plain(line: str, width: int, hang: int) -> str:
    """``line`` wrapped at ``width`` on spaces (long words and URLs are never cut)."""
    if len(line) <= width:
        return line
    return "\n".join(textwrap.wrap(line, width=width, subsequent_indent=" " * hang, break_long_words=False,
                                    break_on_hyphens=False, replace_whitespace=False, drop_whitespace=True))


def marked(text: str, violations: Sequence[Violation]) -> str:
    """The draft with every violating span »marked«, for output without colour."""
    spans = sorted({(v.start, v.end, v.severity) for v in violations if v.end > v.start})
    merged: list[list[int]] = []
    for start, end, _ in spans:
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    pieces: list[str] = []
    cursor = 0
    for start, end in merged:
        pieces += [text[cursor:start], "»", text[start:end], "«"]
        cursor = end
    pieces.append(text[cursor:])
    return "".join(pieces)


class TextReporter:
    """Prints through rich on a colour terminal; otherwise writes the same characters itself."""

    def __init__(self, stream: TextIO, options: OutputOptions) -> None:
        self.options = options
        self.stream = stream
        self._console: Console | None = None
        self._pending: list[str] = []  # plain lines not yet written (written once per draft)
        self._published = 0  # posts already out (an archive, even read by check): "post", not "draft"

    @property
    def console(self) -> Console:
        if self._console is None:
            from rich.console import Console

            # rich would pick no colours at all for TERM=dumb even when told to colour
            # (--color always, FORCE_COLOR): then the 16 standard ones.
            dumb = os.environ.get("TERM", "").strip().lower() in ("dumb", "unknown")
            self._console = Console(file=self.stream, force_terminal=self.options.color,
                                    color_system="standard" if dumb and self.options.color else "auto",
                                    no_color=not self.options.color, highlight=False, soft_wrap=True, emoji=False)
        return self._console

    def _say(self, markup: str = "", hang: int | None = None) -> None:
        """Print one piece of console markup (wrapped on a terminal; see ``hanging``)."""
        if not self.options.color:
            text = plain(markup)
            if "\t" not in text:  # rich expands tabs by the cell width of what precedes them
                self._pending.append(self._wrapped(text, hang) + "\n")
                return
            self._flush()
            self.console.print(markup)
            return
        from rich.text import Text

        self._print_wrapped(Text.from_markup(markup), hang)

    def _say_text(self, text: str, hang: int | None = None) -> None:
        """Print text as it is (no markup), without colour."""
        text = strip_control_codes(text)
        if "\t" not in text:
            self._pending.append(self._wrapped(text, hang) + "\n")
            return
        from rich.text import Text

        self._flush()
        self.console.print(Text(text))

    def _wrapped(self, text: str, hang: int | None) -> str:
        width = self.options.width
        if width is None:
            return text
        return "\n".join(wrap_plain(line, width, hanging(line) if hang is None else hang)
                         for line in text.split("\n"))

    def _print_wrapped(self, text: Text, hang: int | None) -> None:
        """A styled line, wrapped on word boundaries with a hanging indent (colour output)."""
        from rich.text import Text

        width = self.options.width
        plain_text = text.plain
        if width is None or len(plain_text) <= width:
            self.console.print(text)
            return
        indent = hanging(plain_text) if hang is None else hang
        lines = text.wrap(self.console, max(20, width - indent))
        out = Text()
        for index, line in enumerate(lines):
            line.rstrip()
            out.append_text((Text(" " * indent) if index else Text()) + line)
            if index < len(lines) - 1:
                out.append("\n")
        self.console.print(out)

    def _flush(self) -> None:
        # Written and flushed as rich would, before anything else can reach standard error.
        if self._pending:
            self.stream.write("".join(self._pending))
            self._pending.clear()
            self.stream.flush()

    def draft(self, result: DraftResult) -> None:
        self._published += result.draft.published
        if self.options.quiet and not result.violations:
            return
        draft = result.draft
        redact = self.options.redact
        if draft.published and result.posting_time is not None:  # the post's link says which one it is
            heading = f"{draft.source}  (posted {describe(result.posting_time, year=True)})"
        else:
            heading = _heading(draft.source) + (f"  (id {draft.id})" if draft.id else "")
        # Redaction keeps every character's position, so spans still line up.
        if self.options.color:
            from rich.text import Text

            self.console.print(Text(heading, style="bold"))
            body = highlighted(redact(draft.text), result.violations, True)
            for body_line in body.split("\n", allow_blank=True):
                self._print_wrapped(Text("    ") + body_line, hang=4)
        else:
            self._say_text(heading)
            for line in marked(redact(draft.text), result.violations).split("\n"):
                self._say_text("    " + line, hang=4)
        self._draft_details(result)
        self._flush()

    def _draft_details(self, result: DraftResult) -> None:
        draft = result.draft
        redact = self.options.redact
        for violation in result.violations:
            line, col = line_col(draft, violation.start)
            style = SEVERITY_STYLE[violation.severity]
            mark = f"[{style}]{SEVERITY_MARK[violation.severity]}:[/] "
            where = f" [dim]({violation.rule}, line {line} col {col})[/]" if self.options.verbose else ""
            self._say("  " + mark + escape(redact(violation.message)) + where)
            if violation.fix is not None:
                replacement = escape(redact(violation.fix))
                # Only draft files --fix writes to are offered it; typed drafts are told what to write.
                can_fix = registry.can_fix(draft)
                self._say(f"      [green]Write instead:[/] “{replacement}”"
                          + (" (--fix can make this change for you)" if can_fix else ""))
            if violation.suggestion and violation.suggestion != violation.fix:
                self._say("      [green]What to do:[/] " + escape(redact(violation.suggestion)))
        for note in result.notes:
            self._say("  [blue]✓[/] " + escape(redact(note.message)))
        if result.draft.published:
            verdict = _published_verdict(result)
        elif result.has("error"):
            verdict = "[bold red]Not ready to post[/]: fix the errors above first."
            if result.next_allowed:
                verdict += f" It may go out from {describe(result.next_allowed)}."
        elif result.has("warning") and self.options.strict:
            verdict = "[bold red]Not ready to post[/] (--strict): deal with the warnings above first."
        elif result.has("warning"):  # notes (info) are advice, never a reason to wait
            verdict = "[yellow]Ready to post after a second look[/]: read the warnings above first."
        else:
            verdict = "[bold green]✓ Ready to post.[/]"
        self._say("  " + verdict)
        self._say()

    def problem(self, error: TweetguardError) -> None:
        """Unreadable drafts are reported on standard error by the command itself."""

    def finish(self, summary: Summary) -> None:
        self._finish(summary)
        self._flush()

    def _finish(self, summary: Summary) -> None:
        if self.options.statistics and summary.by_rule:
            for rule, count in summary.by_rule.most_common():
                self._say(f"{count:6d}  {rule}")
        audit = self.options.audit or 0 < summary.drafts == self._published
        if audit and summary.by_year:
            for line in year_table(summary):
                self._say(escape(line))
            self._say()
        if self.options.quiet and not (summary.by_severity["error"] or summary.unreadable):
            return
        parts = [f"Checked {plural(summary.drafts, 'post' if audit else 'draft')}"]
        counts = [plural(summary.by_severity[s], s) for s in ("error", "warning") if summary.by_severity[s]]
        parts.append(", ".join(counts) if counts else "no problems found" if summary.drafts else "nothing was checked")
        if summary.unreadable:
            unreadable = summary.unreadable
            noun = "post" if audit else "draft"
            parts.append(f"{unreadable} {f'{noun} or file' if unreadable == 1 else f'{noun}s or files'} could not be "
                         "read (see above)")
        ready = summary.drafts - summary.drafts_with_errors
        second_look = summary.drafts_with_only_warnings
        if self.options.strict:
            ready, second_look = ready - second_look, 0
        parts.append(f"{ready} of {summary.drafts} {'within the policy' if audit else 'ready to post'}"
                     + (f" ({second_look} after a second look at the warnings)" if second_look else ""))
        self._say(": ".join(parts[:2]) + (". " + ". ".join(parts[2:]) if parts[2:] else "") + ".")


def _published_verdict(result: DraftResult) -> str:
    """What to do about a post already out: it cannot be fixed, only taken down or learnt from."""
    if result.has("error"):
        return "[bold red]Breaks the policy[/]: consider deleting this post (see the errors above)."
    if result.has("warning"):
        return "[yellow]Worth a second look[/]: read the warnings above."
    return "[bold green]✓ Within the policy.[/]"


def year_table(summary: Summary) -> list[str]:
    """An audit's posts by the year they went out: how many, how many broke the policy (an
    error), and how many had a problem of each category that any year has."""
    categories = [c for c in CATEGORIES if any(counts[c] for counts in summary.by_year.values())]
    columns = ["year", "posts", "broke the policy", *categories]
    keys = ["posts", "broke_policy", *categories]
    rows = [[str(year), *(str(counts[k]) for k in keys)] for year, counts in sorted(summary.by_year.items())]
    widths = [max(len(column), *(len(row[i]) for row in rows)) for i, column in enumerate(columns)]
    lines = ["Posts by the year they went out: how many broke the policy, and how many had each kind of problem:"]
    for row in [columns, *rows]:
        lines.append("  " + "  ".join(cell.rjust(width) if index else cell.ljust(width)
                                      for index, (cell, width) in enumerate(zip(row, widths))))
    return lines


def make_reporter(stream: TextIO, options: OutputOptions, rules: Sequence[Rule]) -> TextReporter:
    return TextReporter(stream, options)


def _heading(source: str) -> str:
    """A piped draft is the person's own, as a typed one is: "Your draft", not ``<stdin>``
    (standard error's lines and the machine formats keep ``<stdin>``, which says where)."""
    name, _, line = source.partition(":")
    if name != STDIN_LABEL:
        return source
    return "Your draft" + (f" (line {line})" if line else "")
