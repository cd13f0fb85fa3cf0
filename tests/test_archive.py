"""Archive audits: an X account archive read a post at a time, each judged as it went out."""

from __future__ import annotations

import io
import json
import zipfile
from pathlib import Path

import pytest
from conftest import run_cli

from tweetguard.core.errors import DraftError
from tweetguard.core.model import Draft
from tweetguard.sources.x_archive import CHUNK, created_at, read_posts

ROSTER = "first_name,last_name\nElla,Thornton\nMia,Patel\n"
WEEKDAY = "Wed Nov 25 10:00:00 +0000 2026"  # 10am in London, a Wednesday
SATURDAY_NIGHT = "Sat Nov 28 23:10:00 +0000 2026"


def post(post_id: int, text: str, when: str = WEEKDAY, **more: object) -> dict[str, object]:
    return {"tweet": {"id_str": str(post_id), "full_text": text, "created_at": when, **more}}


def posts_js(posts: list[dict[str, object]], kind: str = "tweets", part: int = 0) -> str:
    """A posts file as X writes one: a JavaScript assignment of a pretty-printed array."""
    return f"window.YTD.{kind}.part{part} = " + json.dumps(posts, indent=2, separators=(",", " : "))


def unpacked(folder: Path, files: dict[str, str]) -> Path:
    for name, content in files.items():
        (folder / "data").mkdir(parents=True, exist_ok=True)
        (folder / "data" / name).write_text(content, encoding="utf-8")
    return folder


