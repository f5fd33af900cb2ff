"""RSS and Atom feeds: one article per item, dated by its own pubDate, hostile XML refused."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from timeline_app.core.ingest import read_path
from timeline_app.core.models import DateSource

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>
<title>World Desk</title><link>https://desk.example.org/</link>
<item><title>Talks resume in Geneva</title><link>https://desk.example.org/1</link>
<pubDate>Wed, 28 Dec 2022 23:30:00 -0500</pubDate><author>desk@example.org (Jane Doe)</author>
<description>Short summary</description>
<content:encoded><![CDATA[<p>Envoys from Armenia and Azerbaijan met on Wednesday.</p><p>They will meet again next month.</p>]]></content:encoded>
</item>
<item><title>Second item</title><pubDate>Thu, 05 Jan 2023 10:00:00 GMT</pubDate>
<description>&lt;p&gt;Ministers &amp;amp; envoys met.&lt;/p&gt;</description></item>
<item><title>Undated item</title><description>No date here.</description></item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Desk</title>
<entry><title type="html">Sanctions &lt;em&gt;extended&lt;/em&gt;</title><link href="https://atom.example.org/a"/>
<published>2021-03-04T22:00:00-08:00</published><updated>2021-03-06T10:00:00Z</updated>
<content type="html">&lt;p&gt;The EU extended sanctions on Monday.&lt;/p&gt;</content></entry>
<entry><title>Only updated</title><updated>2021-03-07T10:00:00Z</updated><summary>Text.</summary></entry>
</feed>
"""


def test_rss_items_are_articles_dated_by_their_own_pubdate(tmp_path: Path) -> None:
    path = tmp_path / "desk.xml"
    path.write_text(RSS, encoding="utf-8")
    result = read_path(path)
    assert not result.skipped
    first, second, third = result.articles
    assert first.title == "Talks resume in Geneva"
    assert first.text == (
        "Talks resume in Geneva\n\nEnvoys from Armenia and Azerbaijan met on Wednesday.\n\nThey will meet again next month."
    )
    assert first.published == dt.date(2022, 12, 28)  # as written, not moved to UTC
    assert first.published_source is DateSource.METADATA
    assert (first.url, first.source, first.byline, first.fmt) == ("https://desk.example.org/1", "World Desk", "Jane Doe", "feed")
    assert first.source_path == f"{path}#1"
    assert second.text == "Second item\n\nMinisters & envoys met."
    assert second.published == dt.date(2023, 1, 5)
    assert third.published is None and third.published_source is DateSource.NONE


def test_atom_entries_published_or_updated(tmp_path: Path) -> None:
    path = tmp_path / "desk.atom"
    path.write_text(ATOM, encoding="utf-8")
    first, second = read_path(path).articles
    assert first.title == "Sanctions extended"
    assert first.published == dt.date(2021, 3, 4)
    assert first.url == "https://atom.example.org/a"
    assert second.published == dt.date(2021, 3, 7)


def test_feed_detected_by_content_without_extension(tmp_path: Path) -> None:
    path = tmp_path / "download"
    path.write_text(ATOM, encoding="utf-8")
    assert [a.fmt for a in read_path(path).articles] == ["feed", "feed"]


def test_user_date_overrides_item_dates(tmp_path: Path) -> None:
    path = tmp_path / "desk.rss"
    path.write_text(RSS, encoding="utf-8")
    dates = {(a.published, a.published_source) for a in read_path(path, dt.date(2020, 1, 1)).articles}
    assert dates == {(dt.date(2020, 1, 1), DateSource.USER)}


def test_entity_declarations_are_refused(tmp_path: Path) -> None:
    laughs = (
        '<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;">]>\n'
        "<rss><channel><title>x</title><item><title>&lol2;</title></item></channel></rss>"
    )
    path = tmp_path / "laughs.xml"
    path.write_text(laughs, encoding="utf-8")
    result = read_path(path)
    assert not result.articles
    assert "refused for safety" in result.skipped[0].reason


def test_external_entity_is_refused_even_in_utf16(tmp_path: Path) -> None:
    xxe = (
        '<?xml version="1.0" encoding="utf-16"?>\n<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'
        "<rss><channel><item><title>&xxe;</title></item></channel></rss>"
    )
    path = tmp_path / "xxe.rss"
    path.write_bytes(b"\xff\xfe" + xxe.encode("utf-16-le"))
    result = read_path(path)
    assert not result.articles
    assert "refused for safety" in result.skipped[0].reason


def test_plain_public_doctype_of_rss_091_is_read(tmp_path: Path) -> None:
    rss091 = (
        '<?xml version="1.0"?>\n<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" '
        '"http://my.netscape.com/publish/formats/rss-0.91.dtd">\n<rss version="0.91"><channel><title>Old</title>'
        "<item><title>Old item</title><description>Text.</description></item></channel></rss>"
    )
    path = tmp_path / "old.rss"
    path.write_text(rss091, encoding="utf-8")
    assert [a.title for a in read_path(path).articles] == ["Old item"]


def test_malformed_feed_is_skipped_with_a_reason(tmp_path: Path) -> None:
    path = tmp_path / "broken.xml"
    path.write_text("<rss><channel><title>x</title><item><title", encoding="utf-8")
    result = read_path(path)
    assert not result.articles
    assert result.skipped[0].reason.startswith(("malformed feed", "feed has no items"))


def test_xml_that_is_not_a_feed_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "config.xml"
    path.write_text('<?xml version="1.0"?><config><key>value</key></config>', encoding="utf-8")
    assert read_path(path).skipped[0].reason == "XML file that is neither an RSS nor an Atom feed"


def test_a_feed_declaring_utf7_is_not_decoded_as_utf7(tmp_path: Path) -> None:
    # feedparser honours encoding="utf-7": "+AGEAYgBj-" became "abc" (#18, item 14).
    path = tmp_path / "feed.xml"
    path.write_bytes(RSS.replace('encoding="utf-8"', 'encoding="utf-7"').replace(
        "Talks resume in Geneva", "Talks resume in Geneva +AGEAYgBj-").encode("ascii"))
    result = read_path(path)
    assert result.articles[0].title == "Talks resume in Geneva +AGEAYgBj-"
