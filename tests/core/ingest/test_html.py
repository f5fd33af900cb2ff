"""Saved web pages: main text only, title, publication date from metadata, canonical URL."""

from __future__ import annotations

import datetime as dt
import socket
import time
from pathlib import Path

import pytest

from timeline_app.core.ingest import read_path
from timeline_app.core.ingest.html import html_to_text
from timeline_app.core.ingest.markup import markup_text
from timeline_app.core.models import Article, DateSource

PARAGRAPHS = (
    "<p>The foreign ministers of Norway and Finland agreed on Tuesday to open talks on their shared border, "
    "a step both capitals had resisted since 2015.</p>"
    "<p>The talks will begin in Oslo next month and are expected to last until the end of the year, "
    "officials said after a meeting that lasted four hours.</p>"
    "<p>Finland's minister said the agreement was the result of months of quiet work by diplomats.</p>"
)


def page(head: str = "", article_top: str = "", body_extra: str = "") -> str:
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        "<title>Ministers agree on border talks | The Example Herald</title>"
        f"{head}</head><body>"
        "<nav><ul><li><a href='/archive/1998'>Archive 1998</a></li><li><a href='/world'>World news</a></li></ul></nav>"
        "<div class='ad'>Advertisement: buy now</div>"
        f"<article><h1>Ministers agree on border talks</h1>{article_top}{PARAGRAPHS}</article>"
        "<section class='comments'><h3>Comments</h3><p>Reader42: great news, as in 2019!</p></section>"
        "<footer><p>Copyright 2004 The Example Herald. All rights reserved.</p></footer>"
        f"{body_extra}</body></html>"
    )


def read_one(path: Path, published: dt.date | None = None) -> Article:
    result = read_path(path, published)
    assert not result.skipped, result.skipped
    assert len(result.articles) == 1
    return result.articles[0]