def zipped(path: Path, files: dict[str, str]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in files.items():
            archive.writestr(f"data/{name}", content)
        archive.writestr("data/account.js", 'window.YTD.account.part0 = [{"account": {"username": "oakfield"}}]')
    return path


def audit(*args: str, roster: Path | None = None) -> tuple[int, dict[str, list[str]], str, str]:
    """Exit code, each post's broken rules by its link, the JSON's summary, standard error."""
    extra = ("--roster", str(roster)) if roster else ()
    code, out, err = run_cli("audit", "--format", "json", *extra, *args)
    report = json.loads(out)
    found = {d["source"]: sorted(v["rule"] for v in d["violations"]) for d in report["drafts"]}
    return code, found, json.dumps(report["summary"]), err


POSTS = [post(101, "Well done Ella Thornton, a much better lesson today"),
         post(102, "Year 6, don't forget your PE kits tomorrow!"),
         post(103, "Reading records are due in on Friday.", SATURDAY_NIGHT)]


@pytest.mark.parametrize("form", ["zip", "folder", "tweets.js"])
def test_an_archive_in_each_form_gives_every_post_with_its_link(tmp_path: Path, form: str) -> None:
    files = {"tweets.js": posts_js(POSTS)}
    target = {"zip": lambda: zipped(tmp_path / "archive.zip", files),
              "folder": lambda: unpacked(tmp_path / "archive", files),
              "tweets.js": lambda: unpacked(tmp_path / "archive", files) / "data" / "tweets.js"}[form]()
    (tmp_path / "roster.csv").write_text(ROSTER)
    code, found, _, err = audit(str(target), roster=tmp_path / "roster.csv")
    assert code == 1 and not err
    assert found == {"https://x.com/i/status/101": ["child-full-name", "targeted-child"],
                     "https://x.com/i/status/102": [],
                     "https://x.com/i/status/103": ["posting-hours"]}


def test_the_older_tweet_js_and_a_split_archive_are_read_in_order(tmp_path: Path) -> None:
    old = zipped(tmp_path / "old.zip", {"tweet.js": posts_js(POSTS[:1], kind="tweet")})
    assert list(audit(str(old))[1]) == ["https://x.com/i/status/101"]
    split = unpacked(tmp_path / "split", {"tweets-part1.js": posts_js(POSTS[2:], part=1),
                                          "tweets.js": posts_js(POSTS[:2])})
    assert list(audit(str(split))[1]) == [f"https://x.com/i/status/{n}" for n in (101, 102, 103)]


def test_posting_hours_are_judged_by_when_the_post_went_out_in_the_schools_time_zone() -> None:
    # 17:30 UTC on a June Monday is 6:30pm in London (summer time): out of hours.
    june = [post(1, "Reading records are due in on Friday.", "Mon Jun 01 17:30:00 +0000 2026"),
            post(2, "Reading records are due in on Friday.", "Mon Jun 01 16:30:00 +0000 2026")]
    drafts = [d for d in read_posts(io.StringIO(posts_js(june)), "tweets.js", Path("tweets.js"))
              if isinstance(d, Draft)]
    assert [d.scheduled.isoformat() if d.scheduled else None for d in drafts] == \
        ["2026-06-01T17:30:00+00:00", "2026-06-01T16:30:00+00:00"]
    assert all(d.published and d.platform == "x" for d in drafts)


def test_text_output_gives_each_posts_date_and_link_and_a_count_by_year(tmp_path: Path) -> None:
    posts = [*POSTS, post(104, "Gutted. Our team were rubbish today.", "Tue Mar 10 11:00:00 +0000 2025")]
    (tmp_path / "roster.csv").write_text(ROSTER)
    target = zipped(tmp_path / "archive.zip", {"tweets.js": posts_js(posts)})
    code, out, _ = run_cli("audit", str(target), "--roster", str(tmp_path / "roster.csv"), "--color", "never")
    assert code == 1
    assert "https://x.com/i/status/103  (posted Saturday 28 November 2026 at 11:10pm)" in out
    assert "This went out on Saturday 28 November 2026 at 11:10pm, outside school posting hours" in out
    assert "ready to post" not in out.lower() and "Breaks the policy: consider deleting this post" in out
    table = out[out.index("Posts by the year"):].splitlines()
    assert table[1].split() == ["year", "posts", "broke", "the", "policy", "names", "targeted", "tone", "schedule"]
    assert table[2].split() == ["2025", "1", "0", "0", "0", "1", "0"]  # a warning: a problem, not a breach
    assert table[3].split() == ["2026", "3", "2", "1", "1", "0", "1"]
    assert out.rstrip().endswith("Checked 4 posts: 3 errors, 1 warning. 2 of 4 within the policy (1 after a second "
                                 "look at the warnings).")


def test_the_json_summary_counts_by_year_and_category(tmp_path: Path) -> None:
    posts = [*POSTS[1:], post(104, "Gutted. Our team were rubbish today.", "Tue Mar 10 11:00:00 +0000 2025")]
    target = zipped(tmp_path / "archive.zip", {"tweets.js": posts_js(posts)})
    summary = json.loads(audit(str(target))[2])
    assert summary["by_year"] == {"2025": {"posts": 1, "broke_policy": 0, "tone": 1},
                                  "2026": {"posts": 2, "broke_policy": 1, "schedule": 1}}


def test_since_keeps_only_the_posts_that_went_out_from_that_day(tmp_path: Path) -> None:
    posts = [post(1, "Lovely assembly.", "Tue Mar 10 11:00:00 +0000 2025"), post(2, "Lovely assembly.")]
    target = unpacked(tmp_path / "a", {"tweets.js": posts_js(posts)})
    assert list(audit(str(target), "--since", "2025-09-01")[1]) == ["https://x.com/i/status/2"]
    code, out, err = run_cli("audit", str(target), "--since", "September")
    assert code == 2 and "'September' is not a date; write it like 2025-09-01" in err


def test_redact_masks_pupils_names_in_an_audit(tmp_path: Path) -> None:
    (tmp_path / "roster.csv").write_text(ROSTER)
    target = zipped(tmp_path / "archive.zip", {"tweets.js": posts_js(POSTS)})
    for fmt in ("text", "json"):
        code, out, _ = run_cli("audit", str(target), "--roster", str(tmp_path / "roster.csv"), "--redact",
                               "--format", fmt)
        assert code == 1 and "Thornton" not in out and "Ella" not in out and "T*******" in out


def test_the_archives_html_escapes_are_undone_and_replies_and_photos_kept() -> None:
    media = {"media": [{"media_url_https": "https://pbs.twimg.com/media/FxAbC.jpg"}]}
    items = [post(7, "Fish &amp; chips &lt;3", in_reply_to_screen_name="oakfieldpta", extended_entities=media)]
    (draft,) = read_posts(io.StringIO(posts_js(items)), "tweets.js", Path("tweets.js"))
    assert isinstance(draft, Draft)
    assert (draft.text, draft.reply_to, draft.media) == ("Fish & chips <3", "@oakfieldpta", ("tweets_media/7-FxAbC.jpg",))


def test_a_post_that_cannot_be_read_is_an_error_on_its_line_and_the_others_are_checked() -> None:
    items: list[dict[str, object]] = [post(1, "Lovely assembly."), {"tweet": {"id_str": "2", "created_at": WEEKDAY}},
             post(3, "Lovely assembly.", "yesterday"), post(4, "Lovely assembly.")]
    found = list(read_posts(io.StringIO(posts_js(items)), "tweets.js", Path("tweets.js")))
    assert [d.id if isinstance(d, Draft) else str(d) for d in found] == [
        "1",
        "tweets.js:9: post 2 has no full_text; download the archive again from X (Settings, Your account, "
        "Download an archive)",
        "tweets.js:15: post 3's created_at 'yesterday' is not a time like 'Sat Nov 28 23:10:00 +0000 2026'",
        "4"]


@pytest.mark.parametrize(("content", "says"), [
    ("this is not a zip", "cannot open this archive (it is not a zip file)"),
    (None, "holds no data/tweets.js, so it is not an X archive"),
])
def test_a_zip_that_is_not_an_archive_is_one_line_exit_2(tmp_path: Path, content: str | None, says: str) -> None:
    target = tmp_path / "archive.zip"
    if content is None:
        with zipfile.ZipFile(target, "w") as archive:
            archive.writestr("photos/a.jpg", "x")
    else:
        target.write_text(content)
    (tmp_path / "fine").mkdir()
    good = zipped(tmp_path / "fine" / "good.zip", {"tweets.js": posts_js(POSTS[1:2])})
    code, out, err = run_cli("audit", str(target), str(good), "--format", "json")
    assert code == 2 and err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith(f"tweetguard: {target}: {says}")
    assert [d["source"] for d in json.loads(out)["drafts"]] == ["https://x.com/i/status/102"]  # still checked


@pytest.mark.parametrize(("content", "says"), [
    ('[{"tweet": {}}]', ":1: does not start with 'window.YTD.tweets.part0 = ['"),
    (posts_js(POSTS)[:-40], ":16: this post is not valid JSON (the file is cut short or damaged)"),
    (posts_js(POSTS).replace('"full_text" : "Year 6', '"full_text" : Year 6'), ":9: this post is not valid JSON"),
    (posts_js(POSTS).replace("},\n  {", "}\n  {", 1), ":9: the list of posts breaks off here"),
])
def test_a_damaged_posts_file_is_one_line_naming_the_file_and_line(tmp_path: Path, content: str, says: str) -> None:
    target = tmp_path / "archive.zip"
    with zipfile.ZipFile(target, "w") as archive:
        archive.writestr("data/tweets.js", content)
    code, out, err = run_cli("audit", str(target))
    where = f"{target}!data/tweets.js"
    assert code == 2 and err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith(f"tweetguard: {where}{says}".replace(":1: does", ": does"))


def test_a_folder_that_is_not_an_archive_and_a_missing_path_are_errors(tmp_path: Path) -> None:
    code, _, err = run_cli("audit", str(tmp_path), str(tmp_path / "gone.zip"))
    assert code == 2 and err.splitlines() == [
        f"tweetguard: {tmp_path}: holds no data/tweets.js, so it is not an unpacked X archive; name the archive's "
        ".zip or the folder it unpacked to",
        f"tweetguard: {tmp_path / 'gone.zip'}: no such file or folder; check the path"]


def test_check_reads_an_archive_too_but_never_fixes_it(tmp_path: Path) -> None:
    (tmp_path / "roster.csv").write_text(ROSTER)
    target = zipped(tmp_path / "archive.zip", {"tweets.js": posts_js(POSTS)})
    before = target.read_bytes()
    code, out, err = run_cli("check", str(target), "--roster", str(tmp_path / "roster.csv"), "--fix")
    assert code == 1 and target.read_bytes() == before
    assert "https://x.com/i/status/101" in out


class CountingReader(io.StringIO):
    """Records how much was asked for, and whether the whole text had been read."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.reads: list[int] = []

    def read(self, size: int | None = -1) -> str:
        self.reads.append(size if size is not None else -1)
        return super().read(size)


def test_the_array_is_read_a_post_at_a_time_from_a_bounded_buffer() -> None:
    posts = [post(n, f"Post number {n} about our lovely school week.") for n in range(2000)]
    text = posts_js(posts)
    stream = CountingReader(text)
    found = read_posts(stream, "tweets.js", Path("tweets.js"))
    first = next(found)
    assert isinstance(first, Draft) and first.id == "0"
    assert stream.tell() <= 2 * CHUNK < len(text)  # the first post came before the rest was read
    rest = list(found)
    assert len(rest) == 1999 and all(isinstance(d, Draft) for d in rest)
    assert max(stream.reads) == CHUNK  # every read a chunk: no post needed a bigger buffer


def test_a_post_longer_than_the_buffer_is_read_by_growing_it() -> None:
    long_text = "Lovely week. " * 20_000  # 260,000 characters: four chunks
    stream = CountingReader(posts_js([post(1, long_text), post(2, "Lovely assembly.")]))
    found = list(read_posts(stream, "tweets.js", Path("tweets.js")))
    assert [d.text if isinstance(d, Draft) else d for d in found] == [long_text, "Lovely assembly."]
    assert len(stream.reads) < 10  # doubling: a few reads, not one per chunk


@pytest.mark.parametrize("value", ["Sat Nov 28 23:10:00 +0000 2026", " Mon Jun 01 17:30:00 -0130 2026 "])
def test_created_at_is_read_whatever_the_locale(value: str) -> None:
    when = created_at(value)
    assert when.utcoffset() is not None and when.year == 2026


@pytest.mark.parametrize("value", ["2026-11-28T23:10:00Z", "Sat Foo 28 23:10:00 +0000 2026", None, 17,
                                   "Sat Nov 28 23:10:00 +0000 0001"])
def test_created_at_that_is_not_an_x_time_is_refused(value: object) -> None:
    with pytest.raises(ValueError):
        created_at(value)


def test_an_element_that_is_not_a_post_is_an_error_not_a_crash() -> None:
    found = list(read_posts(io.StringIO('window.YTD.tweets.part0 = [1, ["x"], {"tweet": 3}]'), "t.js", Path("t.js")))
    assert len(found) == 3 and all(isinstance(d, DraftError) and "is not a post" in str(d) for d in found)


def test_the_example_archive_gives_the_recorded_rules() -> None:
    """examples/x-archive: an unpacked archive in X's own layout (fictional school, fictional
    pupils from examples/roster.csv), as the README's audit example runs it."""
    examples = Path(__file__).resolve().parents[1] / "examples"
    code, found, summary, err = audit(str(examples / "x-archive"), roster=examples / "roster.csv")
    assert code == 1 and not err
    assert {link.rsplit("/", 1)[1][-3:]: rules for link, rules in found.items()} == {
        "101": [],
        # Poppy: no photo consent; the photo was posted without a description (a note)
        "102": ["child-full-name", "photo-description-missing", "photo-with-full-name", "photo-without-consent"],
        "103": [],  # a Saturday, but a match as it happens
        "104": ["posting-hours"],  # a Sunday-evening reminder
        "105": [],  # "&amp;" read as "&"
        "106": ["negative-tone"],
        "107": ["targeted-child"],
        "108": ["posting-hours"],  # 6:20pm in London (17:20 UTC, summer time)
    }
    assert json.loads(summary)["by_year"]["2025"]["posts"] == 4


