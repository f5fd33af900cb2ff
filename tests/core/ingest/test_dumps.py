"""Article dumps: JSON, JSON Lines, CSV and TSV, with fields found by their common names."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from timeline_app.core.ingest import dumps, read_path
from timeline_app.core.models import Article, DateSource, IssuerSource


def test_json_lines_with_a_broken_line_reads_the_rest(tmp_path: Path) -> None:
    lines = [
        json.dumps({"title": "One", "text": "Body one.", "seendate": "20221228T120000Z", "url": "https://a.example/1", "domain": "a.example"}),
        json.dumps({"Headline": "Two", "BODY": "<p>Body <b>two</b></p>", "publishedAt": "2021-05-01T10:00:00Z", "source": {"id": None, "name": "BBC"}}),
        "",
        '{"title": "Three", broken',
        json.dumps({"title": "Four", "content": "Body four.", "publish_date": "2020-02-29"}),
    ]
    path = tmp_path / "dump.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = read_path(path)
    assert [a.title for a in result.articles] == ["One", "Two", "Four"]
    one, two, four = result.articles
    assert one.text == "One\n\nBody one."
    assert (one.published, one.published_source, one.url, one.source) == (
        dt.date(2022, 12, 28), DateSource.METADATA, "https://a.example/1", "a.example"
    )
    assert (two.text, two.published, two.source) == ("Two\n\nBody two", dt.date(2021, 5, 1), "BBC")
    assert four.published == dt.date(2020, 2, 29)
    assert one.source_path == f"{path}:1" and four.source_path == f"{path}:5"
    assert len(result.skipped) == 1
    skipped = result.skipped[0]
    assert skipped.path == f"{path}:4"
    assert skipped.reason.startswith("line 4: invalid JSON: ")


def test_json_lines_records_without_article_fields(tmp_path: Path) -> None:
    path = tmp_path / "dump.ndjson"
    path.write_text('{"title": "Fine"}\n[1, 2]\n{"foo": 1}\n', encoding="utf-8")
    result = read_path(path)
    assert [a.text for a in result.articles] == ["Fine"]
    assert [s.reason.split(":")[0] for s in result.skipped] == ["line 2", "line 3"]


def test_file_of_garbage_under_a_jsonl_name_is_one_skip(tmp_path: Path) -> None:
    path = tmp_path / "dump.jsonl"
    path.write_text("this is not json\n" * 100, encoding="utf-8")
    result = read_path(path)
    assert not result.articles
    assert len(result.skipped) == 1 and result.skipped[0].reason.startswith("not JSON Lines")


def test_json_array_and_object_with_articles(tmp_path: Path) -> None:
    array = tmp_path / "array.json"
    array.write_text(json.dumps([{"title": "A", "article": "Text A", "date": "3 March 2020"}, "junk"]), "utf-8")
    result = read_path(array)
    assert [(a.title, a.published) for a in result.articles] == [("A", dt.date(2020, 3, 3))]
    assert result.skipped[0].path == f"{array}#2"
    wrapped = tmp_path / "api.json"
    wrapped.write_text(json.dumps({"status": "ok", "articles": [{"headline": "B", "maintext": "Text B"}]}), "utf-8")
    assert [a.text for a in read_path(wrapped).articles] == ["B\n\nText B"]


def test_nested_api_shapes(tmp_path: Path) -> None:
    guardian = {
        "response": {"results": [{"webTitle": "G", "webPublicationDate": "2019-01-01T00:00:00Z", "webUrl": "https://g.example/x", "fields": {"bodyText": "Guardian body"}}]}
    }
    path = tmp_path / "guardian.json"
    path.write_text(json.dumps(guardian), encoding="utf-8")
    (article,) = read_path(path).articles
    assert (article.text, article.published, article.url) == ("G\n\nGuardian body", dt.date(2019, 1, 1), "https://g.example/x")
    elastic = {"hits": {"hits": [{"_id": "1", "_source": {"title": "E", "text": "Elastic body"}}]}}
    path = tmp_path / "es.json"
    path.write_text(json.dumps(elastic), encoding="utf-8")
    assert [a.text for a in read_path(path).articles] == ["E\n\nElastic body"]


def test_single_article_object(tmp_path: Path) -> None:
    path = tmp_path / "one.json"
    path.write_text(json.dumps({"title": "Solo", "body": "Text.", "pubDate": "Wed, 28 Dec 2022 10:00:00 GMT"}), "utf-8")
    (article,) = read_path(path).articles
    assert article.published == dt.date(2022, 12, 28)


def test_malformed_json_is_skipped_with_position(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text('{"articles": [{"title": "x"\n', encoding="utf-8")
    result = read_path(path)
    assert not result.articles
    assert result.skipped[0].reason.startswith("invalid JSON: ") and "line 2" in result.skipped[0].reason


def test_json_without_articles_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "config.json"
    path.write_text('{"version": 3, "colors": ["red"]}', encoding="utf-8")
    assert read_path(path).skipped[0].reason.startswith("no articles in the JSON")


def test_csv_with_quoted_multiline_fields_and_line_numbers(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_text(
        'Title,Body,Date,Link\n"A","Text a","2020-01-02",https://x.example/a\n"B","Text ""b""\nsecond line",3 March 2020,\n,,,\n"C","","",\n',
        encoding="utf-8",
    )
    result = read_path(path)
    assert [a.title for a in result.articles] == ["A", "B", "C"]
    a, b, c = result.articles
    assert (a.published, a.url, a.fmt) == (dt.date(2020, 1, 2), "https://x.example/a", "csv")
    assert b.text == 'B\n\nText "b"\nsecond line'
    assert b.published == dt.date(2020, 3, 3)
    assert c.source_path == f"{path}:6"  # rows after a two-line row keep their real line numbers
    assert c.published is None


def test_semicolon_csv_and_tsv(tmp_path: Path) -> None:
    semi = tmp_path / "semi.csv"
    semi.write_text("headline;content;datetime\nH;Text with, comma;2022-12-28 10:00\n", encoding="utf-8")
    (article,) = read_path(semi).articles
    assert (article.text, article.published) == ("H\n\nText with, comma", dt.date(2022, 12, 28))
    tsv = tmp_path / "dump.tsv"
    tsv.write_text("title\tstory\tseendate\nT\tS\t20221228T120000Z\n", encoding="utf-8")
    (article,) = read_path(tsv).articles
    assert (article.text, article.published, article.fmt) == ("T\n\nS", dt.date(2022, 12, 28), "tsv")


def test_csv_without_article_columns_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "numbers.csv"
    path.write_text("a,b,c\n1,2,3\n", encoding="utf-8")
    assert read_path(path).skipped[0].reason.startswith("no article column in the CSV header")


def test_user_date_overrides_dump_fields(tmp_path: Path) -> None:
    path = tmp_path / "dump.jsonl"
    path.write_text('{"title": "One", "date": "2022-12-28"}\n', encoding="utf-8")
    (article,) = read_path(path, dt.date(2000, 1, 1)).articles
    assert isinstance(article, Article)
    assert (article.published, article.published_source) == (dt.date(2000, 1, 1), DateSource.USER)


def test_single_object_with_only_a_title_is_not_an_article(tmp_path: Path) -> None:
    path = tmp_path / "gold.json"
    path.write_text(json.dumps({"title": "Annotations", "gold": [{"text": "x"}], "published": "2022-12-28"}), "utf-8")
    assert read_path(path).skipped[0].reason.startswith("no articles in the JSON")


def test_common_api_and_scraper_shapes(tmp_path: Path) -> None:
    json_feed = {
        "version": "https://jsonfeed.org/version/1.1",
        "title": "Desk",
        "items": [{"id": "1", "title": "JF", "content_html": "<p>Feed <i>body</i></p>", "date_published": "2020-06-01T10:00:00+02:00", "url": "https://d.example/1"}],
    }
    path = tmp_path / "feed.json"
    path.write_text(json.dumps(json_feed), encoding="utf-8")
    (article,) = read_path(path).articles
    assert (article.text, article.published, article.url) == ("JF\n\nFeed body", dt.date(2020, 6, 1), "https://d.example/1")
    news_please = {"title": "NP", "maintext": "Scraped body", "date_publish": "2019-08-07 12:00:00", "source_domain": "np.example", "authors": ["A One", "B Two"]}
    path = tmp_path / "np.jsonl"
    path.write_text(json.dumps(news_please) + "\n", encoding="utf-8")
    (article,) = read_path(path).articles
    assert (article.published, article.source, article.byline) == (dt.date(2019, 8, 7), "np.example", "A One, B Two")


BIG = "9" * 5000  # past Python's 4,300 digits for int(): json.loads raises ValueError, not JSONDecodeError


def test_a_number_too_long_costs_its_line_only(tmp_path: Path) -> None:
    # The 5,000-digit integer dropped the lines after it with an "unexpected error" (#18, item 6).
    good = [json.dumps({"title": f"Talks {i}", "text": f"Round {i}."}) for i in range(3)]
    path = tmp_path / "dump.jsonl"
    path.write_text("\n".join([good[0], '{"title": "Big", "id": ' + BIG + "}", *good[1:]]) + "\n", encoding="utf-8")
    result = read_path(path)
    assert [a.title for a in result.articles] == ["Talks 0", "Talks 1", "Talks 2"]
    assert [s.path for s in result.skipped] == [f"{path}:2"]
    assert result.skipped[0].reason.startswith("line 2: invalid JSON: ")
    assert len(result.skipped[0].reason) < 200


def test_a_number_too_long_in_a_json_document_is_a_reason(tmp_path: Path) -> None:
    path = tmp_path / "dump.json"
    path.write_text('[{"title": "Big", "text": "x", "id": ' + BIG + "}]", encoding="utf-8")
    result = read_path(path)
    assert not result.articles and result.skipped[0].reason.startswith("invalid JSON: ")


def test_a_record_that_fails_to_convert_is_skipped_alone(tmp_path: Path, monkeypatch) -> None:
    real = dumps.item_article

    def failing(title, body, **kwargs):
        if title == "Two":
            raise RuntimeError("injected failure")
        return real(title, body, **kwargs)

    monkeypatch.setattr(dumps, "item_article", failing)
    records = [{"title": t, "text": f"{t} met."} for t in ("One", "Two", "Three")]
    (tmp_path / "dump.json").write_text(json.dumps(records), encoding="utf-8")
    (tmp_path / "dump.jsonl").write_text("\n".join(map(json.dumps, records)), encoding="utf-8")
    (tmp_path / "dump.csv").write_text("title,text\n" + "".join(f"{r['title']},{r['text']}\n" for r in records), "utf-8")
    for name, second in (("dump.json", "#2"), ("dump.jsonl", ":2"), ("dump.csv", ":3")):
        result = read_path(tmp_path / name)
        assert [a.title for a in result.articles] == ["One", "Three"], name
        assert [s.path for s in result.skipped] == [f"{tmp_path / name}{second}"], name
        assert "RuntimeError" in result.skipped[0].reason


def test_an_issuer_field_of_a_dump_is_the_articles_issuer(tmp_path) -> None:
    path = tmp_path / "statements.jsonl"
    path.write_text('{"title": "Readout", "text": "We met.", "date": "2024-05-10", "issuer": "usa"}\n'
                    '{"title": "News", "text": "They met.", "date": "2024-05-10", "issuer": "a ministry"}\n'
                    '{"title": "Joint", "text": "We met.", "date": "2024-05-10", "issuer": "aus; JPN,usa"}\n'
                    '{"title": "Odd", "text": "We met.", "date": "2024-05-10", "issuer": "AUS; a ministry"}\n',
                    encoding="utf-8")
    first, second, joint, odd = read_path(path).articles
    assert (first.issuer, first.issuer_source) == ("USA", IssuerSource.METADATA)
    assert (second.issuer, second.issuer_source) == ("", IssuerSource.NONE)
    assert (joint.issuer, joint.issuer_source) == ("AUS;JPN;USA", IssuerSource.METADATA)  # a joint statement's list
    assert odd.issuer == ""