def test_main_text_title_and_meta_date_without_footer_or_nav(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    meta = (
        "<meta property='article:published_time' content='2021-06-15T09:30:00+02:00'>"
        "<link rel='canonical' href='https://herald.example.org/world/ministers-border-talks'>"
    )
    path.write_text(page(meta, "<p class='byline'>By Anna Keller</p>"), encoding="utf-8")
    article = read_one(path)
    assert article.title == "Ministers agree on border talks"
    assert article.text.startswith("Ministers agree on border talks\n\nThe foreign ministers of Norway")
    assert "since 2015" in article.text
    for chrome in ("Copyright 2004", "Archive 1998", "Reader42", "Advertisement"):
        assert chrome not in article.text
    assert article.published == dt.date(2021, 6, 15)
    assert article.published_source is DateSource.METADATA
    assert article.url == "https://herald.example.org/world/ministers-border-talks"
    assert article.fmt == "html"


def test_footer_copyright_year_never_becomes_the_date(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(page(), encoding="utf-8")
    article = read_one(path)
    assert article.published is None
    assert article.published_source is DateSource.NONE


def test_json_ld_date_and_og_url(tmp_path: Path) -> None:
    head = (
        '<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle", '
        '"headline": "Ministers agree on border talks", "datePublished": "2019-11-04T08:00:00Z"}</script>'
        "<meta property='og:url' content='https://herald.example.org/a/1'>"
    )
    path = tmp_path / "page.htm"
    path.write_text(page(head), encoding="utf-8")
    article = read_one(path)
    assert article.published == dt.date(2019, 11, 4)
    assert article.url == "https://herald.example.org/a/1"


def test_date_line_in_the_article_header(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    path.write_text(page(article_top="<p>Published: 3 March 2020</p>"), encoding="utf-8")
    article = read_one(path)
    assert article.published == dt.date(2020, 3, 3)
    assert article.published_source is DateSource.TEXT


def test_file_name_date_and_user_override(tmp_path: Path) -> None:
    path = tmp_path / "2020-02-01_border.html"
    path.write_text(page(), encoding="utf-8")
    assert read_one(path).published == dt.date(2020, 2, 1)
    article = read_one(path, published=dt.date(2020, 2, 2))
    assert (article.published, article.published_source) == (dt.date(2020, 2, 2), DateSource.USER)


def test_html_detected_by_content_under_a_text_name(tmp_path: Path) -> None:
    path = tmp_path / "saved.txt"
    path.write_text(page(), encoding="utf-8")
    assert read_one(path).fmt == "html"


def test_legacy_charset_declared_in_meta(tmp_path: Path) -> None:
    path = tmp_path / "page.html"
    html = page("<meta http-equiv='Content-Type' content='text/html; charset=iso-8859-1'>")
    path.write_bytes(html.replace("Oslo", "Zürich").replace("charset='utf-8'", "").encode("cp1252"))
    assert "Zürich" in read_one(path).text


def test_a_page_declaring_utf7_is_not_decoded_as_utf7(tmp_path: Path) -> None:
    # Decoded as UTF-7, "+AGEAYgBj-" became "abc" and a "+" swallowed the words after it (#18, item 14).
    path = tmp_path / "page.html"
    html = page().replace("charset='utf-8'", "charset='utf-7'").replace("next month", "next month (C+AGEAYgBj-)")
    path.write_bytes(html.encode("ascii"))
    assert "next month (C+AGEAYgBj-)" in read_one(path).text


@pytest.mark.parametrize("depth", [1990, 100_000])
def test_text_nested_very_deep_is_read_by_the_bounded_extraction(tmp_path: Path, depth: int) -> None:
    # 1,990 divs (under the 2,000 refused) and 100,000 gave "no article text found" (#18, item 13).
    path = tmp_path / "deep.html"
    body = "<div>" * depth + PARAGRAPHS + "</div>" * depth
    path.write_text(f"<html><head><title>Deep</title></head><body>{body}</body></html>", "utf-8")
    start = time.monotonic()
    article = read_one(path)
    assert time.monotonic() - start < 20
    assert "The foreign ministers of Norway and Finland agreed on Tuesday" in article.text
    assert "officials said after a meeting that lasted four hours." in article.text


def test_malformed_html_with_text_is_still_read(tmp_path: Path) -> None:
    path = tmp_path / "broken.html"
    path.write_text("<html><body><div><p>" + PARAGRAPHS.replace("</p>", "") + "<div><span>", encoding="utf-8")
    assert "Norway and Finland" in read_one(path).text


def test_html_without_any_text_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "blank.html"
    path.write_text("<html><head><title></title></head><body><script>var x = 1;</script></body></html>", "utf-8")
    result = read_path(path)
    assert not result.articles
    assert result.skipped[0].reason == "no article text found in the HTML page"


def test_deeply_nested_tags_do_not_hang_or_crash(tmp_path: Path) -> None:
    path = tmp_path / "deep.html"
    path.write_text("<html><body>" + "<div>" * 100_000 + "text" + "</div>" * 100_000 + "</body></html>", "utf-8")
    start = time.monotonic()
    result = read_path(path)
    assert time.monotonic() - start < 30
    assert len(result.articles) + len(result.skipped) == 1


def test_entity_declarations_in_html_are_not_expanded(tmp_path: Path) -> None:
    doctype = '<!DOCTYPE html [<!ENTITY a "AAAAAAAAAA"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
    path = tmp_path / "laughs.html"
    path.write_text(doctype + page().removeprefix("<!DOCTYPE html>").replace("since 2015", "since &b;"), "utf-8")
    result = read_path(path)
    for article in result.articles:
        assert "AAAAAAAAAAAAAAAAAAAA" not in article.text


def test_reading_a_page_opens_no_network_connection(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("network access while reading a saved page")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    extra = "<img src='https://tracker.example.com/p.gif'><script src='https://cdn.example.com/x.js'></script>"
    head = "<link rel='canonical' href='https://herald.example.org/2021/06/15/talks'><link rel='stylesheet' href='https://fonts.example.com/f.css'>"
    path = tmp_path / "page.html"
    path.write_text(page(head, body_extra=extra), encoding="utf-8")
    article = read_one(path)
    assert article.published == dt.date(2021, 6, 15)  # from the URL's date path, read offline


def test_html_to_text_keeps_paragraphs() -> None:
    assert html_to_text("<p>One &amp; two</p><p>Three<br>four</p><script>x()</script>") == "One & two\n\nThree\n\nfour"
    assert html_to_text("plain   words") == "plain words"


def test_huge_single_line_page_is_read_in_bounded_time(tmp_path: Path) -> None:
    # 31,000 elements, one line: past trafilatura's limit, its text under the 1,000,000 characters an article may have
    paragraphs = "<p>Finland met Norway in Oslo.</p>" * 31_000
    path = tmp_path / "huge.html"
    path.write_text(page("<meta property='article:published_time' content='2021-06-15'>").replace(PARAGRAPHS, paragraphs), "utf-8")
    start = time.monotonic()
    article = read_one(path)
    assert time.monotonic() - start < 20  # trafilatura alone needs minutes for this page
    assert article.text.count("Finland met Norway in Oslo.") == 31_000
    for chrome in ("Copyright 2004", "Archive 1998", "Reader42", "Advertisement"):
        assert chrome not in article.text
    assert article.published == dt.date(2021, 6, 15)


def test_page_saved_as_mhtml(tmp_path: Path) -> None:
    html = page("<meta property='article:published_time' content='2021-06-15'>").replace("Oslo", "Zürich")
    encoded = html.encode("utf-8").hex()
    quoted = "".join(f"={encoded[i:i + 2].upper()}" for i in range(0, len(encoded), 2))
    lines = [quoted[i : i + 75] + "=" for i in range(0, len(quoted), 75)]
    mhtml = (
        "From: <Saved by Blink>\r\nSnapshot-Content-Location: https://herald.example.org/border-talks\r\n"
        "Subject: Ministers agree on border talks\r\nMIME-Version: 1.0\r\n"
        'Content-Type: multipart/related; type="text/html"; boundary="----BOUNDARY"\r\n\r\n'
        "------BOUNDARY\r\nContent-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n"
        "Content-Location: https://herald.example.org/border-talks\r\n\r\n"
        + "\r\n".join(lines)
        + "\r\n------BOUNDARY\r\nContent-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n\r\niVBORw0KGgo=\r\n"
        "------BOUNDARY--\r\n"
    )
    for name in ("saved.mhtml", "saved-without-extension"):
        path = tmp_path / name
        path.write_text(mhtml, encoding="ascii")
        article = read_one(path)
        assert article.title == "Ministers agree on border talks"
        assert "Zürich next month" in article.text and "Copyright 2004" not in article.text
        assert (article.published, article.url) == (dt.date(2021, 6, 15), "https://herald.example.org/border-talks")


def test_markup_text_drops_what_is_never_read_and_keeps_paragraphs() -> None:
    markup = ("<html><head><title>T</title></head><body><nav>menu</nav><p>One &amp; <b>two</b></p>"
              "<script>if (a<b) x()</script><p>Three<br>four</p><!-- note --><nav>never closed <p>five</p>")
    assert [line for line in markup_text(markup).split("\n") if line.strip()] == [
        "One & two", "Three", "four", "never closed ", "five"]
