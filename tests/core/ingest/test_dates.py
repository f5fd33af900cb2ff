"""Publication dates in dumps, feeds and pages: time stamps, month names in other forms, impossible days."""

from __future__ import annotations

import datetime as dt
import json
import logging
from pathlib import Path

import pytest

from timeline_app.core.ingest import read_path
from timeline_app.core.ingest.article_top import date_from_text
from timeline_app.core.ingest.pubdate import date_from_value, impossible_date
from timeline_app.core.models import Article, DateSource

DEC_28 = dt.date(2022, 12, 28)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("1672228800.5", DEC_28),  # seconds with a fraction, as text
        (1672228800123456, DEC_28),  # microseconds
        ("1672228800123456789", DEC_28),  # nanoseconds (pandas)
        ("/Date(1672228800000)/", DEC_28),  # .NET JSON
        ("/Date(1672275600000-0500)/", DEC_28),  # 01:00 UTC on the 29th is the 28th where it was written
        (946684800, dt.date(2000, 1, 1)),  # nine digits: before 2001
        (20221228, DEC_28),  # GDELT SQLDATE, a number
        (20221228120000, DEC_28),  # GDELT DATEADDED
        ("28-Dec-2022", DEC_28),
        ("28-DEC-2022 10:00", DEC_28),
        ("2022-Dec-28", DEC_28),
        ("28/Dec/2022:10:00:00 +0000", DEC_28),  # server log
        ("12/28/2022", DEC_28),  # month first: 28 cannot be a month
        ("Sept. 28, 2022", dt.date(2022, 9, 28)),
        (2022, None),  # a year alone is no time stamp (it used to become 1970-01-01)
        (86400, None),
        (0.5, None),
        (float("nan"), None),
        (10**400, None),
        ("2022-02-30", None),
        ("2022-02-30T10:00:00Z", None),
        ("Mon, 30 Feb 2022 10:00:00 GMT", None),
        ("31-Apr-2021", None),
    ],
)
def test_date_from_metadata_value_in_other_forms(value: object, expected: dt.date | None) -> None:
    assert date_from_value(value) == expected


@pytest.mark.parametrize(
    ("value", "impossible"),
    [("2022-02-30", True), ("30 Feb 2022", True), ("2022-13-01", True), ("2022-02-28", False), ("May 5", False), (3, False)],
)
def test_impossible_date(value: object, impossible: bool) -> None:
    assert impossible_date(value) is impossible


def test_month_first_date_line_with_a_day_over_twelve() -> None:
    assert date_from_text("Headline\nPosted 12/28/2022\n\nFirst paragraph.") == DEC_28
    assert date_from_text("Headline\nPosted 28-Dec-2022\n\nFirst paragraph.") == DEC_28


def test_a_date_line_that_reads_either_way_is_read_as_the_file_name_dates_it(tmp_path: Path) -> None:
    text = "Presidency\n10/06/2031\n\nThe President began a visit today.\n"
    june = tmp_path / "2031-06-10_visit.txt"
    june.write_text(text, encoding="utf-8")
    assert _only(june).published == dt.date(2031, 6, 10)
    other = tmp_path / "2031-06-12_visit.txt"  # the name dates another day: the line is read as written
    other.write_text(text, encoding="utf-8")
    assert _only(other).published == dt.date(2031, 10, 6)
    plain = tmp_path / "visit.txt"
    plain.write_text(text, encoding="utf-8")
    assert _only(plain).published == dt.date(2031, 10, 6)


def _only(path: Path) -> Article:
    result = read_path(path)
    assert not result.skipped
    (article,) = result.articles
    return article


def _warnings(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]


