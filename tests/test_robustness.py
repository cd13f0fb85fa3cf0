"""Property tests: no text or front matter knocks the engine over, and --fix behaves.

Hypothesis generates the drafts; the examples are bounded (max_examples, sizes) so the suite
stays quick. The engine runs the full default catalogue plus one test rule that carries a
fix, so the --fix properties have something to fix whatever the catalogue holds today.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest
from conftest import REPO, WEEKDAY_MORNING
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tweetguard.catalogue.loader import load_catalogue
from tweetguard.core.errors import DraftError
from tweetguard.core.model import Draft
from tweetguard.core.roster import load_roster
from tweetguard.core.settings import Settings
from tweetguard.engine.checker import Engine
from tweetguard.fix import apply_to_text, choose_fixes
from tweetguard.sources.collect import read_file
from tweetguard.sources.draft_file import read_text_draft

FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

# A rule with a fix, so the --fix properties are exercised: "Miss Hart" becomes "Mrs Hart".
FIX_RULE = """\
rules:
  - id: test-title-fix
    category: tone
    severity: warning
    kind: pattern
    policy: a test rule that carries a fix
    message: write {suggestion}
    pattern: '\\bMiss (?<name>[A-Z][a-z]+)\\b'
    ignore_case: false
    suggestion: Mrs
    fix: 'Mrs \\g<name>'
    examples: {bad: [Miss Hart], good: [Mrs Hart]}
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Engine:
    rules = tmp_path_factory.mktemp("rules")
    (rules / "fix.yaml").write_text(FIX_RULE, encoding="utf-8")
    roster = load_roster(REPO / "tests" / "corpus" / "roster.csv")
    catalogue = load_catalogue([rules])
    return Engine(catalogue, Settings(school_domains=("oakfield.sch.uk",)), roster)


ANY_TEXT = st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=400)
CONTROL = st.text(alphabet=st.characters(categories=("Cc", "Cf", "Zl", "Zp", "Zs", "Mn")), max_size=100)
EMOJI = st.lists(st.sampled_from(
    ["\U0001f600", "\U0001f44d\U0001f3fd", "\u2764\ufe0f", "\U0001f469\u200d\U0001f467", "\U0001f3f4\U000e0067"
     "\U000e0062\U000e0065\U000e006e\U000e0067\U000e007f", "\U0001f1ec\U0001f1e7", "1\ufe0f\u20e3", "\u200d"]),
    min_size=50, max_size=1500).map("".join)
WORDS = st.sampled_from([
    "Well done", "Year 6", "Miss Hart", "Mrs Hart", "Tom Reid", "Maya Singh", "Ella", "Ward", "at",
    "sports day", "07700 900321", "jo@example.com", "https://oakfield.sch.uk/news", "#YearSix", "@oakfield",
    "\n", "---", "!!!", "\u200b", "J\u0430mes", "\uff2a\uff41\uff4d\uff45\uff53", "Zoe\u0308", "\u202e",
    "damn", "sh*t", "match", "closed", "Sunday", "£", "🎉",
])
TWEETISH = st.lists(WORDS, max_size=40).map(" ".join)
DRAFT_TEXT = st.one_of(ANY_TEXT, CONTROL, EMOJI, TWEETISH, st.tuples(TWEETISH, ANY_TEXT).map("".join))


def check(engine: Engine, text: str) -> tuple[list, list]:
    result, failures = engine.check(Draft(source="t", text=text), WEEKDAY_MORNING)
    return result.violations, failures


@FAST
@given(DRAFT_TEXT)
def test_engine_never_raises_and_spans_lie_inside_the_text(engine: Engine, text: str) -> None:
    violations, failures = check(engine, text)
    assert not failures, [str(f) for f in failures]
    for violation in violations:
        assert 0 <= violation.start <= violation.end <= len(text), violation


# --- front matter and collections ------------------------------------------------------------