@pytest.mark.parametrize("fmt", ["sarif", "junit", "github", "jsonl"])
def test_every_machine_format_reports_an_audit(tmp_path: Path, fmt: str) -> None:
    """CI reads an audit as it reads a check: SARIF valid against the OASIS schema, each post
    located in the archive it came from."""
    (tmp_path / "roster.csv").write_text(ROSTER)
    target = zipped(tmp_path / "archive.zip", {"tweets.js": posts_js(POSTS)})
    code, out, err = run_cli("audit", str(target), "--roster", str(tmp_path / "roster.csv"), "--format", fmt)
    assert code == 1 and "Traceback" not in err and str(target) in out
    if fmt == "sarif":
        import jsonschema

        schema = json.loads((Path(__file__).parent / "data" / "sarif" / "sarif-schema-2.1.0.json").read_text())
        log = json.loads(out)
        jsonschema.Draft4Validator(schema).validate(log)
        assert {r["ruleId"] for r in log["runs"][0]["results"]} == {"child-full-name", "targeted-child", "posting-hours"}


def _deflate_claimed(path: Path, content: bytes) -> Path:
    """A zip whose member is stored as is but whose headers say it is deflated: unpacking it
    fails inside zlib, as a damaged download can."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr("data/tweets.js", content)
    data = bytearray(path.read_bytes())
    local = data.find(b"PK\x03\x04")
    central = data.find(b"PK\x01\x02")
    data[local + 8:local + 10] = (8).to_bytes(2, "little")
    data[central + 10:central + 12] = (8).to_bytes(2, "little")
    path.write_bytes(bytes(data))
    return path


def test_an_encrypted_or_undecodable_member_is_one_line_exit_2(tmp_path: Path) -> None:
    target = _deflate_claimed(tmp_path / "archive.zip", posts_js(POSTS).encode())
    code, _, err = run_cli("audit", str(target))
    assert code == 2 and err.count("\n") == 1 and "Traceback" not in err
    assert err.startswith(f"tweetguard: {target}!data/tweets.js: cannot be unpacked (")
    encrypted = tmp_path / "locked.zip"
    with zipfile.ZipFile(encrypted, "w") as archive:
        archive.writestr("data/tweets.js", posts_js(POSTS))
    data = bytearray(encrypted.read_bytes())  # set the "encrypted" flag, as zip -P does
    for header, at in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        offset = data.find(header) + at
        data[offset] |= 1
    encrypted.write_bytes(bytes(data))
    code, _, err = run_cli("audit", str(encrypted))
    assert code == 2 and "is encrypted; unzip the archive with its password" in err and "Traceback" not in err


@pytest.mark.parametrize("name", ["archive.zip", "tweets.js"])
def test_a_fifo_named_like_an_archive_is_refused_not_waited_on(tmp_path: Path, name: str) -> None:
    import os
    import subprocess
    import sys

    os.mkfifo(tmp_path / name)
    done = subprocess.run([sys.executable, "-m", "tweetguard", "audit", str(tmp_path / name)],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and "named pipe (FIFO)" in done.stderr and "Traceback" not in done.stderr


def test_a_note_is_not_a_problem_in_the_year_table(tmp_path: Path) -> None:
    media = {"media": [{"media_url_https": "https://pbs.twimg.com/media/A1.jpg"}]}  # no description: a note
    target = zipped(tmp_path / "archive.zip", {"tweets.js": posts_js([post(1, "Lovely assembly.",
                                                                        extended_entities=media)])})
    code, found, summary, _ = audit(str(target))
    assert found == {"https://x.com/i/status/1": ["photo-description-missing"]} and code == 0
    assert json.loads(summary)["by_year"] == {"2026": {"posts": 1, "broke_policy": 0}}


def test_a_damaged_post_is_reported_without_reading_the_rest_of_the_file() -> None:
    posts = [post(n, f"Post number {n} about our lovely school week.") for n in range(3000)]
    text = posts_js(posts).replace('"id_str" : "0"', '"id_str" : 0"', 1)  # a stray quote in the first post
    stream = CountingReader(text)
    found = list(read_posts(stream, "tweets.js", Path("tweets.js")))
    assert len(found) == 1 and isinstance(found[0], DraftError) and "not valid JSON" in str(found[0])
    assert sum(stream.reads) <= 2 * CHUNK < len(text)  # one read, not the whole file


@pytest.mark.parametrize(("content", "says"), [
    ("window.YTD.tweets.part0 = [" + "[" * 200_000, "nested too deeply, or a number far too long"),
    ('window.YTD.tweets.part0 = [{"tweet": {"id_str": "1", "n": ' + "9" * 5000 + "}}]",
     "nested too deeply, or a number far too long"),
    ('window.YTD.tweets.part0 = [{"tweet": {"id_str": "1", "full_text": "Lovely day \\ud83d for Year 6", '
     '"created_at": "Wed Nov 25 10:00:00 +0000 2026"}}]', "half of a character (a lone surrogate)"),
])
def test_hostile_json_in_a_posts_file_is_a_one_line_error(tmp_path: Path, content: str, says: str) -> None:
    (tmp_path / "tweets.js").write_text(content)
    for fmt in ("text", "json"):
        code, _, err = run_cli("audit", str(tmp_path / "tweets.js"), "--format", fmt)
        assert code == 2 and says in err and err.count("\n") == 1 and "Traceback" not in err


def test_a_zip_whose_member_name_is_not_utf8_is_one_line(tmp_path: Path) -> None:
    target = tmp_path / "archive.zip"
    with zipfile.ZipFile(target, "w") as archive:
        archive.writestr("data/tweets.js", posts_js(POSTS))
    data = bytearray(target.read_bytes())
    for header, flags_at, name_at in ((b"PK\x03\x04", 6, 30), (b"PK\x01\x02", 8, 46)):
        at = data.find(header)
        data[at + flags_at + 1] |= 0x08  # bit 11: the name is UTF-8
        data[at + name_at] = 0xFF  # ...but its first byte is not
    target.write_bytes(bytes(data))
    code, _, err = run_cli("audit", str(target))
    assert code == 2 and err.count("\n") == 1 and "Traceback" not in err and str(target) in err


def test_since_counts_days_in_the_schools_time_zone_and_says_what_it_left_out(tmp_path: Path) -> None:
    # 23:30 UTC on 31 August 2025 is 00:30 on 1 September in London (summer time).
    posts = [post(1, "Lovely assembly.", "Sun Aug 31 23:30:00 +0000 2025"),
             post(2, "Lovely assembly.", "Sun Aug 31 21:30:00 +0000 2025")]
    target = unpacked(tmp_path / "a", {"tweets.js": posts_js(posts)})
    code, found, _, err = audit(str(target), "--since", "2025-09-01")
    assert list(found) == ["https://x.com/i/status/1"]
    assert err.strip() == "tweetguard: 1 post went out before 2025-09-01 and was left out (--since)"


def test_check_reading_an_archive_speaks_of_posts_too(tmp_path: Path) -> None:
    target = zipped(tmp_path / "archive.zip", {"tweets.js": posts_js(POSTS[1:])})
    code, out, _ = run_cli("check", str(target), "--color", "never")
    assert out.rstrip().endswith("Checked 2 posts: 1 error. 1 of 2 within the policy.") and code == 1