def test_json_dump_with_an_impossible_date_is_read_undated_with_a_note(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "dump.json"
    path.write_text(json.dumps([{"title": "Talks", "text": "Envoys met.", "date": "2022-02-30"}]), encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        article = _only(path)
    assert (article.title, article.published, article.published_source) == ("Talks", None, DateSource.NONE)
    expected = (
        f"{path}: unusable publication date in {path}#1 (date '2022-02-30' is not a calendar date); the date is "
        "taken from another field, the text or the file name instead, or left for the user to give"
    )
    assert _warnings(caplog) == [expected]


def test_impossible_date_field_falls_back_to_the_next_field_or_the_text(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "dump.jsonl"
    lines = [
        {"title": "A", "text": "Body.", "published": "2022-02-30", "seendate": "20220301T120000Z"},
        {"title": "B", "text": "Published: 3 March 2022\n\nBody.", "publishedAt": "30/02/2022"},
        {"title": "C", "text": "Body.", "date": "soon"},
    ]
    path.write_text("\n".join(json.dumps(x) for x in lines), encoding="utf-8")
    with caplog.at_level(logging.DEBUG, logger="timeline_app.core.ingest.pubdate"):
        a, b, c = read_path(path).articles
    assert (a.published, a.published_source) == (dt.date(2022, 3, 1), DateSource.METADATA)
    assert (b.published, b.published_source) == (dt.date(2022, 3, 3), DateSource.TEXT)
    assert (c.published, c.published_source) == (None, DateSource.NONE)
    (warning,) = _warnings(caplog)  # once for the file, however many records
    assert f"in {path}:1 (published '2022-02-30' is not a calendar date) and 2 more;" in warning
    assert f"{path}:3: date 'soon' cannot be read as a date" in caplog.text  # each record in the debug log


def test_csv_with_impossible_dates_warns_once(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    path = tmp_path / "dump.csv"
    path.write_text("title,text,date\n" + "".join(f"T{n},Body {n}.,2021-04-31\n" for n in range(200)), encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        articles = read_path(path).articles
    assert len(articles) == 200 and all(a.published is None for a in articles)
    (warning,) = _warnings(caplog)
    assert warning.startswith(f"{path}: unusable publication date in {path}:2 (date '2021-04-31' is not a calendar date) and 199 more")


def test_user_date_needs_no_note(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    path = tmp_path / "dump.json"
    path.write_text(json.dumps({"title": "T", "text": "Body.", "date": "2022-02-30"}), encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        (article,) = read_path(path, published=DEC_28).articles
    assert (article.published, article.published_source) == (DEC_28, DateSource.USER)
    assert _warnings(caplog) == []


def test_feed_item_with_an_impossible_date_is_not_rolled_over(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    # feedparser itself turns 2022-02-30 into March 2.
    path = tmp_path / "feed.atom"
    path.write_text(
        '<feed xmlns="http://www.w3.org/2005/Atom"><title>Desk</title>'
        "<entry><title>Talks</title><updated>2022-02-30T10:00:00Z</updated><summary>Envoys met.</summary></entry>"
        "<entry><title>Other</title><updated>2022-03-02T10:00:00Z</updated><summary>Envoys met again.</summary></entry>"
        "</feed>",
        encoding="utf-8",
    )
    with caplog.at_level(logging.WARNING):
        first, second = read_path(path).articles
    assert (first.published, first.published_source) == (None, DateSource.NONE)
    assert second.published == dt.date(2022, 3, 2)
    assert "updated '2022-02-30T10:00:00Z' is not a calendar date" in " ".join(_warnings(caplog))


def test_feed_date_as_epoch_seconds(tmp_path: Path) -> None:
    path = tmp_path / "feed.rss"
    path.write_text(
        '<rss version="2.0"><channel><title>Desk</title><item><title>Talks</title><description>Envoys met.'
        "</description><pubDate>1672228800</pubDate></item></channel></rss>",
        encoding="utf-8",
    )
    assert _only(path).published == DEC_28


def test_html_page_with_an_impossible_date_gets_no_first_of_the_month(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    # htmldate falls back to year and month, and gives 2022-02-01 for this page.
    body = "The ministers met in Geneva to talk about the border and the grain trade between the two states. " * 5
    path = tmp_path / "page.html"
    path.write_text(
        '<html><head><title>Talks</title><meta property="article:published_time" content="2022-02-30T10:00:00Z">'
        f"</head><body><article><h1>Talks</h1><p>{body}</p></article></body></html>",
        encoding="utf-8",
    )
    with caplog.at_level(logging.WARNING):
        article = _only(path)
    assert (article.published, article.published_source) == (None, DateSource.NONE)
    assert "date '2022-02-30T10:00:00Z' is not a calendar date" in caplog.text


def test_html_page_dated_on_the_first_keeps_its_date(tmp_path: Path) -> None:
    body = "The ministers met in Geneva to talk about the border and the grain trade between the two states. " * 5
    path = tmp_path / "page.html"
    path.write_text(
        '<html><head><title>Talks</title><meta property="article:published_time" content="2022-02-01T10:00:00Z">'
        f"</head><body><article><h1>Talks</h1><p>{body}</p></article></body></html>",
        encoding="utf-8",
    )
    assert _only(path).published == dt.date(2022, 2, 1)


def test_markdown_front_matter_uses_the_dump_date_keys(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    hugo = tmp_path / "hugo.md"
    hugo.write_text("---\ntitle: Talks\npublishDate: 2020-05-05\n---\nEnvoys met.\n", encoding="utf-8")
    assert (_only(hugo).published, _only(hugo).published_source) == (dt.date(2020, 5, 5), DateSource.METADATA)
    bad = tmp_path / "bad.md"
    bad.write_text("---\ntitle: Talks\ndate: 2022-02-30\n---\nEnvoys met.\n", encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        assert _only(bad).published is None
    assert _warnings(caplog) == [f"{bad}: unusable publication date in the front matter (date '2022-02-30' is not a calendar date)"]


def test_dump_dates_as_time_stamps_and_month_names(tmp_path: Path) -> None:
    path = tmp_path / "dump.jsonl"
    records = [
        {"title": "A", "text": "Body.", "timestamp": 1672228800},  # seconds
        {"title": "B", "text": "Body.", "created_at": 1672228800000},  # milliseconds (JavaScript)
        {"title": "C", "text": "Body.", "date": "/Date(1672228800000)/"},
        {"title": "D", "text": "Body.", "pubDate": "28-DEC-2022"},
        {"title": "E", "text": "Body.", "date": 2022},  # a year alone: no day is made up
    ]
    path.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    assert [a.published for a in read_path(path).articles] == [DEC_28, DEC_28, DEC_28, DEC_28, None]
    table = tmp_path / "dump.csv"
    table.write_text("title,text,time\nA,Body.,28/Dec/2022:10:00:00 +0000\nB,Body.,12/28/2022\n", encoding="utf-8")
    assert [a.published for a in read_path(table).articles] == [DEC_28, DEC_28]