KEYS = st.sampled_from(["scheduled", "occasion", "reply_to", "media", "id", "tweetguard", "text",
                        "mesage", "allow", "", "- item", "? complex", "&anchor key", "*alias"])
SCALARS = st.one_of(
    st.sampled_from(["2026-03-11T09:30", "2026-03-11", "2026-02-30T25:61", "event", "urgent", "party",
                     "yes", "null", "~", "[a, b", "{x: 1}", "&a [1]", "*a", "!!python/object:os.system",
                     "!!binary aGk=", "'quoted'", '"\\u00e9"', "|", ">", "- x", "1e999", "0x1F", ":", "#"]),
    st.text(alphabet=st.characters(exclude_categories=("Cs",)), max_size=20),
    st.integers().map(str),
)


@st.composite
def front_matter(draw: st.DrawFn) -> str:
    lines = []
    for _ in range(draw(st.integers(0, 6))):
        indent = " " * draw(st.sampled_from([0, 0, 0, 1, 2, 4])) + draw(st.sampled_from(["", "", "\t"]))
        lines.append(f"{indent}{draw(KEYS)}: {draw(SCALARS)}")
    if draw(st.booleans()):
        lines.append("tweetguard:\n  allow:\n    " + draw(st.sampled_from(["names", "x", "1", "[]"])) + ": "
                     + draw(SCALARS))
    closing = draw(st.sampled_from(["---\n", "---\r\n", "--- \n", "", "----\n"]))
    body = draw(st.one_of(TWEETISH, ANY_TEXT))
    return "---\n" + "\n".join(lines) + "\n" + closing + body


@FAST
@given(front_matter())
def test_any_front_matter_gives_drafts_or_one_error(engine: Engine, content: str) -> None:
    try:
        drafts = read_text_draft(content, "draft.txt")
    except DraftError as error:
        assert "\n" not in str(error).strip() and str(error).startswith("draft.txt")
        return
    for draft in drafts:
        violations, failures = check(engine, draft.text)
        assert not failures


def _jsonl_line(draw: st.DrawFn) -> str:
    choice = draw(st.integers(0, 4))
    if choice == 0:
        return draw(ANY_TEXT.filter(lambda t: "\n" not in t and "\r" not in t))
    item = {draw(KEYS): draw(SCALARS) for _ in range(draw(st.integers(0, 3)))}
    if choice > 1:
        item["text"] = draw(st.one_of(TWEETISH, ANY_TEXT, st.integers(), st.none()))
    return json.dumps(item, ensure_ascii=draw(st.booleans()))


@st.composite
def collection_file(draw: st.DrawFn) -> tuple[str, bytes]:
    kind = draw(st.sampled_from(["jsonl", "yaml", "txt", "md"]))
    if kind == "jsonl":
        content = "\n".join(_jsonl_line(draw) for _ in range(draw(st.integers(0, 5))))
    elif kind == "yaml":
        items = [draw(front_matter()).replace("---\n", "", 1) for _ in range(draw(st.integers(0, 3)))]
        content = draw(st.sampled_from(["", "- ", "text: x\n"])) + "\n- ".join(items)
    else:
        content = draw(st.one_of(front_matter(), TWEETISH, ANY_TEXT))
    raw = content.encode("utf-8")
    if draw(st.integers(0, 9)) == 0:  # now and then, bytes that are not UTF-8 or a binary file
        raw = raw[: draw(st.integers(0, len(raw)))] + draw(st.sampled_from([b"\xff\xfe", b"\x00\x01", b"\xc3"]))
    return kind, raw


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(collection_file())
def test_reading_any_draft_file_returns_drafts_or_errors(engine: Engine, tmp_path: Path,
                                                          file: tuple[str, bytes]) -> None:
    kind, raw = file
    path = tmp_path / f"drafts.{kind}"
    path.write_bytes(raw)
    for item in read_file(path):
        assert isinstance(item, (Draft, DraftError))
        if isinstance(item, DraftError):
            assert str(item).startswith(str(path)) and "\n" not in str(item)
        else:
            violations, failures = check(engine, item.text)
            assert not failures
            assert all(0 <= v.start <= v.end <= len(item.text) for v in violations)


# --- --fix ---------------------------------------------------------------------------------


def fix_once(engine: Engine, text: str) -> tuple[str, bool]:
    """``text`` after one round of fixes, and whether every fixable violation was applied."""
    result, _ = engine.check(Draft(source="t", text=text), WEEKDAY_MORNING)
    fixable = [v for v in result.violations if v.fix is not None and text[v.start : v.end] != v.fix]
    chosen = choose_fixes(result)
    return apply_to_text(text, chosen), len(chosen) == len(fixable)


FIXABLE_TEXT = st.one_of(TWEETISH, st.tuples(TWEETISH, ANY_TEXT.map(lambda t: t[:60]), TWEETISH).map(" ".join))


@FAST
@given(FIXABLE_TEXT)
def test_fixing_again_and_again_settles(engine: Engine, text: str) -> None:
    # One --fix run may leave work for the next (overlapping fixes; a fix that brings two
    # names together), but repeating it must settle, never flip back and forth.
    seen = [text]
    for _ in range(5):
        fixed, _ = fix_once(engine, seen[-1])
        if fixed == seen[-1]:
            return
        assert fixed not in seen, f"fixes go round in circles: {seen + [fixed]}"
        seen.append(fixed)
    raise AssertionError(f"still fixing after 5 rounds: {seen}")


@FAST
@given(FIXABLE_TEXT)
def test_fix_adds_no_new_violation(engine: Engine, text: str) -> None:
    before = Counter(v.rule for v in check(engine, text)[0])
    fixed, _ = fix_once(engine, text)
    after = Counter(v.rule for v in check(engine, fixed)[0])
    assert not after - before, f"--fix added {dict(after - before)} to {text!r} -> {fixed!r}"


def test_the_fix_properties_have_something_to_fix(engine: Engine) -> None:
    text = "Thank you Miss Hart for a lovely assembly!"
    fixed, complete = fix_once(engine, text)
    assert complete and fixed == "Thank you Mrs Hart for a lovely assembly!"


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
# A NUL makes a file binary (refused with exit 2 by design), so it is no draft to fix.
@given(st.lists(FIXABLE_TEXT.filter(lambda t: t.strip() and "---" not in t and "\x00" not in t),
                min_size=1, max_size=3))
# Found by hypothesis: removing a surname can bring a first name next to another name.
@example(["Well done Tom Reid Maya Singh!"])
@example(["Maya Singh J\u0430mes"])
@example(["Tom Reid \u00c0:a "])
def test_fix_is_idempotent_on_files(tmp_path_factory: pytest.TempPathFactory,
                                                          texts: list[str]) -> None:
    from click.testing import CliRunner

    from tweetguard.cli import cli

    folder = tmp_path_factory.mktemp("fix")
    rules = folder / "rules"
    rules.mkdir()
    (rules / "fix.yaml").write_text(FIX_RULE, encoding="utf-8")
    drafts = folder / "drafts"
    drafts.mkdir()
    (drafts / "one.txt").write_text(texts[0], encoding="utf-8")
    (drafts / "many.jsonl").write_text("".join(json.dumps({"text": t}) + "\n" for t in texts), encoding="utf-8")
    args = ["check", str(drafts), str(drafts / "many.jsonl"), "--fix", "--rules", str(rules),
            "--at", "2026-03-11T10:00", "--format", "json"]
    runner = CliRunner()
    first = runner.invoke(cli, args)
    assert first.exit_code in (0, 1), first.output
    after_first = {p.name: p.read_bytes() for p in drafts.iterdir()}
    second = runner.invoke(cli, args)
    assert second.exit_code in (0, 1), second.output
    assert {p.name: p.read_bytes() for p in drafts.iterdir()} == after_first
